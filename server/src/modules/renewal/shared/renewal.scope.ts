import {
  type Actor,
  type PlatformServices,
  type RequestContext,
  regionInScope,
  type Scope,
  scopeOf,
} from '../../../platform/kit/index.ts';

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

/** The caller's scope through a renewal permission (the kit's scope rule). */
export type RenewalScope = Scope;

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

/** The caller's scope for `permission`; 401 without a session, 403 without the permission. */
export const renewalScope = (
  s: PlatformServices,
  ctx: RequestContext,
  permission: RenewalPermission,
): Promise<Scope> => scopeOf(s, ctx, permission);

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

/** The project parties a partner's organisation may be. */
export type Party = (typeof PARTY_COLUMNS)[number];

/**
 * Does the actor hold `permission` over the project: through a region grant holding its region,
 * or as a partner whose organisation is one of the project's `parties`? The one rule every
 * renewal policy is declared with (project.policy.ts, oversight, communities' projects).
 */
export function reaches(
  actor: Actor,
  permission: string,
  p: ProjectParties,
  parties: readonly Party[] = PARTY_COLUMNS,
): boolean {
  const scope = actor.scope(permission);
  return scope !== null && projectInScope(scope, p, parties);
}
