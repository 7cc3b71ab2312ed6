import { type SqlBool, sql } from 'kysely';
import { Type } from 'typebox';
import {
  checkDate,
  checkRange,
  dateString,
  defineList,
  type ExcelListDef,
  type ExportColumn,
  filter,
  IdParams,
  type Lang,
  type ListExcel,
  regionSubtreeSql,
  say,
  uuid,
} from '../../../platform/kit/index.ts';
import { projectForRead } from '../projects/project.policy.ts';
import { projectScopeSql } from '../projects/project.repo.ts';
import { SEVERITY_NAMES, WEATHER_NAMES } from '../shared/renewal.labels.ts';
import { RENEWAL_READ } from '../shared/renewal.scope.ts';
import { type ReportListRow, reportsWithProjects } from './daily-report.repo.ts';
import { ReportListItem } from './daily-report.schemas.ts';

/**
 * Daily reports (工程日报) as lists: a project's, newest first (`GET
 * /api/renewal/projects/:id/reports`, the project's reports tab), and every report in the
 * caller's scope, for the Excel export across projects (`GET /api/renewal/reports/export.xlsx`,
 * one project's with `projectId`; it has no page of its own, so only its export is routed).
 */

const joined = (parts: string[], lang: Lang) => parts.join(lang === 'en' ? '; ' : '；');
const machineCount = (r: ReportListRow) => r.machinery.reduce((n, m) => n + m.count, 0);

const COLUMNS: ExportColumn<ReportListRow>[] = [
  {
    key: 'date',
    header: { zh: '日报日期', en: 'Date' },
    width: 12,
    kind: 'date',
    value: (r) => r.report_date,
  },
  { key: 'projectName', header: { zh: '项目名称', en: 'Project' }, width: 30, value: (r) => r.project_name },
  { key: 'regionName', header: { zh: '所在地区', en: 'Region' }, width: 12, value: (r) => r.region_name },
  {
    key: 'contractorName',
    header: { zh: '施工单位', en: 'Contractor' },
    width: 24,
    value: (r) => r.contractor_name,
  },
  {
    key: 'weather',
    header: { zh: '天气', en: 'Weather' },
    width: 8,
    value: (r, lang) => say(WEATHER_NAMES[r.weather], lang),
  },
  {
    key: 'workersOnSite',
    header: { zh: '现场作业人数', en: 'Workers on site' },
    width: 12,
    value: (r) => r.workers_on_site,
  },
  { key: 'machineryCount', header: { zh: '机械设备（台）', en: 'Machines' }, width: 12, value: machineCount },
  {
    key: 'machinery',
    header: { zh: '机械明细', en: 'Machinery' },
    width: 28,
    value: (r, lang) =>
      joined(
        r.machinery.map((m) => `${m.type}×${m.count}`),
        lang,
      ) || null,
  },
  {
    key: 'progressCount',
    header: { zh: '填报进度的任务数', en: 'Tasks with progress' },
    width: 14,
    value: (r) => Number(r.progress_count ?? 0),
  },
  {
    key: 'problemCount',
    header: { zh: '问题数', en: 'Problems' },
    width: 8,
    value: (r) => r.problems.length,
  },
  {
    key: 'problems',
    header: { zh: '存在问题', en: 'Problems reported' },
    width: 48,
    value: (r, lang) =>
      joined(
        r.problems.map((p, i) => `${i + 1}. [${say(SEVERITY_NAMES[p.severity], lang)}] ${p.text}`),
        lang,
      ) || null,
  },
  { key: 'photoCount', header: { zh: '照片数', en: 'Photos' }, width: 8, value: (r) => r.photos.length },
  { key: 'notes', header: { zh: '备注', en: 'Notes' }, width: 30, value: (r) => r.notes },
  { key: 'filedBy', header: { zh: '填报人', en: 'Filed by' }, width: 14, value: (r) => r.filed_by_name },
  {
    key: 'filedAt',
    header: { zh: '填报时间', en: 'Filed at' },
    width: 20,
    kind: 'datetime',
    value: (r) => r.created_at,
  },
  {
    key: 'amendedAt',
    header: { zh: '修改时间', en: 'Amended at' },
    width: 20,
    kind: 'datetime',
    value: (r) => r.amended_at,
  },
];

