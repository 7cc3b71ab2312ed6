import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFen, formatWan, yuanToFen } from './money.ts';

describe('yuanToFen', () => {
  it('parses strings exactly', () => {
    expect(yuanToFen('0')).toEqual({ ok: true, value: 0 });
    expect(yuanToFen('1')).toEqual({ ok: true, value: 100 });
    expect(yuanToFen('1.5')).toEqual({ ok: true, value: 150 });
    expect(yuanToFen('0.07')).toEqual({ ok: true, value: 7 });
    expect(yuanToFen('19.99')).toEqual({ ok: true, value: 1999 });
    expect(yuanToFen(' 1234.56 ')).toEqual({ ok: true, value: 123456 });
    expect(yuanToFen('-12.30')).toEqual({ ok: true, value: -1230 });
    expect(yuanToFen('+5')).toEqual({ ok: true, value: 500 });
    expect(yuanToFen('¥1,234.56')).toEqual({ ok: true, value: 123456 });
    expect(yuanToFen('￥1,234,567')).toEqual({ ok: true, value: 123456700 });
  });

  it('avoids floating-point drift', () => {
    // 1.1 * 100 and 0.29 * 100 are not integers in binary floating point.
    expect(yuanToFen('1.1')).toEqual({ ok: true, value: 110 });
    expect(yuanToFen(0.29)).toEqual({ ok: true, value: 29 });
    expect(yuanToFen(1.1)).toEqual({ ok: true, value: 110 });
    expect(yuanToFen('4.35')).toEqual({ ok: true, value: 435 });
  });

  it('does not return negative zero', () => {
    const result = yuanToFen('-0.00');
    expect(result.ok && Object.is(result.value, 0)).toBe(true);
  });

  it('accepts numbers with up to 2 decimals', () => {
    expect(yuanToFen(12)).toEqual({ ok: true, value: 1200 });
    expect(yuanToFen(-0.5)).toEqual({ ok: true, value: -50 });
  });

  it('rejects bad input with distinct messages', () => {
    expect(yuanToFen(null as unknown as string)).toEqual({
      ok: false,
      error: 'amount must be a string or a number',
    });
    expect(yuanToFen(Number.NaN)).toEqual({ ok: false, error: 'amount must be a finite number' });
    expect(yuanToFen(Number.POSITIVE_INFINITY)).toEqual({
      ok: false,
      error: 'amount must be a finite number',
    });
    expect(yuanToFen('  ')).toEqual({ ok: false, error: 'amount is empty' });
    for (const bad of ['abc', '1.', '.5', '1e3', '1,23', '12,34.5', '1.2.3', '--1', '¥-1', '0x10']) {
      expect(yuanToFen(bad)).toEqual({ ok: false, error: 'amount is not a valid number' });
    }
    expect(yuanToFen('1.234')).toEqual({ ok: false, error: 'amount has more than 2 decimal places' });
    expect(yuanToFen(0.1 + 0.2)).toEqual({ ok: false, error: 'amount has more than 2 decimal places' });
    expect(yuanToFen(1e-7)).toEqual({ ok: false, error: 'amount has more than 2 decimal places' });
    expect(yuanToFen('90071992547409.92')).toEqual({ ok: false, error: 'amount is too large' });
    expect(yuanToFen(1e21)).toEqual({ ok: false, error: 'amount is too large' });
  });

  it('accepts the largest safe amount', () => {
    expect(yuanToFen('90071992547409.91')).toEqual({ ok: true, value: Number.MAX_SAFE_INTEGER });
  });
});

describe('formatFen', () => {
  it('formats yuan with thousands separators and two decimals', () => {
    expect(formatFen(123456)).toBe('¥1,234.56');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(100)).toBe('¥1.00');
    expect(formatFen(100000000)).toBe('¥1,000,000.00');
    expect(formatFen(-123456)).toBe('-¥1,234.56');
    expect(formatFen(-1)).toBe('-¥0.01');
  });

  it('throws on non-integers', () => {
    expect(() => formatFen(1.5)).toThrow(RangeError);
    expect(() => formatFen(Number.NaN)).toThrow(RangeError);
  });
});

describe('money round trips', () => {
  const fenArb = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });

  it('yuanToFen(formatFen(n)) === n', () => {
    fc.assert(
      fc.property(fenArb, (fen) => {
        expect(yuanToFen(formatFen(fen))).toEqual({ ok: true, value: fen });
      }),
    );
  });

  it('parses a plain "yuan.fen" string back to the integer', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1e12 }), fc.integer({ min: 0, max: 99 }), (yuan, cents) => {
        const text = `${yuan}.${String(cents).padStart(2, '0')}`;
        expect(yuanToFen(text)).toEqual({ ok: true, value: yuan * 100 + cents });
        expect(yuanToFen(`-${text}`)).toEqual({
          ok: true,
          value: yuan * 100 + cents === 0 ? 0 : -(yuan * 100 + cents),
        });
      }),
    );
  });

  it('numbers with at most 2 decimals convert like their string form', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (fen) => {
        expect(yuanToFen(fen / 100)).toEqual({ ok: true, value: fen });
      }),
    );
  });
});

describe('formatWan', () => {
  it('writes 万元 in Chinese and millions of yuan in English', () => {
    // 5,000万元: the 2023 investment in rural sewage facilities
    expect(formatWan(5_000_000_000, 'zh-CN')).toBe('5,000万元');
    expect(formatWan(5_000_000_000, 'en')).toBe('50 million yuan');
    expect(formatWan(12_500_000, 'zh-CN')).toBe('12.5万元');
    expect(formatWan(12_500_000, 'en')).toBe('125,000 yuan');
    expect(formatWan(36_200_000_000, 'zh-CN')).toBe('36,200万元');
    expect(formatWan(36_200_000_000, 'en')).toBe('362 million yuan');
    expect(formatWan(156_000_000_000, 'en')).toBe('1.56 billion yuan');
    expect(formatWan(0, 'zh-CN')).toBe('0万元');
    expect(formatWan(0, 'en')).toBe('0 yuan');
    expect(() => formatWan(0.5, 'en')).toThrow(RangeError);
  });
});
