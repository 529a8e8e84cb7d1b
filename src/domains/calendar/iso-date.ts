/**
 * Date-only arithmetic on `YYYY-MM-DD` strings (isomorphic, no clock, no time zones).
 *
 * A date here is a calendar day in the city's local time (Asia/Shanghai); it is never converted.
 * Arithmetic goes through `Date.UTC` / `getUTC*` on midnight UTC, so DST and the host time zone can
 * never shift a day. `new Date()` local getters are not used anywhere.
 */
import { invalid } from '../../shared/errors';

const dayMs = 86_400_000;
const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export type DateParts = { year: number; month: number; day: number };

/** Days in `month` (1–12) of `year`, Gregorian leap rule (÷4, not ÷100 unless ÷400). */
export function getDaysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses `YYYY-MM-DD` into parts, or returns null when the text is not a real calendar date. */
export function parseIsoDate(value: string): DateParts | null {
  const match = isoDatePattern.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1) return null;
  if (day > getDaysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== null;
}

function requireParts(value: string): DateParts {
  const parts = parseIsoDate(value);
  if (!parts) throw invalid('calendar.invalid_date', `日期格式无效：${value}（应为 YYYY-MM-DD）`, { value });
  return parts;
}

function formatParts(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (negative before). Throws `calendar.invalid_date` for a bad date. */
export function toDayNumber(value: string): number {
  const { year, month, day } = requireParts(value);
  return Math.round(Date.UTC(year, month - 1, day) / dayMs);
}

export function fromDayNumber(dayNumber: number): string {
  const d = new Date(dayNumber * dayMs);
  return formatParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** `date` plus `n` calendar days (n may be negative). */
export function addCalendarDays(date: string, n: number): string {
  return fromDayNumber(toDayNumber(date) + n);
}

/** Whole calendar days from `from` to `to`: positive when `to` is later (2026-01-01 → 2026-01-16 = 15). */
export function diffCalendarDays(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/**
 * `date` plus `n` months (n may be negative). The day of month is kept and clamped to the target
 * month's last day (domain.md §11.3 [D]): 2024-02-29 + 12 → 2025-02-28; 2024-08-31 + 6 → 2025-02-28;
 * 2024-02-29 + 48 → 2028-02-29. Always add to the original date, never chain, or clamping drifts.
 */
export function addMonthsClamped(date: string, n: number): string {
  const { year, month, day } = requireParts(date);
  const index = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return formatParts(targetYear, targetMonth, Math.min(day, getDaysInMonth(targetYear, targetMonth)));
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function getIsoWeekday(date: string): number {
  const weekday = new Date(toDayNumber(date) * dayMs).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function getYear(date: string): number {
  return requireParts(date).year;
}
