import { sql } from 'drizzle-orm';
import { queryOne, type Db } from '../../platform/db/types';

/** Settings of the environment module (env_settings): JSON values with a version. */
export type SettingRecord<T> = { value: T; version: number };

export async function readSetting<T>(db: Db, key: string): Promise<SettingRecord<T> | null> {
  const row = await queryOne<{ value: T; version: number }>(db, sql`SELECT value, version FROM env_settings WHERE key = ${key}`);
  return row ? { value: row.value, version: row.version } : null;
}

/**
 * Write a setting with an optimistic version: `expectedVersion` 0 means "not stored yet".
 * Returns the new version, or null when the stored version differs.
 */
export async function writeSetting<T>(db: Db, key: string, value: T, expectedVersion: number): Promise<number | null> {
  const json = JSON.stringify(value);
  if (expectedVersion === 0) {
    const row = await queryOne<{ version: number }>(
      db,
      sql`INSERT INTO env_settings (key, value) VALUES (${key}, ${json}::jsonb) ON CONFLICT (key) DO NOTHING RETURNING version`,
    );
    return row?.version ?? null;
  }
  const row = await queryOne<{ version: number }>(
    db,
    sql`UPDATE env_settings SET value = ${json}::jsonb, version = version + 1, updated_at = now()
        WHERE key = ${key} AND version = ${expectedVersion} RETURNING version`,
  );
  return row?.version ?? null;
}
