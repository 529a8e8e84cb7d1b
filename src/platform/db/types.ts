import type { SQL } from 'drizzle-orm';
import { PgDialect, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';

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
 * Statement names by SQL text, shared by every connection of the process. Each name is prepared
 * on a PostgreSQL connection the first time that connection runs it and kept until the connection
 * closes (tens of kB of server memory per statement and connection), hence the cap: once
 * MAX_PREPARED_STATEMENTS texts have a name, further texts run unprepared.
 */
export const MAX_PREPARED_STATEMENTS = 64;
const statementNames = new Map<string, string>();
const dialect = new PgDialect();

function statementName(text: string): string | undefined {
  const known = statementNames.get(text);
  if (known !== undefined || statementNames.size >= MAX_PREPARED_STATEMENTS) return known;
  const name = `qc_stmt_${statementNames.size + 1}`;
  statementNames.set(text, name);
  return name;
}

/** Runs a named statement outside any transaction and returns its rows as objects. */
export type PreparedRunner = (name: string | undefined, text: string, params: unknown[]) => Promise<unknown[]>;

/** Root handles whose prepared statements run elsewhere (PostgreSQL: the generic-plan pool, connect.ts). */
const preparedRoutes = new WeakMap<Db, PreparedRunner>();

/** Sends `queryPreparedRows` calls made on `db` (not on its transactions) to `run`. */
export function routePreparedStatements(db: Db, run: PreparedRunner): void {
  preparedRoutes.set(db, run);
}

/**
 * `queryRows` as a named prepared statement (PostgreSQL; PGlite runs it as usual): the server
 * parses and analyses the text once per connection, and — outside a transaction — the statement
 * runs on connections that keep one generic plan for all values (plan_cache_mode
 * force_generic_plan, see connect.ts), so it is planned once per connection instead of on every
 * call. For hot statements whose text takes a few shapes only (the values are parameters) and
 * whose best plan does not depend on the values (a key lookup, a range of an index); rows and
 * errors are the same as `queryRows`. Inside a transaction it runs on the transaction's connection.
 */
export async function queryPreparedRows<T>(db: Db, query: SQL): Promise<T[]> {
  const built = dialect.sqlToQuery(query);
  const name = built.params.length > 0 ? statementName(built.sql) : undefined;
  const route = preparedRoutes.get(db);
  if (route) return (await route(name, built.sql, built.params)) as T[];
  const result = (await db._.session.prepareQuery(built, undefined, name, false).execute()) as unknown as { rows: T[] };
  return result.rows;
}

export async function queryPreparedOne<T>(db: Db, query: SQL): Promise<T | null> {
  const rows = await queryPreparedRows<T>(db, query);
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
