import { decideMatter, formatArea } from '@gongfu/domain/renewal/consent';
import { expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../../demo/demo-accounts.ts';
import { describeEachDb } from '../../../../test/harness.ts';
import { call, expectStatus } from '../../__tests__/renewal-factory.ts';
import { renewalModule } from '../../manifest.ts';
import { bdb } from '../ballot.tables.ts';
import type { BallotBody } from './ballot-factory.ts';

describeEachDb(
  'renewal ballots demo: 竹贤山庄二期 问计于民',
  (env) => {
    it('reviews v1, revises it, and adopts v2 by a published major-matter ballot counted from the records', async () => {
      const lines = env().demoLog;
      const db = bdb(env().services.db);
      const community = await db
        .selectFrom('renewal_communities')
        .select('id')
        .where('name', '=', '竹贤山庄二期')
        .executeTakeFirstOrThrow();
      const anji = env().cookieOf(await env().login('anji', DEMO_PASSWORD));
      const plans = await expectStatus<{ items: Array<{ version: number; status: string }> }>(
        call(env(), anji, 'GET', `/api/renewal/communities/${community.id}/plans`),
        200,
      );
      expect(plans.items.map((p) => [p.version, p.status])).toEqual([
        [2, 'adopted'],
        [1, 'superseded'],
      ]);
      const reviews = await expectStatus<{ items: Array<{ decision: string }> }>(
        call(env(), anji, 'GET', `/api/renewal/communities/${community.id}/plan-reviews`),
        200,
      );
      expect(reviews.items.map((r) => r.decision)).toEqual(['adopt', 'revise']);
      const ballots = await expectStatus<{ items: Array<{ id: string; status: string }> }>(
        call(env(), anji, 'GET', `/api/renewal/communities/${community.id}/ballots`),
        200,
      );
      expect(ballots.items.map((b) => b.status)).toEqual(['published']);
      const ballot = await expectStatus<BallotBody>(
        call(env(), anji, 'GET', `/api/renewal/ballots/${ballots.items[0]!.id}`),
        200,
      );
      const units = await db
        .selectFrom('renewal_community_units')
        .select(['id', 'owner_id', 'area_centi'])
        .where('community_id', '=', community.id)
        .execute();
      const votes = await db
        .selectFrom('renewal_ballot_votes')
        .select(['owner_id', 'choice', 'channel'])
        .where('ballot_id', '=', ballot.id)
        .execute();
      const expected = decideMatter({
        matter: 'major',
        units: units.map((u) => ({ unitId: u.id, ownerId: u.owner_id, area: formatArea(u.area_centi) })),
        ballots: votes.map((v) => ({ ownerId: v.owner_id, choice: v.choice })),
      });
      expect(expected.outcome).toBe('passed');
      expect(ballot.result).toMatchObject({ ...expected, frozen: true });
      for (const channel of ['online', 'paper', 'proxy'] as const) {
        expect(votes.filter((v) => v.channel === channel).length).toBeGreaterThan(0);
      }
      // every owner was handed a link; the links used are the online votes (withdrawn on close, still counted)
      const online = votes.filter((v) => v.channel === 'online').length;
      expect(ballot.tracker).toMatchObject({
        online,
        linksIssued: ballot.tracker!.totalOwners,
        linksUsed: online,
      });
      const events = await db
        .selectFrom('renewal_ballot_vote_events')
        .select('action')
        .where('ballot_id', '=', ballot.id)
        .execute();
      expect(events.filter((e) => e.action === 'corrected')).toHaveLength(1);
      expect(lines.some((l) => l.includes('竹贤山庄二期') && l.includes('passed'))).toBe(true);
    });
  },
  { modules: [renewalModule], demo: true },
);
