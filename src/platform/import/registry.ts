import type { Actor } from '../../shared/actor';
import { notFound } from '../../shared/errors';
import type { Permission } from '../../shared/permissions';
import type { Db } from '../db/types';
import type { ImportBatch } from './batch-store';
import type { ImportLimits } from './limits';
import { processImportBatch, type ImportProgress } from './process';
import { buildTemplateXlsx } from './template';
import type { ImportColumn, ImportKindDefinition, ImportWorkerSupport, JournalEntry } from './types';
import { prewarmValidationWorker } from './validate-in-worker';

/**
 * The import kinds the application knows, each with its generic parts bound to its domain
 * definition. `src/domains/import-kinds.ts` builds the registry with the audit recorder (the
 * platform does not import domains, so audit is handed in).
 */
export type AuditRecorder = (
  db: Db,
  actor: Actor,
  entry: { action: string; entityType: string; entityId?: string | null; orgUnitId?: string | null; summary?: string | null; before?: unknown; after?: unknown },
) => Promise<void>;

export type ProcessOptions = {
  batch: ImportBatch;
  bytes: Uint8Array;
  actor: Actor;
  limits: ImportLimits;
  today: string;
  recordAudit: AuditRecorder;
  onProgress?: (progress: ImportProgress) => void;
  /** Filled with the milliseconds of each phase (read+validate, write, journal…) when given. */
  timings?: Record<string, number>;
};

export type ImportKind = {
  kind: string;
  label: string;
  sheetName: string;
  permission: Permission;
  keyLabel: string;
  columns: readonly ImportColumn[];
  buildTemplate(db: Db, options: { actor: Actor; today: string }): Promise<Buffer>;
  process(db: Db, options: ProcessOptions): Promise<ImportBatch>;
  /** Starts the reading worker of a large file ahead of processing (no-op for kinds without one). */
  prewarm(): void;
  currentVersions(tx: Db, ids: readonly string[]): Promise<Map<string, number>>;
  undo(tx: Db, options: { actor: Actor; batchId: string; entries: readonly JournalEntry[] }): Promise<void>;
};

export function defineImportKind<T, C>(def: ImportKindDefinition<T, C>): ImportKind {
  return {
    kind: def.kind,
    label: def.label,
    sheetName: def.sheetName,
    permission: def.permission,
    keyLabel: def.keyLabel,
    columns: def.columns,
    async buildTemplate(db, options) {
      const ctx = await def.prepare(db, options);
      return buildTemplateXlsx({ sheetName: def.sheetName, columns: def.columns, options: def.templateOptions?.(ctx) ?? {}, notes: def.notes });
    },
    process: (db, options) => processImportBatch(def, db, options),
    prewarm: () => {
      if (def.worker) prewarmValidationWorker(def.worker as ImportWorkerSupport<unknown>);
    },
    currentVersions: (tx, ids) => def.currentVersions(tx, ids),
    undo: (tx, options) => def.undo(tx, options),
  };
}

export type ImportRegistry = {
  list(): ImportKind[];
  find(kind: string): ImportKind | null;
  get(kind: string): ImportKind;
  recordAudit: AuditRecorder;
};

export function createImportRegistry(kinds: readonly ImportKind[], services: { recordAudit: AuditRecorder }): ImportRegistry {
  const byKind = new Map<string, ImportKind>();
  for (const k of kinds) {
    if (byKind.has(k.kind)) throw new Error(`import kind ${k.kind} is defined twice`);
    byKind.set(k.kind, k);
  }
  return {
    list: () => [...byKind.values()],
    find: (kind) => byKind.get(kind) ?? null,
    get: (kind) => {
      const found = byKind.get(kind);
      if (!found) throw notFound('import.unknown_kind', `没有这种导入：${kind}`, { known: [...byKind.keys()] });
      return found;
    },
    recordAudit: services.recordAudit,
  };
}
