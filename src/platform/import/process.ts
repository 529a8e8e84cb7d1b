import { isDomainError } from '../../shared/errors';
import type { Db } from '../db/types';
import { finishBatch, type BatchResult, type ImportBatch } from './batch-store';
import { deleteJournalRows, insertErrorRows, insertJournal, selectJournalRows } from './journal-store';
import { detectImportFormat, type ImportFormat } from './file-format';
import { decodeCsv, readCsvRows } from './read-csv';
import { readXlsxRows } from './read-xlsx';
import { readXlsxRowsInWorker } from './read-xlsx-worker';
import type { ProcessOptions } from './registry';
import type { ImportKindDefinition, ImportWriteResult, PreparedRow, RowProblem } from './types';
import { validateRowStream, type ErrorRow, type RowSource, type RowValidator, type ValidationOutcome } from './validate';
import { validateInWorker } from './validate-in-worker';
import { inspectXlsxZip } from './zip-guard';

/**
 * One batch from bytes to outcome, in ONE transaction: rows are read (a large xlsx in a worker
 * thread), validated with the domain's schema, and written chunk by chunk while the rest of the
 * file is still being read; each chunk's journal entries are written with it, and the error rows,
 * the batch's final state and its audit entry go into the same transaction. All-or-nothing stops
 * writing at the first bad row, keeps validating to report every error, and rolls the transaction
 * back. A key that recurs in the file refuses every occurrence (an occurrence written earlier is
 * reverted from its journal entry inside the transaction). Memory stays bounded by a few chunks,
 * the error rows and one number per row and key: nothing of a written chunk is kept.
 * A process killed in the middle leaves nothing of the batch; the job queue then marks it failed.
 *
 * On the embedded database (one connection) other requests wait while the transaction is open.
 */
export type ImportProgress = { phase: 'validate' | 'write'; done: number; total: number | null };


class Rollback extends Error {
  constructor() {
    super('roll the import back');
  }
}

const statusLabel: Record<BatchResult['status'], string> = {
  succeeded: '导入完成',
  rejected: '有错误，未导入任何行',
  validated: '试导入（仅校验）完成',
  failed: '导入失败',
};

/** What the write step did to a row; 'unknown' when a kind does not journal its dry runs. */
type Outcome = 'insert' | 'update' | 'unchanged' | 'error' | 'unknown';

/** What the write loop learned (one outcome per row, no row data); merged with the validation outcome at the end. */
class WriteState {
  readonly outcomes = new Map<number, Outcome>();
  readonly firstRowOfKey = new Map<string, number>();
  readonly duplicates = new Map<string, number[]>();
  readonly writeErrors: RowProblem[] = [];
  inserted = 0;
  updated = 0;
  unchanged = 0;
  stopped = false;

  /** Counts come from the kind's result; per-row outcomes from its journal and refusals. */
  add(rows: readonly { rowNo: number }[], result: ImportWriteResult, dryRun: boolean): void {
    this.inserted += result.inserted;
    this.updated += result.updated;
    this.unchanged += result.unchanged;
    this.writeErrors.push(...result.rowErrors);
    const refused = new Set(result.rowErrors.map((e) => e.rowNo));
    for (const entry of result.journal) this.outcomes.set(entry.rowNo, entry.action);
    const rest: Outcome = dryRun && result.journal.length === 0 && result.inserted + result.updated > 0 ? 'unknown' : 'unchanged';
    for (const row of rows) if (!this.outcomes.has(row.rowNo)) this.outcomes.set(row.rowNo, refused.has(row.rowNo) ? 'error' : rest);
  }

  /** Forget what was done for a row (its key turned out to recur). True when the row was written (its journal entry is to be reverted). */
  forget(rowNo: number): boolean {
    const outcome = this.outcomes.get(rowNo);
    this.outcomes.delete(rowNo);
    if (outcome === 'insert') this.inserted--;
    if (outcome === 'update') this.updated--;
    if (outcome === 'unchanged') this.unchanged--;
    return outcome === 'insert' || outcome === 'update';
  }
}

