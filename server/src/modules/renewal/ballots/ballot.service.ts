import {
  type AuditFn,
  type Bilingual,
  conflict,
  type Db,
  invalid,
  type PlatformServices,
  type RequestContext,
  requiredText,
  systemContext,
} from '../../../platform/kit/index.ts';
import { communityBallotsPolicy } from '../communities/community.policy.ts';
import { countTokens } from '../communities/resident-token.repo.ts';
import {
  issueResidentTokens,
  liveLinks,
  revokeAllResidentTokens,
} from '../communities/resident-token.service.ts';
import { BALLOT_STATUS_NAMES } from './ballot.labels.ts';
import {
  type BallotAction,
  ballotToChange,
  ballotToRead,
  type CommunityAccess,
  communityFor,
} from './ballot.policy.ts';
import {
  type BallotRow,
  insertBallot,
  listBallots,
  listDueBallotIds,
  lockBallot,
  lockUnfinishedBallotsOfPlan,
  patchBallot,
  setBallotState,
} from './ballot.repo.ts';
import type { CreateBallotInput, UpdateBallotInput } from './ballot.schemas.ts';
import type { BallotStatus, Matter } from './ballot.tables.ts';
import { listVotingOwners } from './community-access.repo.ts';
import { lockPlan } from './plan.repo.ts';
import { movePlan, planOfCommunity } from './plan-status.ts';
import { countBallot, resultOf } from './tally.service.ts';

/**
 * Use cases of owners' ballots on a plan version (业主表决, Civil Code art. 278): draft → open
 * (one link per owner) → closed (links revoked, result counted) → published (figures frozen;
 * the plan adopted when it passed). A ballot not yet published becomes void when its plan is
 * superseded or staff cancel it. Every step is audited.
 */

const stateError = (b: { status: BallotStatus }, want: Bilingual) =>
  conflict(
    'status',
    {
      zh: `表决当前状态为「${BALLOT_STATUS_NAMES[b.status].zh}」，${want.zh}`,
      en: `The ballot is ${BALLOT_STATUS_NAMES[b.status].en.toLowerCase()}; ${want.en}`,
    },
    'RENEWAL_BALLOT_STATE',
  );

function instant(field: string, value: string): Date {
  const d = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(d.getTime())) {
    throw invalid(field, {
      zh: `「${field}」应为日期时间，例如 2026-03-20T18:00:00+08:00`,
      en: `"${field}" must be a date and time, e.g. 2026-03-20T18:00:00+08:00`,
    });
  }
  return d;
}

function checkWindow(opensAt: Date, closesAt: Date, now: Date) {
  if (closesAt.getTime() <= opensAt.getTime()) {
    throw invalid('closesAt', {
      zh: '截止时间必须晚于开始时间',
      en: 'The ballot must close after it opens',
    });
  }
  if (closesAt.getTime() <= now.getTime()) {
    throw invalid('closesAt', {
      zh: '截止时间必须晚于当前时间',
      en: 'The closing time must be in the future',
    });
  }
}

export async function listCommunityBallots(s: PlatformServices, ctx: RequestContext, communityId: string) {
  const access = await communityFor(s, ctx, communityId, communityBallotsPolicy, 'read');
  return { access, ballots: await listBallots(s.db, communityId) };
}

/** A ballot with its live count (participation always; choices' figures only once closed). */
export async function getBallot(s: PlatformServices, ctx: RequestContext, id: string) {
  const access = await ballotToRead(s, ctx, id);
  return ballotDetail(s, access.ballot, access);
}

export async function ballotDetail(
  s: PlatformServices,
  ballot: BallotRow,
  access: CommunityAccess<BallotAction>,
) {
  const [count, links] = await Promise.all([
    countBallot(s.db, ballot),
    countTokens(s.db, 'ballot', ballot.id),
  ]);
  return {
    ballot,
    count,
    links: { issued: Number(links.issued), used: Number(links.used) },
    can: access.can,
    communityName: access.community.name,
  };
}

