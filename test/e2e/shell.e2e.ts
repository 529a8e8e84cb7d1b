import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, openBrowser, screenshot } from './browser';

/** Each demo user logs in through the browser and sees the menu their role allows. */
const allModules = ['组织与权限', '企业库', '目标考核', '名牌战略', '标准化战略', '安全监管', '环境质量', '服务质量', '活动·大屏·年报'];
const expectedMenus: Record<string, { modules: string[]; orgPages: string[] }> = {
  admin: { modules: allModules, orgPages: ['组织机构', '用户管理', '审计日志'] },
  office: { modules: allModules, orgPages: ['组织机构', '用户管理', '审计日志'] },
  bureau: { modules: allModules, orgPages: ['组织机构', '用户管理'] },
  town1: { modules: allModules, orgPages: ['组织机构', '用户管理'] },
  town2: { modules: allModules, orgPages: ['组织机构', '用户管理'] },
  sci: { modules: allModules, orgPages: ['组织机构', '用户管理'] },
  ent1: { modules: ['企业库', '名牌战略', '标准化战略', '安全监管'], orgPages: [] },
};

let browser: Awaited<ReturnType<typeof openBrowser>>;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => browser.close());

describe('web shell', () => {
  for (const [username, expected] of Object.entries(expectedMenus)) {
    it(`shows ${username} the modules of the role`, async () => {
      const { page, baseUrl, context } = browser;
      await context.clearCookies();
      await login(page, baseUrl, username);
      const menu = page.getByTestId('main-menu');
      const topLevel = await menu.locator(':scope > li').allInnerTexts();
      expect(topLevel.map((t) => t.trim()).filter(Boolean)).toEqual(['工作台', ...expected.modules]);
      if (expected.orgPages.length > 0) {
        await menu.getByText('组织与权限').click();
        const items = await menu.locator('ul li').allInnerTexts();
        expect(items.map((t) => t.trim())).toEqual(expected.orgPages);
      }
      await screenshot(page, `menu-${username}`);
    });
  }

  it('shows an honest under-construction page for a module that is not built, and switches to English', async () => {
    const { page, baseUrl, context } = browser;
    await context.clearCookies();
    await login(page, baseUrl, 'office');
    await page.goto(`${baseUrl}/service-quality`);
    await expect.poll(() => page.getByTestId('under-construction').isVisible()).toBe(true);
    expect(await page.getByTestId('under-construction').innerText()).toContain('建设中');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('under-construction').innerText()).toContain('Under construction');
    await page.getByTestId('lang-switch').click();
  });

  it('sends a logged-out visitor to the login page and back to the page they wanted', async () => {
    const { page, baseUrl, context } = browser;
    await context.clearCookies();
    await page.goto(`${baseUrl}/admin/audit-log`);
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('Demo#2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(/\/admin\/audit-log/);
  });

  it('refuses a wrong password with a clear message', async () => {
    const { page, baseUrl, context } = browser;
    await context.clearCookies();
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('用户名').fill('office');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect.poll(() => page.getByTestId('login-error').innerText()).toContain('用户名或密码错误');
  });
});
