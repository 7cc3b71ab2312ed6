import { createCalendar } from '@gongfu/domain/renewal/calendar';
import { describe, expect, it } from 'vitest';
import { foldProgress, type ProgressItem } from '../progress.rules.ts';

const cal = createCalendar({ kind: 'calendar-days' });
const item = (reportDate: string, p: Partial<ProgressItem>): ProgressItem => ({
  reportDate,
  taskId: 't',
  percent: null,
  startedOn: null,
  finishedOn: null,
  remainingDays: null,
  ...p,
});
const fold = (items: ProgressItem[], statusDate: string, duration = 10) =>
  foldProgress(items, new Map([['t', duration]]), cal, statusDate).get('t');

describe('progress folded from daily reports', () => {
  it('starts a task on the first report showing work, and projects the remaining days to the status date', () => {
    expect(fold([item('2026-03-02', { percent: 30 })], '2026-03-02')).toMatchObject({
      actualStart: '2026-03-02',
      remaining: 7,
      percent: 30,
    });
    // the estimate of 2 March (7 days: 2–8 March) leaves 4 days on 5 March
    expect(fold([item('2026-03-02', { percent: 30 })], '2026-03-05')?.remaining).toBe(4);
    // an estimate that ran out without a finish report needs one more day
    expect(fold([item('2026-03-02', { remainingDays: 2 })], '2026-03-09')?.remaining).toBe(1);
  });

  it('takes reported days over report dates, lets later reports win, and reopens on a later "not finished"', () => {
    const items = [
      item('2026-03-02', { startedOn: '2026-02-27', percent: 40 }),
      item('2026-03-04', { finishedOn: '2026-03-04' }),
    ];
    expect(fold(items, '2026-03-05')).toMatchObject({
      actualStart: '2026-02-27',
      actualFinish: '2026-03-04',
      percent: 100,
    });
    expect(fold(items, '2026-03-03')).toMatchObject({ actualStart: '2026-02-27', percent: 40 });
    expect(fold(items, '2026-03-03')?.actualFinish).toBeUndefined();
    const reopened = fold([...items, item('2026-03-05', { percent: 90, remainingDays: 1 })], '2026-03-05');
    expect(reopened).toMatchObject({ actualStart: '2026-02-27', remaining: 1, percent: 90 });
    expect(reopened?.actualFinish).toBeUndefined();
  });

  it('infers the start of a task reported finished without one, from its duration', () => {
    expect(fold([item('2026-03-10', { finishedOn: '2026-03-09' })], '2026-03-10', 5)).toMatchObject({
      actualStart: '2026-03-05',
      actualFinish: '2026-03-09',
    });
  });

  it('ignores reports after the status date and tasks it does not know', () => {
    expect(fold([item('2026-03-06', { percent: 10 })], '2026-03-05')).toBeUndefined();
    expect(
      foldProgress([item('2026-03-02', { taskId: 'x', percent: 5 })], new Map([['t', 3]]), cal, '2026-03-02')
        .size,
    ).toBe(0);
  });
});
