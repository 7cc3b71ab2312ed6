import type { Writable } from 'node:stream';
import type { Bilingual, Lang } from '../http/errors.ts';
import type { ExcelListDef, ImportKind } from './excel-list.ts';
import {
  addSheet,
  DATE_FORMAT,
  exportCell,
  openWorkbook,
  pick,
  TEXT_FORMAT,
  writeRow,
} from './xlsx-export.ts';

const INSTRUCTIONS_SHEET = '说明 Instructions';

/** The rule every import shares: cells are read as the spreadsheet stored them. */
const AS_TYPED: Bilingual = {
  zh: '请直接输入内容，不要使用公式；编号类的列（房号、单元、编码、证件号等）已设为“文本”格式，请保持，否则 0302 会变成 302、3-1 会变成日期，这样的单元格会被列为错误。也可以导入 CSV 文件（UTF-8 或 GB18030 编码）',
  en: 'Type values, not formulas; code columns (rooms, entrances, codes, ID numbers) are formatted as text, so keep them so, or 0302 becomes 302 and 3-1 a date, and such cells are reported as problems. A CSV file (UTF-8 or GB18030) may be imported too',
};

/** How a template column is formatted, so what clerks type stays what they typed. */
const FORMAT_OF: Record<ImportKind, string | undefined> = {
  text: TEXT_FORMAT,
  code: TEXT_FORMAT,
  number: undefined,
  money: undefined,
  date: DATE_FORMAT,
};

/**
 * The import template: the data sheet with the header row (required columns marked *; text
 * and code columns formatted as text so a spreadsheet keeps leading zeros and never makes a
 * date of 3-1; date columns as dates) and an instructions sheet describing each column and
 * the rules.
 */
export async function writeTemplate(out: Writable, def: ExcelListDef, lang: Lang): Promise<void> {
  const columns = def.import?.columns ?? [];
  const wb = openWorkbook(out);
  const data = addSheet(
    wb,
    pick(def.title, lang),
    columns.map((c) => ({
      header: `${pick(c.header, lang)}${c.required ? '*' : ''}`,
      width: c.width,
      numFmt: FORMAT_OF[c.kind],
    })),
  );
  data.commit();
  const zh = lang !== 'en';
  const help = addSheet(wb, INSTRUCTIONS_SHEET, [
    { header: zh ? '列' : 'Column', width: 22 },
    { header: zh ? '必填' : 'Required', width: 8 },
    { header: zh ? '填写说明' : 'How to fill in', width: 70 },
    { header: zh ? '示例' : 'Example', width: 24, numFmt: TEXT_FORMAT },
  ]);
  for (const c of columns) {
    writeRow(
      help,
      [
        pick(c.header, lang),
        c.required ? (zh ? '是' : 'yes') : zh ? '否' : 'no',
        pick(c.help, lang),
        c.example,
      ].map((t) => exportCell(t, 'text')),
    );
  }
  help.addRow([]).commit();
  for (const note of [...(def.import?.notes ?? []), AS_TYPED])
    writeRow(help, [exportCell(pick(note, lang), 'text')]);
  help.commit();
  await wb.commit();
}
