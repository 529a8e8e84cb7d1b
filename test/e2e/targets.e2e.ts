import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAt, openBrowser, poll, screenshot } from './browser';

/**
 * Target assessment in the browser, on a NEW 2031 plan (the demo uses the current year) with a unique
 * title, so no other test is disturbed:
 * office creates the plan with one reported indicator E2E1 (count with range: 确保 20, 力争 30 家,
 * 标准分 100, proportional below the floor; lead department 科技局), assigns it to 常乐镇 and publishes
 * → town1 self-evaluates 25 家 with an evidence file and submits (town2 cannot see the plan or the item)
 * → 科技局 (sci) reviews and adjusts the value to 18 家 with a comment
 * → office computes scores, puts them up for publicity (started yesterday, 1 day, so the window is over)
 * and publishes → the ranking shows 常乐镇 with 90.00 and grade A.
 *
 * Expected score by hand (domain.md §4.3, count with range): a = 18 < L = 20, proportional ⇒
 * W·a/L = 100 × 18 / 20 = 90.00; no bonus, deduction or veto items ⇒ total 90.00; grade: 90 ≥ 90 ⇒ A
 * (国办 thresholds). Had the review not applied, the self-evaluated 25 ≥ L would score the full 100.
 * A progress report cannot be made on a 2031 plan today (its periods have not started), so the unit
 * reports through the year-end self-evaluation; the progress board is shown on the demo plan, where
 * the office urges the units behind.
 */


/** A small valid PNG (1×1) for the evidence upload. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64');

let browser: Awaited<ReturnType<typeof openBrowser>>;
let tmp: string;
beforeAll(async () => {
  browser = await openBrowser();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'targets-e2e-'));
});
afterAll(async () => {
  await browser.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const loginAs = (username: string, url: string) => loginAt(browser, username, url);

/** Opens an antd Select by test id, types to search, and clicks the option with the given text. */
async function choose(page: Page, testId: string, search: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByTestId(testId).locator('input').fill(search);
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await poll(() => options.filter({ hasText: option }).count()).toBeGreaterThan(0);
  await options.filter({ hasText: option }).first().click();
}

/** Waits until the toasts are gone, so screenshots show the page. */
const noToasts = (page: Page) => poll(() => page.locator('.ant-message-notice').count()).toBe(0);

const textOf = (page: Page, testId: string) => page.getByTestId(testId).first().innerText();
const shanghaiDay = (offsetDays: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + offsetDays * 86_400_000));

