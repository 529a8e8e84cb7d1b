import type { Actor } from '../../shared/actor';
import { conflict, forbidden, notFound } from '../../shared/errors';
import { hasPermission } from '../../shared/permissions';
import type { Db } from '../db/types';
import { newId, sha256Hex } from '../ids';
import { enqueueJob, type Job } from '../jobs/queue';
import {
  batchFilters,
  countBatches,
  failRunningBatch,
  findBatch,
  insertBatch,
  loadBatchSource,
  lockBatch,
  markBatchRunning,
  markBatchUndone,
  selectBatches,
  setBatchJob,
  type ImportBatch,
  type ListBatchesFilter,
} from './batch-store';
import { selectErrorRows, selectJournal } from './journal-store';
import { detectImportFormat } from './file-format';
import type { ImportLimits } from './limits';
import type { ImportProgress } from './process';
import type { ImportKind, ImportRegistry } from './registry';
import type { ImportMode } from './types';
import type { ErrorRow } from './validate';
import { inspectXlsxZip } from './zip-guard';

/**
 * Use cases of the generic import: upload (checked at once, processed by a job), processing,
 * history, error report and undo of a whole batch.
 */
export const IMPORT_JOB_KIND = 'import';

export function assertMayImport(actor: Actor, kind: ImportKind): void {
  if (actor.kind === 'system') return;
  if (!actor.role || !hasPermission(actor.role, 'imports.manage') || !hasPermission(actor.role, kind.permission)) {
    throw forbidden('import.forbidden', `您无权导入${kind.label}数据`);
  }
}

function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  return [...base].filter((ch) => (ch.codePointAt(0) ?? 0) >= 0x20 && ch !== '\u007f').join('').trim().slice(0, 200) || 'file';
}

/** The actor as stored in the job, so the worker acts with the uploader's rights and scope. */
export type ActorSnapshot = Pick<Actor, 'userId' | 'username' | 'displayName' | 'role' | 'flags' | 'orgUnitId' | 'orgPath' | 'enterpriseId' | 'scope' | 'requestId' | 'ip'> & { kind: Actor['kind'] };

export function snapshotActor(actor: Actor): ActorSnapshot {
  const { kind, userId, username, displayName, role, flags, orgUnitId, orgPath, enterpriseId, scope, requestId, ip } = actor;
  return { kind, userId, username, displayName, role, flags, orgUnitId, orgPath, enterpriseId, scope, requestId, ip };
}

export function actorFromSnapshot(s: ActorSnapshot): Actor {
  return { ...s, flags: [...s.flags], trace: { auditEntries: 0 } };
}

export type CreateImportInput = { kind: string; fileName: string; bytes: Uint8Array; mode: ImportMode; dryRun: boolean };

/**
 * Checks the file at once (size, format, zip-bomb guard) so that a wrong file is refused in the
 * upload response, stores the batch with the file and, unless `enqueue` is false (CLI), queues
 * the job that processes it.
 */
export async function createImportBatch(
  db: Db,
  registry: ImportRegistry,
  options: { actor: Actor; input: CreateImportInput; limits: ImportLimits; enqueue?: boolean },
): Promise<{ batch: ImportBatch; job: Job | null }> {
  const { actor, input, limits } = options;
  const kind = registry.get(input.kind);
  assertMayImport(actor, kind);
  const fileName = cleanFileName(input.fileName);
  const format = detectImportFormat(input.bytes, fileName, limits);
  // A large file is read in a worker: start it now, it loads its code while the file is checked and stored.
  if (input.bytes.length >= limits.workerFromBytes) kind.prewarm();
  if (format === 'xlsx') await inspectXlsxZip(input.bytes, limits);
  return db.transaction(async (tx) => {
    const batch = await insertBatch(tx, {
      id: newId(),
      kind: kind.kind,
      mode: input.mode,
      dryRun: input.dryRun,
      fileName,
      fileSize: input.bytes.length,
      fileSha256: sha256Hex(Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength)),
      fileFormat: format,
      source: input.bytes,
      orgUnitId: actor.orgUnitId,
      createdBy: actor.userId,
      createdByName: actor.displayName,
    });
    let job: Job | null = null;
    if (options.enqueue !== false) {
      job = await enqueueJob(tx, {
        kind: IMPORT_JOB_KIND,
        params: { batchId: batch.id, importKind: kind.kind, actor: snapshotActor(actor) },
        orgUnitId: actor.orgUnitId,
        createdBy: actor.userId,
        message: `${kind.label}导入排队中：${fileName}`,
      });
      await setBatchJob(tx, batch.id, job.id);
    }
    await registry.recordAudit(tx, actor, {
      action: 'import.upload',
      entityType: 'import_batch',
      entityId: batch.id,
      orgUnitId: actor.orgUnitId,
      summary: `上传${kind.label}导入文件「${fileName}」（${input.dryRun ? '试导入' : input.mode === 'valid_only' ? '只导入正确行' : '全部正确才导入'}）`,
      after: { fileName, fileSize: batch.fileSize, sha256: batch.fileSha256, mode: input.mode, dryRun: input.dryRun },
    });
    return { batch: { ...batch, jobId: job?.id ?? null }, job };
  });
}

