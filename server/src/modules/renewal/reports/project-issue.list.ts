import { type SqlBool, sql } from 'kysely';
import { Type } from 'typebox';
import {
  type Db,
  defineList,
  type ExportColumn,
  filter,
  type ListView,
  say,
  uuid,
  yesNo,
} from '../../../platform/kit/index.ts';
import { projectScopeSql } from '../projects/project.repo.ts';
import { ISSUE_STATUS_NAMES, SEVERITY_NAMES } from '../shared/renewal.labels.ts';
import { projectInScope, RENEWAL_READ, RENEWAL_WRITE } from '../shared/renewal.scope.ts';
import { issueProject } from './project-issue.policy.ts';
import { issuesWithNames } from './project-issue.repo.ts';
import { IssueItem, IssueStatusSchema } from './project-issue.schemas.ts';

/**
 * 问题跟踪: the issues raised from daily reports that the caller sees (their projects'), open
 * first by due date, with their Excel export. "Overdue" (open, due before today) is against the
 * services' clock: the request's `today` (its `ListView`).
 */

const overdueSql = (today: string) => sql<boolean>`(i.status = 'open' and i.due_date < ${today})`;

const issueListRows = (db: Db, { today }: ListView) =>
  issuesWithNames(db).select(overdueSql(today).as('overdue'));

type IssueListRow = Awaited<ReturnType<ReturnType<typeof issueListRows>['execute']>>[number];

const COLUMNS: ExportColumn<IssueListRow>[] = [
  { key: 'projectName', header: { zh: '项目名称', en: 'Project' }, width: 30, value: (i) => i.project_name },
  { key: 'title', header: { zh: '问题', en: 'Issue' }, width: 40, value: (i) => i.title },
  {
    key: 'severity',
    header: { zh: '严重程度', en: 'Severity' },
    width: 10,
    value: (i, lang) => say(SEVERITY_NAMES[i.severity], lang),
  },
  {
    key: 'ownerOrganisation',
    header: { zh: '责任单位', en: 'Owner organisation' },
    width: 24,
    value: (i) => i.owner_org_name,
  },
  {
    key: 'reportDate',
    header: { zh: '来源日报日期', en: 'From the report of' },
    width: 14,
    kind: 'date',
    value: (i) => i.report_date,
  },
  { key: 'problemNo', header: { zh: '问题序号', en: 'Problem no.' }, width: 8, value: (i) => i.problem_no },
  {
    key: 'dueDate',
    header: { zh: '整改期限', en: 'Due date' },
    width: 12,
    kind: 'date',
    value: (i) => i.due_date,
  },
  {
    key: 'status',
    header: { zh: '状态', en: 'Status' },
    width: 10,
    value: (i, lang) => say(ISSUE_STATUS_NAMES[i.status], lang),
  },
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
    value: (i) => i.resolved_at,
  },
  {
    key: 'createdAt',
    header: { zh: '登记时间', en: 'Raised at' },
    width: 20,
    kind: 'datetime',
    value: (i) => i.created_at,
  },
];

export const issueList = defineList({
  path: '/api/renewal/issues',
  tag: 'renewal',
  summary: '问题跟踪 Issues in my scope (one project’s with projectId); open first, by due date',
  permission: RENEWAL_READ,
  rows: issueListRows,
  scope: (scope) => projectScopeSql(scope),
  filters: {
    projectId: filter(uuid('only this project'), (id) => sql<SqlBool>`i.project_id = ${id}`),
    status: filter(IssueStatusSchema, (status) => sql<SqlBool>`i.status = ${status}`),
    overdue: filter(
      Type.Boolean({ description: 'only open issues past their due date' }),
      (only, { today }) => (only ? overdueSql(today) : sql<SqlBool>`true`),
    ),
  },
  sorts: { due: ['i.status', 'i.due_date'] },
  defaultSort: 'due',
  key: 'i.id',
  item: IssueItem,
  present: (i, { lang }) => ({
    id: i.id,
    projectId: i.project_id,
    projectName: i.project_name,
    reportDate: i.report_date,
    problemNo: i.problem_no,
    title: i.title,
    severity: i.severity,
    severityName: say(SEVERITY_NAMES[i.severity], lang),
    ownerOrganisationName: i.owner_org_name,
    dueDate: i.due_date,
    status: i.status,
    statusName: say(ISSUE_STATUS_NAMES[i.status], lang),
    overdue: i.overdue,
    resolution: i.resolution,
  }),
  // resolve and reopen: whoever may update the issue's project (staff in its region)
  can: {
    update: { permission: RENEWAL_WRITE, allows: (scope, i) => projectInScope(scope, issueProject(i), []) },
  },
  excel: {
    target: 'renewal-issues',
    title: { zh: '问题跟踪', en: 'Issues' },
    entityType: 'renewal_issue',
    audit: 'renewal.issue.export',
    columns: COLUMNS,
  },
});
