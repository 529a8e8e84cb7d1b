import { conflict, invalid, notFound } from '../../shared/errors';
import type { Db } from '../../platform/db/types';
import { newId } from '../../platform/ids';
import { recordAudit } from '../audit';
import { isWorkingDay, loadCalendar } from '../calendar';
import { checkPlan, type PlanWarning } from './decomposition-rules';
import { effectiveDefinition, targetFigures } from './item-rules';
import { insertIndicator, insertPlanUnit, selectIndicators, selectPlanUnits, indicatorListFilters } from './indicator-store';
import { insertAssignment, selectItems } from './item-store';
import { listReminderDates, listReportingPeriods } from './reporting-rules';
import { nextPlanStatus, nextPlanVersion } from './workflow-rules';
import { toDayNumber } from './local-date';
import type { CreatePlanInput, Decomposition, ListPlansQuery, PlanChange, PlanConfig, PlanSummary, PlanTransitionInput, PlanView, UpdatePlanInput, VersionOnlyInput } from './plan-api-schema';
import { defaultPlanConfig } from './plan-api-schema';
import type { PeriodView, UpdatePeriodInput } from './progress-schema';
import {
  countPlanContents,
  countPlanReports,
  countPlans,
  deletePlanRow,
  findPeriod,
  insertPlan,
  maxPlanVersion,
  planListFilters,
  replacePeriods,
  selectPeriods,
  selectPlanChanges,
  selectPlans,
  updatePeriodDeadline,
  updatePlanRow,
  type PeriodRecord,
  type PlanRecord,
} from './plan-store';
import { assertManager, getVisiblePlan, loadPlanForChange, planViewOf, recordPlanChange, staleVersion, toPlanSummary, today, type TargetsContext } from './service-support';
import { viewerOf } from './visibility';

export async function listPlans(db: Db, options: { actor: TargetsContext['actor']; query: ListPlansQuery }): Promise<{ items: PlanSummary[]; total: number; page: number; pageSize: number }> {
  const { query } = options;
  const where = planListFilters(query, viewerOf(options.actor));
  const [total, plans] = await Promise.all([countPlans(db, where), selectPlans(db, where, { sort: query.sort, limit: query.pageSize, offset: (query.page - 1) * query.pageSize })]);
  const counts = await countPlanContents(db, plans.map((p) => p.id));
  return { items: plans.map((p) => toPlanSummary(p, counts.get(p.id))), total, page: query.page, pageSize: query.pageSize };
}

export async function getPlan(db: Db, options: { actor: TargetsContext['actor']; id: string }): Promise<PlanView> {
  return planViewOf(db, await getVisiblePlan(db, options.actor, options.id));
}

function mergeConfig(base: PlanConfig, patch: Partial<PlanConfig> | undefined): PlanConfig {
  return { ...base, ...(patch ?? {}) };
}

/** JSON with object keys sorted, so two configs compare equal whatever order their keys came in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

const configSectionLabels: Record<keyof PlanConfig, string> = {
  caps: '加减分上限',
  grades: '等次划分',
  ranking: '排名与并列规则',
  reporting: '报送周期与提醒',
  pace: '序时进度',
  publicityDays: '公示天数',
};

/** The config sections whose value really differs (a section sent unchanged is not a change). */
function changedSections(before: PlanConfig, after: PlanConfig): Array<keyof PlanConfig> {
  return (Object.keys(configSectionLabels) as Array<keyof PlanConfig>).filter((key) => canonicalJson(before[key]) !== canonicalJson(after[key]));
}

/** Periods of the plan year; a working-day deadline rule uses the platform's work calendar (调休 included). */
async function periodsFor(db: Db, year: number, config: PlanConfig) {
  const rule = config.reporting.deadlineRule;
  const calendar = rule.kind === 'working_days_after_end' ? await loadCalendar(db) : null;
  const isWorkday = calendar ? (date: string) => isWorkingDay(date, calendar) : undefined;
  return listReportingPeriods(year, config.reporting.frequency, rule, isWorkday).map((p) => ({ ...p, id: newId() }));
}

