import { splitIsoDate } from '@gongfu/domain/cn/dates';
import { formatDay, parseDay } from '@gongfu/domain/renewal/calendar';
import { SHANGHAI_OFFSET_MS, shanghaiDate } from '../clock.ts';
import { invalid } from '../http/errors.ts';
import type { PlatformServices } from '../module/app-types.ts';

/** Dates are 'YYYY-MM-DD' calendar days in Asia/Shanghai (UTC+8, no daylight saving); modules accept 2000–2099. */

export const DATE_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';

/** Throws 400 naming `field` unless `value` is a real date in 2000–2099. */
export function checkDate(field: string, value: string): string {
  const d = splitIsoDate(value);
  if (!d || d.year < 2000 || d.year > 2099) {
    throw invalid(field, {
      zh: `「${field}」应为 2000–2099 年间的有效日期，格式 YYYY-MM-DD，例如 2026-03-02`,
      en: `"${field}" must be a real date in 2000–2099 as YYYY-MM-DD, e.g. 2026-03-02`,
    });
  }
  return value;
}

/** Today's date in Asia/Shanghai by the platform clock. */
export const todayOf = (s: PlatformServices): string => shanghaiDate(s.clock.now());

/** The date `n` calendar days after `date` (before, for negative n). */
export const addDays = (date: string, n: number): string => formatDay(parseDay(date) + n);

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => parseDay(to) - parseDay(from);

/** The instant a calendar day `date` ('YYYY-MM-DD') starts in Asia/Shanghai, optionally at `time` ('HH:MM'). */
export const shanghaiInstant = (date: string, time = '00:00'): Date =>
  new Date(Date.parse(`${date}T${time}:00Z`) - SHANGHAI_OFFSET_MS);

/** An optional date range `from` … `to`: each a real date, and `to` not before `from` (400 naming the field). */
export function checkRange(from: string | undefined, to: string | undefined): void {
  if (from) checkDate('from', from);
  if (to) checkDate('to', to);
  if (from && to && to < from) {
    throw invalid('to', {
      zh: `结束日期（${to}）不能早于开始日期（${from}），请调整日期范围`,
      en: `The end date (${to}) cannot be before the start date (${from}); adjust the range`,
    });
  }
}
