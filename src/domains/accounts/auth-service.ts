import { sql } from 'drizzle-orm';
import type { Actor } from '../../shared/actor';
import { rateLimited, unauthenticated } from '../../shared/errors';
import { rolePermissions } from '../../shared/permissions';
import type { Config } from '../../platform/config';
import { toIsoTimestamp, type Db } from '../../platform/db/types';
import type { SessionInfo, SessionResolver } from '../../platform/http/context';
import { newSecret, sha256Hex } from '../../platform/ids';
import { recordAudit } from '../audit';
import { burnVerification, verifyPassword } from './passwords';
import { isLoginAllowed, isSessionExpired, nextThrottleState, retryAfterSeconds } from './rules';
import type { LoginInput, Me } from './schema';
import {
  clearThrottle,
  deleteSession,
  findSessionWithUser,
  findThrottle,
  findUserById,
  findUserByUsername,
  insertSession,
  saveThrottle,
  touchLastLogin,
  touchSession,
  type UserRecord,
} from './store';
import type { SessionCache } from './session-cache';

/** Sessions are touched at most once a minute, so reads do not turn into a write per request. */
const TOUCH_INTERVAL_MS = 60_000;

export type LoginResult = { token: string; csrfToken: string; maxAgeSeconds: number; me: Me };

type LoginContext = { now: Date; ip: string | null; userAgent: string | null; requestId: string | null; config: Pick<Config, 'login' | 'session'> };

function anonymousActor(username: string, userId: string | null, ctx: LoginContext): Actor {
  return {
    kind: 'user',
    userId,
    username,
    displayName: username,
    role: null,
    flags: [],
    orgUnitId: null,
    orgPath: null,
    enterpriseId: null,
    scope: { kind: 'self', userId: userId ?? '' },
    requestId: ctx.requestId,
    ip: ctx.ip,
    trace: { auditEntries: 0 },
  };
}

function throttleKeys(username: string, ip: string | null): Array<{ key: string; max: (c: LoginContext) => number }> {
  const keys = [{ key: `user:${username.toLowerCase()}`, max: (c: LoginContext) => c.config.login.maxFailuresPerUser }];
  if (ip) keys.push({ key: `ip:${ip}`, max: (c: LoginContext) => c.config.login.maxFailuresPerIp });
  return keys;
}

export async function login(db: Db, options: { input: LoginInput; ctx: LoginContext }): Promise<LoginResult> {
  const { input, ctx } = options;
  const keys = throttleKeys(input.username, ctx.ip);
  for (const { key } of keys) {
    const wait = retryAfterSeconds(await findThrottle(db, key), ctx.now);
    if (wait > 0) throw rateLimited('auth.too_many_attempts', `登录失败次数过多，请 ${Math.ceil(wait / 60)} 分钟后再试`, { retryAfterSeconds: wait });
  }

  const user = await findUserByUsername(db, input.username);
  const passwordOk = user ? await verifyPassword(user.passwordHash, input.password) : (await burnVerification(input.password), false);
  if (!user || !passwordOk || !isLoginAllowed(user)) {
    await db.transaction(async (tx) => {
      for (const { key, max } of keys) {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`);
        await saveThrottle(tx, key, nextThrottleState(await findThrottle(tx, key), ctx.now, max(ctx), ctx.config.login.windowSeconds));
      }
      const reason = !user ? 'unknown_user' : !passwordOk ? 'wrong_password' : 'account_disabled';
      await recordAudit(tx, anonymousActor(input.username, user?.id ?? null, ctx), {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        orgUnitId: user?.orgUnitId ?? null,
        summary: `登录失败：${input.username}`,
        after: { reason },
      });
    });
    throw unauthenticated('auth.invalid_credentials', '用户名或密码错误，或账号已停用');
  }

  const token = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(ctx.now.getTime() + ctx.config.session.absoluteSeconds * 1000);
  await db.transaction(async (tx) => {
    await clearThrottle(tx, `user:${input.username.toLowerCase()}`);
    await insertSession(tx, { id: sha256Hex(token), userId: user.id, csrfToken, now: ctx.now, expiresAt, ip: ctx.ip, userAgent: ctx.userAgent });
    await touchLastLogin(tx, user.id, ctx.now);
    const actor = anonymousActor(user.username, user.id, ctx);
    await recordAudit(tx, { ...actor, role: user.role }, { action: 'auth.login', entityType: 'user', entityId: user.id, orgUnitId: user.orgUnitId, summary: `${user.displayName} 登录` });
  });
  const session = toSessionInfo(sha256Hex(token), csrfToken, user);
  return { token, csrfToken, maxAgeSeconds: ctx.config.session.absoluteSeconds, me: await getMe(db, { session }) };
}

export async function logout(db: Db, options: { actor: Actor; sessionId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    await deleteSession(tx, options.sessionId);
    await recordAudit(tx, options.actor, { action: 'auth.logout', entityType: 'user', entityId: options.actor.userId, orgUnitId: options.actor.orgUnitId, summary: `${options.actor.displayName} 退出登录` });
  });
}

function toSessionInfo(sessionId: string, csrfToken: string, user: UserRecord): SessionInfo {
  return {
    sessionId,
    csrfToken,
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      flags: user.flags,
      orgUnitId: user.orgUnitId,
      orgPath: user.orgPath,
      enterpriseId: user.enterpriseId,
      mustChangePassword: user.mustChangePassword,
    },
  };
}

/**
 * The session behind a cookie token, or null (unknown, expired — then deleted —, or its user or
 * org unit disabled). With a cache (session-cache.ts) a lookup that is valid and touched less than
 * TOUCH_INTERVAL_MS ago is answered from memory; anything else reads the database.
 */
export function createSessionResolver(sessionConfig: Config['session'], cache: SessionCache | null = null): SessionResolver {
  return async (db, token, now) => {
    const id = sha256Hex(token);
    const hit = cache?.get(id);
    if (hit && now.getTime() - hit.lastSeenAt.getTime() <= TOUCH_INTERVAL_MS && !isSessionExpired(hit, now, sessionConfig.idleSeconds)) return hit.info;
    const generation = cache?.generation() ?? 0;
    const found = await findSessionWithUser(db, id);
    if (!found) return null;
    const { session: row, user } = found;
    const lastSeenAt = new Date(toIsoTimestamp(row.last_seen_at));
    const expiresAt = new Date(toIsoTimestamp(row.expires_at));
    if (isSessionExpired({ lastSeenAt, expiresAt }, now, sessionConfig.idleSeconds)) {
      await deleteSession(db, id);
      return null;
    }
    if (!isLoginAllowed(user)) {
      await deleteSession(db, id);
      return null;
    }
    const touched = now.getTime() - lastSeenAt.getTime() > TOUCH_INTERVAL_MS;
    if (touched) await touchSession(db, id, now);
    const info = toSessionInfo(id, row.csrf_token, user);
    cache?.store(generation, id, { info, lastSeenAt: touched ? now : lastSeenAt, expiresAt });
    return info;
  };
}

export async function getMe(db: Db, options: { session: SessionInfo }): Promise<Me> {
  const user = await findUserById(db, options.session.user.id);
  if (!user) throw unauthenticated('auth.required', '请先登录');
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    flags: user.flags,
    orgUnit: { id: user.orgUnitId, name: user.orgUnitName, kind: user.orgUnitKind as Me['orgUnit']['kind'] },
    enterpriseId: user.enterpriseId,
    permissions: [...rolePermissions[user.role]],
    mustChangePassword: user.mustChangePassword,
    csrfToken: options.session.csrfToken,
  };
}

