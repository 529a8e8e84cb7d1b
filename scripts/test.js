#!/usr/bin/env node
// `npm test`: unit + integration (in-memory PGlite) + system (real server processes) + browser tests.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env };
delete env.DATABASE_URL; // npm test always uses the embedded database; `npm run test:pg` covers PostgreSQL

const run = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env }).status ?? 1;

const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
let status = run([vitest, 'run', '--project', 'unit', '--project', 'integration', '--project', 'system']);
if (status === 0) status = run([path.join(root, 'scripts', 'e2e.js')]);
process.exit(status);
