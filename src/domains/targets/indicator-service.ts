import type { Actor } from '../../shared/actor';
import { conflict, invalid, notFound } from '../../shared/errors';
import type { Db } from '../../platform/db/types';
import { newId } from '../../platform/ids';
import type { MetricRegistry } from '../../platform/metrics';
import { findOrgUnit } from '../org';
import { explainIndicator } from './explain-rules';
import { indicatorDefinitionSchema, indicatorTypes, isWeightedIndicator, type IndicatorDefinition, type IndicatorType } from './indicator-schema';
import { acceptedActualTypes, indicatorTypeLabels, supportsMetricBinding } from './item-rules';
import type { CreateIndicatorInput, IndicatorView, ListIndicatorsQuery, UpdateIndicatorInput, VersionOnlyInput } from './plan-api-schema';
import {
  countIndicatorActivity,
  countIndicators,
  deleteEmptyPlanUnits,
  deleteIndicatorRow,
  findIndicator,
  indicatorListFilters,
  insertIndicator,
  selectIndicators,
  updateIndicatorRow,
  type IndicatorRecord,
} from './indicator-store';
import { assertManager, getVisiblePlan, loadPlanForChange, recordPlanChange, staleVersion, type TargetsContext } from './service-support';
import { viewerOf } from './visibility';
import { seedIndicators } from './seed-plan';
import { scoreIndicator } from './scoring-rules';

export function explanationOf(def: IndicatorDefinition): { zh: string; en: string } {
  return { zh: explainIndicator(def, 'zh'), en: explainIndicator(def, 'en') };
}

