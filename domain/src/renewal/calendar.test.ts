import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../cn/holidays/index.ts';
import {
  type CalendarSpec,
  createCalendar,
  daysFromCivil,
  formatDay,
  MAX_DAY,
  MIN_DAY,
  parseDay,
  weekday,
} from './calendar.ts';

const official: CalendarSpec = { kind: 'workdays', ...officialCalendar() };

/** Independent reference: the platform's own UTC calendar, stepping one day at a time. */
const shift = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function naiveAdd(isWorking: (d: string) => boolean, date: string, n: number): string {
  let d = date;
  for (let left = Math.abs(n); left > 0; ) {
    d = shift(d, Math.sign(n));
    if (isWorking(d)) left--;
  }
  return d;
}

const dateArb = (from: string, days: number) => fc.integer({ min: 0, max: days }).map((k) => shift(from, k));

describe('day numbers', () => {
  it('round-trips dates and agrees with Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_DAY, max: MAX_DAY }), (day) => {
        const date = formatDay(day);
        expect(parseDay(date)).toBe(day);
        if (day >= -700_000) expect(Date.parse(`${date}T00:00:00Z`) / 86_400_000).toBe(day);
      }),
    );
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(formatDay(MIN_DAY)).toBe('0001-01-01');
    expect(formatDay(MAX_DAY)).toBe('9999-12-31');
    expect(formatDay(daysFromCivil(2024, 2, 29))).toBe('2024-02-29');
  });

  it('rejects malformed dates by name', () => {
    expect(() => parseDay('2024-02-30', 'start')).toThrow(
      'start is not a valid YYYY-MM-DD date: "2024-02-30"',
    );
    expect(() => parseDay('2024-2-3')).toThrow('not a valid YYYY-MM-DD');
    expect(() => parseDay('0000-01-01')).toThrow('not a valid YYYY-MM-DD');
    expect(() => parseDay(20240203 as unknown as string)).toThrow('not a valid YYYY-MM-DD');
    expect(() => formatDay(MAX_DAY + 1)).toThrow(RangeError);
  });

  it('knows the day of the week', () => {
    expect(weekday('2024-02-04')).toBe(0);
    expect(weekday('2024-06-03')).toBe(1);
    expect(weekday('1970-01-01')).toBe(4);
    expect(weekday('1969-12-31')).toBe(3);
  });
});

