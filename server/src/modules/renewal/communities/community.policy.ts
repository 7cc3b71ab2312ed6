import type { RequestContext } from '../../../platform/audit/audit.service.ts';
import { forbidden, notFound } from '../../../platform/http/errors.ts';
import type { PlatformServices } from '../../../platform/module/app-types.ts';
import type { RenewalScope } from '../renewal.scope.ts';
import { type CommunityRow, findCommunityRow } from './community.repo.ts';
import { COMMUNITY_READ, COMMUNITY_WRITE, communityScope, regionWithin } from './community.scope.ts';

/**
 * May this principal do this to this community (and its buildings, units, surveys)? Read:
 * renewal.community.read in the community's region; change: renewal.community.write there.
 * A community the caller cannot see is missing (404); one they see but may not change is
 * forbidden (403). Owners' names are shown in full to those who may change the community.
 */

export const communityNotFound = (id: string) =>
  notFound({ zh: `小区 ${id}`, en: `Community ${id}` }, 'RENEWAL_COMMUNITY_NOT_FOUND');

export interface CommunityAccess {
  community: CommunityRow;
  scope: RenewalScope;
  /** May the caller see owners' names in full (holds renewal.community.write over it)? */
  mayName: boolean;
}

async function writeScopeOrNull(s: PlatformServices, ctx: RequestContext): Promise<RenewalScope | null> {
  return communityScope(s, ctx, COMMUNITY_WRITE).catch(() => null);
}

/** The community, if the caller may see it; 404 otherwise. */
export async function communityToRead(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
): Promise<CommunityAccess> {
  const scope = await communityScope(s, ctx, COMMUNITY_READ);
  const community = await findCommunityRow(s.db, id);
  if (!community || !regionWithin(scope, community.region_code)) throw communityNotFound(id);
  const write = await writeScopeOrNull(s, ctx);
  return { community, scope, mayName: write !== null && regionWithin(write, community.region_code) };
}

/** The community, if the caller may change it: 404 if they cannot see it, 403 if read-only. */
export async function communityToChange(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
): Promise<CommunityAccess> {
  const write = await writeScopeOrNull(s, ctx);
  const community = await findCommunityRow(s.db, id);
  if (write && community && regionWithin(write, community.region_code)) {
    return { community, scope: write, mayName: true };
  }
  const read = await communityScope(s, ctx, COMMUNITY_READ).catch(() => null);
  if (!community || !read || !regionWithin(read, community.region_code)) {
    if (!read && !write) throw forbidden();
    throw communityNotFound(id);
  }
  throw forbidden('RENEWAL_COMMUNITY_READ_ONLY');
}

/** May the caller register (or move) a community in this region? 403 if not. */
export function ensureMayPlaceIn(scope: RenewalScope, regionCode: string): void {
  if (!regionWithin(scope, regionCode)) throw forbidden('RENEWAL_REGION_OUT_OF_SCOPE');
}