function toIndicatorView(record: IndicatorRecord, registry: MetricRegistry): IndicatorView {
  const metric = record.metricKey ? registry.find(record.metricKey) : null;
  return {
    id: record.id,
    planId: record.planId,
    code: record.code,
    name: record.name,
    type: record.type,
    typeLabel: indicatorTypeLabels[record.type].zh,
    category: record.category,
    leadOrgUnitId: record.leadOrgUnitId,
    leadOrgUnitName: record.leadOrgUnitName,
    sourceKind: record.sourceKind,
    metricKey: record.metricKey,
    metricName: metric ? metric.name.zh : null,
    weight: record.weight,
    definition: record.definition,
    explanation: explanationOf(record.definition),
    sortOrder: record.sortOrder,
    assignmentCount: record.assignmentCount,
    version: record.version,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

export async function listIndicators(db: Db, options: { actor: Actor; planId: string; query: ListIndicatorsQuery; registry: MetricRegistry }): Promise<{ items: IndicatorView[]; total: number; page: number; pageSize: number }> {
  const { query } = options;
  const plan = await getVisiblePlan(db, options.actor, options.planId);
  const where = indicatorListFilters(plan.id, query, viewerOf(options.actor));
  const [total, records] = await Promise.all([countIndicators(db, where), selectIndicators(db, where, { sort: query.sort, limit: query.pageSize, offset: (query.page - 1) * query.pageSize })]);
  return { items: records.map((r) => toIndicatorView(r, options.registry)), total, page: query.page, pageSize: query.pageSize };
}

export async function getIndicator(db: Db, options: { actor: Actor; id: string; registry: MetricRegistry }): Promise<IndicatorView> {
  const record = await findIndicator(db, options.id, viewerOf(options.actor));
  if (!record) throw notFound('targets.indicator_not_found', '指标不存在或您无权查看');
  return toIndicatorView(record, options.registry);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks that need data: a lead department that exists, a metric that is registered and fits the type. */
async function assertDefinitionUsable(db: Db, def: IndicatorDefinition, registry: MetricRegistry): Promise<void> {
  const lead = UUID.test(def.leadOrgUnitId) ? await findOrgUnit(db, def.leadOrgUnitId) : null;
  if (!lead || !lead.isActive) throw invalid('targets.unknown_lead_org_unit', '考核牵头部门不存在或已停用', { leadOrgUnitId: def.leadOrgUnitId });
  if (!['office', 'department', 'city', 'station'].includes(lead.kind)) throw invalid('targets.lead_not_department', '考核牵头部门须为质强办或职能部门');
  if (def.dataSource.kind === 'metric') {
    if (!supportsMetricBinding(def.type)) throw invalid('targets.metric_binding_unsupported', `${indicatorTypeLabels[def.type].zh}类指标不能绑定平台指标`);
    if (!registry.find(def.dataSource.metricKey)) throw invalid('targets.unknown_metric', `平台指标 ${def.dataSource.metricKey} 未注册`, { metricKey: def.dataSource.metricKey });
    if (def.dataSource.params && Object.keys(def.dataSource.params).length > 0) {
      throw invalid('targets.metric_params_unsupported', '平台指标按单位和期间计算，不接受附加参数；请选择已含所需口径的指标', { params: def.dataSource.params });
    }
    if ((def.type === 'bonus' || def.type === 'deduction') && def.levels) throw invalid('targets.metric_binding_unsupported', '按级别计分的加分、扣分项不能绑定平台指标');
  }
}

export async function createIndicator(db: Db, ctx: TargetsContext & { planId: string; input: CreateIndicatorInput; registry: MetricRegistry }): Promise<IndicatorView> {
  const { actor, input } = ctx;
  assertManager(actor);
  return db.transaction(async (tx) => {
    const plan = await loadPlanForChange(tx, ctx.planId);
    await assertDefinitionUsable(tx, input.definition, ctx.registry);
    const id = newId();
    await insertIndicator(tx, { id, planId: plan.id, definition: input.definition, sortOrder: input.sortOrder ?? 0 });
    await recordPlanChange(tx, ctx, plan, {
      entityType: 'indicator',
      entityId: id,
      action: 'create',
      summary: `新增指标 ${input.definition.code}「${input.definition.name}」`,
      after: input.definition,
      reason: input.reason,
    });
    return toIndicatorView((await findIndicator(tx, id)) as IndicatorRecord, ctx.registry);
  });
}

export async function updateIndicator(db: Db, ctx: TargetsContext & { id: string; input: UpdateIndicatorInput; registry: MetricRegistry }): Promise<IndicatorView> {
  const { actor, input } = ctx;
  assertManager(actor);
  return db.transaction(async (tx) => {
    const current = await findIndicator(tx, ctx.id);
    if (!current) throw notFound('targets.indicator_not_found', '指标不存在');
    const plan = await loadPlanForChange(tx, current.planId);
    if (current.version !== input.version) staleVersion('指标');
    const definition = input.definition ?? current.definition;
    if (definition.type !== current.type && (await countIndicatorActivity(tx, current.id)) > 0) {
      throw conflict('targets.indicator_in_use', '已有单位报送此指标，不能更改指标类型');
    }
    await assertDefinitionUsable(tx, definition, ctx.registry);
    if (!(await updateIndicatorRow(tx, current.id, input.version, definition, input.sortOrder ?? current.sortOrder))) staleVersion('指标');
    await recordPlanChange(tx, ctx, plan, {
      entityType: 'indicator',
      entityId: current.id,
      action: 'update',
      summary: `修改指标 ${current.code}「${definition.name}」`,
      before: current.definition,
      after: definition,
      reason: input.reason,
    });
    return toIndicatorView((await findIndicator(tx, current.id)) as IndicatorRecord, ctx.registry);
  });
}

export async function deleteIndicator(db: Db, ctx: TargetsContext & { id: string; input: VersionOnlyInput }): Promise<void> {
  assertManager(ctx.actor);
  await db.transaction(async (tx) => {
    const current = await findIndicator(tx, ctx.id);
    if (!current) throw notFound('targets.indicator_not_found', '指标不存在');
    const plan = await loadPlanForChange(tx, current.planId);
    if ((await countIndicatorActivity(tx, current.id)) > 0) throw conflict('targets.indicator_in_use', '已有单位报送此指标，不能删除');
    if (!(await deleteIndicatorRow(tx, current.id, ctx.input.version))) staleVersion('指标');
    await deleteEmptyPlanUnits(tx, plan.id);
    await recordPlanChange(tx, ctx, plan, {
      entityType: 'indicator',
      entityId: current.id,
      action: 'delete',
      summary: `删除指标 ${current.code}「${current.name}」`,
      before: current.definition,
      reason: ctx.input.reason,
    });
  });
}

/** Plain-language rule of an unsaved definition (the plan editor's live preview). */
export function explainDefinition(json: string): { explanation: { zh: string; en: string }; maxScore: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw invalid('targets.definition_not_json', '指标定义不是有效的 JSON');
  }
  const result = indicatorDefinitionSchema.safeParse(parsed);
  if (!result.success) {
    throw invalid('targets.invalid_definition', '指标定义不合法', { issues: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  }
  return { explanation: explanationOf(result.data), maxScore: scoreIndicator(result.data, null).maxScore };
}

const effectOf = (type: IndicatorType): 'score' | 'bonus' | 'deduction' | 'veto' => (type === 'bonus' ? 'bonus' : type === 'deduction' ? 'deduction' : type === 'veto' ? 'veto' : 'score');

/** The ten indicator types with an example from the seed plan each (for the editor's type picker). */
export function listIndicatorTypes() {
  return indicatorTypes.map((type) => {
    const seed = seedIndicators.find((s) => s.type === type);
    const { leadOrgUnitCode: _code, ...rest } = seed ?? { leadOrgUnitCode: '' };
    const example = { ...rest, leadOrgUnitId: '00000000-0000-4000-8000-000000000000' } as IndicatorDefinition;
    return {
      type,
      label: indicatorTypeLabels[type],
      effect: effectOf(type),
      supportsMetricBinding: supportsMetricBinding(type),
      actualTypes: seed ? acceptedActualTypes(example) : [],
      example,
      exampleExplanation: seed ? explanationOf(example) : { zh: '', en: '' },
      weighted: seed ? isWeightedIndicator(example) : false,
    };
  });
}

export function listMetricOptions(registry: MetricRegistry) {
  return registry.list().map((m) => ({ key: m.key, name: m.name, unit: m.unit, description: m.description, direction: m.direction }));
}