describe('target assessment: publish → report → review → ranking', () => {
  const title = `浏览器测试考核计划 ${Date.now()}`;
  let planId = '';
  let unitPath = '';

  it('office creates a 2031 plan with one reported indicator for 常乐镇 (lead 科技局) and publishes it', async () => {
    const page = await loginAs('office', '/targets');
    await page.getByTestId('plan-create-button').click();
    const form = page.getByTestId('plan-create-form');
    await form.getByLabel('年度').fill('2031');
    await page.getByTestId('plan-create-title').fill(title);
    await page.getByTestId('plan-create-submit').click();
    await page.waitForURL(/\/targets\/plans\/[0-9a-f-]{36}$/);
    planId = new URL(page.url()).pathname.split('/').pop() as string;
    await poll(() => textOf(page, 'plan-title')).toBe(title);
    expect(await textOf(page, 'plan-status')).toBe('草稿');

    await page.getByTestId('indicator-add').click();
    await poll(() => page.getByTestId('indicator-form').isVisible()).toBe(true);
    await page.getByTestId('indicator-code').fill('E2E1');
    await page.getByTestId('indicator-name').fill('新增高新技术企业');
    await page.getByTestId('indicator-unit').fill('家');
    await choose(page, 'indicator-lead', '科学技术', '海门市科学技术局');
    await page.getByTestId('indicator-weight').fill('100');
    await page.getByTestId('indicator-lower').fill('20');
    await page.getByTestId('indicator-upper').fill('30');
    // The rule in plain words comes from the API as soon as the definition is complete.
    await poll(() => textOf(page, 'indicator-preview')).toContain('确保新增高新技术企业20家、力争30家');
    await page.getByTestId('indicator-submit').click();
    await poll(() => page.getByTestId('indicator-form').count()).toBe(0);
    await poll(() => textOf(page, 'indicator-rule')).toContain('未达20家的');

    await page.getByRole('tab', { name: /目标分解/ }).click();
    await page.getByTestId('grid-add-unit').click();
    await choose(page, 'add-unit-org', '常乐', '常乐镇');
    await choose(page, 'add-unit-indicators', 'E2E1', 'E2E1 新增高新技术企业');
    await page.getByTestId('add-unit-submit').click();
    await poll(() => page.getByTestId('decomposition-grid').innerText()).toContain('常乐镇');
    expect(await textOf(page, 'grid-weight-total')).toBe('100');
    expect(await textOf(page, 'grid-cell')).toBe('20–30 · 100分');
    // Without its own target the unit inherits the city's, and the API says so; setting it clears the warning.
    await poll(() => textOf(page, 'grid-warnings')).toContain('未分解具体目标');
    await page.getByTestId('grid-cell').click();
    await poll(() => page.getByTestId('cell-form').isVisible()).toBe(true);
    await page.getByTestId('cell-lower').fill('20');
    await page.getByTestId('cell-upper').fill('30');
    await page.getByTestId('cell-submit').click();
    await poll(() => page.getByTestId('grid-warnings').count()).toBe(0);

    await page.getByTestId('plan-publish').click();
    await page.getByTestId('plan-publish-ok').click();
    await poll(() => textOf(page, 'plan-status')).toBe('已发布');
    await page.getByRole('tab', { name: /被考核单位/ }).click();
    await poll(() => page.getByTestId('unit-scorecard-link').count()).toBe(1);
    unitPath = new URL((await page.getByTestId('unit-scorecard-link').getAttribute('href')) as string, browser.baseUrl).pathname;
    await page.getByRole('tab', { name: /指标库/ }).click();
    await poll(() => page.getByTestId('indicator-rule').count()).toBe(1);
    await noToasts(page);
    await screenshot(page, 'targets-1-plan-editor');
  });

  it('town2 (悦来镇) sees neither the plan nor 常乐镇’s item', async () => {
    const page = await loginAs('town2', '/targets');
    await poll(() => page.getByTestId('plan-link').count()).toBeGreaterThan(0); // the demo plan it is assessed in
    expect(await page.getByTestId('plans-table').innerText()).not.toContain(title);
    await page.goto(`${browser.baseUrl}/targets/plans/${planId}`);
    await poll(() => page.getByTestId('targets-load-error').isVisible()).toBe(true);
    await page.goto(`${browser.baseUrl}${unitPath}`);
    await poll(() => page.getByTestId('targets-load-error').isVisible()).toBe(true);
    const status = await page.evaluate(async (id) => (await fetch(`/api/v1/targets/plans/${id}/assignments`)).status, planId);
    expect(status).toBe(404);
  });

  it('town1 (常乐镇) self-evaluates 25 家 with evidence and submits', async () => {
    const page = await loginAs('town1', `/targets/my?plan=${planId}&tab=evaluation`);
    await poll(() => page.getByTestId('my-evaluation-table').innerText()).toContain('E2E1 新增高新技术企业');
    await page.getByTestId('my-evaluation-open').click();
    await poll(() => page.getByTestId('value-form-evaluation').isVisible()).toBe(true);
    await page.getByTestId('value-actual').fill('25');
    await page.getByTestId('value-note').fill('全年新认定高新技术企业 25 家，名单见附件。');
    const file = path.join(tmp, '高企认定名单.png');
    fs.writeFileSync(file, PNG);
    await page.getByTestId('value-evidence-input').setInputFiles(file);
    await poll(() => page.getByTestId('value-evidence-file').count()).toBe(1);
    await page.getByTestId('value-submit').click();
    await poll(() => textOf(page, 'my-evaluation-status')).toBe('已报送');
    await noToasts(page);
    await screenshot(page, 'targets-6-my-reports');
    // A future year's periods have not started: nothing can be reported for a period yet.
    await page.getByRole('tab', { name: '进度报送' }).click();
    await poll(() => page.getByTestId('my-progress-table').innerText()).toContain('E2E1');
  });

  it('town1 reports this month’s progress of one item of the demo plan with evidence', async () => {
    const page = await loginAs('town1', '/targets/my');
    await choose(page, 'my-plan', '质量强市工作目标任务', '质量强市工作目标任务');
    await poll(() => page.getByTestId('my-progress-table').innerText()).toContain('T01');
    const row = page.getByTestId('my-progress-table').locator('tr', { hasText: 'T01' });
    await row.getByTestId('my-report-open').click();
    await poll(() => page.getByTestId('value-form-progress').isVisible()).toBe(true);
    await page.getByTestId('value-actual').fill('3');
    const file = path.join(tmp, '认定文件.png');
    fs.writeFileSync(file, PNG);
    await page.getByTestId('value-evidence-input').setInputFiles(file);
    await poll(() => page.getByTestId('value-evidence-file').count()).toBe(1);
    await page.getByTestId('value-submit').click();
    await poll(() => row.getByTestId('my-report-status').innerText()).toBe('已报送');
    expect(await row.innerText()).toContain('3家');
  });

  it('科技局 (sci) as lead department adjusts the value to 18 家 with a comment', async () => {
    const page = await loginAs('sci', `/targets/plans/${planId}/assessment`);
    await poll(() => page.getByTestId('evaluations-table').innerText()).toContain('常乐镇');
    expect(await page.getByTestId('assessment-compute').count()).toBe(0); // office only
    await page.getByTestId('evaluation-review-open').click();
    await poll(() => page.getByTestId('review-form').isVisible()).toBe(true);
    await page.getByTestId('review-decision').getByText('调整').click();
    await page.getByTestId('review-adjusted').fill('18');
    await page.getByTestId('review-comment').fill('经核实，3 月、9 月两批认定文件中仅 18 家有效。');
    await page.getByTestId('review-submit').click();
    await poll(() => textOf(page, 'evaluation-status')).toBe('已通过');
    expect(await textOf(page, 'evaluation-review')).toContain('18家');
  });

  it('office computes scores, opens publicity and publishes; the ranking shows 常乐镇 90.00 / A', async () => {
    const page = await loginAs('office', `/targets/plans/${planId}/assessment`);
    await page.getByTestId('assessment-compute').click();
    await poll(() => textOf(page, 'plan-stage')).toBe('已计分');
    await page.getByTestId('assessment-publicity').click();
    const form = page.getByTestId('publicity-form');
    await form.getByLabel('公示开始日').click();
    await form.getByLabel('公示开始日').fill(shanghaiDay(-1));
    await form.getByLabel('公示开始日').press('Enter');
    await form.getByLabel('公示天数（含开始日）').fill('1');
    await page.getByTestId('publicity-submit').click();
    await poll(() => textOf(page, 'plan-stage')).toBe('公示中');
    await page.getByTestId('assessment-publish').click();
    await page.getByTestId('assessment-publish-ok').click();
    await poll(() => textOf(page, 'plan-stage')).toBe('已正式发布');

    await page.goto(`${browser.baseUrl}/targets/plans/${planId}/ranking`);
    await poll(() => page.getByTestId('ranking-group-townships').isVisible()).toBe(true);
    expect(await textOf(page, 'ranking-unit')).toBe('常乐镇');
    expect(await textOf(page, 'ranking-total')).toBe('90.00');
    expect(await textOf(page, 'ranking-grade')).toBe('A');
    expect(await textOf(page, 'ranking-rank')).toBe('第 1 名');
    expect(await textOf(page, 'ranking-state')).toContain('正式发布');
    await poll(() => page.getByTestId('ranking-chart-townships').getAttribute('data-chart-state')).toBe('drawn');
    await screenshot(page, 'targets-4-ranking');

    // The scorecard shows the reviewed value and where it came from.
    await page.getByTestId('ranking-unit').click();
    await page.waitForURL(/\/targets\/units\//);
    await poll(() => textOf(page, 'scorecard-value')).toBe('18家');
    expect(await textOf(page, 'scorecard-score')).toBe('90.00 / 100.00');
    await screenshot(page, 'targets-2-scorecard');
    await page.getByTestId('scorecard-drill').click();
    await poll(() => page.getByTestId('provenance-source').isVisible()).toBe(true);
    expect(await textOf(page, 'provenance-source')).toContain('审核调整');
    await screenshot(page, 'targets-2b-provenance');
  });

  it('office sees the demo plan’s progress board and urges the units behind', async () => {
    const page = await loginAs('office', '/targets');
    const demo = page.getByTestId('plan-link').filter({ hasText: '年度质量强市工作目标任务' }).first();
    await poll(() => demo.count()).toBe(1);
    await demo.click();
    await page.waitForURL(/\/targets\/plans\/[0-9a-f-]{36}$/);
    await page.getByRole('tab', { name: /目标分解/ }).click();
    await poll(() => page.getByTestId('grid-cell').count()).toBeGreaterThan(10);
    await screenshot(page, 'targets-5-decomposition-demo');
    await page.getByTestId('plan-nav').getByText('督察推进').click();
    await page.waitForURL(/\/progress$/);
    await poll(() => page.getByTestId('progress-table').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(5);
    await poll(() => page.getByTestId('unit-behind').count()).toBeGreaterThan(0);
    await page.getByTestId('progress-select-behind').click();
    await page.getByTestId('progress-urge').click();
    await poll(() => page.getByTestId('urging-form').isVisible()).toBe(true);
    await page.getByTestId('urging-submit').click();
    await poll(() => page.getByTestId('notices-table').innerText()).toContain('督办');
    await noToasts(page);
    await screenshot(page, 'targets-3-progress-board');
  });
});
