import { sql, type SQL } from 'drizzle-orm';
import { conflict } from '../../shared/errors';
import type { OrgUnitKind } from '../../shared/roles';
import { queryOne, queryRows, toIsoTimestamp, type Db } from '../../platform/db/types';
import type { IndicatorDefinition, IndicatorType } from './indicator-schema';
import type { ListIndicatorsQuery } from './plan-api-schema';
import type { PeerGroup } from './plan-schema';
import { itemVisible, jsonValue, planVisible, type Viewer } from './visibility';

export type IndicatorRecord = {
  id: string;
  planId: string;
  code: string;
  name: string;
  type: IndicatorType;
  category: string | null;
  leadOrgUnitId: string;
  leadOrgUnitName: string;
  sourceKind: 'reported' | 'metric';
  metricKey: string | null;
  weight: string | null;
  definition: IndicatorDefinition;
  sortOrder: number;
  assignmentCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
};

type IndicatorRow = {
  id: string;
  plan_id: string;
  code: string;
  name: string;
  type: IndicatorType;
  category: string | null;
  lead_org_unit_id: string;
  lead_name: string;
  source_kind: 'reported' | 'metric';
  metric_key: string | null;
  weight: string | null;
  definition: unknown;
  sort_order: number;
  assignment_count: number;
  version: number;
  created_at: string;
  updated_at: string;
};

const indicatorColumns = sql`i.id, i.plan_id, i.code, i.name, i.type, i.category, i.lead_org_unit_id, lo.name AS lead_name, i.source_kind, i.metric_key, i.weight,
  i.definition, i.sort_order, (SELECT count(*)::int FROM targets_assignments x WHERE x.indicator_id = i.id) AS assignment_count,
  i.version, i.created_at::text, i.updated_at::text`;
const indicatorFrom = sql`targets_indicators i JOIN targets_plans p ON p.id = i.plan_id JOIN org_units lo ON lo.id = i.lead_org_unit_id`;

function toIndicator(r: IndicatorRow): IndicatorRecord {
  return {
    id: r.id,
    planId: r.plan_id,
    code: r.code,
    name: r.name,
    type: r.type,
    category: r.category,
    leadOrgUnitId: r.lead_org_unit_id,
    leadOrgUnitName: r.lead_name,
    sourceKind: r.source_kind,
    metricKey: r.metric_key,
    weight: r.weight,
    definition: jsonValue<IndicatorDefinition>(r.definition),
    sortOrder: r.sort_order,
    assignmentCount: r.assignment_count,
    version: r.version,
    createdAt: toIsoTimestamp(r.created_at),
    updatedAt: toIsoTimestamp(r.updated_at),
  };
}

/**
 * Indicators a viewer sees: managers and all-reach roles every indicator of a visible plan; others
 * the indicators they have an item of (own unit, or led by their department).
 */
function indicatorVisible(viewer: Viewer): SQL {
  if (viewer.scope.kind === 'all') return planVisible(viewer);
  return sql`EXISTS (SELECT 1 FROM targets_assignments a WHERE a.indicator_id = i.id AND ${itemVisible(viewer)})`;
}

export async function findIndicator(db: Db, id: string, viewer?: Viewer): Promise<IndicatorRecord | null> {
  const row = await queryOne<IndicatorRow>(db, sql`SELECT ${indicatorColumns} FROM ${indicatorFrom} WHERE i.id = ${id} AND ${viewer ? indicatorVisible(viewer) : sql`true`}`);
  return row ? toIndicator(row) : null;
}

