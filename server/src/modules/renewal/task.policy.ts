import type { RequestContext } from '../../platform/audit/audit.service.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { PlatformServices } from '../../platform/module/app-types.ts';
import { type ProjectAccess, projectForRead, projectForWrite } from './project.policy.ts';
import { findLink, findTask, type LinkRow, type TaskRow } from './task.repo.ts';

/**
 * Tasks and links follow their project's policy: read with the project, change with
 * `renewal.write` on it. One that is not in the project named in the path is missing.
 */

export const taskNotFound = (id: string) =>
  notFound({ zh: `任务 ${id}`, en: `Task ${id}` }, 'RENEWAL_TASK_NOT_FOUND');

export const linkNotFound = (id: string) =>
  notFound({ zh: `任务关联 ${id}`, en: `Task link ${id}` }, 'RENEWAL_LINK_NOT_FOUND');

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
