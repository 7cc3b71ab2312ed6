import type { RequestContext } from '../../../platform/audit/audit.service.ts';
import { notFound } from '../../../platform/http/errors.ts';
import type { PlatformServices } from '../../../platform/module/app-types.ts';
import type { ProjectRow } from '../project.repo.ts';
import { projectInScope, type RenewalScope } from '../renewal.scope.ts';
import { findNightWork, type NightWorkRow } from './night-work.repo.ts';
import {
  NIGHTWORK_APPROVE,
  NIGHTWORK_REQUEST,
  OVERSIGHT_READ,
  type OversightPermission,
  oversightScope,
} from './oversight.scope.ts';
import {
  BUILDERS,
  byRegion,
  type Party,
  projectNamedIn,
  READERS,
  refusal,
  STAFF_ONLY,
} from './project-access.policy.ts';
import { findProjects } from './project-access.repo.ts';

/**
 * May this principal do this to this night-work request? Read: whoever sees its project.
 * Request, publish notices and record neighbours' feedback (renewal.nightwork.request):
 * staff in the project's region, or a partner that is its contractor or agent builder.
 * Approve or reject (renewal.nightwork.approve): staff in the region only.
 */

export const nightWorkNotFound = (id: string) =>
  notFound({ zh: `夜间施工申请 ${id}`, en: `Night-work request ${id}` }, 'RENEWAL_NIGHT_WORK_NOT_FOUND');

/** The organisation a partner acts for on this project (null: acting as staff). */
function actingFor(scope: RenewalScope, project: ProjectRow, parties: readonly Party[]): string | null {
  if (byRegion(scope, project)) return null;
  for (const p of parties) {
    const id = project[p];
    if (id !== null && scope.organisations.includes(id)) return id;
  }
  return null;
}

/** The project of a new request, if the caller may request night work on it, and who they act for. */
export async function projectForNightWork(s: PlatformServices, ctx: RequestContext, projectId: string) {
  const { project, scope } = await projectNamedIn(
    s,
    ctx,
    'projectId',
    projectId,
    NIGHTWORK_REQUEST,
    BUILDERS,
  );
  return { project, actingFor: actingFor(scope, project, BUILDERS) };
}

export interface NightWorkAccess {
  request: NightWorkRow;
  project: ProjectRow;
  scope: RenewalScope;
  actingFor: string | null;
}

/** The request, if the caller sees its project; 404 otherwise. */
export async function nightWorkToRead(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
): Promise<NightWorkAccess> {
  const scope = await oversightScope(s, ctx, OVERSIGHT_READ);
  const request = await findNightWork(s.db, id);
  if (!request) throw nightWorkNotFound(id);
  const [project] = await findProjects(s.db, [request.project_id]);
  if (!project || !projectInScope(scope, project, READERS)) throw nightWorkNotFound(id);
  return { request, project, scope, actingFor: null };
}

async function nightWorkFor(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  permission: OversightPermission,
  parties: readonly Party[],
): Promise<NightWorkAccess> {
  const { request, project } = await nightWorkToRead(s, ctx, id);
  const scope = await oversightScope(s, ctx, permission);
  if (!projectInScope(scope, project, parties)) throw await refusal(s, ctx, project);
  return { request, project, scope, actingFor: actingFor(scope, project, parties) };
}

/** The request, if the caller may publish its notices and record feedback. */
export const nightWorkToCoordinate = (s: PlatformServices, ctx: RequestContext, id: string) =>
  nightWorkFor(s, ctx, id, NIGHTWORK_REQUEST, BUILDERS);

/** The request, if the caller may approve or reject it (staff in the project's region). */
export const nightWorkToDecide = (s: PlatformServices, ctx: RequestContext, id: string) =>
  nightWorkFor(s, ctx, id, NIGHTWORK_APPROVE, STAFF_ONLY);
