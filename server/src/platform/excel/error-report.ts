import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import type { Lang } from '../http/errors.ts';
import type { ImportColumn, RowProblem } from './excel-list.ts';
import { addSheet, drained, exportCell, openWorkbook, pick, TEXT_FORMAT, writeRow } from './xlsx-export.ts';

export const PROBLEMS_HEADER = '错误 Problems';

/** One line naming a row's problems in the user's language: 第 5 行：身份证号码：…；手机号码：… */
export function describeProblems(
  rowNo: number,
  problems: RowProblem[],
  columns: ImportColumn[],
  lang: Lang,
): string {
  const label = (key: string | undefined) => {
    const c = columns.find((x) => x.key === key);
    return c ? pick(c.header, lang) : undefined;
  };
  const parts = problems.map((p) => {
    const l = label(p.column);
    const text = pick(p.text, lang);
    return l ? `${l}${lang === 'en' ? ': ' : '：'}${text}` : text;
  });
  return lang === 'en' ? `Row ${rowNo}: ${parts.join('; ')}` : `第 ${rowNo} 行：${parts.join('；')}`;
}

/**
 * The error report, written while the rows are validated: the file's own columns for each
 * row with problems, and a last column naming them. Fixed in Excel, it can be imported again
 * as it is (the extra column is ignored). Held compressed in memory until the job stores it.
 */
export class ErrorReport {
  private readonly out = new PassThrough();
  private readonly parts: Buffer[] = [];
  private readonly ended: Promise<unknown>;
  private wb: ReturnType<typeof openWorkbook> | undefined;
  private ws: ReturnType<typeof addSheet> | undefined;
  private width = 0;
  rows = 0;

  constructor(
    private readonly sheetName: string,
    private readonly columns: ImportColumn[],
    private readonly lang: Lang,
  ) {
    this.out.on('data', (c: Buffer) => this.parts.push(c));
    this.ended = once(this.out, 'end');
  }

  add(headers: string[], row: { rowNo: number; cells: string[] }, problems: RowProblem[]): void {
    if (!this.ws) {
      this.width = headers.length;
      this.wb = openWorkbook(this.out);
      this.ws = addSheet(this.wb, this.sheetName, [
        ...headers.map((h) => ({ header: h, width: 18, numFmt: TEXT_FORMAT })),
        { header: PROBLEMS_HEADER, width: 60 },
      ]);
    }
    // every cell as the text it showed, so the fixed report imports as it was typed
    const cells = Array.from({ length: this.width }, (_, i) => exportCell(row.cells[i] ?? '', 'text'));
    writeRow(this.ws, [
      ...cells,
      exportCell(describeProblems(row.rowNo, problems, this.columns, this.lang), 'text'),
    ]);
    this.rows++;
  }

  /** Lets the compressor catch up (call between chunks of rows). */
  async drained(): Promise<void> {
    if (this.ws) await drained(this.out, this.ws);
  }

  /** The .xlsx bytes, or null when no row had a problem. */
  async finish(): Promise<Buffer | null> {
    if (!this.ws || !this.wb) {
      this.out.destroy();
      return null;
    }
    this.ws.commit();
    await this.wb.commit();
    await this.ended;
    return Buffer.concat(this.parts);
  }
}
