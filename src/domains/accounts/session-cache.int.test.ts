import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/create-test-db';
import { waitUntil } from '../../../test/support/wait';
import { DEMO_PASSWORD } from '../../demo/org-demo';
import { loadConfig } from '../../platform/config';
import type { Database } from '../../platform/db/connect';
import type { ListenHandlers } from '../../platform/db/listen';
import type { SessionInfo } from '../../platform/http/context';
import { queryOne } from '../../platform/db/types';
import { sha256Hex } from '../../platform/ids';
import { createSessionResolver, login } from './auth-service';
import { AUTH_CHANGED_CHANNEL, openSessionCache, type SessionCache } from './session-cache';

/**
 * The per-process session cache never answers for a session that was revoked or whose user or org
 * unit changed elsewhere: each such change is notified by the database (migration 0007) and drops
 * the cache. Changes here are made with plain SQL, as another server process (or an operator)
 * would make them, so only the notification can tell the cache.
 */
let database: Database;
const config = loadConfig({});
const caches: SessionCache[] = [];

beforeAll(async () => {
  database = await createTestDb();
});

afterEach(async () => {
  for (const cache of caches.splice(0)) await cache.close();
  await database.db.execute(sql`UPDATE users SET is_active = true WHERE username = 'town1' AND NOT is_active`);
  await database.db.execute(sql`UPDATE org_units SET is_active = true WHERE id = (SELECT org_unit_id FROM users WHERE username = 'town2') AND NOT is_active`);
});

afterAll(async () => {
  await database.close();
});

async function signIn(username: string): Promise<string> {
  const result = await login(database.db, {
    input: { username, password: DEMO_PASSWORD },
    ctx: { now: new Date(), ip: null, userAgent: null, requestId: null, config },
  });
  return result.token;
}

async function cached(source: Pick<Database, 'listen'> = database) {
  const cache = await openSessionCache(source);
  caches.push(cache);
  return { cache, resolve: createSessionResolver(config.session, cache) };
}

/** Deletes a session row with the notification trigger switched off: a change the cache cannot hear of. */
async function deleteUnheard(token: string): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`ALTER TABLE sessions DISABLE TRIGGER sessions_auth_deleted`);
    await tx.execute(sql`DELETE FROM sessions WHERE id = ${sha256Hex(token)}`);
    await tx.execute(sql`ALTER TABLE sessions ENABLE TRIGGER sessions_auth_deleted`);
  });
}

