import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/harness.ts';
import { actAs } from '../../auth/principal-for.ts';
import { findUserByUsername } from '../../auth/user.repo.ts';
import { nthCid, partsOf, xlsxOf, type ZipPart, zipOf } from '../../excel/__tests__/xlsx-fixtures.ts';
import { startImport } from '../../excel/excel.service.ts';
import { excelListsOf } from '../../excel/excel-list.ts';
import { XLSX_TYPE } from '../../excel/xlsx-export.ts';
import { peopleExcel } from '../../people/person.excel.ts';
import { importJobHandler } from '../import-job.ts';
import { findJob, type JobRow, listJobsOf } from '../job.repo.ts';
import { InProcessJobRunner } from '../job-runner.ts';

const HEADER = ['姓名*', '身份证号码*', '手机号码', '居住地区划代码*'];
const person = (n: number) => [`敌意${n}`, nthCid(n + 50_000), '', '330523'];

/**
 * The workbook with `count` more shared strings of `chars` characters each, drawn at random
 * from 16 Chinese characters (so the part compresses about 3 : 1 at level 1): a table
 * that takes about 2 × count × chars bytes of heap once read.
 */
function withSharedStrings(book: ZipPart[], count: number, chars: number): ZipPart[] {
  const alphabet = Buffer.from('安吉递铺孝丰梅溪杭垓竹海白茶天荒', 'utf8');
  const si = Buffer.from('<si><t>');
  const end = Buffer.from('</t></si>');
  const out = Buffer.alloc(count * (si.length + 3 * chars + end.length));
  const picks = randomBytes(count * chars);
  let p = 0;
  for (let i = 0; i < count; i++) {
    p += si.copy(out, p);
    for (let c = 0; c < chars; c++) {
      const k = ((picks[i * chars + c] ?? 0) & 15) * 3;
      out[p++] = alphabet[k] ?? 0;
      out[p++] = alphabet[k + 1] ?? 0;
      out[p++] = alphabet[k + 2] ?? 0;
    }
    p += end.copy(out, p);
  }
  return book.map((part) => {
    if (part.name !== 'xl/sharedStrings.xml') return part;
    const xml = part.data.toString('utf8');
    const at = xml.lastIndexOf('</sst>');
    return {
      name: part.name,
      data: Buffer.concat([Buffer.from(xml.slice(0, at)), out, Buffer.from(xml.slice(at))]),
      level: 1,
    };
  });
}

describeEachDb('hostile workbooks fail their upload or their job, never the server', (env) => {
  const owner = async () => {
    const known = await findUserByUsername(env().services.db, 'hostile.staff');
    if (!known) await env().userWith('staff', { regionCode: '330523', programmes: [] }, 'hostile.staff');
    return actAs(env().services, 'hostile.staff', 'hostile-upload');
  };
  const upload = async (file: Buffer) =>
    env().app.inject({
      method: 'POST',
      url: '/api/people/import?mode=all',
      headers: {
        cookie: env().cookieOf(await env().login('hostile.staff')),
        'content-type': XLSX_TYPE,
        'x-file-name': encodeURIComponent('敌意.xlsx'),
      },
      payload: file,
    });
  const settle = async (runner: InProcessJobRunner, id: string): Promise<JobRow | undefined> => {
    await runner.idle();
    return findJob(env().services.db, id);
  };

  it('refuses hostile ZIPs at upload with 400 naming `file`, queues nothing, and still imports a real workbook', async () => {
    await owner();
    const book = partsOf(await xlsxOf([HEADER, person(1), person(2)]));
    const sheet = book.find((p) => p.name === 'xl/worksheets/sheet1.xml');
    if (!sheet) throw new Error('no sheet');
    const hostile = [
      zipOf([...book, { ...sheet, name: 'xl/worksheets/sheet7.xml', unlisted: true }]),
      zipOf([...book, { name: 'xl/styles2.xml', data: Buffer.alloc(400_000, 0x20), declaredSize: 4000 }]),
      zipOf([...book, { name: 'xl/embeddings/data.zip', data: zipOf(book) }]),
      zipOf([
        ...book,
        ...Array.from({ length: 1000 }, (_, i) => ({ name: `xl/n/${i}.xml`, data: Buffer.from('<n/>') })),
      ]),
    ];
    for (const file of hostile) {
      const res = await upload(file);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().field).toBe('file');
    }
    const staff = await findUserByUsername(env().services.db, 'hostile.staff');
    expect(await listJobsOf(env().services.db, staff?.id ?? '', 10)).toEqual([]);
    const ok = await upload(zipOf(book));
    expect(ok.statusCode, ok.body).toBe(202);
    const job = await settle(env().jobs as InProcessJobRunner, ok.json().job.id);
    expect(job).toMatchObject({ status: 'succeeded', result: { total: 2, imported: 2, failed: 0 } });
  });

  it('fails, as a job, a hostile file stored before the checks existed; the next job runs', async () => {
    const ctx = await owner();
    const good = await xlsxOf([HEADER, person(3)]);
    const sheet = partsOf(good).find((p) => p.name === 'xl/worksheets/sheet1.xml');
    if (!sheet) throw new Error('no sheet');
    // an upload queued by an older version: a 200 MB local entry the central directory hides
    const stored = zipOf([
      ...partsOf(good),
      { name: 'xl/big.txt', data: Buffer.alloc(200 * 1024 * 1024, 0x20), unlisted: true },
    ]);
    expect(stored.length).toBeLessThan(1024 * 1024);
    const runner = env().jobs as InProcessJobRunner;
    const queued = await runner.enqueue({
      kind: 'import',
      target: 'people',
      ownerId: ctx.principal?.userId ?? '',
      mode: 'all',
      fileName: 'old.xlsx',
      lang: 'zh-CN',
      requestId: null,
      ip: null,
      input: stored,
      progress: { phase: 'validating', done: 0, total: 1 },
      now: env().clock.now(),
    });
    expect(await settle(runner, queued.id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: { code: 'FILE_SUSPICIOUS' },
    });
    const next = await startImport(env().services, runner, ctx, peopleExcel, {
      body: good,
      fileName: 'good.xlsx',
      mode: 'all',
    });
    expect(await settle(runner, next.id)).toMatchObject({ status: 'succeeded' });
  });

  it('fails a job whose sheet needs more memory than its parse thread may use; the server goes on', async () => {
    const ctx = await owner();
    const s = env().services;
    const heapMb = 16;
    const runner = new InProcessJobRunner(s, {
      import: importJobHandler(s, excelListsOf(env().manifests), { parseHeapMb: heapMb }),
    });
    const run = async (file: Buffer) => {
      const queued = await startImport(s, runner, ctx, peopleExcel, {
        body: file,
        fileName: 'm.xlsx',
        mode: 'valid',
      });
      return settle(runner, queued.id);
    };
    // the same thread ceiling reads an ordinary workbook …
    const small = await xlsxOf([HEADER, person(4)]);
    expect(await run(small)).toMatchObject({ status: 'succeeded' });
    // … but not one whose shared strings alone take more than the ceiling (a 10 MB file)
    const heavy = zipOf(withSharedStrings(partsOf(small), 2500, 4000));
    expect(heavy.length).toBeLessThan(12 * 1024 * 1024);
    const failed = await run(heavy);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, error: { code: 'IMPORT_OUT_OF_MEMORY' } });
    expect(failed?.error?.zh).toContain(`${heapMb} MB`);
    // the process and its runner live on
    expect(await run(await xlsxOf([HEADER, person(5)]))).toMatchObject({ status: 'succeeded' });
  });
});
