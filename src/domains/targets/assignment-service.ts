import { sql } from 'drizzle-orm';
import type { Actor } from '../../shared/actor';
import { conflict, invalid, notFound } from '../../shared/errors';
import type { Db } from '../../platform/db/types';
import { newId } from '../../platform/ids';
import { findOrgUnit } from '../org';
import { formatTrimmed, parseDecimal, sum } from './decimal';
import { isWeightedIndicator } from './indicator-schema';
import { effectiveDefinition, peerGroupLabels, targetFigures, type ItemOverrides } from './item-rules';
import { deleteEmptyPlanUnits, findIndicator, indicatorListFilters, selectIndicators, findPlanUnit, findPlanUnitByOrg, insertPlanUnit, selectPlanUnits, updatePlanUnitRow, type PlanUnitRecord } from './indicator-store';
import {
  countAssignmentActivity,
  countItems,
  deleteAssignmentRow,
  findItem,
  findItemByKeys,
  insertAssignment,
  insertAssignments,
  itemListFilters,
  selectItems,
  updateAssignmentRow,
  type ItemRecord,
} from './item-store';
import type { AssignmentView, BulkAssignmentsInput, CreateAssignmentInput, ListAssignmentsQuery, PlanUnitView, UpdateAssignmentInput, UpdatePlanUnitInput, VersionOnlyInput } from './plan-api-schema';
import { planWarnings } from './plan-service';
import type { PlanRecord } from './plan-store';
import { peerGroupForKind } from './ranking-rules';
import { selectUnitScores } from './score-store';
import { explanationOf } from './indicator-service';
import { assertManager, getVisiblePlan, loadPlanForChange, recordPlanChange, recordPlanChanges, staleVersion, type ChangeInput, type TargetsContext } from './service-support';
import { unitVisible, viewerOf } from './visibility';
import type { PlanWarning } from './decomposition-rules';

