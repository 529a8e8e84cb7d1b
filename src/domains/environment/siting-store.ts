import { sql, type SQL } from 'drizzle-orm';
import type { DataScope } from '../../shared/actor';
import { scopeCondition } from '../../platform/db/scope';
import { queryOne, queryRows, toIsoTimestamp, type Db } from '../../platform/db/types';
import type { SitingOutcome } from './geo/control-rules';
import type { ListSitingChecksQuery, SitingHistoryItem } from './siting-schema';

export type SitingCheckWrite = {
  id: string;
  kind: 'single' | 'batch';
  projectName: string | null;
  projectType: string;
  footprint: unknown;
  verdict: SitingOutcome;
  itemCount: number;
  result: unknown;
  orgUnitId: string | null;
  createdBy: string | null;
  createdByName: string | null;
};

export async function insertSitingCheck(db: Db, w: SitingCheckWrite): Promise<string> {
  const row = await queryOne<{ created_at: string }>(
    db,
    sql`INSERT INTO env_siting_checks (id, kind, project_name, project_type, footprint, verdict, item_count, result, org_unit_id, created_by, created_by_name)
        VALUES (${w.id}, ${w.kind}, ${w.projectName}, ${w.projectType}, ${w.footprint === null ? null : JSON.stringify(w.footprint)}::jsonb, ${w.verdict},
                ${w.itemCount}, ${JSON.stringify(w.result)}::jsonb, ${w.orgUnitId}, ${w.createdBy}, ${w.createdByName})
        RETURNING created_at::text`,
  );
  return toIsoTimestamp(row?.created_at ?? new Date());
}

const inScope = (scope: DataScope) => scopeCondition(scope, { orgColumn: sql`org_unit_id`, userColumn: sql`created_by` });

export type StoredSitingCheck = SitingHistoryItem & { footprint: unknown; result: unknown; orgUnitId: string | null };

type Row = {
  id: string; kind: 'single' | 'batch'; project_name: string | null; project_type: string; verdict: SitingOutcome; item_count: number;
  created_by_name: string | null; created_at: string; footprint?: unknown; result?: unknown; org_unit_id: string | null;
};

const toItem = (r: Row): SitingHistoryItem => ({
  id: r.id, kind: r.kind, projectName: r.project_name, projectType: r.project_type, verdict: r.verdict, itemCount: r.item_count,
  createdByName: r.created_by_name, createdAt: toIsoTimestamp(r.created_at),
});

export async function findSitingCheck(db: Db, id: string, scope: DataScope): Promise<StoredSitingCheck | null> {
  const row = await queryOne<Row>(db, sql`SELECT id, kind, project_name, project_type, verdict, item_count, created_by_name, created_at::text,
      footprint, result, org_unit_id FROM env_siting_checks WHERE id = ${id} AND ${inScope(scope)}`);
  return row ? { ...toItem(row), footprint: row.footprint ?? null, result: row.result, orgUnitId: row.org_unit_id } : null;
}

export function sitingFilters(query: Partial<ListSitingChecksQuery>, scope: DataScope, timeZone: string): SQL {
  const parts: SQL[] = [inScope(scope)];
  if (query.verdict) parts.push(sql`verdict = ${query.verdict}`);
  if (query.kind) parts.push(sql`kind = ${query.kind}`);
  if (query.from) parts.push(sql`(created_at AT TIME ZONE ${timeZone})::date >= ${query.from}::date`);
  if (query.to) parts.push(sql`(created_at AT TIME ZONE ${timeZone})::date <= ${query.to}::date`);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    parts.push(sql`coalesce(project_name, '') ILIKE ${like}`);
  }
  return sql.join(parts, sql` AND `);
}

export async function selectSitingChecks(db: Db, where: SQL, options: { ascending: boolean; limit: number; offset: number }): Promise<SitingHistoryItem[]> {
  const rows = await queryRows<Row>(db, sql`SELECT id, kind, project_name, project_type, verdict, item_count, created_by_name, created_at::text, org_unit_id
      FROM env_siting_checks WHERE ${where} ORDER BY created_at ${options.ascending ? sql`ASC` : sql`DESC`}, id LIMIT ${options.limit} OFFSET ${options.offset}`);
  return rows.map(toItem);
}

export async function countSitingChecks(db: Db, where: SQL): Promise<number> {
  return (await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM env_siting_checks WHERE ${where}`))?.n ?? 0;
}
