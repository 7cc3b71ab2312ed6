import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { buildApp, migrate } from '../server/src/app.ts';
import { DEMO_PASSWORD } from '../server/src/demo/demo-accounts.ts';
import { modules } from '../server/src/modules/index.ts';
import { openDemoCopy } from '../server/src/test/demo-snapshot.ts';
import { describeFindings, findSecretsInLog } from '../server/src/test/log-secrets.ts';

export const OUTPUT_DIR = fileURLToPath(new URL('./output/', import.meta.url));
const WEB_DIST = fileURLToPath(new URL('../web/dist/index.html', import.meta.url));

/** Debian's Chromium; no test tool downloads a browser of its own. */
const CHROMIUM = process.env.GONGFU_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Site {
  url: string;
  context: BrowserContext;
  page: Page;
  downloadsDir: string;
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real server (embedded PGlite with a copy of the demo data seeded once by the global
 * set-up, the built web app) on a free local port, and a real Chromium driving it. One per
 * journey file.
 */
export async function openSite(): Promise<Site> {
  if (!existsSync(WEB_DIST))
    throw new Error('web/dist is missing: run `npm run build -w web` (npm test does)');
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium fonts-wqy-microhei`);
  const { database, config } = await openDemoCopy(inject('demoSnapshot'));
  await migrate(database, modules);
  // The server's request log goes to a file that is checked for personal data and secrets at the end.
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const logPath = join(OUTPUT_DIR, `server-${basename(mkdtempSync(join(tmpdir(), 'log-')))}.log`);
  const log = createWriteStream(logPath);
  const { app } = await buildApp({ config, database, modules, logger: log });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server did not bind a port');
  const url = `http://127.0.0.1:${address.port}`;
  const profile = mkdtempSync(join(tmpdir(), 'gongfu-chromium-'));
  const downloadsDir = mkdtempSync(join(tmpdir(), 'gongfu-downloads-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    acceptDownloads: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 860 },
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    url,
    context,
    page,
    downloadsDir,
    screenshot: async (name) => {
      await page.screenshot({ path: join(OUTPUT_DIR, `${name}.png`), fullPage: true });
    },
    close: async () => {
      await context.close();
      await app.close();
      await database.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(downloadsDir, { recursive: true, force: true });
      await new Promise<void>((resolve) => log.end(resolve));
      const findings = findSecretsInLog(readFileSync(logPath, 'utf8'), [DEMO_PASSWORD]);
      if (findings.length > 0)
        throw new Error(`the server log holds secrets:\n${describeFindings(findings)}`);
    },
  };
}

/** Signs in through the login page as a demo account. */
export async function signIn(site: Site, username: string, password = DEMO_PASSWORD): Promise<void> {
  const { page } = site;
  await page.goto(`${site.url}/login`);
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.getByRole('button', { name: /登\s*录|Sign in/ }).click();
}

/** Waits until an antd dialog or drawer has finished its opening animation (clicks during it can be lost). */
export async function settled(dialog: Locator): Promise<Locator> {
  await dialog.waitFor();
  await expect.poll(() => dialog.getAttribute('class'), { timeout: 15_000 }).not.toMatch(/-appear|-enter/);
  return dialog;
}
