import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXCEL_LIMITS } from '../excel-limits.ts';
import { approveUpload } from '../upload-check.ts';
import { readSheet, type SheetRow } from '../xlsx-import.ts';
import { col } from './typed-fixtures.ts';

/**
 * Workbooks written by LibreOffice Calc 7.4 (the version of the reports), kept as files so no
 * LibreOffice is needed to run this:
 * - libreoffice-7.4-households.xlsx: a household list typed as CSV text and read by Calc in a
 *   Chinese locale with number detection, as typing does: 0302 became the number 302, room 3-1
 *   the date 2026-03-01 (serial 46082), 2024/3/5 in the area column the date 45356 (format
 *   yy\年m\月d\日), =1+1 a formula; its one sheet is named "households".
 * - libreoffice-7.4-template-second-sheet.xlsx: the household import template filled in through
 *   Calc's API and saved with the data sheet moved behind the instructions sheet.
 * Calc writes the parts in its own order (styles and the sheet before the shared strings),
 * styles with closing tags, t="n" on numbers and <f aca="false">.
 */

const file = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

/** The household template's columns (as the renewal module declares them). */
const COLUMNS = [
  col('building', '楼栋', 'code'),
  col('entrance', '单元', 'code', false),
  col('room', '室', 'code'),
  col('area', '专有部分面积(㎡)', 'number'),
  col('ownerName', '业主', 'text'),
  col('ownerKind', '业主类型(个人/单位)', 'text', false),
];

async function read(buf: Buffer) {
  const approved = await approveUpload(buf, COLUMNS, EXCEL_LIMITS, ['住户清册', 'Households']);
  const rows: SheetRow[] = [];
  for await (const chunk of readSheet(approved.file, approved.checked, COLUMNS, 100).chunks())
    rows.push(...chunk);
  const problems = (r: SheetRow | undefined) => (r?.problems ?? []).map((p) => `${p.column}: ${p.text.zh}`);
  return { checked: approved.checked, rows, problems };
}

describe('workbooks written by LibreOffice Calc 7.4', () => {
  it('refuses what Calc made of the typing: 0302 → 302, 3-1 → 1 March, 2024/3/5 → 45356, =1+1 → 2', async () => {
    const { checked, rows, problems } = await read(file('libreoffice-7.4-households.xlsx'));
    expect(checked).toMatchObject({ format: 'xlsx', sheetName: 'households', headerRowNo: 1, dataRows: 4 });
    expect(rows.map((r) => r.rowNo)).toEqual([2, 3, 4, 5]);
    expect(problems(rows[0]).join('\n')).toContain('room: 单元格 C2 被存成了数字（302）');
    expect(problems(rows[1]).join('\n')).toContain(
      'room: 电子表格把单元格 C3 的内容变成了日期（2026-03-01）',
    );
    expect(problems(rows[2]).join('\n')).toContain(
      'area: 电子表格把单元格 D4 的内容变成了日期（2024-03-05），这里应填数字',
    );
    expect(problems(rows[3]).join('\n')).toContain('ownerName: 单元格 E5 是公式（=1+1）');
    // entrance 1 typed into a General cell is a number too: refused, not read as "1"
    expect(problems(rows[0]).join('\n')).toContain('entrance: 单元格 B2 被存成了数字（1）');
    // nothing Calc made of a cell reaches the importer; what was text stays as typed
    expect(rows.map((r) => r.values.room)).toEqual(['', '', '', '']);
    expect(rows[0]?.values).toMatchObject({
      building: '3幢',
      area: '89.37',
      ownerName: '张伟',
      ownerKind: '个人',
    });
  });

  it('finds the data sheet by the template’s name behind the instructions sheet', async () => {
    const { checked, rows, problems } = await read(file('libreoffice-7.4-template-second-sheet.xlsx'));
    expect(checked).toMatchObject({
      sheetName: '住户清册',
      sheetPart: 'xl/worksheets/sheet2.xml',
      dataRows: 4,
    });
    expect(rows.map((r) => r.values.ownerName)).toEqual(['张伟', '李娜', '王五', '']);
    expect(rows[1]?.values.room).toBe('3-1');
    expect(problems(rows[3]).join('\n')).toContain('ownerName: 单元格 E5 是公式（=1+1）');
  });
});
