import fs from 'node:fs';
import readline from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { once } from 'node:events';
import { sql } from 'drizzle-orm';
import type { Database } from './connect';
import { AUTH_CHANGED_CHANNEL } from './listen';
import { loadMigrations, migrate } from './migrate';
import { queryRows, type Db } from './types';

/**
 * Logical backup and restore that round-trip on both databases and between them (PGlite ⇄
 * PostgreSQL). The file is gzipped JSON lines: a header naming the migrations the data belongs
 * to, then per table a `__table__` marker line and one line per row (the row as jsonb, so every column type
 * — bytea, arrays, jsonb, timestamps — survives). Restore applies exactly those migrations to an
 * empty database, loads the rows parents-first with `jsonb_populate_recordset`, resets identity
 * sequences, then migrates forward to the current version.
 */
export type BackupSummary = { tables: number; rows: number; migrations: string[] };

type Header = { format: 'qcity-backup'; version: 1; createdAt: string; migrations: string[] };

/** Order of rows inside tables that reference themselves (parents before children). */
const selfReferenceOrder: Record<string, string> = { org_units: 'depth, id' };

type TableInfo = {
  name: string;
  pk: string[];
  hasIdentity: boolean;
  identityColumns: string[];
  /** Nullable foreign-key columns loaded as NULL first and filled in after every table is loaded (they close a cycle). */
  deferredColumns: string[];
};

type ForeignKey = { child: string; parent: string; columns: string[]; nullable: boolean };

/**
 * Tables in load order: a table comes after every table its NOT NULL foreign keys reference.
 * A nullable foreign key that points forward (users.enterprise_id → enterprises while
 * enterprises.created_by → users) is deferred: its column is loaded as NULL and set at the end.
 */
async function listTables(db: Db): Promise<TableInfo[]> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> 'schema_migrations' ORDER BY c.relname`,
  );
  const fkRows = await queryRows<{ child: string; parent: string; columns: string[]; nullable: boolean }>(
    db,
    sql`SELECT cl.relname AS child, pl.relname AS parent,
               array_agg(a.attname::text ORDER BY a.attnum) AS columns, bool_and(NOT a.attnotnull) AS nullable
        FROM pg_constraint con
        JOIN pg_class cl ON cl.oid = con.conrelid JOIN pg_class pl ON pl.oid = con.confrelid
        JOIN pg_namespace n ON n.oid = cl.relnamespace
        JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = ANY (con.conkey)
        WHERE con.contype = 'f' AND n.nspname = current_schema()
        GROUP BY con.oid, cl.relname, pl.relname`,
  );
  const fks: ForeignKey[] = fkRows.map((r) => ({ ...r, columns: normaliseArray(r.columns) }));
  const pks = await queryRows<{ table_name: string; column_name: string }>(
    db,
    sql`SELECT tc.table_name, kcu.column_name FROM information_schema.table_constraints tc
        JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
        WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = current_schema() ORDER BY kcu.ordinal_position`,
  );
  const identities = await queryRows<{ table_name: string; column_name: string }>(
    db,
    sql`SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'`,
  );
  const names = tables.map((t) => t.name);
  const hard = new Map(names.map((n) => [n, new Set<string>()]));
  for (const fk of fks) {
    if (fk.child === fk.parent) {
      if (!selfReferenceOrder[fk.child] && !fk.nullable) throw new Error(`table ${fk.child} references itself with a NOT NULL key; add a parent-first order to selfReferenceOrder`);
      continue;
    }
    if (!fk.nullable) hard.get(fk.child)?.add(fk.parent);
  }
  const ordered: string[] = [];
  const visit = (n: string, stack: Set<string>) => {
    if (ordered.includes(n)) return;
    if (stack.has(n)) throw new Error(`NOT NULL foreign-key cycle through ${n}; a backup cannot order it`);
    stack.add(n);
    for (const d of [...(hard.get(n) ?? [])].sort()) visit(d, stack);
    stack.delete(n);
    ordered.push(n);
  };
  // Prefer nullable references in load order too when they do not form a cycle.
  const soft = new Map(names.map((n) => [n, fks.filter((f) => f.child === n && f.parent !== n && f.nullable).map((f) => f.parent)]));
  const visitSoft = (n: string, stack: Set<string>) => {
    if (ordered.includes(n) || stack.has(n)) return;
    stack.add(n);
    for (const d of [...(hard.get(n) ?? []), ...(soft.get(n) ?? [])].sort()) visitSoft(d, stack);
    stack.delete(n);
    visit(n, new Set());
  };
  for (const n of names) visitSoft(n, new Set());
  const position = new Map(ordered.map((n, i) => [n, i]));
  return ordered.map((name) => {
    const identityColumns = identities.filter((i) => i.table_name === name).map((i) => i.column_name);
    const deferredColumns = fks
      .filter((f) => f.child === name && f.nullable)
      .filter((f) => (f.parent === name ? !selfReferenceOrder[name] : (position.get(f.parent) ?? 0) > (position.get(name) ?? 0)))
      .flatMap((f) => f.columns);
    return {
      name,
      pk: pks.filter((p) => p.table_name === name).map((p) => p.column_name),
      hasIdentity: identityColumns.length > 0,
      identityColumns,
      deferredColumns: [...new Set(deferredColumns)],
    };
  });
}

