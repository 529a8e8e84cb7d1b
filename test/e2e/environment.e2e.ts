import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aqiLevels } from '../../src/domains/environment/aqi-tables';
import { login, openBrowser, screenshot } from './browser';

/**
 * Environment module in the browser (small demo): the dashboard draws its charts and shows each
 * station's AQI in the HJ 633 colour; a footprint uploaded as a GeoJSON file inside a demo red-line
 * zone gets a verdict that lists that zone.
 */
let browser: Awaited<ReturnType<typeof openBrowser>>;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => browser.close());

const standardColours = new Set(aqiLevels.map((l) => l.color.toLowerCase()));
const hexToRgb = (hex: string) => {
  const h = hex.replace('#', '');
  return `rgb(${Number.parseInt(h.slice(0, 2), 16)}, ${Number.parseInt(h.slice(2, 4), 16)}, ${Number.parseInt(h.slice(4, 6), 16)})`;
};

/** Share of the chart's canvas that is painted (non-transparent), counted over every pixel. */
async function paintedPixels(page: Page, testId: string): Promise<number> {
  return page.getByTestId(testId).evaluate((el) => {
    const canvas = el.querySelector('canvas');
    if (!canvas || canvas.width === 0 || canvas.height === 0) return 0;
    const data = (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] as number) > 0) painted++;
    return painted / (canvas.width * canvas.height);
  });
}

type Ring = number[][];
const insideRing = (x: number, y: number, ring: Ring) => {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};
const insidePolygon = (x: number, y: number, rings: Ring[]) => insideRing(x, y, rings[0] as Ring) && rings.slice(1).every((hole) => !insideRing(x, y, hole));

/** A small square wholly inside the polygon (its corners and centre inside), found on a grid. */
function squareInside(rings: Ring[]): Ring {
  const outer = rings[0] as Ring;
  const xs = outer.map((p) => p[0] as number);
  const ys = outer.map((p) => p[1] as number);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const half = Math.min(maxX - minX, maxY - minY) / 20;
  for (let i = 1; i < 20; i++) {
    for (let j = 1; j < 20; j++) {
      const cx = minX + ((maxX - minX) * i) / 20;
      const cy = minY + ((maxY - minY) * j) / 20;
      const square: Ring = [[cx - half, cy - half], [cx + half, cy - half], [cx + half, cy + half], [cx - half, cy + half], [cx - half, cy - half]];
      if (insidePolygon(cx, cy, rings) && square.every(([x, y]) => insidePolygon(x as number, y as number, rings))) return square;
    }
  }
  throw new Error('no square fits inside the zone');
}

describe('environment dashboard', () => {
  it('draws its charts and shows each station AQI in the standard colour', async () => {
    const { page, baseUrl } = browser;
    await login(page, baseUrl, 'office');
    await page.goto(`${baseUrl}/environment`);
    const cards = page.getByTestId('aqi-card');
    await expect.poll(() => cards.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    for (const card of await cards.all()) {
      const colour = (await card.getAttribute('data-aqi-color')) ?? '';
      expect(standardColours.has(colour.toLowerCase())).toBe(true);
      const background = await card.locator('.ant-card-body').evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(background).toBe(hexToRgb(colour));
      expect(Number(await card.getByTestId('aqi-card-value').innerText())).toBeGreaterThan(0);
    }

    const charts = ['env-chart-trend', 'env-chart-categories', 'env-chart-calendar', 'env-chart-pollutants', 'env-chart-stations', 'env-chart-water', 'env-chart-redlines'];
    for (const id of charts) {
      await expect.poll(() => page.getByTestId(id).getAttribute('data-chart-state'), { timeout: 30_000 }).toBe('drawn');
      // more than 1 % of the canvas painted: axes, labels and data, not an empty frame
      await expect.poll(() => paintedPixels(page, id), { message: `${id} paints its data`, timeout: 10_000 }).toBeGreaterThan(0.01);
    }
    expect(await page.getByTestId('env-stat-good-rate').innerText()).toMatch(/\d+(\.\d)?%/);
    await screenshot(page, 'environment-dashboard');
  });
});

describe('siting check', () => {
  it('gives an uploaded footprint inside a demo zone a verdict that lists the zone', async () => {
    const { page, context, baseUrl } = browser;
    await login(page, baseUrl, 'office');
    const res = await context.request.get(`${baseUrl}/api/v1/environment/red-lines/zones.geojson`);
    expect(res.ok()).toBe(true);
    const zones = (await res.json()) as { features: Array<{ geometry: { type: string; coordinates: unknown }; properties: { code: string; name: string } }> };
    const zone = zones.features.find((f) => f.geometry.type === 'Polygon');
    if (!zone) throw new Error('the small demo has no polygon zone');
    const square = squareInside(zone.geometry.coordinates as Ring[]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qc-siting-')), 'footprint.geojson');
    fs.writeFileSync(file, JSON.stringify({ type: 'Feature', properties: { name: '浏览器测试项目' }, geometry: { type: 'Polygon', coordinates: [square] } }));

    await page.goto(`${baseUrl}/environment/siting`);
    await expect.poll(() => page.getByTestId('siting-map').getAttribute('data-map-state'), { timeout: 30_000 }).toBe('ready');
    await page.locator('[data-testid="siting-upload"] input[type=file]').setInputFiles(file);
    await expect.poll(() => page.getByTestId('siting-footprint-summary').innerText()).toContain('Polygon');
    expect(await page.getByTestId('siting-project-name').inputValue()).toBe('浏览器测试项目');
    await page.getByTestId('siting-run').click();

    const verdict = page.getByTestId('siting-verdict').first();
    await expect.poll(() => verdict.isVisible(), { timeout: 30_000 }).toBe(true);
    // the default project type is 工业项目, prohibited in both demo tiers
    expect(await verdict.getAttribute('data-verdict')).toBe('prohibited');
    expect(await verdict.innerText()).toBe('禁止');
    const row = page.locator(`[data-testid="siting-intersection"][data-zone-code="${zone.properties.code}"]`);
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain(zone.properties.name);
    expect(await row.innerText()).toContain('100.00%');
    expect(await page.getByTestId('siting-trace').innerText()).toContain(zone.properties.name);
    expect(new URL(page.url()).searchParams.get('check')).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('siting-history-table').innerText()).toContain('浏览器测试项目');
    await screenshot(page, 'environment-siting-verdict');

    await page.goto(`${baseUrl}/environment/siting/${new URL(page.url()).searchParams.get('check')}/print`);
    await expect.poll(() => page.getByTestId('siting-print').innerText(), { timeout: 30_000 }).toContain(zone.properties.name);
    await expect.poll(() => page.getByTestId('siting-print-map').getAttribute('data-map-state'), { timeout: 30_000 }).toBe('ready');
    await screenshot(page, 'environment-siting-print');
  });
});
