/**
 * SQL of the hazard lists: filters (the list, its export, the board and the township page share them),
 * sorting, counts by status, and the escalation job's work list.
 */
import { sql, type SQL } from 'drizzle-orm';
import { scopeCondition } from '../../../platform/db/scope';
import { queryOne, queryRows, type Db } from '../../../platform/db/types';
import type { HazardStatus } from './hazard-enums';
import { owingHazardStatuses } from './hazard-enums';
import type { ListHazardsQuery } from './hazard-schema';
import { hazardColumns, toStoredHazard, type HazardRow, type StoredHazard } from './hazard-store';

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

/** "Overdue" as of `today` (a deadline passed while rectification is owed), independent of the job's flag. */
export function overdueCondition(today: string): SQL {
  const owing = sql.join(owingHazardStatuses.map((s) => sql`${s}`), sql`, `);
  return sql`(status IN (${owing}) AND deadline IS NOT NULL AND deadline < ${today}::date)`;
}

export type HazardFilterInput = Omit<ListHazardsQuery, 'page' | 'pageSize' | 'sort'> & {
  /** Path of `orgUnitId` (for includeSubunits). */
  orgPath?: string | null;
};

export function hazardFilters(query: Partial<HazardFilterInput>, visibility: SQL, today: string): SQL {
  const parts: SQL[] = [visibility];
  if (query.status && query.status.length > 0) parts.push(sql`status IN (${sql.join(query.status.map((s) => sql`${s}`), sql`, `)})`);
  if (query.grade) parts.push(sql`grade = ${query.grade}`);
  if (query.source) parts.push(sql`source = ${query.source}`);
  if (query.orgUnitId) {
    parts.push(
      query.includeSubunits !== false && query.orgPath
        ? scopeCondition({ kind: 'subtree', rootId: query.orgUnitId, rootPath: query.orgPath }, { orgColumn: sql`org_unit_id` })
        : sql`org_unit_id = ${query.orgUnitId}`,
    );
  }
  if (query.supervisingOrgUnitId) parts.push(sql`supervising_org_unit_id = ${query.supervisingOrgUnitId}`);
  if (query.enterpriseId) parts.push(sql`enterprise_id = ${query.enterpriseId}`);
  if (query.equipmentId) parts.push(sql`equipment_id = ${query.equipmentId}`);
  if (query.overdue !== undefined) parts.push(query.overdue ? overdueCondition(today) : sql`NOT ${overdueCondition(today)}`);
  if (query.listed !== undefined) parts.push(sql`is_listed = ${query.listed}`);
  if (query.reopened !== undefined) parts.push(query.reopened ? sql`reopen_count > 0` : sql`reopen_count = 0`);
  if (query.deadlineFrom) parts.push(sql`deadline >= ${query.deadlineFrom}::date`);
  if (query.deadlineTo) parts.push(sql`deadline <= ${query.deadlineTo}::date`);
  if (query.createdFrom) parts.push(sql`created_on >= ${query.createdFrom}::date`);
  if (query.createdTo) parts.push(sql`created_on <= ${query.createdTo}::date`);
  if (query.confirmedFrom) parts.push(sql`confirmed_on >= ${query.confirmedFrom}::date`);
  if (query.confirmedTo) parts.push(sql`confirmed_on <= ${query.confirmedTo}::date`);
  if (query.closedFrom) parts.push(sql`closed_on >= ${query.closedFrom}::date`);
  if (query.closedTo) parts.push(sql`closed_on <= ${query.closedTo}::date`);
  if (query.q) {
    const like = likePattern(query.q);
    parts.push(sql`(title ILIKE ${like} OR hazard_no ILIKE ${like} OR description ILIKE ${like})`);
  }
  return sql.join(parts, sql` AND `);
}

const sortSql: Record<ListHazardsQuery['sort'], SQL> = {
  createdAt: sql`created_at, id`,
  '-createdAt': sql`created_at DESC, id`,
  updatedAt: sql`updated_at, id`,
  '-updatedAt': sql`updated_at DESC, id`,
  deadline: sql`deadline NULLS LAST, id`,
  '-deadline': sql`deadline DESC NULLS LAST, id`,
};

export async function selectHazards(
  db: Db,
  where: SQL,
  options: { sort: ListHazardsQuery['sort']; limit: number; offset: number },
): Promise<StoredHazard[]> {
  const rows = await queryRows<HazardRow>(
    db,
    sql`SELECT ${hazardColumns} FROM hazards WHERE ${where} ORDER BY ${sortSql[options.sort]} LIMIT ${options.limit} OFFSET ${options.offset}`,
  );
  return rows.map(toStoredHazard);
}

export async function countHazards(db: Db, where: SQL): Promise<number> {
  return (await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM hazards WHERE ${where}`))?.n ?? 0;
}

export type HazardCountsRow = {
  status: HazardStatus;
  n: number;
  overdue: number;
  listed: number;
  major: number;
  extension_pending: number;
  due_soon: number;
};

/** Counts by status plus the board's flags, in one pass. */
export async function countHazardsByStatus(db: Db, where: SQL, today: string, dueSoonUntil: string): Promise<HazardCountsRow[]> {
  return queryRows<HazardCountsRow>(
    db,
    sql`SELECT status, count(*)::int AS n,
          count(*) FILTER (WHERE ${overdueCondition(today)})::int AS overdue,
          count(*) FILTER (WHERE is_listed)::int AS listed,
          count(*) FILTER (WHERE grade = 'major')::int AS major,
          count(*) FILTER (WHERE pending_extension IS NOT NULL)::int AS extension_pending,
          count(*) FILTER (WHERE status IN ('confirmed', 'rectifying') AND deadline >= ${today}::date
                            AND deadline <= ${dueSoonUntil}::date)::int AS due_soon
        FROM hazards WHERE ${where} GROUP BY status`,
  );
}

/** Open hazards that owe rectification and have a deadline (the escalation job's work list). */
export async function selectOwingHazards(db: Db, afterId: string | null, limit: number): Promise<StoredHazard[]> {
  const owing = sql.join(owingHazardStatuses.map((s) => sql`${s}`), sql`, `);
  const rows = await queryRows<HazardRow>(
    db,
    sql`SELECT ${hazardColumns} FROM hazards WHERE status IN (${owing}) AND deadline IS NOT NULL ${afterId ? sql`AND id > ${afterId}` : sql``}
        ORDER BY id LIMIT ${limit}`,
  );
  return rows.map(toStoredHazard);
}

