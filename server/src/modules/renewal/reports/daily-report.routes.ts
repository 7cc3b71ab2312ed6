import {
  type FileView,
  type GongfuApp,
  IdParams,
  type Lang,
  orgRef,
  type PlatformServices,
  say,
} from '../../../platform/kit/index.ts';
import { SEVERITY_NAMES, WEATHER_NAMES } from '../shared/renewal.labels.ts';
import { RENEWAL_READ, RENEWAL_REPORT } from '../shared/renewal.scope.ts';
import { projectReportList } from './daily-report.list.ts';
import type { ProgressRow, ReportRow } from './daily-report.repo.ts';
import {
  AmendReportBody,
  FileReportBody,
  MissingPage,
  MissingQuery,
  ReportParams,
  ReportView,
} from './daily-report.schemas.ts';
import { amendReport, fileReport, getReport, listMissingReports } from './daily-report.service.ts';

const tags = ['renewal'];

export const presentReport = (
  v: {
    report: ReportRow;
    progress: ProgressRow[];
    issues: Map<number, string>;
    amendable: boolean;
    rainDay: boolean;
    files: FileView[];
    can: Record<'update' | 'track', boolean>;
  },
  lang: Lang,
) => ({
  id: v.report.id,
  projectId: v.report.project_id,
  date: v.report.report_date,
  weather: v.report.weather,
  weatherName: say(WEATHER_NAMES[v.report.weather], lang),
  workersOnSite: v.report.workers_on_site,
  machinery: v.report.machinery.map((m) => ({ type: m.type, count: m.count })),
  progress: v.progress.map((g) => ({
    taskId: g.task_id,
    wbsCode: g.wbs_code,
    taskName: g.task_name,
    percent: g.percent,
    startedOn: g.started_on,
    finishedOn: g.finished_on,
    remainingDays: g.remaining_days,
  })),
  problems: v.report.problems.map((p, i) => ({
    n: i + 1,
    text: p.text,
    severity: p.severity,
    severityName: say(SEVERITY_NAMES[p.severity], lang),
    issueId: v.issues.get(i + 1) ?? null,
  })),
  photos: v.report.photos.map((p) => ({
    description: p.description,
    file: v.files.find((f) => f.id === p.fileId) ?? null,
  })),
  notes: v.report.notes,
  filedBy: { id: v.report.filed_by, name: v.report.filed_by_name },
  filedAt: v.report.created_at.toISOString(),
  amendedBy: { id: v.report.amended_by, name: v.report.amended_by_name },
  amendedAt: v.report.amended_at?.toISOString() ?? null,
  amendable: v.amendable,
  rainDay: v.rainDay,
  can: v.can,
});

export function dailyReportRoutes(app: GongfuApp, s: PlatformServices) {
  projectReportList.route(app, s);

  app.post(
    '/api/renewal/projects/:id/reports',
    {
      config: { access: { permission: RENEWAL_REPORT } },
      schema: {
        tags,
        summary: '填报工程日报 File the daily report (one per project per day)',
        params: IdParams,
        body: FileReportBody,
        response: { 201: ReportView },
      },
    },
    async (req, reply) => {
      const row = await fileReport(s, req.ctx, req.params.id, req.body);
      return reply.code(201).send(presentReport(await getReport(s, req.ctx, row.id), req.ctx.lang));
    },
  );

  app.get(
    '/api/renewal/reports/missing',
    {
      config: { access: { permission: RENEWAL_READ } },
      schema: {
        tags,
        summary: '缺报项目 Projects under construction missing the day’s daily report',
        querystring: MissingQuery,
        response: { 200: MissingPage },
      },
    },
    async (req) => {
      const r = await listMissingReports(s, req.ctx, req.query);
      return {
        date: r.date,
        items: r.rows.map((m) => ({
          projectId: m.id,
          projectName: m.name,
          regionCode: m.region_code,
          regionName: m.region_name,
          contractor: orgRef(m.contractor_id, m.contractor_name),
          lastReportDate: m.last_report_date,
        })),
        total: r.total,
        page: r.page,
        pageSize: r.pageSize,
      };
    },
  );

  app.get(
    '/api/renewal/reports/:id',
    {
      config: { access: { permission: RENEWAL_READ } },
      schema: {
        tags,
        summary: '日报详情 One daily report',
        params: ReportParams,
        response: { 200: ReportView },
      },
    },
    async (req) => presentReport(await getReport(s, req.ctx, req.params.id), req.ctx.lang),
  );

  app.put(
    '/api/renewal/reports/:id',
    {
      config: { access: { permission: RENEWAL_REPORT } },
      schema: {
        tags,
        summary: '修改当天日报 Amend a daily report on the day it was filed',
        params: ReportParams,
        body: AmendReportBody,
        response: { 200: ReportView },
      },
    },
    async (req) => {
      await amendReport(s, req.ctx, req.params.id, req.body);
      return presentReport(await getReport(s, req.ctx, req.params.id), req.ctx.lang);
    },
  );
}
