import { describe, expect, it } from 'vitest';
import { isLeapYear, shanghaiToday, splitIsoDate } from './dates.ts';

describe('dates', () => {
  it('applies the Gregorian leap-year rule', () => {
    expect([1900, 1996, 2000, 2023, 2024, 2100].map(isLeapYear)).toEqual([
      false,
      true,
      true,
      false,
      true,
      false,
    ]);
  });

  it('splits only real YYYY-MM-DD dates', () => {
    expect(splitIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(splitIsoDate('2023-02-29')).toBeUndefined();
    expect(splitIsoDate('2024-2-9')).toBeUndefined();
    expect(splitIsoDate('2024-04-31')).toBeUndefined();
  });

  it('uses UTC+8 for the Shanghai date', () => {
    expect(shanghaiToday(new Date('2024-12-31T15:59:59Z'))).toBe('2024-12-31');
    expect(shanghaiToday(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01');
  });
});
