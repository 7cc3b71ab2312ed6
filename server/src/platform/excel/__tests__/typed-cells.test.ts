import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.ts';
import { EXCEL_LIMITS } from '../excel-limits.ts';
import { approveUpload } from '../upload-check.ts';
import { readSheet, type SheetRow } from '../xlsx-import.ts';
import { cellStyles, isDateFormatCode } from '../xlsx-parts.ts';
import { type Cell, col, gb18030, workbookOf } from './typed-fixtures.ts';
import { partsOf, zipOf } from './xlsx-fixtures.ts';

/** A household-like list: a code, a number, a text and a date column. */
const COLUMNS = [
  col('room', '室', 'code'),
  col('area', '面积', 'number'),
  col('owner', '业主', 'text'),
  col('signedOn', '签约日期', 'date', false),
];
const HEADER: Cell[] = ['室', '面积', '业主', '签约日期'];

async function read(file: Buffer, titles: string[] = []): Promise<SheetRow[]> {
  const approved = await approveUpload(file, COLUMNS, EXCEL_LIMITS, titles);
  const rows: SheetRow[] = [];
  for await (const chunk of readSheet(approved.file, approved.checked, COLUMNS, 100).chunks())
    rows.push(...chunk);
  return rows;
}

async function refusal(file: Buffer, titles: string[] = []) {
  try {
    await approveUpload(file, COLUMNS, EXCEL_LIMITS, titles);
  } catch (err) {
    if (err instanceof AppError)
      return { code: err.code, field: err.field, zh: err.text.zh, en: err.text.en };
    throw err;
  }
  throw new Error('accepted');
}

const sheet = (rows: Cell[][], name = '住户') => workbookOf([{ name, rows }]);

