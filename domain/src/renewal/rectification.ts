// Third-party safety inspection (第三方安全巡查): hazard categories, severities and the
// rectification deadline each severity sets. Pure rules, no I/O.
//
// Dates are 'YYYY-MM-DD' strings; deadlines count calendar days (construction sites
// work every day, and a hazard does not wait for the weekend). The deadline is the last
// day on which the rectification is still on time.

import { formatDay, parseDay } from './calendar.ts';

export interface Label {
  zh: string;
  en: string;
}

export const HAZARD_CATEGORIES = [
  'fall_from_height',
  'temporary_electricity',
  'lifting_machinery',
  'scaffolding',
  'excavation',
  'fire',
  'formwork',
  'site_order',
  'other',
] as const;
export type HazardCategory = (typeof HAZARD_CATEGORIES)[number];

export const HAZARD_CATEGORY_LABELS: Readonly<Record<HazardCategory, Label>> = {
  fall_from_height: { zh: '高处坠落', en: 'Falls from height' },
  temporary_electricity: { zh: '临时用电', en: 'Temporary electricity' },
  lifting_machinery: { zh: '起重机械', en: 'Lifting machinery' },
  scaffolding: { zh: '脚手架', en: 'Scaffolding' },
  excavation: { zh: '基坑', en: 'Excavations' },
  fire: { zh: '消防', en: 'Fire safety' },
  formwork: { zh: '模板支撑', en: 'Formwork support' },
  site_order: { zh: '文明施工', en: 'Site order' },
  other: { zh: '其他', en: 'Other' },
};

/** Least to most severe. */
export const SEVERITIES = ['minor', 'major', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_LABELS: Readonly<Record<Severity, Label>> = {
  minor: { zh: '一般', en: 'Minor' },
  major: { zh: '较大', en: 'Major' },
  critical: { zh: '重大', en: 'Critical' },
};

export const isHazardCategory = (v: string): v is HazardCategory =>
  (HAZARD_CATEGORIES as readonly string[]).includes(v);

export const isSeverity = (v: string): v is Severity => (SEVERITIES as readonly string[]).includes(v);

/** What a finding of one severity demands: stop work at once or not, and days to rectify. */
export interface RectificationRule {
  /** Calendar days after the finding (or the failed re-inspection) by which it must be rectified, >= 1. */
  days: number;
  /** The work at the hazard stops until it passes re-inspection (停工整改). */
  stopWork: boolean;
}

export type RectificationTable = Readonly<Record<Severity, RectificationRule>>;

/** The default table: critical — stop work, 1 day; major — 3 days; minor — 7 days. */
export const DEFAULT_RECTIFICATION_TABLE: RectificationTable = {
  critical: { days: 1, stopWork: true },
  major: { days: 3, stopWork: false },
  minor: { days: 7, stopWork: false },
};

/**
 * Checks a (configured) table: every severity present with whole days >= 1, and a more
 * severe hazard never given longer than a less severe one. Throws an Error naming the
 * severity otherwise.
 */
export function checkRectificationTable(table: RectificationTable): void {
  let previous: { severity: Severity; days: number } | undefined;
  for (const severity of SEVERITIES) {
    const rule = table[severity];
    if (!rule) throw new Error(`rectification table has no rule for severity "${severity}"`);
    if (!Number.isInteger(rule.days) || rule.days < 1) {
      throw new Error(`rectification days for "${severity}" must be a whole number >= 1, got ${rule.days}`);
    }
    if (previous && rule.days > previous.days) {
      throw new Error(
        `rectification days for "${severity}" (${rule.days}) exceed those for the less severe "${previous.severity}" (${previous.days})`,
      );
    }
    previous = { severity, days: rule.days };
  }
}

/** `date` plus `days` calendar days. */
export function addCalendarDays(date: string, days: number): string {
  return formatDay(parseDay(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return parseDay(to, 'to') - parseDay(from, 'from');
}

/**
 * The rectification deadline of a finding of `severity` found (or failed at
 * re-inspection) on `from`: `from` + the severity's days, and whether work must stop.
 */
export function rectificationDeadline(
  severity: Severity,
  from: string,
  table: RectificationTable = DEFAULT_RECTIFICATION_TABLE,
): { deadline: string; days: number; stopWork: boolean } {
  if (!isSeverity(severity)) throw new Error(`unknown severity "${String(severity)}"`);
  if (table !== DEFAULT_RECTIFICATION_TABLE) checkRectificationTable(table);
  const rule = table[severity];
  return {
    deadline: formatDay(parseDay(from, 'from') + rule.days),
    days: rule.days,
    stopWork: rule.stopWork,
  };
}

/** A finding is overdue when it is not closed (销号) and today is after its deadline. */
export function isFindingOverdue(f: { status: string; deadline: string }, today: string): boolean {
  return f.status !== 'closed' && today > f.deadline;
}
