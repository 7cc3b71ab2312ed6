import { describe, expect, it } from 'vitest';
import {
  type Choice,
  type ConsentBallot,
  type ConsentInput,
  ConsentInputError,
  type ConsentUnit,
  decideMatter,
  type Matter,
  requiredForQuorum,
  requiredToPass,
  tallyMatter,
} from './consent.ts';

/** One unit per owner: O1 owns U1 with areas[0], … */
const flats = (...areas: string[]): ConsentUnit[] =>
  areas.map((area, i) => ({ unitId: `U${i + 1}`, ownerId: `O${i + 1}`, area }));

const CODES: Record<string, Choice> = { y: 'yes', n: 'no', a: 'abstain' };
/** "yn-a": O1 yes, O2 no, O3 no ballot, O4 abstains. */
const votes = (pattern: string): ConsentBallot[] =>
  [...pattern].flatMap((c, i) => {
    const choice = CODES[c];
    return choice ? [{ ownerId: `O${i + 1}`, choice }] : [];
  });

const decide = (matter: Matter, units: ConsentUnit[], pattern: string) =>
  decideMatter({ matter, units, ballots: votes(pattern) });

const hundred = (n: number) => Array.from({ length: n }, () => '100');

describe('a textbook community', () => {
  it('passes an ordinary matter with a clear majority and reports every figure', () => {
    expect(decide('ordinary', flats('89.37', '120', '65.5', '100.13'), 'yyn-')).toEqual({
      outcome: 'passed',
      totalOwners: 4,
      participatingOwners: 3,
      yesOwners: 2,
      totalArea: '375.00',
      participatingArea: '274.87',
      yesArea: '209.37',
    });
  });

  it('gives no quorum when too few owners vote', () => {
    expect(decide('ordinary', flats(...hundred(6)), 'yyy---').outcome).toBe('no-quorum');
  });

  it('rejects a major matter that only has a simple majority', () => {
    expect(decide('major', flats(...hundred(6)), 'yyynn-').outcome).toBe('rejected');
    expect(decide('ordinary', flats(...hundred(6)), 'yyynn-').outcome).toBe('passed');
  });

  it('gives no quorum without ballots', () => {
    expect(decide('ordinary', flats('50'), '')).toEqual({
      outcome: 'no-quorum',
      totalOwners: 1,
      participatingOwners: 0,
      yesOwners: 0,
      totalArea: '50.00',
      participatingArea: '0.00',
      yesArea: '0.00',
    });
  });

  it('lets a single owner decide alone', () => {
    expect(decide('major', flats('0.01'), 'y').outcome).toBe('passed');
    expect(decide('major', flats('0.01'), 'n').outcome).toBe('rejected');
    expect(decide('major', flats('0.01'), 'a').outcome).toBe('rejected');
  });
});

describe('quorum boundary: 2/3 of the area and 2/3 of the owners', () => {
  it('has a quorum at exactly 2/3 of both', () => {
    const r = decide('ordinary', flats('100', '100', '100'), 'yy-');
    expect(r).toMatchObject({ outcome: 'passed', participatingOwners: 2, participatingArea: '200.00' });
  });

  it('has no quorum one hundredth of a m² short of 2/3 of the area', () => {
    // 199.99 of 300.00: 3 × 19999 < 2 × 30000.
    expect(decide('ordinary', flats('100', '99.99', '100.01'), 'yy-').outcome).toBe('no-quorum');
    // 200.00 of 300.00 again, the other way round.
    expect(decide('ordinary', flats('100.01', '99.99', '100'), 'yy-').outcome).toBe('passed');
  });

  it('has no quorum one owner short of 2/3 of the owners, whatever the area', () => {
    // 4 of 6 owners is exactly 2/3; 3 of 6 is not, although they hold 99% of the area.
    expect(decide('ordinary', flats(...hundred(6)), 'yyyy--').outcome).toBe('passed');
    expect(decide('ordinary', flats('1000', '1000', '1000', '10', '10', '10'), 'yyy---').outcome).toBe(
      'no-quorum',
    );
  });

  it('has no quorum when 2/3 of the owners hold too little area', () => {
    expect(decide('ordinary', flats('10', '10', '1000'), 'yy-').outcome).toBe('no-quorum');
  });
});

describe('ordinary matters: more than 1/2 of the participating area and owners', () => {
  it('rejects exactly half of the area and passes one hundredth more', () => {
    // Yes owners 2 of 3 (> 1/2); yes area 100.00 of 200.00 — exactly half.
    expect(decide('ordinary', flats('50', '50', '100'), 'yyn')).toMatchObject({
      outcome: 'rejected',
      yesArea: '100.00',
      participatingArea: '200.00',
    });
    // 100.01 of 200.01.
    expect(decide('ordinary', flats('50', '50.01', '100'), 'yyn')).toMatchObject({
      outcome: 'passed',
      yesArea: '100.01',
      participatingArea: '200.01',
    });
  });

  it('rejects exactly half of the owners however large their area', () => {
    expect(decide('ordinary', flats('1000', '1000', '10', '10'), 'yynn').outcome).toBe('rejected');
    expect(decide('ordinary', flats('1000', '1000', '1000', '10', '10'), 'yyynn').outcome).toBe('passed');
  });
});