export async function processImportBatch<T, C>(def: ImportKindDefinition<T, C>, db: Db, options: ProcessOptions): Promise<ImportBatch> {
  const { batch, actor, limits, recordAudit } = options;
  const progress = options.onProgress ?? (() => undefined);
  const timings = options.timings ?? {};
  let mark = performance.now();
  const lap = (phase: string) => {
    const now = performance.now();
    timings[phase] = (timings[phase] ?? 0) + (now - mark);
    mark = now;
  };
  /** Adds the time since `since` to a sub-phase (waiting for rows, writing, journal) and returns now. */
  const spent = (phase: string, since: number) => {
    const now = performance.now();
    timings[phase] = (timings[phase] ?? 0) + (now - since);
    return now;
  };

  const finish = async (tx: Db, result: BatchResult, errors: readonly ErrorRow[]) => {
    if (errors.length > 0) await insertErrorRows(tx, batch.id, errors);
    const finished = await finishBatch(tx, batch.id, result);
    const counts = `共 ${result.totalRows} 行：新增 ${result.inserted}、更新 ${result.updated}、未变 ${result.unchanged}、错误 ${result.failed}`;
    await recordAudit(tx, actor, {
      action: result.status === 'succeeded' ? 'import.commit' : `import.${result.status}`,
      entityType: 'import_batch',
      entityId: batch.id,
      orgUnitId: batch.orgUnitId,
      summary: `${def.label}导入「${batch.fileName}」${statusLabel[result.status]}${result.error ? `：${result.error.message}` : `，${counts}`}`,
      after: { status: result.status, mode: batch.mode, dryRun: batch.dryRun, totalRows: result.totalRows, inserted: result.inserted, updated: result.updated, unchanged: result.unchanged, failed: result.failed, error: result.error },
    });
    return finished;
  };
  const failed = (error: { code: string; message: string; details?: unknown }): BatchResult => ({
    status: 'failed',
    headers: [],
    columnMap: null,
    totalRows: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    error,
  });

  const ctx = await def.prepare(db, { actor, today: options.today });
  let outcome: ValidationOutcome | null = null;
  let validator: RowValidator<T> | null = null;
  const state = new WriteState();
  const allOrNothing = batch.mode === 'all_or_nothing';

  /** Reads, validates and (unless stopped) writes every chunk inside `tx`. */
  const run = async (tx: Db) => {
    const format = detectImportFormat(options.bytes, batch.fileName, limits);
    const inspected = format === 'xlsx' ? inspectXlsxZip(options.bytes, limits) : Promise.resolve(null);
    inspected.catch(() => undefined); // awaited below; this only keeps an early refusal from counting as unhandled
    const onProgress = (done: number) => progress({ phase: 'validate', done, total: null });
    // A worker starts reading as soon as the zip check passes; nothing opens the file before.
    validator = openValidator(def, ctx, format, options, onProgress, inspected);
    await inspected;
    let written = 0;
    let since = performance.now();
    let firstChunk = true;
    for await (const chunk of validator.chunks) {
      if (firstChunk) spent('firstRows', since);
      firstChunk = false;
      since = spent('waitForRows', since);
      const fresh: PreparedRow<T>[] = [];
      const revert: number[] = [];
      for (const row of chunk) {
        const first = state.firstRowOfKey.get(row.key);
        if (first === undefined) {
          state.firstRowOfKey.set(row.key, row.rowNo);
          fresh.push(row);
          continue;
        }
        const group = state.duplicates.get(row.key) ?? [first];
        group.push(row.rowNo);
        state.duplicates.set(row.key, group);
        if (group.length === 2) {
          if (state.forget(first)) revert.push(first);
          const pendingIndex = fresh.findIndex((r) => r.rowNo === first);
          if (pendingIndex >= 0) fresh.splice(pendingIndex, 1);
        }
      }
      if (allOrNothing && (validator.errorCount() > 0 || state.duplicates.size > 0 || state.writeErrors.length > 0)) state.stopped = true;
      if (state.stopped) continue;
      if (revert.length > 0 && !batch.dryRun) await revertWrittenRows(def, tx, { actor, batchId: batch.id, rowNos: revert });
      const result = await def.write(tx, {
        actor,
        batchId: batch.id,
        rows: fresh,
        ctx,
        mode: batch.mode,
        dryRun: batch.dryRun,
        onProgress: (done) => progress({ phase: 'write', done: written + done, total: null }),
      });
      written += fresh.length;
      state.add(fresh, result, batch.dryRun);
      if (allOrNothing && result.rowErrors.length > 0) state.stopped = true;
      since = spent('write', since);
      if (!batch.dryRun && !state.stopped && result.journal.length > 0) {
        await insertJournal(tx, batch.id, result.journal);
        since = spent('journal', since);
      }
    }
    outcome = validator.outcome();
    if (allOrNothing && outcome.errors.length > 0) state.stopped = true;
    lap('readValidateWrite');
    if (state.stopped || batch.dryRun) throw new Rollback();
    const errors = await collectErrors(def.keyLabel, outcome, state, validator);
    return finish(tx, { ...base(outcome), status: 'succeeded', inserted: state.inserted, updated: state.updated, unchanged: state.unchanged, failed: errors.length, error: null }, errors);
  };

  try {
    const committed = await db.transaction(run);
    lap('finishAndCommit');
    return committed;
  } catch (error) {
    if (error instanceof Rollback && outcome && validator) {
      const errors = await collectErrors(def.keyLabel, outcome, state, validator);
      const result: BatchResult = batch.dryRun
        ? { ...base(outcome), status: 'validated', inserted: state.inserted, updated: state.updated, unchanged: state.unchanged, failed: errors.length, error: null }
        : { ...base(outcome), status: 'rejected', inserted: 0, updated: 0, unchanged: 0, failed: errors.length, error: null };
      return db.transaction((tx) => finish(tx, result, errors));
    }
    if (!isDomainError(error)) throw error;
    const e = { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) };
    return db.transaction((tx) => finish(tx, failed(e), []));
  } finally {
    await (validator as RowValidator<T> | null)?.close();
  }
}