/** Prepares a ballot on a plan version of the community (not yet open). */
export async function createBallot(
  s: PlatformServices,
  ctx: RequestContext,
  communityId: string,
  input: CreateBallotInput,
) {
  await communityFor(s, ctx, communityId, communityBallotsPolicy, 'update');
  const plan = await planOfCommunity(s, communityId, input.planId);
  const question = requiredText('question', input.question);
  const now = s.clock.now();
  const opensAt = input.opensAt ? instant('opensAt', input.opensAt) : now;
  const closesAt = instant('closesAt', input.closesAt);
  checkWindow(opensAt, closesAt, now);
  const matter: Matter = input.matter ?? 'major';
  const id = await s.write(ctx, async (tx, audit) => {
    const p = (await lockPlan(tx, plan.id))!;
    if (p.status === 'superseded' || p.status === 'adopted') {
      throw invalid('planId', {
        zh: `第 ${p.version} 版方案${p.status === 'adopted' ? '已表决通过' : '已被新版本取代'}，不能再发起表决`,
        en: `Version ${p.version} is ${p.status === 'adopted' ? 'already adopted' : 'superseded'}; it cannot be put to a ballot`,
      });
    }
    if ((await lockUnfinishedBallotsOfPlan(tx, p.id)).length > 0) {
      throw conflict(
        'planId',
        {
          zh: `第 ${p.version} 版方案已有未结束的表决，请先完成或作废该表决`,
          en: `Version ${p.version} already has a ballot in progress; finish or void it first`,
        },
        'RENEWAL_BALLOT_IN_PROGRESS',
      );
    }
    const { id } = await insertBallot(tx, {
      communityId,
      planId: p.id,
      matter,
      question,
      opensAt,
      closesAt,
      createdBy: ctx.principal?.userId ?? null,
      at: s.clock.now(),
    });
    await audit({
      action: 'renewal.ballot.create',
      entityType: 'renewal_ballot',
      entityId: id,
      after: {
        communityId,
        planId: p.id,
        planVersion: p.version,
        matter,
        question,
        opensAt: opensAt.toISOString(),
        closesAt: closesAt.toISOString(),
      },
    });
    return id;
  });
  return getBallot(s, ctx, id);
}

/** Changes a ballot that has not opened yet (question, matter, times). */
export async function updateBallot(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  input: UpdateBallotInput,
) {
  await ballotToChange(s, ctx, id);
  await s.write(ctx, async (tx, audit) => {
    const b = (await lockBallot(tx, id))!;
    if (b.status !== 'draft') {
      throw stateError(b, { zh: '只有未开始的表决可以修改', en: 'only a draft ballot can be changed' });
    }
    const next = {
      matter: input.matter ?? b.matter,
      question: input.question === undefined ? b.question : requiredText('question', input.question),
      opensAt: input.opensAt === undefined ? new Date(b.opens_at) : instant('opensAt', input.opensAt),
      closesAt: input.closesAt === undefined ? new Date(b.closes_at) : instant('closesAt', input.closesAt),
    };
    checkWindow(next.opensAt, next.closesAt, s.clock.now());
    await patchBallot(tx, id, { ...next, at: s.clock.now() });
    await audit({
      action: 'renewal.ballot.update',
      entityType: 'renewal_ballot',
      entityId: id,
      before: {
        matter: b.matter,
        question: b.question,
        opensAt: new Date(b.opens_at).toISOString(),
        closesAt: new Date(b.closes_at).toISOString(),
      },
      after: { ...next, opensAt: next.opensAt.toISOString(), closesAt: next.closesAt.toISOString() },
    });
  });
  return getBallot(s, ctx, id);
}

/** Opens the ballot: one one-time link per owner (valid until it closes); the plan is being voted on. */
export async function openBallot(s: PlatformServices, ctx: RequestContext, id: string) {
  const { community } = await ballotToChange(s, ctx, id);
  const owners = [...new Set((await listVotingOwners(s.db, community.id)).map((o) => o.id))];
  if (owners.length === 0) {
    throw conflict(
      'communityId',
      {
        zh: '小区登记中还没有业主和房屋面积，请先完善小区房屋登记再发起表决',
        en: 'The community register has no owners with units yet; register the units before opening a ballot',
      },
      'RENEWAL_BALLOT_NO_OWNERS',
    );
  }
  await s.write(ctx, async (tx, audit) => {
    const b = (await lockBallot(tx, id))!;
    if (b.status !== 'draft') {
      throw stateError(b, { zh: '只有未开始的表决可以开始', en: 'only a draft ballot can be opened' });
    }
    const now = s.clock.now();
    const closesAt = new Date(b.closes_at);
    if (closesAt.getTime() <= now.getTime()) {
      throw invalid('closesAt', {
        zh: '截止时间已过，请先修改截止时间再开始表决',
        en: 'The closing time has passed; change it before opening the ballot',
      });
    }
    const plan = (await lockPlan(tx, b.plan_id))!;
    if (plan.status === 'superseded' || plan.status === 'adopted') {
      throw conflict('planId', {
        zh: `第 ${plan.version} 版方案已不是现行方案，不能开始表决`,
        en: `Version ${plan.version} is no longer the current plan; the ballot cannot open`,
      });
    }
    await setBallotState(tx, id, { status: 'open', at: now, openedAt: now });
    const links = await issueResidentTokens(s, tx, {
      purpose: 'ballot',
      subjectId: id,
      communityId: b.community_id,
      holders: owners.map((ownerId) => ({ ownerId })),
      expiresAt: closesAt,
    });
    await audit({
      action: 'renewal.ballot.open',
      entityType: 'renewal_ballot',
      entityId: id,
      before: { status: b.status },
      after: { status: 'open', linksIssued: links.length, closesAt: closesAt.toISOString() },
    });
    await movePlan(s, tx, audit, plan, 'voting', `ballot ${id} opened`);
  });
  return getBallot(s, ctx, id);
}

