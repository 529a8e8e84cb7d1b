import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/create-test-db';
import { waitUntil } from '../../../test/support/wait';
import type { Database } from './connect';
import { queryRows } from './types';

/** LISTEN through `database.listen`: committed notifications arrive, rolled-back ones do not. */
let database: Database;

beforeAll(async () => {
  database = await createTestDb();
});

afterAll(async () => {
  await database.close();
});

function recorder() {
  const state = { messages: [] as string[], ups: 0, downs: 0 };
  const handlers = {
    onMessage: (payload: string) => state.messages.push(payload),
    onUp: () => (state.ups += 1),
    onDown: () => (state.downs += 1),
  };
  return { state, handlers };
}

describe('database.listen', () => {
  it('is up once listening and hears notifications of committed transactions only', async () => {
    const { state, handlers } = recorder();
    const listening = await database.listen('qc_listen_probe', handlers);
    try {
      expect(state.ups).toBe(1);
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_notify('qc_listen_probe', 'committed')`);
      });
      await database.db
        .transaction(async (tx) => {
          await tx.execute(sql`SELECT pg_notify('qc_listen_probe', 'rolled back')`);
          throw new Error('roll back');
        })
        .catch(() => undefined);
      await database.db.execute(sql`SELECT pg_notify('qc_listen_probe', 'barrier')`);
      await waitUntil(() => state.messages.includes('barrier'), 'the barrier notification');
      expect(state.messages).toEqual(['committed', 'barrier']);
      expect(state.downs).toBe(0);
    } finally {
      await listening.close();
    }
  });

  it('refuses a channel name that is not a plain identifier', async () => {
    await expect(database.listen('x; DROP TABLE users', recorder().handlers)).rejects.toThrow(/invalid channel/);
  });

  // Only PostgreSQL has a listening connection to lose (PGlite runs in the process).
  if (process.env.DATABASE_URL) {
    it('reports a lost connection and listens again on a new one', async () => {
      const { state, handlers } = recorder();
      const listening = await database.listen('qc_listen_probe', handlers);
      try {
        const killed = await queryRows<{ ok: boolean }>(
          database.db,
          sql`SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN qc_listen_probe'`,
        );
        expect(killed).toEqual([{ ok: true }]);
        await waitUntil(() => state.downs === 1 && state.ups === 2, 'down and up again');
        await database.db.execute(sql`SELECT pg_notify('qc_listen_probe', 'after reconnect')`);
        await waitUntil(() => state.messages.includes('after reconnect'), 'a notification on the new connection');
      } finally {
        await listening.close();
      }
    });
  }
});
