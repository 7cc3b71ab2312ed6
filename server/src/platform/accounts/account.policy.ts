import type { RequestContext } from '../audit/audit.service.ts';
import { type Grant, regionInScope } from '../auth/principal.ts';
import { AppError, type Bilingual, invalid, notFound } from '../http/errors.ts';
import type { PlatformServices } from '../module/app-types.ts';

/**
 * Who may administer which account. Only the security administrator holds user.read /
 * user.write (三权分立). A security administrator whose grant is limited to a region
 * sees and manages only accounts whose every grant lies in that region, and can grant
 * nothing outside it; one with no region limit manages every account.
 */
export type AccountPermission = 'user.read' | 'user.write';

/** Throws 401/403 unless the caller holds the permission; returns the caller's region roots (null: all). */
export const accountScope = (s: PlatformServices, ctx: RequestContext, permission: AccountPermission) =>
  s.access.require(ctx.principal, permission);

export const grantsWithin = (scope: string[] | null, grants: Grant[]): boolean =>
  scope === null || grants.every((g) => regionInScope(scope, g.regionCode));

export const userNotFound = (id: string) =>
  notFound({ zh: `账号 ${id}`, en: `Account ${id}` }, 'USER_NOT_FOUND');

/** A user outside the caller's scope is reported as not found, not as forbidden (no existence leak). */
export function assertUserVisible(scope: string[] | null, id: string, grants: Grant[]): void {
  if (!grantsWithin(scope, grants)) throw userNotFound(id);
}

/** Every new grant must lie within the caller's own region scope. */
export function assertMayGrant(scope: string[] | null, grants: Grant[], field = 'grants'): void {
  if (scope === null) return;
  for (const [i, g] of grants.entries()) {
    if (!regionInScope(scope, g.regionCode)) {
      const where = g.regionCode ?? '全部地区';
      throw new AppError(
        'GRANT_OUT_OF_SCOPE',
        'forbidden',
        {
          zh: `授权地区「${where}」超出您的管辖范围（${scope.join('、')}），请选择范围内的地区`,
          en: `The region "${g.regionCode ?? 'all regions'}" is outside your scope (${scope.join(', ')}); choose a region within it`,
        },
        `${field}.${i}.regionCode`,
      );
    }
  }
}

/** A security administrator may not lock themselves out or raise their own rights; `text` says why. */
export function assertNotSelf(ctx: RequestContext, id: string, text: Bilingual): void {
  if (ctx.principal?.userId === id) throw invalid('id', text, 'SELF_ACTION_REFUSED');
}