const EXCEL: ListExcel<ReportListRow> = {
  target: 'renewal-reports',
  title: { zh: '工程日报', en: 'Daily reports' },
  entityType: 'renewal_daily_report',
  audit: 'renewal.report.export',
  columns: COLUMNS,
};

/** A report as the reports table shows it: its content counted. */
const reportItem = (r: ReportListRow, lang: Lang) => ({
  id: r.id,
  date: r.report_date,
  weatherName: say(WEATHER_NAMES[r.weather], lang),
  workersOnSite: r.workers_on_site,
  machineryCount: machineCount(r),
  progressCount: Number(r.progress_count ?? 0),
  problemCount: r.problems.length,
  photoCount: r.photos.length,
  filedByName: r.filed_by_name,
  filedAt: r.created_at.toISOString(),
});

/** A date filter: a real day (400 naming the field otherwise), compared with the report date. */
const dateFilter = (field: 'from' | 'to', description: string) =>
  filter(dateString(description), (day) =>
    field === 'from'
      ? sql<SqlBool>`d.report_date >= ${checkDate(field, day)}`
      : sql<SqlBool>`d.report_date <= ${checkDate(field, day)}`,
  );

/** Newest day first; within a day (across projects) by project name. */
const SORTS = { date: [['d.report_date', 'desc'], 'p.name'] as const };

/** 工程日报列表: one project's reports (404 for a project the caller does not see), newest first. */
export const projectReportList = defineList({
  path: '/api/renewal/projects/:id/reports',
  tag: 'renewal',
  summary: '工程日报列表 Daily reports of a project, newest first',
  permission: RENEWAL_READ,
  parent: {
    params: IdParams,
    open: async (s, ctx, { id = '' }) => {
      await projectForRead(s, ctx, id);
      return sql<SqlBool>`d.project_id = ${id}`;
    },
  },
  rows: reportsWithProjects,
  filters: {
    from: dateFilter('from', 'reports dated on or after'),
    to: dateFilter('to', 'reports dated on or before'),
  },
  sorts: SORTS,
  defaultSort: 'date',
  key: 'd.id',
  item: ReportListItem,
  present: (r, { lang }) => reportItem(r, lang),
  // (its export is the one across projects, with `projectId`: not routed under the project)
  excel: EXCEL,
});

/** Every daily report in the caller's scope (projects they see), for the export. */
const dailyReportList = defineList({
  path: '/api/renewal/reports',
  tag: 'renewal',
  summary: '工程日报 Daily reports of the projects in my scope',
  permission: RENEWAL_READ,
  rows: reportsWithProjects,
  scope: (scope) => projectScopeSql(scope),
  filters: {
    projectId: filter(
      uuid('one project’s reports (default: every project in my scope)'),
      (id) => sql<SqlBool>`d.project_id = ${id}`,
    ),
    regionCode: filter(
      Type.String({ pattern: '^[0-9]{2,12}$', description: 'projects in this region subtree' }),
      (code) => regionSubtreeSql('p.region_code', code),
    ),
    from: dateFilter('from', 'reports dated on or after'),
    to: dateFilter('to', 'reports dated on or before'),
  },
  sorts: SORTS,
  defaultSort: 'date',
  key: 'd.id',
  item: ReportListItem,
  present: (r, { lang }) => reportItem(r, lang),
  excel: EXCEL,
});

/**
 * The export across projects: as the list declares it, after the checks its query asks for —
 * a project named that the caller does not see is 404 (as its page), a backwards range 400.
 */
export const dailyReportExcel: ExcelListDef<ReportListRow> = {
  ...dailyReportList.excel,
  export: {
    ...dailyReportList.excel.export,
    open: async (s, ctx, query, pageSize, params) => {
      const q = query as { projectId?: string; from?: string; to?: string };
      if (q.projectId) await projectForRead(s, ctx, q.projectId);
      checkRange(q.from, q.to);
      return dailyReportList.excel.export.open(s, ctx, query, pageSize, params);
    },
  },
};
