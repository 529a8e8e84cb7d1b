import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Hono } from 'hono';
import { declareAccess } from './access';
import type { AppEnv } from './context';

/**
 * The interactive API reference at /api/docs: Swagger UI served from node_modules (no CDN), pointed
 * at /api/v1/openapi.json. The page carries no inline script so the CSP stays strict.
 */
const require = createRequire(import.meta.url);
const swaggerDir = path.dirname(require.resolve('swagger-ui-dist/package.json'));

const assets: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
};

const page = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>质量强市综合管理平台 API 参考</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/swagger-ui-standalone-preset.js"></script>
<script src="/api/docs/assets/init.js"></script>
</body>
</html>`;

const init = `window.ui = SwaggerUIBundle({
  url: '/api/v1/openapi.json', dom_id: '#swagger-ui', deepLinking: true, docExpansion: 'none',
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout',
  requestInterceptor: (req) => { const m = document.cookie.match(/(?:^|; )qc_csrf=([^;]+)/); if (m) req.headers['X-CSRF-Token'] = decodeURIComponent(m[1]); return req; },
});`;

export function mountApiDocs(app: Hono<AppEnv>): void {
  const open = declareAccess({ public: true });
  app.get('/api/docs', open, (c) => c.html(page));
  app.get('/api/docs/assets/init.js', open, (c) => c.body(init, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=3600' }));
  app.get('/api/docs/assets/:file', open, (c) => {
    const file = c.req.param('file');
    const type = assets[file];
    if (!type) return c.notFound();
    return c.body(fs.readFileSync(path.join(swaggerDir, file)), 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' });
  });
}
