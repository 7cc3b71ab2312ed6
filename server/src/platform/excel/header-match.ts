import type { ImportColumn } from './excel-list.ts';

/** Header text compared without white space, required-marks (*) and letter case. */
export const normaliseHeader = (s: string) =>
  s
    .replace(/[*＊]/g, '')
    .replace(/[\s\u3000]+/g, '')
    .toLowerCase();

export interface HeaderMatch {
  /** 0-based index of the header row among the rows searched. */
  headerRow: number;
  /** Column index (0 = A) of each known column found, by column key. */
  indexOf: Map<string, number>;
  /** Text of every header cell, as found (the error report repeats them). */
  headers: string[];
}

/** The columns a header row names, by Chinese or English label or key. */
function matchRow(cells: string[], columns: ImportColumn[]): Map<string, number> {
  const byLabel = new Map<string, string>();
  for (const c of columns) {
    for (const label of [c.header.zh, c.header.en, c.key, ...(c.aliases ?? [])])
      byLabel.set(normaliseHeader(label), c.key);
  }
  const indexOf = new Map<string, number>();
  cells.forEach((cell, i) => {
    const key = byLabel.get(normaliseHeader(cell));
    if (key !== undefined && !indexOf.has(key)) indexOf.set(key, i);
  });
  return indexOf;
}

/**
 * Finds the header row among the first rows (a title row above it is common in government
 * workbooks): the first row naming every required column. Returns the missing required
 * columns of the best candidate otherwise.
 */
export function findHeader(
  rows: string[][],
  columns: ImportColumn[],
): { ok: true; match: HeaderMatch } | { ok: false; missing: ImportColumn[] } {
  const required = columns.filter((c) => c.required);
  let best: ImportColumn[] = required;
  for (const [headerRow, cells] of rows.entries()) {
    const indexOf = matchRow(cells, columns);
    const missing = required.filter((c) => !indexOf.has(c.key));
    if (missing.length === 0) return { ok: true, match: { headerRow, indexOf, headers: cells } };
    if (missing.length < best.length) best = missing;
  }
  return { ok: false, missing: best };
}
