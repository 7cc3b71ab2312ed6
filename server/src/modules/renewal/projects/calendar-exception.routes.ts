import {
  type GongfuApp,
  IdParams,
  type Lang,
  type PlatformServices,
  say,
} from '../../../platform/kit/index.ts';
import { EXCEPTION_KIND_NAMES } from '../shared/renewal.labels.ts';
import { RENEWAL_READ, RENEWAL_WRITE } from '../shared/renewal.scope.ts';
import { AddExceptionBody, ExceptionList, ExceptionParams } from './calendar-exception.schemas.ts';
import { addException, listProjectExceptions, removeException } from './calendar-exception.service.ts';
import type { ProjectExceptionRow } from './project.repo.ts';

const tags = ['renewal'];

export const presentException = (e: ProjectExceptionRow, lang: Lang) => ({
  date: e.day,
  kind: e.kind,
  kindName: say(EXCEPTION_KIND_NAMES[e.kind], lang),
  working: e.working,
  reason: e.reason,
  createdBy: e.created_by,
});

const present = (
  projectId: string,
  v: { rows: ProjectExceptionRow[]; plannedFinish: string },
  lang: Lang,
) => ({
  projectId,
  items: v.rows.map((e) => presentException(e, lang)),
  plannedFinish: v.plannedFinish,
});

export function calendarExceptionRoutes(app: GongfuApp, s: PlatformServices) {
  app.get(
    '/api/renewal/projects/:id/exceptions',
    {
      config: { access: { permission: RENEWAL_READ } },
      schema: {
        tags,
        summary: '日历例外 Calendar exceptions of a project: rain days, stoppages, extra workdays',
        params: IdParams,
        response: { 200: ExceptionList },
      },
    },
    async (req) =>
      present(req.params.id, await listProjectExceptions(s, req.ctx, req.params.id), req.ctx.lang),
  );

  app.post(
    '/api/renewal/projects/:id/exceptions',
    {
      config: { access: { permission: RENEWAL_WRITE } },
      schema: {
        tags,
        summary: '添加例外日期 Add a rain day, stoppage or extra workday; the project is re-planned',
        params: IdParams,
        body: AddExceptionBody,
        response: { 201: ExceptionList },
      },
    },
    async (req, reply) => {
      const v = await addException(s, req.ctx, req.params.id, req.body);
      return reply.code(201).send(present(req.params.id, v, req.ctx.lang));
    },
  );

  app.delete(
    '/api/renewal/projects/:id/exceptions/:date',
    {
      config: { access: { permission: RENEWAL_WRITE } },
      schema: {
        tags,
        summary: '删除例外日期 Remove a calendar exception; the project is re-planned',
        params: ExceptionParams,
        response: { 200: ExceptionList },
      },
    },
    async (req) =>
      present(req.params.id, await removeException(s, req.ctx, req.params.id, req.params.date), req.ctx.lang),
  );
}
