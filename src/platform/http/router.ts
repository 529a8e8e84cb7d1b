import { OpenAPIHono, createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { invalid, tooLarge } from '../../shared/errors';
import { declareAccess, type Access } from './access';
import type { AppEnv } from './context';
import { summariseIssues } from './on-error';

/**
 * How a domain declares its HTTP routes:
 *
 *   const router = createRouter();
 *   router.openapi(defineRoute({ method: 'get', path: '/org-units/{id}', access: { permission: 'org.read', scope: 'org' },
 *     request: { params: idParamsSchema }, responses: okJson(orgUnitSchema, '…') }), async (c) => …);
 *
 * `defineRoute` puts the access declaration (checked before anything else), a JSON body limit and
 * the error responses into the route, marks JSON bodies as required, and publishes the
 * declaration in OpenAPI as `x-access`. Validation failures become `request.invalid` errors.
 */
export type Router = OpenAPIHono<AppEnv>;

export function createRouter(): Router {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw invalid('request.invalid', '请求参数不合法', { issues: summariseIssues(result.error as z.ZodError) });
      }
    },
  });
}

type DefineRouteConfig = RouteConfig & {
  access: Access;
  /** Maximum request body in bytes (default: the JSON limit from config). */
  maxBodyBytes?: number;
};

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().describe('机器可读的错误码，形如 domain.reason'),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

const errorResponses = {
  400: { description: '输入不合法 / invalid input', content: { 'application/json': { schema: errorSchema } } },
  401: { description: '未登录 / not logged in', content: { 'application/json': { schema: errorSchema } } },
  403: { description: '无权限 / forbidden', content: { 'application/json': { schema: errorSchema } } },
  404: { description: '未找到 / not found', content: { 'application/json': { schema: errorSchema } } },
  409: { description: '冲突 / conflict', content: { 'application/json': { schema: errorSchema } } },
  413: { description: '请求过大 / too large', content: { 'application/json': { schema: errorSchema } } },
} as const;

export function defineRoute<R extends DefineRouteConfig>(config: R) {
  const { access, maxBodyBytes, ...route } = config;
  const limit: MiddlewareHandler<AppEnv> = async (c, next) => {
    // GET and HEAD carry no body (the request object has none to limit or check); asking for it
    // would only build a full fetch Request on every read.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const maxSize = maxBodyBytes ?? c.get('deps').config.limits.jsonBody;
    return bodyLimit({
      maxSize,
      onError: () => {
        throw tooLarge('request.too_large', `请求体超过 ${maxSize} 字节的上限`, { maxBytes: maxSize });
      },
    })(c, async () => {
      // NUL characters cannot be stored in PostgreSQL text; refuse them at the edge.
      if (/json/i.test(c.req.header('content-type') ?? '')) {
        const text = await c.req.text();
        if (text.includes('\\u0000') || text.includes('\0')) throw invalid('request.invalid_characters', '请求中含有不允许的控制字符（NUL）');
      }
      await next();
    });
  };
  const body = route.request?.body ? { ...route.request.body, required: route.request.body.required ?? true } : undefined;
  const full = {
    ...route,
    request: route.request ? { ...route.request, ...(body ? { body } : {}) } : undefined,
    middleware: [declareAccess(access), limit],
    responses: { ...errorResponses, ...route.responses },
    'x-access': 'public' in access ? 'public' : `${access.permission} (${access.scope})`,
    // Routes that take bulk uploads raise the JSON body limit; clients (and the hostile-input test) read it here.
    ...(maxBodyBytes ? { 'x-max-body-bytes': maxBodyBytes } : {}),
  };
  return createRoute(full as unknown as Omit<R, 'access' | 'maxBodyBytes'> & { middleware: MiddlewareHandler<AppEnv>[] });
}

/** Shorthand for a JSON success response. */
export function okJson<S extends z.ZodType>(schema: S, description: string, status: 200 | 201 = 200) {
  return { [status]: { description, content: { 'application/json': { schema } } } } as {
    [K in typeof status]: { description: string; content: { 'application/json': { schema: S } } };
  };
}

export function jsonBody<S extends z.ZodType>(schema: S, description?: string) {
  return { content: { 'application/json': { schema } }, required: true, ...(description ? { description } : {}) };
}

export const idParamsSchema = z.object({ id: z.uuid().describe('记录 ID') });

/** `{items,total,page,pageSize}` list envelope (product.md §4). */
export function pageSchema<S extends z.ZodType>(item: S) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

export const pageQuerySchema = z.object({
  q: z.string().trim().max(100).optional().describe('全文检索'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z.string().max(40).optional().describe('排序字段，前缀 - 表示倒序'),
});
