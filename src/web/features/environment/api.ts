/**
 * Fetchers and query hooks of the environment module (`/api/v1/environment/…`). Every key starts
 * with 'environment' so one invalidation after a write refreshes the dashboard, lists and charts.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AirStatistics, AqiCalendar, DailyAqiItem, HourlyItem } from '../../../domains/environment/air-schema';
import type { Dashboard, StationOverview } from '../../../domains/environment/dashboard-schema';
import type { CreateNoiseMeasurementInput, NoiseCompliance, NoiseMeasurement, UpdateNoiseMeasurementInput } from '../../../domains/environment/noise-schema';
import type {
  AreaTotals, ControlRuleSetView, ControlRuleView, CreateControlRuleInput, ImportZonesResult, UpdateControlRuleInput, ZoneDetail,
} from '../../../domains/environment/redline-schema';
import type { SitingBatchResult, SitingCheckInput, SitingCheckResult, SitingPrintView } from '../../../domains/environment/siting-schema';
import type { CreateWaterSampleInput, RiverEvaluationList, UpdateWaterSampleInput, WaterCompliance, WaterSample } from '../../../domains/environment/water-schema';
import { api } from '../../lib/api-client';

export type PeriodGrouping = 'month' | 'quarter' | 'year';
export type GeoFeature = { type: 'Feature'; id?: string | number; geometry: { type: string; coordinates: unknown } | null; properties: Record<string, unknown> | null };
export type GeoCollection = { type: 'FeatureCollection'; features: GeoFeature[] };

const root = ['environment'] as const;
export const envKeys = {
  all: root,
  dashboard: [...root, 'dashboard'] as const,
  calendar: (year: number | undefined, stationId?: string) => [...root, 'calendar', year ?? 'current', stationId ?? 'all'] as const,
  statistics: (q: Record<string, string | undefined>) => [...root, 'statistics', q] as const,
  overview: (id: string) => [...root, 'overview', id] as const,
  daily: (id: string, from?: string, to?: string) => [...root, 'daily', id, from, to] as const,
  hourly: (id: string, from: string, to: string) => [...root, 'hourly', id, from, to] as const,
  stationsGeo: (kind?: string) => [...root, 'stations.geojson', kind ?? 'all'] as const,
  waterCompliance: (groupBy: PeriodGrouping) => [...root, 'water-compliance', groupBy] as const,
  rivers: [...root, 'rivers'] as const,
  noiseCompliance: (groupBy: PeriodGrouping) => [...root, 'noise-compliance', groupBy] as const,
  zonesGeo: [...root, 'zones.geojson'] as const,
  zone: (id: string) => [...root, 'zone', id] as const,
  areaTotals: (groupBy: string) => [...root, 'area-totals', groupBy] as const,
  controlRules: [...root, 'control-rules'] as const,
  siting: (id: string) => [...root, 'siting', id] as const,
  sitingPrint: (id: string) => [...root, 'siting-print', id] as const,
  sitingBatch: (id: string) => [...root, 'siting-batch', id] as const,
};

export const useDashboard = () => useQuery({ queryKey: envKeys.dashboard, queryFn: () => api.get<Dashboard>('/environment/dashboard') });

/** Daily AQI of a year (undefined: the server's current year). */
export const useAqiCalendar = (year: number | undefined, stationId?: string) =>
  useQuery({ queryKey: envKeys.calendar(year, stationId), queryFn: () => api.get<AqiCalendar>('/environment/air/calendar', { year, stationId }) });

export const useAirStatistics = (query: { level?: 'station' | 'township' | 'city'; groupBy?: PeriodGrouping; from?: string; to?: string; stationId?: string }) =>
  useQuery({ queryKey: envKeys.statistics(query), queryFn: () => api.get<AirStatistics>('/environment/air/statistics', query) });

export const useStationOverview = (id: string | undefined) =>
  useQuery({ queryKey: envKeys.overview(id ?? ''), queryFn: () => api.get<StationOverview>(`/environment/stations/${id}/overview`), enabled: Boolean(id), retry: false });

export const useStationDaily = (id: string | undefined, from?: string, to?: string, enabled = true) =>
  useQuery({
    queryKey: envKeys.daily(id ?? '', from, to),
    queryFn: () => api.get<{ items: DailyAqiItem[] }>(`/environment/air/stations/${id}/daily`, { from, to }),
    enabled: Boolean(id) && enabled,
  });

/** Hours of one local day (China Standard Time, UTC+8, no daylight saving). */
export function dayWindow(date: string): { from: string; to: string } {
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { from: `${date}T00:00:00+08:00`, to: `${next}T00:00:00+08:00` };
}

export const useStationHourly = (id: string | undefined, date: string | undefined) => {
  const window = date ? dayWindow(date) : { from: '', to: '' };
  return useQuery({
    queryKey: envKeys.hourly(id ?? '', window.from, window.to),
    queryFn: () => api.get<{ items: HourlyItem[] }>(`/environment/air/stations/${id}/hourly`, window),
    enabled: Boolean(id && date),
  });
};

export const useStationsGeo = (kind?: 'air' | 'water' | 'noise') =>
  useQuery({ queryKey: envKeys.stationsGeo(kind), queryFn: () => api.get<GeoCollection>('/environment/stations.geojson', { kind }) });

