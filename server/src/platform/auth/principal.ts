import { isWithinByPrefix } from '../regions/region-tree.ts';
import type { BuiltinRole } from './roles.ts';

export interface Grant {
  role: BuiltinRole;
  /** Region subtree the grant covers; null: every region. */
  regionCode: string | null;
  /** Organisation subtree the grant covers; null: any organisation. */
  organisationId: string | null;
  /** Programmes (module ids) covered; empty: all programmes. */
  programmes: string[];
}

export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  sessionId: string;
  grants: Grant[];
  permissions: ReadonlySet<string>;
}

/** Grants of the principal that carry `permission`'s role and cover `programme`. */
export function grantsFor(
  p: Principal,
  rolesWithPermission: ReadonlySet<string>,
  programme?: string,
): Grant[] {
  return p.grants.filter(
    (g) =>
      rolesWithPermission.has(g.role) &&
      (programme === undefined || g.programmes.length === 0 || g.programmes.includes(programme)),
  );
}

/** Region scope as a list of subtree roots; null means unrestricted. */
export function regionScope(grants: Grant[]): string[] | null {
  if (grants.some((g) => g.regionCode === null)) return null;
  return [...new Set(grants.map((g) => g.regionCode as string))];
}

export function regionInScope(scope: string[] | null, code: string | null): boolean {
  if (scope === null) return true;
  if (code === null) return false;
  return scope.some((root) => isWithinByPrefix(code, root));
}
