/**
 * Reading many hazards: the list (and its Excel export with the same filters), the status board and the
 * township page. Everything is limited to what the actor may see (`hazardVisibility`).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../shared/actor';
import { invalid, notFound } from '../../../shared/errors';
import { territorialKinds } from '../../../shared/roles';
import type { Db } from '../../../platform/db/types';
import { findOrgUnit } from '../../org';
import { addCalendarDays } from './hazard-dates';
import { hazardStatuses, openHazardStatuses } from './hazard-enums';
import type { ListHazardsQuery } from './hazard-schema';
import { loadRuleEnvironment, type HazardClock } from './hazard-settings-service';
import { countHazards, countHazardsByStatus, hazardFilters, overdueCondition, selectHazards } from './hazard-query-store';
import { hazardVisibility } from './hazard-store';
import { toListItems } from './hazard-view-service';
import type { HazardBoard, HazardListItem, HazardPage, HazardStatusCounts, TownshipSummary, TownshipSummaryQuery } from './hazard-view-schema';

/** Days ahead counted as "due soon" on the board and the township page [D]. */
export const DUE_SOON_DAYS = 7;

type FilterQuery = Omit<ListHazardsQuery, 'page' | 'pageSize' | 'sort'>;

async function whereFor(db: Db, actor: Actor, query: Partial<FilterQuery>, today: string): Promise<SQL> {
  let orgPath: string | null = null;
  if (query.orgUnitId) {
    const unit = await findOrgUnit(db, query.orgUnitId);
    if (!unit) throw invalid('hazard.unknown_org_unit', '单位不存在', { field: 'orgUnitId', id: query.orgUnitId });
    orgPath = unit.path;
  }
  return hazardFilters({ ...query, orgPath }, hazardVisibility(actor), today);
}

export async function listHazards(db: Db, options: { actor: Actor; query: ListHazardsQuery; clock: HazardClock }): Promise<HazardPage> {
  const { actor, query } = options;
  const { today } = await loadRuleEnvironment(db, options.clock);
  const where = await whereFor(db, actor, query, today);
  const [total, rows] = await Promise.all([
    countHazards(db, where),
    selectHazards(db, where, { sort: query.sort, limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
  ]);
  return { items: await toListItems(db, rows, today), total, page: query.page, pageSize: query.pageSize };
}

/** Every matching hazard, page by page (the Excel export). */
export async function* iterateHazards(db: Db, options: { actor: Actor; query: ListHazardsQuery; clock: HazardClock }): AsyncGenerator<HazardListItem> {
  const { today } = await loadRuleEnvironment(db, options.clock);
  const where = await whereFor(db, options.actor, options.query, today);
  const pageSize = 1000;
  for (let offset = 0; ; offset += pageSize) {
    const rows = await selectHazards(db, where, { sort: options.query.sort, limit: pageSize, offset });
    yield* await toListItems(db, rows, today);
    if (rows.length < pageSize) return;
  }
}

async function boardFor(db: Db, where: SQL, today: string): Promise<HazardBoard> {
  const rows = await countHazardsByStatus(db, where, today, addCalendarDays(today, DUE_SOON_DAYS));
  const byStatus = Object.fromEntries(hazardStatuses.map((s) => [s, 0])) as HazardStatusCounts;
  const board: HazardBoard = { today, total: 0, byStatus, open: 0, overdue: 0, listed: 0, major: 0, extensionPending: 0, dueSoon: 0 };
  for (const r of rows) {
    byStatus[r.status] = r.n;
    board.total += r.n;
    board.overdue += r.overdue;
    board.dueSoon += r.due_soon;
    if (openHazardStatuses.includes(r.status)) {
      board.open += r.n;
      board.listed += r.listed;
      board.major += r.major;
      board.extensionPending += r.extension_pending;
    }
  }
  return board;
}

/** Counts by status (and overdue, listed, major, pending extensions, due soon) with the list's filters. */
export async function getHazardBoard(db: Db, options: { actor: Actor; query: Partial<FilterQuery>; clock: HazardClock }): Promise<HazardBoard> {
  const { today } = await loadRuleEnvironment(db, options.clock);
  const { status: _status, ...filters } = options.query;
  return boardFor(db, await whereFor(db, options.actor, filters, today), today);
}

/** The township page: the counts of a territory and its overdue and soon-due hazards. */
export async function getTownshipSummary(db: Db, options: { actor: Actor; query: TownshipSummaryQuery; clock: HazardClock }): Promise<TownshipSummary> {
  const { actor, query } = options;
  const orgUnitId = query.orgUnitId ?? actor.orgUnitId;
  if (!orgUnitId) throw invalid('hazard.org_unit_required', '请指定乡镇（街道、园区）');
  const unit = await findOrgUnit(db, orgUnitId, actor.scope);
  if (!unit) throw notFound('hazard.org_unit_not_found', '单位不存在或不在您的管辖范围内');
  if (!territorialKinds.includes(unit.kind)) {
    throw invalid('hazard.org_unit_not_territorial', '请选择乡镇、街道、园区或村（社区）', { orgUnitId, kind: unit.kind });
  }
  const { today } = await loadRuleEnvironment(db, options.clock);
  const where = hazardFilters({ orgUnitId: unit.id, orgPath: unit.path, includeSubunits: true }, hazardVisibility(actor), today);
  const dueSoonWhere = hazardFilters(
    { orgUnitId: unit.id, orgPath: unit.path, includeSubunits: true, status: ['confirmed', 'rectifying'], deadlineFrom: today, deadlineTo: addCalendarDays(today, DUE_SOON_DAYS) },
    hazardVisibility(actor),
    today,
  );
  const [board, overdueRows, dueSoonRows] = await Promise.all([
    boardFor(db, where, today),
    selectHazards(db, sql`${where} AND ${overdueCondition(today)}`, { sort: 'deadline', limit: query.limit, offset: 0 }),
    selectHazards(db, dueSoonWhere, { sort: 'deadline', limit: query.limit, offset: 0 }),
  ]);
  return {
    orgUnitId: unit.id,
    orgUnitName: unit.name,
    board,
    overdueHazards: await toListItems(db, overdueRows, today),
    dueSoonHazards: await toListItems(db, dueSoonRows, today),
  };
}
