import { type ExcelListDef, type ExportColumn, yesNo } from '../../../platform/kit/index.ts';
import { RENEWAL_READ, RENEWAL_WRITE } from '../shared/renewal.scope.ts';
import { NO_PROJECT_CAN, presentProjectListItem } from './project.present.ts';
import type { ProjectListQueryT } from './project.schemas.ts';
import { ProjectListQuery } from './project.schemas.ts';
import { projectExportPages } from './project.service.ts';

/** The project register (项目台账) as an Excel export: the list's columns and filters, export only. */

type ProjectListItem = ReturnType<typeof presentProjectListItem>;

/** Integer fen as yuan with two decimals (a number, so Excel sums it). */
const yuan = (fen: number) => Math.round(fen) / 100;

const COLUMNS: ExportColumn<ProjectListItem>[] = [
  { key: 'name', header: { zh: '项目名称', en: 'Project' }, width: 32, value: (p) => p.name },
  { key: 'type', header: { zh: '项目类型', en: 'Type' }, width: 14, value: (p) => p.typeName },
  { key: 'regionName', header: { zh: '所在地区', en: 'Region' }, width: 14, value: (p) => p.regionName },
  { key: 'regionCode', header: { zh: '区划代码', en: 'Region code' }, width: 14, value: (p) => p.regionCode },
  {
    key: 'ownerOrganisation',
    header: { zh: '业主单位', en: 'Owner department' },
    width: 24,
    value: (p) => p.ownerOrganisation.name,
  },
  {
    key: 'deliveryMode',
    header: { zh: '建设模式', en: 'Delivery mode' },
    width: 12,
    value: (p) => p.deliveryModeName,
  },
  {
    key: 'agentBuilder',
    header: { zh: '代建单位', en: 'Agent builder' },
    width: 24,
    value: (p) => p.agentBuilder?.name ?? null,
  },
  {
    key: 'contractor',
    header: { zh: '施工单位', en: 'Contractor' },
    width: 24,
    value: (p) => p.contractor?.name ?? null,
  },
  {
    key: 'supervisor',
    header: { zh: '监理单位', en: 'Supervisor' },
    width: 24,
    value: (p) => p.supervisor?.name ?? null,
  },
  {
    key: 'inspector',
    header: { zh: '第三方巡查单位', en: 'Safety inspector' },
    width: 24,
    value: (p) => p.inspector?.name ?? null,
  },
  {
    key: 'budget',
    header: { zh: '总投资（元）', en: 'Budget (yuan)' },
    width: 16,
    kind: 'money',
    value: (p) => yuan(p.budgetFen),
  },
  { key: 'stage', header: { zh: '项目阶段', en: 'Stage' }, width: 10, value: (p) => p.stageName },
  {
    key: 'startDate',
    header: { zh: '开工日期', en: 'Start date' },
    width: 12,
    kind: 'date',
    value: (p) => p.startDate,
  },
  {
    key: 'deadline',
    header: { zh: '承诺完工日期', en: 'Committed deadline' },
    width: 14,
    kind: 'date',
    value: (p) => p.deadline,
  },
  {
    key: 'plannedFinish',
    header: { zh: '预计完工日期', en: 'Planned finish' },
    width: 14,
    kind: 'date',
    // a project without tasks is not scheduled yet: no planned finish or delay to show
    value: (p) => (p.scheduled ? p.plannedFinish : null),
  },
  {
    key: 'daysLate',
    header: { zh: '滞后天数', en: 'Days late' },
    width: 10,
    value: (p) => (p.scheduled ? p.daysLate : null),
  },
  {
    key: 'progressPercent',
    header: { zh: '形象进度（%）', en: 'Progress (%)' },
    width: 12,
    kind: 'number',
    value: (p) => p.progressPercent,
  },
  {
    key: 'lateTaskCount',
    header: { zh: '滞后任务数', en: 'Late tasks' },
    width: 10,
    value: (p) => p.lateTaskCount,
  },
  {
    key: 'atRiskTaskCount',
    header: { zh: '临近最迟开工任务数', en: 'Tasks at risk' },
    width: 12,
    value: (p) => p.atRiskTaskCount,
  },
  {
    key: 'atRisk',
    header: { zh: '是否预警', en: 'At risk' },
    width: 8,
    value: (p, lang) => yesNo(p.atRisk, lang),
  },
  {
    key: 'calendar',
    header: { zh: '工期日历', en: 'Calendar' },
    width: 20,
    value: (p) => p.calendarName,
  },
  {
    key: 'lastReportDate',
    header: { zh: '最近日报日期', en: 'Last daily report' },
    width: 14,
    kind: 'date',
    value: (p) => p.lastReportDate,
  },
  {
    key: 'replannedOn',
    header: { zh: '最近倒排日期', en: 'Last re-planned' },
    width: 14,
    kind: 'date',
    value: (p) => p.replannedOn,
  },
];

export const projectExcel: ExcelListDef<ProjectListItem> = {
  target: 'renewal-projects',
  basePath: '/api/renewal/projects',
  tag: 'renewal',
  title: { zh: '城市更新项目台账', en: 'Renewal projects' },
  entityType: 'renewal_project',
  permissions: { read: RENEWAL_READ, write: RENEWAL_WRITE },
  export: {
    query: ProjectListQuery,
    audit: 'renewal.project.export',
    columns: COLUMNS,
    async open(s, ctx, query, pageSize) {
      const found = await projectExportPages(s, ctx, query as ProjectListQueryT, pageSize);
      async function* pages() {
        for await (const rows of found.pages)
          yield rows.map((r) => presentProjectListItem(r, ctx.lang, NO_PROJECT_CAN));
      }
      return { total: found.total, filters: found.filters, pages: pages() };
    },
  },
};
