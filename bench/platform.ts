import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, httpLogin, startServer, waitForHealth } from '../test/support/processes';
import { percentile, type BenchWorkload } from './harness';

/**
 * Platform baseline: an authenticated, scoped, paginated list through the real HTTP server on the
 * embedded database, against the unauthenticated health endpoint of the same server (the HTTP
 * stack without session lookup or query work) in the same run.
 */
async function load(url: string, headers: Record<string, string>, total: number, concurrency: number): Promise<{ ms: number; rps: number; p99: number }> {
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        const t0 = performance.now();
        const res = await fetch(url, { headers });
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`${url}: ${res.status}`);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const ms = performance.now() - start;
  return { ms, rps: (total / ms) * 1000, p99: percentile(latencies, 99) };
}

export const workloads: BenchWorkload[] = [
  {
    name: 'platform: org-unit list over HTTP with login (PGlite)',
    size: '3,000 requests, 16 connections',
    run: async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qcity-bench-'));
      const server = startServer({ DATA_DIR: dataDir, DEMO_DATA: 'small', LOG_LEVEL: 'warn' }, await freePort());
      try {
        await waitForHealth(server);
        const session = await httpLogin(server.url, 'town1');
        await load(`${server.url}/api/v1/health`, {}, 300, 16); // warm-up
        const anchor = await load(`${server.url}/api/v1/health`, {}, 3000, 16);
        const list = await load(`${server.url}/api/v1/org-units?pageSize=20&sort=name`, { cookie: session.cookie }, 3000, 16);
        return {
          ms: list.ms,
          rate: { value: list.rps, unit: 'req/s' },
          anchor: { name: 'GET /health', ms: anchor.ms, rate: { value: anchor.rps, unit: 'req/s' } },
          ratio: list.ms / anchor.ms,
          target: 'baseline (no target): p99 shown in notes',
          ok: null,
          notes: `list p99 ${list.p99.toFixed(1)} ms; health p99 ${anchor.p99.toFixed(1)} ms`,
        };
      } finally {
        server.child.kill('SIGTERM');
        await server.exited;
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  },
];
