import { type Expression, type SqlBool, sql } from 'kysely';
import {
  type Actor,
  actorOf,
  definePolicy,
  forbidden,
  notFound,
  type PlatformServices,
  type RequestContext,
  regionScopeSql,
  regionWithin,
  type Scope,
} from '../../../platform/kit/index.ts';
import { BALLOT_CHOICES, BALLOT_READ, BALLOT_WRITE } from '../ballots/ballots.permissions.ts';
import type { RenewalScope } from '../shared/renewal.scope.ts';
import { type CommunityRow, findCommunityRow } from './community.repo.ts';
import { COMMUNITY_READ, COMMUNITY_WRITE } from './community.scope.ts';

/**
 * One policy for a community and everything that hangs off it — the register (buildings, units,
 * owners, surveys, acceptance) and the residents' decisions (plan versions, review meetings,
 * owners' ballots) — declared here, used by both parts (communities/ and ballots/).
 *
 * - The register: renewal.community.read in the community's region (staff, leaders); changed,
 *   and owners' names shown in full, with renewal.community.write there (staff).
 * - Decisions: renewal.ballot.read in the region (staff, leaders, the auditor who checks the
 *   count) sees plans, review meetings, ballots, the live turnout and who voted (names masked);
 *   renewal.ballot.choices there (staff, the auditor) also sees what each owner chose;
 *   renewal.ballot.write there (staff) changes them.
 * - Partners (third-party organisations working on the community's renovation project: agent
 *   builder, contractor, supervisor, inspector) — one rule for both parts (docs/adr/0007):
 *   residents' personal data is not a contractor's business. A partner whose organisation takes
 *   part in the community's renovation project sees what the residents decided — the plan
 *   versions (what is to be built) and each ballot's question, status and, once published, its
 *   aggregate result — and nothing about the residents: not the register, the surveys, the review
 *   meetings (who attended, what residents said), the live turnout, who voted or what anyone
 *   chose. For a partner of any other project the community and everything under it do not exist.
 *
 * A record the caller cannot see is missing (404); one they see but may not do this to is
 * forbidden (403).
 */

export const communityNotFound = (id: string) =>
  notFound({ zh: `小区 ${id}`, en: `Community ${id}` }, 'RENEWAL_COMMUNITY_NOT_FOUND');

/** A community as its policy reads it: its region and the parties of its renovation project. */
export interface CommunityRecord {
  id: string;
  region_code: string;
  agent_builder_id: string | null;
  contractor_id: string | null;
  supervisor_id: string | null;
  inspector_id: string | null;
}

const inRegion = (a: Actor, permission: string, c: CommunityRecord) => a.inRegion(permission, c.region_code);

/** Is the caller a partner of an organisation taking part in the community's renovation project? */
const renovates = (a: Actor, c: CommunityRecord) =>
  a.partnerFor(BALLOT_READ, [c.agent_builder_id, c.contractor_id, c.supervisor_id, c.inspector_id]) !== null;

/** The rules, once: every policy below is made of these. */
export const communityRules = {
  /** The register (buildings, units, owners, surveys): staff and leaders by region; never partners. */
  register: (a: Actor, c: CommunityRecord) => inRegion(a, COMMUNITY_READ, c),
  /** Keep the register, and see owners' names in full. */
  keep: (a: Actor, c: CommunityRecord) => inRegion(a, COMMUNITY_WRITE, c),
  /** What the residents decided: plans, and ballots with their published figures. */
  decisions: (a: Actor, c: CommunityRecord) => inRegion(a, BALLOT_READ, c) || renovates(a, c),
  /** The residents behind the decisions: review meetings, live turnout, who voted (masked). */
  residents: (a: Actor, c: CommunityRecord) => inRegion(a, BALLOT_READ, c),
  /** What each owner chose. */
  choices: (a: Actor, c: CommunityRecord) => inRegion(a, BALLOT_CHOICES, c),
  /** Record plans and reviews, run ballots, enter paper and proxy votes. */
  decide: (a: Actor, c: CommunityRecord) => inRegion(a, BALLOT_WRITE, c),
};

/**
 * `communityRules.decisions` as SQL, for lists over many communities: a condition on the
 * communities (alias `c`) and their renovation projects (left-joined, alias `project`), given the
 * caller's scope through renewal.ballot.read — in its region grants, or a partner of one of the
 * project's parties.
 */