export async function createPlan(db: Db, ctx: TargetsContext & { input: CreatePlanInput }): Promise<PlanView> {
  const { actor, input } = ctx;
  assertManager(actor);
  return db.transaction(async (tx) => {
    const source = input.copyFromPlanId ? await getVisiblePlan(tx, actor, input.copyFromPlanId) : null;
    const config = mergeConfig(source?.config ?? defaultPlanConfig, input.config);
    const planVersion = nextPlanVersion([await maxPlanVersion(tx, input.year)]);
    const plan = await insertPlan(tx, { id: newId(), year: input.year, planVersion, title: input.title, config, copiedFromPlanId: source?.id ?? null, createdBy: actor.userId });
    await replacePeriods(tx, plan.id, await periodsFor(tx, plan.year, config));
    if (source) await copyPlanContents(tx, source, plan);
    await recordAudit(tx, actor, {
      action: 'targets.plan.create',
      entityType: 'targets_plan',
      entityId: plan.id,
      summary: `新建${plan.year}年度考核计划第${planVersion}版「${plan.title}」${source ? `（复制自${source.year}年度第${source.planVersion}版）` : ''}`,
      after: { year: plan.year, planVersion, title: plan.title, copiedFromPlanId: source?.id ?? null },
    });
    return planViewOf(tx, plan);
  });
}

/** Copies indicators, units and assignments (not reports or scores) into a new draft. */
async function copyPlanContents(tx: Db, source: PlanRecord, target: PlanRecord): Promise<void> {
  const indicators = await selectIndicators(tx, indicatorListFilters(source.id, {}, null), { sort: 'sortOrder', limit: 1000, offset: 0 });
  const indicatorIds = new Map<string, string>();
  for (const indicator of indicators) {
    const id = newId();
    indicatorIds.set(indicator.id, id);
    await insertIndicator(tx, { id, planId: target.id, definition: indicator.definition, sortOrder: indicator.sortOrder });
  }
  const unitIds = new Map<string, string>();
  for (const unit of await selectPlanUnits(tx, source.id)) {
    const id = newId();
    unitIds.set(unit.id, id);
    await insertPlanUnit(tx, { id, planId: target.id, orgUnitId: unit.orgUnitId, peerGroup: unit.peerGroup });
  }
  for (const item of await selectItems(tx, source.id)) {
    await insertAssignment(tx, {
      id: newId(),
      planId: target.id,
      indicatorId: indicatorIds.get(item.indicatorId) as string,
      planUnitId: unitIds.get(item.planUnitId) as string,
      orgUnitId: item.orgUnitId,
      ...item.overrides,
    });
  }
}

export async function updatePlan(db: Db, ctx: TargetsContext & { id: string; input: UpdatePlanInput }): Promise<PlanView> {
  const { actor, input } = ctx;
  assertManager(actor);
  return db.transaction(async (tx) => {
    const plan = await loadPlanForChange(tx, ctx.id);
    if (plan.version !== input.version) staleVersion('计划');
    const config = mergeConfig(plan.config, input.config);
    const sections = changedSections(plan.config, config);
    // Only the frequency and the deadline rule shape the periods; reminder days are read when reminding.
    const periodsChanged =
      canonicalJson([config.reporting.frequency, config.reporting.deadlineRule]) !== canonicalJson([plan.config.reporting.frequency, plan.config.reporting.deadlineRule]);
    if (periodsChanged && (await countPlanReports(tx, plan.id)) > 0) {
      throw conflict('targets.reporting_in_use', '已有单位报送进度，不能再更改报送周期或截止规则（可逐期调整截止日）');
    }
    const updated = await updatePlanRow(tx, plan.id, input.version, { title: input.title, config: sections.length > 0 ? config : undefined });
    if (!updated) staleVersion('计划');
    if (periodsChanged) await replacePeriods(tx, plan.id, await periodsFor(tx, plan.year, config));
    await recordPlanChange(tx, ctx, updated, {
      entityType: 'plan',
      entityId: plan.id,
      action: 'update',
      summary: `修改计划${input.title && input.title !== plan.title ? `标题为「${input.title}」` : ''}${sections.length > 0 ? `配置（${sections.map((k) => configSectionLabels[k]).join('、')}）` : ''}`,
      before: { title: plan.title, config: plan.config },
      after: { title: updated.title, config: updated.config },
      reason: input.reason,
    });
    return planViewOf(tx, updated);
  });
}

