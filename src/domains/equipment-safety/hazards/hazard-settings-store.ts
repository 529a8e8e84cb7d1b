import { sql } from 'drizzle-orm';
import { queryOne, type Db } from '../../../platform/db/types';

/** The hazard configuration rows (`hazard_settings`): JSON values with a version (0 = not stored). */
export type HazardSettingKey = 'rules' | 'escalation';

export async function readHazardSetting(db: Db, key: HazardSettingKey): Promise<{ value: unknown; version: number } | null> {
  return queryOne<{ value: unknown; version: number }>(db, sql`SELECT value, version FROM hazard_settings WHERE key = ${key}`);
}

/** Writes with an optimistic version (0 = first save); the new version, or null when stale. */
export async function writeHazardSetting(db: Db, key: HazardSettingKey, value: unknown, expectedVersion: number, userId: string | null): Promise<number | null> {
  const text = JSON.stringify(value);
  const row =
    expectedVersion === 0
      ? await queryOne<{ version: number }>(
          db,
          sql`INSERT INTO hazard_settings (key, value, updated_by) VALUES (${key}, ${text}::jsonb, ${userId})
              ON CONFLICT (key) DO NOTHING RETURNING version`,
        )
      : await queryOne<{ version: number }>(
          db,
          sql`UPDATE hazard_settings SET value = ${text}::jsonb, version = version + 1, updated_at = now(), updated_by = ${userId}
              WHERE key = ${key} AND version = ${expectedVersion} RETURNING version`,
        );
  return row?.version ?? null;
}
