import { isDomainError } from '../../shared/errors';
import type { Db } from '../db/types';
import { finishBatch, insertErrorRows, insertJournal, type BatchResult, type ImportBatch } from './batch-store';
import { detectImportFormat } from './file-format';
import { inspectXlsxZip } from './zip-guard';
import { decodeCsv, readCsvRows } from './read-csv';
import { readXlsxRows } from './read-xlsx';
import type { ProcessOptions } from './registry';
import type { ImportKindDefinition, ImportWriteResult, RowProblem } from './types';
import { validateRows, type ErrorRow, type ValidationOutcome } from './validate';

/**
 * One batch from bytes to outcome: read (with limits), validate every row, then — unless the
 * mode or a dry run says otherwise — write all valid rows, the journal, the error rows, the
 * batch's final state and its audit entry in ONE transaction. A process killed in the middle
 * leaves nothing of the batch (the batch stays 'running' until the job queue marks it failed).
 */
export type ImportProgress = { phase: 'validate' | 'write'; done: number; total: number | null };

class RejectedByWrite extends Error {
  constructor(readonly problems: RowProblem[]) {
    super('rows refused while writing');
  }
}

const statusLabel: Record<BatchResult['status'], string> = {
  succeeded: '导入完成',
  rejected: '有错误，未导入任何行',
  validated: '试导入（仅校验）完成',
  failed: '导入失败',
};

function mergeErrors(validation: ValidationOutcome<unknown>, problems: readonly RowProblem[]): ErrorRow[] {
  const byRow = new Map<number, ErrorRow>(validation.errors.map((e) => [e.rowNo, e]));
  for (const p of problems) {
    const existing = byRow.get(p.rowNo);
    if (existing) existing.messages.push(...p.messages);
    else byRow.set(p.rowNo, { rowNo: p.rowNo, cells: validation.cellsByRow.get(p.rowNo) ?? [], messages: [...p.messages] });
  }
  return [...byRow.values()].sort((a, b) => a.rowNo - b.rowNo);
}

export async function processImportBatch<T, C>(def: ImportKindDefinition<T, C>, db: Db, options: ProcessOptions): Promise<ImportBatch> {
  const { batch, actor, limits, recordAudit } = options;
  const progress = options.onProgress ?? (() => undefined);
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
  const failed = (error: { code: string; message: string; details?: unknown }, validation?: ValidationOutcome<T>): BatchResult => ({
    status: 'failed',
    headers: validation?.headers ?? [],
    columnMap: null,
    totalRows: validation?.totalRows ?? 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    error,
  });

  let validation: ValidationOutcome<T>;
  const ctx = await def.prepare(db, { actor, today: options.today });
  try {
    const format = detectImportFormat(options.bytes, batch.fileName, limits);
    if (format === 'xlsx') await inspectXlsxZip(options.bytes, limits);
    const source = format === 'xlsx' ? readXlsxRows(options.bytes, limits) : readCsvRows(decodeCsv(options.bytes).text, limits);
    validation = await validateRows(def, ctx, source, { limits, onProgress: (done) => progress({ phase: 'validate', done, total: null }) });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const e = { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) };
    return db.transaction((tx) => finish(tx, failed(e), []));
  }

  const base = {
    headers: validation.headers,
    columnMap: { mapped: validation.mapping.mapped, ignored: validation.mapping.ignored },
    totalRows: validation.totalRows,
    error: null,
  };
  const rejected = (errors: readonly ErrorRow[]): BatchResult => ({ ...base, status: 'rejected', inserted: 0, updated: 0, unchanged: 0, failed: errors.length });
  const counted = (status: 'succeeded' | 'validated', r: ImportWriteResult, errors: readonly ErrorRow[]): BatchResult => ({
    ...base,
    status,
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
    failed: errors.length,
  });
  const writeOptions = (dryRun: boolean) => ({
    actor,
    batchId: batch.id,
    rows: validation.rows,
    ctx,
    mode: batch.mode,
    dryRun,
    onProgress: (done: number, total: number) => progress({ phase: 'write', done, total }),
  });

  if (batch.mode === 'all_or_nothing' && validation.errors.length > 0) {
    return db.transaction((tx) => finish(tx, rejected(validation.errors), validation.errors));
  }
  if (batch.dryRun) {
    const result = await def.write(db, writeOptions(true));
    const errors = mergeErrors(validation, result.rowErrors);
    return db.transaction((tx) => finish(tx, counted('validated', result, errors), errors));
  }
  try {
    return await db.transaction(async (tx) => {
      const result = await def.write(tx, writeOptions(false));
      if (batch.mode === 'all_or_nothing' && result.rowErrors.length > 0) throw new RejectedByWrite(result.rowErrors);
      await insertJournal(tx, batch.id, result.journal);
      const errors = mergeErrors(validation, result.rowErrors);
      return finish(tx, counted('succeeded', result, errors), errors);
    });
  } catch (error) {
    if (error instanceof RejectedByWrite) {
      const errors = mergeErrors(validation, error.problems);
      return db.transaction((tx) => finish(tx, rejected(errors), errors));
    }
    if (!isDomainError(error)) throw error;
    const e = { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) };
    return db.transaction((tx) => finish(tx, failed(e, validation), []));
  }
}
