import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/harness.ts';
import { systemContext } from '../../accounts/create-user.ts';
import { countStaged } from '../../jobs/job.repo.ts';
import { createPerson } from '../../people/person.service.ts';
import { XLSX_TYPE } from '../xlsx-export.ts';
import { entryDataOffset, readCentralDirectory } from '../zip-inspect.ts';
import { gb18030, shownSheetsOf, typedSheetsOf, workbookOf } from './typed-fixtures.ts';
import { cid, nthCid, sheetsOf, WORKBOOK_PARTS, xlsxOf, zipOf } from './xlsx-fixtures.ts';

const HEADER = ['姓名*', '身份证号码*', '手机号码', '居住地区划代码*'];
const FORMULA_NAME = '=HYPERLINK("http://evil.example","点我")';

/** The text of one part of a workbook, to look for formulas in the raw XML. */
function partText(file: Buffer, name: string): string {
  const dir = readCentralDirectory(file, 1000);
  if (!dir.ok) throw new Error('not a zip');
  const e = dir.entries.find((x) => x.name === name);
  if (!e) throw new Error(`no ${name}`);
  const start = entryDataOffset(file, e);
  const data = file.subarray(start, start + e.compressedSize);
  return (e.method === 8 ? inflateRawSync(data) : data).toString('utf8');
}