export function indicatorListFilters(planId: string, query: Partial<Pick<ListIndicatorsQuery, 'q' | 'type' | 'category' | 'leadOrgUnitId' | 'sourceKind'>>, viewer: Viewer | null): SQL {
  const parts: SQL[] = [sql`i.plan_id = ${planId}`];
  if (viewer) parts.push(indicatorVisible(viewer));
  if (query.type) parts.push(sql`i.type = ${query.type}`);
  if (query.category) parts.push(sql`i.category = ${query.category}`);
  if (query.leadOrgUnitId) parts.push(sql`i.lead_org_unit_id = ${query.leadOrgUnitId}`);
  if (query.sourceKind) parts.push(sql`i.source_kind = ${query.sourceKind}`);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    parts.push(sql`(i.code ILIKE ${like} OR i.name ILIKE ${like})`);
  }
  return sql.join(parts, sql` AND `);
}

const indicatorSort: Record<ListIndicatorsQuery['sort'], SQL> = {
  sortOrder: sql`i.sort_order, i.code`,
  code: sql`i.code`,
  name: sql`i.name, i.code`,
  type: sql`i.type, i.sort_order, i.code`,
};

export async function selectIndicators(db: Db, where: SQL, options: { sort: ListIndicatorsQuery['sort']; limit: number; offset: number }): Promise<IndicatorRecord[]> {
  const rows = await queryRows<IndicatorRow>(db, sql`SELECT ${indicatorColumns} FROM ${indicatorFrom} WHERE ${where} ORDER BY ${indicatorSort[options.sort]} LIMIT ${options.limit} OFFSET ${options.offset}`);
  return rows.map(toIndicator);
}