/** Undoes rows written earlier in this transaction (their key recurred) from their journal entries, and drops those entries. */
async function revertWrittenRows<T, C>(def: ImportKindDefinition<T, C>, tx: Db, options: { actor: ProcessOptions['actor']; batchId: string; rowNos: number[] }): Promise<void> {
  const entries = await selectJournalRows(tx, options.batchId, options.rowNos);
  if (entries.length === 0) return;
  await def.undo(tx, { actor: options.actor, batchId: options.batchId, entries });
  await deleteJournalRows(tx, options.batchId, options.rowNos);
}

/**
 * Large files are read in a worker thread; if the kind supports it the worker validates too, so
 * that this thread only writes. Small files are read and validated here. Nothing reads the file
 * before `startWhen` (the zip-bomb check) resolves: the in-thread readers start when iterated.
 */
function openValidator<T, C>(
  def: ImportKindDefinition<T, C>,
  ctx: C,
  format: ImportFormat,
  options: ProcessOptions,
  onProgress: (done: number) => void,
  startWhen: Promise<unknown>,
): RowValidator<T> {
  const { bytes, limits, batch } = options;
  const large = bytes.length >= limits.workerFromBytes;
  if (large && def.worker) return validateInWorker(def, ctx, { bytes, format, limits, actor: options.actor, today: options.today, batchId: batch.id, startWhen, onProgress });
  const openSource: RowSource = format === 'csv' ? () => readCsvRows(decodeCsv(bytes).text, limits) : large ? () => readXlsxRowsInWorker(bytes, limits) : () => readXlsxRows(bytes, limits);
  return validateRowStream(def, ctx, openSource, { limits, chunkRows: limits.chunkRows, batchId: batch.id, onProgress });
}

function base(outcome: ValidationOutcome) {
  return {
    headers: outcome.headers,
    columnMap: { mapped: outcome.mapping.mapped, ignored: outcome.mapping.ignored },
    totalRows: outcome.totalRows,
  };
}

/** Validation errors, rows the write refused, and every occurrence of a recurring key, one entry per row. */
async function collectErrors(keyLabel: string, outcome: ValidationOutcome, state: WriteState, validator: RowValidator<unknown>): Promise<ErrorRow[]> {
  const byRow = new Map<number, ErrorRow>(outcome.errors.map((e) => [e.rowNo, e]));
  const wanted = [...state.writeErrors.map((p) => p.rowNo), ...[...state.duplicates.values()].flat()].filter((n) => !byRow.has(n));
  const cells = await validator.cellsFor(wanted);
  const add = (rowNo: number, messages: readonly string[]) => {
    const existing = byRow.get(rowNo);
    if (existing) existing.messages.push(...messages);
    else byRow.set(rowNo, { rowNo, cells: cells.get(rowNo) ?? [], messages: [...messages] });
  };
  for (const p of state.writeErrors) add(p.rowNo, p.messages);
  for (const [key, rowNos] of state.duplicates) {
    for (const rowNo of rowNos) add(rowNo, [`${keyLabel}「${key}」在文件中重复出现（第 ${rowNos.join('、')} 行），请只保留一行`]);
  }
  return [...byRow.values()].sort((a, b) => a.rowNo - b.rowNo);
}
