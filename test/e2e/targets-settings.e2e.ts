import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, openBrowser, poll, screenshot } from './browser';

/**
 * The plan settings of the target assessment, on a NEW 2035 draft plan with a unique title (no other
 * test uses 2035): the office creates the plan, gives it one task indicator assigned to 常乐镇 (through
 * the API, in the page), then in the browser
 * - tries grade floors A ≥ 92, B ≥ 95 → the API answers 400 and the error shows next to the bands;
 * - fixes B to 80 and moves the deadline from the 5th to the 8th of the next month → saved;
 * - moves 常乐镇 from the townships' peer group to the parks';
 * - reloads: the grade floor, the deadline rule, the January deadline (2035-02-08) and the peer group
 *   are what was saved;
 * then publishes the plan and changes the publicity window with a reason: the change shows in the
 * settings' change log, and a peer-group change asks for a reason too.
 */


let browser: Awaited<ReturnType<typeof openBrowser>>;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => browser.close());

/** The <input> of a test id that is on the input itself or on a wrapper. */
const inputOf = (locator: Locator) => locator.locator('xpath=self::input | .//input').first();
const noToasts = (page: Page) => poll(() => page.locator('.ant-message-notice').count()).toBe(0);
const openTab = (page: Page, name: RegExp) => page.getByRole('tab', { name }).click();

async function pickOption(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option });
  await poll(() => options.count()).toBeGreaterThan(0);
  await options.first().click();
}

/** One task indicator led by the office, assigned to 常乐镇 — set up through the API as the logged-in office. */
async function addIndicatorAndUnit(page: Page, planId: string): Promise<void> {
  const status = await page.evaluate(async (id) => {
    const csrf = decodeURIComponent(/(?:^|; )qc_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '');
    const headers = { 'content-type': 'application/json', 'x-csrf-token': csrf };
    const units = (await (await fetch('/api/v1/org-units/options')).json()) as Array<{ id: string; code: string }>;
    const office = units.find((u) => u.code === 'office-quality');
    const town = units.find((u) => u.code === 'town-changle');
    if (!office || !town) return 'org units missing';
    const definition = {
      type: 'task', code: 'S1', name: '质量提升行动', unitOfMeasure: '项', leadOrgUnitId: office.id,
      evidence: { description: '工作总结', fileKinds: ['document', 'pdf', 'image'], maxFiles: 0 }, dataSource: { kind: 'reported' }, weight: '100', partialPercent: '50',
    };
    const indicator = await fetch(`/api/v1/targets/plans/${id}/indicators`, { method: 'POST', headers, body: JSON.stringify({ definition }) });
    if (indicator.status !== 201) return `indicator ${indicator.status} ${await indicator.text()}`;
    const { id: indicatorId } = (await indicator.json()) as { id: string };
    const assignment = await fetch(`/api/v1/targets/plans/${id}/assignments`, { method: 'POST', headers, body: JSON.stringify({ indicatorId, orgUnitId: town.id }) });
    return assignment.status === 201 ? 'ok' : `assignment ${assignment.status} ${await assignment.text()}`;
  }, planId);
  expect(status).toBe('ok');
}

