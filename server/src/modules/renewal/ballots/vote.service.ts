import { maskName } from '@gongfu/domain/cn/mask';
import { formatArea } from '@gongfu/domain/renewal/consent';
import {
  type AppError,
  type AuditFn,
  conflict,
  type Db,
  invalid,
  notFound,
  optionalText,
  type PlatformServices,
  type RequestContext,
  requiredText,
} from '../../../platform/kit/index.ts';
import { BALLOT_STATUS_NAMES, CHANNEL_NAMES } from './ballot.labels.ts';
import { ballotFor, ballotToChange } from './ballot.policy.ts';
import { lockBallot, setBallotState } from './ballot.repo.ts';
import type { CorrectVoteInput, RecordVoteInput } from './ballot.schemas.ts';
import type { BallotStatus, Channel, Choice, Matter } from './ballot.tables.ts';
import { listVotingOwners } from './community-access.repo.ts';
import { attachFiles, VOTE_FILES } from './files.ts';
import { countBallot, resultOf } from './tally.service.ts';
import {
  deleteVote,
  findOwnerVote,
  insertVoteEvent,
  insertVoteOnce,
  listVoteEvents,
  lockVote,
  patchVote,
  type VoteRow,
} from './vote.repo.ts';

/**
 * Use cases of votes: one vote per owner per ballot whatever the channel — online by one-time
 * link (resident-ballot.service.ts), paper ballots entered by staff with the scan, and written
 * proxies (委托) with the proxy document. Staff may correct or void a paper or proxy record
 * (with a reason) until the result is published; every cast, correction and void is kept as a
 * vote event and audited with before and after.
 */

export const voteNotFound = (id: string) =>
  notFound({ zh: `表决票 ${id}`, en: `Vote ${id}` }, 'RENEWAL_VOTE_NOT_FOUND');

/** The refusal of a second vote for an owner, saying how and when the first was cast. */
export function alreadyVoted(existing: { channel: Channel; cast_at: Date | string }): AppError {
  const when = new Date(existing.cast_at).toISOString().slice(0, 16).replace('T', ' ');
  return conflict(
    'ownerId',
    {
      zh: `该业主已通过「${CHANNEL_NAMES[existing.channel].zh}」投票（${when} UTC），每位业主只能投一票。如原记录有误，请更正原记录`,
      en: `This owner has already voted (${CHANNEL_NAMES[existing.channel].en.toLowerCase()}, ${when} UTC); each owner votes once. If that record is wrong, correct it instead`,
    },
    'RENEWAL_BALLOT_ALREADY_VOTED',
  );
}

const actorOf = (ctx: RequestContext) => ({
  actorId: ctx.principal?.userId ?? null,
  actorName: ctx.principal?.displayName ?? ctx.systemActor ?? 'system',
});

const voteAudit = (v: {
  ownerId: string;
  channel: Channel;
  choice: Choice;
  scanFileId: string | null;
  proxyHolder: string | null;
  proxyFileId: string | null;
}) => ({
  ownerId: v.ownerId,
  channel: v.channel,
  choice: v.choice,
  ...(v.scanFileId ? { scanFileId: v.scanFileId } : {}),
  ...(v.proxyHolder ? { proxyHolder: maskName(v.proxyHolder), proxyFileId: v.proxyFileId } : {}),
});

/** Counts the closed ballot again after a correction (its result is not yet published). */
async function recount(
  s: PlatformServices,
  tx: Db,
  b: { id: string; status: BallotStatus; community_id: string; matter: Matter },
) {
  if (b?.status !== 'closed') return;
  const count = await countBallot(tx, b);
  if (count)
    await setBallotState(tx, b.id, {
      status: 'closed',
      at: s.clock.now(),
      result: resultOf(count, s.clock.now()),
    });
}

