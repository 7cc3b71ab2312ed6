import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ExportColumn } from '../excel-list.ts';
import { DownloadClosed, toBuffer, writeExport } from '../xlsx-export.ts';
import { partText, typedSheetsOf } from './typed-fixtures.ts';
import { sheetsOf } from './xlsx-fixtures.ts';

type Row = { name: string; n: number };
const COLUMNS: ExportColumn<Row>[] = [
  { key: 'name', header: { zh: '姓名', en: 'Name' }, value: (r) => r.name },
  { key: 'n', header: { zh: '序号', en: 'No.' }, value: (r) => r.n },
];

async function* pages(count: number, size: number) {
  for (let p = 0; p < count; p++) {
    yield Array.from({ length: size }, (_, i) => ({
      name: `第${p}页 第${i}行 ${'文字'.repeat(10)}`,
      n: p * size + i,
    }));
  }
}

describe('streaming export writer', () => {
  it('writes headers in the language asked, text as typed text and numbers as numbers', async () => {
    const file = await toBuffer((out) =>
      writeExport(
        out,
        'People',
        COLUMNS,
        (async function* () {
          yield [
            { name: '=1+1', n: -5 },
            { name: '王伟', n: 2 },
          ];
        })(),
        'en',
      ),
    );
    expect((await sheetsOf(file)).get('People')).toEqual([
      ['Name', 'No.'],
      ['=1+1', '-5'],
      ['王伟', '2'],
    ]);
  });

  it('writes each column by its kind: date cells (instants in Beijing time), numbers, money; formula-like text as typed', async () => {
    type Line = { day: string; at: string; yuan: number; area: string; rate: string | null; name: string };
    const columns: ExportColumn<Line>[] = [
      { key: 'day', header: { zh: '日期', en: 'Day' }, kind: 'date', value: (r) => r.day },
      { key: 'at', header: { zh: '截止时间', en: 'Closes at' }, kind: 'datetime', value: (r) => r.at },
      { key: 'yuan', header: { zh: '造价（元）', en: 'Cost' }, kind: 'money', value: (r) => r.yuan },
      {
        key: 'area',
        header: { zh: '面积', en: 'Area' },
        kind: 'number',
        numFmt: '0.00',
        value: (r) => r.area,
      },
      { key: 'rate', header: { zh: '达标率（%）', en: 'Rate' }, kind: 'number', value: (r) => r.rate },
      { key: 'name', header: { zh: '项目', en: 'Project' }, value: (r) => r.name },
    ];
    const file = await toBuffer((out) =>
      writeExport(
        out,
        '清单',
        columns,
        (async function* () {
          yield [
            {
              day: '2026-10-17',
              at: '2026-10-17T01:51:00.000Z',
              yuan: 1234567.5,
              area: '89.37',
              rate: '87.5',
              name: '=1+2项目',
            },
            {
              day: '2026-10-18',
              at: '2026-10-17T16:30:00.000Z',
              yuan: 0,
              area: '100.00',
              rate: null,
              name: '-',
            },
          ];
        })(),
        'zh-CN',
      ),
    );
    const rows = (await typedSheetsOf(file)).get('清单') ?? [];
    expect(rows[1]).toEqual([
      { type: 'date', shown: '2026-10-17', numFmt: 'yyyy-mm-dd' },
      { type: 'date', shown: '2026-10-17 09:51:00', numFmt: 'yyyy-mm-dd hh:mm:ss' },
      { type: 'number', shown: '1234567.5', numFmt: '#,##0.00' },
      { type: 'number', shown: '89.37', numFmt: '0.00' },
      { type: 'number', shown: '87.5', numFmt: undefined },
      { type: 'text', shown: '=1+2项目', numFmt: '@' },
    ]);
    // an instant after 16:00 UTC is the next day in Beijing
    expect(rows[2]?.[1]?.shown).toBe('2026-10-18 00:30:00');
    expect(rows[2]?.[4]?.type).toBe('empty');
    const sheetXml = partText(file, 'xl/worksheets/sheet1.xml');
    expect(sheetXml).not.toContain('<f>');
    expect(sheetXml).toContain('<autoFilter ref="A1:F3"');
    // '=1+2项目' and '-' carry the quote-prefix style: shown as typed, kept as text when edited
    const styles = partText(file, 'xl/styles.xml');
    const quoted = [...styles.matchAll(/<xf [^>]*>/g)]
      .map((m) => m[0])
      .filter((x) => x.includes('quotePrefix="1"'));
    expect(quoted).toHaveLength(1);
    const styleIds = [...sheetXml.matchAll(/<c r="F(\d)" s="(\d+)"/g)].map((m) => Number(m[2]));
    const cellXfs = [
      ...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf [^>]*>/g),
    ];
    expect(styleIds.map((id) => cellXfs[id]?.[0].includes('quotePrefix="1"'))).toEqual([false, true, true]);
  });

  it('stops producing rows when the download is closed, instead of buffering the rest', async () => {
    const out = new PassThrough();
    let received = 0;
    let pagesRead = 0;
    out.on('data', (c: Buffer) => {
      received += c.length;
      if (received > 50_000) out.destroy();
    });
    const counted = (async function* () {
      for await (const p of pages(500, 1000)) {
        pagesRead++;
        yield p;
      }
    })();
    await expect(writeExport(out, 's', COLUMNS, counted, 'zh-CN')).rejects.toBeInstanceOf(DownloadClosed);
    expect(pagesRead).toBeLessThan(100);
  });
});
