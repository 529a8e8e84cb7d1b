/**
 * The generic import engine (server-only). Domains describe an importable kind with
 * `defineImportKind`; `src/domains/import-kinds.ts` lists them.
 */
export { defineImportKind, createImportRegistry, type ImportKind, type ImportRegistry, type AuditRecorder } from './registry';
export type { ImportColumn, ImportKindDefinition, ImportRowRules, ImportWorkerRules, ImportMode, ImportWriteOptions, ImportWriteResult, JournalEntry, PreparedRow, RowProblem } from './types';
export { importModes } from './types';
export { defaultImportLimits, withLimits, type ImportLimits } from './limits';
export { parseBooleanCell, parseDateCell, parseEnumCell, splitListCell, type CellParse, type EnumOption } from './cells';
export { createImportBatch, executeImportBatch, getImportBatch, listImportBatches, undoImportBatch, iterateImportErrors, assertMayImport, IMPORT_JOB_KIND } from './service';
export type { ImportBatch } from './batch-store';
export { selectEntityImports, type EntityImportEntry } from './journal-store';
export { createImportJobHandler } from './job-handler';
export { createImportRoutes } from './routes';
export type { ImportProgress } from './process';
export { copyLine, copyLines, copyRows, pgTextArrayLiteral, type CopyValue } from './copy';