describe('major matters: at least 3/4 of the participating area and owners', () => {
  it('passes exactly 3/4 of both', () => {
    expect(decide('major', flats(...hundred(4)), 'yyyn')).toMatchObject({
      outcome: 'passed',
      yesOwners: 3,
      yesArea: '300.00',
      participatingArea: '400.00',
    });
  });

  it('rejects one hundredth of a m² below 3/4 of the area', () => {
    // 299.99 of 400.00.
    expect(decide('major', flats('100', '100', '99.99', '100.01'), 'yyyn').outcome).toBe('rejected');
  });

  it('rejects below 3/4 of the owners however large their area', () => {
    expect(decide('major', flats('1000', '1000', '1000', '1', '1'), 'yyynn').outcome).toBe('rejected');
    expect(
      decide('major', flats('1000', '1000', '1000', '1000', '1000', '1000', '1', '1'), 'yyyyyynn').outcome,
    ).toBe('passed');
  });
});

describe('owners and abstentions', () => {
  // The developer D owns ten unsold flats; two residents own one each.
  const developer: ConsentUnit[] = [
    ...Array.from({ length: 10 }, (_, i) => ({ unitId: `D-${i + 1}`, ownerId: 'D', area: '100' })),
    { unitId: 'R-1', ownerId: 'R1', area: '100' },
    { unitId: 'R-2', ownerId: 'R2', area: '100' },
  ];

  it('counts an owner of many units once, with the area of all of them', () => {
    const r = decideMatter({
      matter: 'ordinary',
      units: developer,
      ballots: [
        { ownerId: 'D', choice: 'yes' },
        { ownerId: 'R1', choice: 'no' },
      ],
    });
    expect(r).toEqual({
      outcome: 'rejected', // 1 of 2 owners is not more than half
      totalOwners: 3,
      participatingOwners: 2,
      yesOwners: 1,
      totalArea: '1200.00',
      participatingArea: '1100.00',
      yesArea: '1000.00',
    });
  });

  it('gives no quorum to a developer voting alone with 83% of the area', () => {
    const r = decideMatter({
      matter: 'ordinary',
      units: developer,
      ballots: [{ ownerId: 'D', choice: 'yes' }],
    });
    expect(r).toMatchObject({ outcome: 'no-quorum', participatingOwners: 1, participatingArea: '1000.00' });
  });

  it('counts abstentions towards quorum and participation but not as yes', () => {
    const units = flats('100', '100', '100');
    expect(decide('ordinary', units, 'y--').outcome).toBe('no-quorum');
    expect(decide('ordinary', units, 'ya-')).toMatchObject({
      outcome: 'rejected', // 1 yes of 2 participating is exactly half
      participatingOwners: 2,
      yesOwners: 1,
      participatingArea: '200.00',
      yesArea: '100.00',
    });
    expect(decide('ordinary', units, 'yya').outcome).toBe('passed');
  });
});

describe('exact arithmetic at scale', () => {
  it('sums 10,000 units of 99999.99 m² exactly', () => {
    const units = Array.from({ length: 10_000 }, (_, i) => ({
      unitId: `U${i}`,
      ownerId: `O${i}`,
      area: '99999.99',
    }));
    // 6,667 owners: 3 × 6667 ≥ 2 × 10000; 6,666 are not enough.
    const ballots = (n: number): ConsentBallot[] =>
      Array.from({ length: n }, (_, i) => ({ ownerId: `O${i}`, choice: 'yes' }));
    expect(decideMatter({ matter: 'major', units, ballots: ballots(6667) })).toEqual({
      outcome: 'passed',
      totalOwners: 10_000,
      participatingOwners: 6667,
      yesOwners: 6667,
      totalArea: '999999900.00',
      participatingArea: '666699933.33',
      yesArea: '666699933.33',
    });
    expect(decideMatter({ matter: 'major', units, ballots: ballots(6666) }).outcome).toBe('no-quorum');
  });

  it('decides where floating-point ratios would be off by a rounding', () => {
    // 1.58 of 2.37 m² is exactly 2/3 (3 × 158 = 2 × 237), but in floating point
    // (0.15 + 1.43) / 2.37 = 0.6666666666666665 < 2 / 3.
    expect((0.15 + 1.43) / (0.15 + 1.43 + 0.79) < 2 / 3).toBe(true);
    expect(decide('ordinary', flats('0.15', '1.43', '0.79'), 'yy-')).toMatchObject({
      outcome: 'passed',
      participatingArea: '1.58',
      totalArea: '2.37',
    });
  });
});

