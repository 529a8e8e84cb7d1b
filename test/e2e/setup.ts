import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { webBuildIsStale, writeBuildStamp } from '../../scripts/web-build-stamp.js';
import { freePort, repoRoot, startServer, waitForHealth } from '../support/processes';

/**
 * Builds the web app if needed and starts one real server (embedded database, small demo) for
 * all browser tests; screenshots go to test-results/e2e.
 */
declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (webBuildIsStale(repoRoot)) {
    execFileSync(process.execPath, [path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    writeBuildStamp(repoRoot);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qcity-e2e-'));
  const server = startServer({ DATA_DIR: dataDir, DEMO_DATA: 'small', LOG_LEVEL: 'warn' }, await freePort());
  await waitForHealth(server, 240_000);
  project.provide('baseUrl', server.url);
  fs.mkdirSync(path.join(repoRoot, 'test-results', 'e2e'), { recursive: true });
  return async () => {
    server.child.kill('SIGTERM');
    await server.exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
