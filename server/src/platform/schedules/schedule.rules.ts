import { SHANGHAI_OFFSET_MS } from '../clock.ts';
import type { Bilingual } from '../http/errors.ts';
import type { ScheduleDef, ScheduleWhen } from '../module/manifest.ts';

/**
 * Slots of a timetable, in Asia/Shanghai (UTC+8 all year). A daily schedule's slot is the day of
 * its latest occurrence (at 00:03 the 00:05 slot is still yesterday's); an every-N-minutes
 * schedule's slot is the window that holds `now`, windows counted from Shanghai midnight.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const TIME = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;
const KEY = /^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)+$/;

export interface Slot {
  /** The day ('2026-03-02') or the window's start ('2026-03-02 08:05'), Shanghai time. */
  key: string;
  start: Date;
  /** Where the next slot starts. */
  next: Date;
}

/** The slot `now` falls in. */
export function slotAt(when: ScheduleWhen, now: Date): Slot {
  const local = now.getTime() + SHANGHAI_OFFSET_MS;
  if ('dailyAt' in when) {
    const [, h, m] = TIME.exec(when.dailyAt)!;
    const at = (Number(h) * 60 + Number(m)) * MINUTE;
    const startLocal = Math.floor((local - at) / DAY) * DAY + at;
    return {
      key: new Date(startLocal).toISOString().slice(0, 10),
      start: new Date(startLocal - SHANGHAI_OFFSET_MS),
      next: new Date(startLocal + DAY - SHANGHAI_OFFSET_MS),
    };
  }
  const size = when.everyMinutes * MINUTE;
  const startLocal = Math.floor(local / size) * size;
  return {
    key: new Date(startLocal).toISOString().slice(0, 16).replace('T', ' '),
    start: new Date(startLocal - SHANGHAI_OFFSET_MS),
    next: new Date(startLocal + size - SHANGHAI_OFFSET_MS),
  };
}

/** The timetable in words. */
export function describeWhen(when: ScheduleWhen): Bilingual {
  if ('dailyAt' in when) {
    return { zh: `每天 ${when.dailyAt}（北京时间）`, en: `Daily at ${when.dailyAt} (Asia/Shanghai)` };
  }
  return { zh: `每 ${when.everyMinutes} 分钟`, en: `Every ${when.everyMinutes} minutes` };
}

/** Refuses (at start-up) a schedule with a malformed key or timetable, or a key used twice. */
export function checkSchedules(defs: readonly ScheduleDef[]): void {
  const seen = new Set<string>();
  for (const d of defs) {
    if (!KEY.test(d.key)) throw new Error(`Schedule key "${d.key}" must look like 'module.what'`);
    if (seen.has(d.key)) throw new Error(`Schedule key "${d.key}" is declared twice`);
    seen.add(d.key);
    const w = d.when;
    if ('dailyAt' in w ? !TIME.test(w.dailyAt) : !(Number.isInteger(w.everyMinutes) && w.everyMinutes >= 1)) {
      throw new Error(
        `Schedule "${d.key}" needs dailyAt 'HH:MM' (00:00–23:59) or everyMinutes, a whole number ≥ 1`,
      );
    }
    if (!('dailyAt' in w) && w.everyMinutes > 24 * 60) {
      throw new Error(`Schedule "${d.key}": everyMinutes is at most a day (1440); use dailyAt`);
    }
  }
}
