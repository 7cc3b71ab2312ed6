import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, citizenIdCheckChar, isValidProvinceCode, parseCitizenId } from './citizen-id.ts';
import { shanghaiToday } from './dates.ts';

const TODAY = '2025-06-15';
const PROVINCES = [
  ...['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37'],
  ...['41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'],
  ...['71', '81', '82', '83'],
];

/** Builds a full ID with a correct check character. */
function makeId(region: string, yyyymmdd: string, sequence: string): string {
  const first17 = region + yyyymmdd + sequence;
  return first17 + citizenIdCheckChar(first17);
}

const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
const regionArb = fc.tuple(fc.constantFrom(...PROVINCES), digits(4)).map(([p, rest]) => p + rest);
const birthDateArb = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date(`${TODAY}T00:00:00Z`), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const validIdArb = fc
  .tuple(regionArb, birthDateArb, digits(3))
  .map(([region, date, seq]) => ({ region, date, seq, id: makeId(region, date.replaceAll('-', ''), seq) }));

describe('parseCitizenId: published examples', () => {
  it('accepts the GB 11643-1999 example 11010519491231002X', () => {
    expect(parseCitizenId('11010519491231002X', TODAY)).toEqual({
      ok: true,
      value: { id: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', gender: 'female' },
    });
  });

  it('accepts the GB 11643 example 440524188001010014 (born 1880)', () => {
    expect(citizenIdCheckChar('44052418800101001')).toBe('4');
    expect(parseCitizenId('440524188001010014', TODAY)).toEqual({
      ok: true,
      value: { id: '440524188001010014', regionCode: '440524', birthDate: '1880-01-01', gender: 'male' },
    });
  });
});

describe('parseCitizenId: normalisation', () => {
  it('accepts a lower-case x and normalises it to X', () => {
    const result = parseCitizenId('11010519491231002x', TODAY);
    expect(result.ok && result.value.id).toBe('11010519491231002X');
  });

  it('ignores surrounding spaces, tabs and full-width spaces', () => {
    for (const input of [
      '  11010519491231002X  ',
      '\t11010519491231002X\n',
      '\u300011010519491231002X\u3000',
    ]) {
      const result = parseCitizenId(input, TODAY);
      expect(result.ok && result.value.id).toBe('11010519491231002X');
    }
  });

  it('rejects spaces inside the number', () => {
    expect(parseCitizenId('110105 19491231002X', TODAY)).toEqual({
      ok: false,
      error: 'citizen ID must be 18 characters long, got 19',
    });
  });
});

describe('parseCitizenId: format errors are distinct', () => {
  it('rejects non-strings', () => {
    for (const input of [undefined, null, 11010519491231, {}, ['11010519491231002X']]) {
      expect(parseCitizenId(input, TODAY)).toEqual({ ok: false, error: 'citizen ID must be a string' });
    }
  });

  it('rejects empty and blank strings', () => {
    expect(parseCitizenId('', TODAY)).toEqual({ ok: false, error: 'citizen ID is empty' });
    expect(parseCitizenId('   ', TODAY)).toEqual({ ok: false, error: 'citizen ID is empty' });
  });

  it('rejects the wrong length, including old 15-digit numbers', () => {
    expect(parseCitizenId('110105491231002', TODAY)).toEqual({
      ok: false,
      error: 'citizen ID must be 18 characters long, got 15',
    });
    expect(parseCitizenId('11010519491231002X0', TODAY)).toEqual({
      ok: false,
      error: 'citizen ID must be 18 characters long, got 19',
    });
  });

  it('rejects non-digits in the first 17 characters', () => {
    expect(parseCitizenId('1101051949123100X2', TODAY)).toEqual({
      ok: false,
      error: 'citizen ID must start with 17 digits',
    });
    expect(parseCitizenId('11010519491231００2X', TODAY)).toEqual({
      ok: false,
      error: 'citizen ID must start with 17 digits',
    });
  });

  it('rejects a check character that is neither a digit nor X', () => {
    expect(parseCitizenId('11010519491231002Y', TODAY)).toEqual({
      ok: false,
      error: 'citizen ID must end with a digit or X',
    });
  });

  it('names the expected check character when it is wrong', () => {
    expect(parseCitizenId('110105194912310020', TODAY)).toEqual({
      ok: false,
      error: 'citizen ID check digit is wrong: expected X',
    });
    expect(parseCitizenId('44052419800101001X', TODAY)).toEqual({
      ok: false,
      error: `citizen ID check digit is wrong: expected ${citizenIdCheckChar('44052419800101001')}`,
    });
  });
});

describe('parseCitizenId: region code', () => {
  it('rejects 91 and other unassigned province codes', () => {
    for (const province of [
      '00',
      '10',
      '16',
      '20',
      '24',
      '38',
      '47',
      '55',
      '66',
      '72',
      '80',
      '84',
      '91',
      '99',
    ]) {
      const id = makeId(`${province}0101`, '19800101', '001');
      expect(parseCitizenId(id, TODAY)).toEqual({
        ok: false,
        error: `citizen ID region code ${province}0101 starts with an invalid province code`,
      });
    }
  });

  it('accepts exactly the listed province codes', () => {
    fc.assert(
      fc.property(digits(2), (province) => {
        const result = parseCitizenId(makeId(`${province}0101`, '19800101', '001'), TODAY);
        expect(result.ok).toBe(PROVINCES.includes(province));
        expect(isValidProvinceCode(province)).toBe(PROVINCES.includes(province));
      }),
    );
  });
});

describe('parseCitizenId: birth date', () => {
  const withDate = (yyyymmdd: string) => parseCitizenId(makeId('330102', yyyymmdd, '123'), TODAY);

  it('accepts 29 February in leap years', () => {
    for (const date of ['19040229', '19960229', '20000229', '20240229']) {
      const result = withDate(date);
      expect(result.ok && result.value.birthDate).toBe(`${date.slice(0, 4)}-02-29`);
    }
  });

  it('rejects 29 February in common years, including century years not divisible by 400', () => {
    for (const date of ['19000229', '19990229', '20230229']) {
      expect(withDate(date)).toEqual({
        ok: false,
        error: `citizen ID birth date ${date.slice(0, 4)}-02-29 is not a real date`,
      });
    }
  });

  it('rejects impossible months and days', () => {
    for (const date of ['19800230', '19800431', '19801301', '19800001', '19800100', '19800132']) {
      const result = withDate(date);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toMatch(/is not a real date$/);
    }
  });

  it('accepts 1800-01-01 but not the day before', () => {
    expect(withDate('18000101').ok).toBe(true);
    expect(withDate('17991231')).toEqual({
      ok: false,
      error: 'citizen ID birth date 1799-12-31 is before 1800-01-01',
    });
  });

  it('accepts a birth date of today but rejects future dates', () => {
    expect(withDate('20250615').ok).toBe(true);
    expect(withDate('20250616')).toEqual({
      ok: false,
      error: 'citizen ID birth date 2025-06-16 is in the future',
    });
    expect(withDate('20991231')).toEqual({
      ok: false,
      error: 'citizen ID birth date 2099-12-31 is in the future',
    });
  });

  it('defaults today to the current date in Asia/Shanghai', () => {
    const today = shanghaiToday();
    const result = parseCitizenId(makeId('330102', today.replaceAll('-', ''), '123'));
    expect(result.ok && result.value.birthDate).toBe(today);
    expect(parseCitizenId(makeId('330102', '29990101', '123'))).toEqual({
      ok: false,
      error: 'citizen ID birth date 2999-01-01 is in the future',
    });
  });

  it('throws on a malformed today argument', () => {
    expect(() => parseCitizenId('11010519491231002X', '2025-02-30')).toThrow(RangeError);
    expect(() => parseCitizenId('11010519491231002X', '20250615')).toThrow(RangeError);
  });
});

describe('parseCitizenId: properties', () => {
  it('parses any valid region, birth date and sequence with a computed check character', () => {
    fc.assert(
      fc.property(validIdArb, ({ region, date, seq, id }) => {
        const result = parseCitizenId(id, TODAY);
        expect(result).toEqual({
          ok: true,
          value: {
            id,
            regionCode: region,
            birthDate: date,
            gender: Number(seq[2]) % 2 === 1 ? 'male' : 'female',
          },
        });
      }),
    );
  });

  it('accepts the ID in lower case and with surrounding whitespace', () => {
    fc.assert(
      fc.property(validIdArb, fc.constantFrom('', ' ', '  ', '\t'), ({ id }, pad) => {
        const result = parseCitizenId(pad + id.toLowerCase() + pad, TODAY);
        expect(result.ok && result.value.id).toBe(id);
      }),
    );
  });

  it('rejects any single-character substitution', () => {
    const arb = validIdArb.chain(({ id }) =>
      fc.record({
        id: fc.constant(id),
        pos: fc.integer({ min: 0, max: 17 }),
        replacement: fc.constantFrom(...'0123456789X'),
      }),
    );
    fc.assert(
      fc.property(
        arb.filter(({ id, pos, replacement }) => id[pos] !== replacement),
        ({ id, pos, replacement }) => {
          const changed = id.slice(0, pos) + replacement + id.slice(pos + 1);
          expect(parseCitizenId(changed, TODAY).ok).toBe(false);
        },
      ),
    );
  });

  it('rejects any swap of two different adjacent digits', () => {
    const arb = validIdArb.chain(({ id }) =>
      fc.record({ id: fc.constant(id), pos: fc.integer({ min: 0, max: 16 }) }),
    );
    fc.assert(
      fc.property(
        arb.filter(({ id, pos }) => id[pos] !== id[pos + 1]),
        ({ id, pos }) => {
          const swapped = id.slice(0, pos) + id[pos + 1] + id[pos] + id.slice(pos + 2);
          expect(parseCitizenId(swapped, TODAY).ok).toBe(false);
        },
      ),
    );
  });

  it('derives gender from the parity of digit 17', () => {
    fc.assert(
      fc.property(validIdArb, ({ id }) => {
        const result = parseCitizenId(id, TODAY);
        expect(result.ok && result.value.gender).toBe(Number(id[16]) % 2 === 1 ? 'male' : 'female');
      }),
    );
  });
});

describe('citizenIdCheckChar', () => {
  it('always returns a digit or X', () => {
    fc.assert(
      fc.property(digits(17), (first17) => {
        expect(citizenIdCheckChar(first17)).toMatch(/^[0-9X]$/);
      }),
    );
  });

  it('throws unless given exactly 17 digits', () => {
    for (const bad of ['', '1101051949123100', '110105194912310021', '1101051949123100a']) {
      expect(() => citizenIdCheckChar(bad)).toThrow(RangeError);
    }
  });
});

describe('ageOn', () => {
  it('counts completed years, going up on the birthday', () => {
    expect(ageOn('1949-12-31', '2025-12-30')).toBe(75);
    expect(ageOn('1949-12-31', '2025-12-31')).toBe(76);
    expect(ageOn('2000-06-15', '2000-06-15')).toBe(0);
    expect(ageOn('2000-06-15', '2018-06-14')).toBe(17);
    expect(ageOn('2000-06-15', '2018-06-15')).toBe(18);
  });

  it('makes a 29 February baby a year older on 1 March in common years', () => {
    expect(ageOn('2000-02-29', '2001-02-28')).toBe(0);
    expect(ageOn('2000-02-29', '2001-03-01')).toBe(1);
    expect(ageOn('2000-02-29', '2004-02-28')).toBe(3);
    expect(ageOn('2000-02-29', '2004-02-29')).toBe(4);
  });

  it('is n on the n-th anniversary and n - 1 the day before', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 1, max: 120 }),
        (year, month, day, n) => {
          const pad = (v: number) => String(v).padStart(2, '0');
          const birth = `${year}-${pad(month)}-${pad(day)}`;
          const anniversary = `${year + n}-${pad(month)}-${pad(day)}`;
          const dayBefore = day > 1 ? `${year + n}-${pad(month)}-${pad(day - 1)}` : undefined;
          expect(ageOn(birth, anniversary)).toBe(n);
          if (dayBefore) expect(ageOn(birth, dayBefore)).toBe(n - 1);
        },
      ),
    );
  });

  it('throws on invalid dates or a date before birth', () => {
    expect(() => ageOn('2001-02-29', '2020-01-01')).toThrow(RangeError);
    expect(() => ageOn('2000-01-01', 'today')).toThrow(RangeError);
    expect(() => ageOn('2000-01-02', '2000-01-01')).toThrow(RangeError);
  });
});
