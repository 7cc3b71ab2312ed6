import type { Static } from 'typebox';
import { type ExcelListDef, type ExportColumn, todayOf, yesNo } from '../../../platform/kit/index.ts';
import { presentFinding } from './finding.routes.ts';
import { FindingListQuery, type FindingView } from './finding.schemas.ts';
import { findingExportPages } from './finding.service.ts';
import { INSPECT, OVERSIGHT_READ } from './oversight.scope.ts';

/**
 * Findings of third-party safety inspections (安全巡查隐患) as an Excel export, with the list's
 * filters (project, contractor, status, severity, category, overdue); export only.
 */

type FindingItem = Static<typeof FindingView>;

const COLUMNS: ExportColumn<FindingItem>[] = [
  { key: 'projectName', header: { zh: '项目名称', en: 'Project' }, width: 28, value: (f) => f.projectName },
  {
    key: 'contractor',
    header: { zh: '施工单位', en: 'Contractor' },
    width: 24,
    value: (f) => f.contractor?.name ?? null,
  },
  {
    key: 'inspectorOrganisation',
    header: { zh: '巡查单位', en: 'Inspector' },
    width: 24,
    value: (f) => f.inspectorOrganisation.name,
  },
  {
    key: 'foundOn',
    header: { zh: '巡查日期', en: 'Found on' },
    width: 12,
    kind: 'date',
    value: (f) => f.foundOn,
  },
  { key: 'seq', header: { zh: '序号', en: 'No.' }, width: 6, value: (f) => f.seq },
  { key: 'category', header: { zh: '隐患类别', en: 'Hazard' }, width: 12, value: (f) => f.categoryName },
  { key: 'severity', header: { zh: '隐患等级', en: 'Severity' }, width: 8, value: (f) => f.severityName },
  { key: 'location', header: { zh: '部位', en: 'Location' }, width: 24, value: (f) => f.location },
  {
    key: 'description',
    header: { zh: '隐患描述', en: 'Description' },
    width: 40,
    value: (f) => f.description,
  },
  {
    key: 'deadline',
    header: { zh: '整改期限', en: 'Deadline' },
    width: 12,
    kind: 'date',
    value: (f) => f.deadline,
  },
  {
    key: 'stopWork',
    header: { zh: '停工整改', en: 'Stop work' },
    width: 8,
    value: (f, lang) => yesNo(f.stopWork, lang),
  },
  { key: 'rounds', header: { zh: '整改轮次', en: 'Rounds' }, width: 8, value: (f) => f.rounds },
  { key: 'status', header: { zh: '状态', en: 'Status' }, width: 12, value: (f) => f.statusName },
  {
    key: 'overdue',
    header: { zh: '是否逾期', en: 'Overdue' },
    width: 8,
    value: (f, lang) => yesNo(f.overdue, lang),
  },
  {
    key: 'daysOverdue',
    header: { zh: '逾期天数', en: 'Days overdue' },
    width: 8,
    value: (f) => f.daysOverdue,
  },
  {
    key: 'closedOn',
    header: { zh: '销号日期', en: 'Closed on' },
    width: 12,
    kind: 'date',
    value: (f) => f.closedOn,
  },
  { key: 'photos', header: { zh: '照片数', en: 'Photos' }, width: 8, value: (f) => f.photos.length },
];

export const findingExcel: ExcelListDef<FindingItem> = {
  target: 'renewal-findings',
  basePath: '/api/renewal/findings',
  tag: 'renewal-oversight',
  title: { zh: '安全巡查隐患', en: 'Inspection findings' },
  entityType: 'renewal_finding',
  permissions: { read: OVERSIGHT_READ, write: INSPECT },
  export: {
    query: FindingListQuery,
    audit: 'renewal.finding.export',
    columns: COLUMNS,
    async open(s, ctx, query, pageSize) {
      const found = await findingExportPages(s, ctx, query as Static<typeof FindingListQuery>, pageSize);
      const today = todayOf(s);
      async function* pages() {
        for await (const rows of found.pages) yield rows.map((r) => presentFinding(r, ctx.lang, today));
      }
      return { total: found.total, filters: found.filters, pages: pages() };
    },
  },
};
