import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/platform/db/connect';
import { createTestDb } from '../support/create-test-db';
import { freePort, httpLogin, startServer, waitForHealth, type ServerProcess } from '../support/processes';
import { waitUntil } from '../support/wait';

/** SERVER_PROCESSES=2 on PostgreSQL: two server processes share the port and stop together. */
let database: Database & { url?: string };
let server: ServerProcess;

beforeAll(async () => {
  database = await createTestDb();
  server = startServer({ DATABASE_URL: database.url as string, DEMO_DATA: 'off', SERVER_PROCESSES: '2' }, await freePort());
  await waitForHealth(server);
});

afterAll(async () => {
  if (server.child.exitCode === null) server.child.kill('SIGKILL');
  await database.close();
});

function listeningPids(output: string): number[] {
  return output
    .split('\n')
    .filter((line) => line.includes('Quality City is listening'))
    .map((line) => (JSON.parse(line) as { pid: number }).pid);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('several server processes', () => {
  it('serves from two processes on one port, logged in on either, replaces one that dies, and stops them all on SIGTERM', async () => {
    await waitUntil(() => listeningPids(server.output()).length >= 2, 'two listening processes', { timeoutMs: 60_000, everyMs: 100 }).catch(() => undefined);
    const pids = listeningPids(server.output());
    expect(new Set(pids).size, server.output()).toBe(2);
    expect(pids).not.toContain(server.child.pid);

    const { cookie } = await httpLogin(server.url, 'town1');
    for (let i = 0; i < 10; i++) {
      // New connections are handed to the processes in turn; the session holds on each.
      const res = await fetch(`${server.url}/api/v1/auth/me`, { headers: { cookie, connection: 'close' } });
      expect(res.status).toBe(200);
    }

    // A process that dies is replaced; the server keeps answering meanwhile.
    process.kill(pids[0] as number, 'SIGKILL');
    await waitUntil(() => listeningPids(server.output()).length >= 3, 'a replacement process', { timeoutMs: 60_000, everyMs: 100 }).catch(() => undefined);
    const now = listeningPids(server.output());
    expect(now).toHaveLength(3);
    expect((await fetch(`${server.url}/api/v1/auth/me`, { headers: { cookie, connection: 'close' } })).status).toBe(200);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    for (const pid of now) expect(alive(pid)).toBe(false);
  });
});

describe('connections of several server processes', () => {
  it('warns at start when the processes could open more connections than PostgreSQL allows', async () => {
    const greedy = startServer({ DATABASE_URL: database.url as string, DEMO_DATA: 'off', SERVER_PROCESSES: '2', DATABASE_POOL_SIZE: '60' }, await freePort());
    try {
      await waitForHealth(greedy);
      const warning = greedy
        .output()
        .split('\n')
        .find((line) => line.includes('max_connections'));
      expect(warning).toBeDefined();
      expect(JSON.parse(warning as string)).toMatchObject({ processes: 2, poolSize: 60, connections: 2 * (60 + 30 + 1) });
    } finally {
      greedy.child.kill('SIGTERM');
      await greedy.exited;
    }
  });
});
