/**
 * One year's public holiday arrangement as published by the General Office of
 * the State Council (国务院办公厅关于 YYYY 年部分节假日安排的通知).
 *
 * - `holidays`: every day of every holiday block (放假), weekends inside a
 *   block included, so a block reads exactly as in the notice.
 * - `extraWorkdays`: the weekend days that are worked instead (调休上班).
 *
 * Dates are YYYY-MM-DD strings in ascending order.
 */
export interface OfficialHolidayYear {
  readonly year: number;
  /** Document number of the notice, e.g. 国办发明电〔2023〕7号. */
  readonly source: string;
  readonly holidays: readonly string[];
  readonly extraWorkdays: readonly string[];
}
