import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, loginAt, openBrowser, poll, screenshot } from './browser';

/**
 * The hazard closed loop in the browser, each step by the demo user whose role the state table allows:
 * town1 (常乐镇) reports a hazard with a photo at ent1's enterprise → bureau confirms and issues the
 * notice → ent1 submits rectification with an after photo → bureau's verification fails → ent1 rectifies
 * again → bureau's verification passes → closed, and the timeline shows every step.
 * Then the report form on a phone viewport.
 */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
/** A small solid-colour PNG (8×8), written to a temp file for `setInputFiles`. */
function writePng(dir: string, name: string, rgb: [number, number, number]): string {
  const size = 8;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => rgb).flat())]);
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(Array.from({ length: size }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  const file = path.join(dir, name);
  fs.writeFileSync(file, png);
  return file;
}


let browser: Awaited<ReturnType<typeof openBrowser>>;
let tmp: string;
beforeAll(async () => {
  browser = await openBrowser();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hazard-e2e-'));
});
afterAll(async () => {
  await browser.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const loginAs = (username: string, url: string) => loginAt(browser, username, url);

const statusOf = (page: Page) => page.getByTestId('hazard-status').innerText();

/** Opens the action's modal, lets `fill` fill it, submits, and waits for the new status. */
async function act(page: Page, action: string, expectedStatus: string, fill: () => Promise<void>): Promise<void> {
  await page.getByTestId(`hazard-action-${action}`).click();
  await poll(() => page.getByTestId(`hazard-action-form-${action}`).isVisible()).toBe(true);
  await fill();
  await page.getByTestId('hazard-action-submit').click();
  try {
    await poll(() => statusOf(page)).toBe(expectedStatus);
  } catch (error) {
    // keep what the user saw (a field error, a 409 message…) for the CI log and the screenshots
    await screenshot(page, `hazard-failed-${action}`);
    const shown = await page.locator('.ant-message, .ant-form-item-explain-error, .ant-modal').allInnerTexts();
    throw new Error(`${action} did not reach ${expectedStatus}; the page showed: ${shown.join(' | ') || '(nothing)'}`, { cause: error });
  }
  await poll(() => page.getByTestId(`hazard-action-form-${action}`).count()).toBe(0);
}

async function addPhoto(page: Page, inputTestId: string, file: string, expected: number): Promise<void> {
  await page.getByTestId(`${inputTestId}-input`).setInputFiles(file);
  await poll(() => page.getByTestId(`${inputTestId}-thumb`).count()).toBe(expected);
}

describe('hazard closed loop in the browser', () => {
  const title = `叉车制动失灵（浏览器闭环 ${Date.now()}）`;
  let detailPath = '';

  it('town1 reports a hazard with a photo at ent1’s enterprise in 常乐镇', async () => {
    const page = await loginAs('town1', '/safety/hazards');
    await poll(() => page.getByTestId('hazard-board').isVisible()).toBe(true);
    await page.getByTestId('hazard-report-button').click();
    await page.waitForURL(/\/safety\/hazards\/new$/);

    await addPhoto(page, 'hazard-report-photos', writePng(tmp, 'before.png', [200, 40, 40]), 1);
    await page.getByTestId('hazard-report-title').fill(title);
    await page.getByTestId('hazard-report-description').fill('厂区 2 号叉车制动距离明显过长，驾驶员反映踏板发软。');
    await page.getByTestId('hazard-report-address').fill('常乐镇工业园区 8 号厂房');
    // The territory is preselected from town1's unit.
    await poll(() => page.getByTestId('hazard-report-org').innerText()).toContain('常乐镇');
    await page.getByTestId('hazard-report-enterprise').click();
    await page.getByTestId('hazard-report-enterprise').locator('input').fill('海门某某机械');
    // Wait for the search answer (every option matches the text) before choosing, then check the choice stuck.
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await poll(async () => {
      const texts = await options.allInnerTexts();
      return texts.length > 0 && texts.every((text) => text.includes('海门某某机械'));
    }).toBe(true);
    await options.filter({ hasText: '海门某某机械有限公司' }).first().click();
    await poll(() => page.getByTestId('hazard-report-enterprise').innerText()).toContain('海门某某机械有限公司');
    await page.getByTestId('hazard-report-submit').click();

    await page.waitForURL(/\/safety\/hazards\/[0-9a-f-]{36}$/, { timeout: 20_000 });
    detailPath = new URL(page.url()).pathname;
    await poll(() => statusOf(page)).toBe('待核定');
    expect(await page.getByTestId('hazard-title').innerText()).toContain(title);
    expect(await page.getByTestId('hazard-enterprise').innerText()).toContain('海门某某机械有限公司');
    expect(await page.getByTestId('hazard-location').innerText()).toContain('8 号厂房');
    expect(await page.getByTestId('hazard-photos-before').getByTestId('hazard-photo').count()).toBe(1);
    // The reporter may not confirm their own report: only the bureau or the supervising department can.
    expect(await page.getByTestId('hazard-action-confirm').count()).toBe(0);
    await screenshot(page, 'hazard-1-reported');
  });

  it('bureau confirms the hazard and issues the rectification notice', async () => {
    const page = await loginAs('bureau', detailPath);
    await poll(() => statusOf(page)).toBe('待核定');
    await act(page, 'confirm', '已核定', async () => {
      await page.getByTestId('hazard-action-note').fill('经核实属实，定为一般隐患。');
    });

    // Someone else changes the hazard (another tab, same user) while the notice form is open: the stale
    // submit answers 409, the page says so and shows the fresh record; the second attempt goes through.
    await page.getByTestId('hazard-action-issue_notice').click();
    await poll(() => page.getByTestId('hazard-action-form-issue_notice').isVisible()).toBe(true);
    const editStatus = await page.evaluate(async (id) => {
      const csrf = decodeURIComponent(/(?:^|; )qc_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '');
      const current = (await (await fetch(`/api/v1/hazards/${id}`)).json()) as { version: number };
      const res = await fetch(`/api/v1/hazards/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ version: current.version, sourceRef: '巡查记录 E2E-409' }),
      });
      return res.status;
    }, detailPath.split('/').pop() as string);
    expect(editStatus).toBe(200);
    await page.getByTestId('hazard-action-note').fill('立即停用该叉车。');
    await page.getByTestId('hazard-action-submit').click();
    await poll(() => page.getByText('已被他人处理，请刷新').count()).toBeGreaterThan(0);
    await poll(() => page.getByTestId('hazard-action-form-issue_notice').count()).toBe(0);
    await poll(() => page.getByTestId('hazard-description').locator('xpath=..').innerText()).toContain('E2E-409');
    expect(await statusOf(page)).toBe('已核定');

    await act(page, 'issue_notice', '整改中', async () => {
      await page.getByTestId('hazard-action-notice-no').fill('海市监特令〔2026〕E2E号');
      await page.getByTestId('hazard-action-note').fill('立即停用该叉车，更换制动总泵后报复查。');
    });
    expect(await page.getByTestId('hazard-notice').innerText()).toContain('海市监特令〔2026〕E2E号');
    // A deadline is set by the notice (default for the grade) and counts down.
    await poll(() => page.getByTestId('hazard-deadline').innerText()).toMatch(/\d{4}-\d{2}-\d{2}/);
    // Rectification is the responsible unit's step, not the bureau's.
    expect(await page.getByTestId('hazard-action-submit_rectification').count()).toBe(0);
    await screenshot(page, 'hazard-2-notice-issued');
  });

  it('ent1 submits the rectification with an after photo', async () => {
    const page = await loginAs('ent1', detailPath);
    await poll(() => statusOf(page)).toBe('整改中');
    await act(page, 'submit_rectification', '待复查', async () => {
      await page.getByTestId('hazard-action-note').fill('已更换制动总泵并试车。');
      await addPhoto(page, 'hazard-action-photos', writePng(tmp, 'after-1.png', [40, 160, 40]), 1);
    });
    expect(await page.getByTestId('hazard-photos-after').getByTestId('hazard-photo').count()).toBe(1);
    await screenshot(page, 'hazard-3-rectified');
  });

  it('bureau’s verification fails and sends it back', async () => {
    const page = await loginAs('bureau', detailPath);
    await act(page, 'verify_fail', '整改中', async () => {
      await page.getByTestId('hazard-action-note').fill('复查发现手制动仍失效，退回整改。');
    });
    await screenshot(page, 'hazard-4-verification-failed');
  });

  it('ent1 rectifies again', async () => {
    const page = await loginAs('ent1', detailPath);
    await act(page, 'submit_rectification', '待复查', async () => {
      await page.getByTestId('hazard-action-note').fill('已修复手制动，附试车照片。');
      await addPhoto(page, 'hazard-action-photos', writePng(tmp, 'after-2.png', [40, 40, 200]), 1);
    });
  });

  it('bureau’s verification passes, the hazard is closed and the timeline shows every step', async () => {
    const page = await loginAs('bureau', detailPath);
    await act(page, 'verify_pass', '已销号', async () => {
      await page.getByTestId('hazard-action-note').fill('复查合格，准予销号。');
    });
    await poll(() => page.getByTestId('hazard-no-actions').count()).toBe(0); // bureau may still reopen a verified closure
    expect(await page.getByTestId('hazard-action-reopen').count()).toBe(1);

    const items = page.getByTestId('hazard-timeline').getByTestId('hazard-timeline-item');
    const actions = await items.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-action')));
    expect(actions).toEqual(['create', 'submit', 'confirm', 'edit', 'issue_notice', 'submit_rectification', 'verify_fail', 'submit_rectification', 'verify_pass']);
    const texts = await items.allInnerTexts();
    const step = (i: number) => texts[i] ?? '';
    expect(step(0)).toContain('张协管（常乐镇）');
    expect(step(2)).toContain('李监管（市场监管局）');
    expect(step(4)).toContain('立即停用该叉车，更换制动总泵');
    expect(step(4)).toMatch(/整改期限：— → \d{4}-\d{2}-\d{2}/);
    expect(step(5)).toContain('赵企业（企业用户）');
    expect(step(6)).toContain('手制动仍失效');
    expect(step(7)).toContain('已修复手制动');
    expect(step(8)).toContain('复查合格');
    // Both rounds of after photos stay visible in the timeline; the photo section shows the latest.
    expect(await page.getByTestId('hazard-timeline').getByTestId('hazard-timeline-photo').count()).toBe(3);
    expect(await page.getByTestId('hazard-photos-after').getByTestId('hazard-photo').count()).toBe(1);
    await screenshot(page, 'hazard-5-closed');

    // The board lists it as closed.
    await page.goto(`${browser.baseUrl}/safety/hazards`);
    await page.getByTestId('hazards-search').fill(title);
    await page.getByTestId('hazards-search').press('Enter');
    const rows = page.getByTestId('hazards-table').locator('tr.ant-table-row');
    await poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('已销号');
    await page.getByTestId('hazard-board-status-closed').click();
    await poll(() => page.url()).toContain('status=closed');
    await poll(() => rows.count()).toBe(1);
    await screenshot(page, 'hazard-6-board');
  });
});

describe('township page', () => {
  it('shows town1 the overdue and due-soon hazards of 常乐镇', async () => {
    const page = await loginAs('town1', '/safety/township');
    await poll(() => page.getByTestId('township-hazards').isVisible()).toBe(true);
    expect(await page.locator('h4').first().innerText()).toContain('常乐镇');
    const overdueRows = page.getByTestId('township-overdue-table').locator('tr.ant-table-row');
    // Every listed hazard is overdue: its deadline text says so.
    for (const text of await overdueRows.allInnerTexts()) expect(text).toMatch(/已逾期 \d+ 天/);
    await screenshot(page, 'hazard-township');
  });
});

describe('hazard report form on a phone', () => {
  it('fits a 390 px screen with big touch targets and opens the rear camera', async () => {
    const phone = await openBrowser({ mobile: true });
    try {
      const { page, baseUrl } = phone;
      await login(page, baseUrl, 'town1');
      await page.goto(`${baseUrl}/safety/hazards/new`);
      await poll(() => page.getByTestId('hazard-report-form').isVisible()).toBe(true);
      const input = page.getByTestId('hazard-report-photos-input');
      expect(await input.getAttribute('capture')).toBe('environment');
      expect(await input.getAttribute('accept')).toBe('image/*');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      for (const id of ['hazard-report-submit', 'hazard-report-draft', 'hazard-report-photos-button']) {
        const box = await page.getByTestId(id).boundingBox();
        expect(box?.height ?? 0, id).toBeGreaterThanOrEqual(40);
        expect(box?.width ?? 0, id).toBeGreaterThan(250);
      }
      await addPhoto(page, 'hazard-report-photos', writePng(tmp, 'phone.png', [220, 180, 20]), 1);
      await screenshot(page, 'hazard-report-phone');
    } finally {
      await phone.close();
    }
  });
});
