import { sql, type SQL } from 'drizzle-orm';
import type { OrgUnitKind } from '../../shared/roles';
import { queryOne, queryRows, toIsoTimestamp, type Db } from '../../platform/db/types';
import type { IndicatorDefinition } from './indicator-schema';
import type { ListAssignmentsQuery } from './plan-api-schema';
import type { PeerGroup, PlanStatus } from './plan-schema';
import { itemVisible, jsonValue, leadColumn, type Viewer } from './visibility';

/** An assignment (indicator × unit) with everything the services need to judge and score it. */
export type ItemRecord = {
  id: string;
  planId: string;
  planStatus: PlanStatus;
  planUnitId: string;
  indicatorId: string;
  indicatorSortOrder: number;
  definition: IndicatorDefinition;
  orgUnitId: string;
  orgUnitName: string;
  orgUnitKind: OrgUnitKind;
  orgPath: string;
  peerGroup: PeerGroup;
  overrides: { weight: string | null; lower: string | null; upper: string | null; target: string | null; leadOrgUnitId: string | null };
  leadOrgUnitId: string;
  leadOrgUnitName: string;
  leadPath: string;
  version: number;
  createdAt: string;
  updatedAt: string;
};

type ItemRow = {
  id: string;
  plan_id: string;
  plan_status: PlanStatus;
  plan_unit_id: string;
  indicator_id: string;
  sort_order: number;
  org_unit_id: string;
  org_name: string;
  org_kind: OrgUnitKind;
  org_path: string;
  peer_group: PeerGroup;
  weight: string | null;
  lower_target: string | null;
  upper_target: string | null;
  target: string | null;
  lead_override: string | null;
  lead_id: string;
  lead_name: string;
  lead_path: string;
  version: number;
  created_at: string;
  updated_at: string;
};

const itemColumns = sql`a.id, a.plan_id, p.status AS plan_status, a.plan_unit_id, a.indicator_id, i.sort_order, a.org_unit_id, o.name AS org_name,
  o.kind AS org_kind, o.path AS org_path, u.peer_group, a.weight, a.lower_target, a.upper_target, a.target, a.lead_org_unit_id AS lead_override,
  lo.id AS lead_id, lo.name AS lead_name, lo.path AS lead_path, a.version, a.created_at::text, a.updated_at::text`;
const itemFrom = sql`targets_assignments a
  JOIN targets_indicators i ON i.id = a.indicator_id
  JOIN targets_plans p ON p.id = a.plan_id
  JOIN targets_plan_units u ON u.id = a.plan_unit_id
  JOIN org_units o ON o.id = a.org_unit_id
  JOIN org_units lo ON lo.id = ${leadColumn}`;

/** Definitions are read once per indicator (an item row would repeat its indicator's jsonb for every unit). */
async function definitionsOf(db: Db, rows: ItemRow[]): Promise<Map<string, IndicatorDefinition>> {
  const ids = [...new Set(rows.map((r) => r.indicator_id))];
  if (ids.length === 0) return new Map();
  const defs = await queryRows<{ id: string; definition: unknown }>(db, sql`SELECT id, definition FROM targets_indicators WHERE id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
  return new Map(defs.map((d) => [d.id, jsonValue<IndicatorDefinition>(d.definition)]));
}

async function toItems(db: Db, rows: ItemRow[]): Promise<ItemRecord[]> {
  const definitions = await definitionsOf(db, rows);
  return rows.map((r) => toItem(r, definitions.get(r.indicator_id) as IndicatorDefinition));
}

function toItem(r: ItemRow, definition: IndicatorDefinition): ItemRecord {
  return {
    id: r.id,
    planId: r.plan_id,
    planStatus: r.plan_status,
    planUnitId: r.plan_unit_id,
    indicatorId: r.indicator_id,
    indicatorSortOrder: r.sort_order,
    definition,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_name,
    orgUnitKind: r.org_kind,
    orgPath: r.org_path,
    peerGroup: r.peer_group,
    overrides: { weight: r.weight, lower: r.lower_target, upper: r.upper_target, target: r.target, leadOrgUnitId: r.lead_override },
    leadOrgUnitId: r.lead_id,
    leadOrgUnitName: r.lead_name,
    leadPath: r.lead_path,
    version: r.version,
    createdAt: toIsoTimestamp(r.created_at),
    updatedAt: toIsoTimestamp(r.updated_at),
  };
}

export async function findItem(db: Db, id: string, viewer?: Viewer): Promise<ItemRecord | null> {
  const row = await queryOne<ItemRow>(db, sql`SELECT ${itemColumns} FROM ${itemFrom} WHERE a.id = ${id} AND ${viewer ? itemVisible(viewer) : sql`true`}`);
  return row ? ((await toItems(db, [row]))[0] ?? null) : null;
}

export async function findItemByKeys(db: Db, indicatorId: string, orgUnitId: string): Promise<ItemRecord | null> {
  const row = await queryOne<ItemRow>(db, sql`SELECT ${itemColumns} FROM ${itemFrom} WHERE a.indicator_id = ${indicatorId} AND a.org_unit_id = ${orgUnitId}`);
  return row ? ((await toItems(db, [row]))[0] ?? null) : null;
}

/** Every item of a plan matching `where` (items of one unit, one indicator…), in plan order. */
export async function selectItems(db: Db, planId: string, where: SQL = sql`true`, options: { limit?: number; offset?: number; sort?: ListAssignmentsQuery['sort'] } = {}): Promise<ItemRecord[]> {
  const order = options.sort === 'unit' ? sql`u.peer_group, o.sort_order, o.name, i.sort_order, i.code` : sql`i.sort_order, i.code, u.peer_group, o.sort_order, o.name`;
  const page = options.limit !== undefined ? sql`LIMIT ${options.limit} OFFSET ${options.offset ?? 0}` : sql``;
  const rows = await queryRows<ItemRow>(db, sql`SELECT ${itemColumns} FROM ${itemFrom} WHERE a.plan_id = ${planId} AND ${where} ORDER BY ${order} ${page}`);
  return toItems(db, rows);
}

export async function countItems(db: Db, planId: string, where: SQL): Promise<number> {
  return (await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${itemFrom} WHERE a.plan_id = ${planId} AND ${where}`))?.n ?? 0;
}