export const useWaterCompliance = (groupBy: PeriodGrouping) =>
  useQuery({ queryKey: envKeys.waterCompliance(groupBy), queryFn: () => api.get<WaterCompliance>('/environment/water/compliance', { groupBy }) });

export const useRiverEvaluation = () => useQuery({ queryKey: envKeys.rivers, queryFn: () => api.get<RiverEvaluationList>('/environment/water/rivers') });

export const useNoiseCompliance = (groupBy: PeriodGrouping) =>
  useQuery({ queryKey: envKeys.noiseCompliance(groupBy), queryFn: () => api.get<NoiseCompliance>('/environment/noise/compliance', { groupBy }) });

export const useZonesGeo = () => useQuery({ queryKey: envKeys.zonesGeo, queryFn: () => api.get<GeoCollection>('/environment/red-lines/zones.geojson'), staleTime: 60_000 });

export const useZone = (id: string | undefined) =>
  useQuery({ queryKey: envKeys.zone(id ?? ''), queryFn: () => api.get<ZoneDetail>(`/environment/red-lines/zones/${id}`), enabled: Boolean(id) });

export const useAreaTotals = (groupBy: 'tier' | 'territory' | 'type') =>
  useQuery({ queryKey: envKeys.areaTotals(groupBy), queryFn: () => api.get<AreaTotals>('/environment/red-lines/area-totals', { groupBy }) });

export const useControlRules = () =>
  useQuery({ queryKey: envKeys.controlRules, queryFn: () => api.get<ControlRuleSetView>('/environment/red-lines/control-rules'), staleTime: 60_000 });

export const useSitingResult = (id: string | undefined) =>
  useQuery({ queryKey: envKeys.siting(id ?? ''), queryFn: () => api.get<SitingCheckResult>(`/environment/siting-checks/${id}`), enabled: Boolean(id) });

export const useSitingPrintView = (id: string | undefined) =>
  useQuery({ queryKey: envKeys.sitingPrint(id ?? ''), queryFn: () => api.get<SitingPrintView>(`/environment/siting-checks/${id}/print`), enabled: Boolean(id) });

export const useSitingBatch = (id: string | undefined) =>
  useQuery({ queryKey: envKeys.sitingBatch(id ?? ''), queryFn: () => api.get<SitingBatchResult>(`/environment/siting-checks/${id}/batch`), enabled: Boolean(id) });

/** Writes refresh every environment query (lists through useListQuery use their API path as key). */
function useEnvMutation<V, R>(fn: (vars: V) => Promise<R>, listPaths: string[] = []) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: async () => {
      await Promise.all([client.invalidateQueries({ queryKey: envKeys.all }), ...listPaths.map((p) => client.invalidateQueries({ queryKey: [p] }))]);
    },
  });
}

export const WATER_SAMPLES_PATH = '/environment/water/samples';
export const NOISE_MEASUREMENTS_PATH = '/environment/noise/measurements';
export const SITING_CHECKS_PATH = '/environment/siting-checks';
export const ZONES_PATH = '/environment/red-lines/zones';

export const useCreateWaterSample = () => useEnvMutation((input: CreateWaterSampleInput) => api.post<WaterSample>(WATER_SAMPLES_PATH, input), [WATER_SAMPLES_PATH]);
export const useUpdateWaterSample = () =>
  useEnvMutation(({ id, input }: { id: string; input: UpdateWaterSampleInput }) => api.patch<WaterSample>(`${WATER_SAMPLES_PATH}/${id}`, input), [WATER_SAMPLES_PATH]);
export const useCreateNoiseMeasurement = () =>
  useEnvMutation((input: CreateNoiseMeasurementInput) => api.post<NoiseMeasurement>(NOISE_MEASUREMENTS_PATH, input), [NOISE_MEASUREMENTS_PATH]);
export const useUpdateNoiseMeasurement = () =>
  useEnvMutation(({ id, input }: { id: string; input: UpdateNoiseMeasurementInput }) => api.patch<NoiseMeasurement>(`${NOISE_MEASUREMENTS_PATH}/${id}`, input), [NOISE_MEASUREMENTS_PATH]);

export const useImportZones = () =>
  useEnvMutation(
    ({ geojson, mode, dryRun }: { geojson: unknown; mode: 'upsert' | 'replace'; dryRun: boolean }) =>
      api.post<ImportZonesResult>(`${ZONES_PATH}/import?mode=${mode}&dryRun=${dryRun}`, geojson),
    [ZONES_PATH],
  );

export const useCreateControlRule = () => useEnvMutation((input: CreateControlRuleInput) => api.post<ControlRuleView>('/environment/red-lines/control-rules', input));
export const useUpdateControlRule = () =>
  useEnvMutation(({ id, input }: { id: string; input: UpdateControlRuleInput }) => api.patch<ControlRuleView>(`/environment/red-lines/control-rules/${id}`, input));
export const useDeleteControlRule = () =>
  useEnvMutation(({ id, version }: { id: string; version: number }) => api.del<{ deleted: true }>(`/environment/red-lines/control-rules/${id}?version=${version}`));

export const useRunSitingCheck = () => useEnvMutation((input: SitingCheckInput) => api.post<SitingCheckResult>(SITING_CHECKS_PATH, input), [SITING_CHECKS_PATH]);
