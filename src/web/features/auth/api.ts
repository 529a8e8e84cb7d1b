import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../../domains/accounts/schema';
import type { Permission } from '../../../shared/permissions';
import { api, ApiError } from '../../lib/api-client';

export const meQueryKey = ['auth', 'me'] as const;

/** The logged-in user, or null when not logged in (401). */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: async () => {
      try {
        return await api.get<Me>('/auth/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

export function useCan(): (permission: Permission) => boolean {
  const { data } = useMe();
  return (permission) => Boolean(data?.permissions.includes(permission));
}

export function useLogout() {
  const client = useQueryClient();
  return async () => {
    await api.post('/auth/logout');
    client.clear();
    client.setQueryData(meQueryKey, null);
  };
}

export const login = (username: string, password: string) => api.post<Me>('/auth/login', { username, password });
export const changePassword = (currentPassword: string, newPassword: string) => api.post('/auth/password', { currentPassword, newPassword });
