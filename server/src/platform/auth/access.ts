import { forbidden, unauthenticated } from '../http/errors.ts';
import type { ModuleManifest } from '../module/manifest.ts';
import { type Grant, grantsFor, type Principal, regionScope } from './principal.ts';
import { BUILTIN_ROLES, type BuiltinRole } from './roles.ts';

/**
 * The permission table composed from every manifest: which built-in roles hold which
 * permission. Checked in services (not only in the UI) and by the route guard.
 */
export class Access {
  private readonly rolesByPermission = new Map<string, Set<BuiltinRole>>();
  private readonly programmeOf = new Map<string, string>();

  constructor(manifests: ModuleManifest[]) {
    for (const m of manifests) {
      for (const p of m.permissions ?? []) {
        if (this.rolesByPermission.has(p.key)) throw new Error(`Permission ${p.key} is declared twice`);
        this.rolesByPermission.set(p.key, new Set(p.roles));
        if (m.programme) this.programmeOf.set(p.key, m.id);
      }
    }
  }

  knows(permission: string): boolean {
    return this.rolesByPermission.has(permission);
  }

  permissionsOfRole(role: BuiltinRole): string[] {
    return [...this.rolesByPermission].filter(([, roles]) => roles.has(role)).map(([k]) => k);
  }

  allPermissions(): string[] {
    return [...this.rolesByPermission.keys()];
  }

  permissionsOf(grants: Grant[]): Set<string> {
    const out = new Set<string>();
    for (const [perm, roles] of this.rolesByPermission) {
      const programme = this.programmeOf.get(perm);
      if (
        grants.some(
          (g) =>
            roles.has(g.role) &&
            (programme === undefined || g.programmes.length === 0 || g.programmes.includes(programme)),
        )
      ) {
        out.add(perm);
      }
    }
    return out;
  }

  /** The grants through which `p` holds `permission` (programme-filtered for programme permissions). */
  grantsWith(p: Principal, permission: string): Grant[] {
    const roles = this.rolesByPermission.get(permission);
    if (!roles) throw new Error(`Unknown permission ${permission}`);
    return grantsFor(p, roles, this.programmeOf.get(permission));
  }

  /** Throws 401/403 unless the principal holds the permission; returns the region scope (null: all). */
  require(p: Principal | null, permission: string): string[] | null {
    if (!p) throw unauthenticated();
    const grants = this.grantsWith(p, permission);
    if (grants.length === 0) throw forbidden();
    return regionScope(grants);
  }
}

export const roleList = (): readonly BuiltinRole[] => BUILTIN_ROLES;
