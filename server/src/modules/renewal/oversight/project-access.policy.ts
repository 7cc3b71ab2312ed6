import type { RequestContext } from '../../../platform/audit/audit.service.ts';
import { AppError, forbidden, invalid } from '../../../platform/http/errors.ts';
import type { PlatformServices } from '../../../platform/module/app-types.ts';
import { projectNotFound } from '../project.policy.ts';
import { findProjectRow, type ProjectRow } from '../project.repo.ts';
import { PARTY_COLUMNS, projectInScope, type RenewalScope } from '../renewal.scope.ts';
import { OVERSIGHT_READ, type OversightPermission, oversightScope } from './oversight.scope.ts';

/**
 * The project rule every oversight record follows: a record is seen by whoever sees its
 * project (staff and leaders in its region, partners taking part in it), and changed by
 * whoever holds the permission in its region or, for partners, is the named party of the
 * project (its inspector, its contractor …). A project the caller cannot see is reported as
 * missing (404); one they see but may not change, as forbidden (403).
 */

export type Party = (typeof PARTY_COLUMNS)[number];

const PROJECT_NOT_FOUND = projectNotFound('').code;

/** Parties who see a project's oversight records. */
export const READERS: readonly Party[] = PARTY_COLUMNS;
/** Parties that request night work and publish its notices. */
export const BUILDERS: readonly Party[] = ['contractor_id', 'agent_builder_id'];
/** Only region grants (staff): no partner acts through this. */
export const STAFF_ONLY: readonly Party[] = [];

export interface ProjectAccess {
  project: ProjectRow;
  scope: RenewalScope;
}

async function loadProject(s: PlatformServices, id: string): Promise<ProjectRow> {
  const project = await findProjectRow(s.db, id);
  if (!project) throw projectNotFound(id);
  return project;
}

/** The caller's answer for a project they may not change: 403 if they can see it, 404 otherwise. */
export async function refusal(
  s: PlatformServices,
  ctx: RequestContext,
  project: ProjectRow,
): Promise<AppError> {
  const read = await oversightScope(s, ctx, OVERSIGHT_READ).catch(() => null);
  return read && projectInScope(read, project, READERS)
    ? forbidden('RENEWAL_OVERSIGHT_NOT_YOURS')
    : projectNotFound(project.id);
}

/** The project, if the caller may see its oversight records; 404 otherwise. */
export async function projectToRead(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
): Promise<ProjectAccess> {
  const scope = await oversightScope(s, ctx, OVERSIGHT_READ);
  const project = await loadProject(s, id);
  if (!projectInScope(scope, project, READERS)) throw projectNotFound(id);
  return { project, scope };
}

/** The project, if the caller holds `permission` over it (in its region, or as one of `parties`). */
export async function projectToChange(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  permission: OversightPermission,
  parties: readonly Party[],
): Promise<ProjectAccess> {
  const scope = await oversightScope(s, ctx, permission);
  const project = await loadProject(s, id);
  if (!projectInScope(scope, project, parties)) throw await refusal(s, ctx, project);
  return { project, scope };
}

/** Does the scope reach the project through a region grant (staff), not only as a party? */
export const byRegion = (scope: RenewalScope, project: ProjectRow): boolean =>
  projectInScope(scope, project, STAFF_ONLY);

/**
 * A project named in a request body (field `field`): as `projectToChange`, but a project the
 * caller cannot see is a 400 naming the field rather than a 404 of the route.
 */
export async function projectNamedIn(
  s: PlatformServices,
  ctx: RequestContext,
  field: string,
  id: string,
  permission: OversightPermission,
  parties: readonly Party[],
): Promise<ProjectAccess> {
  try {
    return await projectToChange(s, ctx, id, permission, parties);
  } catch (e) {
    if (e instanceof AppError && e.code === PROJECT_NOT_FOUND) {
      throw invalid(field, {
        zh: `项目 ${id} 不存在或您无权查看，请重新选择`,
        en: `Project ${id} does not exist or is not visible to you; choose another`,
      });
    }
    throw e;
  }
}
