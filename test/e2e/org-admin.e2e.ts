import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, openBrowser, screenshot } from './browser';

/** An administrator creates an org unit in the tree and finds that write in the audit log. */
let browser: Awaited<ReturnType<typeof openBrowser>>;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => browser.close());

describe('organisation admin journey', () => {
  it('creates a village under 常乐镇 and finds it in the audit log', async () => {
    const { page, baseUrl } = browser;
    await login(page, baseUrl, 'office');
    await page.goto(`${baseUrl}/admin/org-units`);
    await page.locator('[data-testid="org-tree-node"][data-org-code="town-changle"]').click();
    await page.getByTestId('org-create-button').click();
    await page.getByTestId('org-form-kind').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '村（社区）' }).click();
    await page.getByTestId('org-form-code').fill('village-changle-e2e');
    await page.getByTestId('org-form-name').fill('浏览器测试村');
    await page.getByTestId('org-form-submit').click();
    await expect.poll(() => page.locator('[data-testid="org-tree-node"][data-org-code="village-changle-e2e"]').count(), { timeout: 15_000 }).toBe(1);
    await screenshot(page, 'org-created');

    await page.goto(`${baseUrl}/admin/audit-log`);
    await page.getByTestId('audit-search').fill('浏览器测试村');
    await page.getByTestId('audit-search').press('Enter');
    const table = page.getByTestId('audit-table');
    const rows = table.locator('tr.ant-table-row');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(1);
    expect(await rows.first().innerText()).toContain('新建单位「浏览器测试村」');
    expect(await rows.first().innerText()).toContain('office');
    await screenshot(page, 'audit-log-found');
  });
});
