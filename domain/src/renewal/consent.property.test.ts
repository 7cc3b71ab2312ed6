import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatArea, parseArea } from './area.ts';
import {
  type Choice,
  type ConsentBallot,
  type ConsentInput,
  type ConsentOutcome,
  type ConsentUnit,
  decideMatter,
  type Matter,
  tallyMatter,
} from './consent.ts';

// ------------------------------------------------------------ generators

/** Areas in hundredths: mostly small and alike (to hit exact ties), sometimes huge. */
const hundredthsArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(1, 2, 3, 100, 200, 300, 10_000) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 20_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 9_999_999 }) },
);

/** "89", "89.3" or "89.37" — every accepted spelling of the same area. */
const spell = (h: number, style: number): string => {
  const full = formatArea(h);
  if (style === 1 && h % 100 === 0) return full.slice(0, -3);
  if (style === 2 && h % 10 === 0) return full.slice(0, -1);
  return full;
};

interface Case {
  input: ConsentInput;
  /** Hundredths per owner, for checking sums. */
  ownerArea: Map<string, number>;
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    matter: fc.constantFrom<Matter>('ordinary', 'major'),
    owners: fc.integer({ min: 1, max: 8 }),
    units: fc.array(fc.record({ owner: fc.nat(), area: hundredthsArb, style: fc.nat(2) }), {
      minLength: 1,
      maxLength: 20,
    }),
    choices: fc.array(fc.constantFrom<Choice | null>(null, 'yes', 'no', 'abstain'), {
      minLength: 8,
      maxLength: 8,
    }),
  })
  .map(({ matter, owners, units, choices }) => {
    const ownerArea = new Map<string, number>();
    const list: ConsentUnit[] = units.map((u, i) => {
      const ownerId = `O${u.owner % owners}`;
      ownerArea.set(ownerId, (ownerArea.get(ownerId) ?? 0) + u.area);
      return { unitId: `U${i}`, ownerId, area: spell(u.area, u.style) };
    });
    const ballots: ConsentBallot[] = [...ownerArea.keys()].flatMap((ownerId, i) => {
      const choice = choices[i];
      return choice ? [{ ownerId, choice }] : [];
    });
    return { input: { matter, units: list, ballots }, ownerArea };
  });

/** Deterministic Fisher–Yates from a seed (mulberry32). */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const RANK: Record<ConsentOutcome, number> = { 'no-quorum': 0, rejected: 1, passed: 2 };
const RUNS = { numRuns: 500 };

// ------------------------------------------------------------ properties

