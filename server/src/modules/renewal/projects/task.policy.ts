import {
  definePolicy,
  notFound,
  type PlatformServices,
  type RequestContext,
} from '../../../platform/kit/index.ts';
import {
  type ProjectAccess,
  type ProjectPartRecord,
  projectForRead,
  projectForWrite,
  projectPolicy,
} from './project.policy.ts';
import { findLink, findTask, type LinkRow, type TaskRow } from './task.repo.ts';

/**
 * Tasks and links follow their project's policy: seen with the project, changed and deleted by
 * whoever may update it (`renewal.write` in its region). One that is not in the project named
 * in the path is missing.
 */

export const taskNotFound = (id: string) =>
  notFound({ zh: `任务 ${id}`, en: `Task ${id}` }, 'RENEWAL_TASK_NOT_FOUND');

export const linkNotFound = (id: string) =>
  notFound({ zh: `任务关联 ${id}`, en: `Task link ${id}` }, 'RENEWAL_LINK_NOT_FOUND');

/** A task (or link: the same rules) sent with what the caller may do with it. */
export const taskPolicy = definePolicy({
  notFound: (r: ProjectPartRecord) => taskNotFound(r.id),
  denied: 'RENEWAL_PROJECT_READ_ONLY',
  read: (a, r) => projectPolicy.sees(a, r.project),
  actions: {
    update: (a, r) => projectPolicy.allows(a, 'update', r.project),
    delete: (a, r) => projectPolicy.allows(a, 'update', r.project),
  },
});

export const TaskCan = taskPolicy.canSchema('TaskCan');

/** The task with what the caller (whose access to the project this is) may do with it. */
export const withTaskCan = <T extends { id: string }>(access: ProjectAccess, t: T) => ({
  ...t,
  can: taskPolicy.can(access.actor, { id: t.id, project: access.project }),
});

export const tasksForRead = (
  s: PlatformServices,
  ctx: RequestContext,
  projectId: string,
): Promise<ProjectAccess> => projectForRead(s, ctx, projectId);

export const tasksForWrite = (
  s: PlatformServices,
  ctx: RequestContext,
  projectId: string,
): Promise<ProjectAccess> => projectForWrite(s, ctx, projectId);

/** The task, if the caller may change it and it belongs to the project. */
export async function taskForWrite(
  s: PlatformServices,
  ctx: RequestContext,
  projectId: string,
  taskId: string,
): Promise<ProjectAccess & { task: TaskRow }> {
  const access = await projectForWrite(s, ctx, projectId);
  const task = await findTask(s.db, taskId);
  if (!task || task.project_id !== projectId) throw taskNotFound(taskId);
  return { ...access, task };
}

/** The link, if the caller may change it and it belongs to the project. */
export async function linkForWrite(
  s: PlatformServices,
  ctx: RequestContext,
  projectId: string,
  linkId: string,
): Promise<ProjectAccess & { link: LinkRow }> {
  const access = await projectForWrite(s, ctx, projectId);
  const link = await findLink(s.db, linkId);
  if (!link || link.project_id !== projectId) throw linkNotFound(linkId);
  return { ...access, link };
}
