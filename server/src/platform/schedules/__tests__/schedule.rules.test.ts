import { describe, expect, it } from 'vitest';
import type { ScheduleDef } from '../../module/manifest.ts';
import { checkSchedules, describeWhen, slotAt } from '../schedule.rules.ts';

const at = (iso: string) => new Date(iso);

describe('schedule slots (Asia/Shanghai)', () => {
  it('a daily slot is the day of its latest occurrence', () => {
    const daily = { dailyAt: '00:05' };
    // 2026-03-02 00:04 in Shanghai is 2026-03-01 16:04 UTC: still the 1 March slot
    expect(slotAt(daily, at('2026-03-01T16:04:59Z'))).toEqual({
      key: '2026-03-01',
      start: at('2026-02-28T16:05:00Z'),
      next: at('2026-03-01T16:05:00Z'),
    });
    expect(slotAt(daily, at('2026-03-01T16:05:00Z')).key).toBe('2026-03-02');
    expect(slotAt(daily, at('2026-03-02T15:59:00Z')).key).toBe('2026-03-02');
    // the last day of February and a year's turn
    expect(slotAt({ dailyAt: '23:30' }, at('2028-02-29T15:30:00Z')).key).toBe('2028-02-29');
    expect(slotAt({ dailyAt: '00:00' }, at('2026-12-31T16:00:00Z')).key).toBe('2027-01-01');
  });

  it('an every-N-minutes slot is the window holding the time, counted from Shanghai midnight', () => {
    const s = slotAt({ everyMinutes: 5 }, at('2026-03-02T00:07:30Z'));
    expect(s).toEqual({
      key: '2026-03-02 08:05',
      start: at('2026-03-02T00:05:00Z'),
      next: at('2026-03-02T00:10:00Z'),
    });
    expect(slotAt({ everyMinutes: 5 }, at('2026-03-02T00:10:00Z')).key).toBe('2026-03-02 08:10');
    expect(slotAt({ everyMinutes: 90 }, at('2026-03-01T16:59:00Z')).key).toBe('2026-03-02 00:00');
  });

  it('names the timetable in both languages', () => {
    expect(describeWhen({ dailyAt: '00:05' })).toEqual({
      zh: '每天 00:05（北京时间）',
      en: 'Daily at 00:05 (Asia/Shanghai)',
    });
    expect(describeWhen({ everyMinutes: 5 }).en).toBe('Every 5 minutes');
  });

  it('refuses malformed keys and timetables and a key declared twice', () => {
    const def = (key: string, when: ScheduleDef['when']): ScheduleDef => ({
      key,
      name: { zh: 'x', en: 'x' },
      when,
      run: async () => ({}),
    });
    expect(() =>
      checkSchedules([def('a.b', { dailyAt: '00:05' }), def('c.d', { everyMinutes: 5 })]),
    ).not.toThrow();
    expect(() => checkSchedules([def('nodot', { dailyAt: '00:05' })])).toThrow(/module\.what/);
    expect(() => checkSchedules([def('a.b', { dailyAt: '24:00' })])).toThrow(/HH:MM/);
    expect(() => checkSchedules([def('a.b', { dailyAt: '7:05' })])).toThrow(/HH:MM/);
    expect(() => checkSchedules([def('a.b', { everyMinutes: 0 })])).toThrow(/whole number/);
    expect(() => checkSchedules([def('a.b', { everyMinutes: 2.5 })])).toThrow(/whole number/);
    expect(() => checkSchedules([def('a.b', { everyMinutes: 2000 })])).toThrow(/at most a day/);
    expect(() => checkSchedules([def('a.b', { dailyAt: '01:00' }), def('a.b', { everyMinutes: 5 })])).toThrow(
      /twice/,
    );
  });
});
