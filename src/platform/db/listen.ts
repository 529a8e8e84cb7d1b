import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * LISTEN on one channel, for in-process caches that must hear about changes made by any process.
 * `onUp` is called once the channel is listened to (again), `onDown` when the listening
 * connection is lost: notifications sent while down are lost, so a cache must stop serving from
 * `onDown` until the next `onUp`. On PostgreSQL a dedicated connection (outside the pools)
 * listens and reconnects with back-off; on PGlite (one process, nothing to lose) it is up at once.
 */
export type ListenHandlers = {
  onMessage(payload: string): void;
  onUp(): void;
  onDown(error: Error | null): void;
};

export type Listening = { close(): Promise<void> };

/**
 * Sessions, users or org units changed (triggers of migration 0007, and a restore): every server
 * process drops its session cache (accounts/session-cache.ts).
 */
export const AUTH_CHANGED_CHANNEL = 'qc_auth_changed';

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

function checkChannel(channel: string): void {
  if (!CHANNEL.test(channel)) throw new Error(`invalid channel name: ${channel}`);
}

export async function listenPglite(pglite: PGlite, channel: string, handlers: ListenHandlers): Promise<Listening> {
  checkChannel(channel);
  const unlisten = await pglite.listen(channel, (payload) => handlers.onMessage(payload));
  handlers.onUp();
  return {
    close: async () => {
      if (!pglite.closed) await unlisten();
    },
  };
}

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 10_000;

export async function listenPostgres(url: string, channel: string, handlers: ListenHandlers): Promise<Listening> {
  checkChannel(channel);
  let current: pg.Client | null = null;
  let closed = false;
  let retryMs = RETRY_MIN_MS;
  let timer: NodeJS.Timeout | null = null;

  const lost = (client: pg.Client, error: Error | null) => {
    if (current !== client) return;
    current = null;
    handlers.onDown(error);
    client.end().catch(() => undefined);
    schedule();
  };

  const schedule = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void open().catch(() => schedule());
    }, retryMs);
    timer.unref();
    retryMs = Math.min(RETRY_MAX_MS, retryMs * 2);
  };

  const open = async () => {
    const client = new pg.Client({ connectionString: url, options: '-c TimeZone=UTC' });
    client.on('error', (error) => lost(client, error));
    client.on('end', () => lost(client, null));
    client.on('notification', (message) => {
      if (current === client && message.channel === channel) handlers.onMessage(message.payload ?? '');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (closed) {
      await client.end().catch(() => undefined);
      return;
    }
    current = client;
    retryMs = RETRY_MIN_MS;
    handlers.onUp();
  };

  try {
    await open();
  } catch (error) {
    handlers.onDown(error as Error);
    schedule();
  }
  return {
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      const client = current;
      current = null;
      if (client) await client.end().catch(() => undefined);
    },
  };
}
