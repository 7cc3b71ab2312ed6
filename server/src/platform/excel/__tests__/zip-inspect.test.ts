import { describe, expect, it } from 'vitest';
import { EXCEL_LIMITS } from '../excel-limits.ts';
import { openWorkbook, toBuffer } from '../xlsx-export.ts';
import { inspectZip, readCentralDirectory } from '../zip-inspect.ts';
import { WORKBOOK_PARTS, xlsxOf, zipOf } from './xlsx-fixtures.ts';

const MB = 1024 * 1024;

describe('ZIP central directory, read without unpacking', () => {
  it('lists the entries of a real workbook written by exceljs, with their sizes', async () => {
    const file = await xlsxOf([['姓名'], ['王伟']]);
    const r = readCentralDirectory(file, 100);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const names = r.entries.map((e) => e.name);
    expect(names).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']),
    );
    for (const e of r.entries.filter((x) => !x.name.endsWith('/'))) {
      expect([0, 8]).toContain(e.method);
      expect(e.compressedSize).toBeGreaterThan(0);
      expect(e.uncompressedSize).toBeGreaterThanOrEqual(e.compressedSize - 10);
    }
    expect(inspectZip(file, EXCEL_LIMITS).ok).toBe(true);
  });

  it('reads the deflated entries of a streamed workbook (sizes only in the central directory)', async () => {
    const file = await toBuffer(async (out) => {
      const wb = openWorkbook(out);
      wb.addWorksheet('s').addRow(['x']).commit();
      await wb.commit();
    });
    const r = readCentralDirectory(file, 100);
    expect(r.ok && r.entries.every((e) => e.method === 8 && e.uncompressedSize > 0)).toBe(true);
  });

  it('finds the directory behind an archive comment', () => {
    const zip = zipOf(WORKBOOK_PARTS);
    const withComment = Buffer.concat([zip, Buffer.from('a comment')]);
    withComment.writeUInt16LE(9, zip.length - 2);
    const r = readCentralDirectory(withComment, 100);
    expect(r.ok && r.entries.map((e) => e.name)).toEqual(['[Content_Types].xml', 'xl/workbook.xml']);
  });

  it('says "not a zip" for other bytes, and "corrupt" for a truncated zip', () => {
    expect(readCentralDirectory(Buffer.from('姓名,身份证号码\n王伟,3305'), 100)).toEqual({
      ok: false,
      problem: { kind: 'not_zip' },
    });
    const zip = zipOf(WORKBOOK_PARTS);
    const r = readCentralDirectory(zip.subarray(0, zip.length - 30), 100);
    expect(r.ok ? 'ok' : r.problem.kind).toBe('corrupt');
  });

  it('refuses a bomb-like entry: 50 MB of zeros in a few kilobytes', () => {
    const zeros = Buffer.alloc(50 * MB);
    const bomb = zipOf([...WORKBOOK_PARTS, { name: 'xl/worksheets/sheet1.xml', data: zeros }]);
    expect(bomb.length).toBeLessThan(100_000);
    const r = inspectZip(bomb, EXCEL_LIMITS);
    expect(r.ok ? 'ok' : r.problem).toMatchObject({
      kind: 'suspicious_ratio',
      entry: 'xl/worksheets/sheet1.xml',
    });
  });

  it('refuses a crafted directory declaring more than 200 MB unpacked, before unpacking anything', () => {
    // Each entry claims 150 MB at a harmless-looking ratio: the sum is what gives it away.
    const parts = [0, 1].map((i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: Buffer.alloc(2 * MB, i),
      store: true,
      declaredSize: 150 * MB,
    }));
    const r = inspectZip(zipOf([...WORKBOOK_PARTS, ...parts]), { ...EXCEL_LIMITS, maxEntryRatio: 1000 });
    expect(r.ok ? 'ok' : r.problem.kind).toBe('too_large_unpacked');
  });

  it('refuses more entries than allowed', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ name: `x/${i}.xml`, data: Buffer.from('x') }));
    const r = inspectZip(zipOf(many), { ...EXCEL_LIMITS, maxEntries: 20 });
    expect(r.ok ? 'ok' : r.problem).toEqual({ kind: 'too_many_entries', entries: 30 });
  });
});
