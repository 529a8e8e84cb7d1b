import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAt, openBrowser, poll, screenshot } from './browser';

/**
 * The special-equipment registry in the browser. As `bureau`: the list filtered to 超期未检 is not
 * empty and shows only overdue devices; the map view draws them. Then bureau registers its own crane
 * (unique name, commissioned years ago, registered today → 逾期登记 and 超期未检 at once), records an
 * inspection 合格 and sees the due status and next due date change, records maintenance, stops and
 * restarts the device (both in the timeline), and gets the clear reload message when the device
 * changed under an open modal (409); the rule configuration and calendar pages render. As `town1`:
 * the list shows only 常乐镇 devices.
 */

const shanghaiDay = (offsetDays = 0) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + offsetDays * 86_400_000));

let browser: Awaited<ReturnType<typeof openBrowser>>;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser.close();
});

const loginAs = (username: string, url: string) => loginAt(browser, username, url);

const rows = (page: Page) => page.getByTestId('equipment-table').locator('tbody tr.ant-table-row');
const visibleOptions = (page: Page) => page.locator('.ant-select-dropdown:visible .ant-select-item-option');

async function chooseOption(page: Page, select: Locator, text: string, search?: string): Promise<void> {
  await select.click();
  if (search) await select.locator('input').fill(search);
  const options = visibleOptions(page).filter({ hasText: text });
  await poll(() => options.count()).toBeGreaterThan(0);
  await options.first().click();
}