describe('cells are judged by what the spreadsheet stored, not by the text it shows', () => {
  it('reads text, numbers and dates where they belong', async () => {
    const rows = await read(
      await sheet([
        HEADER,
        ['0302', 89.37, '张伟', { date: '2024-03-05' }],
        ['3-1', '120.5', '李娜', '2024/3/5'],
        ['101', { number: 76, numFmt: '0.00' }, { number: 2, numFmt: 'General' }, null],
      ]),
    );
    expect(rows.map((r) => [r.rowNo, r.values, r.problems])).toEqual([
      [2, { room: '0302', area: '89.37', owner: '张伟', signedOn: '2024-03-05' }, []],
      [3, { room: '3-1', area: '120.5', owner: '李娜', signedOn: '2024/3/5' }, []],
      [4, { room: '101', area: '76', owner: '2', signedOn: '' }, []],
    ]);
  });

  it('refuses a date where text, a code or a number was typed: 3-1 turned into 1 March, 2024/3/5 in a name, 45356 m²', async () => {
    const rows = await read(
      await sheet([
        HEADER,
        // LibreOffice turned room 3-1 into 1 March (its own date format)
        [{ date: '2026-03-01', numFmt: 'YYYY/M/D' }, 89, '张伟'],
        // a date typed into a text column (Excel's built-in short date, id 14)
        ['302', 89, { date: '2024-03-05', numFmt: 'mm-dd-yy' }],
        // a Chinese date format (built-in id 31 in Chinese Excel: yyyy"年"m"月"d"日")
        ['303', { date: '2024-03-05', numFmt: 'yyyy"年"m"月"d"日"' }, '王五'],
      ]),
    );
    expect(rows.map((r) => r.problems.map((p) => p.column))).toEqual([['room'], ['owner'], ['area']]);
    const [room, owner, area] = rows.map((r) => r.problems[0]?.text.zh ?? '');
    expect(room).toContain('电子表格把单元格 A2 的内容变成了日期（2026-03-01）');
    expect(room).toContain('请把本列设为“文本”格式后重新输入');
    expect(owner).toContain('单元格 C3 的内容变成了日期（2024-03-05）');
    expect(area).toContain('单元格 B4 的内容变成了日期（2024-03-05），这里应填数字');
    // nothing the spreadsheet made of the cell reaches the importer
    expect(rows.map((r) => r.values.room)).toEqual(['', '302', '303']);
    expect(rows[2]?.values.area).toBe('');
    // the error report shows what the cell showed
    expect(rows[0]?.cells[0]).toBe('2026-03-01');
  });

  it('refuses a number in a code column: 0302 typed into a number cell is 302', async () => {
    const rows = await read(
      await sheet([
        HEADER,
        [{ number: 302, numFmt: '0' }, 89, '张伟'],
        [1, 60, '李娜'],
        ['0101', 60, '王五'],
      ]),
    );
    expect(rows.map((r) => r.problems.length)).toEqual([1, 1, 0]);
    expect(rows[0]?.problems[0]).toMatchObject({ column: 'room' });
    expect(rows[0]?.problems[0]?.text.zh).toContain('单元格 A2 被存成了数字（302）');
    expect(rows[0]?.problems[0]?.text.zh).toContain("如 '0302");
    expect(rows[0]?.problems[0]?.text.en).toContain('Cell A2 was stored as a number (302)');
    expect(rows[2]?.values.room).toBe('0101');
  });

  it('refuses formula cells, naming the cell and the formula, in any column', async () => {
    const rows = await read(
      await sheet([
        HEADER,
        ['302', 89, { formula: '1+1', result: 2 }],
        ['303', { formula: 'B2*2', result: 178 }, '李娜'],
        ['304', 50, '王五', { formula: 'TODAY()', result: 45356 }],
      ]),
    );
    expect(rows.map((r) => r.problems.map((p) => p.column))).toEqual([['owner'], ['area'], ['signedOn']]);
    expect(rows[0]?.problems[0]?.text.zh).toContain('单元格 C2 是公式（=1+1），不能导入公式');
    expect(rows[1]?.problems[0]?.text.en).toContain('Cell B3 holds a formula (=B2*2)');
    expect(rows[0]?.values.owner).toBe('');
    expect(rows[0]?.cells[2]).toBe('=1+1');
  });

  it('refuses a NUL or a lone surrogate in a cell, naming the cell, and never repeats it', async () => {
    // exceljs cannot write them; a hostile file does, as character references
    const parts = partsOf(await sheet([HEADER, ['301', 50, '张NUL伟'], ['302', 50, '李LONE娜']])).map((p) =>
      p.name === 'xl/sharedStrings.xml'
        ? {
            ...p,
            data: Buffer.from(p.data.toString('utf8').replace('NUL', '&#0;').replace('LONE', '&#xD800;')),
          }
        : p,
    );
    const rows = await read(zipOf(parts));
    expect(rows.map((r) => r.problems.map((p) => p.column))).toEqual([['owner'], ['owner']]);
    expect(rows[0]?.problems[0]?.text.zh).toContain('单元格 C2 含有不可见的控制字符或无效字符');
    expect(rows[1]?.problems[0]?.text.en).toContain('Cell C3 holds an invisible control character');
    expect(rows.map((r) => r.cells[2])).toEqual(['张\ufffd伟', '李\ufffd娜']);
  });

  it('in a date column: a date cell is a date (with its time), a plain number is refused', async () => {
    const rows = await read(
      await sheet([
        HEADER,
        ['301', 50, '甲', { date: '2024-03-05 09:30:00', numFmt: 'yyyy-mm-dd hh:mm' }],
        ['302', 50, '乙', 45356],
      ]),
    );
    expect(rows[0]?.values.signedOn).toBe('2024-03-05 09:30:00');
    expect(rows[1]?.problems[0]?.text.zh).toContain('单元格 D3 是数字（45356），不是日期');
  });

  it('tells date formats from number formats', () => {
    for (const code of [
      'yyyy/m/d',
      'YYYY/M/D',
      '[$-804]yyyy"年"m"月"d"日"',
      'm"月"d"日"',
      'hh:mm',
      '[h]:mm:ss',
      'mm-dd-yy',
    ])
      expect(isDateFormatCode(code), code).toBe(true);
    for (const code of ['General', '0.00', '#,##0.00', '0.00E+00', '@', '"¥"#,##0.00', '[Red]0.0', '0%'])
      expect(isDateFormatCode(code), code).toBe(false);
    const styles = cellStyles(
      '<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="YYYY/M/D"/></numFmts>' +
        '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
        '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="49"/><xf numFmtId="58"/></cellXfs></styleSheet>',
    );
    expect([0, 1, 2, 3, 4].map((s) => styles.isDate(s))).toEqual([false, true, true, false, true]);
    expect(styles.isText(3)).toBe(true);
  });
});

