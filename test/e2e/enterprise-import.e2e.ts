import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUscc } from '../../src/domains/enterprises/uscc-rules';
import { login, openBrowser, screenshot } from './browser';

/**
 * The enterprise registry in the browser. As `office`: the import wizard — template download (an
 * xlsx with the Chinese headers), a disguised file refused with a Chinese message, a file with good
 * rows and one row whose credit code has a wrong check character: all-or-nothing imports nothing
 * and the error report names the problem; valid-rows-only imports the good rows, which the list
 * finds by fuzzy search; the detail page shows the record and its import in the history; the
 * history page undoes the batch. The form checks a credit code live with the server's rule.
 * As `ent1`: lands on its own enterprise, and the list shows only that one.
 */

/** Polls with a generous timeout: the shared test machine is slow under load. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 60_000 });

let browser: Awaited<ReturnType<typeof openBrowser>>;
let tmp: string;
beforeAll(async () => {
  browser = await openBrowser();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'enterprise-e2e-'));
});
afterAll(async () => {
  await browser.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function loginAs(username: string, url?: string): Promise<Page> {
  const { page, baseUrl, context } = browser;
  await context.clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.evaluate(() => window.sessionStorage.clear());
  await login(page, baseUrl, username);
  if (url) await page.goto(`${baseUrl}${url}`);
  return page;
}

async function download(page: Page, testId: string): Promise<{ file: string; name: string }> {
  const [event] = (await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()])) as [Download, void];
  const file = path.join(tmp, `${Date.now()}-${event.suggestedFilename()}`);
  await event.saveAs(file);
  return { file, name: event.suggestedFilename() };
}

async function readSheet(file: string): Promise<{ names: string[]; rows: string[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return { names: workbook.worksheets.map((w) => w.name), rows };
}

// Unique for this run: the credit codes' organisation-code body and the names carry a stamp.
const stamp = String(Date.now()).slice(-5);
const code = (i: number) => buildUscc({ dept: '9', category: '1', region: '320684', orgCodeBody8: `MA${i}${stamp}` });
const goodCodes = [1, 2, 3].map(code);
const validForBad = code(9);
const badCode = `${validForBad.slice(0, 17)}${validForBad.endsWith('0') ? '1' : '0'}`;
const formCode = code(8);
const formName = `浏览器新增${stamp}号电梯有限公司`;
const nameOf = (i: number) => `浏览器导入${stamp}号${i}机械有限公司`;
const headers = ['统一社会信用代码', '企业名称', '属地', '行业代码', '注册资本（万元）', '成立日期', '企业规模', '是否规上', '联系人', '联系电话', '登记状态', '标签'];
const rowOf = (creditCode: string, i: number) => [creditCode, nameOf(i), i === 2 ? '悦来镇' : '常乐镇', 'C3484', '500', '2016-04-01', '小型', '否', '王五', '0513-82000000', '存续', '浏览器导入'];

async function writeImportFile(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业信息');
  sheet.addRow(headers);
  sheet.addRow(rowOf(goodCodes[0] as string, 1));
  sheet.addRow(rowOf(badCode, 9)); // file row 3: wrong check character
  sheet.addRow(rowOf(goodCodes[1] as string, 2));
  sheet.addRow(rowOf(goodCodes[2] as string, 3));
  const file = path.join(tmp, `企业导入-${stamp}.xlsx`);
  await workbook.xlsx.writeFile(file);
  return file;
}

async function upload(page: Page, file: string): Promise<void> {
  await page.locator('[data-testid="import-file"] input[type=file]').setInputFiles(file);
  await poll(() => page.getByTestId('import-file-name').innerText()).toContain(path.basename(file));
  await page.getByTestId('import-start').click();
}

const resultStatus = (page: Page) => page.getByTestId('import-result').getAttribute('data-status');
const tableRows = (page: Page, testId: string) => page.getByTestId(testId).locator('tr.ant-table-row');

/**
 * Opens a tree select, searches, and picks the node with exactly this title. Under heavy load a
 * click during the dropdown's opening animation has been lost once (the select stayed empty for
 * 30 s): like a user, the helper tries again — up to three times — before failing.
 */
