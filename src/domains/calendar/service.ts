import type { Actor } from '../../shared/actor';
import { invalid, notFound } from '../../shared/errors';
import type { Db } from '../../platform/db/types';
import { recordAudit } from '../audit';
import { addCalendarDays, diffCalendarDays, getYear } from './iso-date';
import { addWorkingDays, bindCalendar, buildCalendar, findUnknownYears, getCalendarDay, isYearKnown, knownYears, type Calendar, type WorkingDayOptions } from './rules';
import type { CalendarMonth, CalendarMonthQuery, CalendarOverrideInput, CalendarOverrideView, ReplaceYearOverridesInput, WorkingDaysQuery } from './schema';
import { deleteOverride, deleteYearOverrides, insertOverride, selectAllOverrides, selectOverrides } from './store';

/**
 * The working-day calendar: shipped State Council arrangement (chinese-days) plus administrator
 * overrides from the database. The built calendar is cached per process; every write in this
 * process drops the cache, other processes (PostgreSQL deployments) pick changes up within
 * CACHE_TTL_MS.
 */
const CACHE_TTL_MS = 30_000;
let cached: { calendar: Calendar; at: number } | null = null;

function dropCache(): void {
  cached = null;
}

/** The calendar with the administrator's overrides (cached briefly). */
export async function loadCalendar(db: Db): Promise<Calendar> {
  if (cached && Date.now() - cached.at < CACHE_TTL_MS) return cached.calendar;
  const calendar = buildCalendar(await selectAllOverrides(db));
  cached = { calendar, at: Date.now() };
  return calendar;
}

/** The two-method port the hazard rules take (`WorkingDayCalendar`), bound to the current calendar. */
export async function loadWorkingDayCalendar(db: Db, options?: WorkingDayOptions): Promise<ReturnType<typeof bindCalendar>> {
  return bindCalendar(await loadCalendar(db), options);
}

export async function getCalendarMonth(db: Db, options: { query: CalendarMonthQuery }): Promise<CalendarMonth> {
  const { year, month } = options.query;
  const calendar = await loadCalendar(db);
  const first = `${year}-${String(month ?? 1).padStart(2, '0')}-01`;
  const last = month === undefined ? `${year}-12-31` : addCalendarDays(`${month === 12 ? year + 1 : year}-${String(month === 12 ? 1 : month + 1).padStart(2, '0')}-01`, -1);
  const days = Array.from({ length: diffCalendarDays(first, last) + 1 }, (_, i) => getCalendarDay(addCalendarDays(first, i), calendar));
  return { knownYears: knownYears(calendar), isYearKnown: isYearKnown(calendar, year), year, month: month ?? null, days };
}

export async function computeWorkingDays(db: Db, options: { query: WorkingDaysQuery }): Promise<{ date: string; days: number; result: string; unknownYears: number[] }> {
  const { date, days, requireKnownYears } = options.query;
  const calendar = await loadCalendar(db);
  const result = addWorkingDays(date, days, calendar, { requireKnownYears: requireKnownYears === 'true' });
  return { date, days, result, unknownYears: findUnknownYears(calendar, date, result) };
}

export async function listCalendarOverrides(db: Db, options: { year?: number }): Promise<{ year: number | null; items: CalendarOverrideView[] }> {
  return { year: options.year ?? null, items: await selectOverrides(db, options.year) };
}

export async function addCalendarOverride(db: Db, options: { actor: Actor; input: CalendarOverrideInput }): Promise<CalendarOverrideView> {
  const { actor, input } = options;
  const created = await db.transaction(async (tx) => {
    const row = await insertOverride(tx, { ...input, createdBy: actor.userId });
    await recordAudit(tx, actor, {
      action: 'calendar.override_add',
      entityType: 'calendar_override',
      entityId: input.date,
      summary: `工作日历：${input.date} 设为${input.kind === 'holiday' ? '放假' : '上班'}（${input.name}）`,
      after: row,
    });
    return row;
  });
  dropCache();
  return created;
}

export async function removeCalendarOverride(db: Db, options: { actor: Actor; date: string }): Promise<CalendarOverrideView> {
  const { actor, date } = options;
  const removed = await db.transaction(async (tx) => {
    const row = await deleteOverride(tx, date);
    if (!row) throw notFound('calendar.override_not_found', `${date} 没有管理员设置`);
    await recordAudit(tx, actor, { action: 'calendar.override_remove', entityType: 'calendar_override', entityId: date, summary: `工作日历：删除 ${date} 的设置（${row.name}）`, before: row });
    return row;
  });
  dropCache();
  return removed;
}

/** Replace a whole year's overrides (the State Council arrangement of a year the shipped data does not know). */
export async function replaceYearOverrides(db: Db, options: { actor: Actor; year: number; input: ReplaceYearOverridesInput }): Promise<{ year: number; items: CalendarOverrideView[] }> {
  const { actor, year, input } = options;
  const outside = input.overrides.filter((o) => getYear(o.date) !== year).map((o) => o.date);
  if (outside.length > 0) throw invalid('calendar.date_outside_year', `以下日期不属于 ${year} 年：${outside.slice(0, 10).join('、')}`, { dates: outside });
  const items = await db.transaction(async (tx) => {
    const before = await selectOverrides(tx, year);
    await deleteYearOverrides(tx, year);
    const rows: CalendarOverrideView[] = [];
    for (const entry of [...input.overrides].sort((a, b) => a.date.localeCompare(b.date))) rows.push(await insertOverride(tx, { ...entry, createdBy: actor.userId }));
    await recordAudit(tx, actor, {
      action: 'calendar.year_replace',
      entityType: 'calendar_override',
      entityId: String(year),
      summary: `工作日历：录入 ${year} 年放假安排（${rows.filter((r) => r.kind === 'holiday').length} 天放假、${rows.filter((r) => r.kind === 'workday').length} 天调休上班）`,
      before,
      after: rows,
    });
    return rows;
  });
  dropCache();
  return { year, items };
}