describe('target plan settings: grades, deadlines and peer groups', () => {
  const title = `设置测试考核计划 ${Date.now()}`;
  let planUrl = '';

  it('office edits a draft plan’s grade floor, deadline rule and a unit’s peer group; a bad value shows its field error; all persists', async () => {
    const { page, baseUrl, context } = browser;
    await context.clearCookies();
    await login(page, baseUrl, 'office');
    await page.goto(`${baseUrl}/targets`);
    await page.getByTestId('plan-create-button').click();
    await page.getByTestId('plan-create-form').getByLabel('年度').fill('2035');
    await page.getByTestId('plan-create-title').fill(title);
    await page.getByTestId('plan-create-submit').click();
    await page.waitForURL(/\/targets\/plans\/[0-9a-f-]{36}$/);
    planUrl = page.url();
    const planId = new URL(planUrl).pathname.split('/').pop() as string;
    await poll(() => page.getByTestId('plan-title').innerText()).toBe(title);
    await addIndicatorAndUnit(page, planId);
    await page.reload();

    // Settings: the defaults are shown; A ≥ 92 with B ≥ 95 is refused by the API, next to the bands.
    await openTab(page, /计划设置/);
    await poll(() => page.getByTestId('settings-reporting-summary').innerText()).toContain('按月报送，次月5日前，截止前3天、1天提醒');
    expect(await page.getByTestId('settings-grades-summary').innerText()).toBe('A ≥ 90，B ≥ 80，C ≥ 60，其余 D');
    const floors = page.getByTestId('settings-band-min');
    await inputOf(floors.nth(0)).fill('92');
    await inputOf(floors.nth(1)).fill('95');
    await inputOf(page.getByTestId('settings-deadline-value')).fill('8');
    await poll(() => page.getByTestId('settings-pending').innerText()).toContain('报送周期与提醒');
    await poll(() => page.getByTestId('plan-settings').innerText()).toContain('将按新规则重新生成全年报送期');
    await page.getByTestId('settings-save').click();
    await poll(() => page.getByTestId('settings-bands').innerText()).toContain('等次下限须从高到低严格递减');
    await noToasts(page);
    await screenshot(page, 'targets-settings-1-field-error');
    await inputOf(floors.nth(1)).fill('80');
    await page.getByTestId('settings-save').click();
    await poll(() => page.getByTestId('settings-grades-summary').innerText()).toBe('A ≥ 92，B ≥ 80，C ≥ 60，其余 D');
    expect(await page.getByTestId('settings-bands').innerText()).not.toContain('等次下限');

    // Peer group: 常乐镇 moves from 镇（街道） to 园区 (a draft saves at once).
    await openTab(page, /被考核单位/);
    const group = page.getByTestId('unit-peer-group');
    await poll(() => group.innerText()).toContain('镇（街道）');
    await pickOption(page, group, '园区');
    await poll(() => page.getByText('改列园区组排名').count()).toBeGreaterThan(0);

    // After a reload everything is as saved.
    await page.reload();
    await openTab(page, /计划设置/);
    await poll(() => inputOf(page.getByTestId('settings-band-min').nth(0)).inputValue()).toBe('92');
    expect(await inputOf(page.getByTestId('settings-deadline-value')).inputValue()).toBe('8');
    expect(await page.getByTestId('settings-reporting-summary').innerText()).toContain('次月8日前');
    await noToasts(page);
    await screenshot(page, 'targets-settings-2-saved');
    await openTab(page, /报送期/);
    await poll(() => page.getByTestId('period-deadline').first().innerText()).toBe('2035-02-08');
    expect(await page.getByTestId('period-state').first().innerText()).toBe('未开始');
    await screenshot(page, 'targets-settings-3-periods');
    await openTab(page, /被考核单位/);
    await poll(() => page.getByTestId('unit-peer-group').innerText()).toContain('园区');
  });

  it('after publishing, a settings change needs a reason and shows in the change log; so does a peer-group change', async () => {
    const { page } = browser;
    await page.goto(planUrl);
    await page.getByTestId('plan-publish').click();
    await page.getByTestId('plan-publish-ok').click();
    await poll(() => page.getByTestId('plan-status').innerText()).toBe('已发布');

    await openTab(page, /计划设置/);
    await inputOf(page.getByTestId('settings-publicity-days')).fill('10');
    await page.getByTestId('settings-save').click();
    await poll(() => page.getByTestId('plan-settings').innerText()).toContain('计划已发布，须填写变更原因');
    await page.getByTestId('settings-reason').fill('按市政府要求公示期延长至10天');
    await page.getByTestId('settings-save').click();
    const entry = page.getByTestId('settings-change').first();
    await poll(() => entry.count()).toBe(1);
    expect(await entry.innerText()).toContain('修改计划配置（公示天数）');
    expect(await entry.innerText()).toContain('按市政府要求公示期延长至10天');
    expect(await inputOf(page.getByTestId('settings-publicity-days')).inputValue()).toBe('10');

    // One period's deadline moves (with a reason); a date before the period's end is refused next to the field.
    await openTab(page, /报送期/);
    await poll(() => page.getByTestId('period-edit').count()).toBe(12);
    await page.getByTestId('period-edit').first().click();
    const deadlineForm = page.getByTestId('deadline-form');
    await poll(() => deadlineForm.isVisible()).toBe(true);
    // Typing a date and pressing Enter picks it and submits the form (its only one-line input).
    const submitDeadline = async (day: string) => {
      const input = deadlineForm.getByLabel('报送截止日');
      await input.click();
      await input.fill(day);
      await input.press('Enter');
    };
    await page.getByTestId('deadline-reason').fill('春节假期顺延');
    await submitDeadline('2035-01-20');
    await poll(() => deadlineForm.innerText()).toContain('截止日不能早于报送期结束日');
    await poll(() => page.getByTestId('deadline-submit').getAttribute('class')).not.toContain('ant-btn-loading');
    await poll(() => deadlineForm.innerText()).toContain('截止日不能早于报送期结束日');
    await noToasts(page);
    await screenshot(page, 'targets-settings-4a-deadline-error');
    await submitDeadline('2035-02-12');
    await poll(() => deadlineForm.count()).toBe(0);
    await poll(() => page.getByTestId('period-deadline').first().innerText()).toBe('2035-02-12');

    await openTab(page, /被考核单位/);
    await pickOption(page, page.getByTestId('unit-peer-group'), '镇（街道）');
    await poll(() => page.getByTestId('peer-group-form').isVisible()).toBe(true);
    await page.getByTestId('peer-group-reason').fill('常乐镇仍按镇（街道）组排名');
    await page.getByTestId('peer-group-submit').click();
    await poll(() => page.getByTestId('unit-peer-group').innerText()).toContain('镇（街道）');
    await openTab(page, /变更记录/);
    await poll(() => page.getByTestId('plan-changes').innerText()).toContain('常乐镇仍按镇（街道）组排名');
    expect(await page.getByTestId('plan-changes').innerText()).toContain('2035年1月报送截止日 2035-02-08 → 2035-02-12');
    await openTab(page, /计划设置/);
    await noToasts(page);
    await screenshot(page, 'targets-settings-4-published-log');
  });

  it('shows the reporting rate of each started period of the demo plan', async () => {
    const { page, baseUrl } = browser;
    await page.goto(`${baseUrl}/targets`);
    const demo = page.getByTestId('plan-link').filter({ hasText: '年度质量强市工作目标任务' }).first();
    await poll(() => demo.count()).toBe(1);
    await demo.click();
    await page.waitForURL(/\/targets\/plans\/[0-9a-f-]{36}$/);
    await openTab(page, /报送期/);
    await poll(() => page.getByTestId('period-rate').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('period-rate').first().innerText()).toMatch(/\d+\.\d{2}%\s*（\d+\/\d+）/);
    await screenshot(page, 'targets-settings-5-demo-periods');
  });
});
