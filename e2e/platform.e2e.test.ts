import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCitizenId, demoMobile } from '../server/src/demo/demo-people.ts';
import { seededRandom } from '../server/src/demo/demo-random.ts';
import { openSite, type Site, signIn } from './harness.ts';

/** Reads every cell of the first worksheet of an .xlsx file as text rows. */
async function readRows(path: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0]!;
  const rows: string[][] = [];
  ws.eachRow((row) => {
    const values = (row.values as unknown[])
      .slice(1)
      .map((v) => (v === null || v === undefined ? '' : String(v)));
    rows.push(values);
  });
  return rows;
}

describe('platform journeys in Chromium', () => {
  let site: Site;
  const menuLink = (name: string) =>
    site.page.getByRole('navigation', { name: /主菜单|Main menu/ }).getByRole('link', { name, exact: true });
  beforeAll(async () => {
    site = await openSite();
  });
  afterAll(async () => {
    await site?.close();
  });

  it('signs in and shows the workbench with the demo label', async () => {
    const { page } = site;
    await page.goto(`${site.url}/login`);
    await expect.poll(() => page.getByText('演示模式').first().isVisible()).toBe(true);
    await site.screenshot('01-login');
    await signIn(site, 'anji');
    await menuLink('人员').waitFor();
    expect(await page.getByText('演示模式').first().isVisible()).toBe(true);
    await site.screenshot('02-workbench-home');
  });

  it('switches to English and back, antd included', async () => {
    const { page } = site;
    await page.getByRole('button', { name: 'English' }).click();
    await menuLink('People').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await menuLink('People').click();
    await page.getByRole('table', { name: /people/i }).waitFor();
    await site.screenshot('03-english-people');
    // a person's native place is named from the code in the citizen ID, not shown as digits
    await page
      .getByRole('table', { name: /people/i })
      .locator('tbody tr.ant-table-row button')
      .first()
      .click();
    const person = page.getByRole('dialog', { name: 'Person details' });
    const native = person
      .locator('th', { hasText: 'Native place' })
      .locator('xpath=following-sibling::td[1]');
    await expect.poll(() => native.textContent()).toMatch(/^\S+省 \/ /);
    await page.keyboard.press('Escape');
    await person.waitFor({ state: 'hidden' });
    // English labels are longer: the side menu is wider, and no label is cut off
    if (!(await menuLink('Missing daily reports').isVisible()))
      await page
        .getByRole('navigation', { name: 'Main menu' })
        .getByText('Urban renewal', { exact: true })
        .click();
    await menuLink('Missing daily reports').waitFor();
    const cut = await page
      .locator('.gf-sider .ant-menu-title-content')
      .evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
    expect(cut).toEqual([]);
    await page.getByRole('button', { name: '中文' }).click();
    await menuLink('人员').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  });

  it('exports the people list with IDs and mobiles masked in the file', async () => {
    const { page } = site;
    await page.goto(`${site.url}/people`);
    await page.getByRole('table', { name: '人员列表' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 Excel', exact: true }).click(),
    ]);
    const file = join(site.downloadsDir, 'people-export.xlsx');
    await download.saveAs(file);
    const rows = await readRows(file);
    const header = rows[0]!;
    const idCol = header.findIndex((h) => h.includes('身份证'));
    const mobileCol = header.findIndex((h) => h.includes('手机'));
    expect(idCol).toBeGreaterThanOrEqual(0);
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows.slice(1)) {
      expect(row[idCol]).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
      if (mobileCol >= 0 && row[mobileCol]) expect(row[mobileCol]).toMatch(/^1\d{2}\*{4}\d{4}$/);
    }
    await site.screenshot('04-people-export');
  });

  it('imports people from an .xlsx with two bad rows and offers the error report', async () => {
    const { page } = site;
    // Fill the downloadable template: three good rows and two bad ones.
    const template = await page.request.get(`${site.url}/api/people/import-template.xlsx`);
    expect(template.status()).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await template.body()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? ''));
    const col = (label: string) => headers.findIndex((h) => h.includes(label)) + 1;
    const r = seededRandom(7);
    const rows = [
      { name: '测试甲', id: demoCitizenId(r, '330523', true), mobile: demoMobile(r), region: '330523001' },
      { name: '测试乙', id: '330523199001011234', mobile: demoMobile(r), region: '330523001' },
      { name: '测试丙', id: demoCitizenId(r, '330523', false), mobile: demoMobile(r), region: '330523002' },
      { name: '测试丁', id: demoCitizenId(r, '330523', true), mobile: '12345', region: '330523001' },
      { name: '测试戊', id: demoCitizenId(r, '330523', false), mobile: demoMobile(r), region: '330523003' },
    ];
    rows.forEach((row, i) => {
      const line = ws.getRow(i + 2);
      line.getCell(col('姓名')).value = row.name;
      line.getCell(col('身份证')).value = row.id;
      line.getCell(col('手机')).value = row.mobile;
      line.getCell(col('居住地区划代码')).value = row.region;
      line.commit();
    });
    const upload = join(site.downloadsDir, 'people-import.xlsx');
    await wb.xlsx.writeFile(upload);

    await page.goto(`${site.url}/people`);
    await page.getByRole('button', { name: '导入', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '从 Excel 导入人员' });
    await dialog.waitFor();
    await dialog.getByLabel('Excel 文件（.xlsx）').setInputFiles(upload);
    await dialog.getByRole('button', { name: '开始导入' }).click();
    const reportLink = dialog.getByRole('link', { name: '下载错误报告' });
    await reportLink.waitFor({ timeout: 30_000 });
    await site.screenshot('05-people-import-errors');
    const [download] = await Promise.all([page.waitForEvent('download'), reportLink.click()]);
    const reportFile = join(site.downloadsDir, 'errors.xlsx');
    await download.saveAs(reportFile);
    const report = await readRows(reportFile);
    const problems = report[0]!.length - 1;
    expect(report.slice(1).map((row) => row[headers.findIndex((h) => h.includes('姓名'))])).toEqual([
      '测试乙',
      '测试丁',
    ]);
    expect(report[1]![problems]).toMatch(/身份证/);
    expect(report[2]![problems]).toMatch(/手机/);
    // all-or-nothing: none of the good rows was written either
    const list = await page.request.get(`${site.url}/api/people?q=测试`);
    expect((await list.json()).total).toBe(0);
  });

  it('locks an account after repeated wrong passwords and says so', async () => {
    const { page } = site;
    await page.context().clearCookies();
    for (let i = 0; i < 5; i++) {
      await signIn(site, 'zhuji', 'not-the-password-1');
      await page.getByRole('alert').first().waitFor();
    }
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/锁定/);
    await site.screenshot('06-lockout');
  });

  it('lets the auditor read the audit log and see the chain intact', async () => {
    const { page } = site;
    await page.context().clearCookies();
    await signIn(site, 'auditor');
    await menuLink('审计日志').click();
    const table = page.getByRole('table', { name: '审计日志列表' });
    await table.waitFor();
    // actions and record types in words; the code stays with the entry (on hover, in its details)
    const exported = table.locator('tbody tr').filter({ has: page.locator('[data-action="person.export"]') });
    await expect.poll(() => exported.count()).toBeGreaterThan(0);
    expect(await exported.first().getByText('导出人员', { exact: true }).count()).toBe(1);
    expect(await exported.first().getByText('人员', { exact: true }).count()).toBe(1);
    expect(await table.getByText('person.export').count()).toBe(0);
    const signedIn = table.locator('tbody tr').filter({ has: page.locator('[data-action="auth.login"]') });
    expect(await signedIn.first().getByText('登录', { exact: true }).count()).toBe(1);
    // a record is named: the account that signed in
    expect(
      await signedIn
        .first()
        .getByText(/（auditor）$/)
        .count(),
    ).toBe(1);
    await expect
      .poll(() =>
        page
          .getByText(/完整|intact/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await site.screenshot('07-audit-log');
  });

  it('opens every page of the auditor’s menu, the owners’ ballots read-only with the choices', async () => {
    const { page } = site;
    const nav = page.getByRole('navigation', { name: '主菜单' });
    const names = (await nav.getByRole('link').allTextContents()).filter((n) => n !== '首页');
    expect(names).toEqual(expect.arrayContaining(['问计表决', '审计日志']));
    for (const name of names) {
      await menuLink(name).click();
      // the page itself (titled as its menu entry), never "no access"
      await expect.poll(() => page.getByRole('heading', { level: 1 }).allTextContents()).toEqual([name]);
    }
    await menuLink('问计表决').click();
    const ballots = page.getByRole('table', { name: '业主表决' });
    await ballots.getByRole('button', { name: /^查看/ }).first().click();
    await page.getByTestId('ballot-panel').waitFor();
    const votes = page.getByRole('table', { name: '投票情况' });
    await votes.getByRole('columnheader', { name: '表决意见' }).waitFor();
    expect(
      await page.getByRole('button', { name: /开始表决|截止表决|公布结果|作废表决|录入纸质票/ }).count(),
    ).toBe(0);
    expect(await page.getByText('您的角色或数据范围无权查看此页面').count()).toBe(0);
    await site.screenshot('08-auditor-ballot');
  });
});
