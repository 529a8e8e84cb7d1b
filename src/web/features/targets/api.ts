/**
 * The target-assessment API as TanStack Query hooks. Every query key starts with a `/targets…`
 * path, so `useTargetsWrite` refreshes every plan, board, scorecard and ranking after a write.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Ranking, Scorecard, SelfEvaluationView, UnitScore } from '../../../domains/targets/assessment-schema';
import type { IndicatorDefinition, IndicatorType } from '../../../domains/targets/indicator-schema';
import type { AssignmentView, Decomposition, IndicatorView, PlanChange, PlanSummary, PlanUnitView, PlanView } from '../../../domains/targets/plan-api-schema';
import type { ItemValues, PeriodView, ProgressBoard, ProgressReportView, ReportingRates } from '../../../domains/targets/progress-schema';
import { api, ApiError, type Query } from '../../lib/api-client';

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
export type IndicatorTypeInfo = { type: IndicatorType; label: { zh: string; en: string }; effect: 'score' | 'bonus' | 'deduction' | 'veto'; supportsMetricBinding: boolean; exampleExplanation: { zh: string; en: string } };
export type MetricInfo = { key: string; name: { zh: string; en: string }; unit: string; description: string; direction: 'higher_is_better' | 'lower_is_better' };
export type Objection = {
  id: string;
  planId: string;
  orgUnitId: string;
  orgUnitName: string;
  indicatorId: string | null;
  indicatorCode: string | null;
  reason: string;
  status: 'open' | 'upheld' | 'rejected';
  response: string | null;
  raisedAt: string;
  resolvedAt: string | null;
  version: number;
};
export type Notice = { id: string; orgUnitName: string; kind: 'reminder' | 'urging'; title: string; body: string | null; periodKey: string | null; sentAt: string; sentByName: string | null; recipients: number };
export type Publication = { id: string; kind: 'publicity' | 'final'; startsOn: string; endsOn: string | null; publishedAt: string };
export type StoredFile = { id: string; fileName: string; contentType: string; sizeBytes: number };

const isTargetsKey = (key: readonly unknown[]) => typeof key[0] === 'string' && key[0].startsWith('/targets');
export const invalidateTargets = (client: QueryClient) => client.invalidateQueries({ predicate: (q) => isTargetsKey(q.queryKey) });

/** Not found / forbidden answers are final: do not retry them. */
const retry = (count: number, error: unknown) => !(error instanceof ApiError && error.status < 500) && count < 1;

export function usePlan(id: string | undefined) {
  return useQuery({ queryKey: ['/targets/plans', 'detail', id ?? ''], queryFn: () => api.get<PlanView>(`/targets/plans/${id}`), enabled: Boolean(id), retry });
}

export function usePlans(query: Query) {
  return useQuery({ queryKey: ['/targets/plans', 'options', query], queryFn: () => api.get<Page<PlanSummary>>('/targets/plans', query), staleTime: 30_000 });
}

export function useIndicatorTypes() {
  return useQuery({ queryKey: ['/targets/indicator-types'], queryFn: () => api.get<IndicatorTypeInfo[]>('/targets/indicator-types'), staleTime: 10 * 60_000 });
}

export function useMetricOptions(enabled: boolean) {
  return useQuery({ queryKey: ['/targets/metrics'], queryFn: () => api.get<MetricInfo[]>('/targets/metrics'), staleTime: 10 * 60_000, enabled });
}

export function useIndicators(planId: string, query: Query) {
  return useQuery({ queryKey: ['/targets/plans', planId, 'indicators', query], queryFn: () => api.get<Page<IndicatorView>>(`/targets/plans/${planId}/indicators`, query), placeholderData: keepPreviousData });
}

/** The definition of one indicator (the value forms adapt to its type). */
export function useIndicatorDefinition(id: string | undefined) {
  return useQuery({
    queryKey: ['/targets/indicators', id ?? ''],
    queryFn: async () => (await api.get<IndicatorView>(`/targets/indicators/${id}`)).definition as IndicatorDefinition,
    enabled: Boolean(id),
    staleTime: 60_000,
    retry,
  });
}

/** Live plain-language rule of an unsaved definition (null while the definition is incomplete). */
export function useExplanation(definitionJson: string | null) {
  return useQuery({
    queryKey: ['/targets/indicators/explain', definitionJson],
    queryFn: () => api.get<{ explanation: { zh: string; en: string }; maxScore: string }>('/targets/indicators/explain', { definition: definitionJson }),
    enabled: definitionJson !== null,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 60_000,
  });
}

export function usePlanUnits(planId: string | undefined) {
  return useQuery({ queryKey: ['/targets/plans', planId ?? '', 'units'], queryFn: () => api.get<PlanUnitView[]>(`/targets/plans/${planId}/units`), enabled: Boolean(planId), retry });
}

export function useDecomposition(planId: string, enabled: boolean) {
  return useQuery({ queryKey: ['/targets/plans', planId, 'decomposition'], queryFn: () => api.get<Decomposition>(`/targets/plans/${planId}/decomposition`), enabled });
}

