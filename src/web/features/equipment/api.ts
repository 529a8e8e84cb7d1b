/**
 * The equipment registry API (`/api/v1/equipment/…`) as TanStack Query hooks: device detail,
 * timeline, responsibility, records (inspections, maintenance, certificates), registration actions,
 * due summary, map feed, catalogue, inspection rules and their administrator versions.
 *
 * Every key starts with '/equipment' (the list's key is its path too), so one invalidation after a
 * write refreshes the list, the summary cards, the map and the open detail.
 */
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateDeviceRequest,
  OperatorCertificateInput,
  RecordInspectionBody,
  RecordMaintenanceBody,
  RegistrationActionRequest,
  UpdateCertificateRequest,
} from '../../../domains/equipment-safety/equipment/schema';
import type {
  catalogueResponseSchema,
  CertificateItem,
  CreateRuleOverrideInput,
  DeviceDetail,
  DeviceGeoJson,
  DueSummary,
  InspectionItem,
  inspectionRulesResponseSchema,
  MaintenanceItem,
  maintenanceGapsSchema,
  Responsibility,
  ruleOverrideResultSchema,
  TimelineItem,
} from '../../../domains/equipment-safety/equipment/view-schema';
import { api, ApiError, type Query } from '../../lib/api-client';

export type Catalogue = z.infer<typeof catalogueResponseSchema>;
export type CatalogueItem = Catalogue['entries'][number];
export type InspectionRules = z.infer<typeof inspectionRulesResponseSchema>;
export type RuleView = InspectionRules['rules'][number];
export type MaintenanceGaps = z.infer<typeof maintenanceGapsSchema>;
export type RuleOverrideResult = z.infer<typeof ruleOverrideResultSchema>;
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export const equipmentKey = ['/equipment'] as const;
export const deviceKeys = {
  detail: (id: string) => ['/equipment', 'detail', id] as const,
  records: (kind: string, id: string) => ['/equipment', kind, id] as const,
};

/** 4xx answers are final (not found, forbidden): no retry. */
const retryServerErrors = (count: number, error: unknown) => !(error instanceof ApiError && error.status < 500) && count < 1;

export function useDeviceDetail(id: string | undefined) {
  return useQuery({
    queryKey: deviceKeys.detail(id ?? ''),
    queryFn: () => api.get<DeviceDetail>(`/equipment/${id}`),
    enabled: Boolean(id),
    retry: retryServerErrors,
  });
}

export function useCatalogue() {
  return useQuery({ queryKey: ['/equipment', 'catalogue'], queryFn: () => api.get<Catalogue>('/equipment/catalogue'), staleTime: Infinity });
}

export function useDueSummary(query: Query) {
  return useQuery({ queryKey: ['/equipment', 'due-summary', query], queryFn: () => api.get<DueSummary>('/equipment/due-summary', query), placeholderData: keepPreviousData });
}

/** One due summary per category (the summary route counts one category at a time). */
export function useDueSummaryByCategory(categories: readonly string[], query: Query) {
  return useQueries({
    queries: categories.map((category) => ({
      queryKey: ['/equipment', 'due-summary', { ...query, category }],
      queryFn: () => api.get<DueSummary>('/equipment/due-summary', { ...query, category }),
      staleTime: 30_000,
    })),
  });
}

