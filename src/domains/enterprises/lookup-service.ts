import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/types';
import { pgArray, selectEnterprises, type EnterpriseRecord } from './store';
import { textSearchSql } from './store-query';

/**
 * Read helpers for other domains that label their own records with enterprise data (the devices
 * of a page name their use and maintenance units). No scope check: callers show only records the
 * actor may already see, and only the enterprise's name and contacts.
 */
export async function findEnterprisesByIds(db: Db, ids: readonly string[]): Promise<EnterpriseRecord[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return selectEnterprises(db, sql`id = ANY(${pgArray(unique)}::uuid[])`, { orderBy: sql`name, id`, limit: unique.length, offset: 0 });
}

/** Names only (lists label many rows; no other enterprise data is needed there). */
export async function findEnterpriseNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await queryRows<{ id: string; name: string }>(db, sql`SELECT id, name FROM enterprises WHERE id = ANY(${pgArray(unique)}::uuid[])`);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Ids of enterprises whose name (or former name, or credit code) matches a search text, at most `limit`. */
export async function searchEnterpriseIds(db: Db, q: string, limit = 50): Promise<string[]> {
  const where = textSearchSql(q);
  if (!where) return [];
  return (await selectEnterprises(db, where, { orderBy: sql`name, id`, limit, offset: 0 })).map((e) => e.id);
}