describe('WorkingCalendar', () => {
  it('works every day by default', () => {
    const cal = createCalendar();
    expect(cal.kind).toBe('calendar-days');
    expect(cal.isWorkingDay('2024-02-10')).toBe(true);
    expect(cal.addWorkingDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(cal.workingDaysBetween('2024-01-01', '2024-12-31')).toBe(365);
  });

  it('follows the official calendar with 调休 (Spring Festival 2024)', () => {
    const cal = createCalendar(official);
    expect(cal.isWorkingDay('2024-02-04')).toBe(true); // Sunday, 调休上班
    expect(cal.isWorkingDay('2024-02-09')).toBe(true); // 除夕, a Friday, not a statutory day off in 2024
    expect(cal.isWorkingDay('2024-02-12')).toBe(false); // Monday in the holiday block
    expect(cal.isWorkingDay('2024-02-18')).toBe(true); // Sunday, 调休上班
    expect(cal.isWorkingDay('2024-02-24')).toBe(false); // an ordinary Saturday
    expect(cal.nextWorkingDay('2024-02-09')).toBe('2024-02-18');
    expect(cal.previousWorkingDay('2024-02-18')).toBe('2024-02-09');
    expect(cal.workingDayOnOrAfter('2024-02-12')).toBe('2024-02-18');
    expect(cal.workingDayOnOrBefore('2024-02-12')).toBe('2024-02-09');
    expect(cal.workingDayOnOrAfter('2024-02-08')).toBe('2024-02-08');
    expect(cal.addWorkingDays('2024-02-08', 2)).toBe('2024-02-18');
    expect(cal.addWorkingDays('2024-02-18', -1)).toBe('2024-02-09');
    expect(cal.workingDaysBetween('2024-02-08', '2024-02-18')).toBe(2);
    expect(cal.countWorkingDays('2024-02-01', '2024-02-29')).toBe(21 - 5 + 2); // weekdays − weekday holidays + 调休 Sundays
  });

  it('counts like Excel WORKDAY / NETWORKDAYS on non-working dates', () => {
    const cal = createCalendar({ kind: 'workdays', holidays: [], extraWorkdays: [] });
    expect(cal.addWorkingDays('2024-06-01', 1)).toBe('2024-06-03'); // Saturday + 1 = Monday
    expect(cal.addWorkingDays('2024-06-01', -1)).toBe('2024-05-31'); // Saturday − 1 = Friday
    expect(cal.addWorkingDays('2024-06-01', 0)).toBe('2024-06-01');
    expect(cal.workingDaysBetween('2024-06-01', '2024-06-03')).toBe(1);
    expect(cal.workingDaysBetween('2024-06-03', '2024-06-01')).toBe(-1);
    expect(cal.countWorkingDays('2024-06-01', '2024-06-02')).toBe(0);
    expect(cal.countWorkingDays('2024-06-03', '2024-06-07')).toBe(5);
    expect(cal.countWorkingDays('2024-06-07', '2024-06-03')).toBe(0);
    expect(() => cal.addWorkingDays('2024-06-03', 1.5)).toThrow('whole number');
  });

  it('lets project exceptions override the official calendar', () => {
    const cal = createCalendar({
      ...official,
      nonWorkingDays: ['2024-03-05'], // rain day
      extraWorkingDays: ['2024-02-12', '2024-03-09'], // approved holiday and weekend work
    });
    expect(cal.isWorkingDay('2024-03-05')).toBe(false);
    expect(cal.isWorkingDay('2024-02-12')).toBe(true);
    expect(cal.isWorkingDay('2024-03-09')).toBe(true);
    expect(cal.addWorkingDays('2024-03-04', 1)).toBe('2024-03-06');
    const rainy = createCalendar({ kind: 'calendar-days', nonWorkingDays: ['2024-07-01', '2024-07-02'] });
    expect(rainy.nextWorkingDay('2024-06-30')).toBe('2024-07-03');
  });

  it('refuses contradictory lists', () => {
    expect(() =>
      createCalendar({ kind: 'workdays', holidays: ['2024-02-04'], extraWorkdays: ['2024-02-04'] }),
    ).toThrow('2024-02-04 is listed both as a holiday and as an extra workday');
    expect(() =>
      createCalendar({
        kind: 'calendar-days',
        nonWorkingDays: ['2024-05-05'],
        extraWorkingDays: ['2024-05-05'],
      }),
    ).toThrow('2024-05-05 is listed both as a non-working day and as an extra working day');
    expect(() => createCalendar({ kind: 'workdays', holidays: ['2024-13-01'], extraWorkdays: [] })).toThrow(
      'holidays entry is not a valid YYYY-MM-DD date: "2024-13-01"',
    );
    expect(() => createCalendar({ kind: 'weekly' } as unknown as CalendarSpec)).toThrow(
      'unknown calendar kind',
    );
  });

  it('widens its index in both directions and keeps ordinals stable', () => {
    const cal = createCalendar(official);
    const o = cal.ordinalOnOrAfter(parseDay('2025-06-03'));
    expect(cal.addWorkingDays('2025-06-03', 5000)).toBe(
      naiveAdd((d) => cal.isWorkingDay(d), '2025-06-03', 5000),
    );
    expect(cal.addWorkingDays('2025-06-03', -5000)).toBe(
      naiveAdd((d) => cal.isWorkingDay(d), '2025-06-03', -5000),
    );
    expect(cal.ordinalOnOrAfter(parseDay('2025-06-03'))).toBe(o);
    expect(cal.dateOfOrdinal(o)).toBe('2025-06-03');
    expect(() => cal.addWorkingDays('2025-06-03', 10_000_000)).toThrow('after 9999-12-31');
    expect(() => cal.addWorkingDays('2025-06-03', -10_000_000)).toThrow('before 0001-01-01');
  });

  it('agrees with naive day-by-day stepping', () => {
    const specs: CalendarSpec[] = [
      official,
      { kind: 'calendar-days', nonWorkingDays: ['2024-07-01', '2025-01-02'], extraWorkingDays: [] },
      { ...official, nonWorkingDays: ['2024-05-06', '2024-05-07'], extraWorkingDays: ['2024-10-03'] },
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...specs),
        dateArb('2023-10-01', 1300),
        dateArb('2023-10-01', 1300),
        fc.integer({ min: -300, max: 300 }),
        (spec, a, b, n) => {
          const cal = createCalendar(spec);
          const working = (d: string) => cal.isWorkingDay(d);
          expect(cal.addWorkingDays(a, n)).toBe(n === 0 ? a : naiveAdd(working, a, n));
          let count = 0;
          for (let d = a; d <= b; d = shift(d, 1)) if (working(d)) count++;
          expect(cal.countWorkingDays(a, b)).toBe(count);
          if (working(a) && working(b)) expect(cal.addWorkingDays(a, cal.workingDaysBetween(a, b))).toBe(b);
          const next = cal.nextWorkingDay(a);
          expect(next > a && working(next)).toBe(true);
          for (let d = shift(a, 1); d < next; d = shift(d, 1)) expect(working(d)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('decides working days by the weekly rule plus lists', () => {
    const official2024 = createCalendar({ kind: 'workdays', ...officialCalendar([2024]) });
    fc.assert(
      fc.property(dateArb('2024-01-01', 365), (d) => {
        const { holidays, extraWorkdays } = officialCalendar([2024]);
        const w = new Date(`${d}T00:00:00Z`).getUTCDay();
        const expected = extraWorkdays.includes(d) || (w !== 0 && w !== 6 && !holidays.includes(d));
        expect(official2024.isWorkingDay(d)).toBe(expected);
      }),
    );
  });
});