type LockedBallot = NonNullable<Awaited<ReturnType<typeof lockBallot>>>;

/**
 * Closes a locked open ballot: live links revoked, the result counted from the votes (not yet
 * published). Closed by staff it is closed now; at its deadline (`atDeadline`), as of the deadline.
 */
async function closeLocked(
  s: PlatformServices,
  tx: Db,
  audit: AuditFn,
  b: LockedBallot,
  atDeadline: boolean,
) {
  const now = s.clock.now();
  const revoked = await revokeAllResidentTokens(s, tx, 'ballot', b.id);
  const count = (await countBallot(tx, b))!;
  const result = resultOf(count, now);
  const closedAt = atDeadline ? new Date(b.closes_at) : now;
  await setBallotState(tx, b.id, { status: 'closed', at: now, closedAt, result });
  await audit({
    action: 'renewal.ballot.close',
    entityType: 'renewal_ballot',
    entityId: b.id,
    before: { status: b.status },
    after: { status: 'closed', linksRevoked: revoked, result, ...(atDeadline ? { atDeadline: true } : {}) },
  });
}

/** Closes the ballot: live links revoked, the result counted from the votes (not yet published). */
export async function closeBallot(s: PlatformServices, ctx: RequestContext, id: string) {
  await ballotToChange(s, ctx, id);
  await s.write(ctx, async (tx, audit) => {
    const b = (await lockBallot(tx, id))!;
    if (b.status !== 'open') {
      throw stateError(b, { zh: '只有进行中的表决可以截止', en: 'only an open ballot can be closed' });
    }
    await closeLocked(s, tx, audit, b, false);
  });
  return getBallot(s, ctx, id);
}

/**
 * Closes every open ballot whose closing time has passed by `now` (the schedule
 * `renewal.ballots.close`), each in its own transaction, as the system: the figures are right
 * without anyone visiting. A ballot closed by staff meanwhile is left as it is. Throws after
 * the others are done when one failed, so the run is recorded as failed and retried.
 */
