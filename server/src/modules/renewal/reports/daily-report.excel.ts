import { type ExcelListDef, type ExportColumn, type Lang, say } from '../../../platform/kit/index.ts';
import { SEVERITY_NAMES, WEATHER_NAMES } from '../shared/renewal.labels.ts';
import { RENEWAL_READ, RENEWAL_REPORT } from '../shared/renewal.scope.ts';
import type { ReportExportRow } from './daily-report.repo.ts';
import { ReportExportQuery, type ReportExportQueryT } from './daily-report.schemas.ts';
import { reportExportPages } from './daily-report.service.ts';

/**
 * Daily reports (工程日报) as an Excel export: one project's (`projectId`) or every project's
 * in the caller's scope, within a date range; export only.
 */

const joined = (parts: string[], lang: Lang) => parts.join(lang === 'en' ? '; ' : '；');

const COLUMNS: ExportColumn<ReportExportRow>[] = [
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
  {
    key: 'machineryCount',
    header: { zh: '机械设备（台）', en: 'Machines' },
    width: 12,
    value: (r) => r.machinery.reduce((n, m) => n + m.count, 0),
  },
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
    value: (r) => r.progress_count,
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
    value: (r) => (r.amended_at ? r.amended_at : null),
  },
];

export const dailyReportExcel: ExcelListDef<ReportExportRow> = {
  target: 'renewal-reports',
  basePath: '/api/renewal/reports',
  tag: 'renewal',
  title: { zh: '工程日报', en: 'Daily reports' },
  entityType: 'renewal_daily_report',
  permissions: { read: RENEWAL_READ, write: RENEWAL_REPORT },
  export: {
    query: ReportExportQuery,
    audit: 'renewal.report.export',
    columns: COLUMNS,
    open: (s, ctx, query, pageSize) => reportExportPages(s, ctx, query as ReportExportQueryT, pageSize),
  },
};
