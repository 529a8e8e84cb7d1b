import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/create-test-db';
import type { Database } from './connect';
import { MAX_PREPARED_STATEMENTS, queryOne, queryPreparedOne, queryPreparedRows, queryRows } from './types';

/**
 * Prepared statements (named on PostgreSQL, run as usual on PGlite) answer exactly as unprepared
 * ones: each call with its own values, also after the server switched to a cached generic plan,
 * inside and after transactions, after an error, and for texts beyond the cap.
 */
let database: Database;

beforeAll(async () => {
  database = await createTestDb();
  await database.db.execute(sql`CREATE TABLE prepared_probe (id int PRIMARY KEY, label text NOT NULL UNIQUE)`);
  await database.db.execute(sql`INSERT INTO prepared_probe SELECT g, 'label ' || g FROM generate_series(1, 50) g`);
});

afterAll(async () => {
  await database.close();
});

const labelOf = (id: number) => sql`SELECT label FROM prepared_probe WHERE id = ${id}`;

describe('queryPreparedRows', () => {
  it('returns each call its own rows, also once the server has cached a generic plan', async () => {
    for (let id = 1; id <= 20; id++) {
      expect(await queryPreparedOne<{ label: string }>(database.db, labelOf(id))).toEqual({ label: `label ${id}` });
    }
    expect(await queryPreparedOne(database.db, labelOf(999))).toBeNull();
  });

  it('answers as an unprepared query does, row for row', async () => {
    const query = () => sql`SELECT id, label, id * 2 AS twice FROM prepared_probe WHERE id BETWEEN ${5} AND ${9} ORDER BY id DESC`;
    expect(await queryPreparedRows(database.db, query())).toEqual(await queryRows(database.db, query()));
  });

  it('returns every column type as an unprepared query does (dates and timestamps as text, numbers, arrays, JSON, NULLs)', async () => {
    const query = () => sql`SELECT ${'2026-02-28'}::date AS day, '2026-11-27 08:00:00.5+00'::timestamptz AS at, '2026-11-27 08:00'::timestamp AS local,
      '1 day 02:00'::interval AS span, ARRAY['2026-01-01'::date] AS days, 12.50::numeric AS amount, ARRAY[1.5::numeric] AS amounts, 9007199254740993::int8 AS big,
      42::int AS n, 1.25::float8 AS f, true AS yes, '{"a":[1,"二"]}'::jsonb AS doc, ARRAY['甲', NULL] AS labels, NULL::text AS nothing, gen_random_uuid() IS NOT NULL AS uuid_ok`;
    const prepared = await queryPreparedRows(database.db, query());
    expect(prepared).toEqual(await queryRows(database.db, query()));
    expect(prepared[0]).toMatchObject({ day: '2026-02-28', amount: '12.50', n: 42, yes: true, doc: { a: [1, '二'] }, labels: ['甲', null], nothing: null });
  });

  it('runs inside a transaction, sees its uncommitted rows, and nothing remains after a rollback', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO prepared_probe VALUES (${100}, ${'inside'})`);
        expect(await queryPreparedOne(tx, labelOf(100))).toEqual({ label: 'inside' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await queryPreparedOne(database.db, labelOf(100))).toBeNull();
  });

  it('reports a failing statement as an error and keeps working afterwards', async () => {
    const insert = (id: number, label: string) => sql`INSERT INTO prepared_probe VALUES (${id}, ${label}) RETURNING id`;
    expect(await queryPreparedRows(database.db, insert(101, 'fresh'))).toEqual([{ id: 101 }]);
    await expect(queryPreparedRows(database.db, insert(102, 'fresh'))).rejects.toThrow();
    expect(await queryPreparedRows(database.db, insert(103, 'another'))).toEqual([{ id: 103 }]);
    expect(await queryPreparedOne(database.db, labelOf(103))).toEqual({ label: 'another' });
  });

  it('answers texts beyond the cap of named statements too', async () => {
    for (let n = 0; n < MAX_PREPARED_STATEMENTS + 10; n++) {
      const rows = await queryPreparedRows<{ n: number; label: string }>(database.db, sql`SELECT ${sql.raw(String(n))} AS n, label FROM prepared_probe WHERE id = ${(n % 50) + 1}`);
      expect(rows).toEqual([{ n, label: `label ${(n % 50) + 1}` }]);
    }
  });

  it('keeps one server-side statement per text and connection on PostgreSQL (none on PGlite)', async () => {
    const named = await database.db.transaction(async (tx) => {
      for (let id = 1; id <= 3; id++) await queryPreparedOne(tx, labelOf(id));
      return queryRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = 'SELECT label FROM prepared_probe WHERE id = $1'`);
    });
    expect(named).toEqual([{ n: database.kind === 'postgres' ? 1 : 0 }]);
  });

  it('plans a prepared statement once on PostgreSQL (generic plan) outside transactions, and as usual inside one', async () => {
    const mode = sql`SELECT current_setting('plan_cache_mode') AS mode, ${1}::int AS one`;
    const prepared = await queryPreparedOne<{ mode: string }>(database.db, mode);
    const plain = await queryOne<{ mode: string }>(database.db, mode);
    const inTransaction = await database.db.transaction((tx) => queryPreparedOne<{ mode: string }>(tx, mode));
    expect(prepared?.mode).toBe(database.kind === 'postgres' ? 'force_generic_plan' : 'auto');
    expect(plain?.mode).toBe('auto');
    expect(inTransaction?.mode).toBe('auto');
  });

  it('runs a statement without values', async () => {
    expect(await queryPreparedRows(database.db, sql`SELECT count(*)::int AS n FROM prepared_probe WHERE id <= 50`)).toEqual([{ n: 50 }]);
  });
});
