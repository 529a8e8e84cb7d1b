/**
 * Working-day calendar (工作日历), pure and isomorphic (domain.md §11.3 [D]).
 *
 * A day is a working day when, in this order of precedence:
 *   1. an administrator override says so (`{date, kind: 'holiday'|'workday', name}`);
 *   2. the State Council arrangement shipped in `chinese-days` (dist/chinese-days.json) lists it as a
 *      holiday (放假) or an adjusted working day (调休上班);
 *   3. otherwise it is Monday–Friday.
 * The shipped data of chinese-days 1.5.7 covers 2004–2026 (`holidays`, `workdays` maps keyed by date;
 * values "English,中文,n"). It does not know 2027 yet: 2027 reads as plain weekdays until an
 * administrator enters the arrangement (stack.md §6). `knownYears` says which years have data.
 *
 * Counting rule for "N个工作日内" (within N working days): counting starts on the next working day
 * after the start date; the start date itself never counts, whether or not it is a working day.
 * So `addWorkingDays('2025-03-03', 5)` (Mon) = 2025-03-10 (Mon).
 */
import chineseDaysData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { invalid } from '../../shared/errors';
import { addCalendarDays, diffCalendarDays, getIsoWeekday, getYear, isIsoDate } from './iso-date';
import type { DayKind, DayOverrideKind } from './schema';

export { addCalendarDays } from './iso-date';

/** Largest |n| for addWorkingDays (about 14 years of working days) and largest span for counting. */
export const MAX_WORKING_DAYS_STEP = 3660;
export const MAX_CALENDAR_SPAN_DAYS = 36_600;

export type CalendarOverride = { date: string; kind: DayOverrideKind; name: string };

/** Shape of the `chinese-days` JSON: date → "English,中文,n". `inLieuDays` is not needed here. */
export type ShippedHolidayData = {
  holidays: Readonly<Record<string, string>>;
  workdays: Readonly<Record<string, string>>;
};

export type CalendarDaySource = 'override' | 'package' | 'weekday';

type CalendarEntry = { isWorkingDay: boolean; name: string; source: 'override' | 'package' };

export type Calendar = {
  readonly entries: ReadonlyMap<string, CalendarEntry>;
  readonly packageYears: readonly number[];
  readonly overrideYears: readonly number[];
};

export type CalendarDay = {
  date: string;
  isWorkingDay: boolean;
  kind: DayKind;
  name: string | null;
  source: CalendarDaySource;
};

export type WorkingDayOptions = {
  /** Throw `calendar.unknown_year` when the arithmetic touches a year without holiday data. */
  requireKnownYears?: boolean;
};

const shippedDefault: ShippedHolidayData = chineseDaysData;

/** The Chinese name inside a chinese-days value "Spring Festival,春节,4" → "春节". */
function parseShippedName(value: string): string {
  const parts = value.split(',');
  return parts.length >= 3 ? (parts[parts.length - 2] ?? value) : value;
}

function collectYears(dates: Iterable<string>): number[] {
  const years = new Set<number>();
  for (const date of dates) years.add(getYear(date));
  return [...years].sort((a, b) => a - b);
}

/**
 * Builds a calendar from administrator overrides on top of the shipped package data.
 * Throws `calendar.invalid_date` for a bad date and `calendar.duplicate_override` when one date
 * appears twice in the overrides.
 */
export function buildCalendar(overrides: readonly CalendarOverride[] = [], shipped: ShippedHolidayData = shippedDefault): Calendar {
  const entries = new Map<string, CalendarEntry>();
  for (const [date, value] of Object.entries(shipped.holidays)) {
    entries.set(date, { isWorkingDay: false, name: parseShippedName(value), source: 'package' });
  }
  for (const [date, value] of Object.entries(shipped.workdays)) {
    entries.set(date, { isWorkingDay: true, name: parseShippedName(value), source: 'package' });
  }
  const packageYears = collectYears(entries.keys());

  const overrideDates = new Set<string>();
  for (const override of overrides) {
    if (!isIsoDate(override.date)) {
      throw invalid('calendar.invalid_date', `日期格式无效：${override.date}`, { date: override.date });
    }
    if (overrideDates.has(override.date)) {
      throw invalid('calendar.duplicate_override', `同一日期重复设置：${override.date}`, { date: override.date });
    }
    overrideDates.add(override.date);
    entries.set(override.date, { isWorkingDay: override.kind === 'workday', name: override.name, source: 'override' });
  }
  return { entries, packageYears, overrideYears: collectYears(overrideDates) };
}

