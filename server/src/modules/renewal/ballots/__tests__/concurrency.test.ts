import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { describeEachDb } from '../../../../test/harness.ts';
import { call, expectStatus, makeWorld, type World } from '../../__tests__/renewal-factory.ts';
import { renewalModule } from '../../manifest.ts';
import { bdb } from '../ballot.tables.ts';
import { type BallotBody, makeCommunity, makePlan, openBallotOn } from './ballot-factory.ts';

/**
 * 500 residents vote at once through the HTTP API of a real server listening on 127.0.0.1,
 * and 50 of them submit twice at the same moment: no ballot is lost, none is counted twice.
 */

const OWNERS = 500;
const DUPLICATES = 50;

describeEachDb(
  'renewal ballots under concurrent voting (real server on loopback)',
  (env) => {
    let w: World;

    it(`records exactly ${OWNERS} votes from ${OWNERS + DUPLICATES} simultaneous submissions`, async () => {
      w = await makeWorld(env(), 'conc');
      const c = await makeCommunity(
        env(),
        Array.from({ length: OWNERS }, (_, i) => [8000 + (i % 37) * 50]),
      );
      const plan = await makePlan(env(), w.anji, c.id);
      const { ballot, tokens } = await openBallotOn(env(), w.anji, c.id, plan.id);
      expect(tokens.size).toBe(OWNERS);

      await env().app.listen({ host: '127.0.0.1', port: 0 });
      const { port } = env().app.server.address() as AddressInfo;
      const base = `http://127.0.0.1:${port}`;
      const all = [...tokens.values()];
      const submissions = [...all, ...all.slice(0, DUPLICATES)];
      const choices = ['yes', 'no', 'abstain'] as const;
      const results = await Promise.all(
        submissions.map(async (token, i) => {
          const res = await fetch(`${base}/api/resident/ballots/${token}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ choice: choices[i % 3] }),
            signal: AbortSignal.timeout(110_000),
          });
          const body = (await res.json()) as { code?: string };
          return { token, status: res.status, code: body.code };
        }),
      );

      const accepted = results.filter((r) => r.status === 201);
      const refused = results.filter((r) => r.status !== 201);
      expect(accepted).toHaveLength(OWNERS);
      expect(new Set(accepted.map((r) => r.token)).size).toBe(OWNERS);
      expect(refused).toHaveLength(DUPLICATES);
      expect(refused.every((r) => r.status === 409 && r.code === 'RESIDENT_LINK_USED')).toBe(true);

      const votes = await bdb(env().services.db)
        .selectFrom('renewal_ballot_votes')
        .select(['owner_id', 'channel'])
        .where('ballot_id', '=', ballot.id)
        .execute();
      expect(votes).toHaveLength(OWNERS);
      expect(new Set(votes.map((v) => v.owner_id)).size).toBe(OWNERS);
      const audited = await env()
        .services.db.selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'renewal.ballot.vote.online')
        .execute();
      expect(audited).toHaveLength(OWNERS);

      const tracked = await expectStatus<BallotBody>(
        call(env(), w.anji, 'GET', `/api/renewal/ballots/${ballot.id}`),
        200,
      );
      expect(tracked.tracker).toMatchObject({
        totalOwners: OWNERS,
        participatingOwners: OWNERS,
        online: OWNERS,
        linksUsed: OWNERS,
        quorumMet: true,
      });
      expect(tracked.tracker!.participatingArea).toBe(tracked.tracker!.totalArea);
    }, 180_000);
  },
  { modules: [renewalModule] },
);
