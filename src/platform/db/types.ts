import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/**
 * The one database handle every store takes as its first argument. The same type covers the
 * PGlite driver, the node-postgres driver and a transaction of either (a transaction is a
 * PgDatabase too), so a store function works inside or outside a transaction.
 */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export type DbKind = 'pglite' | 'postgres';

/** Run a raw query and return its rows. Cast bigint/count columns to int or text in SQL. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export async function queryOne<T>(db: Db, query: SQL): Promise<T | null> {
  const rows = await queryRows<T>(db, query);
  return rows[0] ?? null;
}

/**
 * Timestamps come back from both drivers as PostgreSQL text ('2026-11-26 08:03:04.5+00').
 * Turn them into ISO-8601 UTC strings for the API.
 */
export function toIsoTimestamp(value: string | Date): string;
export function toIsoTimestamp(value: string | Date | null): string | null;
export function toIsoTimestamp(value: string | Date | null): string | null {
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString();
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)([+-]\d{2})(?::?(\d{2}))?$/.exec(value);
  if (!m) return new Date(value).toISOString();
  return new Date(`${m[1]}T${m[2]}${m[3]}:${m[4] ?? '00'}`).toISOString();
}

/** Affected-row count of an UPDATE/DELETE on either driver. */
export function affectedRows(result: unknown): number {
  const r = result as { rowCount?: number | null; affectedRows?: number };
  return r.affectedRows ?? r.rowCount ?? 0;
}
