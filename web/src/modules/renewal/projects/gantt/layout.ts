import type { Schedule, ScheduledTask } from '../../api.ts';
import { addDays, dayNumber } from '../../shared/dates.ts';

export type Zoom = 'day' | 'week';

/** Pixels per calendar day at each zoom. */
export const PX_PER_DAY: Record<Zoom, number> = { day: 24, week: 6 };
export const ROW_H = 30;
export const HEADER_H = 48;
export const LEFT_W = 380;
/** Rows drawn above and below the visible ones, so a quick scroll shows no gap. */
export const OVERSCAN = 8;

export interface GanttRow {
  task: ScheduledTask;
  depth: number;
}

/** The tasks in list order with their depth in the work breakdown. */
export function rowsOf(schedule: Schedule): GanttRow[] {
  const byId = new Map(schedule.tasks.map((t) => [t.id, t]));
  const depthOf = (t: ScheduledTask): number => {
    let d = 0;
    let p = t.parentId ? byId.get(t.parentId) : undefined;
    while (p && d < 20) {
      d++;
      p = p.parentId ? byId.get(p.parentId) : undefined;
    }
    return d;
  };
  return schedule.tasks.map((task) => ({ task, depth: depthOf(task) }));
}

/** The first and last day the chart shows: every plan, actual, today and the deadline, with a margin. */
export function chartRange(schedule: Schedule): { first: string; days: number } {
  let lo = Math.min(dayNumber(schedule.startDate), dayNumber(schedule.statusDate));
  let hi = Math.max(
    dayNumber(schedule.deadline),
    dayNumber(schedule.projectFinish),
    dayNumber(schedule.statusDate),
  );
  for (const t of schedule.tasks) {
    lo = Math.min(lo, dayNumber(t.earlyStart), t.actualStart ? dayNumber(t.actualStart) : lo);
    hi = Math.max(hi, dayNumber(t.earlyFinish), dayNumber(t.lateFinish));
  }
  const first = addDays(new Date(lo * 86_400_000).toISOString().slice(0, 10), -3);
  return { first, days: hi - lo + 3 + 10 };
}

/** Room kept between a marker line and the edge of the visible chart, in pixels. */
const EDGE = 32;

/**
 * Where the chart opens (scrollLeft), given today's and the deadline's x within the time scale
 * and the visible width of the time scale: today a quarter in from the left, moved left so the
 * deadline shows too when both fit, and never so far that today leaves the view.
 */
export function openingScroll(todayX: number, deadlineX: number, viewW: number): number {
  const preferred = todayX - viewW / 4;
  const keepToday = todayX - EDGE; // the most we may scroll right and still see today
  const showDeadline = deadlineX + EDGE - viewW; // the least we must scroll right to see the deadline
  return Math.max(0, Math.min(keepToday, Math.max(preferred, showDeadline)));
}

/** The scrollLeft that brings a date's x into view: three quarters in for the deadline, a quarter for today. */
export const scrollLeftFor = (x: number, viewW: number, at: 'quarter' | 'threeQuarters'): number =>
  Math.max(0, x - viewW * (at === 'quarter' ? 0.25 : 0.75));

/** Rows [start, end) to draw for a viewport. */
export function visibleRange(scrollTop: number, height: number, total: number): [number, number] {
  const start = Math.max(0, Math.floor((scrollTop - HEADER_H) / ROW_H) - OVERSCAN);
  const end = Math.min(total, Math.ceil((scrollTop + height) / ROW_H) + OVERSCAN);
  return [start, end];
}

/** Month boundaries within the range: label and x offset in days. */
export function months(first: string, days: number): { label: string; offset: number; length: number }[] {
  const out: { label: string; offset: number; length: number }[] = [];
  let d = 0;
  while (d < days) {
    const date = addDays(first, d);
    const [y, m, day] = date.split('-').map(Number) as [number, number, number];
    const nextMonth = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    const len = Math.min(days - d, dayNumber(nextMonth) - dayNumber(date));
    out.push({ label: `${y}-${String(m).padStart(2, '0')}`, offset: d, length: len });
    d += len;
    void day;
  }
  return out;
}
