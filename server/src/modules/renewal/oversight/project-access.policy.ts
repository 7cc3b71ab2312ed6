import {
  type Actor,
  AppError,
  actorOf,
  definePolicy,
  invalid,
  type PlatformServices,
  type RequestContext,
} from '../../../platform/kit/index.ts';
import { type ProjectRecord, projectNotFound } from '../projects/project.policy.ts';
import { findProjectRow, type ProjectRow } from '../projects/project.repo.ts';
import { PARTY_COLUMNS, type Party, type RenewalScope, reaches } from '../shared/renewal.scope.ts';
import {
  INSPECT,
  MEETING_WRITE,
  NIGHTWORK_APPROVE,
  NIGHTWORK_REQUEST,
  OVERSIGHT_READ,
  RECTIFY,
} from './oversight.scope.ts';

/**
 * The project rule every oversight record follows, declared once: a record is seen by whoever
 * sees its project (staff and leaders in its region, partners taking part in it), and changed by
 * whoever holds the permission in its region or, for partners, is the named party of the project
 * (its inspector, its contractor …). A project the caller cannot see is reported as missing
 * (404); one they see but may not change, as forbidden (403). Each record's policy (meeting,
 * action item, inspection, finding, night work) is made of these rules.
 */

export type { Party };

const PROJECT_NOT_FOUND = projectNotFound('').code;

/** Parties who see a project's oversight records. */
export const READERS: readonly Party[] = PARTY_COLUMNS;
/** Parties that request night work and publish its notices. */
export const BUILDERS: readonly Party[] = ['contractor_id', 'agent_builder_id'];
/** Parties that inspect (partners of the project's inspection firm). */
export const INSPECTORS: readonly Party[] = ['inspector_id'];
/** Only region grants (staff): no partner acts through this. */
export const STAFF_ONLY: readonly Party[] = [];

/** What may be done with a project's oversight records, and by whom. */
export const oversightProjectPolicy = definePolicy({
  notFound: (p: ProjectRecord) => projectNotFound(p.id),
  denied: 'RENEWAL_OVERSIGHT_NOT_YOURS',
  read: (a, p) => reaches(a, OVERSIGHT_READ, p, READERS),
  actions: {
    /** Record supervision meetings and their action items, close items: staff in the region. */
    meet: (a, p) => reaches(a, MEETING_WRITE, p, STAFF_ONLY),
    /** Record inspection visits and findings: staff in the region, or the project's inspector. */
    inspect: (a, p) => reaches(a, INSPECT, p, INSPECTORS),
    /** Reply to findings with evidence: staff in the region, or the project's contractor. */
    rectify: (a, p) => reaches(a, RECTIFY, p, ['contractor_id']),
    /** Request night work, publish its notices, record feedback: staff, the contractor or agent builder. */
    requestNightWork: (a, p) => reaches(a, NIGHTWORK_REQUEST, p, BUILDERS),
    /** Approve or reject night work: staff in the region. */
    approveNightWork: (a, p) => reaches(a, NIGHTWORK_APPROVE, p, STAFF_ONLY),
  },
});

export type OversightAction = (typeof oversightProjectPolicy.actionNames)[number];

/** The permission and parties each action is taken through (who a partner acts for). */
export const ACTION_THROUGH: Record<OversightAction, { permission: string; parties: readonly Party[] }> = {
  meet: { permission: MEETING_WRITE, parties: STAFF_ONLY },
  inspect: { permission: INSPECT, parties: INSPECTORS },
  rectify: { permission: RECTIFY, parties: ['contractor_id'] },
  requestNightWork: { permission: NIGHTWORK_REQUEST, parties: BUILDERS },
  approveNightWork: { permission: NIGHTWORK_APPROVE, parties: STAFF_ONLY },
};

/** Does the caller hold `permission` over the project through a region grant (staff), not only as a party? */
export const byRegion = (a: Actor, permission: string, project: ProjectRecord): boolean =>
  reaches(a, permission, project, STAFF_ONLY);

/** The organisation a partner acts for through `permission` as one of `parties` (null: acting as staff). */
export function actingFor(
  a: Actor,
  permission: string,
  project: ProjectRow,
  parties: readonly Party[],
): string | null {
  if (byRegion(a, permission, project)) return null;
  return a.partnerFor(
    permission,
    parties.map((p) => project[p]),
  );
}

export interface ProjectAccess {
  project: ProjectRow;
  actor: Actor;
  scope: RenewalScope;
}

async function loadProject(s: PlatformServices, id: string): Promise<ProjectRow> {
  const project = await findProjectRow(s.db, id);
  if (!project) throw projectNotFound(id);
  return project;
}

/** The project, if the caller may see its oversight records; 404 otherwise. */
export async function projectToRead(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
): Promise<ProjectAccess> {
  const [actor, project] = await Promise.all([actorOf(s, ctx), loadProject(s, id)]);
  oversightProjectPolicy.authorize(actor, 'read', project);
  return { project, actor, scope: actor.scope(OVERSIGHT_READ)! };
}

/** The project, if the caller may take `action` on it: 404 if they cannot see it, 403 if they may not. */
export async function projectToChange(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  action: OversightAction,
): Promise<ProjectAccess> {
  const [actor, project] = await Promise.all([actorOf(s, ctx), loadProject(s, id)]);
  oversightProjectPolicy.authorize(actor, action, project);
  return { project, actor, scope: actor.scope(ACTION_THROUGH[action].permission)! };
}

/**
 * A project named in a request body (field `field`): as `projectToChange`, but a project the
 * caller cannot see is a 400 naming the field rather than a 404 of the route.
 */
export async function projectNamedIn(
  s: PlatformServices,
  ctx: RequestContext,
  field: string,
  id: string,
  action: OversightAction,
): Promise<ProjectAccess> {
  try {
    return await projectToChange(s, ctx, id, action);
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
