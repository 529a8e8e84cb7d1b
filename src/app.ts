import { OpenAPIHono } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import { secureHeaders } from 'hono/secure-headers';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { domainRouters } from './domains/modules';
import { declareAccess, sessionMiddleware } from './platform/http/access';
import { compressResponses } from './platform/http/compression';
import { mountApiDocs } from './platform/http/api-docs';
import type { AppDeps, AppEnv } from './platform/http/context';
import { errorBody, onError } from './platform/http/on-error';
import { createRouter, defineRoute, okJson } from './platform/http/router';
import { mountWebApp } from './platform/http/web-app';
import { newId } from './platform/ids';
import { invalid, tooLarge } from './shared/errors';

export type CreateAppOptions = { deps: AppDeps; webDir?: string | null };

/** The composition root of the HTTP server: global middleware, every domain's routes, docs, web app. */
export function createApp(options: CreateAppOptions) {
  const { deps } = options;
  const app = new OpenAPIHono<AppEnv>();

  app.use('*', async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : newId();
    c.set('requestId', requestId);
    c.set('deps', deps);
    c.set('db', deps.db);
    c.set('logger', deps.logger.child({ requestId }));
    c.set('clientIp', clientIp(c, deps.config.trustProxy));
    const started = performance.now();
    await next();
    // On the response's own headers: c.header() after the handler would rebuild the finished
    // response around a body stream and lose the server's fast path for string bodies.
    c.res.headers.set('x-request-id', requestId);
    c.get('logger').info(
      { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started), user: c.get('actor')?.username },
      'request',
    );
  });
  app.use('*', secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:', ...(deps.config.mapTileUrl ? [new URL(deps.config.mapTileUrl.replace(/\{[^}]+\}/g, 'x')).origin] : [])],
      connectSrc: ["'self'"],
      fontSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'strict-origin-when-cross-origin',
    crossOriginEmbedderPolicy: false,
  }));
  app.use('*', compressResponses());
  app.use('/api/*', async (c, next) => {
    // Absolute ceiling for any body (uploads included); JSON routes have a lower limit of their own.
    if (/%00/.test(c.req.url)) throw invalid('request.invalid_characters', '请求地址中含有不允许的控制字符（NUL）');
    const length = Number(c.req.header('content-length') ?? 0);
    if (length > deps.config.limits.upload) throw tooLarge('request.too_large', '请求体过大', { maxBytes: deps.config.limits.upload });
    await next();
  });
  app.use('/api/*', sessionMiddleware);

  const system = createRouter();
  system.openapi(
    defineRoute({
      method: 'get',
      path: '/health',
      tags: ['系统 System'],
      summary: '健康检查',
      access: { public: true },
      responses: okJson(z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string() }), '服务正常'),
    }),
    async (c) => {
      await c.var.db.execute(sql`SELECT 1`);
      return c.json({ status: 'ok' as const, db: deps.database.kind, version: deps.version }, 200);
    },
  );
  app.route('/api/v1', system);
  for (const router of domainRouters) app.route('/api/v1', router);

  app.get('/api/v1/openapi.json', declareAccess({ public: true }), (c) =>
    c.json(
      app.getOpenAPI31Document({
        openapi: '3.1.0',
        info: {
          title: '质量强市综合管理平台 API (Quality City)',
          version: deps.version,
          description:
            '所有写请求须携带会话 Cookie 与 X-CSRF-Token 头。错误统一为 {"error":{"code","message","details"}}。每个操作的 x-access 说明所需权限与数据范围。',
        },
        servers: [{ url: '/' }],
      }),
    ),
  );
  mountApiDocs(app);
  app.all('/api/*', (c) => c.json(errorBody('route.not_found', `没有这个接口：${c.req.method} ${c.req.path}`), 404));
  if (options.webDir) mountWebApp(app, options.webDir);
  app.onError(onError);
  app.notFound((c) => c.json(errorBody('route.not_found', '未找到'), 404));
  return app;
}

export type App = ReturnType<typeof createApp>;

function clientIp(c: Parameters<typeof getConnInfo>[0], trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // app.request() in tests has no socket
  }
}
