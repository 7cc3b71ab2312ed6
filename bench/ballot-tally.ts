/**
 * Benchmark: the server-side count of an owners' ballot (Civil Code art. 278) in a community of
 * 10,000 units on a fresh PostgreSQL database — what the live quorum tracker, closing and
 * publishing do: read every unit's owner and exclusive area and every vote from the database,
 * then decide with domain/renewal/consent.ts (`countBallot` in the ballots part). 90% of the
 * owners have voted. Prints one JSON line:
 * {backend, bench, units, owners, votes, runs, meanMs, p50Ms, p99Ms, queryP50Ms (the database's
 * share), outcome}.
 *
 *   npx tsx bench/ballot-tally.ts
 *   GONGFU_BENCH_UNITS=10000  GONGFU_BENCH_RUNS=50
 *
 * The database is created for the run and dropped after.
 */
import { randomBytes } from 'node:crypto';
import { buildApp, migrate } from '../server/src/app.ts';
import { createBallot } from '../server/src/modules/renewal/ballots/ballot.service.ts';
import type { Choice } from '../server/src/modules/renewal/ballots/ballot.tables.ts';
import { createPlan } from '../server/src/modules/renewal/ballots/plan.service.ts';
import { countBallot } from '../server/src/modules/renewal/ballots/tally.service.ts';
import { insertVotes, listHoldingsWithVotes } from '../server/src/modules/renewal/ballots/vote.repo.ts';
import { renewalModule } from '../server/src/modules/renewal/manifest.ts';
import { systemContext } from '../server/src/platform/accounts/create-user.ts';
import { openDatabase } from '../server/src/platform/db/database.ts';
import { createPgDatabase, testConfig } from '../server/src/test/harness.ts';
import { seedCommunity } from './ballot-community.ts';

const UNITS = Number(process.env.GONGFU_BENCH_UNITS ?? 10_000);
const RUNS = Number(process.env.GONGFU_BENCH_RUNS ?? 50);
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main() {
  const pg = await createPgDatabase();
  const database = await openDatabase({ databaseUrl: pg.url });
  try {
    await migrate(database, [renewalModule]);
    const { services: s, app } = await buildApp({
      config: testConfig({ masterKey: randomBytes(32).toString('hex') }),
      database,
      modules: [renewalModule],
    });
    const ctx = systemContext('bench');
    const { communityId, ownerIds } = await seedCommunity(s.db, UNITS, '基准测试小区');
    const plan = await createPlan(s, ctx, communityId, {
      title: '基准方案',
      items: [{ name: '外立面整治', costFen: 100_000_00 }],
    });
    const ballot = await createBallot(s, ctx, communityId, {
      planId: plan.plan.id,
      question: '是否同意？',
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const at = new Date();
    const choices: Choice[] = ['yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'no', 'abstain'];
    const votes = ownerIds
      .filter((_, i) => i % 10 !== 9)
      .map((ownerId, i) => ({
        ballotId: ballot.ballot.id,
        ownerId,
        channel: 'paper' as const,
        choice: choices[i % choices.length]!,
        scanFileId: randomUuidLike(i),
        proxyHolder: null,
        proxyFileId: null,
        tokenId: null,
        recordedBy: null,
        at,
      }));
    const inserted = await insertVotes(s.db, votes);
    log(`community of ${UNITS} units, ${ownerIds.length} owners, ${inserted} votes`);
    const b = { id: ballot.ballot.id, community_id: communityId, matter: 'major' as const };
    for (let i = 0; i < 5; i++) await countBallot(s.db, b);
    const times: number[] = [];
    let outcome = '';
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const c = await countBallot(s.db, b);
      times.push(performance.now() - t0);
      outcome = c?.tally.outcome ?? '';
    }
    times.sort((x, y) => x - y);
    // the database's share: the one query the count reads its input with
    const queries: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await listHoldingsWithVotes(s.db, communityId, b.id);
      queries.push(performance.now() - t0);
    }
    queries.sort((x, y) => x - y);
    const round = (x: number) => Math.round(x * 10) / 10;
    console.log(
      JSON.stringify({
        backend: 'postgres',
        bench: 'ballot-tally',
        units: UNITS,
        owners: ownerIds.length,
        votes: inserted,
        runs: RUNS,
        meanMs: round(times.reduce((a, x) => a + x, 0) / times.length),
        p50Ms: round(times[Math.floor(times.length / 2)]!),
        p99Ms: round(times[Math.min(times.length - 1, Math.floor(times.length * 0.99))]!),
        queryP50Ms: round(queries[Math.floor(queries.length / 2)]!),
        outcome,
      }),
    );
    await app.close();
  } finally {
    await database.close().catch(() => {});
    await pg.drop();
  }
}

/** A well-formed UUID standing for a scan (the benchmark loads votes directly, without files). */
const randomUuidLike = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

await main();
