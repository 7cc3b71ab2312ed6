/**
 * Benchmark: residents casting their ballots through the public API of a real server
 * (buildApp + listen on 127.0.0.1) on a fresh PostgreSQL database. A community of
 * GONGFU_BENCH_VOTERS owners (one flat each) has an open ballot with one one-time link per owner;
 * the shared load loop (bench/load-loop.ts) POSTs each link once, keeping N requests in flight.
 * Each vote is one transaction: the link used, the vote inserted (one per owner), its history
 * and its audit entry (the hash-chained log serialises writers). Prints one JSON line:
 * {backend, bench, voters, connections, requests, errors, reqPerSec, p50Ms, p99Ms, recorded}.
 *
 *   npx tsx bench/ballot-vote.ts
 *   GONGFU_BENCH_VOTERS=3000  GONGFU_BENCH_CONNECTIONS=20  GONGFU_BENCH_SECONDS=120 (upper bound)
 *
 * The database is created for the run and dropped after.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { buildApp, migrate } from '../server/src/app.ts';
import { createBallot, openBallot } from '../server/src/modules/renewal/ballots/ballot.service.ts';
import { bdb } from '../server/src/modules/renewal/ballots/ballot.tables.ts';
import { createPlan } from '../server/src/modules/renewal/ballots/plan.service.ts';
import { liveLinks } from '../server/src/modules/renewal/communities/resident-token.service.ts';
import { renewalModule } from '../server/src/modules/renewal/manifest.ts';
import { systemContext } from '../server/src/platform/accounts/create-user.ts';
import { openDatabase } from '../server/src/platform/db/database.ts';
import { createPgDatabase, testConfig } from '../server/src/test/harness.ts';
import { seedCommunity } from './ballot-community.ts';
import { load } from './load-loop.ts';

const VOTERS = Number(process.env.GONGFU_BENCH_VOTERS ?? 3000);
const CONNECTIONS = Number(process.env.GONGFU_BENCH_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.GONGFU_BENCH_SECONDS ?? 120);
const WARMUP = 100;
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main() {
  const pg = await createPgDatabase();
  const database = await openDatabase({ databaseUrl: pg.url });
  try {
    await migrate(database, [renewalModule]);
    const built = await buildApp({
      config: testConfig({ masterKey: randomBytes(32).toString('hex') }),
      database,
      modules: [renewalModule],
    });
    const s = built.services;
    const ctx = systemContext('bench');
    // every 25th owner holds two flats and 1% belong to the developer: ask for enough flats
    const { communityId } = await seedCommunity(s.db, Math.ceil((VOTERS + WARMUP) * 1.06), '基准表决小区');
    const plan = await createPlan(s, ctx, communityId, {
      title: '基准方案',
      items: [{ name: '外立面整治', costFen: 100_000_00 }],
    });
    const ballot = await createBallot(s, ctx, communityId, {
      planId: plan.plan.id,
      question: '是否同意？',
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    await openBallot(s, ctx, ballot.ballot.id);
    const tokens = (await liveLinks(s, 'ballot', ballot.ballot.id)).map((l) => l.token);
    log(`ballot open with ${tokens.length} links`);
    await built.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = built.app.server.address() as AddressInfo;
    const urls = tokens.map((t) => `http://127.0.0.1:${port}/api/resident/ballots/${t}`);
    const post = {
      method: 'POST' as const,
      body: JSON.stringify({ choice: 'yes' }),
      once: true,
      expect: 201,
    };
    await load({ ...post, urls: urls.slice(0, WARMUP), seconds: SECONDS, connections: CONNECTIONS });
    const measured = urls.slice(WARMUP, WARMUP + VOTERS);
    const r = await load({ ...post, urls: measured, seconds: SECONDS, connections: CONNECTIONS });
    const recorded = await bdb(s.db)
      .selectFrom('renewal_ballot_votes')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('ballot_id', '=', ballot.ballot.id)
      .executeTakeFirstOrThrow();
    console.log(
      JSON.stringify({
        backend: 'postgres',
        bench: 'ballot-vote',
        voters: measured.length,
        connections: CONNECTIONS,
        ...r,
        recorded: Number(recorded.n) - WARMUP,
      }),
    );
    await built.app.close();
  } finally {
    await database.close().catch(() => {});
    await pg.drop();
  }
}

await main();
