import {
  actorOf,
  definePolicy,
  notFound,
  type PlatformServices,
  type RequestContext,
} from '../../../platform/kit/index.ts';
import type { ProjectPartRecord } from '../projects/project.policy.ts';
import { type ActionItemRow, findActionItem } from './action-item.repo.ts';
import { oversightProjectPolicy } from './project-access.policy.ts';
import { findProjects } from './project-access.repo.ts';

/**
 * May this principal do this to this action item? It follows its project: read by whoever
 * sees the project, closed by staff holding renewal.meeting.write in its region.
 */

export const actionItemNotFound = (id: string) =>
  notFound({ zh: `督办事项 ${id}`, en: `Action item ${id}` }, 'RENEWAL_ACTION_ITEM_NOT_FOUND');

export const actionItemPolicy = definePolicy({
  notFound: (r: ProjectPartRecord) => actionItemNotFound(r.id),
  denied: 'RENEWAL_OVERSIGHT_NOT_YOURS',
  read: (a, r) => oversightProjectPolicy.sees(a, r.project),
  actions: { close: (a, r) => oversightProjectPolicy.allows(a, 'meet', r.project) },
});

export const ActionItemCan = actionItemPolicy.canSchema('ActionItemCan');
export type ActionItemCanFlags = Record<'close', boolean>;
const NO_ACTION_ITEM_CAN: ActionItemCanFlags = { close: false };

async function actionItemFor(s: PlatformServices, ctx: RequestContext, id: string, action: 'read' | 'close') {
  const [actor, item] = await Promise.all([actorOf(s, ctx), findActionItem(s.db, id)]);
  if (!item) throw actionItemNotFound(id);
  const [project] = await findProjects(s.db, [item.project_id]);
  if (!project) throw actionItemNotFound(id);
  const record = { id, project };
  actionItemPolicy.authorize(actor, action, record);
  return { ...item, can: actionItemPolicy.can(actor, record) };
}

/** The item, if the caller sees its project; 404 otherwise. */
export const actionItemToRead = (s: PlatformServices, ctx: RequestContext, id: string) =>
  actionItemFor(s, ctx, id, 'read');

/** The item, if the caller may close it: 404 if they cannot see it, 403 if read-only. */
export const actionItemToChange = (s: PlatformServices, ctx: RequestContext, id: string) =>
  actionItemFor(s, ctx, id, 'close');

/** What the caller may do with each of these items (their projects read in one query). */
export async function actionItemCans(
  s: PlatformServices,
  ctx: RequestContext,
  rows: ReadonlyArray<Pick<ActionItemRow, 'id' | 'project_id'>>,
): Promise<(r: Pick<ActionItemRow, 'id' | 'project_id'>) => ActionItemCanFlags> {
  const [actor, projects] = await Promise.all([
    actorOf(s, ctx),
    findProjects(
      s.db,
      rows.map((r) => r.project_id),
    ),
  ]);
  const byId = new Map(projects.map((p) => [p.id, p]));
  return (r) => {
    const project = byId.get(r.project_id);
    return project ? actionItemPolicy.can(actor, { id: r.id, project }) : NO_ACTION_ITEM_CAN;
  };
}
