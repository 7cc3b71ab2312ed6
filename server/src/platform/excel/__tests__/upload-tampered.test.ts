import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.ts';
import { PERSON_IMPORT_COLUMNS } from '../../people/person.excel.ts';
import { approveUpload, checkUpload } from '../upload-check.ts';
import { readCentralDirectory } from '../zip-inspect.ts';
import { cid, localEntryNames, partsOf, xlsxOf, zipOf } from './xlsx-fixtures.ts';

const HEADER = ['姓名*', '身份证号码*', '手机号码', '居住地区划代码*'];
const row = (n: number) => [`王${n}`, cid('330523', '19900101', n), '13800131234', '330523'];

async function refusal(file: Buffer) {
  try {
    await checkUpload(file, PERSON_IMPORT_COLUMNS);
  } catch (err) {
    if (err instanceof AppError) return { status: err.status, code: err.code, field: err.field };
    throw err;
  }
  throw new Error('accepted');
}

describe('uploads whose ZIP hides something from its central directory, or holds archives', async () => {
  // a real workbook's parts, zipped again by hand so each test can add one hostile part
  const book = partsOf(await xlsxOf([HEADER, row(1), row(2)]));

  it('accepts the workbook as rebuilt by hand (the control)', async () => {
    expect(await checkUpload(zipOf(book), PERSON_IMPORT_COLUMNS)).toMatchObject({ dataRows: 2 });
  });

  it('refuses a local entry left out of the central directory: 400 naming `file`', async () => {
    // what a streaming reader would meet and inflate: another first sheet, or a large text
    const sheet = book.find((p) => p.name === 'xl/worksheets/sheet1.xml');
    if (!sheet) throw new Error('no sheet');
    for (const hidden of [
      { ...sheet, name: 'xl/worksheets/sheet9.xml', unlisted: true },
      { name: 'xl/notes.txt', data: Buffer.alloc(32 * 1024 * 1024, 0x61), unlisted: true },
    ]) {
      expect(await refusal(zipOf([...book, hidden]))).toEqual({
        status: 400,
        code: 'FILE_SUSPICIOUS',
        field: 'file',
      });
    }
  });

  it('refuses an entry that unpacks beyond its declared size', async () => {
    const liar = { name: 'xl/theme/theme2.xml', data: Buffer.alloc(500_000, 0x20), declaredSize: 2000 };
    expect(await refusal(zipOf([...book, liar]))).toEqual({
      status: 400,
      code: 'FILE_SUSPICIOUS',
      field: 'file',
    });
  });

  it('refuses nested archives, by name or by content', async () => {
    const inner = await xlsxOf([HEADER, row(3)]);
    for (const part of [
      { name: 'xl/embeddings/Microsoft_Excel_Worksheet.xlsx', data: inner },
      { name: 'xl/media/image1.png', data: inner, store: true },
    ]) {
      expect(await refusal(zipOf([...book, part]))).toEqual({
        status: 400,
        code: 'FILE_NESTED_ARCHIVE',
        field: 'file',
      });
    }
  });

  it('refuses more entries than any workbook has', async () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({
      name: `xl/x/${i}.xml`,
      data: Buffer.from('<x/>'),
    }));
    expect(await refusal(zipOf([...book, ...many]))).toEqual({
      status: 400,
      code: 'FILE_SUSPICIOUS',
      field: 'file',
    });
  });

  it('hands the parser a rebuilt archive of exactly the approved entries', async () => {
    const upload = await xlsxOf([HEADER, row(4)]);
    const approved = await approveUpload(upload, PERSON_IMPORT_COLUMNS);
    const dir = readCentralDirectory(upload, 100);
    if (!dir.ok) throw new Error('not a zip');
    expect(localEntryNames(approved.file).sort()).toEqual(dir.entries.map((e) => e.name).sort());
    expect(await checkUpload(approved.file, PERSON_IMPORT_COLUMNS)).toEqual(approved.checked);
  });
});
