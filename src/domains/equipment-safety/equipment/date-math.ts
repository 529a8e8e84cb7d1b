/**
 * Date-only helpers on `YYYY-MM-DD` strings for the equipment rules (pure; no clock, no time zones:
 * arithmetic goes through Date.UTC on midnight UTC). The same primitives exist in
 * `src/domains/calendar/iso-date.ts`; they are kept per domain because rules may import only their
 * own domain and `src/shared` — candidates for a shared `src/shared/dates.ts`.
 */
import { invalid } from '../../../shared/errors';

const dayMs = 86_400_000;
const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

type Parts = { year: number; month: number; day: number };

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parse(value: string): Parts | null {
  const match = isoDatePattern.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function requireParts(value: string): Parts {
  const parts = parse(value);
  if (!parts) throw invalid('equipment.invalid_date', `日期格式无效：${value}（应为 YYYY-MM-DD）`, { value });
  return parts;
}

function format(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function toDayNumber(value: string): number {
  const { year, month, day } = requireParts(value);
  return Math.round(Date.UTC(year, month - 1, day) / dayMs);
}

function fromDayNumber(n: number): string {
  const d = new Date(n * dayMs);
  return format(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function isIsoDate(value: string): boolean {
  return parse(value) !== null;
}

/** Throws `equipment.invalid_date` unless `value` is a real `YYYY-MM-DD` date. */
export function assertIsoDate(value: string): void {
  requireParts(value);
}

export function addDays(date: string, n: number): string {
  return fromDayNumber(toDayNumber(date) + n);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function diffDays(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/**
 * `date` + `n` months, day of month clamped to the target month's end (domain.md §11.3 [D]):
 * 2024-02-29 + 12 → 2025-02-28, 2024-02-29 + 48 → 2028-02-29, 2024-08-31 + 6 → 2025-02-28.
 * Periods are always added to the inspection date itself, never chained, so clamping cannot drift.
 */
export function addMonths(date: string, n: number): string {
  const { year, month, day } = requireParts(date);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return format(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Months since year 0 for a date's month (2024-03-20 → 2024·12 + 2); used for month-based schedules. */
export function toMonthIndex(date: string): number {
  const { year, month } = requireParts(date);
  return year * 12 + (month - 1);
}

/** First day of the month with the given month index. */
export function monthIndexToFirstDay(index: number): string {
  const y = Math.floor(index / 12);
  return format(y, index - y * 12 + 1, 1);
}

/** `YYYY-MM` of a month index. */
export function monthIndexToLabel(index: number): string {
  return monthIndexToFirstDay(index).slice(0, 7);
}
