import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type Site, settled, signIn } from './harness.ts';

/**
 * The kit in Chromium (web/src/kit): a renewal list keeps its filter and page in the URL, so a
 * reload, the back button and a shared link show the same rows; the form drawer does not save
 * on Enter, asks before throwing away what was typed, and shows the server's refusal under the
 * field it names.
 */

/** Today (and days from today) in China, as the server counts days. */
const chinaDate = (offsetDays = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

/** Polls until the value matches (a page load, a fetch): longer than expect.poll's one second. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

/** Opens the antd select labelled `label` (inside `scope`) and picks an option. */
async function choose(page: Page, scope: Locator, label: string, option: string | RegExp): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click();
  const open = page.locator('.ant-select-dropdown:visible');
  const item = open.locator('.ant-select-item-option', { hasText: option }).first();
  await settled(open.first());
  await item.waitFor();
  // a click during the dropdown's opening animation can be lost on a loaded machine: click again while open
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

/** Types a date into the antd date field labelled `label` and picks it in the open calendar. */
async function pickDate(page: Page, scope: Locator, label: string, date: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await page.locator(`.ant-picker-dropdown:visible td[title="${date}"]`).click();
  await poll(() => input.inputValue()).toBe(date);
}

describe('kit journeys in Chromium', () => {
  let site: Site;

  beforeAll(async () => {
    site = await openSite();
    await signIn(site, 'anji');
    await site.page.getByRole('navigation', { name: '主菜单' }).waitFor();
  });
  afterAll(async () => {
    await site?.close();
  });

  it('keeps a renewal list’s filter and page in the URL across a reload and the back button', async () => {
    const { page } = site;
    // the demo's 84 communities of Anji, most of them 已完工: more than one page
    const expected = await page.request.get(
      `${site.url}/api/renewal/communities?status=completed&pageSize=1`,
    );
    const total = ((await expected.json()) as { total: number }).total;
    expect(total).toBeGreaterThan(20);

    await page.goto(`${site.url}/renewal/communities`);
    const table = page.getByRole('table', { name: '老旧小区列表' });
    const rows = table.locator('tbody tr.ant-table-row');
    const names = () => rows.locator('td:first-child').allTextContents();
    await rows.first().waitFor();
    const filters = page.getByRole('search', { name: '筛选条件' });
    await choose(page, filters, '改造状态', '已完工');
    await filters.getByRole('button', { name: '查询' }).click();
    await poll(() => param(page, 'status')).toBe('completed');
    await page.getByText(`共 ${total} 条`).waitFor();
    const firstPage = await names();

    await page.locator('.ant-pagination-item-2').click();
    await poll(() => param(page, 'page')).toBe('2');
    await poll(names).not.toEqual(firstPage);
    const secondPage = await names();
    expect(secondPage.length).toBeGreaterThan(0);
    await site.screenshot('kit-01-list-page-2');

    // a reload (or the link, shared) shows the same filter, page and rows
    await page.reload();
    await poll(names).toEqual(secondPage);
    expect(param(page, 'status')).toBe('completed');
    expect(param(page, 'page')).toBe('2');
    await poll(() => filters.locator('.ant-form-item', { hasText: '改造状态' }).textContent()).toContain(
      '已完工',
    );
    expect(await page.locator('.ant-pagination-item-active').textContent()).toBe('2');
    await page.getByText(`共 ${total} 条`).waitFor();
    await site.screenshot('kit-02-list-reloaded');

    // the back button returns to the first page of the same filter, forward to the second
    await page.goBack();
    await poll(names).toEqual(firstPage);
    expect(param(page, 'page')).toBeNull();
    expect(param(page, 'status')).toBe('completed');
    await page.goForward();
    await poll(names).toEqual(secondPage);

    // a new filter starts again at page 1; defaults (page 1, 20 a page) are not written
    const name = secondPage[0]!;
    await filters.getByLabel('关键词').fill(name);
    await filters.getByRole('button', { name: '查询' }).click();
    await poll(() => param(page, 'q')).toBe(name);
    expect(param(page, 'page')).toBeNull();
    expect(param(page, 'pageSize')).toBeNull();
    await poll(names).toContain(name);

    // a detail page's back link returns to the list as it was left
    await table.getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByRole('link', { name: '返回列表' }).click();
    await poll(() => param(page, 'q')).toBe(name);
    expect(param(page, 'status')).toBe('completed');
    await poll(names).toContain(name);
  });

  it('does not save a drawer on Enter and asks before discarding what was typed', async () => {
    const { page } = site;
    let posted = 0;
    const count = (r: { url(): string; method(): string }) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/renewal/meetings') posted++;
    };
    page.on('request', count);
    await page.goto(`${site.url}/renewal/meetings`);
    await page.getByRole('button', { name: '记录例会' }).click();
    const drawer = await settled(page.getByRole('dialog', { name: '记录例会' }));
    const title = drawer.getByLabel('会议名称', { exact: true });
    await title.fill('E2E 未保存的例会');
    await title.press('Enter');
    // not submitted: no "required" message for the projects left empty, nothing sent
    await page.keyboard.press('Escape');
    const confirm = await settled(page.locator('.ant-modal-confirm', { hasText: '放弃未保存的修改？' }));
    expect(await drawer.getByText('请填写涉及项目').count()).toBe(0);
    await site.screenshot('kit-03-discard-confirm');
    await confirm.getByRole('button', { name: '继续编辑' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(await title.inputValue()).toBe('E2E 未保存的例会');

    await drawer.getByRole('button', { name: '取消' }).click();
    const again = await settled(page.locator('.ant-modal-confirm', { hasText: '放弃未保存的修改？' }));
    await again.getByRole('button', { name: '放弃修改' }).click();
    await drawer.waitFor({ state: 'hidden' });
    page.off('request', count);
    expect(posted).toBe(0);

    // untouched, the drawer closes without asking
    await page.getByRole('button', { name: '记录例会' }).click();
    const fresh = await settled(page.getByRole('dialog', { name: '记录例会' }));
    expect(await fresh.getByLabel('会议名称', { exact: true }).inputValue()).toBe('');
    await fresh.getByRole('button', { name: '取消' }).click();
    await fresh.waitFor({ state: 'hidden' });
    expect(await page.locator('.ant-modal-confirm').count()).toBe(0);
  });

  it('shows the server’s refusal under the field it names', async () => {
    const { page } = site;
    await page.goto(`${site.url}/renewal/night-work`);
    await page.getByRole('button', { name: '申请夜间施工' }).click();
    const drawer = await settled(page.getByRole('dialog', { name: '申请夜间施工' }));
    await choose(page, drawer, '项目名称', /新财政局地块/);
    // the last night before the first: only the server checks it, and names the field
    await pickDate(page, drawer, '末晚', chinaDate(-1));
    await drawer.getByLabel('施工原因').fill('E2E 混凝土连续浇筑');
    await drawer.getByLabel('降噪措施').fill('E2E 低噪声振捣棒，围挡加装隔声屏');
    const [refused] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/renewal/night-work'),
      drawer.getByRole('button', { name: '提交申请' }).click(),
    ]);
    expect(refused.status()).toBeGreaterThanOrEqual(400);
    expect(((await refused.json()) as { field?: string }).field).toBe('lastNight');
    const lastNight = drawer
      .locator('.ant-form-item')
      .filter({ has: page.getByLabel('末晚', { exact: true }) });
    await lastNight.locator('.ant-form-item-explain-error').filter({ hasText: '不能早于' }).waitFor();
    expect(await drawer.getByLabel('末晚', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    // not as a general alert above the form, and the drawer stays open with what was typed
    expect(await drawer.locator('.gf-error-alert').count()).toBe(0);
    expect(await drawer.getByLabel('施工原因').inputValue()).toBe('E2E 混凝土连续浇筑');
    await site.screenshot('kit-04-field-error');
  });
});
