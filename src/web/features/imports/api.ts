/**
 * The generic import API as TanStack Query hooks: upload (multipart), one batch and its job polled
 * until they finish, undo, and the download URLs of the template and the error report.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, exportUrl } from '../../lib/api-client';
import { isBatchFinished } from './import-status';
import type { ImportBatch, ImportJob, ImportMode, ImportUpload } from './import-types';

/** Every import query key starts with the API path, so one invalidation refreshes history and batches. */
export const importsKey = ['/imports'] as const;
const POLL_MS = 1000;

export const templateUrl = (kind: string) => exportUrl(`/imports/${encodeURIComponent(kind)}/template.xlsx`);
export const errorReportUrl = (batchId: string) => exportUrl(`/imports/${batchId}/errors.xlsx`);

/** A batch, polled every second while it is queued or running. */
export function useImportBatch(id: string | null) {
  return useQuery({
    queryKey: ['/imports', 'batch', id ?? ''],
    queryFn: () => api.get<ImportBatch>(`/imports/${id}`),
    enabled: Boolean(id),
    refetchInterval: (query) => (query.state.data && isBatchFinished(query.state.data.status) ? false : POLL_MS),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

/** The batch's job (progress: rows checked so far), polled while it runs. */
export function useImportJob(id: string | null, active: boolean) {
  return useQuery({
    queryKey: ['/jobs', id ?? ''],
    queryFn: () => api.get<ImportJob>(`/jobs/${id}`),
    enabled: Boolean(id) && active,
    refetchInterval: (query) => (query.state.data && query.state.data.status !== 'queued' && query.state.data.status !== 'running' ? false : POLL_MS),
    retry: false,
  });
}

export type UploadVars = { kind: string; file: File; mode: ImportMode; dryRun: boolean };

export function useUploadImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file, mode, dryRun }: UploadVars) => {
      const form = new FormData();
      form.append('file', file, file.name);
      form.append('mode', mode);
      form.append('dryRun', String(dryRun));
      return api.upload<ImportUpload>(`/imports/${encodeURIComponent(kind)}`, form);
    },
    onSettled: () => client.invalidateQueries({ queryKey: importsKey }),
  });
}

/** Undo a whole batch; the records it touched change too, so their lists are refreshed. */
export function useUndoImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (batch: Pick<ImportBatch, 'id' | 'version'>) => api.post<ImportBatch>(`/imports/${batch.id}/undo`, { version: batch.version }),
    onSettled: () => client.invalidateQueries(),
  });
}
