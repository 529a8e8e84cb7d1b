/**
 * Pure helpers of the working-day calendar page.
 *
 *   weekdayOf('2026-10-01')                  // → '周四'
 *   specialDays(days)                        // holidays and adjusted working days only, in date order
 */
import type { CalendarDayView } from '../../../domains/calendar/schema';

const weekdays = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

export function weekdayOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return weekdays[new Date(Date.UTC(y as number, (m as number) - 1, d as number)).getUTCDay()] as string;
}

/** Days that differ from the plain week: public holidays and adjusted working days (调休上班). */
export function specialDays(days: readonly CalendarDayView[]): CalendarDayView[] {
  return days.filter((d) => d.kind === 'holiday' || d.kind === 'adjusted_workday').sort((a, b) => a.date.localeCompare(b.date));
}

/** Years offered in the year picker: a few around the current one and every year with data. */
export function yearChoices(current: number, knownYears: readonly number[] = []): number[] {
  const around = Array.from({ length: 5 }, (_, i) => current - 2 + i);
  return [...new Set([...knownYears.filter((y) => y >= current - 5), ...around])].sort((a, b) => b - a);
}
