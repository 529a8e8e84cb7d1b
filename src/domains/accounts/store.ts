import { sql, type SQL } from 'drizzle-orm';
import type { DataScope } from '../../shared/actor';
import { conflict } from '../../shared/errors';
import type { Role, UserFlag } from '../../shared/roles';
import { scopeCondition } from '../../platform/db/scope';
import { queryOne, queryPreparedOne, queryRows, toIsoTimestamp, type Db } from '../../platform/db/types';
import { invalidateSessionCaches } from './session-cache';
import type { ThrottleState } from './rules';
import type { ListUsersQuery, User } from './schema';

export type UserRecord = User & { passwordHash: string; orgPath: string; orgUnitActive: boolean; orgUnitKind: string };

type UserRow = {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  flags: UserFlag[];
  org_unit_id: string;
  org_unit_name: string;
  org_path: string;
  org_active: boolean;
  org_kind: string;
  enterprise_id: string | null;
  phone: string | null;
  email: string | null;
  password_hash: string;
  must_change_password: boolean;
  is_active: boolean;
  last_login_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
};

const userColumns = sql`u.id, u.username, u.display_name, u.role, u.flags, u.org_unit_id, o.name AS org_unit_name, o.path AS org_path,
  o.is_active AS org_active, o.kind AS org_kind, u.enterprise_id, u.phone, u.email, u.password_hash, u.must_change_password, u.is_active,
  u.last_login_at::text, u.version, u.created_at::text, u.updated_at::text`;

function toRecord(r: UserRow): UserRecord {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    flags: r.flags ?? [],
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    enterpriseId: r.enterprise_id,
    phone: r.phone,
    email: r.email,
    isActive: r.is_active,
    mustChangePassword: r.must_change_password,
    lastLoginAt: toIsoTimestamp(r.last_login_at),
    version: r.version,
    createdAt: toIsoTimestamp(r.created_at),
    updatedAt: toIsoTimestamp(r.updated_at),
    passwordHash: r.password_hash,
    orgPath: r.org_path,
    orgUnitActive: r.org_active,
    orgUnitKind: r.org_kind,
  };
}

export function toPublicUser(record: UserRecord): User {
  const { passwordHash: _h, orgPath: _p, orgUnitActive: _a, orgUnitKind: _k, ...user } = record;
  return user;
}

const userScope = (scope: DataScope) => scopeCondition(scope, { orgColumn: sql`u.org_unit_id`, enterpriseColumn: sql`u.enterprise_id`, userColumn: sql`u.id` });

export async function findUserById(db: Db, id: string, scope: DataScope = { kind: 'all' }): Promise<UserRecord | null> {
  const row = await queryOne<UserRow>(db, sql`SELECT ${userColumns} FROM users u JOIN org_units o ON o.id = u.org_unit_id WHERE u.id = ${id} AND ${userScope(scope)}`);
  return row ? toRecord(row) : null;
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRecord | null> {
  const row = await queryOne<UserRow>(db, sql`SELECT ${userColumns} FROM users u JOIN org_units o ON o.id = u.org_unit_id WHERE lower(u.username) = lower(${username})`);
  return row ? toRecord(row) : null;
}

export type NewUser = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  flags: UserFlag[];
  orgUnitId: string;
  enterpriseId: string | null;
  phone: string | null;
  email: string | null;
  passwordHash: string;
  mustChangePassword: boolean;
};

export async function insertUser(db: Db, user: NewUser): Promise<void> {
  try {
    await db.execute(sql`
      INSERT INTO users (id, username, display_name, role, flags, org_unit_id, enterprise_id, phone, email, password_hash, must_change_password)
      VALUES (${user.id}, ${user.username}, ${user.displayName}, ${user.role}, ${pgTextArray(user.flags)}::text[], ${user.orgUnitId},
              ${user.enterpriseId}, ${user.phone}, ${user.email}, ${user.passwordHash}, ${user.mustChangePassword})`);
  } catch (error) {
    const e = error as { code?: string; cause?: { code?: string } };
    if ((e.code ?? e.cause?.code) === '23505') throw conflict('user.duplicate_username', '用户名已被使用');
    throw error;
  }
}

function pgTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (m) => `\\${m}`)}"`).join(',')}}`;
}

