import {
  type ConsentBallot,
  type ConsentTally,
  type ConsentUnit,
  formatArea,
  tallyMatter,
} from '@gongfu/domain/renewal/consent';
import type { Db } from '../../../platform/kit/index.ts';
import type { BallotResult, Channel, Matter } from './ballot.tables.ts';
import { listHoldingsWithVotes } from './vote.repo.ts';

/**
 * The count of a ballot, always from the records: the community's units (exclusive area and
 * owner) and the ballot's votes, decided by the consent rules of Civil Code art. 278
 * (domain/renewal/consent.ts) — never typed, never cached except when published.
 */

export interface BallotCount {
  tally: ConsentTally;
  byChannel: Record<Channel, number>;
}

/**
 * Counts a ballot of `communityId` as `matter` over the current register and votes. The register
 * is read per owner (their units' areas summed by the database), which is what the rule counts:
 * one owner, one vote, carrying all the area they hold.
 */
export async function countBallot(
  db: Db,
  ballot: { id: string; community_id: string; matter: Matter },
): Promise<BallotCount | null> {
  const rows = await listHoldingsWithVotes(db, ballot.community_id, ballot.id);
  if (rows.length === 0) return null;
  const byChannel: Record<Channel, number> = { online: 0, paper: 0, proxy: 0 };
  const units: ConsentUnit[] = [];
  const ballots: ConsentBallot[] = [];
  for (const r of rows) {
    units.push({ unitId: r.owner_id, ownerId: r.owner_id, area: formatArea(BigInt(r.area)) });
    if (r.choice !== null && r.channel !== null) {
      ballots.push({ ownerId: r.owner_id, choice: r.choice });
      byChannel[r.channel] += 1;
    }
  }
  return { tally: tallyMatter({ matter: ballot.matter, units, ballots }), byChannel };
}

/** The figures kept with a closed ballot (and frozen when it is published). */
export function resultOf(c: BallotCount, at: Date): BallotResult {
  const t = c.tally;
  return {
    outcome: t.outcome,
    totalOwners: t.totalOwners,
    participatingOwners: t.participatingOwners,
    yesOwners: t.yesOwners,
    noOwners: t.noOwners,
    abstainOwners: t.abstainOwners,
    totalArea: formatArea(t.totalArea),
    participatingArea: formatArea(t.participatingArea),
    yesArea: formatArea(t.yesArea),
    noArea: formatArea(t.noArea),
    abstainArea: formatArea(t.abstainArea),
    byChannel: c.byChannel,
    computedAt: at.toISOString(),
  };
}
