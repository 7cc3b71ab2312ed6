import type { RequestContext } from '../../platform/audit/audit.service.ts';
import { regionInScope } from '../../platform/auth/principal.ts';
import { forbidden, unauthenticated } from '../../platform/http/errors.ts';
import type { PlatformServices } from '../../platform/module/app-types.ts';
import { organisationSubtreeIds } from './reference.repo.ts';

/**
 * Who holds which renewal permission, and over which projects (data scope).
 *
 * - staff and leaders: projects whose region lies within their grants' region subtrees
 *   (a grant without a region: every project);
 * - partners (第三方单位): projects their organisation (or one of its sub-organisations) takes
 *   part in — as agent builder, contractor, supervisor or inspector to see them, as
 *   contractor or agent builder to file daily reports;
 * - the programme check (grant programmes include `renewal`, or are empty) is done by
 *   `Access`, because the module is a programme module.
 * Work the system does itself (a context without principal but with `systemActor`) is unrestricted.
 */
export const RENEWAL_READ = 'renewal.read';
export const RENEWAL_WRITE = 'renewal.write';
export const RENEWAL_REPORT = 'renewal.report';
export type RenewalPermission = typeof RENEWAL_READ | typeof RENEWAL_WRITE | typeof RENEWAL_REPORT;

export interface RenewalScope {
  /** Every project. */
  all: boolean;
  /** Region subtrees (staff and leader grants). */
  regions: string[];
  /** Organisations whose projects are in scope (partner grants, sub-organisations included). */
  organisations: string[];
}

/** The parties of a project that a partner's organisation may be. */
export interface ProjectParties {
  region_code: string;
  agent_builder_id: string | null;
  contractor_id: string | null;
  supervisor_id: string | null;
  inspector_id: string | null;
}

/** Parties that may see a project. */
export const PARTY_COLUMNS = ['agent_builder_id', 'contractor_id', 'supervisor_id', 'inspector_id'] as const;
/** Parties that file its daily reports. */
export const REPORTING_PARTIES = ['contractor_id', 'agent_builder_id'] as const;

export const isSystem = (ctx: RequestContext) => ctx.principal === null && ctx.systemActor !== undefined;

/** The caller's scope for `permission`; 401 without a session, 403 without the permission. */
export async function renewalScope(
  s: PlatformServices,
  ctx: RequestContext,
  permission: RenewalPermission,
): Promise<RenewalScope> {
  if (isSystem(ctx)) return { all: true, regions: [], organisations: [] };
  if (!ctx.principal) throw unauthenticated();
  const grants = s.access.grantsWith(ctx.principal, permission);
  if (grants.length === 0) throw forbidden();
  const regions: string[] = [];
  const orgRoots: string[] = [];
  let all = false;
  for (const g of grants) {
    if (g.role === 'partner') {
      // A partner grant without an organisation sees nothing (never "everything").
      if (g.organisationId) orgRoots.push(g.organisationId);
    } else if (g.regionCode === null) {
      all = true;
    } else {
      regions.push(g.regionCode);
    }
  }
  const organisations = orgRoots.length > 0 ? await organisationSubtreeIds(s.db, [...new Set(orgRoots)]) : [];
  return { all, regions: [...new Set(regions)], organisations };
}

/** Is the project within the scope? `roles` names the parties a partner organisation may be. */
export function projectInScope(
  scope: RenewalScope,
  p: ProjectParties,
  roles: ReadonlyArray<keyof Omit<ProjectParties, 'region_code'>> = PARTY_COLUMNS,
): boolean {
  if (scope.all) return true;
  if (scope.regions.length > 0 && regionInScope(scope.regions, p.region_code)) return true;
  return roles.some((r) => {
    const id = p[r];
    return id !== null && scope.organisations.includes(id);
  });
}