export function useDeviceMap(query: Query, enabled: boolean) {
  return useQuery({
    queryKey: ['/equipment', 'map', query],
    queryFn: () => api.get<DeviceGeoJson>('/equipment/map.geojson', query),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useTimeline(id: string, query: Query) {
  return useQuery({
    queryKey: [...deviceKeys.records('timeline', id), query],
    queryFn: () => api.get<Page<TimelineItem>>(`/equipment/${id}/timeline`, query),
    placeholderData: keepPreviousData,
  });
}

export function useResponsibility(id: string) {
  return useQuery({ queryKey: deviceKeys.records('responsibility', id), queryFn: () => api.get<Responsibility>(`/equipment/${id}/responsibility`) });
}

/** A device's records of one kind (`inspections`, `maintenance`, `certificates`), paged. */
export function useDeviceRecords<T>(path: 'inspections' | 'maintenance' | 'certificates', deviceId: string, query: Query) {
  return useQuery({
    queryKey: [...deviceKeys.records(path, deviceId), query],
    queryFn: () => api.get<Page<T>>(`/equipment/${path}`, { ...query, deviceId }),
    placeholderData: keepPreviousData,
  });
}

export function useMaintenanceGaps(deviceId: string, enabled: boolean) {
  return useQuery({
    queryKey: deviceKeys.records('maintenance-gaps', deviceId),
    queryFn: () => api.get<MaintenanceGaps>(`/equipment/${deviceId}/maintenance-gaps`),
    enabled,
  });
}

/** After a write on a device: put the fresh detail in the cache and refresh everything else of the module. */
function useDeviceWrite<I, R>(deviceId: string, send: (input: I) => Promise<R>, detailOf?: (result: R) => DeviceDetail | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (result) => {
      const detail = detailOf?.(result);
      if (detail) client.setQueryData(deviceKeys.detail(deviceId), detail);
    },
    onSettled: () => client.invalidateQueries({ queryKey: equipmentKey }),
  });
}

export function useRecordInspection(deviceId: string) {
  return useDeviceWrite(
    deviceId,
    (input: RecordInspectionBody) => api.post<{ inspection: InspectionItem; device: DeviceDetail }>(`/equipment/${deviceId}/inspections`, input),
    (r) => r.device,
  );
}

export function useRecordMaintenance(deviceId: string) {
  return useDeviceWrite(deviceId, (input: RecordMaintenanceBody) => api.post<MaintenanceItem>(`/equipment/${deviceId}/maintenance`, input));
}

export function useCreateCertificate(deviceId: string) {
  return useDeviceWrite(deviceId, (input: OperatorCertificateInput) => api.post<CertificateItem>(`/equipment/${deviceId}/certificates`, input));
}

export function useUpdateCertificate(deviceId: string) {
  return useDeviceWrite(deviceId, ({ id, input }: { id: string; input: UpdateCertificateRequest }) => api.patch<CertificateItem>(`/equipment/certificates/${id}`, input));
}

export function useRegistrationAction(deviceId: string) {
  return useDeviceWrite(
    deviceId,
    (input: RegistrationActionRequest) => api.post<DeviceDetail>(`/equipment/${deviceId}/registration`, input),
    (d) => d,
  );
}

export function useCreateDevice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateDeviceRequest) => api.post<DeviceDetail>('/equipment', input),
    onSuccess: (detail) => client.setQueryData(deviceKeys.detail(detail.id), detail),
    onSettled: () => client.invalidateQueries({ queryKey: equipmentKey }),
  });
}

export function useInspectionRules() {
  return useQuery({ queryKey: ['/equipment', 'inspection-rules'], queryFn: () => api.get<InspectionRules>('/equipment/inspection-rules') });
}

export function useCreateRuleOverride() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateRuleOverrideInput) => api.post<RuleOverrideResult>('/equipment/inspection-rules/overrides', input),
    onSettled: () => client.invalidateQueries({ queryKey: equipmentKey }),
  });
}

export function useDeleteRuleOverride() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.del<RuleOverrideResult>(`/equipment/inspection-rules/overrides/${id}`),
    onSettled: () => client.invalidateQueries({ queryKey: equipmentKey }),
  });
}

// ── enterprises (pickers, names of chosen ids) ──────────────────────────────────────────────

export type EnterpriseOption = { id: string; name: string; creditCode: string; territoryOrgUnitId: string; territoryName: string };

export function useEnterpriseName(id: string | null | undefined) {
  return useQuery({
    queryKey: ['/enterprises', 'detail', id ?? ''],
    queryFn: () => api.get<EnterpriseOption>(`/enterprises/${id}`),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useEnterpriseOptions(q: string, enabled = true) {
  return useQuery({
    queryKey: ['/enterprises', 'equipment-picker', q],
    queryFn: () => api.get<Page<EnterpriseOption>>('/enterprises', { q: q || undefined, pageSize: 20 }),
    enabled,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

/** Hazards raised on the device (the hazard module's list filtered by equipmentId). */
export type DeviceHazard = { id: string; hazardNo: string | null; title: string; status: string; isOverdue: boolean; createdAt: string };
export function useDeviceHazards(deviceId: string) {
  return useQuery({
    queryKey: ['/hazards', 'by-device', deviceId],
    queryFn: () => api.get<Page<DeviceHazard>>('/hazards', { equipmentId: deviceId, pageSize: 10 }),
    retry: false,
  });
}
