import { sql } from 'drizzle-orm';
import { conflict } from '../../shared/errors';
import { affectedRows, queryOne, queryRows, toIsoTimestamp, type Db } from '../../platform/db/types';
import type { CalendarOverride } from './rules';
import type { CalendarOverrideView, DayOverrideKind } from './schema';

/** SQL for `calendar_overrides` (administrator entries over the shipped holiday data). */
type Row = { date: string; kind: DayOverrideKind; name: string; created_by: string | null; created_at: string };

const columns = sql`date::text AS date, kind, name, created_by, created_at::text AS created_at`;

function toView(r: Row): CalendarOverrideView {
  return { date: r.date, kind: r.kind, name: r.name, createdBy: r.created_by, createdAt: toIsoTimestamp(r.created_at) };
}

export async function selectOverrides(db: Db, year?: number): Promise<CalendarOverrideView[]> {
  const where = year === undefined ? sql`true` : sql`date >= ${`${year}-01-01`}::date AND date <= ${`${year}-12-31`}::date`;
  const rows = await queryRows<Row>(db, sql`SELECT ${columns} FROM calendar_overrides WHERE ${where} ORDER BY date`);
  return rows.map(toView);
}

export async function selectAllOverrides(db: Db): Promise<CalendarOverride[]> {
  return queryRows<CalendarOverride>(db, sql`SELECT date::text AS date, kind, name FROM calendar_overrides ORDER BY date`);
}

export async function insertOverride(db: Db, entry: CalendarOverride & { createdBy: string | null }): Promise<CalendarOverrideView> {
  const row = await queryOne<Row>(
    db,
    sql`INSERT INTO calendar_overrides (date, kind, name, created_by) VALUES (${entry.date}, ${entry.kind}, ${entry.name}, ${entry.createdBy})
        ON CONFLICT (date) DO NOTHING RETURNING ${columns}`,
  );
  if (!row) throw conflict('calendar.duplicate_override', `${entry.date} 已有设置，请先删除`, { date: entry.date });
  return toView(row);
}

export async function deleteOverride(db: Db, date: string): Promise<CalendarOverrideView | null> {
  const row = await queryOne<Row>(db, sql`DELETE FROM calendar_overrides WHERE date = ${date} RETURNING ${columns}`);
  return row ? toView(row) : null;
}

export async function deleteYearOverrides(db: Db, year: number): Promise<number> {
  return affectedRows(await db.execute(sql`DELETE FROM calendar_overrides WHERE date >= ${`${year}-01-01`}::date AND date <= ${`${year}-12-31`}::date`));
}