export type UserPatch = Partial<{
  displayName: string;
  role: Role;
  flags: UserFlag[];
  orgUnitId: string;
  enterpriseId: string | null;
  phone: string | null;
  email: string | null;
  isActive: boolean;
  passwordHash: string;
  mustChangePassword: boolean;
}>;

export async function updateUserRow(db: Db, id: string, version: number, patch: UserPatch): Promise<boolean> {
  const sets: SQL[] = [];
  if (patch.displayName !== undefined) sets.push(sql`display_name = ${patch.displayName}`);
  if (patch.role !== undefined) sets.push(sql`role = ${patch.role}`);
  if (patch.flags !== undefined) sets.push(sql`flags = ${pgTextArray(patch.flags)}::text[]`);
  if (patch.orgUnitId !== undefined) sets.push(sql`org_unit_id = ${patch.orgUnitId}`);
  if (patch.enterpriseId !== undefined) sets.push(sql`enterprise_id = ${patch.enterpriseId}`);
  if (patch.phone !== undefined) sets.push(sql`phone = ${patch.phone}`);
  if (patch.email !== undefined) sets.push(sql`email = ${patch.email}`);
  if (patch.isActive !== undefined) sets.push(sql`is_active = ${patch.isActive}`);
  if (patch.passwordHash !== undefined) sets.push(sql`password_hash = ${patch.passwordHash}`, sql`password_changed_at = now()`);
  if (patch.mustChangePassword !== undefined) sets.push(sql`must_change_password = ${patch.mustChangePassword}`);
  sets.push(sql`version = version + 1`, sql`updated_at = now()`);
  const rows = await queryRows<{ id: string }>(db, sql`UPDATE users SET ${sql.join(sets, sql`, `)} WHERE id = ${id} AND version = ${version} RETURNING id`);
  invalidateSessionCaches(); // the user's sessions must see the change (session-cache.ts)
  return rows.length === 1;
}

export async function touchLastLogin(db: Db, id: string, at: Date): Promise<void> {
  await db.execute(sql`UPDATE users SET last_login_at = ${at.toISOString()} WHERE id = ${id}`);
}

export function userListFilters(query: ListUsersQuery, scope: DataScope): SQL {
  const parts: SQL[] = [userScope(scope)];
  if (query.active !== 'all') parts.push(sql`u.is_active = ${query.active === 'true'}`);
  if (query.role) {
    const list = Array.isArray(query.role) ? query.role : [query.role];
    parts.push(sql`u.role IN (${sql.join(list.map((r) => sql`${r}`), sql`, `)})`);
  }
  if (query.flag) parts.push(sql`${query.flag} = ANY (u.flags)`);
  if (query.orgUnitId) {
    parts.push(
      query.includeSubunits
        ? sql`o.path LIKE (SELECT path FROM org_units WHERE id = ${query.orgUnitId}) || '%'`
        : sql`u.org_unit_id = ${query.orgUnitId}`,
    );
  }
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    parts.push(sql`(u.username ILIKE ${like} OR u.display_name ILIKE ${like} OR u.phone LIKE ${like})`);
  }
  return sql.join(parts, sql` AND `);
}

const userSort: Record<ListUsersQuery['sort'], SQL> = {
  username: sql`lower(u.username)`,
  '-username': sql`lower(u.username) DESC`,
  displayName: sql`u.display_name, lower(u.username)`,
  role: sql`u.role, lower(u.username)`,
  '-lastLoginAt': sql`u.last_login_at DESC NULLS LAST, lower(u.username)`,
  '-createdAt': sql`u.created_at DESC, u.id`,
};

export async function selectUsers(db: Db, where: SQL, options: { sort: ListUsersQuery['sort']; limit: number; offset: number }): Promise<UserRecord[]> {
  const rows = await queryRows<UserRow>(
    db,
    sql`SELECT ${userColumns} FROM users u JOIN org_units o ON o.id = u.org_unit_id WHERE ${where}
        ORDER BY ${userSort[options.sort]} LIMIT ${options.limit} OFFSET ${options.offset}`,
  );
  return rows.map(toRecord);
}

export async function countUsers(db: Db, where: SQL): Promise<number> {
  return (await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM users u JOIN org_units o ON o.id = u.org_unit_id WHERE ${where}`))?.n ?? 0;
}

export async function countActiveUsersInOrg(db: Db, orgUnitId: string): Promise<number> {
  return (await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM users WHERE org_unit_id = ${orgUnitId} AND is_active`))?.n ?? 0;
}

