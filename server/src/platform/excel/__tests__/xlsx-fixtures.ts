import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { citizenIdCheckChar } from '@gongfu/domain/cn/citizen-id';
import ExcelJS from 'exceljs';

/** Test files: workbooks written with exceljs, hand-made ZIPs, valid fictitious citizen IDs. */

/** A valid citizen ID: region (6) + birth date (8) + sequence (3) + check character. */
export function cid(region: string, birth: string, seq: number): string {
  const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + citizenIdCheckChar(first17);
}

/** The n-th of many distinct valid IDs of people born in Anji between 1960 and 1999. */
export function nthCid(n: number, region = '330523'): string {
  const day = n % 28;
  const month = Math.floor(n / 28) % 12;
  const year = 1960 + (Math.floor(n / 336) % 40);
  const seq = Math.floor(n / 13_440) % 1000;
  return cid(region, `${year}${String(month + 1).padStart(2, '0')}${String(day + 1).padStart(2, '0')}`, seq);
}

/** An .xlsx with one sheet of these rows (and optionally an instructions sheet after it). */
export async function xlsxOf(
  rows: unknown[][],
  opts: { sheet?: string; secondSheet?: boolean; sharedStrings?: boolean } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(opts.sheet ?? '人员');
  for (const r of rows) ws.addRow(r);
  if (opts.secondSheet) wb.addWorksheet('说明 Instructions').addRow(['这一页不导入']);
  const out = await wb.xlsx.writeBuffer({ useSharedStrings: opts.sharedStrings ?? true } as never);
  return Buffer.from(out as ArrayBuffer);
}

/** Every cell text of every sheet of a workbook, read back with exceljs. */
export async function sheetsOf(file: Buffer): Promise<Map<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as never);
  const out = new Map<string, string[][]>();
  wb.eachSheet((ws) => {
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      rows.push(Array.from(values, (v) => (v === null || v === undefined ? '' : String(v))));
    });
    out.set(ws.name, rows);
  });
  return out;
}

export interface ZipPart {
  name: string;
  data: Buffer;
  /** Overrides the uncompressed size written in the central directory (a lie). */
  declaredSize?: number;
  store?: boolean;
  /** Written as a local entry only, left out of the central directory (what a streaming reader would still read). */
  unlisted?: boolean;
  /** Sizes and CRC-32 in a data descriptor after the data (flag bit 3), as streaming writers do. */
  descriptor?: boolean;
  /** zlib compression level (default 6; 1 is much faster on large parts). */
  level?: number;
}

/** A ZIP built by hand (APPNOTE 4.3), so tests control every field of the central directory. */
export function zipOf(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  let listed = 0;
  for (const p of parts) {
    const body = p.store ? p.data : deflateRawSync(p.data, { level: p.level ?? 6 });
    const name = Buffer.from(p.name, 'utf8');
    const size = p.declaredSize ?? p.data.length;
    const crc = crc32(p.data);
    const flags = 0x800 | (p.descriptor ? 0x8 : 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(p.store ? 0 : 8, 8);
    if (!p.descriptor) {
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(body.length, 18);
      local.writeUInt32LE(size, 22);
    }
    local.writeUInt16LE(name.length, 26);
    const descriptor = Buffer.alloc(p.descriptor ? 16 : 0);
    if (p.descriptor) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(body.length, 8);
      descriptor.writeUInt32LE(size, 12);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(p.store ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body, descriptor);
    if (!p.unlisted) {
      centrals.push(central, name);
      listed++;
    }
    offset += local.length + name.length + body.length + descriptor.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(listed, 8);
  end.writeUInt16LE(listed, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** The entries of a ZIP (a workbook written by exceljs), unpacked: to rebuild it by hand with more parts. */
export function partsOf(zip: Buffer): ZipPart[] {
  let eocd = zip.length - 22;
  while (eocd > 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const out: ZipPart[] = [];
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = zip.readUInt16LE(eocd + 10); i > 0; i--) {
    const method = zip.readUInt16LE(p + 10);
    const csize = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    const at = zip.readUInt32LE(p + 42);
    const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
    const raw = zip.subarray(start, start + csize);
    out.push({ name, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
    p += 46 + nameLen + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return out;
}

/** The local entries of a ZIP read front to back, as a streaming reader (unzipper, exceljs) meets them. */
export function localEntryNames(zip: Buffer): string[] {
  const names: string[] = [];
  let p = 0;
  while (p + 30 <= zip.length && zip.readUInt32LE(p) === 0x04034b50) {
    const flags = zip.readUInt16LE(p + 6);
    const nameLen = zip.readUInt16LE(p + 26);
    const extraLen = zip.readUInt16LE(p + 28);
    if (flags & 0x8) throw new Error('localEntryNames reads archives without data descriptors only');
    names.push(zip.toString('utf8', p + 30, p + 30 + nameLen));
    p += 30 + nameLen + extraLen + zip.readUInt32LE(p + 18);
  }
  return names;
}

/** The smallest parts that make a ZIP look like a workbook. */
export const WORKBOOK_PARTS: ZipPart[] = [
  { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
  { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
];
