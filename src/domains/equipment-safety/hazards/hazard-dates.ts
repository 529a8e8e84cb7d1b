/**
 * Calendar-date helpers on `YYYY-MM-DD` strings (pure; no clock). Dates are local days; arithmetic
 * goes through Date.UTC so time zones and DST never shift a day.
 */
const dayMs = 86_400_000;

function toUtcMs(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1);
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `date` plus `n` calendar days (n may be negative). */
export function addCalendarDays(date: string, n: number): string {
  return fromUtcMs(toUtcMs(date) + n * dayMs);
}

/** `date` plus `n` months, clamped to the month end (31 Aug + 6 months → 28/29 Feb; domain.md §11.3). */
export function addMonthsClamped(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const monthIndex = (y ?? 0) * 12 + ((m ?? 1) - 1) + n;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromUtcMs(Date.UTC(year, month, Math.min(d ?? 1, lastDay)));
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function diffCalendarDays(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / dayMs);
}

/** ISO dates compare correctly as strings; these names keep call sites readable. */
export function isBefore(a: string, b: string): boolean {
  return a < b;
}

export function isAfter(a: string, b: string): boolean {
  return a > b;
}