export function usePlanChanges(planId: string, page: number, enabled: boolean) {
  return useQuery({ queryKey: ['/targets/plans', planId, 'changes', page], queryFn: () => api.get<Page<PlanChange>>(`/targets/plans/${planId}/changes`, { page, pageSize: 20 }), enabled, placeholderData: keepPreviousData });
}

export function usePeriods(planId: string | undefined) {
  return useQuery({ queryKey: ['/targets/plans', planId ?? '', 'periods'], queryFn: () => api.get<PeriodView[]>(`/targets/plans/${planId}/periods`), enabled: Boolean(planId), staleTime: 60_000 });
}

export function useAssignments(planId: string | undefined, query: Query, enabled = true) {
  return useQuery({ queryKey: ['/targets/plans', planId ?? '', 'assignments', query], queryFn: () => api.get<Page<AssignmentView>>(`/targets/plans/${planId}/assignments`, query), enabled: Boolean(planId) && enabled });
}

export function useAssignment(id: string | undefined) {
  return useQuery({ queryKey: ['/targets/assignments', id ?? ''], queryFn: () => api.get<AssignmentView>(`/targets/assignments/${id}`), enabled: Boolean(id), retry });
}

export function useProgressReports(planId: string | undefined, query: Query, enabled = true) {
  return useQuery({ queryKey: ['/targets/plans', planId ?? '', 'progress-reports', query], queryFn: () => api.get<Page<ProgressReportView>>(`/targets/plans/${planId}/progress-reports`, query), enabled: Boolean(planId) && enabled });
}

export function useReportingRates(planId: string, query: Query) {
  return useQuery({ queryKey: ['/targets/plans', planId, 'reporting-rates', query], queryFn: () => api.get<ReportingRates>(`/targets/plans/${planId}/reporting-rates`, query), placeholderData: keepPreviousData });
}

export function useProgressBoard(planId: string) {
  return useQuery({ queryKey: ['/targets/plans', planId, 'progress-board'], queryFn: () => api.get<ProgressBoard>(`/targets/plans/${planId}/progress-board`), staleTime: 30_000 });
}

export function useNotices(planId: string, page: number) {
  return useQuery({ queryKey: ['/targets/plans', planId, 'notices', page], queryFn: () => api.get<Page<Notice>>(`/targets/plans/${planId}/notices`, { page, pageSize: 10 }), placeholderData: keepPreviousData });
}

export function useItemValues(assignmentId: string | null) {
  return useQuery({ queryKey: ['/targets/assignments', assignmentId ?? '', 'values'], queryFn: () => api.get<ItemValues>(`/targets/assignments/${assignmentId}/values`), enabled: Boolean(assignmentId), retry });
}

export function useSelfEvaluations(planId: string | undefined, query: Query, enabled = true) {
  return useQuery({
    queryKey: ['/targets/plans', planId ?? '', 'self-evaluations', query],
    queryFn: () => api.get<Page<SelfEvaluationView>>(`/targets/plans/${planId}/self-evaluations`, query),
    enabled: Boolean(planId) && enabled,
    placeholderData: keepPreviousData,
  });
}

export function useScorecard(planUnitId: string | undefined) {
  return useQuery({ queryKey: ['/targets/units', planUnitId ?? '', 'scorecard'], queryFn: () => api.get<Scorecard>(`/targets/units/${planUnitId}/scorecard`), enabled: Boolean(planUnitId), retry });
}

export function useRanking(planId: string) {
  return useQuery({ queryKey: ['/targets/plans', planId, 'ranking'], queryFn: () => api.get<Ranking>(`/targets/plans/${planId}/ranking`), retry });
}

export function useScores(planId: string, enabled: boolean) {
  return useQuery({ queryKey: ['/targets/plans', planId, 'scores'], queryFn: () => api.get<UnitScore[]>(`/targets/plans/${planId}/scores`), enabled });
}

export function usePublications(planId: string) {
  return useQuery({ queryKey: ['/targets/plans', planId, 'publications'], queryFn: () => api.get<Publication[]>(`/targets/plans/${planId}/publications`) });
}

export function useObjections(planId: string) {
  return useQuery({ queryKey: ['/targets/plans', planId, 'objections'], queryFn: () => api.get<Objection[]>(`/targets/plans/${planId}/objections`) });
}

/** A write of this module: any mutation function; every target query refreshes once it settles. */
export function useTargetsWrite<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => invalidateTargets(client) });
}

/** Uploads one evidence file (`POST /files`, purpose evidence); the server checks the kind from the bytes. */
export function uploadEvidence(file: File): Promise<StoredFile> {
  const form = new FormData();
  form.append('purpose', 'evidence');
  form.append('file', file, file.name);
  return api.upload<StoredFile>('/files', form);
}

/** Download URL of an evidence file (the unit's own, or one the lead department reviews). */
export const evidenceUrl = (id: string) => `/api/v1/targets/evidence/${id}`;
