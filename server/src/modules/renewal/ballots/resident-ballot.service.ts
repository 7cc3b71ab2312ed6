import {
  AppError,
  type PlatformServices,
  type RequestContext,
  shanghaiDateTime,
} from '../../../platform/kit/index.ts';
import { findCommunityRow } from '../communities/community.repo.ts';
import { organiserOf } from '../communities/community.service.ts';
import type { ResidentTokenRow } from '../communities/resident-token.repo.ts';
import { consumeResidentToken, openResidentToken } from '../communities/resident-token.service.ts';
import { CHANNEL_NAMES } from './ballot.labels.ts';
import { findBallot, shareBallot } from './ballot.repo.ts';
import { totalCostFen } from './ballot.rules.ts';
import { unitLabel } from './ballot.service.ts';
import type { BallotStatus, Choice } from './ballot.tables.ts';
import { listVotingOwners } from './community-access.repo.ts';
import { findPlan, listPlanItems } from './plan.repo.ts';
import { findOwnerVote, insertVoteEvent, insertVoteOnce } from './vote.repo.ts';

/**
 * A resident's ballot through the one-time link (no account): the page shows the community,
 * the plan version and the question; the vote is written in the same transaction that uses the
 * link, so of any number of submissions with one link exactly one counts. Messages are for
 * residents: plain Chinese, saying what to do.
 */

/** Who the audit log names for a vote cast through a link (there is no account). */
export const RESIDENT_ACTOR = 'resident-link 业主表决链接';

const residentError = (code: string, kind: 'conflict' | 'not_found', zh: string, en: string) =>
  new AppError(code, kind, { zh, en }, 'token');

function notVotingNow(b: { status: BallotStatus; opens_at: Date | string }, at: Date): AppError | null {
  if (b.status === 'void') {
    return residentError(
      'RESIDENT_BALLOT_VOID',
      'conflict',
      '本次表决已作废（改造方案已调整，将对新方案重新表决）。请留意社区发放的新链接。',
      'This ballot has been cancelled (the plan changed and will be voted on again). Watch for the new link from your community.',
    );
  }
  if (b.status !== 'open') {
    return residentError(
      'RESIDENT_BALLOT_CLOSED',
      'conflict',
      '本次表决已经结束，不能再投票。结果将在小区公示。',
      'This ballot has ended; votes are no longer accepted. The result will be posted in the community.',
    );
  }
  if (new Date(b.opens_at).getTime() > at.getTime()) {
    const when = shanghaiDateTime(new Date(b.opens_at));
    return residentError(
      'RESIDENT_BALLOT_NOT_OPEN',
      'conflict',
      `表决尚未开始，请于 ${when} 后再打开此链接。`,
      `Voting has not started yet; open this link again after ${when} (Beijing time).`,
    );
  }
  return null;
}

const votedBefore = (channel: keyof typeof CHANNEL_NAMES) =>
  residentError(
    'RESIDENT_BALLOT_ALREADY_VOTED',
    'conflict',
    `您已通过「${CHANNEL_NAMES[channel].zh}」方式投过票，每位业主只能投一票。如有疑问，请联系社区工作人员。`,
    `You have already voted (${CHANNEL_NAMES[channel].en.toLowerCase()}); each owner votes once. If in doubt, contact the community staff.`,
  );

async function ownerOf(s: PlatformServices, token: ResidentTokenRow) {
  const units = (await listVotingOwners(s.db, token.community_id)).filter((o) => o.id === token.owner_id);
  return { name: units[0]?.name ?? '', units: units.map(unitLabel) };
}

/** What the link's holder sees before voting. */
export async function openResidentBallot(s: PlatformServices, token: string) {
  const t = await openResidentToken(s, 'ballot', token);
  const ballot = (await findBallot(s.db, t.subject_id))!;
  const refusal = notVotingNow(ballot, s.clock.now());
  if (refusal) throw refusal;
  const existing = await findOwnerVote(s.db, ballot.id, t.owner_id!);
  if (existing) throw votedBefore(existing.channel);
  const [community, plan, items, owner, organiser] = await Promise.all([
    findCommunityRow(s.db, ballot.community_id),
    findPlan(s.db, ballot.plan_id),
    listPlanItems(s.db, [ballot.plan_id]),
    ownerOf(s, t),
    organiserOf(s, ballot.community_id),
  ]);
  const planItems = items.map((i) => ({ name: i.name, quantity: i.quantity, costFen: Number(i.cost_fen) }));
  return {
    ballot,
    community: community!,
    organiser,
    plan: plan!,
    planItems,
    totalCostFen: totalCostFen(planItems),
    owner,
  };
}

/** Casts the link holder's vote; the link is used in the same transaction. */
export async function castResidentVote(
  s: PlatformServices,
  ctx: RequestContext,
  token: string,
  choice: Choice,
) {
  // the ballot is locked before the link (as closing does), so a vote and a close never deadlock
  const peek = await openResidentToken(s, 'ballot', token);
  // read what the receipt names before the transaction: the audit entry, which serialises
  // writers on the hash chain, is then the transaction's last statement
  const shown = await findBallot(s.db, peek.subject_id);
  const community = shown ? await findCommunityRow(s.db, shown.community_id) : undefined;
  return s.write(ctx, async (tx, audit) => {
    const ballot = await shareBallot(tx, peek.subject_id);
    const t = await consumeResidentToken(s, tx, 'ballot', token);
    const at = s.clock.now();
    const refusal = ballot ? notVotingNow(ballot, at) : null;
    if (!ballot || refusal) throw refusal;
    const ownerId = t.owner_id!;
    const row = await insertVoteOnce(tx, {
      ballotId: ballot.id,
      ownerId,
      channel: 'online',
      choice,
      scanFileId: null,
      proxyHolder: null,
      proxyFileId: null,
      tokenId: t.id,
      recordedBy: null,
      at,
    });
    if (!row) throw votedBefore((await findOwnerVote(tx, ballot.id, ownerId))!.channel);
    await insertVoteEvent(tx, {
      ballotId: ballot.id,
      voteId: row.id,
      ownerId,
      action: 'cast',
      channel: 'online',
      choice,
      before: null,
      reason: null,
      actorId: null,
      actorName: RESIDENT_ACTOR,
      at,
    });
    await audit({
      action: 'renewal.ballot.vote.online',
      entityType: 'renewal_ballot_vote',
      entityId: row.id,
      actorName: RESIDENT_ACTOR,
      after: { ballotId: ballot.id, ownerId, channel: 'online', choice, tokenId: t.id },
    });
    return {
      receiptNo: row.id.slice(0, 8).toUpperCase(),
      communityName: community?.name ?? '',
      planVersion: shown?.plan_version ?? 0,
      choice,
      castAt: at.toISOString(),
    };
  });
}
