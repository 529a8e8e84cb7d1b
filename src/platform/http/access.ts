import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Actor, DataScope } from '../../shared/actor';
import { forbidden, unauthenticated } from '../../shared/errors';
import { hasPermission, roleReach, type Permission } from '../../shared/permissions';
import type { AppEnv, SessionInfo } from './context';

/**
 * Route access, enforced in one place. Every API route declares who may call it:
 *
 * - `{ public: true }`: no login needed (health, calculators, login itself);
 * - `{ permission, scope }`: a logged-in user whose role holds `permission`; `scope` says which
 *   data the route serves and so which DataScope the actor gets:
 *     - 'global'   — data that is not territorial (reference data, calculators behind login);
 *     - 'org'      — records that belong to org units: roles with full reach see everything,
 *                    others their own org subtree; enterprise users are refused;
 *     - 'org_or_enterprise' — as 'org', but enterprise users see their own enterprise's records;
 *     - 'self'     — the caller's own records (profile, password, notifications).
 *
 * `declareAccess` returns the middleware that enforces the declaration; the route-permission test
 * checks that every registered /api route carries one.
 */
export type RouteScope = 'global' | 'org' | 'org_or_enterprise' | 'self';
export type Access = { public: true } | { permission: Permission | 'authenticated'; scope: RouteScope };

export const SESSION_COOKIE = 'qc_session';
export const CSRF_COOKIE = 'qc_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const declaredMiddleware = new WeakMap<MiddlewareHandler, Access>();

/** The declaration behind a middleware, if it is an access declaration. */
export function accessOf(handler: unknown): Access | undefined {
  return typeof handler === 'function' ? declaredMiddleware.get(handler as MiddlewareHandler) : undefined;
}

export function declareAccess(access: Access): MiddlewareHandler<AppEnv> {
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    const session = c.get('session');
    if ('public' in access) {
      c.set('actor', session ? actorFor(session, { kind: 'all' }, c.get('requestId'), c.get('clientIp')) : null);
    } else {
      if (!session) throw unauthenticated('auth.required', '请先登录');
      const { user } = session;
      if (access.permission !== 'authenticated' && !hasPermission(user.role, access.permission)) {
        throw forbidden('auth.forbidden', '当前角色无权执行此操作', { permission: access.permission });
      }
      c.set('actor', actorFor(session, scopeFor(session, access.scope), c.get('requestId'), c.get('clientIp')));
    }
    await next();
    const actor = c.get('actor');
    const isWrite = !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method);
    if (isWrite && actor && c.res.status < 400 && actor.trace.auditEntries === 0 && !('public' in access)) {
      const { config, logger } = c.get('deps');
      logger.error({ path: c.req.path, method: c.req.method }, 'write request recorded no audit entry');
      if (config.strictAudit) throw new Error(`write ${c.req.method} ${c.req.path} recorded no audit entry`);
    }
  };
  declaredMiddleware.set(middleware as MiddlewareHandler, access);
  return middleware;
}

function scopeFor(session: SessionInfo, scope: RouteScope): DataScope {
  const { user } = session;
  if (scope === 'global') return { kind: 'all' };
  if (scope === 'self') return { kind: 'self', userId: user.id };
  const reach = roleReach[user.role];
  if (reach === 'all') return { kind: 'all' };
  if (reach === 'subtree') return { kind: 'subtree', rootId: user.orgUnitId, rootPath: user.orgPath };
  if (scope === 'org_or_enterprise' && user.enterpriseId) return { kind: 'enterprise', enterpriseId: user.enterpriseId };
  throw forbidden('auth.forbidden', '企业用户无权访问此数据');
}

export function actorFor(session: SessionInfo, scope: DataScope, requestId: string | null, ip: string | null): Actor {
  const { user } = session;
  return {
    kind: 'user',
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    flags: user.flags,
    orgUnitId: user.orgUnitId,
    orgPath: user.orgPath,
    enterpriseId: user.enterpriseId,
    scope,
    requestId,
    ip,
    trace: { auditEntries: 0 },
  };
}

/**
 * Loads the session behind the cookie (if any) and checks CSRF for cookie-authenticated writes:
 * the `X-CSRF-Token` header must equal the session's token, which the client reads from the
 * non-HttpOnly `qc_csrf` cookie or from `/auth/me`. Cross-site writes are also refused by origin.
 */
export const sessionMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { resolveSession, clock } = c.get('deps');
  const token = getCookie(c, SESSION_COOKIE);
  const session = token ? await resolveSession(c.get('db'), token, clock.now()) : null;
  c.set('session', session);
  c.set('actor', null);
  const isWrite = !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method);
  if (isWrite) {
    const origin = c.req.header('origin');
    if (origin && !isSameOrigin(origin, c.req.url, c.req.header('host'))) {
      throw forbidden('auth.cross_origin', '拒绝跨站请求');
    }
    if (session && c.req.header(CSRF_HEADER) !== session.csrfToken) {
      throw forbidden('auth.csrf_failed', 'CSRF 校验失败，请刷新页面后重试');
    }
  }
  await next();
};

function isSameOrigin(origin: string, requestUrl: string, host: string | undefined): boolean {
  try {
    const o = new URL(origin);
    if (host && o.host === host) return true;
    return o.host === new URL(requestUrl).host;
  } catch {
    return false;
  }
}

/** The actor of a declared, non-public route (never null there). */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw unauthenticated('auth.required', '请先登录');
  return actor;
}
