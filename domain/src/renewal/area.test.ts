import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatArea, parseArea } from './area.ts';

describe('parseArea', () => {
  it('reads whole metres, one and two decimals into hundredths', () => {
    expect(parseArea('89')).toBe(8900);
    expect(parseArea('89.3')).toBe(8930);
    expect(parseArea('89.37')).toBe(8937);
    expect(parseArea('0.01')).toBe(1);
    expect(parseArea('99999.99')).toBe(9_999_999);
    expect(parseArea('9999999999999.99')).toBe(999_999_999_999_999);
    expect(parseArea('90071992547409.91')).toBe(Number.MAX_SAFE_INTEGER);
    expect(parseArea('000000000000000000089.37')).toBe(8937);
  });

  it('ignores surrounding whitespace and leading zeros', () => {
    expect(parseArea(' 89.37\t')).toBe(8937);
    expect(parseArea('089.50')).toBe(8950);
  });

  it('accepts zero only when asked', () => {
    expect(() => parseArea('0')).toThrow('area "0" must be greater than 0');
    expect(() => parseArea('0.00')).toThrow('must be greater than 0');
    expect(parseArea('0.00', { allowZero: true })).toBe(0);
  });

  it.each([
    ['', 'is empty'],
    ['  ', 'is empty'],
    ['-5', 'is negative'],
    ['-0.01', 'is negative'],
    ['+5', 'without a sign'],
    ['89.375', 'more than 2 decimal places'],
    ['89.370', 'more than 2 decimal places'],
    ['1e3', 'exponent notation'],
    ['1.5E2', 'exponent notation'],
    ['89.', 'both sides of the decimal point'],
    ['.5', 'both sides of the decimal point'],
    ['1,234.5', 'contains a comma'],
    ['89,5', 'contains a comma'],
    ['abc', 'is not a number'],
    ['89 m²', 'is not a number'],
    ['８９', 'is not a number'],
    ['NaN', 'is not a number'],
    ['Infinity', 'is not a number'],
    ['0x10', 'is not a number'],
    ['1.2.3', 'is not a number'],
    ['99999999999999999', 'is too large'],
    ['90071992547409.92', 'is too large'],
  ])('rejects %j: %s', (text, problem) => {
    expect(() => parseArea(text)).toThrow(problem);
    expect(() => parseArea(text)).toThrow(`area ${JSON.stringify(text)}`);
  });

  it('rejects non-strings', () => {
    expect(() => parseArea(89.37 as unknown as string)).toThrow('must be a string');
  });
});

describe('formatArea', () => {
  it('writes exactly two decimals', () => {
    expect(formatArea(123450)).toBe('1234.50');
    expect(formatArea(5)).toBe('0.05');
    expect(formatArea(0)).toBe('0.00');
    expect(formatArea(0n)).toBe('0.00');
    expect(formatArea(-150)).toBe('-1.50');
    expect(formatArea(99_999_990_000n * 100n + 1n)).toBe('99999990000.01');
    expect(formatArea(2n ** 64n)).toBe('184467440737095516.16');
  });

  it('refuses non-integers', () => {
    expect(() => formatArea(1.5)).toThrow(RangeError);
  });

  it('round-trips with parseArea', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (n) => {
        expect(parseArea(formatArea(n), { allowZero: true })).toBe(n);
      }),
    );
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.integer({ min: 0, max: 99 }),
        (whole, cents) => {
          const text = `${whole}.${String(cents).padStart(2, '0')}`;
          expect(formatArea(parseArea(text))).toBe(text);
        },
      ),
    );
  });
});
