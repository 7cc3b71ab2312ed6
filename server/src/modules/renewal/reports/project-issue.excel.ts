import { type ExcelListDef, type ExportColumn, todayOf, yesNo } from '../../../platform/kit/index.ts';
import { RENEWAL_READ, RENEWAL_WRITE } from '../shared/renewal.scope.ts';
import { presentIssue } from './project-issue.routes.ts';
import { IssueListQuery, type IssueListQueryT } from './project-issue.schemas.ts';
import { issueExportPages } from './project-issue.service.ts';

/** Tracked issues (问题跟踪) as an Excel export, with the list's filters; export only. */

type IssueItem = ReturnType<typeof presentIssue>;

const COLUMNS: ExportColumn<IssueItem>[] = [
  { key: 'projectName', header: { zh: '项目名称', en: 'Project' }, width: 30, value: (i) => i.projectName },
  { key: 'title', header: { zh: '问题', en: 'Issue' }, width: 40, value: (i) => i.title },
  { key: 'severity', header: { zh: '严重程度', en: 'Severity' }, width: 10, value: (i) => i.severityName },
  {
    key: 'ownerOrganisation',
    header: { zh: '责任单位', en: 'Owner organisation' },
    width: 24,
    value: (i) => i.ownerOrganisation?.name ?? null,
  },
  {
    key: 'reportDate',
    header: { zh: '来源日报日期', en: 'From the report of' },
    width: 14,
    kind: 'date',
    value: (i) => i.reportDate,
  },
  { key: 'problemNo', header: { zh: '问题序号', en: 'Problem no.' }, width: 8, value: (i) => i.problemNo },
  {
    key: 'dueDate',
    header: { zh: '整改期限', en: 'Due date' },
    width: 12,
    kind: 'date',
    value: (i) => i.dueDate,
  },
  { key: 'status', header: { zh: '状态', en: 'Status' }, width: 10, value: (i) => i.statusName },
  {
    key: 'overdue',
    header: { zh: '是否逾期', en: 'Overdue' },
    width: 8,
    value: (i, lang) => yesNo(i.overdue, lang),
  },
  { key: 'resolution', header: { zh: '处理结果', en: 'Resolution' }, width: 36, value: (i) => i.resolution },
  {
    key: 'resolvedAt',
    header: { zh: '解决时间', en: 'Resolved at' },
    width: 20,
    kind: 'datetime',
    value: (i) => (i.resolvedAt ? new Date(i.resolvedAt) : null),
  },
  {
    key: 'createdAt',
    header: { zh: '登记时间', en: 'Raised at' },
    width: 20,
    kind: 'datetime',
    value: (i) => new Date(i.createdAt),
  },
];

export const projectIssueExcel: ExcelListDef<IssueItem> = {
  target: 'renewal-issues',
  basePath: '/api/renewal/issues',
  tag: 'renewal',
  title: { zh: '问题跟踪', en: 'Issues' },
  entityType: 'renewal_issue',
  permissions: { read: RENEWAL_READ, write: RENEWAL_WRITE },
  export: {
    query: IssueListQuery,
    audit: 'renewal.issue.export',
    columns: COLUMNS,
    async open(s, ctx, query, pageSize) {
      const found = await issueExportPages(s, ctx, query as IssueListQueryT, pageSize);
      const today = todayOf(s);
      async function* pages() {
        for await (const rows of found.pages)
          yield rows.map((r) => presentIssue(r, ctx.lang, today, { update: false }));
      }
      return { total: found.total, filters: found.filters, pages: pages() };
    },
  },
};
