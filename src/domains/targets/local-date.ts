/**
 * Calendar-date helpers on local dates written `YYYY-MM-DD` (the city's day, domain.md §11.3 and
 * product.md §6: day boundaries are local days in Asia/Shanghai). Pure: uses `Date.UTC`/`Date.parse`
 * only as calendars, never the clock.
 */
import { invalid } from '../../shared/errors';

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a local date; throws `targets.invalid_date`. */
export function toDayNumber(date: string): number {
  const match = DATE_PATTERN.exec(date);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [NaN, NaN, NaN];
  const time = Date.UTC(year, month - 1, day);
  if (!match || Number.isNaN(time) || fromDayNumber(time / DAY_MS) !== date) {
    throw invalid('targets.invalid_date', `无效的日期：${date}`, { date });
  }
  return time / DAY_MS;
}

export function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return toDayNumber(b) - toDayNumber(a);
}

export function makeDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function lastDayOfMonth(year: number, month: number): string {
  return makeDate(year, month, daysInMonth(year, month));
}

/** Year and month (1–12) of a local date. */
export function yearMonthOf(date: string): { year: number; month: number } {
  toDayNumber(date);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
}

/**
 * Local date of an ISO timestamp at a fixed UTC offset (Asia/Shanghai = +480 minutes, no DST).
 * Throws `targets.invalid_timestamp`.
 */
export function toLocalDate(timestamp: string, utcOffsetMinutes = 480): string {
  const time = Date.parse(timestamp);
  if (Number.isNaN(time)) throw invalid('targets.invalid_timestamp', `无效的时间：${timestamp}`, { timestamp });
  return new Date(time + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}
