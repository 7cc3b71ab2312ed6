import { describe, expect, it } from 'vitest';
import { EXCEL_LIMITS } from '../excel-limits.ts';
import { openWorkbook, toBuffer } from '../xlsx-export.ts';
import { inspectZip, readCentralDirectory, type ZipRefusal, type ZipVerdict } from '../zip-inspect.ts';
import { VerifiedZip, ZipEntryRefused } from '../zip-verify.ts';
import { localEntryNames, WORKBOOK_PARTS, xlsxOf, zipOf } from './xlsx-fixtures.ts';

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

/** Entries to make a hand-made ZIP pass as a workbook, then one more part. */
const parts = (...more: Parameters<typeof zipOf>[0]) => zipOf([...WORKBOOK_PARTS, ...more]);
const SHEET = { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet><sheetData/></worksheet>') };
const kindOf = (r: ZipVerdict) => (r.ok ? 'ok' : r.problem.kind);

async function verifyAll(zip: Buffer): Promise<ZipRefusal | 'ok'> {
  const r = inspectZip(zip, EXCEL_LIMITS);
  if (!r.ok) return r.problem;
  try {
    await new VerifiedZip(zip, r.entries).verifyRest();
    return 'ok';
  } catch (err) {
    if (err instanceof ZipEntryRefused) return err.problem;
    throw err;
  }
}

describe('ZIP local entries, walked against the central directory', () => {
  it('refuses a local entry the central directory does not list (a streaming parser would inflate it)', () => {
    // 64 MB of text hidden in 64 KB: listed nowhere, so no declared size or ratio gives it away
    const hidden = { name: 'xl/hidden.txt', data: Buffer.alloc(64 * MB, 0x41), unlisted: true };
    const zip = parts(SHEET, hidden);
    expect(zip.length).toBeLessThan(100_000);
    expect(localEntryNames(zip)).toContain('xl/hidden.txt');
    const r = inspectZip(zip, EXCEL_LIMITS);
    expect(r.ok ? 'ok' : r.problem).toMatchObject({ kind: 'unlisted_data' });
    // hidden at the end, just before the central directory, too
    expect(kindOf(inspectZip(parts(SHEET, { ...SHEET, name: 'x.xml', unlisted: true }), EXCEL_LIMITS))).toBe(
      'unlisted_data',
    );
  });

  it('refuses bytes after the entries or after the archive, entries listed twice, local headers that disagree', () => {
    const zip = parts(SHEET);
    const dir = readCentralDirectory(zip, 100);
    if (!dir.ok) throw new Error('not a zip');
    const sheet = dir.entries[2];
    if (!sheet) throw new Error('no sheet');
    // junk after the last local entry, with the directory moved along
    const junk = Buffer.from('PK junk');
    const dirAt = zip.readUInt32LE(zip.length - 6);
    const moved = Buffer.concat([zip.subarray(0, dirAt), junk, zip.subarray(dirAt)]);
    moved.writeUInt32LE(dirAt + junk.length, moved.length - 6);
    expect(kindOf(inspectZip(moved, EXCEL_LIMITS))).toBe('unlisted_data');
    // trailing bytes after the end record (its comment length says 0)
    expect(kindOf(inspectZip(Buffer.concat([zip, Buffer.from('tail')]), EXCEL_LIMITS))).toBe('unlisted_data');
    // a second directory entry naming the same bytes under the same name
    expect(kindOf(inspectZip(parts(SHEET, SHEET), EXCEL_LIMITS))).toBe('unlisted_data');
    // the local header says another size than the central directory
    const lying = Buffer.from(zip);
    lying.writeUInt32LE(sheet.uncompressedSize + 1, sheet.localHeaderOffset + 22);
    expect(inspectZip(lying, EXCEL_LIMITS)).toMatchObject({ ok: false, problem: { kind: 'unlisted_data' } });
  });

  it('refuses archives inside the archive, by name and by their first bytes', async () => {
    const inner = zipOf([{ name: 'a.txt', data: Buffer.from('a') }]);
    expect(
      kindOf(inspectZip(parts(SHEET, { name: 'xl/embeddings/book.xlsx', data: inner }), EXCEL_LIMITS)),
    ).toBe('nested_archive');
    expect(await verifyAll(parts(SHEET, { name: 'xl/media/image1.png', data: inner }))).toEqual({
      kind: 'nested_archive',
      entry: 'xl/media/image1.png',
    });
    const gz = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]);
    expect(
      await verifyAll(parts(SHEET, { name: 'xl/printerSettings1.bin', data: gz, store: true })),
    ).toMatchObject({
      kind: 'nested_archive',
    });
  });

  it('stops inflating an entry at its declared size, and refuses one that unpacks to less or fails its CRC', async () => {
    let seen = 0;
    const liar = parts({ name: 'xl/styles.xml', data: Buffer.alloc(8 * MB, 0x20), declaredSize: 1000 });
    const r = inspectZip(liar, { ...EXCEL_LIMITS, maxEntryRatio: Number.POSITIVE_INFINITY });
    if (!r.ok) throw new Error(r.problem.kind);
    const zip = new VerifiedZip(liar, r.entries);
    const styles = r.entries.find((e) => e.name === 'xl/styles.xml');
    if (!styles) throw new Error('no styles');
    await expect(zip.inflate(styles, (c) => (seen += c.length))).rejects.toMatchObject({
      problem: { kind: 'entry_lies', entry: 'xl/styles.xml' },
    });
    expect(seen).toBeLessThanOrEqual(1000);
    expect(await verifyAll(parts({ ...SHEET, declaredSize: SHEET.data.length + 5 }))).toMatchObject({
      kind: 'corrupt',
    });
    const badCrc = parts(SHEET);
    const dir = readCentralDirectory(badCrc, 100);
    if (!dir.ok) throw new Error('not a zip');
    const e = dir.entries[2];
    if (!e) throw new Error('no sheet');
    badCrc.writeUInt32LE((e.crc32 ^ 1) >>> 0, e.localHeaderOffset + 14);
    const centralAt = badCrc.readUInt32LE(badCrc.length - 6);
    // the sheet's central entry is the third; both copies of the CRC say the same wrong value
    let p = centralAt;
    for (let i = 0; i < 2; i++) p += 46 + badCrc.readUInt16LE(p + 28);
    badCrc.writeUInt32LE((e.crc32 ^ 1) >>> 0, p + 16);
    expect(await verifyAll(badCrc)).toMatchObject({ kind: 'corrupt' });
  });

  it('accepts data descriptors (streaming writers), and rebuilds exactly the listed entries', async () => {
    const streamed = await toBuffer(async (out) => {
      const wb = openWorkbook(out);
      wb.addWorksheet('s').addRow(['x']).commit();
      await wb.commit();
    });
    expect(streamed.readUInt16LE(6) & 0x8).toBe(0x8); // exceljs's writer puts sizes after the data
    const hand = parts({ ...SHEET, descriptor: true });
    for (const file of [streamed, hand, await xlsxOf([['姓名'], ['王伟']])]) {
      const r = inspectZip(file, EXCEL_LIMITS);
      if (!r.ok) throw new Error(JSON.stringify(r.problem));
      const zip = new VerifiedZip(file, r.entries);
      expect(() => zip.approvedBytes()).toThrow(/not verified/);
      await zip.verifyRest();
      const rebuilt = zip.approvedBytes();
      const again = inspectZip(rebuilt, EXCEL_LIMITS);
      if (!again.ok) throw new Error(JSON.stringify(again.problem));
      const names = r.entries.map((e) => e.name).sort();
      expect(localEntryNames(rebuilt).sort()).toEqual(names);
      expect(again.entries.map((e) => e.name).sort()).toEqual(names);
      for (const e of again.entries) {
        const before = r.entries.find((x) => x.name === e.name);
        expect(e.flags & 0x8).toBe(0);
        expect(before && [before.crc32, before.uncompressedSize]).toEqual([e.crc32, e.uncompressedSize]);
      }
      await new VerifiedZip(rebuilt, again.entries).verifyRest();
    }
  });

  it('limits entries and unpacked bytes well above what a real 100,000-row workbook needs', async () => {
    // 25,000 rows × 10 columns written by exceljs as our export writes them; the sheet's XML
    // grows with the rows, so 4 × this is the 100,000-row workbook (measured once: 16 entries,
    // 55 MB unpacked from a 5.5 MB file).
    const rows = 25_000;
    const file = await toBuffer(async (out) => {
      const wb = openWorkbook(out);
      const ws = wb.addWorksheet('人员');
      ws.addRow([
        '姓名',
        '身份证号码',
        '手机号码',
        '区划',
        '性别',
        '出生日期',
        '地址',
        '备注',
        '金额',
        '单位',
      ]).commit();
      for (let i = 0; i < rows; i++) {
        ws.addRow([
          `王${i}伟`,
          `3305231990${String(i).padStart(8, '0')}`,
          `138${String(i).padStart(8, '0')}`,
          '330523',
          i % 2 ? '男' : '女',
          '1990-01-01',
          `浙江省湖州市安吉县递铺街道${i}号`,
          `备注${i % 1000}`,
          i * 1.5,
          `安吉县第${i % 300}单位`,
        ]).commit();
      }
      await wb.commit();
    });
    const r = inspectZip(file, EXCEL_LIMITS);
    if (!r.ok) throw new Error(JSON.stringify(r.problem));
    const unpacked = r.entries.reduce((n, e) => n + e.uncompressedSize, 0);
    const per100k = unpacked * (100_000 / rows);
    expect(per100k).toBeGreaterThan(20 * MB); // the measurement means something
    expect(per100k * 2).toBeLessThan(EXCEL_LIMITS.maxUncompressedBytes);
    expect(r.entries.length * 20).toBeLessThan(EXCEL_LIMITS.maxEntries);
    expect(file.length * (100_000 / rows) * 2).toBeLessThan(EXCEL_LIMITS.maxFileBytes);
    await new VerifiedZip(file, r.entries).verifyRest();
  });
});