export function itemListFilters(query: Partial<Pick<ListAssignmentsQuery, 'q' | 'orgUnitId' | 'indicatorId' | 'peerGroup' | 'leadOrgUnitId'>>, viewer: Viewer | null): SQL {
  const parts: SQL[] = [viewer ? itemVisible(viewer) : sql`true`];
  if (query.orgUnitId) parts.push(sql`a.org_unit_id = ${query.orgUnitId}`);
  if (query.indicatorId) parts.push(sql`a.indicator_id = ${query.indicatorId}`);
  if (query.peerGroup) parts.push(sql`u.peer_group = ${query.peerGroup}`);
  if (query.leadOrgUnitId) parts.push(sql`${leadColumn} = ${query.leadOrgUnitId}`);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    parts.push(sql`(i.code ILIKE ${like} OR i.name ILIKE ${like} OR o.name ILIKE ${like})`);
  }
  return sql.join(parts, sql` AND `);
}

export type AssignmentValues = { weight: string | null; lower: string | null; upper: string | null; target: string | null; leadOrgUnitId: string | null };

export async function insertAssignment(db: Db, a: { id: string; planId: string; indicatorId: string; planUnitId: string; orgUnitId: string } & AssignmentValues): Promise<void> {
  await db.execute(
    sql`INSERT INTO targets_assignments (id, plan_id, indicator_id, plan_unit_id, org_unit_id, weight, lower_target, upper_target, target, lead_org_unit_id)
        VALUES (${a.id}, ${a.planId}, ${a.indicatorId}, ${a.planUnitId}, ${a.orgUnitId}, ${a.weight}, ${a.lower}, ${a.upper}, ${a.target}, ${a.leadOrgUnitId})`,
  );
}

export async function insertAssignments(db: Db, rows: Array<{ id: string; planId: string; indicatorId: string; planUnitId: string; orgUnitId: string } & AssignmentValues>): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) {
    const values = rows
      .slice(start, start + 500)
      .map((a) => sql`(${a.id}, ${a.planId}, ${a.indicatorId}, ${a.planUnitId}, ${a.orgUnitId}, ${a.weight}, ${a.lower}, ${a.upper}, ${a.target}, ${a.leadOrgUnitId}::uuid)`);
    await db.execute(
      sql`INSERT INTO targets_assignments (id, plan_id, indicator_id, plan_unit_id, org_unit_id, weight, lower_target, upper_target, target, lead_org_unit_id)
          VALUES ${sql.join(values, sql`, `)}`,
    );
  }
}

export async function updateAssignmentRow(db: Db, id: string, version: number, values: AssignmentValues): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`UPDATE targets_assignments SET weight = ${values.weight}, lower_target = ${values.lower}, upper_target = ${values.upper}, target = ${values.target},
          lead_org_unit_id = ${values.leadOrgUnitId}, version = version + 1, updated_at = now()
        WHERE id = ${id} AND version = ${version} RETURNING id`,
  );
  return rows.length > 0;
}

export async function deleteAssignmentRow(db: Db, id: string, version: number): Promise<boolean> {
  return (await queryRows<{ id: string }>(db, sql`DELETE FROM targets_assignments WHERE id = ${id} AND version = ${version} RETURNING id`)).length > 0;
}

export async function countAssignmentActivity(db: Db, assignmentId: string): Promise<number> {
  const row = await queryOne<{ n: number }>(
    db,
    sql`SELECT ((SELECT count(*) FROM targets_progress_reports WHERE assignment_id = ${assignmentId}) +
                (SELECT count(*) FROM targets_self_evaluations WHERE assignment_id = ${assignmentId}))::int AS n`,
  );
  return row?.n ?? 0;
}