export function toAssignmentView(item: ItemRecord): AssignmentView {
  const def = effectiveDefinition(item.definition, item.orgUnitId, item.overrides);
  return {
    id: item.id,
    planId: item.planId,
    planUnitId: item.planUnitId,
    indicatorId: item.indicatorId,
    indicatorCode: item.definition.code,
    indicatorName: item.definition.name,
    indicatorType: item.definition.type,
    category: item.definition.category ?? null,
    unitOfMeasure: item.definition.unitOfMeasure,
    sourceKind: item.definition.dataSource.kind,
    metricKey: item.definition.dataSource.kind === 'metric' ? item.definition.dataSource.metricKey : null,
    orgUnitId: item.orgUnitId,
    orgUnitName: item.orgUnitName,
    orgUnitKind: item.orgUnitKind,
    peerGroup: item.peerGroup,
    overrides: item.overrides,
    effective: targetFigures(def),
    leadOrgUnitId: item.leadOrgUnitId,
    leadOrgUnitName: item.leadOrgUnitName,
    explanation: explanationOf(def),
    version: item.version,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}

export async function listAssignments(db: Db, options: { actor: Actor; planId: string; query: ListAssignmentsQuery }): Promise<{ items: AssignmentView[]; total: number; page: number; pageSize: number }> {
  const { query } = options;
  const plan = await getVisiblePlan(db, options.actor, options.planId);
  const where = itemListFilters(query, viewerOf(options.actor));
  const [total, items] = await Promise.all([countItems(db, plan.id, where), selectItems(db, plan.id, where, { sort: query.sort, limit: query.pageSize, offset: (query.page - 1) * query.pageSize })]);
  return { items: items.map(toAssignmentView), total, page: query.page, pageSize: query.pageSize };
}

export async function getVisibleItem(db: Db, actor: Actor, id: string): Promise<ItemRecord> {
  const item = await findItem(db, id, viewerOf(actor));
  if (!item) throw notFound('targets.assignment_not_found', '考核事项不存在或您无权查看');
  return item;
}

export async function getAssignment(db: Db, options: { actor: Actor; id: string }): Promise<AssignmentView> {
  return toAssignmentView(await getVisibleItem(db, options.actor, options.id));
}

type Overrides = Pick<CreateAssignmentInput, 'weight' | 'lower' | 'upper' | 'target' | 'leadOrgUnitId'>;

function overridesOf(input: Overrides, base: ItemOverrides | null): ItemOverrides {
  const pick = <K extends keyof ItemOverrides>(key: K): ItemOverrides[K] => (input[key] === undefined ? (base?.[key] ?? null) : (input[key] ?? null));
  return { weight: pick('weight'), lower: pick('lower'), upper: pick('upper'), target: pick('target'), leadOrgUnitId: pick('leadOrgUnitId') };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function assertLead(db: Db, leadOrgUnitId: string | null): Promise<void> {
  if (!leadOrgUnitId) return;
  const lead = UUID.test(leadOrgUnitId) ? await findOrgUnit(db, leadOrgUnitId) : null;
  if (!lead || !lead.isActive || !['office', 'department', 'city', 'station'].includes(lead.kind)) {
    throw invalid('targets.unknown_lead_org_unit', '考核牵头部门不存在、已停用或不是职能部门', { leadOrgUnitId });
  }
}

/** The assessed unit of the plan for an org unit, created on first assignment (peer group from the unit's kind). */
async function ensurePlanUnit(tx: Db, plan: PlanRecord, orgUnitId: string): Promise<PlanUnitRecord> {
  const existing = await findPlanUnitByOrg(tx, plan.id, orgUnitId);
  if (existing) return existing;
  const org = await findOrgUnit(tx, orgUnitId);
  if (!org || !org.isActive) throw invalid('targets.unknown_org_unit', '被考核单位不存在或已停用', { orgUnitId });
  const peerGroup = peerGroupForKind(org.kind);
  if (!peerGroup) throw invalid('targets.unit_not_assessable', `「${org.name}」不是被考核单位（只考核部门、镇街和园区）`, { orgUnitId, kind: org.kind });
  const id = newId();
  await insertPlanUnit(tx, { id, planId: plan.id, orgUnitId, peerGroup });
  return (await findPlanUnit(tx, id)) as PlanUnitRecord;
}

async function createOne(tx: Db, ctx: TargetsContext, plan: PlanRecord, input: Omit<CreateAssignmentInput, 'reason'>, reason: string | undefined): Promise<string> {
  const indicator = await findIndicator(tx, input.indicatorId);
  if (!indicator || indicator.planId !== plan.id) throw invalid('targets.indicator_not_in_plan', '指标不属于此计划', { indicatorId: input.indicatorId });
  const overrides = overridesOf(input, null);
  effectiveDefinition(indicator.definition, input.orgUnitId, overrides);
  await assertLead(tx, overrides.leadOrgUnitId);
  const unit = await ensurePlanUnit(tx, plan, input.orgUnitId);
  if (await findItemByKeys(tx, indicator.id, input.orgUnitId)) throw conflict('targets.duplicate_assignment', `指标 ${indicator.code} 已分解给「${unit.orgUnitName}」`);
  const id = newId();
  await insertAssignment(tx, { id, planId: plan.id, indicatorId: indicator.id, planUnitId: unit.id, orgUnitId: input.orgUnitId, ...overrides });
  await recordPlanChange(tx, ctx, plan, {
    entityType: 'assignment',
    entityId: id,
    action: 'create',
    summary: `将指标 ${indicator.code} 分解给「${unit.orgUnitName}」`,
    after: { indicatorCode: indicator.code, orgUnitId: input.orgUnitId, ...overrides },
    reason,
  });
  return id;
}

async function updateOne(tx: Db, ctx: TargetsContext, plan: PlanRecord, item: ItemRecord, version: number, input: Overrides, reason: string | undefined): Promise<boolean> {
  const overrides = overridesOf(input, item.overrides);
  if (JSON.stringify(overrides) === JSON.stringify(item.overrides)) return false;
  effectiveDefinition(item.definition, item.orgUnitId, overrides);
  await assertLead(tx, overrides.leadOrgUnitId);
  if (!(await updateAssignmentRow(tx, item.id, version, overrides))) staleVersion('分解记录');
  await recordPlanChange(tx, ctx, plan, {
    entityType: 'assignment',
    entityId: item.id,
    action: 'update',
    summary: `调整「${item.orgUnitName}」的指标 ${item.definition.code} 分解`,
    before: item.overrides,
    after: overrides,
    reason,
  });
  return true;
}

export async function createAssignment(db: Db, ctx: TargetsContext & { planId: string; input: CreateAssignmentInput }): Promise<AssignmentView> {
  assertManager(ctx.actor);
  return db.transaction(async (tx) => {
    const plan = await loadPlanForChange(tx, ctx.planId);
    const { reason, ...input } = ctx.input;
    const id = await createOne(tx, ctx, plan, input, reason);
    return toAssignmentView((await findItem(tx, id)) as ItemRecord);
  });
}

export async function updateAssignment(db: Db, ctx: TargetsContext & { id: string; input: UpdateAssignmentInput }): Promise<AssignmentView> {
  assertManager(ctx.actor);
  return db.transaction(async (tx) => {
    const item = await findItem(tx, ctx.id);
    if (!item) throw notFound('targets.assignment_not_found', '考核事项不存在');
    const plan = await loadPlanForChange(tx, item.planId);
    if (item.version !== ctx.input.version) staleVersion('分解记录');
    const { version, reason, ...overrides } = ctx.input;
    await updateOne(tx, ctx, plan, item, version, overrides, reason);
    return toAssignmentView((await findItem(tx, item.id)) as ItemRecord);
  });
}

export async function deleteAssignment(db: Db, ctx: TargetsContext & { id: string; input: VersionOnlyInput }): Promise<void> {
  assertManager(ctx.actor);
  await db.transaction(async (tx) => {
    const item = await findItem(tx, ctx.id);
    if (!item) throw notFound('targets.assignment_not_found', '考核事项不存在');
    const plan = await loadPlanForChange(tx, item.planId);
    if ((await countAssignmentActivity(tx, item.id)) > 0) throw conflict('targets.assignment_in_use', '该单位已报送此事项，不能删除分解');
    if (!(await deleteAssignmentRow(tx, item.id, ctx.input.version))) staleVersion('分解记录');
    await deleteEmptyPlanUnits(tx, plan.id);
    await recordPlanChange(tx, ctx, plan, {
      entityType: 'assignment',
      entityId: item.id,
      action: 'delete',
      summary: `取消「${item.orgUnitName}」的指标 ${item.definition.code}`,
      before: { indicatorCode: item.definition.code, orgUnitId: item.orgUnitId, ...item.overrides },
      reason: ctx.input.reason,
    });
  });
}

/**
 * Saves a decomposition matrix: creates missing items and updates changed ones in one transaction
 * (one change-log entry each once the plan is published, one audit entry for the save).
 */
export async function saveAssignments(db: Db, ctx: TargetsContext & { planId: string; input: BulkAssignmentsInput }): Promise<{ created: number; updated: number; unchanged: number; warnings: PlanWarning[] }> {
  assertManager(ctx.actor);
  return db.transaction(async (tx) => {
    const plan = await loadPlanForChange(tx, ctx.planId);
    const indicators = new Map((await selectIndicators(tx, indicatorListFilters(plan.id, {}, null), { sort: 'sortOrder', limit: 1000, offset: 0 })).map((i) => [i.id, i]));
    const units = new Map((await selectPlanUnits(tx, plan.id)).map((u) => [u.orgUnitId, u]));
    const existing = new Map((await selectItems(tx, plan.id)).map((item) => [`${item.indicatorId}:${item.orgUnitId}`, item]));
    const leads = new Set<string>();
    const inserts: Parameters<typeof insertAssignments>[1] = [];
    const changes: Omit<ChangeInput, 'reason'>[] = [];
    let unchanged = 0;
    const seen = new Set<string>();
    for (const entry of ctx.input.items) {
      const key = `${entry.indicatorId}:${entry.orgUnitId}`;
      if (seen.has(key)) throw invalid('targets.duplicate_assignment', '同一指标对同一单位出现了两次', { indicatorId: entry.indicatorId, orgUnitId: entry.orgUnitId });
      seen.add(key);
      const item = existing.get(key);
      const overrides = overridesOf(entry, item?.overrides ?? null);
      if (item && JSON.stringify(overrides) === JSON.stringify(item.overrides)) {
        unchanged += 1;
        continue;
      }
      const indicator = indicators.get(entry.indicatorId);
      if (!indicator) throw invalid('targets.indicator_not_in_plan', '指标不属于此计划', { indicatorId: entry.indicatorId });
      effectiveDefinition(indicator.definition, entry.orgUnitId, overrides);
      if (overrides.leadOrgUnitId && !leads.has(overrides.leadOrgUnitId)) {
        await assertLead(tx, overrides.leadOrgUnitId);
        leads.add(overrides.leadOrgUnitId);
      }
      if (item) {
        if (!(await updateAssignmentRow(tx, item.id, item.version, overrides))) staleVersion('分解记录');
        changes.push({ entityType: 'assignment', entityId: item.id, action: 'update', summary: `调整「${item.orgUnitName}」的指标 ${indicator.code} 分解`, before: item.overrides, after: overrides });
        continue;
      }
      let unit = units.get(entry.orgUnitId);
      if (!unit) {
        unit = await ensurePlanUnit(tx, plan, entry.orgUnitId);
        units.set(entry.orgUnitId, unit);
      }
      const id = newId();
      inserts.push({ id, planId: plan.id, indicatorId: indicator.id, planUnitId: unit.id, orgUnitId: entry.orgUnitId, ...overrides });
      changes.push({ entityType: 'assignment', entityId: id, action: 'create', summary: `将指标 ${indicator.code} 分解给「${unit.orgUnitName}」`, after: { indicatorCode: indicator.code, orgUnitId: entry.orgUnitId, ...overrides } });
    }
    await insertAssignments(tx, inserts);
    const updated = changes.length - inserts.length;
    await recordPlanChanges(tx, ctx, plan, changes, ctx.input.reason, `保存目标分解：新增 ${inserts.length} 条，修改 ${updated} 条`);
    return { created: inserts.length, updated, unchanged, warnings: await planWarnings(tx, plan.id) };
  });
}

// ---- assessed units ----

export async function listPlanUnits(db: Db, options: { actor: Actor; planId: string }): Promise<PlanUnitView[]> {
  const plan = await getVisiblePlan(db, options.actor, options.planId);
  const viewer = viewerOf(options.actor);
  const units = await selectPlanUnits(db, plan.id, unitVisible(viewer, sql`u.org_unit_id`));
  const items = await selectItems(db, plan.id, itemListFilters({}, viewer));
  const scores = new Map((await selectUnitScores(db, plan.id, unitVisible(viewer, sql`s.org_unit_id`), { withItems: false })).map((s) => [s.planUnitId, s]));
  return units.map((unit) => {
    const own = items.filter((item) => item.planUnitId === unit.id).map((item) => effectiveDefinition(item.definition, item.orgUnitId, item.overrides));
    const weights = sum(own.filter(isWeightedIndicator).map((d) => parseDecimal(d.weight)));
    const score = scores.get(unit.id);
    return {
      id: unit.id,
      planId: unit.planId,
      orgUnitId: unit.orgUnitId,
      orgUnitName: unit.orgUnitName,
      orgUnitKind: unit.orgUnitKind,
      peerGroup: unit.peerGroup,
      peerGroupLabel: peerGroupLabels[unit.peerGroup].zh,
      indicatorCount: own.length,
      weightTotal: formatTrimmed(weights),
      score: score ? { total: score.total, grade: score.grade, rank: score.rank, isTied: score.isTied, vetoed: score.vetoed, computedAt: score.computedAt } : null,
      version: unit.version,
    };
  });
}

export async function updatePlanUnit(db: Db, ctx: TargetsContext & { id: string; input: UpdatePlanUnitInput }): Promise<PlanUnitView> {
  assertManager(ctx.actor);
  return db.transaction(async (tx) => {
    const unit = await findPlanUnit(tx, ctx.id);
    if (!unit) throw notFound('targets.unit_not_found', '被考核单位不存在');
    const plan = await loadPlanForChange(tx, unit.planId);
    if (!(await updatePlanUnitRow(tx, unit.id, ctx.input.version, ctx.input.peerGroup))) staleVersion('被考核单位');
    await recordPlanChange(tx, ctx, plan, {
      entityType: 'unit',
      entityId: unit.id,
      action: 'update',
      summary: `「${unit.orgUnitName}」改列${peerGroupLabels[ctx.input.peerGroup].zh}组排名`,
      before: { peerGroup: unit.peerGroup },
      after: { peerGroup: ctx.input.peerGroup },
      reason: ctx.input.reason,
    });
    const views = await listPlanUnits(tx, { actor: ctx.actor, planId: plan.id });
    return views.find((v) => v.id === unit.id) as PlanUnitView;
  });
}