describe('the data sheet is found by the template’s name, or by its header', () => {
  const data: Cell[][] = [HEADER, ['302', 89, '张伟']];
  const notes: Cell[][] = [['填写说明'], ['室：房号，如 302']];

  it('reads the sheet named as the template’s even when it is not the first', async () => {
    const file = await workbookOf([
      { name: '说明 Instructions', rows: notes },
      { name: 'Sheet2', rows: [HEADER, ['999', 1, '别的表']] },
      { name: '住户清册', rows: data },
    ]);
    const approved = await approveUpload(file, COLUMNS, EXCEL_LIMITS, ['住户清册', 'Households']);
    expect(approved.checked).toMatchObject({
      format: 'xlsx',
      sheetName: '住户清册',
      headerRowNo: 1,
      dataRows: 1,
    });
    expect((await read(file, ['住户清册'])).map((r) => r.values.owner)).toEqual(['张伟']);
  });

  it('else reads the first sheet holding the header (a cover or instructions sheet may come first)', async () => {
    const file = await workbookOf([
      { name: '封面', rows: [['2026 年住户清册']] },
      { name: '我的表', rows: data },
    ]);
    expect((await read(file, ['住户清册'])).map((r) => r.values.room)).toEqual(['302']);
  });

  it('names the sheet when no sheet holds the required columns', async () => {
    const r = await refusal(
      await workbookOf([
        { name: '说明', rows: notes },
        { name: '住户清册', rows: [['室', '业主']] },
      ]),
      ['住户清册'],
    );
    expect(r).toMatchObject({ code: 'FILE_COLUMNS_MISSING', field: 'file' });
    expect(r.zh).toContain('工作表「住户清册」缺少必填列：面积');
    expect(r.zh).not.toContain('第一个工作表');
  });
});

describe('CSV files (also a .csv renamed .xlsx) go through the same checks', () => {
  const csv = '室,面积,业主,签约日期\r\n0302,89.37,"张伟, 李娜",2024-03-05\r\n=1+1,60,"王""五""",\r\n\r\n';

  it.each([
    ['UTF-8 with a byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)])],
    ['UTF-8', Buffer.from(csv)],
    ['GB18030 (Chinese Excel and WPS)', gb18030(csv)],
  ])(
    'reads %s: leading zeros kept, quoted commas and quotes, a formula-looking text as text',
    async (_, file) => {
      const approved = await approveUpload(file, COLUMNS, EXCEL_LIMITS);
      expect(approved.checked).toMatchObject({ format: 'csv', headerRowNo: 1, dataRows: 2 });
      const rows = await read(file);
      expect(rows.map((r) => r.values)).toEqual([
        { room: '0302', area: '89.37', owner: '张伟, 李娜', signedOn: '2024-03-05' },
        { room: '=1+1', area: '60', owner: '王"五"', signedOn: '' },
      ]);
    },
  );

  it('reads tab-separated text (Excel’s “Unicode text”, UTF-16)', async () => {
    const text = '室\t面积\t业主\r\n0302\t89.37\t张伟\r\n';
    const file = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect((await read(file)).map((r) => r.values.room)).toEqual(['0302']);
  });

  it('says it is a CSV when its header lacks a required column', async () => {
    const r = await refusal(Buffer.from('室,业主\n302,张伟\n'));
    expect(r).toMatchObject({ code: 'FILE_COLUMNS_MISSING', field: 'file' });
    expect(r.zh).toContain('这是 CSV 文件，但表头中缺少必填列：面积');
  });
});