/** Processes a queued batch (the job handler and the CLI call this). */
export async function executeImportBatch(
  db: Db,
  registry: ImportRegistry,
  options: { batchId: string; actor: Actor; limits: ImportLimits; today: string; onProgress?: (p: ImportProgress) => void; timings?: Record<string, number> },
): Promise<ImportBatch> {
  const batch = await findBatch(db, options.batchId);
  if (!batch) throw notFound('import.not_found', '导入批次不存在');
  const kind = registry.get(batch.kind);
  if (!(await markBatchRunning(db, batch.id))) throw conflict('import.already_processed', '该导入批次已处理过');
  const bytes = await loadBatchSource(db, batch.id);
  if (!bytes) {
    await failRunningBatch(db, batch.id, { code: 'import.file_missing', message: '导入文件已不存在' });
    throw conflict('import.file_missing', '导入文件已不存在');
  }
  return kind.process(db, { batch: { ...batch, status: 'running' }, bytes, actor: options.actor, limits: options.limits, today: options.today, recordAudit: registry.recordAudit, onProgress: options.onProgress, timings: options.timings });
}

export type ListImportsQuery = ListBatchesFilter & { page: number; pageSize: number; sort: 'createdAt' | '-createdAt' };

export async function listImportBatches(db: Db, options: { actor: Actor; query: ListImportsQuery }): Promise<{ items: ImportBatch[]; total: number; page: number; pageSize: number }> {
  const { actor, query } = options;
  const where = batchFilters(query, { scope: actor.scope, userId: actor.userId });
  const [total, items] = await Promise.all([
    countBatches(db, where),
    selectBatches(db, where, { ascending: query.sort === 'createdAt', limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
  ]);
  return { items, total, page: query.page, pageSize: query.pageSize };
}

export async function getImportBatch(db: Db, options: { actor: Actor; id: string }): Promise<ImportBatch> {
  const batch = await findBatch(db, options.id, { scope: options.actor.scope, userId: options.actor.userId });
  if (!batch) throw notFound('import.not_found', '导入批次不存在或无权查看');
  return batch;
}

/** The batch's error rows, in row order (streamed into the error report). */
export async function* iterateImportErrors(db: Db, batchId: string): AsyncGenerator<ErrorRow> {
  let after = 0;
  for (;;) {
    const rows = await selectErrorRows(db, batchId, { afterRowNo: after, limit: 2000 });
    yield* rows;
    if (rows.length < 2000) return;
    after = rows[rows.length - 1]?.rowNo ?? after;
  }
}

const MAX_LISTED = 20;

/**
 * Undo a whole committed batch: inserted records are deleted, updated ones get their
 * before-image back. Refused (nothing changes) when any record changed after the import.
 */
export async function undoImportBatch(db: Db, registry: ImportRegistry, options: { actor: Actor; id: string; version?: number }): Promise<ImportBatch> {
  const { actor, id } = options;
  try {
    return await db.transaction(async (tx) => {
      const visible = await findBatch(tx, id, { scope: actor.scope, userId: actor.userId });
      if (!visible) throw notFound('import.not_found', '导入批次不存在或无权查看');
      const batch = (await lockBatch(tx, id)) as ImportBatch;
      const kind = registry.get(batch.kind);
      assertMayImport(actor, kind);
      if (options.version !== undefined && options.version !== batch.version) {
        throw conflict('import.stale_version', '该导入批次已变化，请刷新后重试', { currentVersion: batch.version });
      }
      if (batch.status === 'undone') throw conflict('import.already_undone', '该批次已撤销');
      if (batch.status !== 'succeeded') throw conflict('import.not_undoable', '只有已成功写入的批次可以撤销');
      const entries = await selectJournal(tx, id);
      const versions = await kind.currentVersions(tx, entries.map((e) => e.entityId));
      const changed = entries.filter((e) => versions.get(e.entityId) !== e.afterVersion);
      if (changed.length > 0) {
        const rows = changed.slice(0, MAX_LISTED).map((e) => e.rowNo);
        throw conflict(
          'import.undo_blocked',
          `有 ${changed.length} 条记录在导入后又被修改或删除（第 ${rows.join('、')}${changed.length > MAX_LISTED ? ' 等' : ''} 行），不能撤销整批`,
          { changed: changed.slice(0, 100).map((e) => ({ rowNo: e.rowNo, entityId: e.entityId })) },
        );
      }
      await kind.undo(tx, { actor, batchId: id, entries });
      const undone = await markBatchUndone(tx, id, actor.userId);
      await registry.recordAudit(tx, actor, {
        action: 'import.undo',
        entityType: 'import_batch',
        entityId: id,
        orgUnitId: batch.orgUnitId,
        summary: `撤销${kind.label}导入「${batch.fileName}」：删除新增 ${batch.insertedCount} 条，恢复更新 ${batch.updatedCount} 条`,
        before: { status: batch.status },
        after: { status: 'undone' },
      });
      return undone;
    });
  } catch (error) {
    const e = error as { code?: string; cause?: { code?: string } };
    if ((e.code ?? e.cause?.code) === '23503') {
      throw conflict('import.undo_referenced', '导入新增的记录已被其他数据引用（如企业账号或设备），不能撤销整批');
    }
    throw error;
  }
}
