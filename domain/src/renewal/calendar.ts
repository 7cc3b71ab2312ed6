// Working calendars for construction scheduling.
//
// Dates are 'YYYY-MM-DD' strings at the edges and integer day numbers inside
// (days since 1970-01-01, proleptic Gregorian — pure integer arithmetic, so
// there is no time zone or daylight-saving question at all).
//
// Day arithmetic runs on *working-day ordinals*: consecutive working days get
// consecutive integers, so "n working days later" is `ordinal + n` and "how
// many working days between" is a subtraction. The calendar keeps an index
// over a contiguous range of days (a prefix count of working days per day and
// the day of every ordinal) and widens it on demand, so every lookup is O(1)
// (amortised over the occasional widening). Ordinals are relative to an
// arbitrary anchor fixed when the index is first built: only differences mean
// anything, and they stay valid while the index grows.

import { splitIsoDate } from '../cn/dates.ts';

/** The base calendar. `calendar-days` (every day works) is the construction default. */
export type CalendarKind =
  | { kind: 'calendar-days' }
  | {
      kind: 'workdays';
      /** Days off that would otherwise be workdays (a whole holiday block may be listed). */
      holidays: readonly string[];
      /** Saturdays and Sundays that are worked (调休上班). */
      extraWorkdays: readonly string[];
    };

/**
 * Project exceptions on top of the base calendar; they win over it.
 * `nonWorkingDays`: e.g. rain days or a stop-work order (停工). `extraWorkingDays`:
 * e.g. approved weekend or holiday work (节假日施工).
 */
export interface ProjectExceptions {
  nonWorkingDays?: readonly string[];
  extraWorkingDays?: readonly string[];
}

export type CalendarSpec = CalendarKind & ProjectExceptions;

// ---------------------------------------------------------------- day numbers

