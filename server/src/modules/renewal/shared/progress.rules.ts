import { parseDay, type WorkingCalendar } from '@gongfu/domain/renewal/calendar';

/**
 * Task progress as known on a status date, folded from the daily reports filed up to it
 * (pure; no I/O). Each report may say, per task: percent complete, the day it started,
 * the day it finished, and the working days still needed counting the report's own date
 * (as `planProject` counts `remaining` from its status date). Later reports win:
 *
 * - started: the reported start day; else the report date of the first report showing
 *   work (percent > 0, remaining days or a finish);
 * - finished: the reported finish day; else the date of a report saying 100 % or 0 days
 *   remaining; a later report saying it is not finished (percent < 100, remaining > 0)
 *   reopens it;
 * - remaining on the status date: from the latest estimate — the working days from the
 *   status date to the day the estimate ends (remaining, or duration × (100 − percent) %),
 *   at least 1; a task whose estimate has run out without a finish report needs 1 more day.
 */

export interface ProgressItem {
  reportDate: string;
  taskId: string;
  percent: number | null;
  startedOn: string | null;
  finishedOn: string | null;
  remainingDays: number | null;
}

export interface TaskProgress {
  actualStart?: string;
  actualFinish?: string;
  /** Working days left from the status date (in-progress tasks with an estimate). */
  remaining?: number;
  /** Latest reported percent (100 when finished), null when never given. */
  percent: number | null;
  lastReported: string;
}

interface State {
  start?: string | undefined;
  finish?: string | undefined;
  /** Ordinal of the last working day of the latest estimate. */
  estimateEnd?: number | undefined;
  percent: number | null;
  last: string;
}

const minDate = (a: string, b: string) => (a < b ? a : b);

/**
 * Folds `items` (any order) into each task's progress on `statusDate`. Items dated after the
 * status date are ignored. `durations` gives each task's planned working days.
 */
export function foldProgress(
  items: readonly ProgressItem[],
  durations: ReadonlyMap<string, number>,
  cal: WorkingCalendar,
  statusDate: string,
): Map<string, TaskProgress> {
  const sorted = items
    .filter((i) => i.reportDate <= statusDate)
    .sort((a, b) => (a.reportDate < b.reportDate ? -1 : 1));
  const states = new Map<string, State>();
  for (const it of sorted) {
    const duration = durations.get(it.taskId);
    if (duration === undefined) continue;
    const st = states.get(it.taskId) ?? { percent: null, last: it.reportDate };
    st.last = it.reportDate;
    if (it.percent !== null) st.percent = it.percent;
    const done = it.finishedOn !== null || it.percent === 100 || it.remainingDays === 0;
    const working = done || (it.percent ?? 0) > 0 || it.remainingDays !== null;
    if (it.startedOn !== null) st.start = it.startedOn;
    else if (working && st.start === undefined) {
      st.start = it.finishedOn === null ? it.reportDate : backFrom(cal, it.finishedOn, duration);
    }
    if (done) {
      st.finish = it.finishedOn ?? st.finish ?? it.reportDate;
      st.estimateEnd = undefined;
    } else if ((it.percent !== null && it.percent < 100) || (it.remainingDays ?? 0) > 0) {
      st.finish = undefined;
      const rest =
        it.remainingDays !== null
          ? it.remainingDays
          : it.percent !== null && it.percent > 0
            ? Math.max(1, Math.ceil((duration * (100 - it.percent)) / 100))
            : undefined;
      if (rest !== undefined) st.estimateEnd = cal.ordinalOnOrAfter(parseDay(it.reportDate)) + rest - 1;
    }
    states.set(it.taskId, st);
  }

  const out = new Map<string, TaskProgress>();
  const statusOrdinal = cal.ordinalOnOrAfter(parseDay(statusDate));
  for (const [taskId, st] of states) {
    if (st.start === undefined) {
      out.set(taskId, { percent: st.percent, lastReported: st.last });
      continue;
    }
    const start = minDate(st.start, statusDate);
    if (st.finish !== undefined) {
      const finish = minDate(st.finish, statusDate);
      out.set(taskId, {
        actualStart: minDate(start, finish),
        actualFinish: finish,
        percent: 100,
        lastReported: st.last,
      });
      continue;
    }
    out.set(taskId, {
      actualStart: start,
      ...(st.estimateEnd !== undefined ? { remaining: Math.max(1, st.estimateEnd - statusOrdinal + 1) } : {}),
      percent: st.percent,
      lastReported: st.last,
    });
  }
  return out;
}

/** The start day of a task of `duration` working days that finished on `finish`. */
function backFrom(cal: WorkingCalendar, finish: string, duration: number): string {
  return cal.dateOfOrdinal(cal.ordinalOnOrBefore(parseDay(finish)) - duration + 1);
}
