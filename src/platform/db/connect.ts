import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { listenPglite, listenPostgres, type ListenHandlers, type Listening } from './listen';
import { acquireDataDirLock, type DataDirLock } from './lock';
import { routePreparedStatements, type Db, type DbKind } from './types';

/**
 * Opens the database: embedded PGlite in `<dataDir>/pg` (behind an exclusive lock file) unless a
 * PostgreSQL URL is given. Both go through Drizzle, each with its own driver: the node-postgres
 * driver hangs on PGlite's pg adapter (stack.md), so PGlite uses drizzle-orm/pglite.
 */
export type Database = {
  db: Db;
  kind: DbKind;
  /** Run a multi-statement SQL script as one unit (simple query protocol). */
  execScript(script: string): Promise<void>;
  /** LISTEN on a channel (see listen.ts): notifications from every process's commits. */
  listen(channel: string, handlers: ListenHandlers): Promise<Listening>;
  /** Run work on one dedicated connection (session-level locks, COPY). */
  withConnection<T>(work: (conn: ScriptConnection) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  pglite: PGlite | null;
  pool: pg.Pool | null;
};

export type ScriptConnection = {
  exec(script: string): Promise<void>;
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
};

export type ConnectOptions = {
  url: string | null;
  dataDir: string;
  poolSize?: number;
  /** `memory://` PGlite, optionally cloned from a dumped data dir (tests). */
  memory?: { loadDataDir?: Blob | File };
};

export const pgliteExtensions = { pg_trgm };

export async function connect(options: ConnectOptions): Promise<Database> {
  if (options.url) return connectPostgres(options.url, options.poolSize ?? 10);
  if (options.memory) {
    const pglite = await PGlite.create({ dataDir: 'memory://', extensions: pgliteExtensions, loadDataDir: options.memory.loadDataDir });
    return wrapPglite(pglite, null);
  }
  const lock = acquireDataDirLock(options.dataDir);
  try {
    const dir = path.join(options.dataDir, 'pg');
    fs.mkdirSync(options.dataDir, { recursive: true });
    const pglite = await PGlite.create({ dataDir: dir, extensions: pgliteExtensions });
    return wrapPglite(pglite, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function wrapPglite(pglite: PGlite, lock: DataDirLock | null): Promise<Database> {
  await pglite.exec(`SET TIME ZONE 'UTC'`);
  const db = drizzlePglite(pglite) as unknown as Db;
  const conn: ScriptConnection = {
    exec: async (script) => {
      await pglite.exec(script);
    },
    query: async <T>(text: string, params: unknown[] = []) => (await pglite.query<T>(text, params)).rows,
  };
  return {
    db,
    kind: 'pglite',
    execScript: conn.exec,
    listen: (channel, handlers) => listenPglite(pglite, channel, handlers),
    withConnection: (work) => work(conn),
    close: async () => {
      await pglite.close();
      lock?.release();
    },
    pglite,
    pool: null,
  };
}

/**
 * Type parsing as Drizzle's node-postgres driver does it (so rows look the same on every path):
 * dates, timestamps, intervals and their arrays stay PostgreSQL text; everything else as pg parses it.
 */
const textTemporalOids = new Set([pg.types.builtins.DATE, pg.types.builtins.TIMESTAMP, pg.types.builtins.TIMESTAMPTZ, pg.types.builtins.INTERVAL, 1115, 1182, 1185, 1187, 1231]);
const keepText = (value: string) => value;
const textTemporalTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => (textTemporalOids.has(oid) ? keepText : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser,
};

/** Array-mode rows as objects keyed by column name (cheaper for the driver than its object mode). */
function rowsAsObjects(fields: ReadonlyArray<{ name: string }>, rows: unknown[][]): Record<string, unknown>[] {
  const names = fields.map((f) => f.name);
  const out = new Array<Record<string, unknown>>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as unknown[];
    const o: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) o[names[i] as string] = row[i];
    out[r] = o;
  }
  return out;
}

function preparedPoolSize(poolSize: number): number {
  return Math.max(2, Math.ceil(poolSize / 2));
}

/** PostgreSQL connections one server process may open: the pool, the prepared-statement pool and one listener. */
export function connectionsPerProcess(poolSize: number): number {
  return poolSize + preparedPoolSize(poolSize) + 1;
}

async function connectPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: '-c TimeZone=UTC' });
  // Named prepared statements (queryPreparedRows) run on connections of their own that keep one
  // generic plan per statement: their texts are chosen because one plan fits every value, and
  // PostgreSQL's default would re-plan them on every call whenever a custom plan looks cheaper.
  const preparedPool = new pg.Pool({ connectionString: url, max: preparedPoolSize(poolSize), options: '-c TimeZone=UTC -c plan_cache_mode=force_generic_plan' });
  for (const p of [pool, preparedPool]) {
    p.on('error', () => {
      // An idle client died (server restart); the pool replaces it on the next checkout.
    });
  }
  const client = await pool.connect(); // fail fast with a clear error when the server is unreachable
  client.release();
  const db = drizzlePg(pool) as unknown as Db;
  routePreparedStatements(db, async (name, text, values) => {
    const result = await preparedPool.query({ name, text, values, rowMode: 'array', types: textTemporalTypes });
    return rowsAsObjects(result.fields, result.rows as unknown[][]);
  });
  return {
    db,
    kind: 'postgres',
    execScript: async (script) => {
      await pool.query(script);
    },
    listen: (channel, handlers) => listenPostgres(url, channel, handlers),
    withConnection: async (work) => {
      const c = await pool.connect();
      try {
        return await work({
          exec: async (script) => {
            await c.query(script);
          },
          query: async <T>(text: string, params: unknown[] = []) => (await c.query(text, params)).rows as T[],
        });
      } finally {
        c.release();
      }
    },
    close: async () => {
      await Promise.all([pool.end(), preparedPool.end()]);
    },
    pglite: null,
    pool,
  };
}