async function pickTreeOption(page: Page, testId: string, search: string, title: string): Promise<void> {
  const select = page.getByTestId(testId);
  for (let attempt = 1; ; attempt++) {
    await select.click();
    await select.locator('input').fill(search);
    const option = page.locator('.ant-select-dropdown:visible .ant-select-tree-title').filter({ hasText: new RegExp(`^${title}$`) });
    await poll(() => option.count()).toBeGreaterThan(0);
    await option.first().click();
    const picked = await expect
      .poll(() => select.innerText(), { timeout: 10_000 })
      .toContain(title)
      .then(() => true)
      .catch(() => false);
    if (picked) return;
    if (attempt === 3) throw new Error(`${testId}: picking 「${title}」 did not take after 3 attempts (shows 「${await select.innerText()}」)`);
    await page.keyboard.press('Escape');
  }
}

async function addTag(page: Page, tag: string): Promise<void> {
  const input = page.getByTestId('enterprise-form-tags').locator('input');
  await input.fill(tag);
  await input.press('Enter');
  await poll(() => page.getByTestId('enterprise-form-tags').innerText()).toContain(tag);
}

/** Opens the list, waits for its first page, searches, and waits until the answer is on screen. */
async function searchEnterprises(page: Page, q: string): Promise<void> {
  await page.goto(`${browser.baseUrl}/enterprises`);
  await poll(() => tableRows(page, 'enterprises-table').count()).toBeGreaterThan(0);
  await page.getByTestId('enterprises-search').fill(q);
  await page.getByTestId('enterprises-search').press('Enter');
  await poll(() => page.url()).toContain('q=');
  await poll(() => page.getByTestId('enterprises-table').locator('.ant-spin-spinning').count()).toBe(0);
}

