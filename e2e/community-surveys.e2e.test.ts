import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type Site, settled, signIn } from './harness.ts';

/**
 * 问需于民 in Chromium: staff of Anji create a needs survey for 竹贤山庄二期 from the template,
 * add a question of their own in the questionnaire builder and open the survey; a resident
 * answers on a phone through the unit's one-time link (a missing answer is named until it is
 * given; a used link then says so); the staff page counts the response.
 */

const TITLE = '竹贤山庄二期加装电梯意愿调查';
const QUESTION = '是否同意加装电梯';

describe('community surveys journey in Chromium', () => {
  let site: Site;
  let communityId = '';
  let link = '';

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

  it('creates a needs survey from the template and adds a question in the builder', async () => {
    const { page } = site;
    await page.goto(`${site.url}/renewal/communities/${communityId}?tab=surveys`);
    // the demo's published needs survey: each distinct comment once, with how many units wrote it
    const comments = page.getByRole('list', { name: '文字意见' });
    await comments.getByRole('listitem').first().waitFor();
    const said = await comments.getByRole('listitem').allTextContents();
    expect(new Set(said).size).toBe(said.length);
    expect(said.some((t) => /（\d+ 户）$/.test(t))).toBe(true);
    // the per-building table heads its columns with the questions, beside each building's name
    const byBuilding = page.getByRole('table', { name: '分楼栋' });
    await byBuilding.getByRole('columnheader', { name: /^1\. 您是否同意/ }).waitFor();
    await byBuilding.getByRole('cell', { name: '1幢', exact: true }).waitFor();
    const [created] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/surveys') && r.request().method() === 'POST'),
      page.getByRole('button', { name: '新建问需问卷（模板）' }).click(),
    ]);
    expect(created.status(), await created.text()).toBe(201);
    const questions = page.getByRole('list', { name: '题目' });
    await questions.getByText('（要不要改）').waitFor();

    await page.getByRole('button', { name: '编辑问题' }).click();
    const drawer = await settled(page.getByRole('dialog', { name: '编辑问题' }));
    // the template's three questions are there to adapt
    await drawer.getByRole('group', { name: '第 3 题' }).waitFor();
    expect(await drawer.getByRole('group', { name: /^第 \d+ 题$/ }).count()).toBe(3);
    await drawer.getByLabel('问卷标题').fill(TITLE);

    await drawer.getByRole('button', { name: '添加题目' }).click();
    const q4 = drawer.getByRole('group', { name: '第 4 题' });
    await q4.getByLabel('题目').fill(QUESTION);
    await q4.getByRole('radio', { name: '单选' }).check();
    // a choice with an empty option is not saved
    await q4.getByLabel('选项 1').fill('同意');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => q4.getByLabel('选项 2').getAttribute('aria-invalid')).toBe('true');
    await q4.getByLabel('选项 2').fill('不同意');
    // moved up one place, then back down: the order holds
    await drawer.getByRole('button', { name: '第 4 题上移' }).click();
    await expect
      .poll(() => drawer.getByRole('group', { name: '第 3 题' }).getByLabel('题目').inputValue())
      .toBe(QUESTION);
    await drawer.getByRole('button', { name: '第 3 题下移' }).click();
    await expect.poll(() => q4.getByLabel('题目').inputValue()).toBe(QUESTION);
    await site.screenshot('surveys-01-builder');

    const [saved] = await Promise.all([
      page.waitForResponse(
        (r) => /\/api\/renewal\/surveys\/[^/]+$/.test(r.url()) && r.request().method() === 'PATCH',
      ),
      drawer.getByRole('button', { name: /保\s*存/ }).click(),
    ]);
    expect(saved.status(), await saved.text()).toBe(200);
    await drawer.waitFor({ state: 'hidden' });
    const mine = questions.getByRole('listitem').filter({ hasText: QUESTION });
    await mine.waitFor();
    expect(await mine.textContent()).toContain('同意、不同意');
    expect(await questions.getByRole('listitem').count()).toBe(4);
    await page.getByText(`${TITLE}（草稿）`).waitFor();
  });

  it('opens the survey and reads a link from the link sheet', async () => {
    const { page } = site;
    await page.getByRole('button', { name: '发布并生成链接' }).click();
    await page.getByText(`${TITLE}（征集中）`).waitFor();
    // questions are fixed once open
    expect(await page.getByRole('button', { name: '编辑问题' }).count()).toBe(0);
    await page.getByRole('button', { name: '打印链接二维码' }).click();
    const sheet = await settled(page.getByRole('dialog', { name: '打印链接二维码' }));
    const code = sheet.locator('.link-sheet-card code').first();
    await code.waitFor();
    link = (await code.textContent()) ?? '';
    expect(link).toContain('/r/s/');
    // no GONGFU_PUBLIC_URL on this server: the links carry this browser's address, and staff are warned
    expect(link.startsWith(`${site.url}/r/s/`)).toBe(true);
    await sheet.getByRole('alert').filter({ hasText: 'GONGFU_PUBLIC_URL' }).waitFor();
    await sheet.getByRole('button', { name: /Close|关闭/ }).click();
    await sheet.waitFor({ state: 'hidden' });
  });

  it('lets a resident answer on a phone, once', async () => {
    expect(link).not.toBe('');
    const phone = await site.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(link);
    await phone.getByText(TITLE).first().waitFor();
    // the page names who runs the survey (from the data: the community's county, 安吉县)
    expect(await phone.getByRole('contentinfo').textContent()).toBe('安吉县住房和城乡建设局');
    await phone
      .getByRole('group', { name: /要不要改/ })
      .getByRole('radio', { name: '同意', exact: true })
      .check();
    await phone
      .getByRole('group', { name: /哪些要改/ })
      .getByRole('checkbox', { name: '加装电梯' })
      .check();
    // the builder's question is required: submitting without it names it
    await phone.getByRole('button', { name: '提交', exact: true }).click();
    expect(await phone.getByRole('alert').textContent()).toContain('请回答第 4 题');
    await phone
      .getByRole('group', { name: new RegExp(QUESTION) })
      .getByRole('radio', { name: '同意', exact: true })
      .check();
    // answered: the message goes at once, before any new submission
    await phone.getByRole('alert').waitFor({ state: 'detached' });
    await phone.getByRole('textbox').fill('希望加装电梯时保留绿化');
    await phone.getByRole('button', { name: '提交', exact: true }).click();
    await phone.getByText('感谢您的参与').waitFor();
    await phone.screenshot({ path: `${process.cwd()}/e2e/output/surveys-02-phone-thanks.png` });
    await phone.goto(link);
    await phone.getByText('已经使用过').waitFor();
    await phone.close();
  });

  it('counts the response on the staff page', async () => {
    const { page } = site;
    await page.reload();
    await page.getByRole('combobox', { name: '问需/问效' }).click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: TITLE });
    await option.click();
    await page.getByText(`${TITLE}（征集中）`).waitFor();
    const count = page.getByText(/^已答复 \d+\/\d+ 户/);
    await count.waitFor();
    expect(await count.textContent()).toMatch(/^已答复 1\/\d+ 户（线上 1，纸质 0）/);
    const mine = page.getByRole('region', { name: new RegExp(QUESTION) });
    await expect.poll(async () => (await mine.textContent()) ?? '').toContain('同意：1（100%）');
    await site.screenshot('surveys-03-results');
  });

  it('shows the overview: the address without its street again, and whether a project is linked', async () => {
    const { page } = site;
    await page.goto(`${site.url}/renewal/communities/${communityId}`);
    const overview = page.locator('.ant-descriptions');
    await overview.getByText('竹贤路 99 号', { exact: true }).waitFor();
    expect(await overview.getByText('递铺街道').count()).toBe(1);
    await overview.getByText('未关联工程项目').waitFor();
  });

  it('shows a satisfaction survey nobody has rated as —, not 0%', async () => {
    const { page } = site;
    await page.goto(`${site.url}/renewal/communities/${communityId}?tab=surveys`);
    const [created] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/surveys') && r.request().method() === 'POST'),
      page.getByRole('button', { name: '新建满意度调查（模板）' }).click(),
    ]);
    expect(created.status(), await created.text()).toBe(201);
    await page.getByText('满意率 —（还没有住户评分）').waitFor();
    expect(await page.getByText(/满意率 0%/).count()).toBe(0);
  });
});
