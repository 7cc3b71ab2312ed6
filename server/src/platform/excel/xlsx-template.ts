import type { Writable } from 'node:stream';
import type { Lang } from '../http/errors.ts';
import type { ExcelListDef } from './excel-list.ts';
import { addSheet, openWorkbook, pick } from './xlsx-export.ts';

const INSTRUCTIONS_SHEET = '说明 Instructions';

/**
 * The import template: the data sheet with the header row (required columns marked *,
 * ID-like columns formatted as text so Excel keeps every digit) and an instructions sheet
 * describing each column and the rules.
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
      text: c.text,
    })),
  );
  data.commit();
  const zh = lang !== 'en';
  const help = addSheet(wb, INSTRUCTIONS_SHEET, [
    { header: zh ? '列' : 'Column', width: 22 },
    { header: zh ? '必填' : 'Required', width: 8 },
    { header: zh ? '填写说明' : 'How to fill in', width: 70 },
    { header: zh ? '示例' : 'Example', width: 24, text: true },
  ]);
  for (const c of columns) {
    help
      .addRow([
        pick(c.header, lang),
        c.required ? (zh ? '是' : 'yes') : zh ? '否' : 'no',
        pick(c.help, lang),
        c.example,
      ])
      .commit();
  }
  help.addRow([]).commit();
  for (const note of def.import?.notes ?? []) help.addRow([pick(note, lang)]).commit();
  help.commit();
  await wb.commit();
}
