import { type Project, useProject } from '../../api.ts';
import { type RTranslate, useRT } from '../../i18n/rt.ts';

export type CalendarKind = Project['calendar'];

/**
 * Days as a project counts them: durations, floats, lags, countdowns and delays are working days
 * of the project calendar — every day (but stoppages) on a calendar-day project (“5 天”),
 * Monday to Friday with the official holidays on a working-day one (“5 个工作日”).
 */
export interface DayUnits {
  kind: CalendarKind;
  /** The unit for a column or field label: 天 / 工作日. */
  unit: string;
  /** A number of days in that unit: “5 天” / “5 个工作日”. */
  count: (n: number) => string;
}

export const dayUnits = (rt: RTranslate, kind: CalendarKind): DayUnits => ({
  kind,
  unit: rt(kind === 'workdays' ? 'unit.workdays' : 'unit.calendarDays'),
  count: (n) => rt(kind === 'workdays' ? 'common.workdays' : 'common.days', { n }),
});

/** The day units of a project (its record is already loaded by the project page). */
export function useDayUnits(projectId: string): DayUnits {
  const rt = useRT();
  const kind = useProject(projectId).data?.calendar ?? 'calendar-days';
  return dayUnits(rt, kind);
}
