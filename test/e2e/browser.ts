import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { repoRoot } from '../support/processes';

/** Debian's Chromium driven by playwright-core (stack.md §3), one fresh profile per context. */
export async function openBrowser(options: { mobile?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; baseUrl: string; close(): Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    locale: 'zh-CN',
    viewport: options.mobile ? { width: 390, height: 844 } : { width: 1366, height: 860 },
    ...(options.mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
    acceptDownloads: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context.setDefaultTimeout(60_000); // shared 2-core machines are slow under load; assertions poll anyway
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    baseUrl: inject('baseUrl'),
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function login(page: Page, baseUrl: string, username: string, password = 'Demo#2026'): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await expect.poll(() => page.getByTestId('user-menu').isVisible()).toBe(true);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(repoRoot, 'test-results', 'e2e', `${name}.png`), fullPage: true });
}

/** Polls with a generous timeout: the shared test machine is slow under load (vitest's default is 1 s). */
export const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 30_000 });

/** Logs the browser's page in as `username` (cookies of the previous user cleared) and opens `url`. */
export async function loginAt(browser: { page: Page; baseUrl: string; context: BrowserContext }, username: string, url: string): Promise<Page> {
  const { page, baseUrl, context } = browser;
  await context.clearCookies();
  await login(page, baseUrl, username);
  await page.goto(`${baseUrl}${url}`);
  return page;
}
