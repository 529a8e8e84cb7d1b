import { localDate } from '../clock';
import type { JobHandler } from '../jobs/queue';
import { failRunningBatch, findBatch } from './batch-store';
import { withLimits, type ImportLimits } from './limits';
import type { ImportRegistry } from './registry';
import { actorFromSnapshot, executeImportBatch, IMPORT_JOB_KIND, type ActorSnapshot } from './service';

/**
 * The job that processes an uploaded import batch. Progress is reported while rows are validated
 * (outside any transaction); the write itself is one transaction and reports nothing to the
 * database, because on the embedded database nothing else can run while it is open.
 */
export type ImportJobParams = { batchId: string; importKind: string; actor: ActorSnapshot };

const PROGRESS_EVERY_MS = 500;

export function createImportJobHandler(registry: ImportRegistry, limits: Partial<ImportLimits> = {}): JobHandler {
  return {
    kind: IMPORT_JOB_KIND,
    async run({ db, job, clock, config, progress }) {
      const params = job.params as ImportJobParams;
      let pending: Promise<void> = progress({ done: 0, total: null, message: '正在读取并校验文件' });
      let last = 0;
      const batch = await executeImportBatch(db, registry, {
        batchId: params.batchId,
        actor: actorFromSnapshot(params.actor),
        limits: withLimits({ maxBytes: config.limits.upload, ...limits }),
        today: localDate(clock.now(), config.timeZone),
        onProgress: (p) => {
          if (p.phase !== 'validate') return;
          const now = Date.now();
          if (now - last < PROGRESS_EVERY_MS) return;
          last = now;
          pending = pending.then(() => progress({ done: p.done, message: `已校验 ${p.done} 行` })).catch(() => undefined);
        },
      });
      await pending;
      await progress({ done: batch.totalRows, total: batch.totalRows, message: null });
      return {
        batchId: batch.id,
        status: batch.status,
        totalRows: batch.totalRows,
        inserted: batch.insertedCount,
        updated: batch.updatedCount,
        unchanged: batch.unchangedCount,
        failed: batch.failedCount,
        error: batch.error,
      };
    },
    async onAbandoned(db, job) {
      const params = job.params as Partial<ImportJobParams>;
      if (!params.batchId || !(await findBatch(db, params.batchId))) return;
      await failRunningBatch(db, params.batchId, { code: 'import.interrupted', message: '导入过程中处理进程意外中止，本批次未写入任何数据，请重新导入' });
    },
  };
}