describe('decideMatter properties', () => {
  it('reports totals that are the sums of the units and ballots', () => {
    fc.assert(
      fc.property(caseArb, ({ input, ownerArea }) => {
        const r = decideMatter(input);
        const sum = (ids: string[]) => formatArea(ids.reduce((s, id) => s + (ownerArea.get(id) ?? 0), 0));
        const voters = input.ballots.map((b) => b.ownerId);
        const yes = input.ballots.filter((b) => b.choice === 'yes').map((b) => b.ownerId);
        expect(r.totalOwners).toBe(ownerArea.size);
        expect(r.participatingOwners).toBe(voters.length);
        expect(r.yesOwners).toBe(yes.length);
        expect(r.totalArea).toBe(sum([...ownerArea.keys()]));
        expect(r.participatingArea).toBe(sum(voters));
        expect(r.yesArea).toBe(sum(yes));
        // Two decimals, and they read back to the same hundredths.
        for (const a of [r.totalArea, r.participatingArea, r.yesArea]) {
          expect(a).toMatch(/^\d+\.\d\d$/);
          expect(formatArea(parseArea(a, { allowZero: true }))).toBe(a);
        }
      }),
      RUNS,
    );
  });

  it('follows the thresholds as stated, checked with rationals written out differently', () => {
    fc.assert(
      fc.property(caseArb, ({ input }) => {
        const t = tallyMatter(input);
        // a/b ≥ c/d  ⇔  a·d ≥ c·b for non-negative a, b and positive d.
        const atLeast = (a: bigint, b: bigint, c: bigint, d: bigint) => a * d >= c * b;
        const po = BigInt(t.participatingOwners);
        const yo = BigInt(t.yesOwners);
        const [ta, pa, ya] = [t.totalArea, t.participatingArea, t.yesArea].map(BigInt) as [
          bigint,
          bigint,
          bigint,
        ];
        const quorum = atLeast(pa, ta, 2n, 3n) && atLeast(po, BigInt(t.totalOwners), 2n, 3n);
        const majority =
          input.matter === 'major'
            ? atLeast(ya, pa, 3n, 4n) && atLeast(yo, po, 3n, 4n)
            : 2n * ya > pa && 2n * yo > po;
        expect(t.outcome).toBe(!quorum ? 'no-quorum' : majority ? 'passed' : 'rejected');
        expect(t.quorumMet).toBe(quorum);
        // The live-tracker requirements agree with the decision.
        expect(t.quorumMet).toBe(
          t.participatingOwners >= t.quorumRequires.owners && t.participatingArea >= t.quorumRequires.area,
        );
        expect(t.outcome === 'passed').toBe(
          t.quorumMet && t.yesOwners >= t.passRequires.owners && t.yesArea >= t.passRequires.area,
        );
        expect(t.yesOwners + t.noOwners + t.abstainOwners).toBe(t.participatingOwners);
        expect(t.yesArea + t.noArea + t.abstainArea).toBe(t.participatingArea);
      }),
      RUNS,
    );
  });

  it('does not depend on the order of units and ballots', () => {
    fc.assert(
      fc.property(caseArb, fc.integer(), fc.integer(), ({ input }, s1, s2) => {
        const shuffled = { ...input, units: shuffle(input.units, s1), ballots: shuffle(input.ballots, s2) };
        expect(decideMatter(shuffled)).toEqual(decideMatter(input));
      }),
      RUNS,
    );
  });

  // Monotonicity, with no-quorum < rejected < passed.
  //
  // (a) A 'no' or 'abstain' becomes 'yes': participation is unchanged, so the
  //     quorum is too; yes owners and yes area only grow, and each pass condition
  //     (2y > p, 4y ≥ 3p, same for area) is monotone in y. The outcome never drops.
  // (b) An owner without a ballot votes 'yes' (a units of area, a > 0): p → p + 1,
  //     y → y + 1 (and P → P + a, Y → Y + a). Participation only grows, so a quorum
  //     is kept. If the matter passed, 2y > p gives 2y + 2 > p + 1 and 4y ≥ 3p gives
  //     4y + 4 ≥ 3p + 3; by area 2Y > P gives 2Y + 2a > P + a and 4Y ≥ 3P gives
  //     4Y + 4a ≥ 3P + 3a. So passed stays passed, and rejected can only become
  //     passed. (From no-quorum anything may follow.) The outcome never drops.
  // (c) An extra 'no' or 'abstain' ballot keeps the quorum but CAN turn passed into
  //     rejected (the yes share falls), so only the quorum is asserted for it.
  it('never drops when a no or abstain becomes yes', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), ({ input }, k) => {
        const others = input.ballots.filter((b) => b.choice !== 'yes');
        fc.pre(others.length > 0);
        const target = others[k % others.length]?.ownerId;
        const ballots = input.ballots.map((b) =>
          b.ownerId === target ? { ...b, choice: 'yes' as const } : b,
        );
        const before = decideMatter(input).outcome;
        const after = decideMatter({ ...input, ballots }).outcome;
        expect(RANK[after]).toBeGreaterThanOrEqual(RANK[before]);
        if (before === 'no-quorum') expect(after).toBe('no-quorum');
      }),
      RUNS,
    );
  });

  it('never drops when an owner without a ballot votes yes; an extra ballot never loses the quorum', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.nat(),
        fc.constantFrom<Choice>('yes', 'no', 'abstain'),
        ({ input }, k, choice) => {
          const voted = new Set(input.ballots.map((b) => b.ownerId));
          const silent = [...new Set(input.units.map((u) => u.ownerId))].filter((o) => !voted.has(o));
          fc.pre(silent.length > 0);
          const ownerId = silent[k % silent.length] as string;
          const before = decideMatter(input).outcome;
          const after = decideMatter({ ...input, ballots: [...input.ballots, { ownerId, choice }] }).outcome;
          if (before !== 'no-quorum') expect(after).not.toBe('no-quorum');
          if (choice === 'yes') expect(RANK[after]).toBeGreaterThanOrEqual(RANK[before]);
        },
      ),
      RUNS,
    );
  });

  it('passes an ordinary matter whenever the same ballots pass a major one', () => {
    // 4y ≥ 3p ⇒ 2y ≥ 3p/2 > p when p > 0, and a quorum means p > 0.
    fc.assert(
      fc.property(caseArb, ({ input }) => {
        if (decideMatter({ ...input, matter: 'major' }).outcome === 'passed') {
          expect(decideMatter({ ...input, matter: 'ordinary' }).outcome).toBe('passed');
        }
      }),
      RUNS,
    );
  });

  it('reads every spelling of an area the same', () => {
    fc.assert(
      fc.property(hundredthsArb, (h) => {
        for (const style of [0, 1, 2]) expect(parseArea(spell(h, style))).toBe(h);
      }),
      RUNS,
    );
  });
});
