// Decides whether dist/web is older than its sources (npm start rebuilds it when it is).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const inputs = ['src/web', 'src/shared', 'src/domains', 'index.html', 'vite.config.ts', 'package-lock.json'];

function listFiles(root, rel, out) {
  const full = path.join(root, rel);
  if (!fs.existsSync(full)) return;
  const stat = fs.statSync(full);
  if (stat.isFile()) {
    out.push(`${rel}:${stat.size}:${Math.floor(stat.mtimeMs)}`);
    return;
  }
  for (const entry of fs.readdirSync(full).sort()) {
    if (entry === 'node_modules' || entry.endsWith('.test.ts') || entry.endsWith('.test.tsx')) continue;
    listFiles(root, path.join(rel, entry), out);
  }
}

export function sourceFingerprint(root) {
  const files = [];
  for (const input of inputs) listFiles(root, input, files);
  return crypto.createHash('sha256').update(files.join('\n')).digest('hex');
}

const stampPath = (root) => path.join(root, 'dist', 'web', '.build-stamp');

export function webBuildIsStale(root) {
  if (!fs.existsSync(path.join(root, 'dist', 'web', 'index.html'))) return true;
  try {
    return fs.readFileSync(stampPath(root), 'utf8').trim() !== sourceFingerprint(root);
  } catch {
    return true;
  }
}

export function writeBuildStamp(root) {
  fs.writeFileSync(stampPath(root), sourceFingerprint(root));
}
