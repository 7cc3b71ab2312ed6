import type { RequestContext } from '../../../platform/audit/audit.service.ts';
import { AppError, notFound } from '../../../platform/http/errors.ts';
import type { PlatformServices } from '../../../platform/module/app-types.ts';
import { type BallotRow, findBallot } from './ballot.repo.ts';
import { type CommunityAccess, communityToChange, communityToRead } from './community-access.policy.ts';

/**
 * May this principal do this to this ballot? As its community (community-access.policy.ts):
 * read for whoever sees the community, changes (open, close, publish, paper and proxy votes,
 * corrections) for staff in its region; choices only with renewal.ballot.choices.
 */

export const ballotNotFound = (id: string) =>
  notFound({ zh: `业主表决 ${id}`, en: `Ballot ${id}` }, 'RENEWAL_BALLOT_NOT_FOUND');

export interface BallotAccess extends CommunityAccess {
  ballot: BallotRow;
}

async function through(
  s: PlatformServices,
  id: string,
  check: (communityId: string) => Promise<CommunityAccess>,
): Promise<BallotAccess> {
  const ballot = await findBallot(s.db, id);
  if (!ballot) throw ballotNotFound(id);
  try {
    return { ballot, ...(await check(ballot.community_id)) };
  } catch (e) {
    if (e instanceof AppError && e.status === 404) throw ballotNotFound(id);
    throw e;
  }
}

export const ballotToRead = (s: PlatformServices, ctx: RequestContext, id: string) =>
  through(s, id, (c) => communityToRead(s, ctx, c));

export const ballotToChange = (s: PlatformServices, ctx: RequestContext, id: string) =>
  through(s, id, (c) => communityToChange(s, ctx, c));