/** Years for which the calendar has holiday data (package or override), ascending. */
export function knownYears(cal: Calendar): number[] {
  return [...new Set([...cal.packageYears, ...cal.overrideYears])].sort((a, b) => a - b);
}

export function isYearKnown(cal: Calendar, year: number): boolean {
  return cal.packageYears.includes(year) || cal.overrideYears.includes(year);
}

/** Years between two dates (inclusive, any order) that have no holiday data. */
export function findUnknownYears(cal: Calendar, a: string, b: string): number[] {
  const [from, to] = a <= b ? [getYear(a), getYear(b)] : [getYear(b), getYear(a)];
  const unknown: number[] = [];
  for (let year = from; year <= to; year += 1) if (!isYearKnown(cal, year)) unknown.push(year);
  return unknown;
}

export function getCalendarDay(date: string, cal: Calendar): CalendarDay {
  const isWeekend = getIsoWeekday(date) >= 6;
  const entry = cal.entries.get(date);
  if (entry) {
    const kind: DayKind = entry.isWorkingDay ? (isWeekend ? 'adjusted_workday' : 'workday') : 'holiday';
    return { date, isWorkingDay: entry.isWorkingDay, kind, name: entry.name, source: entry.source };
  }
  return { date, isWorkingDay: !isWeekend, kind: isWeekend ? 'weekend' : 'workday', name: null, source: 'weekday' };
}

export function isWorkingDay(date: string, cal: Calendar): boolean {
  return getCalendarDay(date, cal).isWorkingDay;
}

function assertYearKnown(cal: Calendar, date: string, options: WorkingDayOptions | undefined): void {
  if (!options?.requireKnownYears) return;
  const year = getYear(date);
  if (!isYearKnown(cal, year)) {
    throw invalid('calendar.unknown_year', `${year}年的节假日安排尚未录入，无法按工作日计算`, { year });
  }
}

/**
 * The |n|-th working day after (n > 0) or before (n < 0) `date`; n = 0 returns `date` unchanged.
 * The start date never counts (see file comment). Throws `calendar.range_too_large` for |n| above
 * MAX_WORKING_DAYS_STEP.
 */
export function addWorkingDays(date: string, n: number, cal: Calendar, options?: WorkingDayOptions): string {
  if (!Number.isInteger(n)) throw invalid('calendar.invalid_step', `工作日数必须为整数：${n}`, { n });
  if (Math.abs(n) > MAX_WORKING_DAYS_STEP) {
    throw invalid('calendar.range_too_large', `工作日数过大：${n}`, { n, max: MAX_WORKING_DAYS_STEP });
  }
  assertYearKnown(cal, date, options);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let current = date;
  while (remaining > 0) {
    current = addCalendarDays(current, step);
    assertYearKnown(cal, current, options);
    if (isWorkingDay(current, cal)) remaining -= 1;
  }
  return current;
}

/**
 * Working days d with a < d ≤ b when b ≥ a; the negative count of working days with b < d ≤ a when
 * b < a. For n ≥ 0: workingDaysBetween(a, addWorkingDays(a, n)) === n.
 */
export function workingDaysBetween(a: string, b: string, cal: Calendar, options?: WorkingDayOptions): number {
  const span = diffCalendarDays(a, b);
  if (Math.abs(span) > MAX_CALENDAR_SPAN_DAYS) {
    throw invalid('calendar.range_too_large', `日期跨度过大：${a} 至 ${b}`, { a, b, max: MAX_CALENDAR_SPAN_DAYS });
  }
  const [from, sign] = span >= 0 ? [a, 1] : [b, -1];
  let count = 0;
  for (let i = 1; i <= Math.abs(span); i += 1) {
    const day = addCalendarDays(from, i);
    assertYearKnown(cal, day, options);
    if (isWorkingDay(day, cal)) count += 1;
  }
  return sign * count;
}

/**
 * Binds a calendar into the two-method port other domains take as a parameter
 * (e.g. `equipment-safety/hazards/calendar-port.ts` `WorkingDayCalendar`).
 */
export function bindCalendar(
  cal: Calendar,
  options?: WorkingDayOptions,
): { isWorkingDay(date: string): boolean; addWorkingDays(date: string, n: number): string } {
  return {
    isWorkingDay: (date) => isWorkingDay(date, cal),
    addWorkingDays: (date, n) => addWorkingDays(date, n, cal, options),
  };
}
