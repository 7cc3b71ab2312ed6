import { OFFICIAL_HOLIDAY_YEARS } from '@gongfu/domain/cn/holidays/index';
import type { WorkingCalendar } from '@gongfu/domain/renewal/calendar';
import { addDays, type Lang, say } from '../../../platform/kit/index.ts';
import type { ProjectExceptionRow, ProjectRow } from '../projects/project.repo.ts';
import { EXCEPTION_KIND_NAMES } from '../shared/renewal.labels.ts';
import type { ExceptionKind } from '../shared/renewal.tables.ts';
import type { NightWorkRow } from './night-work.repo.ts';

/**
 * A project's calendar over a window of days (pure): approved night work, the project's
 * exceptions (rain days, stoppages, extra workdays), official holidays and 调休 workdays
 * (they count when the project is scheduled in workdays; otherwise they are shown for
 * information), its start and its deadline — and which days are not working days.
 */

export type CalendarEventKind =
  | 'night_work'
  | ExceptionKind
  | 'holiday'
  | 'adjusted_workday'
  | 'start'
  | 'deadline';

export interface CalendarEvent {
  kind: CalendarEventKind;
  title: string;
  /** The night-work request (night_work only). */
  id?: string;
  startTime?: string;
  endTime?: string;
}

const OFFICIAL_NAMES = {
  holiday: { zh: '法定节假日', en: 'Public holiday' },
  adjusted_workday: { zh: '调休上班', en: 'Adjusted workday (调休)' },
  start: { zh: '开工', en: 'Start' },
  deadline: { zh: '承诺完工', en: 'Deadline' },
};

/** Official holidays and 调休 workdays from … to, from the years with published data. */
export function officialDays(from: string, to: string): { holidays: string[]; extraWorkdays: string[] } {
  const within = (d: string) => d >= from && d <= to;
  const years = OFFICIAL_HOLIDAY_YEARS.filter(
    (y) => String(y.year) >= from.slice(0, 4) && String(y.year) <= to.slice(0, 4),
  );
  return {
    holidays: years.flatMap((y) => y.holidays.filter(within)),
    extraWorkdays: years.flatMap((y) => y.extraWorkdays.filter(within)),
  };
}

export function buildCalendar(input: {
  project: Pick<ProjectRow, 'start_date' | 'deadline'>;
  from: string;
  to: string;
  nights: Pick<NightWorkRow, 'id' | 'first_night' | 'last_night' | 'start_time' | 'end_time' | 'reason'>[];
  exceptions: ProjectExceptionRow[];
  calendar: WorkingCalendar;
  lang: Lang;
}) {
  const { from, to, lang } = input;
  const days = new Map<string, CalendarEvent[]>();
  const add = (d: string, e: CalendarEvent) => {
    if (d < from || d > to) return;
    const list = days.get(d) ?? [];
    list.push(e);
    days.set(d, list);
  };
  const official = officialDays(from, to);
  for (const d of official.holidays) add(d, { kind: 'holiday', title: say(OFFICIAL_NAMES.holiday, lang) });
  for (const d of official.extraWorkdays) {
    add(d, { kind: 'adjusted_workday', title: say(OFFICIAL_NAMES.adjusted_workday, lang) });
  }
  for (const e of input.exceptions) {
    add(e.day, { kind: e.kind, title: e.reason || say(EXCEPTION_KIND_NAMES[e.kind], lang) });
  }
  add(input.project.start_date, { kind: 'start', title: say(OFFICIAL_NAMES.start, lang) });
  add(input.project.deadline, { kind: 'deadline', title: say(OFFICIAL_NAMES.deadline, lang) });
  for (const n of input.nights) {
    // the request's nights clipped to the window (ISO dates compare as strings)
    const [, start] = [n.first_night, from].sort() as [string, string];
    const [end] = [n.last_night, to].sort() as [string, string];
    for (let d = start; d <= end; d = addDays(d, 1)) {
      add(d, { kind: 'night_work', id: n.id, title: n.reason, startTime: n.start_time, endTime: n.end_time });
    }
  }
  const nonWorkingDays: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (!input.calendar.isWorkingDay(d)) nonWorkingDays.push(d);
  return {
    days: [...days.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([date, events]) => ({ date, events })),
    nonWorkingDays,
  };
}
