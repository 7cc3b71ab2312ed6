import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solidPng } from '../server/src/platform/files/png.ts';
import { openSite, type Site, settled, signIn } from './harness.ts';

/** Today (and days from today) in China, as the server and the pages count days. */
const chinaDate = (offsetDays = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );

/** Types a date into the antd date field labelled `label` and picks it in the open calendar (Enter would submit). */
async function pickDate(page: Page, scope: Locator, label: string, date: string): Promise<void> {
  const input = scope.getByLabel(label);
  await input.click();
  await input.fill(date);
  await page.locator(`.ant-picker-dropdown:visible td[title="${date}"]`).click();
  await expect.poll(() => input.inputValue()).toBe(date);
}

/** Whether a marker line of the Gantt chart shows: right of the task columns, left of the chart's edge. */
async function inView(chart: Locator, line: Locator): Promise<boolean> {
  const TASK_COLUMNS = 380; // layout.ts LEFT_W
  const [v, e] = await Promise.all([chart.boundingBox(), line.boundingBox()]);
  return !!v && !!e && e.x >= v.x + TASK_COLUMNS && e.x + e.width <= v.x + v.width;
}

/** Opens the antd select labelled `label` (inside `scope`), optionally types, and picks an option. */
async function choose(
  page: Page,
  scope: Locator | Page,
  label: string,
  option: string | RegExp,
  search?: string,
): Promise<void> {
  const box = scope.getByLabel(label, { exact: true });
  await box.click();
  if (search) await box.fill(search);
  const open = page.locator('.ant-select-dropdown:visible');
  const item = open.locator('.ant-select-item-option', { hasText: option }).first();
  // a click during the dropdown's opening animation can be lost on a loaded machine: wait for
  // it to settle, and click again while it is still open
  await settled(open.first());
  await item.waitFor();
  await expect
    .poll(
      async () => {
        if ((await open.count()) > 0) await item.click({ timeout: 5_000 }).catch(() => {});
        return open.count();
      },
      { timeout: 30_000, interval: 1_000 },
    )
    .toBe(0);
}

