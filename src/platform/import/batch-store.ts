import { sql, type SQL } from 'drizzle-orm';
import type { DataScope } from '../../shared/actor';
import { scopeCondition } from '../db/scope';
import { queryOne, queryRows, toIsoTimestamp, type Db } from '../db/types';
import type { ImportFormat } from './file-format';
import type { ImportMode } from './types';

/** SQL of the import tables (import_batches, import_batch_rows, import_batch_errors). */
export const importBatchStatuses = ['queued', 'running', 'succeeded', 'rejected', 'validated', 'failed', 'undone'] as const;
export type ImportBatchStatus = (typeof importBatchStatuses)[number];

export type ImportBatch = {
  id: string;
  kind: string;
  mode: ImportMode;
  dryRun: boolean;
  status: ImportBatchStatus;
  fileName: string;
  fileSize: number;
  fileSha256: string;
  fileFormat: ImportFormat;
  headers: string[];
  columnMap: { mapped: Record<string, string>; ignored: string[] } | null;
  jobId: string | null;
  totalRows: number;
  insertedCount: number;
  updatedCount: number;
  unchangedCount: number;
  failedCount: number;
  error: { code: string; message: string; details?: unknown } | null;
  orgUnitId: string | null;
  createdBy: string | null;
  createdByName: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  undoneAt: string | null;
  undoneBy: string | null;
  version: number;
};

type BatchRow = {
  id: string;
  kind: string;
  mode: ImportMode;
  dry_run: boolean;
  status: ImportBatchStatus;
  file_name: string;
  file_size: number;
  file_sha256: string;
  file_format: ImportFormat;
  headers: string[];
  column_map: ImportBatch['columnMap'];
  job_id: string | null;
  total_rows: number;
  inserted_count: number;
  updated_count: number;
  unchanged_count: number;
  failed_count: number;
  error: ImportBatch['error'];
  org_unit_id: string | null;
  created_by: string | null;
  created_by_name: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  undone_at: string | null;
  undone_by: string | null;
  version: number;
};

const columns = sql`id, kind, mode, dry_run, status, file_name, file_size, file_sha256, file_format, headers, column_map, job_id,
  total_rows, inserted_count, updated_count, unchanged_count, failed_count, error, org_unit_id, created_by, created_by_name,
  created_at::text, started_at::text, finished_at::text, undone_at::text, undone_by, version`;

function toBatch(r: BatchRow): ImportBatch {
  return {
    id: r.id,
    kind: r.kind,
    mode: r.mode,
    dryRun: r.dry_run,
    status: r.status,
    fileName: r.file_name,
    fileSize: r.file_size,
    fileSha256: r.file_sha256,
    fileFormat: r.file_format,
    headers: r.headers ?? [],
    columnMap: r.column_map,
    jobId: r.job_id,
    totalRows: r.total_rows,
    insertedCount: r.inserted_count,
    updatedCount: r.updated_count,
    unchangedCount: r.unchanged_count,
    failedCount: r.failed_count,
    error: r.error,
    orgUnitId: r.org_unit_id,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    createdAt: toIsoTimestamp(r.created_at),
    startedAt: toIsoTimestamp(r.started_at),
    finishedAt: toIsoTimestamp(r.finished_at),
    undoneAt: toIsoTimestamp(r.undone_at),
    undoneBy: r.undone_by,
    version: r.version,
  };
}

export type NewBatch = {
  id: string;
  kind: string;
  mode: ImportMode;
  dryRun: boolean;
  fileName: string;
  fileSize: number;
  fileSha256: string;
  fileFormat: ImportFormat;
  source: Uint8Array;
  orgUnitId: string | null;
  createdBy: string | null;
  createdByName: string;
};

export async function insertBatch(db: Db, b: NewBatch): Promise<ImportBatch> {
  const row = await queryOne<BatchRow>(
    db,
    sql`INSERT INTO import_batches (id, kind, mode, dry_run, status, file_name, file_size, file_sha256, file_format, source, org_unit_id, created_by, created_by_name)
        VALUES (${b.id}, ${b.kind}, ${b.mode}, ${b.dryRun}, 'queued', ${b.fileName}, ${b.fileSize}, ${b.fileSha256}, ${b.fileFormat},
                decode(${Buffer.from(b.source.buffer, b.source.byteOffset, b.source.byteLength).toString('base64')}, 'base64'), ${b.orgUnitId}, ${b.createdBy}, ${b.createdByName})
        RETURNING ${columns}`,
  );
  return toBatch(row as BatchRow);
}

/** Batches the scope can see: its org units' batches, plus the caller's own. */
function visible(scope: DataScope, userId: string | null): SQL {
  return sql`(${scopeCondition(scope, { orgColumn: sql`org_unit_id`, userColumn: sql`created_by` })} OR created_by = ${userId})`;
}

