// Benchmark for the owners' joint decision (Civil Code art. 278): a seeded
// community of 10,000 units held by 9,000 owners (most own one unit, some two
// to five, a developer forty), 8,000 of them voting. Measures decideMatter —
// parsing every area, the per-owner sums and the exact decision. Run with
// `npx tsx bench/consent.ts`; prints one JSON line (times in ms).

import { formatArea } from '../domain/src/renewal/area.ts';
import {
  type Choice,
  type ConsentInput,
  type ConsentUnit,
  decideMatter,
} from '../domain/src/renewal/consent.ts';

const UNITS = 10_000;
const OWNERS = 9_000;
const BALLOTS = 8_000;
const WARMUPS = 5;
const RUNS = 50;

/** mulberry32: small, fast, good enough for test data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function community(seed: number): ConsentInput {
  const random = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  // Every owner gets one unit; the 1,000 spare units go to the developer (O0, 40)
  // and to random owners.
  const owner = Array.from({ length: UNITS }, (_, i) =>
    i < OWNERS ? i : i < OWNERS + 40 ? 0 : int(1, OWNERS - 1),
  );
  const units: ConsentUnit[] = owner.map((o, i) => ({
    unitId: `B${Math.floor(i / 120) + 1}-${(i % 120) + 101}`,
    ownerId: `O${o}`,
    area: formatArea(int(4_500, 18_000)), // 45.00 – 180.00 m²
  }));
  const choices: Choice[] = ['yes', 'yes', 'yes', 'no', 'abstain'];
  const voters = Array.from({ length: OWNERS }, (_, i) => i);
  for (let i = voters.length - 1; i > 0; i--) {
    const j = int(0, i);
    [voters[i], voters[j]] = [voters[j] as number, voters[i] as number];
  }
  const ballots = voters
    .slice(0, BALLOTS)
    .map((o) => ({ ownerId: `O${o}`, choice: choices[int(0, choices.length - 1)] as Choice }));
  return { matter: 'major', units, ballots };
}

function measure(run: () => unknown): { medianMs: number; p95Ms: number } {
  for (let i = 0; i < WARMUPS; i++) run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] as number;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { medianMs: round(at(0.5)), p95Ms: round(at(0.95)) };
}

const input = community(20_240_278);
const result = decideMatter(input);
console.log(
  JSON.stringify({
    backend: 'domain',
    bench: 'consent-tally',
    units: UNITS,
    owners: result.totalOwners,
    ballots: input.ballots.length,
    runs: RUNS,
    outcome: result.outcome,
    ...measure(() => decideMatter(input)),
  }),
);
