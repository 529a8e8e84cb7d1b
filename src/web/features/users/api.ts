import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUserInput, ResetPasswordInput, UpdateUserInput, User } from '../../../domains/accounts/schema';
import { api } from '../../lib/api-client';

/** The list query key starts with the API path (see useListQuery), so this refreshes every users list. */
export const usersListKey = ['/users'] as const;

export type CreatedUser = { user: User; temporaryPassword: string | null };

function useUserMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => client.invalidateQueries({ queryKey: usersListKey }) });
}

export const useCreateUser = () => useUserMutation((input: CreateUserInput) => api.post<CreatedUser>('/users', input));
export const useUpdateUser = () => useUserMutation(({ id, input }: { id: string; input: UpdateUserInput }) => api.patch<User>(`/users/${id}`, input));
export const useResetPassword = () =>
  useUserMutation(({ id, input }: { id: string; input: ResetPasswordInput }) => api.post<CreatedUser>(`/users/${id}/password-reset`, input));
