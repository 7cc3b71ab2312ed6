import { describe, expect, it } from 'vitest';
import { splitIsoDate } from '../dates.ts';
import {
  holidays2024,
  holidays2025,
  holidays2026,
  OFFICIAL_HOLIDAY_YEARS,
  officialCalendar,
} from './index.ts';

/** 0 = Sunday … 6 = Saturday, computed with the platform's UTC calendar as an independent check. */
const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();
const isWeekend = (date: string): boolean => weekday(date) === 0 || weekday(date) === 6;

/** Statutory holiday days per year (全国年节及纪念日放假办法; 11 until 2024, 13 from 2025). */
const STATUTORY_DAYS: Record<number, number> = { 2024: 11, 2025: 13, 2026: 13 };

describe.each(OFFICIAL_HOLIDAY_YEARS.map((y) => [y.year, y] as const))(
  'official arrangement %i',
  (year, data) => {
    it('lists real, sorted, unique dates of its own year', () => {
      for (const list of [data.holidays, data.extraWorkdays]) {
        for (const d of list) {
          expect(splitIsoDate(d), d).toBeDefined();
          expect(d.startsWith(`${year}-`), d).toBe(true);
        }
        expect([...list].sort()).toEqual(list);
        expect(new Set(list).size).toBe(list.length);
      }
    });

    it('has extra workdays only on Saturdays and Sundays', () => {
      for (const d of data.extraWorkdays) expect(isWeekend(d), d).toBe(true);
    });

    it('never lists a date both as a holiday and as a workday', () => {
      const off = new Set(data.holidays);
      expect(data.extraWorkdays.filter((d) => off.has(d))).toEqual([]);
    });

    it('gives as many net days off as there are statutory holidays', () => {
      // Weekday holidays minus weekend days worked = the statutory days (a statutory
      // day falling on a weekend is made up by a weekday, so this holds every year).
      const weekdaysOff = data.holidays.filter((d) => !isWeekend(d)).length;
      expect(weekdaysOff - data.extraWorkdays.length).toBe(STATUTORY_DAYS[year]);
    });

    it('names its State Council notice', () => {
      expect(data.source).toMatch(/^国办发明电〔\d{4}〕\d+号$/);
    });
  },
);

describe('the notices', () => {
  const blockLengths = (dates: readonly string[]): number[] => {
    const lengths: number[] = [];
    let prev = Number.NaN;
    for (const d of dates) {
      const t = Date.parse(`${d}T00:00:00Z`) / 86_400_000;
      if (t === prev + 1) lengths[lengths.length - 1]! += 1;
      else lengths.push(1);
      prev = t;
    }
    return lengths;
  };

  it('have the block lengths the notices announce (共N天)', () => {
    expect(blockLengths(holidays2024.holidays)).toEqual([1, 8, 3, 5, 1, 3, 7]);
    expect(blockLengths(holidays2025.holidays)).toEqual([1, 8, 3, 5, 3, 8]);
    expect(blockLengths(holidays2026.holidays)).toEqual([3, 9, 3, 5, 3, 3, 7]);
  });

  it('cite the right documents', () => {
    expect(holidays2024.source).toBe('国办发明电〔2023〕7号');
    expect(holidays2025.source).toBe('国办发明电〔2024〕12号');
    expect(holidays2026.source).toBe('国办发明电〔2025〕7号');
  });

  it('match the weekdays the notices print', () => {
    // 2024 春节: 2月4日（星期日）、2月18日（星期日）上班
    expect(weekday('2024-02-04')).toBe(0);
    expect(weekday('2024-02-18')).toBe(0);
    // 2025 春节: 1月28日（周二）至2月4日（周二）; 1月26日（周日）、2月8日（周六）上班
    expect([
      weekday('2025-01-28'),
      weekday('2025-02-04'),
      weekday('2025-01-26'),
      weekday('2025-02-08'),
    ]).toEqual([2, 2, 0, 6]);
    // 2026 春节: 2月15日（周日）至23日（周一）; 2月14日（周六）、2月28日（周六）上班
    expect([
      weekday('2026-02-15'),
      weekday('2026-02-23'),
      weekday('2026-02-14'),
      weekday('2026-02-28'),
    ]).toEqual([0, 1, 6, 6]);
    // 2026 国庆: 9月20日（周日）、10月10日（周六）上班
    expect([weekday('2026-09-20'), weekday('2026-10-10')]).toEqual([0, 6]);
  });
});

describe('officialCalendar', () => {
  it('merges every year by default', () => {
    const all = officialCalendar();
    expect(all.holidays).toHaveLength(
      holidays2024.holidays.length + holidays2025.holidays.length + holidays2026.holidays.length,
    );
    expect(all.extraWorkdays).toHaveLength(8 + 5 + 6);
    expect([...all.holidays].sort()).toEqual(all.holidays);
  });

  it('knows the well-known facts', () => {
    const { holidays, extraWorkdays } = officialCalendar([2024]);
    expect(extraWorkdays).toContain('2024-02-04'); // a Sunday, but a workday
    expect(holidays).toContain('2024-02-12'); // a Monday, but a holiday
    expect(holidays).not.toContain('2024-02-09'); // 除夕 2024 was not a statutory day off
    expect(holidays).toContain('2024-10-07');
    expect(officialCalendar([2025]).holidays).toContain('2025-01-28'); // 除夕 is statutory from 2025
  });

  it('selects years and refuses years without data', () => {
    expect(officialCalendar([2026]).extraWorkdays).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(officialCalendar([2025, 2025]).extraWorkdays).toHaveLength(5);
    expect(() => officialCalendar([2027])).toThrow('no official holiday arrangement for 2027');
  });

  it('returns fresh arrays', () => {
    officialCalendar().holidays.push('x');
    expect(officialCalendar().holidays).not.toContain('x');
  });
});
