// Official PRC public holiday arrangements (放假调休) as data, one file per year.
// A new year is added when the State Council publishes its notice (usually in
// October–December of the year before); nothing here guesses future years.

import { holidays2024 } from './holidays-2024.ts';
import { holidays2025 } from './holidays-2025.ts';
import { holidays2026 } from './holidays-2026.ts';
import type { OfficialHolidayYear } from './types.ts';

export type { OfficialHolidayYear } from './types.ts';
export { holidays2024, holidays2025, holidays2026 };

/** Every year with published data, ascending. */
export const OFFICIAL_HOLIDAY_YEARS: readonly OfficialHolidayYear[] = [
  holidays2024,
  holidays2025,
  holidays2026,
];

/** The years covered by `OFFICIAL_HOLIDAY_YEARS`. */
export const officialYears = (): number[] => OFFICIAL_HOLIDAY_YEARS.map((y) => y.year);

/**
 * The official holidays and 调休 workdays of the given years (default: every
 * year with data), merged and sorted — ready for a `{ kind: 'workdays' }`
 * calendar. Throws for a year without published data rather than silently
 * treating its Spring Festival as ordinary workdays.
 */
export function officialCalendar(years?: readonly number[]): { holidays: string[]; extraWorkdays: string[] } {
  const wanted = years ?? officialYears();
  const holidays: string[] = [];
  const extraWorkdays: string[] = [];
  for (const year of new Set(wanted)) {
    const data = OFFICIAL_HOLIDAY_YEARS.find((y) => y.year === year);
    if (!data) {
      throw new Error(`no official holiday arrangement for ${year} (have ${officialYears().join(', ')})`);
    }
    holidays.push(...data.holidays);
    extraWorkdays.push(...data.extraWorkdays);
  }
  return { holidays: holidays.sort(), extraWorkdays: extraWorkdays.sort() };
}