/** Records a paper ballot or a written proxy entered by staff. */
export async function recordVote(
  s: PlatformServices,
  ctx: RequestContext,
  ballotId: string,
  input: RecordVoteInput,
) {
  const { community } = await ballotToChange(s, ctx, ballotId);
  const owners = await listVotingOwners(s.db, community.id);
  if (!owners.some((o) => o.id === input.ownerId)) {
    throw invalid('ownerId', {
      zh: '该业主不在本小区的房屋登记中，请从名单中选择',
      en: 'This owner holds no unit in the community; choose one from the list',
    });
  }
  let scanFileId: string | null = null;
  let proxyHolder: string | null = null;
  let proxyFileId: string | null = null;
  if (input.channel === 'paper') {
    if (!input.scanFileId) {
      throw invalid('scanFileId', {
        zh: '请上传纸质表决票的扫描件或照片',
        en: 'Attach the scan or photo of the signed paper ballot',
      });
    }
    scanFileId = input.scanFileId;
  } else {
    proxyHolder = requiredText('proxyHolder', input.proxyHolder ?? '');
    if (!input.proxyFileId) {
      throw invalid('proxyFileId', {
        zh: '请上传业主签字的书面委托书',
        en: 'Attach the written proxy signed by the owner',
      });
    }
    proxyFileId = input.proxyFileId;
  }
  const note = optionalText(input.note);
  return s.write(ctx, async (tx, audit) => {
    const b = (await lockBallot(tx, ballotId))!;
    if (b.status !== 'open') {
      throw conflict(
        'status',
        {
          zh: `表决当前状态为「${BALLOT_STATUS_NAMES[b.status].zh}」，只能在表决进行中录入表决票`,
          en: `The ballot is ${BALLOT_STATUS_NAMES[b.status].en.toLowerCase()}; votes are entered only while it is open`,
        },
        'RENEWAL_BALLOT_STATE',
      );
    }
    const at = s.clock.now();
    const v = {
      ballotId,
      ownerId: input.ownerId,
      channel: input.channel as Channel,
      choice: input.choice,
      scanFileId: scanFileId ?? null,
      proxyHolder,
      proxyFileId: proxyFileId ?? null,
      tokenId: null,
      recordedBy: ctx.principal?.userId ?? null,
      at,
    };
    const row = await insertVoteOnce(tx, v);
    if (!row) throw alreadyVoted((await findOwnerVote(tx, ballotId, input.ownerId))!);
    const file = v.channel === 'paper' ? 'scanFileId' : 'proxyFileId';
    await attachFiles(
      s,
      tx,
      ctx,
      [(v.scanFileId ?? v.proxyFileId)!],
      { entityType: VOTE_FILES, entityId: row.id },
      file,
    );
    await insertVoteEvent(tx, {
      ballotId,
      voteId: row.id,
      ownerId: v.ownerId,
      action: 'cast',
      channel: v.channel,
      choice: v.choice,
      before: null,
      reason: note,
      ...actorOf(ctx),
      at,
    });
    await audit({
      action: `renewal.ballot.vote.${v.channel}`,
      entityType: 'renewal_ballot_vote',
      entityId: row.id,
      after: { ballotId, ...voteAudit(v), ...(note ? { note } : {}) },
    });
    return { voteId: row.id, ownerId: v.ownerId, channel: v.channel, castAt: at.toISOString() };
  });
}

async function changeableVote(tx: Db, ballotId: string, voteId: string, verb: string) {
  const b = (await lockBallot(tx, ballotId))!;
  if (b.status !== 'open' && b.status !== 'closed') {
    throw conflict(
      'status',
      {
        zh: `表决当前状态为「${BALLOT_STATUS_NAMES[b.status].zh}」，结果公布后不能再${verb}表决票`,
        en: `The ballot is ${BALLOT_STATUS_NAMES[b.status].en.toLowerCase()}; votes cannot change once the result is published`,
      },
      'RENEWAL_BALLOT_STATE',
    );
  }
  const vote = await lockVote(tx, ballotId, voteId);
  if (!vote) throw voteNotFound(voteId);
  if (vote.channel === 'online') {
    throw conflict(
      'voteId',
      {
        zh: '线上表决由业主本人通过一次性链接提交，工作人员不能更改或作废',
        en: 'An online vote was cast by the owner through their link; staff cannot change or void it',
      },
      'RENEWAL_VOTE_ONLINE',
    );
  }
  return { b, vote };
}

const snapshot = (v: VoteRow) =>
  voteAudit({
    ownerId: v.owner_id,
    channel: v.channel,
    choice: v.choice,
    scanFileId: v.scan_file_id,
    proxyHolder: v.proxy_holder,
    proxyFileId: v.proxy_file_id,
  });

