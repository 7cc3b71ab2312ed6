import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/harness.ts';
import { systemContext } from '../../accounts/create-user.ts';
import { creditCodeFor } from '../../orgs/__tests__/org-factory.ts';
import { createOrganisation } from '../../orgs/organisation.service.ts';
import { XLSX_TYPE } from '../xlsx-export.ts';
import { sheetsOf, xlsxOf } from './xlsx-fixtures.ts';

const HEADER = ['名称*', '类型*', '所在地区划代码*', '统一社会信用代码', '上级组织', '地址'];

describeEachDb('organisations: Excel export and import jobs', (env) => {
  let cookie = '';
  const get = (url: string) => env().app.inject({ method: 'GET', url, headers: { cookie } });
  const importFile = async (file: Buffer, mode: 'all' | 'valid') => {
    const res = await env().app.inject({
      method: 'POST',
      url: `/api/orgs/import?mode=${mode}`,
      headers: { cookie, 'content-type': 'application/octet-stream' },
      payload: file,
    });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().job).toMatchObject({
      status: 'queued',
      target: 'organisations',
      fileName: 'import.xlsx',
    });
    await env().jobs.idle();
    return (await get(`/api/jobs/${res.json().job.id}`)).json();
  };
  const PARENT_CODE = creditCodeFor(1);

  it('exports the organisations in scope with kind and status labels, audited', async () => {
    cookie = await env().userWith('staff', { regionCode: '330523', programmes: [] }, 'anji.org.staff');
    const sys = systemContext('test');
    await createOrganisation(env().services, sys, {
      name: '安吉县人民政府',
      kind: 'department',
      regionCode: '330523',
      creditCode: PARENT_CODE,
    });
    await createOrganisation(env().services, sys, {
      name: '诸暨市人社局',
      kind: 'department',
      regionCode: '330681',
    });
    const res = await get('/api/orgs/export.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    const rows = (await sheetsOf(res.rawPayload)).get('组织机构');
    expect(rows?.[0]?.slice(0, 3)).toEqual(['名称', '类型', '统一社会信用代码']);
    expect(rows?.slice(1).map((r) => [r[0], r[1], r[7]])).toEqual([['安吉县人民政府', '部门', '正常']]);
    const audit = await env()
      .services.db.selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'org.export')
      .executeTakeFirst();
    expect(audit?.after).toEqual({ filters: {}, rows: 1, format: 'xlsx' });
  });

  it('imports with the API rules: kinds by label or key, parents by credit code or by an earlier row’s name', async () => {
    const file = await xlsxOf([
      HEADER,
      ['安吉县人社局', '部门', '330523', '', PARENT_CODE, ''],
      ['安吉县就业服务中心', 'other', '330523001', '', '安吉县人社局', '递铺街道'],
      ['安吉竹业有限公司', 'Enterprise', '330523', creditCodeFor(2), '', ''],
      ['无代码企业', '企业', '330523', '', '', ''],
      ['未知类型', '公司', '330523', '', '', ''],
      ['重复代码', '企业', '330523', creditCodeFor(2), '', ''],
      ['外县单位', '部门', '330681', '', '', ''],
      ['找不到上级', '部门', '330523', '', '不存在的单位', ''],
      ['巾帼共富工坊', 'workshop', '330523', '', '安吉县人社局', ''],
    ]);
    const failed = await importFile(file, 'all');
    expect(failed).toMatchObject({
      status: 'failed',
      error: { code: 'IMPORT_ROWS_INVALID' },
      result: { total: 9, imported: 0, failed: 5 },
    });
    const report = (await sheetsOf((await get(`/api/jobs/${failed.id}/errors.xlsx`)).rawPayload)).get(
      '组织机构',
    );
    const problems = report?.slice(1).map((r) => r[6]) ?? [];
    expect(problems).toHaveLength(5);
    expect(problems[0]).toContain('第 5 行：统一社会信用代码：企业须填写统一社会信用代码');
    expect(problems[1]).toContain('第 6 行：类型：类型「公司」无效');
    expect(problems[2]).toContain('第 7 行：统一社会信用代码：与第 4 行的统一社会信用代码重复');
    expect(problems[3]).toContain('第 8 行：所在地区划代码：');
    expect(problems[4]).toContain('第 9 行：上级组织：上级组织不存在或您无权查看');

    const done = await importFile(file, 'valid');
    expect(done).toMatchObject({ status: 'succeeded', result: { total: 9, imported: 4, failed: 5 } });
    const list = (await get('/api/orgs?regionCode=330523&pageSize=50')).json().items as Array<{
      name: string;
      kind: string;
      parentName: string | null;
    }>;
    const byName = new Map(list.map((o) => [o.name, o]));
    expect(byName.get('安吉县人社局')).toMatchObject({ kind: 'department', parentName: '安吉县人民政府' });
    expect(byName.get('安吉县就业服务中心')).toMatchObject({ kind: 'other', parentName: '安吉县人社局' });
    expect(byName.get('巾帼共富工坊')).toMatchObject({ kind: 'workshop', parentName: '安吉县人社局' });
    expect(byName.get('安吉竹业有限公司')?.kind).toBe('enterprise');
  });
  it('imports its own export without a duplicate: rows match by credit code, else by name in the region; unchanged ones are skipped, changed ones updated', async () => {
    const count = async () =>
      Number(
        (
          await env()
            .services.db.selectFrom('organisations')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const exported = (await get('/api/orgs/export.xlsx')).rawPayload;
    const before = await count();
    const again = await importFile(exported, 'valid');
    expect(again).toMatchObject({
      status: 'succeeded',
      result: { total: 5, imported: 0, updated: 0, skipped: 5, failed: 0, hasErrorReport: false },
    });
    expect(await count()).toBe(before);

    // edited in the spreadsheet: an address changed, an organisation added
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported as never);
    const ws = wb.getWorksheet('组织机构');
    if (!ws) throw new Error('no sheet');
    ws.eachRow((row) => {
      if (row.getCell(1).value === '安吉县就业服务中心') row.getCell(7).value = '递铺街道新址 8 号';
    });
    ws.addRow(['安吉县新登记中心', '其他', null, '330523', '安吉县', '安吉县人社局', null]);
    const edited = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const done = await importFile(edited, 'all');
    expect(done).toMatchObject({
      status: 'succeeded',
      result: { total: 6, imported: 1, updated: 1, skipped: 4, failed: 0 },
    });
    expect(await count()).toBe(before + 1);
    const list = (await get('/api/orgs?regionCode=330523&pageSize=50')).json().items as Array<{
      name: string;
      address: string | null;
      parentName: string | null;
    }>;
    expect(list.filter((o) => o.name === '安吉县就业服务中心')).toEqual([
      expect.objectContaining({ address: '递铺街道新址 8 号', parentName: '安吉县人社局' }),
    ]);
    expect(list.find((o) => o.name === '安吉县新登记中心')?.parentName).toBe('安吉县人社局');
    const audit = await env()
      .services.db.selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'org.import')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    expect(audit?.after).toMatchObject({
      mode: 'all',
      total: 6,
      imported: 1,
      updated: 1,
      skipped: 4,
      failed: 0,
    });

    // the same organisation twice in a file (no credit code, same region) is a problem, not two records
    const twice = await importFile(
      await xlsxOf([
        HEADER,
        ['重名单位', '其他', '330523', '', '', ''],
        ['重名单位', '其他', '330523', '', '', ''],
      ]),
      'all',
    );
    expect(twice).toMatchObject({ status: 'failed', result: { failed: 1 } });
    const report = (await sheetsOf((await get(`/api/jobs/${twice.id}/errors.xlsx`)).rawPayload)).get(
      '组织机构',
    );
    expect(report?.[1]?.[6]).toContain('第 3 行：名称：与第 2 行是同一地区的同名组织');
  });
});
