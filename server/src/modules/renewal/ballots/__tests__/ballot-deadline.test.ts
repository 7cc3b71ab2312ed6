import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { shanghaiDate } from '../../../../platform/kit/index.ts';
import { describeEachDb } from '../../../../test/harness.ts';
import { call, expectStatus, LONG_SESSIONS, makeWorld, type World } from '../../__tests__/renewal-factory.ts';
import { renewalModule } from '../../manifest.ts';
import { auditOf, makeCommunity, makePlan, openBallotOn, resident } from './ballot-factory.ts';

/**
 * Ballots close at their deadline by the platform's schedule `renewal.ballots.close`, without
 * anyone visiting; the daily re-plan and overdue alerts run from the same scheduler.
 */

interface Ballot {
  id: string;
  status: string;
  closesAt: string;
  closedAt: string | null;
  result: { participatingOwners: number; yesOwners: number } | null;
}

const MINUTE = 60_000;

describeEachDb(
  'renewal ballots close at their deadline by the schedule',
  (env) => {
    let w: World;
    let due: Ballot;
    let early: Ballot;
    const get = (id: string) =>
      expectStatus<Ballot>(call(env(), w.anji, 'GET', `/api/renewal/ballots/${id}`), 200);
    const runs = async (key: string) =>
      (
        await sql<{ slot: string; status: string; attempts: number; summary: string }>`
          select slot, status, attempts, summary from schedule_runs
          where schedule_key = ${key} order by slot`.execute(env().services.db)
      ).rows;

    it('opens two ballots: one runs to its deadline, staff close the other early', async () => {
      w = await makeWorld(env(), 'bdl');
      const a = await makeCommunity(env(), [[9000], [9500], [10_000]]);
      const b = await makeCommunity(env(), [[9000], [9500]]);
      const opened = await openBallotOn(env(), w.anji, a.id, (await makePlan(env(), w.anji, a.id)).id);
      due = await get(opened.ballot.id);
      const vote = await resident(env(), 'POST', opened.tokens.get(a.owners[0]!.id)!, 'yes');
      expect(vote.statusCode).toBe(201);
      const other = await openBallotOn(env(), w.anji, b.id, (await makePlan(env(), w.anji, b.id)).id);
      env().clock.advance(MINUTE);
      early = await expectStatus<Ballot>(
        call(env(), w.anji, 'POST', `/api/renewal/ballots/${other.ballot.id}/close`),
        200,
      );
      expect(early.status).toBe('closed');
    });

    it('leaves the ballot open until its closing time, then closes and counts it', async () => {
      const closesAt = new Date(due.closesAt).getTime();
      env().clock.set(new Date(closesAt - MINUTE));
      await env().schedules.tick();
      expect((await get(due.id)).status).toBe('open');

      env().clock.set(new Date(closesAt + 6 * MINUTE));
      await env().schedules.tick();
      const closed = await get(due.id);
      expect(closed.status).toBe('closed');
      // closed as of the deadline, counted from the votes
      expect(closed.closedAt).toBe(due.closesAt);
      expect(closed.result).toMatchObject({ participatingOwners: 1, yesOwners: 1 });
      const audit = (await auditOf(env(), due.id)).filter((e) => e.action === 'renewal.ballot.close');
      expect(audit).toHaveLength(1);
      expect(audit[0]!.actor_name).toContain('renewal-ballot-deadline');
      expect(audit[0]!.after).toMatchObject({ status: 'closed', atDeadline: true });
      // the ballot staff closed early is left as it was
      const left = await get(early.id);
      expect(left.closedAt).toBe(early.closedAt);
      expect(
        (await auditOf(env(), early.id)).filter((e) => e.action === 'renewal.ballot.close'),
      ).toHaveLength(1);
    });

    it('runs each window once, and the daily re-plan and overdue alerts of the new day once', async () => {
      await env().schedules.tick();
      env().clock.advance(5 * MINUTE);
      await env().schedules.tick();
      expect((await auditOf(env(), due.id)).filter((e) => e.action === 'renewal.ballot.close')).toHaveLength(
        1,
      );
      const close = await runs('renewal.ballots.close');
      expect(close.length).toBeGreaterThanOrEqual(3);
      expect(close.every((r) => r.status === 'succeeded' && r.attempts === 1)).toBe(true);
      expect(close.map((r) => r.summary)).toContain('截止 1 场表决 / 1 ballot(s) closed');
      const deadlineDay = shanghaiDate(new Date(due.closesAt));
      for (const key of ['renewal.replan', 'renewal.overdue-alerts']) {
        const r = await runs(key);
        // the start-up day and the deadline's day, each once
        expect(r.map((x) => x.slot)).toEqual(['2026-03-02', deadlineDay]);
        expect(r.every((x) => x.status === 'succeeded')).toBe(true);
      }
    });
  },
  { modules: [renewalModule], config: LONG_SESSIONS },
);