/** Day number (days since 1970-01-01) of a proleptic Gregorian date. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Day numbers of 0001-01-01 and 9999-12-31: the range a YYYY-MM-DD string can name. */
export const MIN_DAY = daysFromCivil(1, 1, 1);
export const MAX_DAY = daysFromCivil(9999, 12, 31);

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** 'YYYY-MM-DD' of a day number. Throws RangeError outside 0001-01-01 … 9999-12-31. */
export function formatDay(dayNumber: number): string {
  if (!Number.isInteger(dayNumber) || dayNumber < MIN_DAY || dayNumber > MAX_DAY) {
    throw new RangeError(`day ${dayNumber} is outside 0001-01-01 … 9999-12-31`);
  }
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/**
 * Day number of a strict 'YYYY-MM-DD' date (0001-01-01 … 9999-12-31). Throws an
 * Error naming `what` for anything else, e.g. `start is not a valid YYYY-MM-DD date: "2024-2-30"`.
 */
export function parseDay(date: string, what = 'date'): number {
  const parts = typeof date === 'string' ? splitIsoDate(date) : undefined;
  if (!parts || parts.year < 1) {
    throw new Error(`${what} is not a valid YYYY-MM-DD date: ${JSON.stringify(date)}`);
  }
  return daysFromCivil(parts.year, parts.month, parts.day);
}

/** Day of the week of a day number: 0 = Sunday … 6 = Saturday. */
export const weekdayOfDay = (dayNumber: number): number => (((dayNumber + 4) % 7) + 7) % 7;

/** Day of the week of a 'YYYY-MM-DD' date: 0 = Sunday … 6 = Saturday. */
export const weekday = (date: string): number => weekdayOfDay(parseDay(date));

// ---------------------------------------------------------------- the calendar

const INITIAL_SPAN = 512;

/**
 * A working calendar with O(1) working-day arithmetic. Build it with
 * `createCalendar`. String methods take and return 'YYYY-MM-DD'; the
 * `…Ordinal…`/`…Day…` methods work on day numbers and ordinals for callers that
 * do their own arithmetic (the scheduler).
 */
export class WorkingCalendar {
  readonly kind: CalendarKind['kind'];
  /** Explicit working (true) / non-working (false) status of a day number, overriding the weekly rule. */
  private readonly overrides: ReadonlyMap<number, boolean>;

  // Index over days [lo, lo + span): prefix[i] = number of working days in [lo, lo + i).
  private lo = 0;
  private span = 0;
  private prefix = new Int32Array(1);
  /** Working days in the range, ascending: workDays[k] has ordinal ordBase + k. */
  private workDays = new Int32Array(0);
  /** Ordinal of the first working day on or after `lo`. */
  private ordBase = 0;
  /** Lazily formatted labels, parallel to workDays. */
  private labels: (string | undefined)[] = [];

  constructor(kind: CalendarKind['kind'], overrides: ReadonlyMap<number, boolean>) {
    this.kind = kind;
    this.overrides = overrides;
  }

  // ------------------------------------------------------------ day numbers

  /** Whether a day number is a working day (no index needed). */
  isWorkingDayNumber(dayNumber: number): boolean {
    const o = this.overrides.get(dayNumber);
    if (o !== undefined) return o;
    if (this.kind === 'calendar-days') return true;
    const w = weekdayOfDay(dayNumber);
    return w !== 0 && w !== 6;
  }

  /** Makes sure the index covers the day numbers [from, to] (call once with the expected range). */
  reserve(from: number, to: number): void {
    if (this.span > 0 && from >= this.lo && to < this.lo + this.span) return;
    if (from < MIN_DAY || to > MAX_DAY) {
      throw new RangeError('schedule runs outside 0001-01-01 … 9999-12-31');
    }
    let lo: number;
    let hi: number; // exclusive
    if (this.span === 0) {
      lo = from - 32;
      hi = Math.max(to + 1, from + INITIAL_SPAN);
    } else {
      // Grow geometrically on whichever side is short, so repeated widening stays amortised O(1).
      lo = from < this.lo ? Math.min(from, this.lo - this.span) : this.lo;
      const end = this.lo + this.span;
      hi = to >= end ? Math.max(to + 1, end + this.span) : end;
    }
    this.rebuild(Math.max(lo, MIN_DAY), Math.min(hi, MAX_DAY + 1));
  }

  private rebuild(lo: number, hi: number): void {
    const span = hi - lo;
    const prefix = new Int32Array(span + 1);
    let count = 0;
    for (let i = 0; i < span; i++) {
      prefix[i] = count;
      if (this.isWorkingDayNumber(lo + i)) count++;
    }
    prefix[span] = count;
    const workDays = new Int32Array(count);
    for (let i = 0, k = 0; i < span; i++) {
      if (prefix[i + 1]! > prefix[i]!) workDays[k++] = lo + i;
    }
    // Keep ordinals stable: the first working day on or after the old `lo` keeps its ordinal.
    const ordBase = this.span === 0 ? 0 : this.ordBase - prefix[this.lo - lo]!;
    this.lo = lo;
    this.span = span;
    this.prefix = prefix;
    this.workDays = workDays;
    this.ordBase = ordBase;
    this.labels = new Array(count);
  }

  /** Ordinal of the first working day on or after the day. */
  ordinalOnOrAfter(dayNumber: number): number {
    this.reserve(dayNumber, dayNumber);
    return this.ordBase + this.prefix[dayNumber - this.lo]!;
  }

  /** Ordinal of the last working day on or before the day. */
  ordinalOnOrBefore(dayNumber: number): number {
    this.reserve(dayNumber, dayNumber);
    return this.ordBase + this.prefix[dayNumber - this.lo + 1]! - 1;
  }

  /** Makes sure the index holds the working days of ordinals [from, to]. */
  reserveOrdinals(from: number, to: number): void {
    if (!Number.isFinite(from) || !Number.isFinite(to)) {
      throw new RangeError('schedule runs outside 0001-01-01 … 9999-12-31');
    }
    if (this.span === 0) this.reserve(0, 0);
    for (;;) {
      const k0 = from - this.ordBase;
      const k1 = to - this.ordBase;
      if (this.span > 0 && k0 >= 0 && k1 < this.workDays.length) return;
      const low = this.lo;
      const high = this.lo + this.span - 1;
      // About 1.4–1.5 calendar days per working day on a Mon–Fri calendar with holidays; the loop
      // repeats if a long run of exceptions eats into the estimate.
      const short0 = k0 < 0 ? -k0 : 0;
      const short1 = k1 >= this.workDays.length ? k1 - this.workDays.length + 1 : 0;
      // Fewer calendar days left than working days wanted: give up before building a huge index.
      if (short0 > low - MIN_DAY) throw new RangeError('schedule runs before 0001-01-01');
      if (short1 > MAX_DAY - high) throw new RangeError('schedule runs after 9999-12-31');
      const from2 = short0 > 0 ? low - Math.ceil(short0 * 1.6) - 16 : low;
      const to2 = short1 > 0 ? high + Math.ceil(short1 * 1.6) + 16 : high;
      this.reserve(Math.max(from2, MIN_DAY), Math.min(to2, MAX_DAY));
    }
  }

  /** Day number of a working-day ordinal. */
  dayOfOrdinal(ordinal: number): number {
    this.reserveOrdinals(ordinal, ordinal);
    return this.workDays[ordinal - this.ordBase]!;
  }

  /** 'YYYY-MM-DD' of a working-day ordinal (formatted once, then cached). */
  dateOfOrdinal(ordinal: number): string {
    this.reserveOrdinals(ordinal, ordinal);
    const k = ordinal - this.ordBase;
    let label = this.labels[k];
    if (label === undefined) {
      label = formatDay(this.workDays[k]!);
      this.labels[k] = label;
    }
    return label;
  }

  // ------------------------------------------------------------ dates

  isWorkingDay(date: string): boolean {
    return this.isWorkingDayNumber(parseDay(date));
  }

  /** The date itself if it is a working day, else the next working day. */
  workingDayOnOrAfter(date: string): string {
    return this.dateOfOrdinal(this.ordinalOnOrAfter(parseDay(date)));
  }

  /** The date itself if it is a working day, else the previous working day. */
  workingDayOnOrBefore(date: string): string {
    return this.dateOfOrdinal(this.ordinalOnOrBefore(parseDay(date)));
  }

  /** The first working day strictly after the date. */
  nextWorkingDay(date: string): string {
    return this.dateOfOrdinal(this.ordinalOnOrBefore(parseDay(date)) + 1);
  }

  /** The last working day strictly before the date. */
  previousWorkingDay(date: string): string {
    return this.dateOfOrdinal(this.ordinalOnOrAfter(parseDay(date)) - 1);
  }

  /**
   * The n-th working day after the date (n > 0) or before it (n < 0), like
   * Excel's WORKDAY: the date itself is not counted, and need not be a working
   * day (Saturday + 1 on a Mon–Fri calendar is Monday). n = 0 returns the date.
   */
  addWorkingDays(date: string, n: number): string {
    if (!Number.isSafeInteger(n)) throw new Error(`working days must be a whole number, got ${n}`);
    const day = parseDay(date);
    if (n === 0) return date;
    return this.dateOfOrdinal(n > 0 ? this.ordinalOnOrBefore(day) + n : this.ordinalOnOrAfter(day) + n);
  }

  /**
   * Number of working days d with from < d ≤ to; negative when to < from. So
   * `addWorkingDays(a, workingDaysBetween(a, b)) === b` for working days a and b.
   */
  workingDaysBetween(from: string, to: string): number {
    return this.ordinalOnOrBefore(parseDay(to)) - this.ordinalOnOrBefore(parseDay(from));
  }

  /** Number of working days in [from, to], both ends included (Excel's NETWORKDAYS); 0 if to < from. */
  countWorkingDays(from: string, to: string): number {
    const a = parseDay(from, 'from');
    const b = parseDay(to, 'to');
    if (b < a) return 0;
    return this.ordinalOnOrBefore(b) - this.ordinalOnOrAfter(a) + 1;
  }
}

function dayList(dates: readonly string[] | undefined, what: string): number[] {
  if (dates === undefined) return [];
  if (!Array.isArray(dates)) throw new Error(`${what} must be an array of YYYY-MM-DD dates`);
  return dates.map((d) => parseDay(d, `${what} entry`));
}

/**
 * Builds a working calendar. Absent spec: calendar days. A date may not be
 * both a holiday and an extra workday, nor both a project non-working and
 * extra working day; project exceptions override the base calendar.
 */
export function createCalendar(spec?: CalendarSpec): WorkingCalendar {
  const kind = spec?.kind ?? 'calendar-days';
  if (kind !== 'calendar-days' && kind !== 'workdays') {
    throw new Error(`unknown calendar kind ${JSON.stringify(kind)} (expected 'calendar-days' or 'workdays')`);
  }
  const overrides = new Map<number, boolean>();
  const put = (days: number[], value: boolean, what: string, other: string, own: Map<number, boolean>) => {
    for (const d of days) {
      if (own.get(d) === !value) throw new Error(`${formatDay(d)} is listed both as ${other} and as ${what}`);
      own.set(d, value);
    }
  };
  if (spec?.kind === 'workdays') {
    const official = new Map<number, boolean>();
    put(dayList(spec.holidays, 'holidays'), false, 'a holiday', 'an extra workday', official);
    put(dayList(spec.extraWorkdays, 'extraWorkdays'), true, 'an extra workday', 'a holiday', official);
    for (const [d, v] of official) overrides.set(d, v);
  }
  const project = new Map<number, boolean>();
  put(
    dayList(spec?.nonWorkingDays, 'nonWorkingDays'),
    false,
    'a non-working day',
    'an extra working day',
    project,
  );
  put(
    dayList(spec?.extraWorkingDays, 'extraWorkingDays'),
    true,
    'an extra working day',
    'a non-working day',
    project,
  );
  for (const [d, v] of project) overrides.set(d, v);
  return new WorkingCalendar(kind, overrides);
}