export async function deletePlan(db: Db, ctx: TargetsContext & { id: string; input: VersionOnlyInput }): Promise<void> {
  assertManager(ctx.actor);
  await db.transaction(async (tx) => {
    const plan = await loadPlanForChange(tx, ctx.id);
    if (plan.status !== 'draft') throw conflict('targets.plan_not_draft', '只能删除草稿计划；已发布的计划请关闭');
    if (!(await deletePlanRow(tx, plan.id, ctx.input.version))) staleVersion('计划');
    await recordAudit(tx, ctx.actor, { action: 'targets.plan.delete', entityType: 'targets_plan', entityId: plan.id, summary: `删除草稿计划「${plan.title}」`, before: { year: plan.year, planVersion: plan.planVersion, title: plan.title } });
  });
}

/** Publish (the office only; warnings are returned, not blocking) or close a plan. */
export async function transitionPlan(db: Db, ctx: TargetsContext & { id: string; input: PlanTransitionInput }): Promise<{ plan: PlanView; warnings: PlanWarning[] }> {
  const { actor, input } = ctx;
  assertManager(actor);
  return db.transaction(async (tx) => {
    const plan = await loadPlanForChange(tx, ctx.id);
    if (plan.version !== input.version) staleVersion('计划');
    const status = nextPlanStatus(plan.status, input.action);
    let warnings: PlanWarning[] = [];
    if (input.action === 'publish') {
      const items = await selectItems(tx, plan.id);
      if (items.length === 0) throw conflict('targets.plan_empty', '计划还没有分解到任何单位，不能发布');
      warnings = await planWarnings(tx, plan.id);
    }
    const updated = await updatePlanRow(tx, plan.id, input.version, input.action === 'publish' ? { status, publishedAt: ctx.now, publishedBy: actor.userId } : { status, closedAt: ctx.now, closedBy: actor.userId });
    if (!updated) staleVersion('计划');
    await recordAudit(tx, actor, {
      action: `targets.plan.${input.action}`,
      entityType: 'targets_plan',
      entityId: plan.id,
      summary: `${input.action === 'publish' ? '发布' : '关闭'}${plan.year}年度考核计划「${plan.title}」${warnings.length > 0 ? `（${warnings.filter((w) => w.severity === 'warning').length} 条分解提示）` : ''}`,
      before: { status: plan.status },
      after: { status, warnings: warnings.map((w) => w.code) },
    });
    return { plan: await planViewOf(tx, updated), warnings };
  });
}

/** Decomposition warnings with unit names instead of ids. */
export async function planWarnings(db: Db, planId: string): Promise<PlanWarning[]> {
  const items = await selectItems(db, planId);
  const indicators = await selectIndicators(db, indicatorListFilters(planId, {}, null), { sort: 'sortOrder', limit: 1000, offset: 0 });
  const assignments = items.map((item) => ({
    indicatorCode: item.definition.code,
    orgUnitId: item.orgUnitId,
    ...(item.overrides.weight !== null ? { weight: item.overrides.weight } : {}),
    ...(item.overrides.lower !== null ? { lower: item.overrides.lower } : {}),
    ...(item.overrides.upper !== null ? { upper: item.overrides.upper } : {}),
    ...(item.overrides.target !== null ? { target: item.overrides.target } : {}),
  }));
  const names = new Map(items.map((item) => [item.orgUnitId, item.orgUnitName]));
  return checkPlan({ indicators: indicators.map((i) => i.definition), assignments }).map((w) => ({
    ...w,
    message: [...names].reduce((text, [id, name]) => text.replaceAll(`单位 ${id}`, `「${name}」`), w.message),
  }));
}

export async function listPlanChanges(db: Db, options: { actor: TargetsContext['actor']; id: string; page: number; pageSize: number }): Promise<{ items: PlanChange[]; total: number; page: number; pageSize: number }> {
  const plan = await getVisiblePlan(db, options.actor, options.id);
  const { items, total } = await selectPlanChanges(db, plan.id, { limit: options.pageSize, offset: (options.page - 1) * options.pageSize });
  return { items, total, page: options.page, pageSize: options.pageSize };
}

