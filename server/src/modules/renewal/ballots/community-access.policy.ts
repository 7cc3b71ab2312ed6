import type { RequestContext } from '../../../platform/audit/audit.service.ts';
import { type AppError, forbidden, notFound } from '../../../platform/http/errors.ts';
import type { PlatformServices } from '../../../platform/module/app-types.ts';
import { PARTY_COLUMNS, projectInScope, type RenewalScope } from '../renewal.scope.ts';
import { BALLOT_CHOICES, BALLOT_READ, BALLOT_WRITE, ballotScope } from './ballots.permissions.ts';
import { type CommunityRow, findCommunityRow } from './community-access.repo.ts';

/**
 * The community rule every plan, review meeting and ballot follows: a record is seen by whoever
 * sees its community — staff, leaders and the auditor in its region, third parties taking part
 * in its renovation project — and changed by staff in its region. A community the caller cannot
 * see is reported as missing (404); one they see but may not change, as forbidden (403).
 */

export const communityNotFound = (id: string) =>
  notFound({ zh: `小区 ${id}`, en: `Community ${id}` }, 'RENEWAL_COMMUNITY_NOT_FOUND');

/** Staff, leader and auditor grants reach a community by region; partners through its project. */
export const communityInScope = (scope: RenewalScope, c: CommunityRow, partners = true): boolean =>
  projectInScope(
    scope,
    {
      region_code: c.region_code,
      agent_builder_id: c.agent_builder_id,
      contractor_id: c.contractor_id,
      supervisor_id: c.supervisor_id,
      inspector_id: c.inspector_id,
    },
    partners ? PARTY_COLUMNS : [],
  );

export interface CommunityAccess {
  community: CommunityRow;
  /** May the caller see who voted what (and owners' names unmasked)? */
  choices: boolean;
}

async function load(s: PlatformServices, id: string): Promise<CommunityRow> {
  const c = await findCommunityRow(s.db, id);
  if (!c) throw communityNotFound(id);
  return c;
}

async function maySeeChoices(s: PlatformServices, ctx: RequestContext, c: CommunityRow): Promise<boolean> {
  const scope = await ballotScope(s, ctx, BALLOT_CHOICES).catch(() => null);
  return scope !== null && communityInScope(scope, c, false);
}

/** The community, if the caller may see its plans and ballots; 404 otherwise. */
export async function communityToRead(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
): Promise<CommunityAccess> {
  const scope = await ballotScope(s, ctx, BALLOT_READ);
  const community = await load(s, id);
  if (!communityInScope(scope, community)) throw communityNotFound(id);
  return { community, choices: await maySeeChoices(s, ctx, community) };
}

async function refusal(s: PlatformServices, ctx: RequestContext, c: CommunityRow): Promise<AppError> {
  const read = await ballotScope(s, ctx, BALLOT_READ).catch(() => null);
  return read && communityInScope(read, c) ? forbidden('RENEWAL_BALLOT_READ_ONLY') : communityNotFound(c.id);
}

/** The community, if the caller may change its plans and ballots: 404 if unseen, 403 if read-only. */
export async function communityToChange(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
): Promise<CommunityAccess> {
  const scope = await ballotScope(s, ctx, BALLOT_WRITE);
  const community = await load(s, id);
  if (!communityInScope(scope, community, false)) throw await refusal(s, ctx, community);
  return { community, choices: await maySeeChoices(s, ctx, community) };
}
