import { unescapeCell } from './escape-cell.ts';

/** What one cell of an uploaded sheet says, as text; `numeric` tells that Excel stored a number. */
export interface CellText {
  text: string;
  numeric: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

const dayOf = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const timeOf = (d: Date) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;

/** Dates come from exceljs as UTC instants holding the wall-clock value typed in Excel. */
function dateText(d: Date): string {
  const midnight = d.getUTCHours() + d.getUTCMinutes() + d.getUTCSeconds() === 0;
  return midnight ? dayOf(d) : `${dayOf(d)} ${timeOf(d)}`;
}

function raw(value: unknown): CellText {
  if (value === null || value === undefined) return { text: '', numeric: false };
  if (typeof value === 'string') return { text: value, numeric: false };
  if (typeof value === 'number') return { text: String(value), numeric: true };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', numeric: false };
  if (value instanceof Date) return { text: dateText(value), numeric: false };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      const runs = v.richText as Array<{ text?: unknown }>;
      return { text: runs.map((r) => (typeof r.text === 'string' ? r.text : '')).join(''), numeric: false };
    }
    if ('result' in v) return raw(v.result);
    if (typeof v.text === 'string') return { text: v.text, numeric: false };
  }
  // formulas without a cached result, error values (#N/A …)
  return { text: '', numeric: false };
}

/** The trimmed text of a cell value as exceljs reads it, with our own export escaping undone. */
export function cellText(value: unknown): CellText {
  const r = raw(value);
  return { text: unescapeCell(r.text.trim()), numeric: r.numeric };
}

/** Text for a `Date` in Asia/Shanghai, as exports show instants: 2026-03-02 09:00:00. */
export function shanghaiDateTime(at: Date): string {
  const d = new Date(at.getTime() + 8 * 3_600_000);
  return `${dayOf(d)} ${timeOf(d)}`;
}
