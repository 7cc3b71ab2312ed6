import { type Expression, type SqlBool, sql } from 'kysely';
import { Type } from 'typebox';
import {
  type Db,
  defineList,
  type ExcelListDef,
  type ExportColumn,
  escapeLike,
  filter,
  regionSubtreeSql,
  regionWithin,
  say,
  yesNo,
} from '../../../platform/kit/index.ts';
import {
  CALENDAR_NAMES,
  DELIVERY_MODE_NAMES,
  PROJECT_TYPE_NAMES,
  STAGE_NAMES,
} from '../shared/renewal.labels.ts';
import { RENEWAL_READ, RENEWAL_WRITE } from '../shared/renewal.scope.ts';
import {
  PROJECT_AT_RISK,
  type ProjectExportDetail,
  type ProjectListRow,
  projectExportDetails,
  projectListRows,
  projectScopeSql,
} from './project.repo.ts';
import { ProjectListItem, ProjectTypeSchema, RegionSubtree, StageSchema } from './project.schemas.ts';

/** A row of the export: the list's row and what only the spreadsheet shows. */
type ProjectExportRow = ProjectListRow & ProjectExportDetail;

/** Integer fen as yuan with two decimals (a number, so Excel sums it). */
const yuan = (fen: number) => Math.round(fen) / 100;
const progressOf = (p: ProjectListRow) => (p.progress_bp === null ? null : p.progress_bp / 100);

const COLUMNS: ExportColumn<ProjectExportRow>[] = [
  { key: 'name', header: { zh: '项目名称', en: 'Project' }, width: 32, value: (p) => p.name },
  {
    key: 'type',
    header: { zh: '项目类型', en: 'Type' },
    width: 14,
    value: (p, l) => say(PROJECT_TYPE_NAMES[p.type], l),
  },
  { key: 'regionName', header: { zh: '所在地区', en: 'Region' }, width: 14, value: (p) => p.region_name },
  {
    key: 'regionCode',
    header: { zh: '区划代码', en: 'Region code' },
    width: 14,
    value: (p) => p.region_code,
  },
  {
    key: 'ownerOrganisation',
    header: { zh: '业主单位', en: 'Owner department' },
    width: 24,
    value: (p) => p.owner_org_name,
  },
  {
    key: 'deliveryMode',
    header: { zh: '建设模式', en: 'Delivery mode' },
    width: 12,
    value: (p, l) => say(DELIVERY_MODE_NAMES[p.delivery_mode], l),
  },
  {
    key: 'agentBuilder',
    header: { zh: '代建单位', en: 'Agent builder' },
    width: 24,
    value: (p) => p.agent_builder_name,
  },
  {
    key: 'contractor',
    header: { zh: '施工单位', en: 'Contractor' },
    width: 24,
    value: (p) => p.contractor_name,
  },
  {
    key: 'supervisor',
    header: { zh: '监理单位', en: 'Supervisor' },
    width: 24,
    value: (p) => p.supervisor_name,
  },
  {
    key: 'inspector',
    header: { zh: '第三方巡查单位', en: 'Safety inspector' },
    width: 24,
    value: (p) => p.inspector_name,
  },
  {
    key: 'budget',
    header: { zh: '总投资（元）', en: 'Budget (yuan)' },
    width: 16,
    kind: 'money',
    value: (p) => yuan(Number(p.budget_fen)),
  },
  {
    key: 'stage',
    header: { zh: '项目阶段', en: 'Stage' },
    width: 10,
    value: (p, l) => say(STAGE_NAMES[p.stage], l),
  },
  {
    key: 'startDate',
    header: { zh: '开工日期', en: 'Start date' },
    width: 12,
    kind: 'date',
    value: (p) => p.start_date,
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
    value: (p) => (p.has_tasks ? p.project_finish : null),
  },
  {
    key: 'daysLate',
    header: { zh: '滞后天数', en: 'Days late' },
    width: 10,
    value: (p) => (p.has_tasks ? p.days_late : null),
  },
  {
    key: 'progressPercent',
    header: { zh: '形象进度（%）', en: 'Progress (%)' },
    width: 12,
    kind: 'number',
    value: progressOf,
  },
  {
    key: 'lateTaskCount',
    header: { zh: '滞后任务数', en: 'Late tasks' },
    width: 10,
    value: (p) => p.late_task_count,
  },
  {
    key: 'atRiskTaskCount',
    header: { zh: '临近最迟开工任务数', en: 'Tasks at risk' },
    width: 12,
    value: (p) => p.at_risk_task_count,
  },
  {
    key: 'atRisk',
    header: { zh: '是否预警', en: 'At risk' },
    width: 8,
    value: (p, l) => yesNo(p.at_risk, l),
  },
  {
    key: 'calendar',
    header: { zh: '工期日历', en: 'Calendar' },
    width: 20,
    value: (p, l) => say(CALENDAR_NAMES[p.calendar_kind], l),
  },
  {
    key: 'lastReportDate',
    header: { zh: '最近日报日期', en: 'Last daily report' },
    width: 14,
    kind: 'date',
    value: (p) => p.last_report_date,
  },
  {
    key: 'replannedOn',
    header: { zh: '最近倒排日期', en: 'Last re-planned' },
    width: 14,
    kind: 'date',
    value: (p) => p.snapshot_date,
  },
];

