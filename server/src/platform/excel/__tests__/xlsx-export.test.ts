import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ExportColumn } from '../excel-list.ts';
import { DownloadClosed, toBuffer, writeExport } from '../xlsx-export.ts';
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
  it('writes headers in the language asked, text escaped and numbers as numbers', async () => {
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
      ["'=1+1", '-5'],
      ['王伟', '2'],
    ]);
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
