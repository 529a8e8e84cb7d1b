import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './connect';

/**
 * Forward-only SQL migrations from one ordered folder (`NNNN_<domain>_<what>.sql`), applied
 * in-process at start-up and by `qcity migrate`. Each file runs in its own transaction together
 * with its bookkeeping row, so a crash leaves it either fully applied or not at all. On
 * PostgreSQL an advisory lock keeps several starting servers from migrating at once.
 */
export const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export type Migration = { version: string; name: string; sql: string; checksum: string };
export type MigrationResult = { applied: string[]; alreadyApplied: number };

const MIGRATION_LOCK_KEY = 72_633_001; // arbitrary, stable

export function loadMigrations(dir = migrationsDir): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = fs.readFileSync(path.join(dir, file), 'utf8');
      return { version: file.slice(0, 4), name: file.replace(/\.sql$/, ''), sql, checksum: sha256(sql) };
    });
}

export async function migrate(database: Database, migrations = loadMigrations()): Promise<MigrationResult> {
  assertUniqueVersions(migrations);
  return database.withConnection(async (conn) => {
    await conn.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    if (database.kind === 'postgres') await conn.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const rows = await conn.query<{ version: string; name: string; checksum: string }>('SELECT version, name, checksum FROM schema_migrations');
      const done = new Map(rows.map((r) => [r.version, r]));
      const applied: string[] = [];
      for (const m of migrations) {
        const previous = done.get(m.version);
        if (previous) {
          if (previous.checksum !== m.checksum) {
            throw new Error(`migration ${m.name} was changed after it was applied (checksum mismatch); add a new migration instead of editing an old one`);
          }
          continue;
        }
        try {
          await conn.exec(`BEGIN;\n${m.sql}\n;INSERT INTO schema_migrations (version, name, checksum) VALUES ('${m.version}', '${m.name}', '${m.checksum}');\nCOMMIT;`);
        } catch (error) {
          await conn.exec('ROLLBACK').catch(() => undefined);
          throw new Error(`migration ${m.name} failed: ${(error as Error).message}`, { cause: error });
        }
        applied.push(m.name);
      }
      return { applied, alreadyApplied: migrations.length - applied.length };
    } finally {
      if (database.kind === 'postgres') await conn.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  });
}

function assertUniqueVersions(migrations: Migration[]): void {
  const seen = new Set<string>();
  for (const m of migrations) {
    if (seen.has(m.version)) throw new Error(`two migrations share the number ${m.version}`);
    seen.add(m.version);
  }
}

function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}
