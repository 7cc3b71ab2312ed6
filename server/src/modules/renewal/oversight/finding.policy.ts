import {
  type Actor,
  actorOf,
  definePolicy,
  notFound,
  type PlatformServices,
  type RequestContext,
} from '../../../platform/kit/index.ts';
import type { ProjectRow } from '../projects/project.repo.ts';
import { type FindingRow, findFinding } from './finding.repo.ts';
import { INSPECT, RECTIFY } from './oversight.scope.ts';
import { byRegion, oversightProjectPolicy } from './project-access.policy.ts';
import { findProjects } from './project-access.repo.ts';

/**
 * May this principal do this to this finding? Read: whoever sees its project. Reply with
 * evidence (renewal.rectify): staff in the region, or a partner whose organisation is the
 * project's contractor. Re-inspect and close (`inspect`, renewal.inspect): staff in the region,
 * or a partner of the firm that found it or of the project's inspector. The status machine
 * (domain/renewal/finding-status) decides what may happen next.
 */

export const findingNotFound = (id: string) =>
  notFound({ zh: `安全隐患 ${id}`, en: `Inspection finding ${id}` }, 'RENEWAL_FINDING_NOT_FOUND');

/** A finding as its policy reads it: the firm that found it, and its project. */
export interface FindingRecord {
  id: string;
  inspector_organisation_id: string;
  project: ProjectRow;
}

/** The partner organisations that act on the finding through each permission. */
const PARTNERS = {
  reply: { permission: RECTIFY, orgs: (r: FindingRecord) => [r.project.contractor_id] },
  inspect: {
    permission: INSPECT,
    orgs: (r: FindingRecord) => [r.inspector_organisation_id, r.project.inspector_id],
  },
} as const;

/** The organisation a partner acts for (null: staff acting in the region, or not allowed). */
const partnerOf = (a: Actor, action: keyof typeof PARTNERS, r: FindingRecord) =>
  a.partnerFor(PARTNERS[action].permission, PARTNERS[action].orgs(r));

const through = (action: keyof typeof PARTNERS) => (a: Actor, r: FindingRecord) =>
  byRegion(a, PARTNERS[action].permission, r.project) || partnerOf(a, action, r) !== null;

export const findingPolicy = definePolicy({
  notFound: (r: FindingRecord) => findingNotFound(r.id),
  denied: 'RENEWAL_OVERSIGHT_NOT_YOURS',
  read: (a, r) => oversightProjectPolicy.sees(a, r.project),
  actions: { reply: through('reply'), inspect: through('inspect') },
});

export const FindingCan = findingPolicy.canSchema('FindingCan');

export interface FindingAccess {
  finding: FindingRow;
  project: ProjectRow;
  /** The partner organisation the caller acts for; null when acting as staff. */
  actingFor: string | null;
  can: Record<'reply' | 'inspect', boolean>;
}

async function findingFor(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  action: 'read' | 'reply' | 'inspect',
): Promise<FindingAccess> {
  const [actor, finding] = await Promise.all([actorOf(s, ctx), findFinding(s.db, id)]);
  if (!finding) throw findingNotFound(id);
  const [project] = await findProjects(s.db, [finding.project_id]);
  if (!project) throw findingNotFound(id);
  const record = { id, inspector_organisation_id: finding.inspector_organisation_id, project };
  findingPolicy.authorize(actor, action, record);
  const staff = action === 'read' || byRegion(actor, PARTNERS[action].permission, project);
  return {
    finding,
    project,
    actingFor: staff ? null : partnerOf(actor, action as keyof typeof PARTNERS, record),
    can: findingPolicy.can(actor, record),
  };
}

/** The finding, if the caller sees its project; 404 otherwise. */
export const findingToRead = (s: PlatformServices, ctx: RequestContext, id: string) =>
  findingFor(s, ctx, id, 'read');

/** The finding, if the caller may reply to it as (or for) the project's contractor. */
export const findingToReply = (s: PlatformServices, ctx: RequestContext, id: string) =>
  findingFor(s, ctx, id, 'reply');

/** The finding, if the caller may re-inspect or close it as (or for) the inspection firm. */
export const findingToInspect = (s: PlatformServices, ctx: RequestContext, id: string) =>
  findingFor(s, ctx, id, 'inspect');
