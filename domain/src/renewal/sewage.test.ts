import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  evaluateSample,
  formatBasisPoints,
  missingValues,
  parseHundredths,
  rateBasisPoints,
  ratePercentText,
} from './sewage.ts';

describe('sewage rates', () => {
  it('reproduces the Anji 2023 figures', () => {
    expect(ratePercentText(133, 145)).toBe('91.72');
    expect(ratePercentText(41, 44)).toBe('93.18');
  });

  it('rounds half up with integers only', () => {
    // 1/8 = 12.5 % exactly; 1/16 = 6.25 %; 1/32 = 3.125 % → 3.13; 1/3 = 33.333… → 33.33; 2/3 → 66.67
    expect(ratePercentText(1, 8)).toBe('12.50');
    expect(ratePercentText(1, 32)).toBe('3.13');
    expect(ratePercentText(1, 3)).toBe('33.33');
    expect(ratePercentText(2, 3)).toBe('66.67');
    expect(ratePercentText(0, 5)).toBe('0.00');
    expect(ratePercentText(5, 5)).toBe('100.00');
    expect(ratePercentText(0, 0)).toBeNull();
    expect(() => rateBasisPoints(3, 2)).toThrow(RangeError);
    expect(() => rateBasisPoints(-1, 2)).toThrow(RangeError);
  });

  it('agrees with exact rational rounding for any n ≤ d', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.nat(), (d, k) => {
        const n = k % (d + 1);
        const bp = rateBasisPoints(n, d)!;
        // bp is the integer with |n·10000/d − bp| ≤ 1/2, ties upwards
        expect(2 * n * 10000 >= (2 * bp - 1) * d).toBe(true);
        expect(2 * n * 10000 < (2 * bp + 1) * d).toBe(true);
        expect(formatBasisPoints(bp)).toMatch(/^\d{1,3}\.\d{2}$/);
      }),
    );
  });

  it('parses decimal texts as hundredths', () => {
    expect(parseHundredths('45.3')).toBe(4530);
    expect(parseHundredths('7')).toBe(700);
    expect(parseHundredths(' 0.05 ')).toBe(5);
    for (const bad of ['', '-1', '1.234', '1e3', '1,5', '.5', 'abc']) expect(parseHundredths(bad)).toBeNull();
  });
});

describe('DB33/973-2021 evaluation', () => {
  const ok = { ph: 720, cod: 4500, nh3n: 600, tp: 80 };

  it('passes a sample within grade 1, limits inclusive', () => {
    expect(evaluateSample(1, ok)).toEqual({ compliant: true, exceedances: [] });
    expect(evaluateSample(1, { ...ok, cod: 6000, tp: 100, ph: 900 }).compliant).toBe(true);
  });

  it('fails values above the maximum or a pH out of range, naming each', () => {
    const r = evaluateSample(1, { ...ok, cod: 6001, ph: 590 });
    expect(r.compliant).toBe(false);
    expect(r.exceedances).toEqual([
      { pollutant: 'ph', value: 590, limit: 600, side: 'below' },
      { pollutant: 'cod', value: 6001, limit: 6000, side: 'above' },
    ]);
  });

  it('grade 2 is looser and does not limit total nitrogen', () => {
    const sample = { ...ok, cod: 9000, tp: 250, tn: 3500 };
    expect(evaluateSample(1, sample).compliant).toBe(false);
    expect(evaluateSample(2, sample).compliant).toBe(true);
  });

  it('takes the cold-water ammonia limit only with a measured temperature ≤ 12 °C', () => {
    const sample = { ...ok, nh3n: 1200 };
    expect(evaluateSample(1, sample).compliant).toBe(false);
    expect(evaluateSample(1, sample, 180).compliant).toBe(false);
    expect(evaluateSample(1, sample, 120).compliant).toBe(true);
    expect(evaluateSample(1, { ...ok, nh3n: 1501 }, 80).compliant).toBe(false);
  });

  it('names the required values a sample lacks', () => {
    expect(missingValues(ok)).toEqual([]);
    expect(missingValues({ ph: 700, cod: 100 })).toEqual(['nh3n', 'tp']);
  });
});
