import type { Db } from '../../platform/db/types';
import type { MetricRegistry } from '../../platform/metrics';
import { recordAudit } from '../audit';
import { conflict, notFound } from '../../shared/errors';
import { getVisibleItem } from './assignment-service';
import { insertMetricValues, selectMetricValues, type NewMetricValue } from './evaluation-store';
import { paceOf, yearShare, yearSharePercent } from './evaluation-engine';
import { describeActual, metricValueToActual } from './item-rules';
import { itemListFilters, selectItems } from './item-store';
import type { PeerGroup } from './plan-schema';
import type { ItemValues, ProgressBoard } from './progress-schema';
import { reportListFilters, selectProgressReports } from './progress-store';
import { toReportViews } from './progress-service';
import { defaultAsOf } from './scoring-service';
import { getVisiblePlan, today, type TargetsContext } from './service-support';
import { metricProvenance, resolveItems, snapshotOf, snapshotProvenance } from './value-service';
import { viewerOf } from './visibility';

/** Units × indicators with value, expected value and pace light (metric-bound items computed live). */
export async function getProgressBoard(db: Db, ctx: TargetsContext & { planId: string; registry: MetricRegistry; asOf?: string; peerGroup?: PeerGroup; indicatorId?: string }): Promise<ProgressBoard> {
  const plan = await getVisiblePlan(db, ctx.actor, ctx.planId);
  const asOf = ctx.asOf ?? defaultAsOf(plan, today(ctx));
  const items = await selectItems(db, plan.id, itemListFilters({ ...(ctx.peerGroup ? { peerGroup: ctx.peerGroup } : {}), ...(ctx.indicatorId ? { indicatorId: ctx.indicatorId } : {}) }, viewerOf(ctx.actor)));
  const { resolved } = await resolveItems(db, { plan, items, registry: ctx.registry, asOf, now: ctx.now });
  const indicators = new Map<string, ProgressBoard['indicators'][number]>();
  const units = new Map<string, ProgressBoard['units'][number]>();
  const share = yearShare(plan, asOf);
  const cells = resolved.map((r) => {
    const pace = paceOf(plan, r.def, r.value.actual, asOf, share);
    if (!indicators.has(r.item.indicatorId)) {
      indicators.set(r.item.indicatorId, { id: r.item.indicatorId, code: r.def.code, name: r.def.name, type: r.def.type, unitOfMeasure: r.def.unitOfMeasure, sourceKind: r.def.dataSource.kind });
    }
    const unit = units.get(r.item.planUnitId) ?? { planUnitId: r.item.planUnitId, orgUnitId: r.item.orgUnitId, name: r.item.orgUnitName, peerGroup: r.item.peerGroup, green: 0, yellow: 0, red: 0, none: 0 };
    unit[pace.status ?? 'none'] += 1;
    units.set(r.item.planUnitId, unit);
    return { assignmentId: r.item.id, indicatorId: r.item.indicatorId, planUnitId: r.item.planUnitId, value: pace.actual, valueText: r.value.text, source: r.value.source, pace };
  });
  return { planId: plan.id, asOf, sharePercent: yearSharePercent(plan, asOf), indicators: [...indicators.values()], units: [...units.values()], cells };
}

/** Drill-down of one item's value: the live value with provenance, stored snapshots and the reports behind it. */
export async function getItemValues(db: Db, ctx: TargetsContext & { id: string; registry: MetricRegistry; asOf?: string }): Promise<ItemValues> {
  const item = await getVisibleItem(db, ctx.actor, ctx.id);
  const plan = await getVisiblePlan(db, ctx.actor, item.planId);
  const asOf = ctx.asOf ?? defaultAsOf(plan, today(ctx));
  const { resolved } = await resolveItems(db, { plan, items: [item], registry: ctx.registry, asOf, now: ctx.now });
  const current = resolved[0];
  if (!current) throw notFound('targets.assignment_not_found', '考核事项不存在');
  const liveActual = current.metric ? metricValueToActual(current.def, current.metric.value?.value ?? null) : null;
  const live = current.metric
    ? { actual: liveActual, text: describeActual(current.def, liveActual), source: 'metric' as const, live: true, provenance: metricProvenance(current.metric) }
    : null;
  const snapshots = await selectMetricValues(db, item.id, 50);
  const reports = await selectProgressReports(db, reportListFilters(plan.id, { assignmentId: item.id }, viewerOf(ctx.actor)), { limit: 24, offset: 0 });
  return {
    assignmentId: item.id,
    asOf,
    current: current.value,
    live,
    snapshots: snapshots.map((s) => ({
      id: s.id,
      value: s.value,
      purpose: s.purpose,
      computedAt: s.computedAt,
      provenance: snapshotProvenance(s),
      changedSince: current.metric ? (current.metric.value?.value ?? null) !== s.value : false,
    })),
    reports: await toReportViews(db, ctx.actor, reports, today(ctx), ctx.timeZone),
  };
}

/** Freezes the current values of every metric-bound item of a plan (e.g. at a month's end). */
export async function snapshotMetricValues(db: Db, ctx: TargetsContext & { planId: string; registry: MetricRegistry; asOf?: string }): Promise<{ stored: number; asOf: string }> {
  const plan = await getVisiblePlan(db, ctx.actor, ctx.planId);
  if (plan.status === 'draft') throw conflict('targets.plan_not_published', '草稿计划不保存指标快照');
  const asOf = ctx.asOf ?? defaultAsOf(plan, today(ctx));
  const items = (await selectItems(db, plan.id)).filter((i) => i.definition.dataSource.kind === 'metric');
  const { resolved } = await resolveItems(db, { plan, items, registry: ctx.registry, asOf, now: ctx.now });
  const byRequest = new Map<string, NewMetricValue>();
  for (const r of resolved) {
    if (!r.metric) continue;
    let snapshot = byRequest.get(r.metric.request.key);
    if (!snapshot) {
      snapshot = snapshotOf(r.metric, { planId: plan.id, purpose: 'snapshot', now: ctx.now, createdBy: ctx.actor.userId });
      byRequest.set(r.metric.request.key, snapshot);
    }
    snapshot.assignmentIds.push(r.item.id);
  }
  const values = [...byRequest.values()];
  await db.transaction(async (tx) => {
    await insertMetricValues(tx, values);
    await recordAudit(tx, ctx.actor, { action: 'targets.metric_values.snapshot', entityType: 'targets_plan', entityId: plan.id, summary: `保存${plan.year}年度计划平台指标快照 ${values.length} 条（截至 ${asOf}）`, after: { asOf, count: values.length } });
  });
  return { stored: values.length, asOf };
}