/** Types a date into an antd DatePicker (the test id may sit on the input or on its wrapper). */
async function fillDate(page: Page, testId: string, date: string): Promise<void> {
  const target = page.getByTestId(testId);
  const input = (await target.evaluate((n) => n.tagName)) === 'INPUT' ? target : target.locator('input');
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

const text = (page: Page, testId: string) => page.getByTestId(testId).first().innerText();

describe('special-equipment registry in the browser', () => {
  const name = `浏览器测试起重机 ${Date.now()}`;

  it('bureau filters the list to 超期未检 and sees only overdue devices, then the map', async () => {
    const page = await loginAs('bureau', '/safety/equipment');
    await poll(() => rows(page).count()).toBeGreaterThan(0);
    await poll(() => page.getByTestId('equipment-summary-overdue').isVisible()).toBe(true);

    await chooseOption(page, page.getByTestId('equipment-filter-due'), '超期未检');
    await page.waitForURL(/dueStatus=overdue/);
    await poll(async () => {
      const due = await page.getByTestId('equipment-table').getByTestId('device-due-status').allInnerTexts();
      return due.length > 0 && due.every((d) => d === '超期未检');
    }).toBe(true);
    await screenshot(page, 'equipment-1-list-overdue');

    await page.getByTestId('equipment-view').getByText('地图').click();
    await page.waitForURL(/view=map/);
    await poll(() => page.getByTestId('equipment-map').getAttribute('data-map-state')).toBe('ready');
    await poll(async () => Number(await page.getByTestId('equipment-map').getAttribute('data-feature-count'))).toBeGreaterThan(0);
    expect(await page.getByTestId('equipment-map-limit').innerText()).toContain('2000');
    await screenshot(page, 'equipment-2-map');
  });

  it('bureau registers a crane commissioned years ago: late registration, overdue at once', async () => {
    const page = browser.page;
    await page.goto(`${browser.baseUrl}/safety/equipment`);
    await page.getByTestId('equipment-new').click();
    await page.waitForURL(/\/safety\/equipment\/new$/);

    await page.getByTestId('device-form-classification').click();
    for (const level of ['起重机械', '桥式起重机', '电动单梁起重机']) {
      await page.locator('.ant-cascader-menu-item').filter({ hasText: level }).first().click();
    }
    await poll(() => page.getByTestId('device-form-classification').innerText()).toContain('电动单梁起重机');
    await page.getByTestId('device-form-name').fill(name);
    await fillDate(page, 'device-form-commissioningDate', '2021-03-01');
    await chooseOption(page, page.getByTestId('device-form-using-unit'), '常乐兴旺贸易有限公司', '常乐兴旺');
    // The territory follows the using unit's.
    await poll(() => page.getByTestId('device-form-territory').innerText()).toContain('常乐镇');
    await page.getByTestId('device-form-address').fill('常乐镇工业园区 9 号厂房');
    await page.getByTestId('device-form-mode').getByText('同时办理使用登记').click();
    await fillDate(page, 'device-form-registered-on', shanghaiDay(-1));
    await page.getByTestId('device-form-cert-no').fill(`起E2E苏F${String(Date.now()).slice(-5)}(26)`);
    await poll(() => page.getByTestId('device-form-late').isVisible()).toBe(true);
    await screenshot(page, 'equipment-register-form');
    await page.getByTestId('device-form-submit').click();

    const confirm = page.locator('.ant-modal-confirm');
    await poll(() => confirm.isVisible()).toBe(true);
    expect(await confirm.innerText()).toContain('逾期登记');
    await confirm.locator('.ant-btn-primary').click();
    await page.waitForURL(/\/safety\/equipment\/[0-9a-f-]{36}$/);
    await poll(() => text(page, 'device-status')).toBe('在用');
    expect(await text(page, 'device-title')).toContain(name);
    expect(await text(page, 'device-due-status')).toBe('超期未检');
    expect(await text(page, 'device-next-due')).toBe('2023-03-01');
    expect(await page.getByTestId('device-late-registration').isVisible()).toBe(true);
  });

  it('an inspection 合格 moves the next due date and the due status; maintenance is recorded', async () => {
    const page = browser.page;
    await page.getByTestId('device-record-inspection').click();
    await poll(() => page.getByTestId('inspection-form').isVisible()).toBe(true);
    await page.getByTestId('inspection-org').fill('江海特种设备检验检测中心');
    await page.getByTestId('inspection-report-no').fill(`JY-E2E-${Date.now()}`);
    // A failing conclusion explains that the device must stop; then choose 合格.
    await page.getByTestId('inspection-conclusion-fail').click();
    await poll(() => page.getByTestId('inspection-must-stop').isVisible()).toBe(true);
    await page.getByTestId('inspection-conclusion-pass').click();
    await poll(() => page.getByTestId('inspection-must-stop').count()).toBe(0);
    await page.getByTestId('inspection-submit').click();
    await poll(() => text(page, 'device-due-status')).toBe('正常');
    const nextDue = await text(page, 'device-next-due');
    expect(nextDue > shanghaiDay(365)).toBe(true);
    await page.getByTestId('device-tabs').getByRole('tab', { name: '检验记录' }).click();
    await poll(() => page.getByTestId('inspection-conclusion').allInnerTexts()).toEqual(['合格']);

    await page.getByTestId('device-record-maintenance').click();
    await poll(() => page.getByTestId('maintenance-form').isVisible()).toBe(true);
    await page.getByTestId('maintenance-worker-name').first().fill('周师傅');
    await page.getByTestId('maintenance-submit').click();
    await poll(() => page.getByTestId('maintenance-form').count()).toBe(0);
    await page.getByTestId('device-tabs').getByRole('tab', { name: '维保记录' }).click();
    await poll(() => page.getByTestId('device-maintenance').locator('tbody tr.ant-table-row').count()).toBe(1);
    expect(await page.getByTestId('device-maintenance').innerText()).toContain('周师傅');
  });

  it('stop and restart change the status and both show in the timeline; a stale modal reloads with a clear message', async () => {
    const page = browser.page;
    await page.getByTestId('device-action-stop').click();
    await poll(() => page.getByTestId('registration-form-stop').isVisible()).toBe(true);
    await page.getByTestId('registration-reason').fill('停产检修，设备封存');
    await page.getByTestId('registration-submit').click();
    await poll(() => text(page, 'device-status')).toBe('停用');
    expect(await text(page, 'device-due-status')).toContain('豁免');

    await page.getByTestId('device-action-restart').click();
    await poll(() => page.getByTestId('registration-form-restart').isVisible()).toBe(true);
    await page.getByTestId('registration-submit').click();
    await poll(() => text(page, 'device-status')).toBe('在用');
    await poll(() => text(page, 'device-due-status')).toBe('正常');

    await page.getByTestId('device-tabs').getByRole('tab', { name: '时间轴' }).click();
    const timeline = page.getByTestId('device-timeline');
    await poll(() => timeline.locator('[data-testid="device-timeline-item"][data-action="stop"]').count()).toBe(1);
    await poll(() => timeline.locator('[data-testid="device-timeline-item"][data-action="restart"]').count()).toBe(1);
    expect(await timeline.locator('[data-action="stop"]').innerText()).toContain('在用 → 停用');
    expect(await timeline.locator('[data-action="restart"]').innerText()).toContain('停用 → 在用');
    await screenshot(page, 'equipment-3-detail-timeline');

    // Someone else edits the device while the stop modal is open: the submit answers 409 and the page says so.
    await page.getByTestId('device-action-stop').click();
    await poll(() => page.getByTestId('registration-form-stop').isVisible()).toBe(true);
    const id = new URL(page.url()).pathname.split('/').pop() as string;
    const status = await page.evaluate(async (deviceId) => {
      const csrf = decodeURIComponent(/(?:^|; )qc_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '');
      const current = (await (await fetch(`/api/v1/equipment/${deviceId}`)).json()) as { version: number };
      const res = await fetch(`/api/v1/equipment/${deviceId}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ version: current.version, internalNo: 'QZ-09' }),
      });
      return res.status;
    }, id);
    expect(status).toBe(200);
    await page.getByTestId('registration-reason').fill('再次停用');
    await page.getByTestId('registration-submit').click();
    await poll(() => page.locator('.ant-message').innerText()).toContain('已被他人修改');
    await poll(() => page.getByTestId('registration-form-stop').count()).toBe(0);
    expect(await text(page, 'device-status')).toBe('在用');

    await page.getByTestId('device-tabs').getByRole('tab', { name: '基本信息' }).click();
    await poll(() => page.getByTestId('device-info').innerText()).toContain('QZ-09');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'equipment-4-detail-info');
  });

  it('上报隐患 on the device opens the report form with the device, its use unit and territory filled in', async () => {
    const page = browser.page;
    await page.getByTestId('device-tabs').getByRole('tab', { name: '时间轴' }).click();
    await page.getByTestId('device-report-hazard').click();
    await page.waitForURL(/\/safety\/hazards\/new\?equipmentId=[0-9a-f-]{36}$/);
    await poll(() => page.getByTestId('hazard-report-equipment').innerText()).toContain(name);
    expect(await page.getByTestId('hazard-report-enterprise').innerText()).toContain('常乐兴旺贸易有限公司');
    expect(await page.getByTestId('hazard-report-org').innerText()).toContain('常乐镇');
    await screenshot(page, 'equipment-5-report-hazard');
  });

  it('bureau sees the inspection rules (unverified periods marked) and the working-day calendar', async () => {
    const page = browser.page;
    await page.goto(`${browser.baseUrl}/safety/equipment/rules`);
    await poll(() => page.getByTestId('rules-table').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(5);
    expect(await page.getByTestId('rules-table').innerText()).toContain('周期为配置值，未经核实');
    expect(await page.getByTestId('rules-settings').innerText()).toContain('临期窗口');
    await screenshot(page, 'equipment-rules');
    await page.goto(`${browser.baseUrl}/safety/calendar`);
    await poll(async () => (await page.locator('.ant-table-row').count()) > 0).toBe(true);
    expect(await page.locator('main, body').first().innerText()).toContain('法定节假日');
    await screenshot(page, 'equipment-calendar');
  });

  it('town1 sees only devices of 常乐镇 (and its villages)', async () => {
    const page = await loginAs('town1', '/safety/equipment?pageSize=100');
    await poll(() => rows(page).count()).toBeGreaterThan(0);
    await poll(async () => {
      const cells = await page.getByTestId('equipment-table').getByTestId('device-territory').allInnerTexts();
      return cells.length > 0 && cells.every((c) => c.startsWith('常乐镇'));
    }).toBe(true);
    await screenshot(page, 'equipment-5-town1-list');
  });
});
