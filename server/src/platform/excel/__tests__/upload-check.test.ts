import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.ts';
import { PERSON_IMPORT_COLUMNS } from '../../people/person.excel.ts';
import { EXCEL_LIMITS } from '../excel-limits.ts';
import { checkUpload } from '../upload-check.ts';
import { cid, WORKBOOK_PARTS, xlsxOf, zipOf } from './xlsx-fixtures.ts';

const HEADER = ['姓名*', '身份证号码*', '手机号码', '居住地区划代码*'];
const row = (n: number) => [`王${n}`, cid('330523', '19900101', n), '13800131234', '330523'];

async function refusal(file: Buffer, limits = EXCEL_LIMITS) {
  try {
    await checkUpload(file, PERSON_IMPORT_COLUMNS, limits);
  } catch (err) {
    if (err instanceof AppError)
      return { status: err.status, code: err.code, field: err.field, zh: err.text.zh };
    throw err;
  }
  throw new Error('accepted');
}

describe('checks on an upload before its job is queued', () => {
  it('accepts a workbook (shared or inline strings), finds the header and counts the rows', async () => {
    for (const sharedStrings of [true, false]) {
      const file = await xlsxOf([HEADER, row(1), row(2), row(3)], { sharedStrings, secondSheet: true });
      expect(await checkUpload(file, PERSON_IMPORT_COLUMNS)).toEqual({
        format: 'xlsx',
        sheetName: '人员',
        sheetPart: 'xl/worksheets/sheet1.xml',
        headerRowNo: 1,
        dataRows: 3,
      });
    }
  });

  it('finds the header below a title row, by English labels too', async () => {
    const file = await xlsxOf([
      ['安吉县 2026 年人员名单'],
      ['Name', 'Citizen ID', 'Mobile', 'Residence region code'],
      row(1),
    ]);
    expect(await checkUpload(file, PERSON_IMPORT_COLUMNS)).toMatchObject({ headerRowNo: 2, dataRows: 1 });
  });

  it('names the missing required columns', async () => {
    const r = await refusal(
      await xlsxOf([
        ['姓名', '手机号码'],
        ['王伟', '13800131234'],
      ]),
    );
    expect(r).toMatchObject({ status: 400, code: 'FILE_COLUMNS_MISSING', field: 'file' });
    expect(r.zh).toContain('身份证号码、居住地区划代码');
  });

  it('refuses a header without rows, and more rows than allowed', async () => {
    expect(await refusal(await xlsxOf([HEADER]))).toMatchObject({ code: 'FILE_EMPTY', field: 'file' });
    const many = await xlsxOf([HEADER, row(1), row(2), row(3)]);
    expect(await refusal(many, { ...EXCEL_LIMITS, maxRows: 2 })).toMatchObject({
      status: 400,
      code: 'FILE_TOO_MANY_ROWS',
      field: 'file',
    });
  });

  it('refuses a file over the size limit with 413', async () => {
    const file = await xlsxOf([HEADER, row(1)]);
    expect(await refusal(file, { ...EXCEL_LIMITS, maxFileBytes: 1000 })).toMatchObject({
      status: 413,
      code: 'FILE_TOO_LARGE',
      field: 'file',
    });
  });

  it('judges the type by content, not by name: CSV is read as CSV, old .xls and Word files are refused with a clear message', async () => {
    const csv = await refusal(Buffer.from('姓名,身份证号码\n王伟,330523199001011234\n'));
    expect(csv).toMatchObject({ status: 400, code: 'FILE_COLUMNS_MISSING', field: 'file' });
    expect(csv.zh).toContain('这是 CSV 文件');
    expect(
      await checkUpload(Buffer.from(`${HEADER.join(',')}\n${row(1).join(',')}\n`), PERSON_IMPORT_COLUMNS),
    ).toEqual({ format: 'csv', sheetName: '', sheetPart: '', headerRowNo: 1, dataRows: 1 });
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512),
    ]);
    expect((await refusal(ole)).zh).toContain('.xls');
    const docx = zipOf([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
    ]);
    expect(await refusal(docx)).toMatchObject({ code: 'FILE_NOT_XLSX' });
    expect((await refusal(docx)).zh).toContain('Word');
  });

  it('refuses zip bombs: by declared sizes, and an entry that unpacks beyond what it declares', async () => {
    const bomb = zipOf([
      ...WORKBOOK_PARTS,
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(30 * 1024 * 1024) },
    ]);
    expect(await refusal(bomb)).toMatchObject({ status: 400, code: 'FILE_SUSPICIOUS', field: 'file' });
    const liar = zipOf([
      ...WORKBOOK_PARTS,
      { name: 'xl/styles.xml', data: Buffer.alloc(900_000, 0x20), declaredSize: 100_000 },
    ]);
    expect(await refusal(liar)).toMatchObject({ status: 400, code: 'FILE_SUSPICIOUS', field: 'file' });
    const huge = zipOf([
      ...WORKBOOK_PARTS,
      {
        name: 'xl/worksheets/sheet1.xml',
        data: Buffer.alloc(1000),
        store: true,
        declaredSize: 300 * 1024 * 1024,
      },
    ]);
    expect(await refusal(huge, { ...EXCEL_LIMITS, maxEntryRatio: Number.POSITIVE_INFINITY })).toMatchObject({
      status: 413,
      code: 'FILE_UNPACKED_TOO_LARGE',
      field: 'file',
    });
  });
});
