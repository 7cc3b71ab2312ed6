import type { Label } from '@gongfu/domain/renewal/rectification';
import type { Expression, SqlBool } from 'kysely';
import {
  checkDate,
  dateString,
  daysBetween,
  filter,
  invalid,
  type Lang,
  type PlatformServices,
  todayOf,
} from '../../../platform/kit/index.ts';

/** Small input rules shared by the oversight services; errors name the field, Chinese first. */

export const labelIn = (l: Label, lang: Lang): string => (lang === 'en' ? l.en : l.zh);

/** Statuses of action items (督办事项) as the views name them. */
export const ACTION_ITEM_STATUS_NAMES = {
  open: { zh: '未完成', en: 'Open' },
  done: { zh: '已完成', en: 'Done' },
} as const;

/** A date that is not in the future (things that happened: meetings, inspections, replies). */
export function checkPastDate(s: PlatformServices, field: string, value: string): string {
  checkDate(field, value);
  const today = todayOf(s);
  if (value > today) {
    throw invalid(field, {
      zh: `「${field}」不能晚于今天（${today}）`,
      en: `"${field}" cannot be later than today (${today})`,
    });
  }
  return value;
}

/** `later` must not be before `earlier` (named `what`). */
export function checkNotBefore(field: string, later: string, earlier: string, what: Label): void {
  if (later < earlier) {
    throw invalid(field, {
      zh: `「${field}」不能早于${what.zh}（${earlier}）`,
      en: `"${field}" cannot be before ${what.en} (${earlier})`,
    });
  }
}

/** A window of dates `from` … `to` (inclusive) of at most `maxDays` days. */
export function checkWindow(from: string, to: string, maxDays: number): void {
  checkDate('from', from);
  checkDate('to', to);
  checkNotBefore('to', to, from, { zh: '开始日期', en: 'the start date' });
  if (daysBetween(from, to) + 1 > maxDays) {
    throw invalid('to', {
      zh: `查询范围不能超过 ${maxDays} 天，请缩短日期范围`,
      en: `The date range cannot exceed ${maxDays} days; shorten it`,
    });
  }
}

/** A list filter on a day (`from`, `to`): a real date, or a 400 naming the field. */
export const dayFilter = (field: string, description: string, where: (day: string) => Expression<SqlBool>) =>
  filter(dateString(description), (day) => where(checkDate(field, day)));