export async function countIndicators(db: Db, where: SQL): Promise<number> {
  return (await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${indicatorFrom} WHERE ${where}`))?.n ?? 0;
}

function indicatorColumnsOf(def: IndicatorDefinition) {
  return {
    code: def.code,
    name: def.name,
    type: def.type,
    category: def.category ?? null,
    lead: def.leadOrgUnitId,
    sourceKind: def.dataSource.kind,
    metricKey: def.dataSource.kind === 'metric' ? def.dataSource.metricKey : null,
    weight: 'weight' in def ? def.weight : null,
  };
}

function translateIndicatorConflict(error: unknown): unknown {
  const e = error as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  if ((e.code ?? e.cause?.code) === '23505') return conflict('targets.duplicate_indicator_code', '本计划中已有相同编码的指标');
  return error;
}

export async function insertIndicator(db: Db, indicator: { id: string; planId: string; definition: IndicatorDefinition; sortOrder: number }): Promise<void> {
  const c = indicatorColumnsOf(indicator.definition);
  try {
    await db.execute(
      sql`INSERT INTO targets_indicators (id, plan_id, code, name, type, category, lead_org_unit_id, source_kind, metric_key, weight, definition, sort_order)
          VALUES (${indicator.id}, ${indicator.planId}, ${c.code}, ${c.name}, ${c.type}, ${c.category}, ${c.lead}, ${c.sourceKind}, ${c.metricKey}, ${c.weight},
                  ${JSON.stringify(indicator.definition)}::jsonb, ${indicator.sortOrder})`,
    );
  } catch (error) {
    throw translateIndicatorConflict(error);
  }
}

export async function updateIndicatorRow(db: Db, id: string, version: number, definition: IndicatorDefinition, sortOrder: number): Promise<boolean> {
  const c = indicatorColumnsOf(definition);
  try {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`UPDATE targets_indicators SET code = ${c.code}, name = ${c.name}, type = ${c.type}, category = ${c.category}, lead_org_unit_id = ${c.lead},
            source_kind = ${c.sourceKind}, metric_key = ${c.metricKey}, weight = ${c.weight}, definition = ${JSON.stringify(definition)}::jsonb,
            sort_order = ${sortOrder}, version = version + 1, updated_at = now()
          WHERE id = ${id} AND version = ${version} RETURNING id`,
    );
    return rows.length > 0;
  } catch (error) {
    throw translateIndicatorConflict(error);
  }
}

export async function deleteIndicatorRow(db: Db, id: string, version: number): Promise<boolean> {
  return (await queryRows<{ id: string }>(db, sql`DELETE FROM targets_indicators WHERE id = ${id} AND version = ${version} RETURNING id`)).length > 0;
}

export async function countIndicatorActivity(db: Db, indicatorId: string): Promise<number> {
  const row = await queryOne<{ n: number }>(
    db,
    sql`SELECT ((SELECT count(*) FROM targets_progress_reports WHERE indicator_id = ${indicatorId}) +
                (SELECT count(*) FROM targets_self_evaluations WHERE indicator_id = ${indicatorId}))::int AS n`,
  );
  return row?.n ?? 0;
}

// ---- assessed units ----

export type PlanUnitRecord = {
  id: string;
  planId: string;
  orgUnitId: string;
  orgUnitName: string;
  orgUnitKind: OrgUnitKind;
  orgPath: string;
  peerGroup: PeerGroup;
  version: number;
};

type PlanUnitRow = { id: string; plan_id: string; org_unit_id: string; name: string; kind: OrgUnitKind; path: string; peer_group: PeerGroup; version: number };
const planUnitColumns = sql`u.id, u.plan_id, u.org_unit_id, o.name, o.kind, o.path, u.peer_group, u.version`;
const toPlanUnit = (r: PlanUnitRow): PlanUnitRecord => ({
  id: r.id,
  planId: r.plan_id,
  orgUnitId: r.org_unit_id,
  orgUnitName: r.name,
  orgUnitKind: r.kind,
  orgPath: r.path,
  peerGroup: r.peer_group,
  version: r.version,
});

export async function findPlanUnit(db: Db, id: string): Promise<PlanUnitRecord | null> {
  const row = await queryOne<PlanUnitRow>(db, sql`SELECT ${planUnitColumns} FROM targets_plan_units u JOIN org_units o ON o.id = u.org_unit_id WHERE u.id = ${id}`);
  return row ? toPlanUnit(row) : null;
}

export async function findPlanUnitByOrg(db: Db, planId: string, orgUnitId: string): Promise<PlanUnitRecord | null> {
  const row = await queryOne<PlanUnitRow>(
    db,
    sql`SELECT ${planUnitColumns} FROM targets_plan_units u JOIN org_units o ON o.id = u.org_unit_id WHERE u.plan_id = ${planId} AND u.org_unit_id = ${orgUnitId}`,
  );
  return row ? toPlanUnit(row) : null;
}

export async function selectPlanUnits(db: Db, planId: string, where: SQL = sql`true`): Promise<PlanUnitRecord[]> {
  const rows = await queryRows<PlanUnitRow>(
    db,
    sql`SELECT ${planUnitColumns} FROM targets_plan_units u JOIN org_units o ON o.id = u.org_unit_id
        WHERE u.plan_id = ${planId} AND ${where} ORDER BY u.peer_group, o.sort_order, o.name`,
  );
  return rows.map(toPlanUnit);
}

export async function insertPlanUnit(db: Db, unit: { id: string; planId: string; orgUnitId: string; peerGroup: PeerGroup }): Promise<void> {
  await db.execute(sql`INSERT INTO targets_plan_units (id, plan_id, org_unit_id, peer_group) VALUES (${unit.id}, ${unit.planId}, ${unit.orgUnitId}, ${unit.peerGroup})`);
}

export async function updatePlanUnitRow(db: Db, id: string, version: number, peerGroup: PeerGroup): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(db, sql`UPDATE targets_plan_units SET peer_group = ${peerGroup}, version = version + 1, updated_at = now() WHERE id = ${id} AND version = ${version} RETURNING id`);
  return rows.length > 0;
}

/** Removes units left without any assignment. */
export async function deleteEmptyPlanUnits(db: Db, planId: string): Promise<void> {
  await db.execute(sql`DELETE FROM targets_plan_units u WHERE u.plan_id = ${planId} AND NOT EXISTS (SELECT 1 FROM targets_assignments a WHERE a.plan_unit_id = u.id)`);
}
