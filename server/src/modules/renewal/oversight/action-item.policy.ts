import type { RequestContext } from '../../../platform/audit/audit.service.ts';
import { notFound } from '../../../platform/http/errors.ts';
import type { PlatformServices } from '../../../platform/module/app-types.ts';
import { projectInScope } from '../renewal.scope.ts';
import { type ActionItemRow, findActionItem } from './action-item.repo.ts';
import { MEETING_WRITE, OVERSIGHT_READ, oversightScope } from './oversight.scope.ts';
import { projectToChange, READERS, STAFF_ONLY } from './project-access.policy.ts';
import { findProjects } from './project-access.repo.ts';

/**
 * May this principal do this to this action item? It follows its project: read by whoever
 * sees the project, changed (closed) by staff holding renewal.meeting.write in its region.
 */

export const actionItemNotFound = (id: string) =>
  notFound({ zh: `督办事项 ${id}`, en: `Action item ${id}` }, 'RENEWAL_ACTION_ITEM_NOT_FOUND');

async function load(s: PlatformServices, id: string): Promise<ActionItemRow> {
  const item = await findActionItem(s.db, id);
  if (!item) throw actionItemNotFound(id);
  return item;
}

/** The item, if the caller sees its project; 404 otherwise. */
export async function actionItemToRead(s: PlatformServices, ctx: RequestContext, id: string) {
  const scope = await oversightScope(s, ctx, OVERSIGHT_READ);
  const item = await load(s, id);
  const [project] = await findProjects(s.db, [item.project_id]);
  if (!project || !projectInScope(scope, project, READERS)) throw actionItemNotFound(id);
  return item;
}

/** The item, if the caller may close it: 404 if they cannot see it, 403 if read-only. */
export async function actionItemToChange(s: PlatformServices, ctx: RequestContext, id: string) {
  const item = await actionItemToRead(s, ctx, id);
  await projectToChange(s, ctx, item.project_id, MEETING_WRITE, STAFF_ONLY);
  return item;
}
