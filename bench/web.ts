import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { freePort, repoRoot, startServer, waitForHealth } from '../test/support/processes';
import { percentile, type BenchWorkload } from './harness';

/**
 * The environment dashboard in the browser (product target: initial JS ≤ 600 kB gzip, render
 * ≤ 2 s in headless Chromium on localhost).
 *
 * - JS size: the gzip size (zlib default level, as Vite reports it) of every script the dashboard
 *   loads on a cold cache — the app entry with its static imports, the page chunk and ECharts —
 *   read from dist/web. The entry alone (index.html's script + modulepreloads + their static
 *   imports) is in the notes.
 * - Render: from navigation start to the AQI cards and all seven charts drawn (ECharts
 *   `finished`, read from `data-chart-state`), as `performance.now()` in the page, fresh browser
 *   context (cold cache) each run, median of RUNS. Anchor in the same run: the login page's render
 *   time (navigation start → login form visible) measured the same way.
 */
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 5);
const CHARTS = 7;
const distDir = path.join(repoRoot, 'dist', 'web');

type StampModule = { webBuildIsStale(root: string): boolean; writeBuildStamp(root: string): void };

/** A build made under vitest (NODE_ENV=test, e.g. by the e2e setup) carries React's development runtime. */
const isDevelopmentBuild = () => entryScripts(distDir).some((f) => fs.readFileSync(path.join(distDir, f), 'utf8').includes('jsxDEV'));

/** dist/web as `npm start` serves it: rebuilt (production mode) when stale or built in development mode. */
async function ensureProductionBuild(): Promise<void> {
  const stampPath = '../scripts/web-build-stamp.js';
  const stamp = (await import(stampPath)) as StampModule;
  if (!stamp.webBuildIsStale(repoRoot) && !isDevelopmentBuild()) return;
  execFileSync(process.execPath, [path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  stamp.writeBuildStamp(repoRoot);
}

const gzipSize = (file: string) => zlib.gzipSync(fs.readFileSync(file)).length;

/** The entry script, its modulepreloads and everything they import statically (not `import()`). */
export function entryScripts(dir: string): string[] {
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const queue = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
  const seen = new Set<string>();
  while (queue.length) {
    const rel = queue.shift() as string;
    if (seen.has(rel)) continue;
    seen.add(rel);
    const code = fs.readFileSync(path.join(dir, rel), 'utf8');
    for (const m of code.matchAll(/\b(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']\.\/([^"']+\.js)["']/g)) queue.push(`assets/${m[1]}`);
  }
  return [...seen];
}

async function renderTimes(browser: Browser, baseUrl: string): Promise<{ dashboard: number[]; login: number[]; scripts: Set<string> }> {
  const dashboard: number[] = [];
  const login: number[] = [];
  const scripts = new Set<string>();
  const viewport = { width: 1366, height: 860 };
  for (let i = 0; i < RUNS; i++) {
    // anchor: the login page, cold cache, not logged in
    const anchor = await browser.newContext({ viewport, locale: 'zh-CN' });
    const loginPage = await anchor.newPage();
    await loginPage.goto(`${baseUrl}/login`);
    login.push(await loginPage.waitForFunction(() => (document.querySelector('input#username, input[type=password]') ? performance.now() : 0), undefined, { polling: 'raf' }).then((h) => h.jsonValue()));
    await anchor.close();

    // workload: the dashboard, cold cache, logged in through the API
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    const res = await context.request.post(`${baseUrl}/api/v1/auth/login`, { data: { username: 'office', password: 'Demo#2026' } });
    if (!res.ok()) throw new Error(`login failed: ${res.status()}`);
    const page = await context.newPage();
    page.on('response', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/assets/') && url.pathname.endsWith('.js')) scripts.add(url.pathname.slice(1));
    });
    await page.goto(`${baseUrl}/environment`);
    const ms = await page
      .waitForFunction(
        (charts) => {
          const drawn = document.querySelectorAll('[data-chart-state="drawn"]').length;
          return drawn >= charts && document.querySelector('[data-testid="aqi-card"]') ? performance.now() : 0;
        },
        CHARTS,
        { polling: 'raf', timeout: 60_000 },
      )
      .then((h) => h.jsonValue());
    dashboard.push(ms);
    await context.close();
  }
  return { dashboard, login, scripts };
}

export const workloads: BenchWorkload[] = [
  {
    name: 'web: environment dashboard (JS gzip, render in headless Chromium)',
    size: `small demo, 1366×860, cold cache, median of ${RUNS}`,
    run: async () => {
      await ensureProductionBuild();
      const entry = entryScripts(distDir);
      const entryKb = entry.reduce((n, f) => n + gzipSize(path.join(distDir, f)), 0) / 1024;
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qcity-bench-web-'));
      const server = startServer({ DATA_DIR: dataDir, DEMO_DATA: 'small', LOG_LEVEL: 'warn' }, await freePort());
      let browser: Browser | null = null;
      try {
        await waitForHealth(server, 240_000);
        browser = await chromium.launch({
          executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
          headless: true,
          args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        });
        const { dashboard, login, scripts } = await renderTimes(browser, server.url);
        const pageKb = [...new Set([...entry, ...scripts])].reduce((n, f) => n + gzipSize(path.join(distDir, f)), 0) / 1024;
        const renderMs = percentile(dashboard, 50);
        const anchorMs = percentile(login, 50);
        return {
          ms: renderMs,
          rate: { value: pageKb, unit: 'kB JS gzip' },
          anchor: { name: 'login page render', ms: anchorMs },
          ratio: renderMs / anchorMs,
          target: 'dashboard JS ≤ 600 kB gzip and render ≤ 2,000 ms',
          ok: pageKb <= 600 && renderMs <= 2000,
          notes:
            `dashboard render ms ${dashboard.map(Math.round).join('/')} (p50 ${Math.round(renderMs)}); login ${login.map(Math.round).join('/')}; ` +
            `JS: app entry ${entryKb.toFixed(0)} kB gzip (${entry.length} files), dashboard total ${pageKb.toFixed(0)} kB (${new Set([...entry, ...scripts]).size} files)`,
        };
      } finally {
        await browser?.close();
        server.child.kill('SIGTERM');
        await server.exited;
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  },
];
