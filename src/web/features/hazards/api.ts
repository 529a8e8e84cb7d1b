/**
 * The hazard API as TanStack Query hooks: detail, board, township page, report, workflow actions,
 * photo upload, and the enterprise/equipment look-ups of the report form.
 *
 * Look-ups of other modules (equipment, the equipment due summary) go through `useOptionalQuery`:
 * a 404 of the route means "that module is not there (yet)" and answers `null` instead of an error,
 * so the page can hide the part that depends on it.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HazardActionInput } from '../../../domains/equipment-safety/hazards/hazard-action-schema';
import type { CreateHazardInput } from '../../../domains/equipment-safety/hazards/hazard-schema';
import type { HazardBoard, HazardDetail, HazardPage, TownshipSummary } from '../../../domains/equipment-safety/hazards/hazard-view-schema';
import { api, ApiError, type Query } from '../../lib/api-client';

/** Every hazard query key starts with the API path, so one invalidation refreshes lists, board and details. */
export const hazardsKey = ['/hazards'] as const;
export const hazardDetailKey = (id: string) => ['/hazards', 'detail', id] as const;

export function useHazardDetail(id: string | undefined) {
  return useQuery({
    queryKey: hazardDetailKey(id ?? ''),
    queryFn: () => api.get<HazardDetail>(`/hazards/${id}`),
    enabled: Boolean(id),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 1,
  });
}

export function useHazardBoard(filters: Query) {
  return useQuery({ queryKey: ['/hazards', 'board', filters], queryFn: () => api.get<HazardBoard>('/hazards/board', filters) });
}

export function useTownshipSummary(orgUnitId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['/hazards', 'township-summary', orgUnitId ?? null],
    queryFn: () => api.get<TownshipSummary>('/hazards/township-summary', { orgUnitId }),
    enabled,
    retry: false,
  });
}

export function useCreateHazard() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateHazardInput) => api.post<HazardDetail>('/hazards', input),
    onSettled: () => client.invalidateQueries({ queryKey: hazardsKey }),
  });
}

export function useHazardAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: HazardActionInput) => api.post<HazardDetail>(`/hazards/${id}/actions`, input),
    onSuccess: (detail) => client.setQueryData(hazardDetailKey(id), detail),
    onSettled: () => client.invalidateQueries({ queryKey: hazardsKey }),
  });
}

export type StoredFile = { id: string; fileName: string; contentType: string; sizeBytes: number };

/** Uploads one photo (`POST /files`, purpose photo); the server checks the kind from the bytes. */
export function uploadPhoto(file: File): Promise<StoredFile> {
  const form = new FormData();
  form.append('purpose', 'photo');
  form.append('file', file, file.name);
  return api.upload<StoredFile>('/files', form);
}

/** A query whose route may not exist: 404 → `null` (feature absent), other errors are errors. */
export function useOptionalQuery<T>(key: readonly unknown[], path: string, query: Query | undefined, enabled = true) {
  return useQuery({
    queryKey: [...key, query ?? null],
    queryFn: async (): Promise<T | null> => {
      try {
        return await api.get<T>(path, query);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    enabled,
    retry: false,
    staleTime: 30_000,
  });
}

export type EnterpriseOption = { id: string; name: string; creditCode: string; territoryOrgUnitId: string; territoryName: string };
export type EquipmentOption = { id: string; equipmentCode: string | null; productName: string; useUnitName: string; useAddress: string; territoryName: string };
type Page<T> = { items: T[]; total: number };

export function useEnterprise(id: string | null | undefined) {
  return useQuery({ queryKey: ['/enterprises', 'detail', id ?? ''], queryFn: () => api.get<EnterpriseOption>(`/enterprises/${id}`), enabled: Boolean(id), staleTime: 5 * 60_000 });
}

export function useEnterpriseSearch(q: string) {
  return useQuery({
    queryKey: ['/enterprises', 'picker', q],
    queryFn: () => api.get<Page<EnterpriseOption>>('/enterprises', { q: q || undefined, pageSize: 20 }),
    staleTime: 60_000,
  });
}

/** Equipment look-up, narrowed to the chosen enterprise (its use unit) when there is one; null when the route is absent. */
export function useEquipmentSearch(q: string, usingUnitId: string | undefined) {
  return useOptionalQuery<Page<EquipmentOption>>(['/equipment', 'picker'], '/equipment', { q: q || undefined, usingUnitId, pageSize: 20 });
}

export type { HazardPage };
