import { deflateRawSync } from 'node:zlib';
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

interface ZipPart {
  name: string;
  data: Buffer;
  /** Overrides the uncompressed size written in the central directory (a lie). */
  declaredSize?: number;
  store?: boolean;
}

/** A ZIP built by hand (APPNOTE 4.3), so tests control every field of the central directory. */
export function zipOf(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const body = p.store ? p.data : deflateRawSync(p.data);
    const name = Buffer.from(p.name, 'utf8');
    const size = p.declaredSize ?? p.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(p.store ? 0 : 8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(p.store ? 0 : 8, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** The smallest parts that make a ZIP look like a workbook. */
export const WORKBOOK_PARTS: ZipPart[] = [
  { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
  { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
];
