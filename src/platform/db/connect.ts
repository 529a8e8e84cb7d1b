import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './lock';
import type { Db, DbKind } from './types';

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
    withConnection: (work) => work(conn),
    close: async () => {
      await pglite.close();
      lock?.release();
    },
    pglite,
    pool: null,
  };
}

async function connectPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: '-c TimeZone=UTC' });
  pool.on('error', () => {
    // An idle client died (server restart); the pool replaces it on the next checkout.
  });
  const client = await pool.connect(); // fail fast with a clear error when the server is unreachable
  client.release();
  const db = drizzlePg(pool) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    execScript: async (script) => {
      await pool.query(script);
    },
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
    close: () => pool.end(),
    pglite: null,
    pool,
  };
}