describe('renewal journey in Chromium', () => {
  let site: Site;
  const project = `E2E 城市更新测试项目 ${Date.now().toString(36)}`;
  const tasks = [
    { name: '基础施工', duration: '10' },
    { name: '主体结构施工', duration: '20' },
    { name: '装饰装修', duration: '15' },
    { name: '室外配套', duration: '5' },
  ];

  beforeAll(async () => {
    site = await openSite();
    await signIn(site, 'anji');
    await site.page.getByRole('navigation', { name: '主菜单' }).waitFor();
  });
  afterAll(async () => {
    await site?.close();
  });

  it('registers a project from the project list', async () => {
    const { page } = site;
    const nav = page.getByRole('navigation', { name: '主菜单' });
    await nav.getByText('城市有机更新', { exact: true }).click();
    await nav.getByRole('link', { name: '项目台账', exact: true }).click();
    await page.getByRole('table', { name: '城市更新项目列表' }).waitFor();
    await site.screenshot('renewal-01-projects');

    await page.getByRole('button', { name: '登记项目' }).click();
    const drawer = page.getByRole('dialog', { name: '登记项目' });
    await drawer.waitFor();
    // a name already registered in the county: a warning on leaving the field, not a refusal
    const name = drawer.getByLabel('项目名称', { exact: true });
    await name.fill('安吉县城市有机更新新财政局地块住有宜居项目');
    await name.press('Tab');
    const duplicate = drawer.getByText(/^已有同名项目：安吉县城市有机更新新财政局地块住有宜居项目/);
    await duplicate.waitFor();
    await site.screenshot('renewal-02a-duplicate-name');
    await name.fill(project);
    await name.press('Tab');
    await duplicate.waitFor({ state: 'hidden' });
    await choose(page, drawer, '项目类型', '住有宜居');
    await choose(page, drawer, '业主单位', '安吉县住房和城乡建设局', '住房和城乡建设局');
    await choose(page, drawer, '施工单位', '浙江两山建设集团', '两山建设');
    await choose(page, drawer, '第三方巡查单位', '安信', '安信');
    await drawer.getByLabel('总投资（元）').fill('12,500,000.50');
    await expect.poll(() => drawer.getByText('¥12,500,000.50').count()).toBeGreaterThan(0);
    await pickDate(page, drawer, '节点工期（承诺完工日）', chinaDate(120));
    await site.screenshot('renewal-02-project-form');
    await page.getByRole('button', { name: '保存' }).click();
    await drawer.waitFor({ state: 'hidden' });
    // the first save lands on the new project's page
    await page.getByRole('heading', { level: 1, name: project }).waitFor();
    expect(page.url()).toMatch(/\/renewal\/projects\/[0-9a-f-]{36}$/);
    // no tasks yet: not scheduled (not "on time"), and the days are calendar days
    const figures = page.getByRole('region', { name: '项目看板' });
    await figures.getByText('未排期', { exact: true }).waitFor();
    expect(await figures.getByText('按期', { exact: true }).count()).toBe(0);
    expect(await figures.textContent()).toMatch(/剩余工期 \d+ 天/);
    expect(await figures.textContent()).not.toContain('工作日');
    await site.screenshot('renewal-02b-new-project-page');
  });

  it('adds tasks and links on the tasks tab', async () => {
    const { page } = site;
    await page.getByRole('tab', { name: '任务' }).click();
    const taskTable = page.getByRole('table', { name: '任务清单' });
    await taskTable.waitFor();
    for (const t of tasks) {
      await page.getByRole('button', { name: '新增任务' }).click();
      const dialog = await settled(page.getByRole('dialog', { name: '新增任务' }));
      await dialog.getByLabel('任务名称', { exact: true }).fill(t.name);
      await dialog.getByLabel('工期（天）').fill(t.duration);
      const [saved] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/tasks') && r.request().method() === 'POST'),
        dialog.getByRole('button', { name: '保存' }).click(),
      ]);
      expect(saved.status(), await saved.text()).toBe(201);
      await dialog.waitFor({ state: 'hidden' });
      await taskTable.getByRole('cell', { name: t.name, exact: true }).waitFor();
    }
    const linkTable = page.getByRole('table', { name: '任务关联列表' });
    for (const [from, to] of [
      [tasks[0]!.name, tasks[1]!.name],
      [tasks[1]!.name, tasks[2]!.name],
    ] as const) {
      await page.getByRole('button', { name: '新增关联' }).click();
      const dialog = await settled(page.getByRole('dialog', { name: '新增关联' }));
      await choose(page, dialog, '前置任务', from);
      await choose(page, dialog, '后续任务', to);
      await dialog.getByRole('button', { name: '保存' }).click();
      await dialog.waitFor({ state: 'hidden' });
    }
    await expect.poll(() => linkTable.getByRole('row').count()).toBe(3); // header + 2 links
    await site.screenshot('renewal-03-tasks-and-links');

    // a link back from the last task to the first would close a cycle: refused, naming the tasks
    await page.getByRole('button', { name: '新增关联' }).click();
    const dialog = page.getByRole('dialog', { name: '新增关联' });
    await choose(page, dialog, '前置任务', tasks[2]!.name);
    await choose(page, dialog, '后续任务', tasks[0]!.name);
    await dialog.getByRole('button', { name: '保存' }).click();
    const alert = dialog.getByRole('alert').filter({ hasText: '循环' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain(tasks[0]!.name);
    await site.screenshot('renewal-04-link-cycle-refused');
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('reads the Gantt chart: plan and latest bars with float, red only without float, today and the deadline', async () => {
    const { page } = site;
    await page.getByRole('tab', { name: '甘特图' }).click();
    const chart = page.getByRole('figure', { name: /^甘特图/ });
    await chart.waitFor();
    for (const t of tasks) await chart.getByText(t.name, { exact: true }).waitFor();
    // the longest chain 基础施工 → 主体结构施工 → 装饰装修 takes 45 days of the 120: 75 days of
    // float, so nothing is critical and no bar is red; every task shows its latest window and float
    const critical = page.locator('p', { hasText: '关键路径：' });
    await expect
      .poll(() => critical.textContent())
      .toMatch(/关键路径：无（每项任务至少还有 \d+ 天的总时差）/);
    expect(await chart.locator('.rn-bar-critical').count()).toBe(0);
    expect(await chart.locator('.rn-bar-plan').count()).toBe(4);
    expect(await chart.locator('.rn-bar-late').count()).toBe(4);
    expect(await chart.locator('.rn-float').count()).toBe(4);
    // countdowns in the project's days (a calendar-day project)
    expect(await chart.getByText(/^还剩 \d+ 天$/).count()).toBe(4);
    expect(await chart.getByText('今天', { exact: true }).count()).toBe(1);
    expect(await chart.getByText('节点工期', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('list', { name: '图例' }).getByRole('listitem').count()).toBeGreaterThan(6);
    await site.screenshot('renewal-05-gantt');

    // the deadline, 120 days out, is one click away in either time scale
    const deadlineLine = chart.locator('.rn-line-deadline');
    for (const scale of ['按日', '按周']) {
      await page.getByText(scale, { exact: true }).click();
      await page.getByRole('button', { name: '回到今天' }).click();
      await expect.poll(() => inView(chart, chart.locator('.rn-line-today'))).toBe(true);
      await page.getByRole('button', { name: '跳到节点工期' }).click();
      await expect.poll(() => inView(chart, deadlineLine)).toBe(true);
    }
    await site.screenshot('renewal-05a-gantt-deadline');
    await page.getByText('按日', { exact: true }).click();

    // with the deadline moved to the planned finish, the chain has no float left: red
    await page.getByRole('button', { name: '编辑', exact: true }).click();
    const drawer = page.getByRole('dialog', { name: '编辑项目' });
    await drawer.waitFor();
    await pickDate(page, drawer, '节点工期（承诺完工日）', chinaDate(44));
    await drawer.getByRole('button', { name: '保存' }).click();
    await drawer.waitFor({ state: 'hidden' });
    await expect
      .poll(() => critical.textContent())
      .toContain(`${tasks[0]!.name} → ${tasks[1]!.name} → ${tasks[2]!.name}`);
    await expect.poll(() => chart.locator('.rn-bar-critical').count()).toBe(3);
    expect(await chart.locator('.rn-bar-plan').count()).toBe(1); // 室外配套 keeps its float
    expect(await chart.locator('.rn-float').count()).toBe(1);
    await site.screenshot('renewal-05b-gantt-critical');

    // the table alternative lists every task with its dates
    await page.getByText('表格', { exact: true }).click();
    const table = page.getByRole('table', { name: '任务工期表' });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBe(tasks.length + 1);
    await site.screenshot('renewal-06-gantt-table');
  });

  it("files today's daily report with progress and a problem", async () => {
    const { page } = site;
    await page.getByRole('button', { name: '填报今日日报' }).click();
    await page.getByRole('heading', { level: 1, name: '填报工程日报' }).waitFor();
    await page.getByLabel('在场工人（人）').fill('36');
    await page.getByRole('button', { name: '添加机械' }).click();
    const machine = page.getByRole('group', { name: '机械第 1 行' });
    await machine.getByLabel('机械名称').fill('挖掘机');
    await machine.getByLabel('台数').fill('2');
    await page.getByRole('button', { name: '添加任务进度' }).click();
    const row = page.getByRole('group', { name: '进度第 1 行' });
    await choose(page, row, '任务', tasks[0]!.name);
    await row.getByLabel('完成百分比').fill('20');
    await page.getByRole('button', { name: '添加问题' }).click();
    const problem = page.getByRole('group', { name: '问题第 1 条' });
    await problem.getByLabel('问题描述').fill('基坑东侧积水，需增设排水泵');
    // a real photo: uploaded when picked, previewed through its signed link, attached on submit
    await page.getByRole('button', { name: '添加照片' }).click();
    const photo = page.getByRole('group', { name: '照片第 1 张' });
    await photo.locator('input[type=file]').setInputFiles({
      name: '基坑积水.png',
      mimeType: 'image/png',
      buffer: solidPng(64, 48, [60, 120, 200]),
    });
    await photo.locator('.ant-upload-list-item-done').waitFor();
    await photo.getByLabel('照片说明').fill('基坑东侧积水情况');
    await site.screenshot('renewal-07-daily-report-form');
    await page.getByRole('button', { name: '提交日报' }).click();

    const reports = page.getByRole('table', { name: '工程日报列表' });
    await reports.waitFor();
    await reports.getByRole('button', { name: `查看 ${chinaDate()} 的日报` }).waitFor();
    // the progress column says what it counts: progress was given on one task (not "进度 1")
    const filed = reports
      .getByRole('row')
      .filter({ has: page.getByRole('button', { name: `查看 ${chinaDate()} 的日报` }) });
    await filed.getByRole('cell', { name: '1 项任务', exact: true }).waitFor();
    await site.screenshot('renewal-08-daily-reports');
    // the report shows the photo's thumbnail, loaded through its signed link
    await reports.getByRole('button', { name: `查看 ${chinaDate()} 的日报` }).click();
    const thumb = page.getByRole('list', { name: '照片' }).getByRole('img', { name: '基坑东侧积水情况' });
    await thumb.waitFor();
    expect(await thumb.getAttribute('src')).toMatch(/^\/api\/files\/[0-9a-f-]{36}\/content\?exp=\d+&sig=/);
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
    await site.screenshot('renewal-08b-daily-report-photo');
    await page.keyboard.press('Escape');
    await thumb.waitFor({ state: 'hidden' });
  });

  it('opens an inspection finding and takes it through reply, re-inspection and closure', async () => {
    const { page } = site;
    await page.getByRole('tab', { name: '巡查' }).click();
    await page.getByRole('button', { name: '记录巡查' }).click();
    const drawer = page.getByRole('dialog', { name: '记录巡查' });
    await drawer.waitFor();
    await drawer.getByLabel('巡查人员').fill('陆晓峰、钱海涛');
    const finding = drawer.getByRole('group', { name: '隐患第 1 条' });
    await choose(page, finding, '隐患类别', '临时用电');
    await choose(page, finding, '严重程度', /^较大/);
    await finding.getByLabel('部位').fill('2号楼北侧二级配电箱');
    await finding.getByLabel('隐患描述').fill('配电箱未做重复接地，箱门无锁');
    await finding.getByLabel('照片说明').fill('配电箱全景\n接地端子特写');
    await site.screenshot('renewal-09-inspection-form');
    await page.getByRole('button', { name: '保存' }).click();

    // the visit page shows the finding with the deadline the server set from the severity
    await page.getByRole('heading', { level: 1, name: `安全巡查 · ${chinaDate()}` }).waitFor();
    const findings = page.getByRole('table', { name: '本次巡查发现的隐患' });
    const row = findings.getByRole('row').filter({ hasText: '配电箱未做重复接地' });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/\d{4}-\d{2}-\d{2}.*\d{4}-\d{2}-\d{2}/);
    await site.screenshot('renewal-10-inspection-findings');

    await row.getByRole('button', { name: /^处理/ }).click();
    const detail = page.getByRole('dialog', { name: '安全隐患 #1' });
    await detail.waitFor();
    const status = detail.getByRole('row').filter({ hasText: '状态' });

    await detail.getByRole('button', { name: '整改回复' }).click();
    await detail.getByLabel('整改情况').fill('已重做重复接地，箱门加锁，责任人签字');
    await detail.getByLabel('佐证照片说明').fill('整改后配电箱');
    await detail.locator('input[type=file]').setInputFiles({
      name: '整改后配电箱.png',
      mimeType: 'image/png',
      buffer: solidPng(32, 32, [40, 160, 80]),
    });
    await detail.locator('.ant-upload-list-item-done').waitFor();
    await detail.getByRole('button', { name: '提交整改回复' }).click();
    await detail.getByRole('button', { name: '复查' }).waitFor();
    // the reply's evidence is in the history
    await detail.getByRole('list', { name: '佐证' }).getByRole('img', { name: '整改后配电箱.png' }).waitFor();
    await site.screenshot('renewal-11-finding-replied');

    await detail.getByRole('button', { name: '复查' }).click();
    await detail.getByLabel('合格', { exact: true }).check();
    await detail.getByLabel('复查意见').fill('复查合格，接地电阻符合要求');
    await detail.getByRole('button', { name: '提交复查' }).click();
    await detail.getByRole('button', { name: '销号' }).waitFor();
    await site.screenshot('renewal-12-finding-passed');

    await detail.getByRole('button', { name: '销号' }).click();
    await detail.getByLabel('销号说明').fill('同意销号');
    await detail.getByRole('button', { name: '提交销号' }).click();
    await expect.poll(() => status.textContent()).toContain('已销号');
    expect(await detail.getByRole('button', { name: /整改回复|复查|销号/ }).count()).toBe(0);
    await site.screenshot('renewal-13-finding-closed');
  });

  it('imports more tasks from the Excel template on the tasks tab', async () => {
    const { page } = site;
    await page.goto(`${site.url}/renewal/projects`);
    await page.getByRole('link', { name: project }).click();
    await page.getByRole('tab', { name: '任务' }).click();
    const taskTable = page.getByRole('table', { name: '任务清单' });
    await taskTable.waitFor();
    await page.getByRole('button', { name: '导入任务' }).click();
    const dialog = page.getByRole('dialog', { name: '从 Excel 导入任务清单' });
    await dialog.waitFor();
    // fill the project's own template: two tasks, the second after the first
    const href = await dialog.getByRole('link', { name: '下载导入模板' }).getAttribute('href');
    const template = await page.request.get(new URL(href!, site.url).toString());
    expect(template.status()).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await template.body()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? ''));
    const col = (label: string) => headers.findIndex((h) => h.startsWith(label)) + 1;
    const rows = [
      { wbs: 'Z1', name: '竣工验收准备', duration: 3, predecessors: '' },
      { wbs: 'Z2', name: '竣工验收', duration: 2, predecessors: 'Z1' },
    ];
    rows.forEach((r, i) => {
      const line = ws.getRow(i + 2);
      line.getCell(col('WBS编码')).value = r.wbs;
      line.getCell(col('任务名称')).value = r.name;
      line.getCell(col('工期')).value = r.duration;
      if (r.predecessors) line.getCell(col('前置任务')).value = r.predecessors;
      line.commit();
    });
    const file = join(site.downloadsDir, 'tasks-import.xlsx');
    await wb.xlsx.writeFile(file);
    await dialog.getByLabel('Excel 文件（.xlsx）').setInputFiles(file);
    await dialog.getByRole('button', { name: '开始导入' }).click();
    await taskTable.getByRole('cell', { name: '竣工验收', exact: true }).waitFor({ timeout: 30_000 });
    await taskTable.getByRole('cell', { name: '竣工验收准备', exact: true }).waitFor();
    await site.screenshot('renewal-14-tasks-imported');
  });
});
