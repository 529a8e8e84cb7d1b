/**
 * The enterprise API as TanStack Query hooks: detail, history, create, edit, status change,
 * contacts, and the credit-code calculator (`POST /calc/uscc`).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EnterpriseData } from '../../../domains/enterprises/record-rules';
import type { UpdateEnterpriseInput, UsccCalcResponse } from '../../../domains/enterprises/schema';
import type { ChangeEnterpriseStatusInput, EnterpriseDetail, EnterpriseHistoryPage, UpdateEnterpriseContactsInput } from '../../../domains/enterprises/view-schema';
import { api, ApiError } from '../../lib/api-client';

/** Every enterprise query key starts with the API path, so one invalidation refreshes lists, details and pickers. */
export const enterprisesKey = ['/enterprises'] as const;
export const enterpriseDetailKey = (id: string) => ['/enterprises', 'detail', id] as const;

export function useEnterpriseDetail(id: string | undefined) {
  return useQuery({
    queryKey: enterpriseDetailKey(id ?? ''),
    queryFn: () => api.get<EnterpriseDetail>(`/enterprises/${id}`),
    enabled: Boolean(id),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 1,
  });
}

export function useEnterpriseHistory(id: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['/enterprises', 'history', id, page, pageSize],
    queryFn: () => api.get<EnterpriseHistoryPage>(`/enterprises/${id}/history`, { page, pageSize }),
  });
}

function useEnterpriseMutation<V>(fn: (vars: V) => Promise<EnterpriseDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (detail) => client.setQueryData(enterpriseDetailKey(detail.id), detail),
    onSettled: () => client.invalidateQueries({ queryKey: enterprisesKey }),
  });
}

export const useCreateEnterprise = () => useEnterpriseMutation((input: EnterpriseData) => api.post<EnterpriseDetail>('/enterprises', input));
export const useUpdateEnterprise = () =>
  useEnterpriseMutation(({ id, input }: { id: string; input: UpdateEnterpriseInput }) => api.patch<EnterpriseDetail>(`/enterprises/${id}`, input));
export const useChangeEnterpriseStatus = () =>
  useEnterpriseMutation(({ id, input }: { id: string; input: ChangeEnterpriseStatusInput }) => api.post<EnterpriseDetail>(`/enterprises/${id}/status`, input));
export const useUpdateEnterpriseContacts = () =>
  useEnterpriseMutation(({ id, input }: { id: string; input: UpdateEnterpriseContactsInput }) => api.put<EnterpriseDetail>(`/enterprises/${id}/contacts`, input));

export function useUsccCheck() {
  return useMutation({ mutationFn: (code: string) => api.post<UsccCalcResponse>('/calc/uscc', { code }) });
}
