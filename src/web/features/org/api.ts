import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditPage } from '../../../domains/audit/schema';
import type {
  CreateOrgUnitInput,
  MoveOrgUnitInput,
  OrgTreeNode,
  OrgUnit,
  OrgUnitDetail,
  SetOrgUnitActiveInput,
  UpdateOrgUnitInput,
} from '../../../domains/org/schema';
import { api } from '../../lib/api-client';

/** Every org query key starts with 'org-units' so one invalidation refreshes tree, detail, history and pickers. */
export const orgKeys = {
  all: ['org-units'] as const,
  tree: (includeInactive: boolean) => ['org-units', 'tree', includeInactive] as const,
  detail: (id: string) => ['org-units', 'detail', id] as const,
  history: (id: string, page: number) => ['org-units', 'history', id, page] as const,
};

export function useOrgTree(includeInactive: boolean) {
  return useQuery({
    queryKey: orgKeys.tree(includeInactive),
    queryFn: () => api.get<OrgTreeNode[]>('/org-units/tree', { includeInactive: String(includeInactive) }),
  });
}

export function useOrgUnitDetail(id: string | undefined) {
  return useQuery({
    queryKey: orgKeys.detail(id ?? ''),
    queryFn: () => api.get<OrgUnitDetail>(`/org-units/${id}`),
    enabled: Boolean(id),
    retry: false,
  });
}

export function useOrgUnitHistory(id: string | undefined, page: number, pageSize = 10) {
  return useQuery({
    queryKey: orgKeys.history(id ?? '', page),
    queryFn: () => api.get<AuditPage>(`/org-units/${id}/history`, { page, pageSize }),
    enabled: Boolean(id),
  });
}

function useOrgMutation<V>(fn: (vars: V) => Promise<OrgUnit>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => client.invalidateQueries({ queryKey: orgKeys.all }),
  });
}

export const useCreateOrgUnit = () => useOrgMutation((input: CreateOrgUnitInput) => api.post<OrgUnit>('/org-units', input));
export const useUpdateOrgUnit = () =>
  useOrgMutation(({ id, input }: { id: string; input: UpdateOrgUnitInput }) => api.patch<OrgUnit>(`/org-units/${id}`, input));
export const useMoveOrgUnit = () =>
  useOrgMutation(({ id, input }: { id: string; input: MoveOrgUnitInput }) => api.post<OrgUnit>(`/org-units/${id}/move`, input));
export const useSetOrgUnitActive = () =>
  useOrgMutation(({ id, input }: { id: string; input: SetOrgUnitActiveInput }) => api.post<OrgUnit>(`/org-units/${id}/activation`, input));