/** PGlite returns text[] as an array, node-postgres for array_agg of names sometimes as '{a,b}'. */
function normaliseArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  return value.replace(/^\{|\}$/g, '').split(',').filter(Boolean);
}

async function appliedMigrations(db: Db): Promise<string[]> {
  return (await queryRows<{ name: string }>(db, sql`SELECT name FROM schema_migrations ORDER BY version`)).map((r) => r.name);
}

export async function backupDatabase(database: Database, file: string): Promise<BackupSummary> {
  const db = database.db;
  const tables = await listTables(db);
  const migrations = await appliedMigrations(db);
  const gzip = createGzip();
  const out = fs.createWriteStream(file);
  gzip.pipe(out);
  const write = async (value: unknown) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, 'drain');
  };
  const header: Header = { format: 'qcity-backup', version: 1, createdAt: new Date().toISOString(), migrations };
  await write(header);
  let rows = 0;
  for (const table of tables) {
    await write({ __table__: table.name });
    const order = selfReferenceOrder[table.name] ?? (table.pk.length > 0 ? table.pk.join(', ') : '1');
    const pageSize = 2000;
    for (let offset = 0; ; offset += pageSize) {
      const page = await queryRows<{ r: unknown }>(
        db,
        sql`SELECT to_jsonb(t) AS r FROM ${sql.identifier(table.name)} t ORDER BY ${sql.raw(order)} LIMIT ${pageSize} OFFSET ${offset}`,
      );
      for (const p of page) await write(p.r);
      rows += page.length;
      if (page.length < pageSize) break;
    }
  }
  gzip.end();
  await once(out, 'close');
  return { tables: tables.length, rows, migrations };
}

export class RestoreError extends Error {}

