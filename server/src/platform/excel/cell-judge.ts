import { hasHostileText, printable } from '../http/hostile-text.ts';
import { unescapeCell } from './escape-cell.ts';
import type { ImportColumn, RowProblem } from './excel-list.ts';

/**
 * One cell as the file stores it, before anyone turns it into text: a spreadsheet keeps what
 * it made of the typing (0302 → the number 302, 3-1 → 1 March, =1+1 → a formula), and the
 * import must judge that, not the text it would show.
 */
export type StoredValue =
  | { type: 'empty' }
  | { type: 'string'; text: string }
  | { type: 'number'; value: number }
  /** A number cell with a date or time format, as its wall-clock text: 2024-03-05 or 2024-03-05 09:30:00. */
  | { type: 'date'; text: string }
  | { type: 'boolean'; value: boolean }
  | { type: 'error'; text: string };

export interface SheetCell {
  /** Cell reference as Excel shows it: C5. */
  ref: string;
  value: StoredValue;
  /** The formula (without the =) if the cell holds one; '' for a shared formula's copies. */
  formula?: string | undefined;
}

/** The text a cell shows, for header matching and the error report. */
export function shownText(cell: SheetCell): string {
  const v = cell.value;
  switch (v.type) {
    case 'empty':
      return '';
    case 'string':
      return printable(unescapeCell(v.text.trim()));
    case 'number':
      return String(v.value);
    case 'date':
      return v.text;
    case 'boolean':
      return v.value ? 'TRUE' : 'FALSE';
    case 'error':
      return v.text;
  }
}

/** What the report repeats of a cell: a formula as its formula, so the clerk sees what was there. */
export const reportText = (cell: SheetCell): string => (cell.formula ? `=${cell.formula}` : shownText(cell));

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

const AS_TEXT = {
  zh: "请把本列设为“文本”格式后重新输入，或在内容前加英文单引号 '",
  en: "format the column as text and type it again, or start the entry with an apostrophe '",
};

const formulaCell = (ref: string, formula: string) => ({
  zh: `单元格 ${ref} 是公式${formula ? `（=${clip(formula)}）` : ''}，不能导入公式：请直接输入内容（可复制后用“选择性粘贴 → 数值”替换公式）`,
  en: `Cell ${ref} holds a formula${formula ? ` (=${clip(formula)})` : ''}, which is not imported: type the value itself (or copy and paste special → values over it)`,
});

const errorCell = (ref: string, text: string) => ({
  zh: `单元格 ${ref} 是错误值 ${text}：请改为要导入的内容`,
  en: `Cell ${ref} holds the error value ${text}: replace it with what is to be imported`,
});

const invalidCharacters = (ref: string) => ({
  zh: `单元格 ${ref} 含有不可见的控制字符或无效字符：请删除后重新输入`,
  en: `Cell ${ref} holds an invisible control character or an invalid character: delete it and type the entry again`,
});

const dateInText = (ref: string, shown: string) => ({
  zh: `电子表格把单元格 ${ref} 的内容变成了日期（${shown}），导入的将不是原来输入的内容。如果要填的不是日期（例如房号 3-1），${AS_TEXT.zh}（如 '3-1）`,
  en: `The spreadsheet turned cell ${ref} into a date (${shown}), which is not what was typed. If it is not a date (e.g. room 3-1), ${AS_TEXT.en} (e.g. '3-1)`,
});

const dateInNumber = (ref: string, shown: string) => ({
  zh: `电子表格把单元格 ${ref} 的内容变成了日期（${shown}），这里应填数字：请把本列设为“常规”或“数值”格式后重新输入`,
  en: `The spreadsheet turned cell ${ref} into a date (${shown}) where a number belongs: format the column as General or Number and type it again`,
});

const numberInCode = (ref: string, shown: string) => ({
  zh: `单元格 ${ref} 被存成了数字（${shown}）：编号存成数字会丢掉开头的 0（0302 变成 302），长号码的末尾几位会变成 0。${AS_TEXT.zh}（如 '0302）`,
  en: `Cell ${ref} was stored as a number (${shown}): a code stored so loses its leading zeros (0302 becomes 302) and a long one its last digits. ${AS_TEXT.en} (e.g. '0302)`,
});

const numberInDate = (ref: string, shown: string) => ({
  zh: `单元格 ${ref} 是数字（${shown}），不是日期：请按 2026-03-05 的样式输入日期`,
  en: `Cell ${ref} holds a number (${shown}), not a date: type the date as 2026-03-05`,
});

/**
 * The text of a cell in a column of the given kind, or the problem that refuses it: formulas
 * and error values always; a date where text, a code or a number belongs (the spreadsheet
 * made it one); a number where a code belongs (leading zeros are gone); a plain number where
 * a date belongs.
 */
export function judgeCell(cell: SheetCell, column: ImportColumn): { text: string; problem?: RowProblem } {
  const text = shownText(cell);
  const refuse = (t: { zh: string; en: string }) => ({ text, problem: { column: column.key, text: t } });
  if (cell.formula !== undefined) return refuse(formulaCell(cell.ref, cell.formula));
  const v = cell.value;
  if (v.type === 'error') return refuse(errorCell(cell.ref, v.text));
  if (v.type === 'string' && hasHostileText(v.text)) return refuse(invalidCharacters(cell.ref));
  if (v.type === 'date') {
    if (column.kind === 'date') return { text };
    if (column.kind === 'number' || column.kind === 'money') return refuse(dateInNumber(cell.ref, text));
    return refuse(dateInText(cell.ref, text));
  }
  if (v.type === 'number') {
    if (column.kind === 'code') return refuse(numberInCode(cell.ref, text));
    if (column.kind === 'date') return refuse(numberInDate(cell.ref, text));
  }
  return { text };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A serial date as its wall-clock text: days since 1899-12-30 (Excel's 1900 system, which
 * counts a 29 February 1900 that never was: serials below 61 are a day off) or since 1904-01-01.
 */
export function serialDateText(serial: number, date1904: boolean): string {
  let days = serial;
  if (date1904) days += 1462;
  else if (serial < 61) days += 1;
  const ms = Math.round(days * 86_400) * 1000 + Date.UTC(1899, 11, 30);
  const d = new Date(ms);
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const seconds = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds();
  if (seconds === 0) return day;
  return `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
