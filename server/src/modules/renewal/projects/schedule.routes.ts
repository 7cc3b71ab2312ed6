import {
  type GongfuApp,
  IdParams,
  type Lang,
  orgRef,
  type PlatformServices,
} from '../../../platform/kit/index.ts';
import { RENEWAL_READ } from '../shared/renewal.scope.ts';
import { DashboardView, ScheduleView } from './schedule.schemas.ts';
import { getProjectDashboard, getProjectSchedule, type ProjectSchedule } from './schedule.service.ts';
import { presentLink } from './task.routes.ts';

const tags = ['renewal'];

export function presentSchedule(p: ProjectSchedule, lang: Lang) {
  const byId = new Map(p.tasks.map((t) => [t.id, t]));
  return {
    projectId: p.project.id,
    statusDate: p.outcome.statusDate,
    startDate: p.project.start_date,
    deadline: p.project.deadline,
    calendar: p.project.calendar_kind,
    projectFinish: p.outcome.projectFinish,
    feasible: p.outcome.feasible,
    daysLate: p.outcome.daysLate,
    criticalPath: p.outcome.criticalPath,
    tasks: p.outcome.tasks.map((o) => {
      const t = byId.get(o.id)!;
      return {
        id: o.id,
        wbsCode: t.wbs_code,
        name: t.name,
        parentId: t.parent_id,
        summary: o.summary,
        duration: t.duration,
        responsibleOrganisation: orgRef(t.responsible_org_id, t.responsible_org_name),
        status: o.status,
        percent: o.percent,
        earlyStart: o.earlyStart,
        earlyFinish: o.earlyFinish,
        lateStart: o.lateStart,
        lateFinish: o.lateFinish,
        actualStart: o.actualStart,
        actualFinish: o.actualFinish,
        remaining: o.remaining,
        totalFloat: o.totalFloat,
        freeFloat: o.freeFloat,
        critical: o.critical,
        lateStartPassed: o.lateStartPassed,
        daysToLateStart: o.daysToLateStart,
        late: o.late,
        atRisk: o.atRisk,
      };
    }),
    links: p.links.map((l) => presentLink(l, lang)),
  };
}

export function scheduleRoutes(app: GongfuApp, s: PlatformServices) {
  app.get(
    '/api/renewal/projects/:id/schedule',
    {
      config: { access: { permission: RENEWAL_READ } },
      schema: {
        tags,
        summary:
          '倒排工期 Schedule: planned and latest dates, floats, critical path, re-planned from the daily reports',
        params: IdParams,
        response: { 200: ScheduleView },
      },
    },
    async (req) => presentSchedule(await getProjectSchedule(s, req.ctx, req.params.id), req.ctx.lang),
  );

  app.get(
    '/api/renewal/projects/:id/dashboard',
    {
      config: { access: { permission: RENEWAL_READ } },
      schema: {
        tags,
        summary:
          '项目看板 Project dashboard: progress, deadline, late and at-risk tasks, today’s report, trend',
        params: IdParams,
        response: { 200: DashboardView },
      },
    },
    async (req) => getProjectDashboard(s, req.ctx, req.params.id),
  );
}