export async function getDecomposition(db: Db, options: { actor: TargetsContext['actor']; id: string }): Promise<Decomposition> {
  assertManager(options.actor);
  const plan = await getVisiblePlan(db, options.actor, options.id);
  const [indicators, units, items, warnings] = await Promise.all([
    selectIndicators(db, indicatorListFilters(plan.id, {}, null), { sort: 'sortOrder', limit: 1000, offset: 0 }),
    selectPlanUnits(db, plan.id),
    selectItems(db, plan.id),
    planWarnings(db, plan.id),
  ]);
  const weightTotals = new Map<string, number>();
  const cells = items.map((item) => {
    const effective = targetFigures(effectiveDefinition(item.definition, item.orgUnitId, item.overrides));
    if (effective.weight !== null) weightTotals.set(item.planUnitId, (weightTotals.get(item.planUnitId) ?? 0) + Number(effective.weight));
    return { assignmentId: item.id, indicatorId: item.indicatorId, planUnitId: item.planUnitId, effective, version: item.version };
  });
  return {
    planId: plan.id,
    indicators: indicators.map((i) => ({ id: i.id, code: i.code, name: i.name, type: i.type, weight: i.weight, unitOfMeasure: i.definition.unitOfMeasure, cityTargets: targetFigures(i.definition) })),
    units: units.map((u) => ({ planUnitId: u.id, orgUnitId: u.orgUnitId, name: u.orgUnitName, peerGroup: u.peerGroup, weightTotal: String(Math.round((weightTotals.get(u.id) ?? 0) * 10_000) / 10_000) })),
    cells,
    warnings,
  };
}

// ---- reporting periods ----

function periodState(period: PeriodRecord, day: string): PeriodView['state'] {
  const d = toDayNumber(day);
  if (d < toDayNumber(period.startsOn)) return 'upcoming';
  if (d <= toDayNumber(period.endsOn)) return 'open';
  if (d <= toDayNumber(period.deadline)) return 'due';
  return 'closed';
}

export function toPeriodView(period: PeriodRecord, config: PlanConfig, day: string): PeriodView {
  return {
    id: period.id,
    planId: period.planId,
    key: period.key,
    label: period.label,
    startsOn: period.startsOn,
    endsOn: period.endsOn,
    deadline: period.deadline,
    reminderDates: listReminderDates(period.deadline, config.reporting.reminderDaysBefore),
    state: periodState(period, day),
    version: period.version,
  };
}

export async function listPeriods(db: Db, ctx: TargetsContext & { planId: string }): Promise<PeriodView[]> {
  const plan = await getVisiblePlan(db, ctx.actor, ctx.planId);
  const day = today(ctx);
  return (await selectPeriods(db, plan.id)).map((p) => toPeriodView(p, plan.config, day));
}

/** Moves one period's deadline (e.g. for a holiday); logged once the plan is published. */
export async function updatePeriod(db: Db, ctx: TargetsContext & { id: string; input: UpdatePeriodInput }): Promise<PeriodView> {
  assertManager(ctx.actor);
  return db.transaction(async (tx) => {
    const period = await findPeriod(tx, ctx.id);
    if (!period) throw notFound('targets.period_not_found', '报送期不存在');
    const plan = await loadPlanForChange(tx, period.planId);
    if (toDayNumber(ctx.input.deadline) < toDayNumber(period.endsOn)) throw invalid('targets.deadline_before_period_end', '截止日不能早于报送期结束日');
    const updated = await updatePeriodDeadline(tx, period.id, ctx.input.version, ctx.input.deadline);
    if (!updated) staleVersion('报送期');
    await recordPlanChange(tx, ctx, plan, {
      entityType: 'period',
      entityId: period.id,
      action: 'update',
      summary: `${period.label}报送截止日 ${period.deadline} → ${updated.deadline}`,
      before: { deadline: period.deadline },
      after: { deadline: updated.deadline },
      reason: ctx.input.reason,
    });
    return toPeriodView(updated, plan.config, today(ctx));
  });
}
