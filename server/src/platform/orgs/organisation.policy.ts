import type { RequestContext } from '../audit/audit.service.ts';
import { regionInScope } from '../auth/principal.ts';
import { forbidden, notFound } from '../http/errors.ts';
import type { PlatformServices } from '../module/app-types.ts';

/**
 * May this principal do this to this organisation? Role permission (org.read / org.write)
 * and data scope: a user sees and changes only organisations whose region lies within the
 * region subtrees of their grants. Work the system does itself (demo data, CLI) has no
 * principal but a `systemActor`, and is unrestricted.
 */

export const ORG_READ = 'org.read';
export const ORG_WRITE = 'org.write';

const isSystem = (ctx: RequestContext) => ctx.principal === null && ctx.systemActor !== undefined;

/** Region scope for reading organisations (null: everywhere); 401/403 without org.read. */
export function readScope(s: PlatformServices, ctx: RequestContext): string[] | null {
  return isSystem(ctx) ? null : s.access.require(ctx.principal, ORG_READ);
}

/** Region scope for changing organisations (null: everywhere); 401/403 without org.write. */
export function writeScope(s: PlatformServices, ctx: RequestContext): string[] | null {
  return isSystem(ctx) ? null : s.access.require(ctx.principal, ORG_WRITE);
}

export const canSee = (scope: string[] | null, org: { region_code: string }) =>
  regionInScope(scope, org.region_code);

export const organisationNotFound = (id: string) =>
  notFound({ zh: `组织机构 ${id}`, en: `Organisation ${id}` }, 'ORG_NOT_FOUND');

/** A record outside the caller's scope is reported as missing: its existence is not disclosed. */
export function ensureVisible<T extends { region_code: string }>(
  scope: string[] | null,
  id: string,
  org: T | undefined,
): T {
  if (!org || !canSee(scope, org)) throw organisationNotFound(id);
  return org;
}

/** May the caller place an organisation in this region (create, or move it there)? 403 if not. */
export function ensureMayPlaceIn(scope: string[] | null, regionCode: string): void {
  if (!regionInScope(scope, regionCode)) throw forbidden('ORG_OUT_OF_SCOPE');
}