export async function countUsersTotal(db: Db): Promise<number> {
  return (await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM users`))?.n ?? 0;
}

// ── sessions ────────────────────────────────────────────────────────────────

export type SessionRow = { id: string; user_id: string; csrf_token: string; last_seen_at: string; expires_at: string };

export async function insertSession(db: Db, s: { id: string; userId: string; csrfToken: string; now: Date; expiresAt: Date; ip: string | null; userAgent: string | null }): Promise<void> {
  await db.execute(sql`INSERT INTO sessions (id, user_id, csrf_token, created_at, last_seen_at, expires_at, ip, user_agent)
    VALUES (${s.id}, ${s.userId}, ${s.csrfToken}, ${s.now.toISOString()}, ${s.now.toISOString()}, ${s.expiresAt.toISOString()}, ${s.ip}, ${s.userAgent})`);
}

/**
 * The session and its user in one round trip (every authenticated request does this), as a
 * prepared statement so PostgreSQL does not parse and plan it on every request.
 */
export async function findSessionWithUser(db: Db, id: string): Promise<{ session: SessionRow; user: UserRecord } | null> {
  const row = await queryPreparedOne<SessionRow & UserRow & { session_id: string }>(
    db,
    sql`SELECT s.id AS session_id, s.user_id, s.csrf_token, s.last_seen_at::text AS last_seen_at, s.expires_at::text AS expires_at, ${userColumns}
        FROM sessions s JOIN users u ON u.id = s.user_id JOIN org_units o ON o.id = u.org_unit_id WHERE s.id = ${id}`,
  );
  if (!row) return null;
  return {
    session: { id: row.session_id, user_id: row.user_id, csrf_token: row.csrf_token, last_seen_at: row.last_seen_at, expires_at: row.expires_at },
    user: toRecord(row),
  };
}

export async function touchSession(db: Db, id: string, now: Date): Promise<void> {
  await db.execute(sql`UPDATE sessions SET last_seen_at = ${now.toISOString()} WHERE id = ${id}`);
}

// Writes that revoke sessions or change users also drop this process's session caches at once;
// other processes hear of them by notification (session-cache.ts).

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.execute(sql`DELETE FROM sessions WHERE id = ${id}`);
  invalidateSessionCaches();
}

export async function deleteUserSessions(db: Db, userId: string, exceptId: string | null = null): Promise<void> {
  await db.execute(sql`DELETE FROM sessions WHERE user_id = ${userId} AND (${exceptId}::text IS NULL OR id <> ${exceptId})`);
  invalidateSessionCaches();
}

export async function deleteExpiredSessions(db: Db, now: Date, idleSeconds: number): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`DELETE FROM sessions WHERE expires_at <= ${now.toISOString()} OR last_seen_at <= ${new Date(now.getTime() - idleSeconds * 1000).toISOString()} RETURNING id`,
  );
  return rows.length;
}

// ── login throttle ──────────────────────────────────────────────────────────

export async function findThrottle(db: Db, key: string): Promise<ThrottleState | null> {
  const row = await queryOne<{ failures: number; window_started_at: string; locked_until: string | null }>(
    db,
    sql`SELECT failures, window_started_at::text, locked_until::text FROM login_throttle WHERE key = ${key}`,
  );
  if (!row) return null;
  return {
    failures: row.failures,
    windowStartedAt: new Date(toIsoTimestamp(row.window_started_at)),
    lockedUntil: row.locked_until ? new Date(toIsoTimestamp(row.locked_until)) : null,
  };
}

export async function saveThrottle(db: Db, key: string, state: ThrottleState): Promise<void> {
  await db.execute(sql`INSERT INTO login_throttle (key, failures, window_started_at, locked_until)
    VALUES (${key}, ${state.failures}, ${state.windowStartedAt.toISOString()}, ${state.lockedUntil?.toISOString() ?? null})
    ON CONFLICT (key) DO UPDATE SET failures = EXCLUDED.failures, window_started_at = EXCLUDED.window_started_at, locked_until = EXCLUDED.locked_until`);
}

export async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.execute(sql`DELETE FROM login_throttle WHERE key = ${key}`);
}