describe('thresholds for a live tracker', () => {
  it('requiredForQuorum gives ⌈2/3⌉ of owners and of area', () => {
    expect(requiredForQuorum(3, 30_000)).toEqual({ owners: 2, area: 20_000 });
    expect(requiredForQuorum(10, 1000)).toEqual({ owners: 7, area: 667 });
    expect(requiredForQuorum(1, 1)).toEqual({ owners: 1, area: 1 });
  });

  it('requiredToPass gives ⌊1/2⌋ + 1 for ordinary and ⌈3/4⌉ for major matters', () => {
    expect(requiredToPass('ordinary', 4, 400)).toEqual({ owners: 3, area: 201 });
    expect(requiredToPass('ordinary', 3, 301)).toEqual({ owners: 2, area: 151 });
    expect(requiredToPass('major', 4, 400)).toEqual({ owners: 3, area: 300 });
    expect(requiredToPass('major', 5, 101)).toEqual({ owners: 4, area: 76 });
  });

  it('tallyMatter reports the full count and what is still needed', () => {
    const t = tallyMatter({
      matter: 'ordinary',
      units: flats('100', '100', '100', '50'),
      ballots: votes('yan-'),
    });
    expect(t).toEqual({
      matter: 'ordinary',
      outcome: 'rejected',
      quorumMet: true,
      totalOwners: 4,
      participatingOwners: 3,
      yesOwners: 1,
      noOwners: 1,
      abstainOwners: 1,
      totalArea: 35_000,
      participatingArea: 30_000,
      yesArea: 10_000,
      noArea: 10_000,
      abstainArea: 10_000,
      quorumRequires: { owners: 3, area: 23_334 },
      passRequires: { owners: 2, area: 15_001 },
    });
  });
});

describe('bad input', () => {
  const units = flats('100', '100', '100');
  const base: ConsentInput = { matter: 'ordinary', units, ballots: votes('yy-') };
  const fails = (input: unknown, code: string, ...parts: string[]) => {
    let error: unknown;
    try {
      decideMatter(input as ConsentInput);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConsentInputError);
    expect(error).toBeInstanceOf(Error);
    expect((error as ConsentInputError).code).toBe(code);
    for (const part of parts) expect((error as Error).message).toContain(part);
  };

  it('names the owner of a ballot for an unknown owner', () => {
    fails({ ...base, ballots: [{ ownerId: 'O9', choice: 'yes' }] }, 'unknown-owner', '"O9"', 'unknown owner');
  });

  it('names the owner with two ballots', () => {
    fails(
      {
        ...base,
        ballots: [
          { ownerId: 'O2', choice: 'yes' },
          { ownerId: 'O2', choice: 'no' },
        ],
      },
      'duplicate-ballot',
      'two ballots',
      '"O2"',
    );
  });

  it.each([
    ['-5', 'is negative'],
    ['89.375', 'more than 2 decimal places'],
    ['', 'is empty'],
    ['1e3', 'exponent notation'],
    ['abc', 'is not a number'],
    ['0', 'must be greater than 0'],
    ['0.00', 'must be greater than 0'],
    ['89.', 'both sides'],
    ['.5', 'both sides'],
  ])('names the unit and the value of a malformed area %j', (area, problem) => {
    fails(
      { ...base, units: [...units, { unitId: 'B-7', ownerId: 'O4', area }] },
      'bad-area',
      '"B-7"',
      JSON.stringify(area),
      problem,
    );
  });

  it('names a unit listed twice', () => {
    fails(
      { ...base, units: [...units, { unitId: 'U2', ownerId: 'O5', area: '10' }] },
      'duplicate-unit',
      '"U2"',
      'twice',
    );
  });

  it('refuses an unknown matter or choice', () => {
    fails({ ...base, matter: 'urgent' }, 'bad-matter', '"urgent"');
    fails({ ...base, ballots: [{ ownerId: 'O1', choice: 'maybe' }] }, 'bad-choice', '"O1"', '"maybe"');
    expect(() => requiredToPass('urgent' as Matter, 1, 1)).toThrow('unknown matter "urgent"');
  });

  it('refuses a total area too large to count exactly', () => {
    const huge = '90071992547409.91'; // Number.MAX_SAFE_INTEGER hundredths: one unit is fine, two are not.
    expect(decideMatter({ ...base, units: flats(huge), ballots: [] }).totalArea).toBe(huge);
    fails({ ...base, units: flats(huge, '0.01'), ballots: [] }, 'bad-area', 'total area', 'too large');
  });

  it('refuses an empty community: nothing to decide', () => {
    fails({ ...base, units: [], ballots: [] }, 'no-units', 'no units');
  });

  it('refuses units and ballots without ids, and inputs that are not lists', () => {
    fails(
      { ...base, units: [{ unitId: '', ownerId: 'O1', area: '1' }] },
      'bad-unit',
      'unit #1 has no unitId',
    );
    fails({ ...base, units: [{ unitId: 'U1', area: '1' }] }, 'bad-unit', '"U1" has no ownerId');
    fails({ ...base, ballots: [{ choice: 'yes' }] }, 'bad-ballot', 'ballot #1 has no ownerId');
    fails({ ...base, ballots: [null] }, 'bad-ballot', 'ballot #1 is not an object');
    fails({ ...base, units: 'U1' }, 'bad-input', 'units must be an array');
    fails({ ...base, ballots: undefined }, 'bad-input', 'ballots must be an array');
    fails(null, 'bad-input', 'input must be an object');
  });
});
