import type { Label } from '@gongfu/domain/renewal/rectification';
import { invalid, type Lang } from '../../../platform/http/errors.ts';
import type { PlatformServices } from '../../../platform/module/app-types.ts';
import { checkDate, daysBetween, todayOf } from '../renewal.dates.ts';

/** Small input rules shared by the oversight services; errors name the field, Chinese first. */

export const labelIn = (l: Label, lang: Lang): string => (lang === 'en' ? l.en : l.zh);

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

/** Trimmed text; blank text is refused naming the field. */
export function requiredText(field: string, value: string): string {
  const t = value.trim();
  if (!t) throw invalid(field, { zh: `请填写「${field}」`, en: `"${field}" is required` });
  return t;
}

/** Trimmed text, or null when absent or blank. */
export const optionalText = (value: string | null | undefined): string | null => value?.trim() || null;

/** Trimmed, non-blank entries of a list (blank entries are dropped). */
export const cleanList = (values: readonly string[] | undefined): string[] =>
  (values ?? []).map((v) => v.trim()).filter((v) => v.length > 0);

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