/** Restore into an empty database (or wipe it first with `force`). */
export async function restoreDatabase(database: Database, file: string, options: { force?: boolean } = {}): Promise<BackupSummary> {
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw new RestoreError('the backup file is empty');
  let header: Header;
  try {
    header = JSON.parse(first.value) as Header;
  } catch {
    throw new RestoreError('not a Quality City backup (bad header)');
  }
  if (header.format !== 'qcity-backup' || header.version !== 1) throw new RestoreError('not a Quality City backup (unknown format)');
  const available = loadMigrations();
  const needed = available.slice(0, header.migrations.length);
  if (needed.map((m) => m.name).join() !== header.migrations.join()) {
    throw new RestoreError(`the backup was made with migrations this version does not have: ${header.migrations.join(', ')}`);
  }

  await prepareEmptySchema(database, Boolean(options.force));
  await migrate(database, needed);
  const tables = new Map((await listTables(database.db)).map((t) => [t.name, t]));

  let current: TableInfo | null = null;
  let batch: Array<Record<string, unknown>> = [];
  let rows = 0;
  let tableCount = 0;
  const deferred: Array<{ table: TableInfo; values: Array<Record<string, unknown>> }> = [];
  const flush = async () => {
    if (!current || batch.length === 0) return;
    if (current.deferredColumns.length > 0) {
      const table = current;
      const keep = [...table.pk, ...table.deferredColumns];
      const values = batch.filter((r) => table.deferredColumns.some((c) => r[c] !== null && r[c] !== undefined)).map((r) => Object.fromEntries(keep.map((k) => [k, r[k]])));
      if (values.length > 0) deferred.push({ table, values });
      batch = batch.map((r) => ({ ...r, ...Object.fromEntries(table.deferredColumns.map((c) => [c, null])) }));
    }
    const overriding = current.hasIdentity ? sql` OVERRIDING SYSTEM VALUE` : sql``;
    await database.db.execute(
      sql`INSERT INTO ${sql.identifier(current.name)}${overriding} SELECT * FROM jsonb_populate_recordset(NULL::${sql.identifier(current.name)}, ${JSON.stringify(batch)}::jsonb)`,
    );
    rows += batch.length;
    batch = [];
  };
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    const line = next.value;
    if (!line) continue;
    const value = JSON.parse(line) as Record<string, unknown>;
    if (typeof value.__table__ === 'string') {
      await flush();
      current = tables.get(value.__table__) ?? null;
      if (!current) throw new RestoreError(`the backup holds table ${value.__table__}, which this schema does not have`);
      tableCount++;
      continue;
    }
    batch.push(value);
    if (batch.length >= 500) await flush();
  }
  await flush();
  for (const { table, values } of deferred) {
    const sets = sql.join(table.deferredColumns.map((c) => sql`${sql.identifier(c)} = src.${sql.identifier(c)}`), sql`, `);
    const match = sql.join(table.pk.map((k) => sql`t.${sql.identifier(k)} = src.${sql.identifier(k)}`), sql` AND `);
    for (let i = 0; i < values.length; i += 500) {
      await database.db.execute(
        sql`UPDATE ${sql.identifier(table.name)} AS t SET ${sets} FROM jsonb_populate_recordset(NULL::${sql.identifier(table.name)}, ${JSON.stringify(values.slice(i, i + 500))}::jsonb) AS src WHERE ${match}`,
      );
    }
  }
  for (const t of tables.values()) {
    for (const column of t.identityColumns) {
      await database.db.execute(
        sql`SELECT setval(pg_get_serial_sequence(${t.name}, ${column}), GREATEST((SELECT max(${sql.identifier(column)}) FROM ${sql.identifier(t.name)}), 1))`,
      );
    }
  }
  await migrate(database);
  // Sessions, users and org units were replaced under any running server process.
  await database.db.execute(sql`SELECT pg_notify(${AUTH_CHANGED_CHANNEL}, 'restore')`);
  await database.db.execute(sql`INSERT INTO audit_log (actor_username, action, entity_type, summary, after)
    VALUES ('system:cli', 'system.restore', 'database', ${`从备份恢复 ${rows} 行（备份时间 ${header.createdAt}）`}, ${JSON.stringify({ rows, tables: tableCount, backupCreatedAt: header.createdAt })}::jsonb)`);
  return { tables: tableCount, rows, migrations: header.migrations };
}

async function prepareEmptySchema(database: Database, force: boolean): Promise<void> {
  const hasMigrations = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'schema_migrations'`);
  if ((hasMigrations[0]?.n ?? 0) === 0) return;
  const tables = await listTables(database.db);
  let nonEmpty = 0;
  for (const t of tables) {
    const r = await queryRows<{ any: boolean }>(database.db, sql`SELECT EXISTS (SELECT 1 FROM ${sql.identifier(t.name)}) AS any`);
    if (r[0]?.any) nonEmpty++;
  }
  if (nonEmpty > 0 && !force) {
    throw new RestoreError(`the target database already holds data (${nonEmpty} non-empty tables); restore into an empty database or pass --force to replace everything`);
  }
  await database.execScript(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
}