export function decisionsSql(scope: Scope, project: string): Expression<SqlBool> {
  const any = [regionScopeSql(scope, 'c.region_code')];
  if (scope.organisations.length > 0) {
    const orgs = sql.join(scope.organisations.map((id) => sql`${id}::uuid`));
    for (const col of ['agent_builder_id', 'contractor_id', 'supervisor_id', 'inspector_id']) {
      any.push(sql<SqlBool>`${sql.ref(`${project}.${col}`)} in (${orgs})`);
    }
  }
  return sql<SqlBool>`(${sql.join(any, sql` or `)})`;
}

/** The community register (and its buildings, units, owners, surveys, acceptance). */
export const communityPolicy = definePolicy({
  notFound: (c: CommunityRecord) => communityNotFound(c.id),
  denied: 'RENEWAL_COMMUNITY_READ_ONLY',
  read: communityRules.register,
  actions: { update: communityRules.keep, decide: communityRules.decide },
});

export const CommunityCan = communityPolicy.canSchema('CommunityCan');

/** A community's surveys (问需/问效): part of the register; the 404 of one is the survey's (survey.service.ts). */
export const communitySurveysPolicy = definePolicy({
  notFound: (c: CommunityRecord) => communityNotFound(c.id),
  denied: 'RENEWAL_COMMUNITY_READ_ONLY',
  read: communityRules.register,
  actions: { update: communityRules.keep },
});

export const SurveyCan = communitySurveysPolicy.canSchema('SurveyCan');

/** A community's plan versions (per record: ballots/ballot.policy.ts). */
export const communityPlansPolicy = definePolicy({
  notFound: (c: CommunityRecord) => communityNotFound(c.id),
  denied: 'RENEWAL_BALLOT_READ_ONLY',
  read: communityRules.decisions,
  actions: { update: communityRules.decide },
});

/** A community's plan review meetings: they name residents and what they said. */
export const communityReviewsPolicy = definePolicy({
  notFound: (c: CommunityRecord) => communityNotFound(c.id),
  denied: 'RENEWAL_BALLOT_READ_ONLY',
  read: communityRules.residents,
  actions: { update: communityRules.decide },
});

/** A community's owners' ballots: `voters` who voted (and the live turnout), `choices` what they chose. */
export const communityBallotsPolicy = definePolicy({
  notFound: (c: CommunityRecord) => communityNotFound(c.id),
  denied: {
    update: 'RENEWAL_BALLOT_READ_ONLY',
    voters: 'RENEWAL_BALLOT_VOTERS',
    choices: 'RENEWAL_BALLOT_CHOICES',
  },
  read: communityRules.decisions,
  actions: {
    update: communityRules.decide,
    voters: communityRules.residents,
    choices: communityRules.choices,
  },
});

export interface CommunityAccess {
  community: CommunityRow;
  actor: Actor;
  /** The caller's scope through the register permission the action needs. */
  scope: RenewalScope;
  /** May the caller see owners' names in full (may keep the register)? */
  mayName: boolean;
  can: Record<'update' | 'decide', boolean>;
}

async function communityFor(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  action: 'read' | 'update',
): Promise<CommunityAccess> {
  const actor = await actorOf(s, ctx);
  const community = await findCommunityRow(s.db, id);
  if (!community) throw communityNotFound(id);
  communityPolicy.authorize(actor, action, community);
  const can = communityPolicy.can(actor, community);
  const scope = actor.scope(action === 'read' ? COMMUNITY_READ : COMMUNITY_WRITE)!;
  return { community, actor, scope, mayName: can.update, can };
}

/** The community, if the caller may see its register; 404 otherwise. */
export const communityToRead = (s: PlatformServices, ctx: RequestContext, id: string) =>
  communityFor(s, ctx, id, 'read');

/** The community, if the caller may change its register: 404 if they cannot see it, 403 if read-only. */
export const communityToChange = (s: PlatformServices, ctx: RequestContext, id: string) =>
  communityFor(s, ctx, id, 'update');

/** May the caller register (or move) a community in this region? 403 if not. */
export function ensureMayPlaceIn(scope: RenewalScope, regionCode: string): void {
  if (!regionWithin(scope, regionCode)) throw forbidden('RENEWAL_REGION_OUT_OF_SCOPE');
}
