import {
  actorOf,
  definePolicy,
  notFound,
  type PlatformServices,
  type RequestContext,
} from '../../../platform/kit/index.ts';
import type { ProjectPartRecord } from '../projects/project.policy.ts';
import type { ProjectRow } from '../projects/project.repo.ts';
import { findNightWork, type NightWorkRow } from './night-work.repo.ts';
import { NIGHTWORK_REQUEST } from './oversight.scope.ts';
import { actingFor, BUILDERS, oversightProjectPolicy, projectNamedIn } from './project-access.policy.ts';
import { findProjects } from './project-access.repo.ts';

/**
 * May this principal do this to this night-work request? Read: whoever sees its project.
 * Coordinate — request, publish notices, record neighbours' feedback (renewal.nightwork.request):
 * staff in the project's region, or a partner that is its contractor or agent builder.
 * Decide — approve or reject (renewal.nightwork.approve): staff in the region only.
 */

export const nightWorkNotFound = (id: string) =>
  notFound({ zh: `夜间施工申请 ${id}`, en: `Night-work request ${id}` }, 'RENEWAL_NIGHT_WORK_NOT_FOUND');

export const nightWorkPolicy = definePolicy({
  notFound: (r: ProjectPartRecord) => nightWorkNotFound(r.id),
  denied: 'RENEWAL_OVERSIGHT_NOT_YOURS',
  read: (a, r) => oversightProjectPolicy.sees(a, r.project),
  actions: {
    coordinate: (a, r) => oversightProjectPolicy.allows(a, 'requestNightWork', r.project),
    decide: (a, r) => oversightProjectPolicy.allows(a, 'approveNightWork', r.project),
  },
});

export const NightWorkCan = nightWorkPolicy.canSchema('NightWorkCan');

/** The project of a new request, if the caller may request night work on it, and who they act for. */
export async function projectForNightWork(s: PlatformServices, ctx: RequestContext, projectId: string) {
  const { project, actor } = await projectNamedIn(s, ctx, 'projectId', projectId, 'requestNightWork');
  return { project, actingFor: actingFor(actor, NIGHTWORK_REQUEST, project, BUILDERS) };
}

export interface NightWorkAccess {
  request: NightWorkRow;
  project: ProjectRow;
  can: Record<'coordinate' | 'decide', boolean>;
}

async function nightWorkFor(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  action: 'read' | 'coordinate' | 'decide',
): Promise<NightWorkAccess> {
  const [actor, request] = await Promise.all([actorOf(s, ctx), findNightWork(s.db, id)]);
  if (!request) throw nightWorkNotFound(id);
  const [project] = await findProjects(s.db, [request.project_id]);
  if (!project) throw nightWorkNotFound(id);
  const record = { id, project };
  nightWorkPolicy.authorize(actor, action, record);
  return { request, project, can: nightWorkPolicy.can(actor, record) };
}

/** The request, if the caller sees its project; 404 otherwise. */
export const nightWorkToRead = (s: PlatformServices, ctx: RequestContext, id: string) =>
  nightWorkFor(s, ctx, id, 'read');

/** The request, if the caller may publish its notices and record feedback: 404 unseen, 403 not allowed. */
export const nightWorkToCoordinate = (s: PlatformServices, ctx: RequestContext, id: string) =>
  nightWorkFor(s, ctx, id, 'coordinate');

/** The request, if the caller may approve or reject it (staff in the project's region). */
export const nightWorkToDecide = (s: PlatformServices, ctx: RequestContext, id: string) =>
  nightWorkFor(s, ctx, id, 'decide');
