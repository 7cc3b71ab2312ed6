import { type Expression, type SqlBool, sql } from 'kysely';
import type { RequestContext } from '../audit/audit.service.ts';
import { regionInScope } from '../auth/principal.ts';
import { forbidden } from '../http/errors.ts';
import type { PlatformServices } from '../module/app-types.ts';
import { actorOf } from './policy.ts';

/**
 * A caller's data scope through one permission, as data: region subtrees × the permission's
 * programme × partner organisations.
 *
 * - staff and leaders: records whose region lies within their grants' region subtrees (a grant
 *   without a region: every record, `all`);
 * - partners (第三方单位): records their organisation or one of its sub-organisations takes part
 *   in (`organisations`); which records those are is the module's rule;
 * - the programme check (the grant's programmes include the permission's module, or are empty)
 *   is done by `Access`;
 * - work the system does itself (no principal, a `systemActor`) is unrestricted.
 */
export interface Scope {
  /** Every record. */
  all: boolean;
  /** Region subtree roots (staff and leader grants). */
  regions: string[];
  /** Partner organisations, their sub-organisations included. */
  organisations: string[];
}

export const isSystem = (ctx: RequestContext): boolean =>
  ctx.principal === null && ctx.systemActor !== undefined;

/**
 * The caller's scope through `permission`; 401 without a session, 403 without the permission.
 * Read from the request's actor (policy.ts), so each permission's scope is computed once a request.
 */
export async function scopeOf(s: PlatformServices, ctx: RequestContext, permission: string): Promise<Scope> {
  const scope = (await actorOf(s, ctx)).scope(permission);
  if (scope === null) throw forbidden();
  return scope;
}

/** Is a record of this region within the scope's region grants? */
export const regionWithin = (scope: Scope, regionCode: string): boolean =>
  scope.all || (scope.regions.length > 0 && regionInScope(scope.regions, regionCode));

/**
 * The upper bound of a region subtree: region codes are digit strings and a subtree is every
 * code that starts with its root, so the subtree of '330523' is ['330523', '330524') in any
 * collation. Null when the root is all nines (no upper bound).
 */
export function subtreeEnd(root: string): string | null {
  const digits = root.split('');
  for (let i = digits.length - 1; i >= 0; i--) {
    if (digits[i] !== '9') {
      digits[i] = String(Number(digits[i]) + 1);
      return digits.slice(0, i + 1).join('');
    }
  }
  return null;
}

/** A region-code column within the subtree of `root`, as a range an index serves (never LIKE). */
export function regionSubtreeSql(column: string, root: string): Expression<SqlBool> {
  const end = subtreeEnd(root);
  const ref = sql.ref(column);
  return end === null
    ? sql<SqlBool>`${ref} >= ${root}`
    : sql<SqlBool>`(${ref} >= ${root} and ${ref} < ${end})`;
}

/** The scope's region grants as a SQL condition on a region-code column, e.g. `c.region_code`. */
export function regionScopeSql(scope: Scope, column: string): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`true`;
  if (scope.regions.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.join(
    scope.regions.map((root) => regionSubtreeSql(column, root)),
    sql` or `,
  )})`;
}

/** Region subtree roots as a SQL condition on a region-code column (null: everywhere; empty: nothing). */
export const regionsSql = (regions: string[] | null, column: string): Expression<SqlBool> =>
  regionScopeSql({ all: regions === null, regions: regions ?? [], organisations: [] }, column);
