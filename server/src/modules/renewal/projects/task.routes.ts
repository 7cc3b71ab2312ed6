import { Type } from 'typebox';
import {
  type GongfuApp,
  IdParams,
  type Lang,
  orgRef,
  type PlatformServices,
  say,
} from '../../../platform/kit/index.ts';
import { LINK_TYPE_NAMES } from '../shared/renewal.labels.ts';
import { RENEWAL_READ, RENEWAL_WRITE } from '../shared/renewal.scope.ts';
import type { LinkRow, TaskRow } from './task.repo.ts';
import {
  CreateLinkBody,
  CreateTaskBody,
  LinkList,
  LinkParams,
  LinkView,
  TaskList,
  TaskParams,
  TaskView,
  UpdateLinkBody,
  UpdateTaskBody,
} from './task.schemas.ts';
import { createTask, deleteTask, listProjectTasks, updateTask } from './task.service.ts';
import { createLink, deleteLink, listProjectLinks, updateLink } from './task-link.service.ts';

const tags = ['renewal'];

export const presentTask = (
  t: TaskRow & { can: Record<'update' | 'delete', boolean> },
  summary: boolean,
) => ({
  id: t.id,
  projectId: t.project_id,
  wbsCode: t.wbs_code,
  name: t.name,
  duration: t.duration,
  parentId: t.parent_id,
  summary,
  responsibleOrganisation: orgRef(t.responsible_org_id, t.responsible_org_name),
  position: t.position,
  can: t.can,
});

export const presentLink = (l: LinkRow, lang: Lang) => ({
  id: l.id,
  projectId: l.project_id,
  from: l.from_task_id,
  to: l.to_task_id,
  type: l.type,
  typeName: say(LINK_TYPE_NAMES[l.type], lang),
  lag: l.lag,
});

/** Tasks with the summary flag (a task some other task names as parent). */
export const presentTasks = (tasks: Array<Parameters<typeof presentTask>[0]>) => {
  const parents = new Set(tasks.flatMap((t) => (t.parent_id ? [t.parent_id] : [])));
  return tasks.map((t) => presentTask(t, parents.has(t.id)));
};

export function taskRoutes(app: GongfuApp, s: PlatformServices) {
  app.get(
    '/api/renewal/projects/:id/tasks',
    {
      config: { access: { permission: RENEWAL_READ } },
      schema: {
        tags,
        summary: '任务清单 Tasks of a project (work breakdown), in list order',
        params: IdParams,
        response: { 200: TaskList },
      },
    },
    async (req) => presentTasks(await listProjectTasks(s, req.ctx, req.params.id)),
  );

  app.post(
    '/api/renewal/projects/:id/tasks',
    {
      config: { access: { permission: RENEWAL_WRITE } },
      schema: {
        tags,
        summary: '新增任务 Add a task (appended to the list)',
        params: IdParams,
        body: CreateTaskBody,
        response: { 201: TaskView },
      },
    },
    async (req, reply) =>
      reply.code(201).send(presentTask(await createTask(s, req.ctx, req.params.id, req.body), false)),
  );

  app.patch(
    '/api/renewal/projects/:id/tasks/:taskId',
    {
      config: { access: { permission: RENEWAL_WRITE } },
      schema: {
        tags,
        summary: '修改任务 Update a task',
        params: TaskParams,
        body: UpdateTaskBody,
        response: { 200: TaskView },
      },
    },
    async (req) => {
      await updateTask(s, req.ctx, req.params.id, req.params.taskId, req.body);
      const all = presentTasks(await listProjectTasks(s, req.ctx, req.params.id));
      return all.find((t) => t.id === req.params.taskId)!;
    },
  );

  app.delete(
    '/api/renewal/projects/:id/tasks/:taskId',
    {
      config: { access: { permission: RENEWAL_WRITE } },
      schema: {
        tags,
        summary: '删除任务 Delete a task and its links (not one with sub-tasks or reported progress)',
        params: TaskParams,
        response: { 204: Type.Null({ description: 'deleted' }) },
      },
    },
    async (req, reply) => {
      await deleteTask(s, req.ctx, req.params.id, req.params.taskId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/renewal/projects/:id/links',
    {
      config: { access: { permission: RENEWAL_READ } },
      schema: {
        tags,
        summary: '任务关联 Links between the tasks of a project',
        params: IdParams,
        response: { 200: LinkList },
      },
    },
    async (req) =>
      (await listProjectLinks(s, req.ctx, req.params.id)).map((l) => presentLink(l, req.ctx.lang)),
  );

  app.post(
    '/api/renewal/projects/:id/links',
    {
      config: { access: { permission: RENEWAL_WRITE } },
      schema: {
        tags,
        summary: '新增任务关联 Link two tasks (FS/SS/FF/SF with lag); a cycle is refused',
        params: IdParams,
        body: CreateLinkBody,
        response: { 201: LinkView },
      },
    },
    async (req, reply) =>
      reply.code(201).send(presentLink(await createLink(s, req.ctx, req.params.id, req.body), req.ctx.lang)),
  );

  app.patch(
    '/api/renewal/projects/:id/links/:linkId',
    {
      config: { access: { permission: RENEWAL_WRITE } },
      schema: {
        tags,
        summary: '修改任务关联 Change a link’s type or lag',
        params: LinkParams,
        body: UpdateLinkBody,
        response: { 200: LinkView },
      },
    },
    async (req) =>
      presentLink(await updateLink(s, req.ctx, req.params.id, req.params.linkId, req.body), req.ctx.lang),
  );

  app.delete(
    '/api/renewal/projects/:id/links/:linkId',
    {
      config: { access: { permission: RENEWAL_WRITE } },
      schema: {
        tags,
        summary: '删除任务关联 Delete a link',
        params: LinkParams,
        response: { 204: Type.Null({ description: 'deleted' }) },
      },
    },
    async (req, reply) => {
      await deleteLink(s, req.ctx, req.params.id, req.params.linkId);
      return reply.code(204).send(null);
    },
  );
}
