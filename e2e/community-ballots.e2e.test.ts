import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solidPng } from '../server/src/platform/files/png.ts';
import { openSite, type Site, settled, signIn } from './harness.ts';

/**
 * 问计于民 in Chromium: staff of Anji record a new plan version for 竹贤山庄二期, put it to an
 * owners' ballot and open it; three owners vote on their phones through their one-time links
 * (a used link then says so); a paper ballot is entered with its scan; the ballot is closed and
 * its result published with the figures.
 */

/** Confirms an antd confirmation dialog titled `title`. */
async function confirm(page: Page, title: string): Promise<void> {
  const dialog = await settled(page.locator('.ant-modal-confirm', { hasText: title }));
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('community ballots journey in Chromium', () => {
  let site: Site;
  let communityId = '';
  const links: string[] = [];

  beforeAll(async () => {
    site = await openSite();
    await signIn(site, 'anji');
    await site.page.getByRole('navigation', { name: '主菜单' }).waitFor();
    const res = await site.page.request.get(`${site.url}/api/renewal/communities?q=竹贤山庄二期`);
    const body = (await res.json()) as { items: Array<{ id: string; name: string }> };
    communityId = body.items.find((c) => c.name === '竹贤山庄二期')!.id;
  });
  afterAll(async () => {
    await site?.close();
  });

  it('shows the demo: v2 adopted after a published ballot', async () => {
    const { page } = site;
    await page.goto(`${site.url}/renewal/communities/${communityId}?tab=ballots`);
    await page.getByRole('tab', { name: '改造方案' }).click();
    await page.getByText('竹贤山庄二期老旧小区改造方案（修改稿）').waitFor();
    await page.getByRole('tab', { name: '业主表决' }).click();
    await page.getByRole('table', { name: '业主表决' }).getByText('已公布').waitFor();
    await site.screenshot('ballots-01-demo');
  });

  it('records a new plan version and opens a ballot on it', async () => {
    const { page } = site;
    await page.getByRole('tab', { name: '改造方案' }).click();
    await page.getByRole('button', { name: '新建方案版本' }).click();
    const drawer = await settled(page.getByRole('dialog', { name: '新建方案版本' }));
    await drawer.getByLabel('方案名称').fill('竹贤山庄二期增补方案（加装电梯）');
    await drawer.getByLabel('改造项目 1').fill('加装电梯');
    await drawer.getByLabel('工程量/说明').fill('3 幢 2 单元、5 幢 1 单元，共 2 部');
    await drawer.getByLabel('估算造价（元）').fill('1,200,000');
    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/plans') && r.request().method() === 'POST'),
      drawer.getByRole('button', { name: '保存' }).click(),
    ]);
    expect(saved.status(), await saved.text()).toBe(201);
    await page.getByText('竹贤山庄二期增补方案（加装电梯）').waitFor();

    await page.getByRole('tab', { name: '业主表决' }).click();
    await page.getByRole('button', { name: '发起表决' }).click();
    const dialog = await settled(page.getByRole('dialog', { name: '发起表决' }));
    await dialog.getByText('第 3 版 竹贤山庄二期增补方案（加装电梯）').waitFor();
    await dialog.getByText('重大事项（改建、重建等）').waitFor();
    const [created] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/ballots') && r.request().method() === 'POST'),
      dialog.getByRole('button', { name: '保存' }).click(),
    ]);
    expect(created.status(), await created.text()).toBe(201);
    const panel = page.getByTestId('ballot-panel');
    await panel.getByTestId('ballot-status').filter({ hasText: '未开始' }).waitFor();
    await panel.getByRole('button', { name: '开始表决' }).click();
    await confirm(page, '开始表决');
    await panel.getByTestId('ballot-status').filter({ hasText: '表决中' }).waitFor();
    await panel.getByTestId('ballot-tracker').waitFor();
    await panel.getByRole('button', { name: '表决链接/二维码' }).click();
    const sheet = await settled(page.getByRole('dialog', { name: '表决链接/二维码' }));
    const codes = sheet.locator('.link-sheet-card code');
    await codes.first().waitFor();
    for (let i = 0; i < 3; i++) links.push((await codes.nth(i).textContent()) ?? '');
    expect(links.every((l) => l.includes('/r/b/'))).toBe(true);
    await site.screenshot('ballots-02-link-sheet');
    await sheet.getByRole('button', { name: /Close|关闭/ }).click();
    await sheet.waitFor({ state: 'hidden' });
  });

  it('lets three owners vote on their phones, once each', async () => {
    const choices = ['同意', '同意', '不同意'];
    expect(links).toHaveLength(3);
    for (const [i, link] of links.entries()) {
      const phone = await site.context.newPage();
      await phone.setViewportSize({ width: 390, height: 844 });
      await phone.goto(link);
      await phone.getByTestId('ballot-question').waitFor();
      await phone.getByText('加装电梯').first().waitFor();
      await phone.getByRole('button', { name: choices[i]!, exact: true }).click();
      await phone.getByRole('heading', { name: '请确认您的选择' }).waitFor();
      await phone.getByRole('button', { name: '确认提交' }).click();
      await phone.getByTestId('ballot-receipt').waitFor();
      expect(await phone.getByTestId('ballot-receipt').textContent()).toContain('回执编号');
      if (i === 0) {
        await phone.screenshot({ path: `${process.cwd()}/e2e/output/ballots-03-phone-receipt.png` });
        await phone.goto(link);
        await phone.getByText('已经使用过').waitFor();
      }
      await phone.close();
    }
  });

  it('enters a paper ballot with its scan, closes the ballot and publishes the result', async () => {
    const { page } = site;
    const panel = page.getByTestId('ballot-panel');
    await panel.getByRole('button', { name: '录入纸质票/委托票' }).click();
    const dialog = await settled(page.getByRole('dialog', { name: '录入纸质票/委托票' }));
    const owner = dialog.getByLabel('业主', { exact: true });
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
    const picked = dialog.locator('.ant-select-content-has-value');
    // on a loaded machine a click can land while the options are still being replaced: pick
    // again until the field shows an owner
    for (let attempt = 1; ; attempt++) {
      await owner.click();
      await option.waitFor();
      await option.click();
      const shown = await picked
        .first()
        .waitFor({ timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      if (shown) break;
      if (attempt === 3) throw new Error('业主 shows no owner after three picks');
    }
    await dialog.getByRole('radio', { name: '同意', exact: true }).check();
    await dialog.locator('input[type=file]').setInputFiles({
      name: '纸质表决票.png',
      mimeType: 'image/png',
      buffer: solidPng(60, 80, [240, 240, 232]),
    });
    await dialog
      .locator('.ant-upload-list-item-done, .ant-upload-list-item:not(.ant-upload-list-item-uploading)')
      .first()
      .waitFor();
    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/votes') && r.request().method() === 'POST'),
      dialog.getByRole('button', { name: '保存' }).click(),
    ]);
    expect(saved.status(), await saved.text()).toBe(201);
    await expect
      .poll(async () => (await panel.getByTestId('ballot-tracker').textContent()) ?? '', { timeout: 15_000 })
      .toContain('纸质票 1');
    expect(await panel.getByTestId('ballot-tracker').textContent()).toContain('线上 3');

    await panel.getByRole('button', { name: '截止表决' }).click();
    await confirm(page, '截止表决');
    await panel.getByTestId('ballot-status').filter({ hasText: '已截止' }).waitFor();
    await panel.getByRole('button', { name: '公布结果' }).click();
    await confirm(page, '公布结果');
    await panel.getByTestId('ballot-status').filter({ hasText: '已公布' }).waitFor();
    // the links were withdrawn on closing, yet the tracker still counts the three used (the online votes)
    await expect
      .poll(async () => (await panel.getByTestId('ballot-tracker').textContent()) ?? '')
      .toMatch(/线上 3.*已使用 3/);
    const result = panel.getByTestId('ballot-result');
    await result.getByText('已公布，数据已冻结').waitFor();
    // 4 of the community's owners took part: far below 2/3, so no quorum — and the card says so
    await result.getByTestId('ballot-outcome').filter({ hasText: '表决无效' }).waitFor();
    const participating = result.getByRole('row', { name: /参与表决/ });
    expect(await participating.textContent()).toMatch(/参与表决\s*4/);
    await site.screenshot('ballots-04-result');
  });
});