export async function closeDueBallots(s: PlatformServices, now: Date): Promise<{ closed: number }> {
  const ctx = systemContext('renewal-ballot-deadline');
  let closed = 0;
  const failed: string[] = [];
  for (const id of await listDueBallotIds(s.db, now)) {
    try {
      const done = await s.write(ctx, async (tx, audit) => {
        const b = await lockBallot(tx, id);
        if (b?.status !== 'open' || new Date(b.closes_at).getTime() > now.getTime()) return false;
        await closeLocked(s, tx, audit, b, true);
        return true;
      });
      if (done) closed++;
    } catch (e) {
      failed.push(`${id}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (failed.length > 0) {
    throw new Error(`${failed.length} ballot(s) could not be closed at their deadline: ${failed.join('; ')}`);
  }
  return { closed };
}

/** Publishes the result: the figures are counted once more and frozen; a passed plan is adopted. */
export async function publishBallot(s: PlatformServices, ctx: RequestContext, id: string) {
  await ballotToChange(s, ctx, id);
  await s.write(ctx, async (tx, audit) => {
    const b = (await lockBallot(tx, id))!;
    if (b.status !== 'closed') {
      throw stateError(b, {
        zh: '请先截止表决，再公布结果',
        en: 'close the ballot before publishing its result',
      });
    }
    const now = s.clock.now();
    const result = resultOf((await countBallot(tx, b))!, now);
    await setBallotState(tx, id, { status: 'published', at: now, publishedAt: now, result });
    await audit({
      action: 'renewal.ballot.publish',
      entityType: 'renewal_ballot',
      entityId: id,
      before: { status: b.status },
      after: { status: 'published', result },
    });
    const plan = (await lockPlan(tx, b.plan_id))!;
    if (plan.status !== 'superseded') {
      await movePlan(
        s,
        tx,
        audit,
        plan,
        result.outcome === 'passed' ? 'adopted' : 'reviewing',
        `ballot ${id} published: ${result.outcome}`,
      );
    }
  });
  return getBallot(s, ctx, id);
}

/** Marks a ballot void inside `tx` (links revoked), audited with the reason. */
async function voidInTx(
  s: PlatformServices,
  tx: Db,
  audit: AuditFn,
  b: { id: string; status: BallotStatus },
  reason: string,
) {
  const now = s.clock.now();
  const revoked = await revokeAllResidentTokens(s, tx, 'ballot', b.id);
  await setBallotState(tx, b.id, { status: 'void', at: now, voidedAt: now, voidReason: reason });
  await audit({
    action: 'renewal.ballot.void',
    entityType: 'renewal_ballot',
    entityId: b.id,
    before: { status: b.status },
    after: { status: 'void', reason, linksRevoked: revoked },
  });
}

/** Voids the plan's ballots that are not published (the plan changed: it is voted again). */
export async function voidUnfinishedBallots(
  s: PlatformServices,
  tx: Db,
  audit: AuditFn,
  planId: string,
  reason: Bilingual,
) {
  for (const b of await lockUnfinishedBallotsOfPlan(tx, planId)) await voidInTx(s, tx, audit, b, reason.zh);
}

/** Cancels a ballot that is not published, with the reason. */
export async function voidBallot(s: PlatformServices, ctx: RequestContext, id: string, reasonText: string) {
  await ballotToChange(s, ctx, id);
  const reason = requiredText('reason', reasonText);
  await s.write(ctx, async (tx, audit) => {
    const b = (await lockBallot(tx, id))!;
    if (b.status === 'published' || b.status === 'void') {
      throw stateError(b, {
        zh: '已公布或已作废的表决不能作废',
        en: 'a published or void ballot cannot be voided',
      });
    }
    await voidInTx(s, tx, audit, b, reason);
    const plan = (await lockPlan(tx, b.plan_id))!;
    if (plan.status === 'voting') await movePlan(s, tx, audit, plan, 'reviewing', `ballot ${id} void`);
  });
  return getBallot(s, ctx, id);
}

/** The ballot's live links with their owners, for the printed link sheet (staff only). */
export async function ballotLinks(s: PlatformServices, ctx: RequestContext, id: string) {
  const { ballot, community } = await ballotToChange(s, ctx, id);
  const [links, owners] = await Promise.all([
    liveLinks(s, 'ballot', id),
    listVotingOwners(s.db, community.id),
  ]);
  const byOwner = new Map<string, { name: string; units: string[] }>();
  for (const o of owners) {
    const e = byOwner.get(o.id) ?? { name: o.name, units: [] };
    e.units.push(unitLabel(o));
    byOwner.set(o.id, e);
  }
  return { ballot, community, links, byOwner };
}

/** Issues a new link for one owner (lost or damaged sheet); the old one stops working. */
export async function reissueLink(s: PlatformServices, ctx: RequestContext, id: string, ownerId: string) {
  const { community } = await ballotToChange(s, ctx, id);
  const owners = await listVotingOwners(s.db, community.id);
  if (!owners.some((o) => o.id === ownerId)) {
    throw invalid('ownerId', {
      zh: '该业主不在本小区的房屋登记中，请重新选择',
      en: 'This owner holds no unit in the community; choose another',
    });
  }
  await s.write(ctx, async (tx, audit) => {
    const b = (await lockBallot(tx, id))!;
    if (b.status !== 'open') {
      throw stateError(b, {
        zh: '只有进行中的表决可以补发链接',
        en: 'links are reissued only while the ballot is open',
      });
    }
    await issueResidentTokens(s, tx, {
      purpose: 'ballot',
      subjectId: id,
      communityId: b.community_id,
      holders: [{ ownerId }],
      expiresAt: new Date(b.closes_at),
    });
    await audit({
      action: 'renewal.ballot.reissue-link',
      entityType: 'renewal_ballot',
      entityId: id,
      after: { ownerId },
    });
  });
  return ballotLinks(s, ctx, id);
}

/** "1幢 2单元 302" as residents say it. */
export const unitLabel = (u: { building: string; entrance: string; room: string }) =>
  [u.building, u.entrance ? `${u.entrance}单元` : '', u.room].filter(Boolean).join(' ');