export async function findBatch(db: Db, id: string, access?: { scope: DataScope; userId: string | null }): Promise<ImportBatch | null> {
  const where = access ? visible(access.scope, access.userId) : sql`true`;
  const row = await queryOne<BatchRow>(db, sql`SELECT ${columns} FROM import_batches WHERE id = ${id} AND ${where}`);
  return row ? toBatch(row) : null;
}

export async function lockBatch(db: Db, id: string): Promise<ImportBatch | null> {
  const row = await queryOne<BatchRow>(db, sql`SELECT ${columns} FROM import_batches WHERE id = ${id} FOR UPDATE`);
  return row ? toBatch(row) : null;
}

/** The uploaded file (bytea travels as base64 text: binary parameters are slow on PGlite). */
export async function loadBatchSource(db: Db, id: string): Promise<Uint8Array | null> {
  const row = await queryOne<{ source: string | null }>(db, sql`SELECT encode(source, 'base64') AS source FROM import_batches WHERE id = ${id}`);
  if (row?.source === null || row?.source === undefined) return null;
  return new Uint8Array(Buffer.from(row.source, 'base64'));
}

export async function setBatchJob(db: Db, id: string, jobId: string): Promise<void> {
  await db.execute(sql`UPDATE import_batches SET job_id = ${jobId} WHERE id = ${id}`);
}

/** queued → running; false when the batch is not queued (another worker took it, or it was processed). */
export async function markBatchRunning(db: Db, id: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`UPDATE import_batches SET status = 'running', started_at = now(), version = version + 1 WHERE id = ${id} AND status = 'queued' RETURNING id`,
  );
  return rows.length === 1;
}

export type BatchResult = {
  status: Exclude<ImportBatchStatus, 'queued' | 'running' | 'undone'>;
  headers: string[];
  columnMap: ImportBatch['columnMap'];
  totalRows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  failed: number;
  error: ImportBatch['error'];
};

/** Final state of a processed batch; the uploaded file is dropped (its name, size and sha-256 stay). */
export async function finishBatch(db: Db, id: string, r: BatchResult): Promise<ImportBatch> {
  const row = await queryOne<BatchRow>(
    db,
    sql`UPDATE import_batches SET status = ${r.status}, headers = ${JSON.stringify(r.headers)}::jsonb,
          column_map = ${r.columnMap === null ? null : JSON.stringify(r.columnMap)}::jsonb, total_rows = ${r.totalRows},
          inserted_count = ${r.inserted}, updated_count = ${r.updated}, unchanged_count = ${r.unchanged}, failed_count = ${r.failed},
          error = ${r.error === null ? null : JSON.stringify(r.error)}::jsonb, finished_at = now(), source = NULL, version = version + 1
        WHERE id = ${id} RETURNING ${columns}`,
  );
  return toBatch(row as BatchRow);
}

export async function markBatchUndone(db: Db, id: string, userId: string | null): Promise<ImportBatch> {
  const row = await queryOne<BatchRow>(
    db,
    sql`UPDATE import_batches SET status = 'undone', undone_at = now(), undone_by = ${userId}, version = version + 1 WHERE id = ${id} RETURNING ${columns}`,
  );
  return toBatch(row as BatchRow);
}

/** Batches left 'running' by a process that died (their data transaction was rolled back). */
export async function failRunningBatch(db: Db, id: string, error: { code: string; message: string }): Promise<void> {
  await db.execute(sql`UPDATE import_batches SET status = 'failed', error = ${JSON.stringify(error)}::jsonb, finished_at = now(), version = version + 1
                       WHERE id = ${id} AND status IN ('queued', 'running')`);
}

export type ListBatchesFilter = {
  kind?: string;
  status?: ImportBatchStatus;
  mine?: boolean;
  from?: string;
  to?: string;
  q?: string;
};

export function batchFilters(f: ListBatchesFilter, access: { scope: DataScope; userId: string | null }): SQL {
  const parts: SQL[] = [visible(access.scope, access.userId)];
  if (f.kind) parts.push(sql`kind = ${f.kind}`);
  if (f.status) parts.push(sql`status = ${f.status}`);
  if (f.mine) parts.push(sql`created_by = ${access.userId}`);
  if (f.from) parts.push(sql`created_at >= ${f.from}::timestamptz`);
  if (f.to) parts.push(sql`created_at < ${f.to}::timestamptz`);
  if (f.q) parts.push(sql`(file_name ILIKE ${`%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`} OR created_by_name ILIKE ${`%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`})`);
  return sql.join(parts, sql` AND `);
}

export async function selectBatches(db: Db, where: SQL, options: { ascending: boolean; limit: number; offset: number }): Promise<ImportBatch[]> {
  const rows = await queryRows<BatchRow>(
    db,
    sql`SELECT ${columns} FROM import_batches WHERE ${where} ORDER BY created_at ${options.ascending ? sql`ASC` : sql`DESC`}, id
        LIMIT ${options.limit} OFFSET ${options.offset}`,
  );
  return rows.map(toBatch);
}

export async function countBatches(db: Db, where: SQL): Promise<number> {
  return (await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM import_batches WHERE ${where}`))?.n ?? 0;
}