describe('enterprise import wizard (office)', () => {
  let detailPath = '';

  it('downloads the template with the Chinese headers and refuses a disguised file with a Chinese message', async () => {
    const page = await loginAs('office', '/enterprises');
    await poll(() => page.getByTestId('enterprises-table').isVisible()).toBe(true);
    await page.getByTestId('enterprise-import-button').click();
    await page.waitForURL(/\/imports\/enterprises$/);

    const template = await download(page, 'import-template-download');
    expect(template.name).toMatch(/\.xlsx$/);
    const sheet = await readSheet(template.file);
    expect(sheet.names).toContain('企业信息');
    expect(sheet.names).toContain('填写说明');
    expect(sheet.rows[0]).toEqual(expect.arrayContaining(['统一社会信用代码*', '企业名称*', '属地*', '行业代码', '注册资本（万元）', '登记状态']));
    expect(await page.getByTestId('import-mode-all_or_nothing').isChecked()).toBe(true);
    await screenshot(page, 'enterprise-import-wizard');

    await page.getByTestId('import-next').click();
    const fake = path.join(tmp, '伪装文件.xlsx');
    fs.writeFileSync(fake, '统一社会信用代码,企业名称\n123,abc\n');
    await upload(page, fake);
    await poll(() => page.getByTestId('import-upload-error').innerText()).toContain('不是有效的 Excel 工作簿');
    expect(await page.getByTestId('import-upload-error').innerText()).toContain('改了扩展名');
  });

  it('all-or-nothing: a bad check character rejects the whole file and the error report names the problem', async () => {
    const page = browser.page;
    const file = await writeImportFile();
    await upload(page, file);
    await poll(() => resultStatus(page)).toBe('rejected');
    expect(await page.getByTestId('import-result-title').innerText()).toContain('未导入任何数据');
    expect(await page.getByTestId('import-count-inserted').innerText()).toContain('0');
    expect(await page.getByTestId('import-count-failed').innerText()).toContain('1');

    const report = await download(page, 'import-error-report');
    const { rows } = await readSheet(report.file);
    const header = rows[0] ?? [];
    const errorColumn = header.indexOf('错误说明');
    const badRow = rows.find((r) => r[0] === badCode);
    expect(errorColumn).toBeGreaterThan(0);
    expect(rows).toHaveLength(2); // the header and the one bad row
    expect(badRow?.[errorColumn]).toContain(`校验码（第18位）应为「${validForBad.charAt(17)}」`);
    expect(badRow?.[header.indexOf('原行号')]).toBe('3');

    // nothing was written
    await searchEnterprises(page, `导入${stamp}`);
    await poll(() => page.getByTestId('enterprises-table').locator('.ant-empty').count()).toBe(1);
  });

  it('valid rows only: the good rows are imported and found by fuzzy search; the detail page shows one', async () => {
    const page = browser.page;
    await page.goto(`${browser.baseUrl}/imports/enterprises`);
    await page.getByTestId('import-mode-valid_only').check();
    await page.getByTestId('import-next').click();
    await upload(page, await writeImportFile());
    await poll(() => resultStatus(page)).toBe('succeeded');
    expect(await page.getByTestId('import-result-title').innerText()).toContain('1 行有错误未导入');
    expect(await page.getByTestId('import-count-inserted').innerText()).toContain('3');
    expect(await page.getByTestId('import-error-report').count()).toBe(1);
    await screenshot(page, 'enterprise-import-result');

    // fuzzy: a fragment of the names, not the whole name
    await searchEnterprises(page, `导入${stamp}号`);
    await poll(() => tableRows(page, 'enterprises-table').count()).toBe(3);
    const texts = await tableRows(page, 'enterprises-table').allInnerTexts();
    expect(texts.join('\n')).toContain(nameOf(2));
    expect(texts.join('\n')).toContain('悦来镇');
    expect(texts.join('\n')).not.toContain(badCode);
    await screenshot(page, 'enterprise-list');

    await tableRows(page, 'enterprises-table').filter({ hasText: nameOf(1) }).getByTestId('enterprise-row-link').click();
    await page.waitForURL(/\/enterprises\/[0-9a-f-]{36}$/);
    detailPath = new URL(page.url()).pathname;
    await poll(() => page.getByTestId('enterprise-title').innerText()).toBe(nameOf(1));
    expect(await page.getByTestId('enterprise-credit-code').innerText()).toContain(goodCodes[0]);
    expect(await page.getByTestId('enterprise-territory').innerText()).toContain('常乐镇');
    expect(await page.getByTestId('enterprise-header-status').innerText()).toBe('存续');
    await screenshot(page, 'enterprise-detail');

    await page.getByTestId('enterprise-tab-history').click();
    await poll(() => page.getByTestId('enterprise-history-timeline').innerText()).toContain('导入新增');
    expect(await page.getByTestId('enterprise-history-timeline').innerText()).toContain(`企业导入-${stamp}.xlsx`);
    await screenshot(page, 'enterprise-detail-history');
  });

  it('creates an enterprise in the form with a live credit-code check, edits it, and a stale edit says so', async () => {
    const page = browser.page;
    await page.goto(`${browser.baseUrl}/enterprises`);
    await page.getByTestId('enterprise-create-button').click();
    const input = page.getByTestId('enterprise-form-credit-code');
    const item = page.locator('.ant-form-item').filter({ has: input });
    await input.fill(badCode);
    await poll(() => item.innerText()).toContain(`校验码（第18位）应为「${validForBad.charAt(17)}」`);
    await input.fill(formCode.slice(0, 10));
    await poll(() => item.innerText()).toContain('应为18位，实际为10位');
    await input.fill(` ${formCode.toLowerCase()} `);
    await poll(() => page.getByTestId('credit-code-valid').count()).toBe(1);
    expect(await page.getByTestId('credit-code-valid').innerText()).toContain('登记机关行政区划');

    await page.getByTestId('enterprise-form-name').fill(formName);
    await pickTreeOption(page, 'enterprise-form-territory', '常乐', '常乐镇');
    await pickTreeOption(page, 'enterprise-form-industry', '3435', '3435 电梯、自动扶梯及升降机制造');
    await addTag(page, '专精特新');
    await screenshot(page, 'enterprise-form');
    await page.getByTestId('enterprise-form-submit').click();
    await page.waitForURL(/\/enterprises\/[0-9a-f-]{36}$/);
    await poll(() => page.getByTestId('enterprise-title').innerText()).toBe(formName);
    expect(await page.getByTestId('enterprise-credit-code').innerText()).toContain(formCode);
    const id = new URL(page.url()).pathname.split('/').pop() as string;

    // office keeps supervision data; someone else saves first while the form is open → 409 with a clear message
    await page.getByTestId('enterprise-edit-button').click();
    await poll(() => page.getByTestId('enterprise-form').isVisible()).toBe(true);
    expect(await page.getByTestId('enterprise-form-name').isDisabled()).toBe(true); // registration data: the bureau's
    const status = await page.evaluate(async (enterpriseId) => {
      const csrf = decodeURIComponent(/(?:^|; )qc_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '');
      const current = (await (await fetch(`/api/v1/enterprises/${enterpriseId}`)).json()) as { version: number };
      const res = await fetch(`/api/v1/enterprises/${enterpriseId}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ version: current.version, scaleClass: 'micro' }),
      });
      return res.status;
    }, id);
    expect(status).toBe(200);
    await addTag(page, '出口企业');
    await page.getByTestId('enterprise-form-submit').click();
    await poll(() => page.getByTestId('enterprise-form-stale').count()).toBe(1);
    expect(await page.getByTestId('enterprise-form-stale').innerText()).toContain('该企业已被他人修改');
    await page.getByTestId('enterprise-form-reload').click();
    await poll(() => page.getByTestId('enterprise-form-stale').count()).toBe(0);
    expect(await page.getByTestId('enterprise-form').innerText()).toContain('微型'); // the form starts again from the saved record
    await addTag(page, '出口企业');
    await page.getByTestId('enterprise-form-submit').click();
    await poll(() => page.getByTestId('enterprise-form').count()).toBe(0);
    await poll(() => page.getByTestId('enterprise-registry-info').count()).toBe(1);

    await page.getByTestId('enterprise-tab-history').click();
    const timeline = page.getByTestId('enterprise-history-timeline');
    await poll(() => timeline.innerText()).toContain('新建');
    expect(await timeline.innerText()).toContain('修改');
    await timeline.getByRole('button', { name: '查看变更' }).first().click();
    await poll(() => timeline.locator('.ant-table').first().innerText()).toContain('标签');
    expect(await timeline.locator('.ant-table').first().innerText()).toContain('出口企业');
    await screenshot(page, 'enterprise-edit-history');
  });

  it('undoes the batch from the import history', async () => {
    const page = browser.page;
    await page.goto(`${browser.baseUrl}/imports?status=succeeded`);
    const row = tableRows(page, 'imports-table').filter({ hasText: `企业导入-${stamp}.xlsx` }).first();
    await poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain('王质强');
    await screenshot(page, 'enterprise-import-history');
    await row.getByTestId('import-row-undo').click();
    await page.getByTestId('import-row-undo-ok').click();
    await poll(() => page.getByText(`已撤销「企业导入-${stamp}.xlsx」`).count()).toBeGreaterThan(0);
    await page.goto(`${browser.baseUrl}${detailPath}`);
    await poll(() => page.locator('.ant-result-title').innerText()).toBe('企业不存在或不在您的管辖范围内');
  });
});

describe('an enterprise user (ent1)', () => {
  it('lands on its own enterprise and sees only that one in the list', async () => {
    const page = await loginAs('ent1');
    await page.waitForURL(/\/enterprises\/[0-9a-f-]{36}$/);
    await poll(() => page.getByTestId('enterprise-title').innerText()).toBe('海门某某机械有限公司');
    expect(await page.getByTestId('enterprise-edit-button').count()).toBe(0);
    expect(await page.getByTestId('enterprise-contacts-button').count()).toBe(1);

    await page.goto(`${browser.baseUrl}/enterprises`);
    await poll(() => tableRows(page, 'enterprises-table').count()).toBe(1);
    expect(await tableRows(page, 'enterprises-table').first().innerText()).toContain('海门某某机械有限公司');
    expect(await page.getByTestId('enterprise-import-button').count()).toBe(0);
    expect(await page.getByTestId('enterprise-create-button').count()).toBe(0);
  });

  it('checks a credit code with the calculator page', async () => {
    const page = browser.page;
    await page.getByTestId('enterprise-uscc-button').click();
    await page.waitForURL(/\/enterprises\/uscc-check$/);
    await page.getByTestId('uscc-input').fill(badCode.toLowerCase());
    await page.getByTestId('uscc-check').click();
    await poll(() => page.getByTestId('uscc-result').getAttribute('data-valid')).toBe('false');
    expect(await page.getByTestId('uscc-verdict').innerText()).toContain('代码有误');
    expect(await page.getByTestId('uscc-problem').first().innerText()).toContain(`应为「${validForBad.charAt(17)}」`);
    await screenshot(page, 'enterprise-uscc-check');
    await page.getByTestId('uscc-input').fill(validForBad);
    await page.getByTestId('uscc-check').click();
    await poll(() => page.getByTestId('uscc-result').getAttribute('data-valid')).toBe('true');
  });
});