describeEachDb('people: Excel export, template and import jobs', (env) => {
  const cookies = new Map<string, string>();
  const as = async (who: 'anji.staff' | 'anji.leader' | 'zhuji.staff' | 'other.staff') => {
    const known = cookies.get(who);
    if (known) return known;
    const [role, regionCode] = {
      'anji.staff': ['staff', '330523'],
      'anji.leader': ['leader', '330523'],
      'zhuji.staff': ['staff', '330681'],
      'other.staff': ['staff', '330523'],
    }[who] as ['staff' | 'leader', string];
    const cookie = await env().userWith(role, { regionCode, programmes: [] }, who);
    cookies.set(who, cookie);
    return cookie;
  };
  const get = async (who: Parameters<typeof as>[0], url: string, lang?: 'en') =>
    env().app.inject({
      method: 'GET',
      url,
      headers: { cookie: await as(who), ...(lang ? { 'accept-language': 'en' } : {}) },
    });
  const upload = async (who: Parameters<typeof as>[0], file: Buffer, mode: 'all' | 'valid' = 'all') => {
    const res = await env().app.inject({
      method: 'POST',
      url: `/api/people/import?mode=${mode}`,
      headers: {
        cookie: await as(who),
        'content-type': XLSX_TYPE,
        'x-file-name': encodeURIComponent('安吉人员.xlsx'),
      },
      payload: file,
    });
    return res;
  };
  /** Uploads, waits for the job and returns its final view. */
  const importFile = async (who: Parameters<typeof as>[0], file: Buffer, mode: 'all' | 'valid' = 'all') => {
    const res = await upload(who, file, mode);
    expect(res.statusCode, res.body).toBe(202);
    await env().jobs.idle();
    const job = await get(who, `/api/jobs/${res.json().job.id}`);
    expect(job.statusCode, job.body).toBe(200);
    return job.json();
  };
  const personCount = async () =>
    Number(
      (
        await env()
          .services.db.selectFrom('persons')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const audits = (action: string) =>
    env()
      .services.db.selectFrom('audit_log')
      .selectAll()
      .where('action', '=', action)
      .orderBy('id')
      .execute();

  const seeded: string[] = [];

  it('exports what the caller sees, masked as on screen, with Chinese headers, formula-like text as typed text, audited', async () => {
    const sys = systemContext('test');
    const people = [
      {
        name: '王伟',
        citizenId: cid('330523', '19900101', 123),
        mobile: '13800131234',
        regionCode: '330523',
      },
      {
        name: FORMULA_NAME,
        citizenId: cid('330523', '19850615', 246),
        mobile: null,
        regionCode: '330523001',
      },
      { name: '+86 李娜', citizenId: cid('330523', '19700301', 402), regionCode: '330523' },
      {
        name: '赵敏',
        citizenId: cid('330681', '19780909', 456),
        mobile: '13900139999',
        regionCode: '330681',
      },
    ];
    for (const p of people) await createPerson(env().services, sys, p);
    seeded.push(...people.map((p) => p.citizenId));

    const res = await get('anji.staff', '/api/people/export.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('人员_20260302.xlsx')}`,
    );
    const file = res.rawPayload;
    const sheet = (await shownSheetsOf(file)).get('人员');
    expect(sheet?.[0]).toEqual([
      '姓名',
      '身份证号码（脱敏）',
      '手机号码（脱敏）',
      '性别',
      '出生年份',
      '年龄',
      '籍贯区划代码',
      '居住地区划代码',
      '居住地',
      '登记时间',
      '更新时间',
    ]);
    // Anji's three, not Zhuji's
    expect(sheet).toHaveLength(4);
    const all = sheet?.flat().join('\n') ?? '';
    for (const id of seeded) expect(all).not.toContain(id);
    expect(all).not.toContain('13800131234');
    expect(all).toMatch(/330523\*{8}\d{3}[\dX]/);
    expect(all).toContain('138****1234');
    expect(all).toContain('2026-03-02 09:00:00');
    // formula-like names are text cells showing exactly what was typed (no apostrophe), marked
    // with the quote-prefix style so that editing keeps them text; never formulas
    expect(sheet?.map((r) => r[0])).toEqual(expect.arrayContaining([FORMULA_NAME, '+86 李娜']));
    expect(partText(file, 'xl/worksheets/sheet1.xml')).not.toContain('<f>');
    expect(partText(file, 'xl/styles.xml')).toMatch(/<xf quotePrefix="1"[^>]*numFmtId="49"/);
    const typed = (await typedSheetsOf(file)).get('人员') ?? [];
    // registration times are date cells in Beijing time; the header row has an autofilter
    expect(typed[1]?.[9]).toMatchObject({
      type: 'date',
      shown: '2026-03-02 09:00:00',
      numFmt: 'yyyy-mm-dd hh:mm:ss',
    });
    expect(typed[1]?.[0]).toMatchObject({ type: 'text', numFmt: '@' });
    expect(partText(file, 'xl/worksheets/sheet1.xml')).toContain('<autoFilter ref="A1:K4"');

    const [audit] = await audits('person.export');
    expect(audit?.after).toEqual({ filters: {}, rows: 3, format: 'xlsx' });
  });

  it('exports with the list filters and English headers, audited with the filters', async () => {
    const res = await get('anji.staff', '/api/people/export.xlsx?gender=female&page=2', 'en');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('People_20260302.xlsx');
    const sheet = (await sheetsOf(res.rawPayload)).get('People');
    expect(sheet?.[0]?.slice(0, 3)).toEqual(['Name', 'Citizen ID (masked)', 'Mobile (masked)']);
    expect(sheet?.slice(1).map((r) => r[3])).toEqual(['Female', 'Female']);
    expect((await audits('person.export')).at(-1)?.after).toEqual({
      filters: { gender: 'female' },
      rows: 2,
      format: 'xlsx',
    });
  });

  it('hands out the template to those who may import: header row and instructions sheet', async () => {
    const res = await get('anji.staff', '/api/people/import-template.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('人员导入模板.xlsx'));
    const sheets = await sheetsOf(res.rawPayload);
    expect([...sheets.keys()]).toEqual(['人员', '说明 Instructions']);
    expect(sheets.get('人员')).toEqual([HEADER]);
    expect(sheets.get('说明 Instructions')?.[1]?.[0]).toBe('姓名');
    expect((await get('anji.leader', '/api/people/import-template.xlsx')).statusCode).toBe(403);
  });

  const goodRow = (n: number) => [`导入${n}`, cid('330523', '19950505', n), '13900000000', '330523'];
  const twoBad = async () =>
    xlsxOf([
      HEADER,
      goodRow(1),
      ['错号', `${cid('330523', '19950505', 2).slice(0, 17)}0`, '13900000000', '330523'],
      goodRow(3),
      ['', cid('330523', '19950505', 4), '12345', '330681'],
      goodRow(5),
    ]);

  it('mode=all: two bad rows mean nothing is written, and an error report names their problems', async () => {
    const before = await personCount();
    const job = await importFile('anji.staff', await twoBad(), 'all');
    expect(job).toMatchObject({
      kind: 'import',
      target: 'people',
      status: 'failed',
      mode: 'all',
      fileName: '安吉人员.xlsx',
      progress: { phase: 'done', done: 5, total: 5 },
      result: { total: 5, imported: 0, failed: 2, hasErrorReport: true },
      error: { code: 'IMPORT_ROWS_INVALID' },
    });
    expect(await personCount()).toBe(before);
    expect(await countStaged(env().services.db, job.id)).toBe(0);

    const report = await get('anji.staff', `/api/jobs/${job.id}/errors.xlsx`);
    expect(report.statusCode, report.body).toBe(200);
    const rows = (await sheetsOf(report.rawPayload)).get('人员') ?? [];
    expect(rows[0]).toEqual([...HEADER, '错误 Problems']);
    expect(rows).toHaveLength(3);
    expect(rows[1]?.[0]).toBe('错号');
    expect(rows[1]?.[4]).toMatch(/^第 3 行：身份证号码：身份证号码无效：校验位错误/);
    expect(rows[2]?.[4]).toContain('第 5 行：');
    expect(rows[2]?.[4]).toContain('姓名：请填写姓名');
    expect(rows[2]?.[4]).toContain('手机号码：手机号码应为 11 位数字');
    expect(rows[2]?.[4]).toContain('居住地区划代码：居住地不在您的数据范围内');
  });

  it('mode=valid writes the good rows only, audited once for the batch with the file hash', async () => {
    const file = await twoBad();
    const before = await personCount();
    const job = await importFile('anji.staff', file, 'valid');
    expect(job).toMatchObject({
      status: 'succeeded',
      result: { total: 5, imported: 3, failed: 2, hasErrorReport: true },
      error: null,
    });
    expect(await personCount()).toBe(before + 3);
    expect(await countStaged(env().services.db, job.id)).toBe(0);
    const imports = await audits('person.import');
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({ entity_type: 'person', entity_id: job.id, actor_name: 'anji.staff' });
    expect(imports[0]?.after).toEqual({
      jobId: job.id,
      fileName: '安吉人员.xlsx',
      fileSm3: createHash('sm3').update(file).digest('hex'),
      mode: 'valid',
      total: 5,
      imported: 3,
      updated: 0,
      skipped: 0,
      failed: 2,
    });
    const list = await get('anji.staff', '/api/people?q=导入');
    expect(
      list
        .json()
        .items.map((p: { name: string }) => p.name)
        .sort(),
    ).toEqual(['导入1', '导入3', '导入5']);
  });

  it('reports people registered already and IDs repeated within the file', async () => {
    const job = await importFile(
      'anji.staff',
      await xlsxOf([HEADER, goodRow(1), goodRow(6), goodRow(6)]),
      'valid',
    );
    expect(job.result).toEqual({
      total: 3,
      imported: 1,
      updated: 0,
      skipped: 0,
      failed: 2,
      hasErrorReport: true,
    });
    const rows = (
      await sheetsOf((await get('anji.staff', `/api/jobs/${job.id}/errors.xlsx`)).rawPayload)
    ).get('人员');
    expect(rows?.[1]?.[4]).toContain('该身份证号码的人员已登记');
    expect(rows?.[2]?.[4]).toContain('与第 3 行的身份证号码重复');
  });

  it('refuses a CSV lacking a column, a bomb-like zip and an oversized file, naming `file`, before any job', async () => {
    const csv = await upload(
      'anji.staff',
      Buffer.from(`姓名,身份证号码\n王伟,${cid('330523', '19900101', 1)}\n`),
    );
    expect(csv.statusCode).toBe(400);
    expect(csv.json()).toMatchObject({ code: 'FILE_COLUMNS_MISSING', field: 'file' });
    expect(csv.json().message).toContain('这是 CSV 文件，但表头中缺少必填列：居住地区划代码');
    const bomb = zipOf([
      ...WORKBOOK_PARTS,
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(40 * 1024 * 1024) },
    ]);
    const refused = await upload('anji.staff', bomb);
    expect([400, 413]).toContain(refused.statusCode);
    expect(refused.json().field).toBe('file');
    const big = await upload('anji.staff', Buffer.alloc(21 * 1024 * 1024));
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: 'FILE_TOO_LARGE', field: 'file' });
    const none = await env().app.inject({
      method: 'POST',
      url: '/api/people/import',
      headers: { cookie: await as('anji.staff') },
      payload: {},
    });
    expect(none.json()).toMatchObject({ code: 'FILE_MISSING', field: 'file' });
    const list = await get('anji.staff', '/api/jobs');
    expect(list.json().items.every((j: { fileName: string }) => j.fileName === '安吉人员.xlsx')).toBe(true);
  });

  it('shows a job to its owner only', async () => {
    const job = await importFile('anji.staff', await xlsxOf([HEADER, goodRow(7)]));
    expect(job.status, JSON.stringify(job)).toBe('succeeded');
    expect((await get('other.staff', `/api/jobs/${job.id}`)).statusCode).toBe(404);
    expect((await get('other.staff', `/api/jobs/${job.id}/errors.xlsx`)).statusCode).toBe(404);
    expect((await get('other.staff', '/api/jobs')).json().items).toEqual([]);
    const mine = (await get('anji.staff', '/api/jobs?limit=2')).json().items;
    expect(mine.map((j: { id: string }) => j.id)[0]).toBe(job.id);
    expect(mine).toHaveLength(2);
    // no rows with problems: no error report
    expect((await get('anji.staff', `/api/jobs/${job.id}/errors.xlsx`)).statusCode).toBe(404);
  });

  it('imports 2,000 rows', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => [`批量${i}`, nthCid(i + 5000), '', '330523001']);
    const before = await personCount();
    const job = await importFile('anji.staff', await xlsxOf([HEADER, ...rows], { sharedStrings: false }));
    expect(job).toMatchObject({
      status: 'succeeded',
      progress: { phase: 'done', done: 2000, total: 2000 },
      result: { total: 2000, imported: 2000, failed: 0, hasErrorReport: false },
    });
    expect(await personCount()).toBe(before + 2000);
  });

  it('reads back its own error report: fixed and imported again as it is', async () => {
    const job = await importFile(
      'anji.staff',
      await xlsxOf([HEADER, ['改正', cid('330523', '19880808', 8), '1380013', '330523']]),
    );
    expect(job.status).toBe('failed');
    const report = (await get('anji.staff', `/api/jobs/${job.id}/errors.xlsx`)).rawPayload;
    const rows = (await sheetsOf(report)).get('人员') ?? [];
    rows[1]![2] = '13800138888';
    const fixed = await importFile('anji.staff', await xlsxOf(rows));
    expect(fixed).toMatchObject({ status: 'succeeded', result: { imported: 1 } });
  });
  it('refuses formula cells, naming the cell: =1+1 never becomes a person named 2', async () => {
    const job = await importFile(
      'anji.staff',
      await workbookOf([
        {
          name: '人员',
          rows: [
            HEADER,
            [{ formula: '1+1', result: 2 }, cid('330523', '19910101', 11), '', '330523'],
            goodRow(12),
          ],
        },
      ]),
      'valid',
    );
    expect(job).toMatchObject({ status: 'succeeded', result: { total: 2, imported: 1, failed: 1 } });
    const rows = (
      await sheetsOf((await get('anji.staff', `/api/jobs/${job.id}/errors.xlsx`)).rawPayload)
    ).get('人员');
    expect(rows?.[1]?.[0]).toBe('=1+1');
    expect(rows?.[1]?.[4]).toContain('第 2 行：姓名：单元格 A2 是公式（=1+1），不能导入公式');
    const named2 = await get('anji.staff', '/api/people?q=2&pageSize=100');
    expect(named2.json().items.map((p: { name: string }) => p.name)).not.toContain('2');
  });

  it('refuses an ID stored as a number (whatever its length), asking for a text column', async () => {
    const job = await importFile(
      'anji.staff',
      await workbookOf([{ name: '人员', rows: [HEADER, ['数字号', 330523199101010000, '', '330523']] }]),
    );
    expect(job.status).toBe('failed');
    const rows = (
      await sheetsOf((await get('anji.staff', `/api/jobs/${job.id}/errors.xlsx`)).rawPayload)
    ).get('人员');
    expect(rows?.[1]?.[4]).toContain('身份证号码：单元格 B2 被存成了数字');
    expect(rows?.[1]?.[4]).toContain('请把本列设为“文本”格式');
  });

  it('imports a CSV (GB18030, as Chinese Excel saves it, named .xlsx or .csv) through the same checks', async () => {
    const text = [
      HEADER.join(','),
      `CSV甲,${cid('330523', '19920202', 21)},13900000000,330523`,
      `CSV乙,${cid('330523', '19920202', 22)},12345,330523`,
    ].join('\r\n');
    const before = await personCount();
    const job = await importFile('anji.staff', gb18030(text), 'valid');
    expect(job).toMatchObject({
      status: 'succeeded',
      result: { total: 2, imported: 1, failed: 1, hasErrorReport: true },
    });
    expect(await personCount()).toBe(before + 1);
    const rows = (
      await sheetsOf((await get('anji.staff', `/api/jobs/${job.id}/errors.xlsx`)).rawPayload)
    ).get('人员');
    expect(rows?.[1]?.slice(0, 1)).toEqual(['CSV乙']);
    expect(rows?.[1]?.[4]).toContain('手机号码：手机号码应为 11 位数字');
    // sent as text/csv (a browser's type for .csv), UTF-8 with a byte order mark as Excel's "CSV UTF-8"
    const utf8 = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`${HEADER.join(',')}\r\nCSV丙,${cid('330523', '19920202', 23)},,330523\r\n`),
    ]);
    const res = await env().app.inject({
      method: 'POST',
      url: '/api/people/import?mode=all',
      headers: {
        cookie: await as('anji.staff'),
        'content-type': 'text/csv',
        'x-file-name': encodeURIComponent('人员.csv'),
      },
      payload: utf8,
    });
    expect(res.statusCode, res.body).toBe(202);
    await env().jobs.idle();
    const done = (await get('anji.staff', `/api/jobs/${res.json().job.id}`)).json();
    expect(done).toMatchObject({ status: 'succeeded', fileName: '人员.csv', result: { imported: 1 } });
  });
});
