/**
 * Shapes of the generic import API (`/imports…`, `/jobs/{id}`) as the web app sees them. The web
 * app may not import the platform's zod schemas (src/platform/import/schema.ts,
 * src/platform/jobs/routes.ts), so the fields it uses are written out here.
 */
export const importBatchStatuses = ['queued', 'running', 'succeeded', 'rejected', 'validated', 'failed', 'undone'] as const;
export type ImportBatchStatus = (typeof importBatchStatuses)[number];

export const importModes = ['all_or_nothing', 'valid_only'] as const;
export type ImportMode = (typeof importModes)[number];

export type ImportError = { code: string; message: string; details?: unknown };

export type ImportBatch = {
  id: string;
  kind: string;
  kindLabel: string;
  mode: ImportMode;
  dryRun: boolean;
  status: ImportBatchStatus;
  fileName: string;
  fileSize: number;
  fileFormat: 'xlsx' | 'csv';
  headers: string[];
  columnMap: { mapped: Record<string, string>; ignored: string[] } | null;
  jobId: string | null;
  totalRows: number;
  insertedCount: number;
  updatedCount: number;
  unchangedCount: number;
  failedCount: number;
  error: ImportError | null;
  createdBy: string | null;
  createdByName: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  undoneAt: string | null;
  version: number;
  canUndo: boolean;
  hasErrorReport: boolean;
};

export type ImportUpload = { batch: ImportBatch; jobId: string | null };

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export type ImportJob = {
  id: string;
  status: JobStatus;
  progress: { done: number; total: number | null; percent: number | null };
  message: string | null;
  error: ImportError | null;
};