/** Corrects a paper or proxy record (wrong box ticked when entered, replaced scan …), with the reason. */
export async function correctVote(
  s: PlatformServices,
  ctx: RequestContext,
  ballotId: string,
  voteId: string,
  input: CorrectVoteInput,
) {
  await ballotToChange(s, ctx, ballotId);
  const reason = requiredText('reason', input.reason);
  return s.write(ctx, async (tx, audit) => {
    const { b, vote } = await changeableVote(tx, ballotId, voteId, '更正');
    if (vote.channel === 'paper' && (input.proxyHolder !== undefined || input.proxyFileId !== undefined)) {
      throw invalid('proxyHolder', {
        zh: '这是纸质表决票，没有受托人和委托书；如实为委托投票，请作废后重新录入',
        en: 'This is a paper ballot with no proxy; if it was a proxy vote, void it and enter it again',
      });
    }
    if (vote.channel === 'proxy' && input.scanFileId !== undefined) {
      throw invalid('scanFileId', {
        zh: '这是委托投票，请更换委托书（proxyFileId）',
        en: 'This is a proxy vote; replace the proxy document (proxyFileId) instead',
      });
    }
    const next = {
      choice: input.choice ?? vote.choice,
      scanFileId: input.scanFileId ?? vote.scan_file_id,
      proxyHolder:
        input.proxyHolder === undefined ? vote.proxy_holder : requiredText('proxyHolder', input.proxyHolder),
      proxyFileId: input.proxyFileId ?? vote.proxy_file_id,
    };
    const at = s.clock.now();
    for (const field of ['scanFileId', 'proxyFileId'] as const) {
      const id = input[field];
      if (id) await attachFiles(s, tx, ctx, [id], { entityType: VOTE_FILES, entityId: voteId }, field);
    }
    await patchVote(tx, voteId, { ...next, at });
    const before = snapshot(vote);
    const after = voteAudit({ ownerId: vote.owner_id, channel: vote.channel, ...next });
    await insertVoteEvent(tx, {
      ballotId,
      voteId,
      ownerId: vote.owner_id,
      action: 'corrected',
      channel: vote.channel,
      choice: next.choice,
      before,
      reason,
      ...actorOf(ctx),
      at,
    });
    await audit({
      action: 'renewal.ballot.vote.correct',
      entityType: 'renewal_ballot_vote',
      entityId: voteId,
      before,
      after: { ...after, reason },
    });
    await recount(s, tx, b);
    return {
      voteId,
      ownerId: vote.owner_id,
      channel: vote.channel,
      castAt: new Date(vote.cast_at).toISOString(),
    };
  });
}

/** Voids an erroneous paper or proxy record (wrong owner, invalid proxy): the owner has not voted. */
export async function voidVote(
  s: PlatformServices,
  ctx: RequestContext,
  ballotId: string,
  voteId: string,
  reasonText: string,
) {
  await ballotToChange(s, ctx, ballotId);
  const reason = requiredText('reason', reasonText);
  await s.write(ctx, async (tx, audit: AuditFn) => {
    const { b, vote } = await changeableVote(tx, ballotId, voteId, '作废');
    const before = snapshot(vote);
    await deleteVote(tx, voteId);
    await insertVoteEvent(tx, {
      ballotId,
      voteId,
      ownerId: vote.owner_id,
      action: 'voided',
      channel: vote.channel,
      choice: vote.choice,
      before,
      reason,
      ...actorOf(ctx),
      at: s.clock.now(),
    });
    await audit({
      action: 'renewal.ballot.vote.void',
      entityType: 'renewal_ballot_vote',
      entityId: voteId,
      before,
      after: { voided: true, reason },
    });
    await recount(s, tx, b);
  });
}

/** Every cast, correction and void of the ballot (who voted what: choices permission only). */
export async function listBallotVoteEvents(s: PlatformServices, ctx: RequestContext, ballotId: string) {
  await ballotFor(s, ctx, ballotId, 'choices');
  return listVoteEvents(s.db, ballotId);
}

export const presentArea = (centi: number) => formatArea(centi);
