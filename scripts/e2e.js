#!/usr/bin/env node
// Browser tests with Debian's Chromium through playwright-core. Installs chromium and CJK fonts
// with apt-get when they are missing and we run as root; otherwise skips with a clear message —
// except under CI=true, where a missing browser is a failure.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const hasFonts = () => {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
};
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

if (!fs.existsSync(chromium) || !hasFonts()) {
  if (isRoot) {
    console.log('Installing Chromium and CJK fonts with apt-get (needed by the browser tests)…');
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    const install = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (update.status !== 0 || install.status !== 0) {
      console.error('apt-get could not install chromium/fonts-noto-cjk.');
      process.exit(1);
    }
  } else {
    const message = `Browser tests skipped: ${fs.existsSync(chromium) ? 'CJK fonts (fonts-noto-cjk)' : `Chromium (${chromium})`} missing and not running as root. Install: sudo apt-get install chromium fonts-noto-cjk`;
    if (process.env.CI === 'true') {
      console.error(message.replace('skipped', 'cannot run under CI'));
      process.exit(1);
    }
    console.warn(`\n*** ${message} ***\n`);
    process.exit(0);
  }
}

const env = { ...process.env, CHROMIUM_PATH: chromium };
delete env.DATABASE_URL;
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const result = spawnSync(process.execPath, [vitest, 'run', '--project', 'e2e', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
process.exit(result.status ?? 1);
