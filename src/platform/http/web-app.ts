import fs from 'node:fs';
import path from 'node:path';
import type { Hono } from 'hono';
import type { AppEnv } from './context';

/**
 * Serves the built React app from `dist/web` with an SPA fallback: any GET outside /api that is
 * not a file answers index.html, so deep links such as /admin/org-units work on reload.
 */
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export function mountWebApp(app: Hono<AppEnv>, webDir: string): void {
  const root = path.resolve(webDir);
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/')) return c.notFound();
    const relative = decodeURIComponent(c.req.path).replace(/^\/+/, '');
    const file = path.resolve(root, relative);
    if (file.startsWith(root + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      const immutable = relative.startsWith('assets/');
      return c.body(fs.readFileSync(file), 200, {
        'content-type': types[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
    }
    const index = path.join(root, 'index.html');
    if (!fs.existsSync(index)) {
      return c.text('Web app not built yet: run `npm run build:web` (npm start builds it automatically).', 503);
    }
    return c.body(fs.readFileSync(index), 200, { 'content-type': types['.html'] as string, 'cache-control': 'no-cache' });
  });
}
