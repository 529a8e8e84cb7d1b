#!/usr/bin/env node
// `npm run test:pg`: the integration suite against the PostgreSQL server in DATABASE_URL
// (each test file gets its own database cloned from a migrated template).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!process.env.DATABASE_URL) {
  console.error('test:pg needs DATABASE_URL=postgres://user@host:port/db of a PostgreSQL (>= 15) server where the user may create databases.');
  process.exit(2);
}
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const result = spawnSync(process.execPath, [vitest, 'run', '--project', 'integration', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
