import { sql } from 'drizzle-orm';
import { queryRows, toIsoTimestamp, type Db } from '../db/types';
import type { ImportBatchStatus } from './batch-store';
import { copyRows } from './copy';
import type { CellText } from './read-xlsx';
import type { JournalEntry } from './types';
import type { ErrorRow } from './validate';

/** SQL of a batch's journal (import_batch_rows) and its error rows (import_batch_errors). */
export async function insertJournal(db: Db, batchId: string, entries: readonly JournalEntry[]): Promise<void> {
  await copyRows(
    db,
    'import_batch_rows',
    ['batch_id', 'row_no', 'entity_id', 'action', 'before', 'changes', 'after_version'],
    entries.map((e) => [batchId, e.rowNo, e.entityId, e.action, e.before == null ? null : JSON.stringify(e.before), e.changes == null ? null : JSON.stringify(e.changes), e.afterVersion]),
  );
}

type JournalRow = { row_no: number; entity_id: string; action: 'insert' | 'update'; before: unknown; changes: unknown; after_version: number };

const toEntry = (r: JournalRow): JournalEntry => ({ rowNo: r.row_no, entityId: r.entity_id, action: r.action, before: r.before, changes: r.changes, afterVersion: r.after_version });

export async function selectJournal(db: Db, batchId: string): Promise<JournalEntry[]> {
  const rows = await queryRows<JournalRow>(db, sql`SELECT row_no, entity_id, action, before, changes, after_version FROM import_batch_rows WHERE batch_id = ${batchId} ORDER BY row_no`);
  return rows.map(toEntry);
}

const intArray = (values: readonly number[]) => `{${values.map((n) => Math.trunc(n)).join(',')}}`;

/** Entries of some rows of a batch (a running import reverts rows whose key recurred). */
export async function selectJournalRows(db: Db, batchId: string, rowNos: readonly number[]): Promise<JournalEntry[]> {
  if (rowNos.length === 0) return [];
  const rows = await queryRows<JournalRow>(
    db,
    sql`SELECT row_no, entity_id, action, before, changes, after_version FROM import_batch_rows
        WHERE batch_id = ${batchId} AND row_no = ANY(${intArray(rowNos)}::int[]) ORDER BY row_no`,
  );
  return rows.map(toEntry);
}

export async function deleteJournalRows(db: Db, batchId: string, rowNos: readonly number[]): Promise<void> {
  if (rowNos.length === 0) return;
  await db.execute(sql`DELETE FROM import_batch_rows WHERE batch_id = ${batchId} AND row_no = ANY(${intArray(rowNos)}::int[])`);
}

export type EntityImportEntry = {
  batchId: string;
  rowNo: number;
  action: 'insert' | 'update';
  before: unknown;
  changes: unknown;
  fileName: string;
  batchStatus: ImportBatchStatus;
  at: string;
  createdBy: string | null;
  createdByName: string;
};

/** What imports did to one record (its history shows these next to the audit entries). */
export async function selectEntityImports(db: Db, entityId: string): Promise<EntityImportEntry[]> {
  const rows = await queryRows<{
    batch_id: string;
    row_no: number;
    action: 'insert' | 'update';
    before: unknown;
    changes: unknown;
    file_name: string;
    status: ImportBatchStatus;
    at: string;
    created_by: string | null;
    created_by_name: string;
  }>(
    db,
    sql`SELECT r.batch_id, r.row_no, r.action, r.before, r.changes, b.file_name, b.status, COALESCE(b.finished_at, b.created_at)::text AS at,
               b.created_by, b.created_by_name
        FROM import_batch_rows r JOIN import_batches b ON b.id = r.batch_id
        WHERE r.entity_id = ${entityId} ORDER BY at DESC`,
  );
  return rows.map((r) => ({
    batchId: r.batch_id,
    rowNo: r.row_no,
    action: r.action,
    before: r.before,
    changes: r.changes,
    fileName: r.file_name,
    batchStatus: r.status,
    at: toIsoTimestamp(r.at),
    createdBy: r.created_by,
    createdByName: r.created_by_name,
  }));
}

/** Error rows of a batch (one per sheet row; the caller merges messages of the same row first). */
export async function insertErrorRows(db: Db, batchId: string, errors: readonly ErrorRow[]): Promise<void> {
  await copyRows(
    db,
    'import_batch_errors',
    ['batch_id', 'row_no', 'cells', 'messages'],
    errors.map((e) => [batchId, e.rowNo, JSON.stringify(e.cells.map((v) => v ?? null)), JSON.stringify(e.messages)]),
  );
}

export async function selectErrorRows(db: Db, batchId: string, options: { afterRowNo: number; limit: number }): Promise<ErrorRow[]> {
  const rows = await queryRows<{ row_no: number; cells: CellText[]; messages: string[] }>(
    db,
    sql`SELECT row_no, cells, messages FROM import_batch_errors WHERE batch_id = ${batchId} AND row_no > ${options.afterRowNo}
        ORDER BY row_no LIMIT ${options.limit}`,
  );
  return rows.map((r) => ({ rowNo: r.row_no, cells: r.cells, messages: r.messages }));
}
