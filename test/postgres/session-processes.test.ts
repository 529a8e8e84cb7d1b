import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/connect';
import { createTestDb } from '../support/create-test-db';
import { freePort, httpLogin, startServer, waitForHealth, type ServerProcess } from '../support/processes';
import { waitUntil } from '../support/wait';

/**
 * Two real server processes on one PostgreSQL, each with its session cache: a session works on
 * both, and once it is revoked through one process the other refuses it. (Runs in
 * `npm run test:pg` only: the embedded database belongs to one process.)
 */
let database: Database & { url?: string };
let servers: ServerProcess[] = [];

beforeAll(async () => {
  database = await createTestDb();
  const env = { DATABASE_URL: database.url as string, DEMO_DATA: 'off', LOG_LEVEL: 'warn', SESSION_CACHE: 'on' };
  servers = [startServer(env, await freePort()), startServer(env, await freePort())];
  await Promise.all(servers.map((s) => waitForHealth(s)));
});

afterAll(async () => {
  for (const s of servers) s.child.kill('SIGTERM');
  await Promise.all(servers.map((s) => s.exited));
  await database.close();
});

const me = async (server: ServerProcess, cookie: string) => (await fetch(`${server.url}/api/v1/auth/me`, { headers: { cookie } })).status;

/** The status b answers once the revocation has reached it (within 5 s), or 200 if it never does. */
async function refusedSoon(server: ServerProcess, cookie: string): Promise<number> {
  await waitUntil(async () => (await me(server, cookie)) !== 200, 'the session to be refused', { timeoutMs: 5_000, everyMs: 25 }).catch(() => undefined);
  return me(server, cookie);
}

describe('sessions across server processes', () => {
  it('a logout in one process ends the session in the other', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const { cookie, csrf } = await httpLogin(a.url, 'town1');
    expect(await me(a, cookie)).toBe(200);
    expect(await me(b, cookie)).toBe(200);
    expect(await me(b, cookie)).toBe(200); // now answered from b's cache
    const out = await fetch(`${a.url}/api/v1/auth/logout`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrf } });
    expect(out.status).toBeLessThan(300);
    expect(await refusedSoon(b, cookie)).toBe(401);
    expect(await me(a, cookie)).toBe(401);
  });

  it('deactivating a user in one process ends their sessions in the other', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const victim = await httpLogin(a.url, 'town2');
    expect(await me(b, victim.cookie)).toBe(200);
    const admin = await httpLogin(a.url, 'admin');
    const users = (await (await fetch(`${a.url}/api/v1/users?q=town2`, { headers: { cookie: admin.cookie } })).json()) as { items: Array<{ id: string; username: string; version: number }> };
    const user = users.items.find((u) => u.username === 'town2');
    expect(user).toBeDefined();
    const patched = await fetch(`${a.url}/api/v1/users/${user!.id}`, {
      method: 'PATCH',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ isActive: false, version: user!.version }),
    });
    expect(patched.status).toBe(200);
    expect(await refusedSoon(b, victim.cookie)).toBe(401);
  });
});