describe('session cache', () => {
  it('answers a repeated lookup from memory until a change is notified', async () => {
    const { cache, resolve } = await cached();
    const token = await signIn('town1');
    expect((await resolve(database.db, token, new Date()))?.user.username).toBe('town1');
    expect(cache.size).toBe(1);
    await deleteUnheard(token);
    // Served from memory: the row is gone but nothing said so.
    expect((await resolve(database.db, token, new Date()))?.user.username).toBe('town1');
    // An uncached resolver reads the database.
    expect(await createSessionResolver(config.session)(database.db, token, new Date())).toBeNull();
    await database.db.execute(sql`SELECT pg_notify(${AUTH_CHANGED_CHANNEL}, 'test')`);
    await waitUntil(async () => (await resolve(database.db, token, new Date())) === null, 'the lookup to be refused');
  });

  it('refuses a session deleted by another process', async () => {
    const { resolve } = await cached();
    const token = await signIn('town1');
    expect(await resolve(database.db, token, new Date())).not.toBeNull();
    await database.db.execute(sql`DELETE FROM sessions WHERE id = ${sha256Hex(token)}`);
    await waitUntil(async () => (await resolve(database.db, token, new Date())) === null, 'the deleted session to be refused');
  });

  it('refuses the session of a user deactivated, or moved to a deactivated org unit, by another process', async () => {
    const { resolve } = await cached();
    const token = await signIn('town1');
    expect(await resolve(database.db, token, new Date())).not.toBeNull();
    await database.db.execute(sql`UPDATE users SET is_active = false WHERE username = 'town1'`);
    await waitUntil(async () => (await resolve(database.db, token, new Date())) === null, 'the deactivated user to be refused');

    const other = await signIn('town2');
    expect(await resolve(database.db, other, new Date())).not.toBeNull();
    await database.db.execute(sql`UPDATE org_units SET is_active = false WHERE id = (SELECT org_unit_id FROM users WHERE username = 'town2')`);
    await waitUntil(async () => (await resolve(database.db, other, new Date())) === null, 'the user of a deactivated unit to be refused');
  });

  it('shows a change of the user made by another process', async () => {
    const { resolve } = await cached();
    const token = await signIn('town1');
    expect((await resolve(database.db, token, new Date()))?.user.displayName).not.toBe('改名后的用户');
    await database.db.execute(sql`UPDATE users SET display_name = '改名后的用户' WHERE username = 'town1'`);
    await waitUntil(async () => (await resolve(database.db, token, new Date()))?.user.displayName === '改名后的用户', 'the new name');
  });

  it('notifies real changes only: a login, a session touch or a login time does not drop the caches', async () => {
    const heard: string[] = [];
    const listening = await database.listen(AUTH_CHANGED_CHANNEL, { onMessage: (p) => heard.push(p), onUp: () => undefined, onDown: () => undefined });
    try {
      const token = await signIn('office');
      await database.db.execute(sql`UPDATE sessions SET last_seen_at = now() WHERE id = ${sha256Hex(token)}`);
      await database.db.execute(sql`UPDATE users SET last_login_at = now() WHERE username = 'office'`);
      await database.db.execute(sql`UPDATE users SET phone = '13800000000' WHERE username = 'office'`);
      await database.db.execute(sql`SELECT pg_notify(${AUTH_CHANGED_CHANNEL}, 'barrier')`);
      await waitUntil(() => heard.includes('barrier'), 'the barrier');
      expect(heard).toEqual(['users', 'barrier']);
    } finally {
      await listening.close();
    }
  });

  it('reads the database while the notification connection is down, and serves from memory again once it is back', async () => {
    let relay: ListenHandlers | null = null;
    const source: Pick<Database, 'listen'> = {
      listen: async (channel, handlers) => {
        relay = handlers;
        return database.listen(channel, handlers);
      },
    };
    const { cache, resolve } = await cached(source);
    const token = await signIn('town1');
    expect(await resolve(database.db, token, new Date())).not.toBeNull();
    expect(cache.size).toBe(1);
    relay!.onDown(new Error('connection lost'));
    expect(cache.live).toBe(false);
    await deleteUnheard(token);
    expect(await resolve(database.db, token, new Date())).toBeNull();
    relay!.onUp();
    const again = await signIn('town1');
    expect(await resolve(database.db, again, new Date())).not.toBeNull();
    expect(cache.size).toBe(1);
  });

  it('does not keep a lookup read before an invalidation', async () => {
    const { cache } = await cached();
    const token = await signIn('town1');
    const generation = cache.generation();
    const row = await queryOne<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM sessions WHERE id = ${sha256Hex(token)}`);
    expect(row?.n).toBe(1);
    cache.invalidate();
    const info = (await createSessionResolver(config.session)(database.db, token, new Date())) as SessionInfo;
    cache.store(generation, sha256Hex(token), { info, lastSeenAt: new Date(), expiresAt: new Date(Date.now() + 60_000) });
    expect(cache.get(sha256Hex(token))).toBeNull();
  });

  it('drops this process’s caches at once when accounts revoke sessions (logout)', async () => {
    const { cache, resolve } = await cached();
    const token = await signIn('town1');
    expect(await resolve(database.db, token, new Date())).not.toBeNull();
    const { deleteSession } = await import('./store');
    await deleteSession(database.db, sha256Hex(token));
    expect(cache.size).toBe(0);
    expect(await resolve(database.db, token, new Date())).toBeNull();
  });
});
