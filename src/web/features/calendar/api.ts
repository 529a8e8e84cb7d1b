/** The working-day calendar API (`/api/v1/calendar…`): the year's days, the administrator's entries, add and delete. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarMonth, CalendarOverrideInput, CalendarOverrideView } from '../../../domains/calendar/schema';
import { api } from '../../lib/api-client';

const root = ['/calendar'] as const;

export function useCalendarYear(year: number) {
  return useQuery({ queryKey: [...root, 'year', year], queryFn: () => api.get<CalendarMonth>('/calendar', { year }) });
}

export function useCalendarOverrides(year: number) {
  return useQuery({ queryKey: [...root, 'overrides', year], queryFn: () => api.get<{ year: number | null; items: CalendarOverrideView[] }>('/calendar/overrides', { year }) });
}

export function useAddCalendarOverride() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CalendarOverrideInput) => api.post<CalendarOverrideView>('/calendar/overrides', input),
    onSettled: () => client.invalidateQueries({ queryKey: root }),
  });
}

export function useRemoveCalendarOverride() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (date: string) => api.del<CalendarOverrideView>(`/calendar/overrides/${date}`),
    onSettled: () => client.invalidateQueries({ queryKey: root }),
  });
}
