#!/usr/bin/env node
// `npm start`: build the web app when the build is missing or stale, then run the server.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { webBuildIsStale, writeBuildStamp } from '../scripts/web-build-stamp.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

if (webBuildIsStale(root)) {
  console.log('Building the web app (first start, or the sources changed)…');
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  writeBuildStamp(root);
}

register();
await import('../src/server.ts');