/** A text filter's value trimmed; blank: no condition. */
const unlessBlank = (v: string, where: (trimmed: string) => Expression<SqlBool>) =>
  v.trim() === '' ? sql<SqlBool>`true` : where(v.trim());

/**
 * 项目台账: the renewal projects the caller may see (region grants; partners the projects their
 * organisation takes part in), by name or by deadline, with the latest re-plan and daily report.
 */
const register = defineList({
  path: '/api/renewal/projects',
  tag: 'renewal',
  summary: '城市更新项目台账 List renewal projects (filter, search, sort, page)',
  permission: RENEWAL_READ,
  rows: projectListRows,
  scope: (scope) => projectScopeSql(scope),
  filters: {
    regionCode: filter(RegionSubtree, (code) => regionSubtreeSql('p.region_code', code)),
    type: filter(ProjectTypeSchema, (type) => sql<SqlBool>`p.type = ${type}`),
    stage: filter(StageSchema, (stage) => sql<SqlBool>`p.stage = ${stage}`),
    q: filter(Type.String({ maxLength: 100, description: 'part of the name' }), (q) =>
      unlessBlank(q, (part) => sql<SqlBool>`p.name ilike ${`%${escapeLike(part)}%`}`),
    ),
    name: filter(
      Type.String({
        maxLength: 100,
        description:
          'the whole name, ignoring case and surrounding spaces: finds a project already registered under a name',
      }),
      (name) => unlessBlank(name, (whole) => sql<SqlBool>`lower(p.name) = lower(${whole})`),
    ),
    atRisk: filter(
      Type.Boolean({
        description:
          'true: only projects late, or with late or at-risk tasks, at the latest re-plan; false: only the others',
      }),
      (atRisk) => (atRisk ? PROJECT_AT_RISK : sql<SqlBool>`not ${PROJECT_AT_RISK}`),
    ),
  },
  // each reads its page from an index: (name, id), (deadline, id)
  sorts: { name: ['p.name'], deadline: ['p.deadline'] },
  defaultSort: 'name',
  key: 'p.id',
  item: ProjectListItem,
  present: (p, { lang }) => ({
    id: p.id,
    name: p.name,
    typeName: say(PROJECT_TYPE_NAMES[p.type], lang),
    regionName: p.region_name,
    contractorName: p.contractor_name,
    stage: p.stage,
    stageName: say(STAGE_NAMES[p.stage], lang),
    deadline: p.deadline,
    calendar: p.calendar_kind,
    scheduled: p.has_tasks,
    plannedFinish: p.project_finish,
    daysLate: p.days_late,
    progressPercent: progressOf(p),
    atRisk: p.at_risk,
    lastReportDate: p.last_report_date,
  }),
  // as projectPolicy's `update`: staff whose region grant holds the project
  can: { update: { permission: RENEWAL_WRITE, allows: (scope, p) => regionWithin(scope, p.region_code) } },
  excel: {
    target: 'renewal-projects',
    title: { zh: '城市更新项目台账', en: 'Renewal projects' },
    entityType: 'renewal_project',
    audit: 'renewal.project.export',
    columns: [], // the export's own, below: it shows more than the table
  },
});

/** Each page of the list's rows completed with what only the export shows, by one query on its ids. */
async function* withDetails(db: Db, pages: AsyncIterable<ProjectListRow[]>) {
  for await (const rows of pages) {
    const details = new Map(
      (
        await projectExportDetails(
          db,
          rows.map((r) => r.id),
        )
      ).map((d) => [d.id, d]),
    );
    yield rows.flatMap((r) => {
      const d = details.get(r.id);
      return d ? [{ ...r, ...d }] : [];
    });
  }
}

const exportDef = register.excel.export;

/**
 * The register: `projectList.route(app, s)`, and `projectList.excel` for the manifest, whose
 * export writes today's columns (owner, every party, budget, start, re-plan counts) for the
 * rows the list gives, in its order, with its filters and scope.
 */
export const projectList = {
  ...register,
  excel: {
    ...register.excel,
    export: {
      ...exportDef,
      columns: COLUMNS,
      open: async (s, ctx, query, pageSize, params) => {
        const found = await exportDef.open(s, ctx, query, pageSize, params);
        return { ...found, pages: withDetails(s.db, found.pages) };
      },
    },
  } satisfies ExcelListDef<ProjectExportRow>,
};
