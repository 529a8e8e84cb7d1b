import { systemActor } from '../../shared/actor';
import { localDate, startOfLocalDay } from '../../platform/clock';
import type { Db } from '../../platform/db/types';
import { newId } from '../../platform/ids';
import type { MetricRegistry } from '../../platform/metrics';
import { recordAudit } from '../audit';
import { findOrgUnitByCode } from '../org';
import { saveAssignments } from './assignment-service';
import { formatTrimmed, parseDecimal, trimDecimal } from './decimal';
import { createIndicator } from './indicator-service';
import type { IndicatorActual, IndicatorDefinition } from './indicator-schema';
import { effectiveDefinition, expectsPeriodicReport, splitInteger, supportsMetricBinding } from './item-rules';
import { selectItems, type ItemRecord } from './item-store';
import { addDays, toDayNumber } from './local-date';
import { createPlan, transitionPlan } from './plan-service';
import { selectPeriods } from './plan-store';
import { insertProgressReports, type NewReport } from './progress-store';
import { resolveSeedIndicators, seedIndicators, seedLeadOrgUnits, type SeedIndicator } from './seed-plan';

/**
 * Demo data: the current year's plan carrying the seed's targets (seed-plan.ts), published and
 * decomposed to plausible units (townships, streets and parks share the territorial counts; each
 * department carries its own indicators; every unit's weights add up to 100), with monthly progress
 * for the months already past — some units ahead, some behind, a few reports late or missing.
 * Indicators bound to a metric that the registry does not (yet) hold are reported instead.
 */
const territorialCodes = [
  'street-haimen', 'street-sanchang', 'street-binjiang',
  'town-changle', 'town-yuelai', 'town-sijia', 'town-yudong', 'town-zhengyu', 'town-baochang', 'town-linjiang',
  'park-etdz', 'park-port', 'park-dieshiqiao',
];
/** Shares of the territorial units in decomposed counts (parks and the central streets carry more). */
const territorialShares = [3, 2, 2, 3, 2, 2, 2, 2, 1, 1, 4, 2, 3];
/** Pace factor per territorial unit: > 1 ahead of 序时进度, < 1 behind (常乐镇 ahead, 悦来镇 behind). */
const territorialPace = [1.1, 0.95, 1.0, 1.25, 0.6, 1.05, 0.8, 1.0, 0.7, 1.15, 1.2, 0.9, 1.0];

const territorialIndicators: Array<[code: string, weight: string]> = [
  ['T01', '12.5'], ['T10', '15'], ['T15', '10'], ['T18', '7.5'], ['T19', '7.5'], ['T21', '12.5'], ['T22', '12.5'], ['T25', '5'], ['T26', '10'], ['T27', '7.5'],
];
const territorialExtras = ['B01', 'D01', 'D03', 'V01'];

/** Department → its weighted indicators (weights scaled to 100) and extra items. */
const departmentPlan: Array<{ code: string; indicators: string[]; extras: string[]; pace: number }> = [
  { code: 'dept-sci', indicators: ['T02', 'T03', 'T08', 'T09', 'T13'], extras: ['D03', 'V01'], pace: 1.1 },
  { code: 'dept-amr', indicators: ['T11', 'T12', 'T14', 'T16', 'T17', 'T20'], extras: ['B02', 'D02', 'D03', 'V01', 'V02'], pace: 1.0 },
  { code: 'dept-housing', indicators: ['T06', 'T07'], extras: ['D03', 'V01'], pace: 0.75 },
  { code: 'dept-env', indicators: ['T23'], extras: ['D03', 'V01'], pace: 1.0 },
  { code: 'dept-commerce', indicators: ['T24'], extras: ['D03', 'V01'], pace: 0.9 },
  { code: 'dept-industry', indicators: ['T04', 'T05'], extras: ['D03', 'V01'], pace: 1.0 },
];

export type TargetsDemoOptions = { registry: MetricRegistry; now: Date; timeZone: string; size: 'full' | 'small'; log?: (message: string) => void };

async function idsByCode(db: Db, codes: string[]): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const code of codes) {
    const unit = await findOrgUnitByCode(db, code);
    if (unit) result[code] = unit.id;
  }
  return result;
}

/** Keeps bindings whose metric exists and fits the type; the others become reported indicators. */
function bindAvailableMetrics(seeds: readonly SeedIndicator[], registry: MetricRegistry): { seeds: SeedIndicator[]; skipped: string[] } {
  const skipped: string[] = [];
  const result = seeds.map((seed) => {
    if (seed.dataSource.kind !== 'metric') return seed;
    // The registry computes a metric for a scope and a period only; a binding that needs parameters
    // (e.g. "new in year" of a stock count) would measure something else, so it is reported instead.
    const usable = registry.find(seed.dataSource.metricKey) && !seed.dataSource.params && supportsMetricBinding(seed.type) && !('levels' in seed && seed.levels);
    if (usable) return { ...seed, dataSource: { kind: 'metric' as const, metricKey: seed.dataSource.metricKey } };
    skipped.push(`${seed.code}→${seed.dataSource.metricKey}${seed.dataSource.params ? `(${Object.entries(seed.dataSource.params).map(([k, v]) => `${k}=${v}`).join(',')})` : ''}`);
    return { ...seed, dataSource: { kind: 'reported' as const } } as SeedIndicator;
  });
  return { seeds: result, skipped };
}

function decomposedOverrides(def: IndicatorDefinition, index: number): { lower?: string; upper?: string; target?: string } {
  if (def.type === 'count_range') {
    const lowers = splitInteger(Number(def.lower), territorialShares);
    const uppers = splitInteger(Number(def.upper), territorialShares);
    const lower = lowers[index] ?? 0;
    return { lower: String(lower), upper: String(Math.max(lower, uppers[index] ?? 0)) };
  }
  if (def.type === 'count_target') return { target: String(splitInteger(Number(def.target), territorialShares)[index] ?? 0) };
  return {};
}

function ownTargets(def: IndicatorDefinition): { lower?: string; upper?: string; target?: string } {
  if (def.type === 'count_range') return { lower: def.lower, upper: def.upper };
  if (def.type === 'count_target') return { target: def.target };
  return {};
}

/** The cumulative value a unit reports by the end of month `m` (deterministic). */
function demoActual(def: IndicatorDefinition, month: number, pace: number, salt: number): IndicatorActual | null {
  const share = month / 12;
  switch (def.type) {
    case 'count_range':
    case 'count_target': {
      const target = Number(def.type === 'count_range' ? def.lower : def.target);
      return { type: 'number', value: String(Math.max(0, Math.round(target * share * pace + ((salt % 3) - 1) * 0.3))) };
    }
    case 'rate_threshold': {
      const threshold = Number(def.threshold);
      const value = Math.min(100, threshold + (pace - 1) * 10 + (salt % 2) * 0.3);
      return { type: 'number', value: formatTrimmed(parseDecimal(value.toFixed(2))) };
    }
    case 'base_slope':
      return { type: 'number', value: trimDecimal((Number(def.target) + (pace - 1) * 8).toFixed(2)) };
    case 'task':
      return { type: 'task', status: month >= 4 && pace >= 1 ? 'done' : month >= 2 ? 'partial' : 'not_done' };
    case 'checklist': {
      const done = Math.min(def.items.length, Math.floor((month / 3) * pace));
      return { type: 'checklist', doneItemCodes: def.items.slice(0, done).map((i) => i.code) };
    }
    case 'rank':
      return { type: 'number', value: String(Math.max(0, Math.round(month * 0.4 * pace * (1 + (salt % 4) / 4)))) };
    default:
      return null;
  }
}

export async function seedTargetsDemo(db: Db, options: TargetsDemoOptions): Promise<{ planId: string; indicators: number; assignments: number; reports: number }> {
  const log = options.log ?? (() => undefined);
  const actor = systemActor('seed-demo');
  const ctx = { actor, now: options.now, timeZone: options.timeZone };
  const today = localDate(options.now, options.timeZone);
  const year = Number(today.slice(0, 4));
  const orgIds = await idsByCode(db, [...Object.keys(seedLeadOrgUnits), ...territorialCodes, ...departmentPlan.map((d) => d.code)]);
  const { seeds, skipped } = bindAvailableMetrics(seedIndicators, options.registry);
  if (skipped.length > 0) log(`targets: metric bindings skipped (metric not registered, or needs parameters the registry cannot take): ${skipped.join(', ')}`);
  const definitions = resolveSeedIndicators(seeds, orgIds);

  const plan = await createPlan(db, { ...ctx, input: { year, title: `${year}年度质量强市工作目标任务` } });
  const indicatorIds = new Map<string, string>();
  for (const [i, definition] of definitions.entries()) {
    const created = await createIndicator(db, { ...ctx, planId: plan.id, input: { definition, sortOrder: (i + 1) * 10 }, registry: options.registry });
    indicatorIds.set(definition.code, created.id);
  }
  const byCode = new Map(definitions.map((d) => [d.code, d]));

  const items: Array<{ indicatorId: string; orgUnitId: string; weight?: string; lower?: string; upper?: string; target?: string }> = [];
  territorialCodes.forEach((code, index) => {
    const orgUnitId = orgIds[code];
    if (!orgUnitId) return;
    for (const [indicatorCode, weight] of territorialIndicators) {
      items.push({ indicatorId: indicatorIds.get(indicatorCode) as string, orgUnitId, weight, ...decomposedOverrides(byCode.get(indicatorCode) as IndicatorDefinition, index) });
    }
    for (const extra of territorialExtras) items.push({ indicatorId: indicatorIds.get(extra) as string, orgUnitId });
  });
  for (const dept of departmentPlan) {
    const orgUnitId = orgIds[dept.code];
    if (!orgUnitId) continue;
    const defs = dept.indicators.map((c) => byCode.get(c) as IndicatorDefinition);
    const weights = splitInteger(100, defs.map((d) => ('weight' in d ? Number(d.weight) : 0)));
    defs.forEach((def, i) => items.push({ indicatorId: indicatorIds.get(def.code) as string, orgUnitId, weight: String(weights[i]), ...ownTargets(def) }));
    for (const extra of dept.extras) items.push({ indicatorId: indicatorIds.get(extra) as string, orgUnitId });
  }
  const saved = await saveAssignments(db, { ...ctx, planId: plan.id, input: { items } });
  const published = await transitionPlan(db, { ...ctx, id: plan.id, input: { action: 'publish', version: plan.version } });
  log(`targets: plan ${year} published with ${definitions.length} indicators, ${saved.created} assignments, ${published.warnings.filter((w) => w.severity === 'warning').length} decomposition warnings`);

  const reports = await seedProgress(db, { planId: plan.id, today, now: options.now, timeZone: options.timeZone });
  log(`targets: ${reports} monthly progress reports (some units ahead, some behind, a few late or missing)`);
  return { planId: plan.id, indicators: definitions.length, assignments: saved.created, reports };
}

function paceOfUnit(item: ItemRecord, deptPace: Map<string, number>, orgCodes: Map<string, string>): number {
  const code = orgCodes.get(item.orgUnitId) ?? '';
  const index = territorialCodes.indexOf(code);
  if (index >= 0) return territorialPace[index] ?? 1;
  return deptPace.get(code) ?? 1;
}

async function seedProgress(db: Db, options: { planId: string; today: string; now: Date; timeZone: string }): Promise<number> {
  const items = (await selectItems(db, options.planId)).filter((i) => expectsPeriodicReport(i.definition));
  const periods = (await selectPeriods(db, options.planId)).filter((p) => toDayNumber(p.endsOn) < toDayNumber(options.today));
  const orgCodes = new Map<string, string>();
  for (const code of [...territorialCodes, ...departmentPlan.map((d) => d.code)]) {
    const unit = await findOrgUnitByCode(db, code);
    if (unit) orgCodes.set(unit.id, code);
  }
  const deptPace = new Map(departmentPlan.map((d) => [d.code, d.pace]));
  const dayStarts = new Map<string, number>();
  const dayStart = (day: string) => {
    if (!dayStarts.has(day)) dayStarts.set(day, startOfLocalDay(day, options.timeZone).getTime());
    return dayStarts.get(day) as number;
  };
  const reports: NewReport[] = [];
  items.forEach((item, itemIndex) => {
    const def = effectiveDefinition(item.definition, item.orgUnitId, item.overrides);
    const pace = paceOfUnit(item, deptPace, orgCodes);
    periods.forEach((period, monthIndex) => {
      const month = monthIndex + 1;
      const last = monthIndex === periods.length - 1;
      const behind = pace < 0.85;
      // Behind units skip the latest month (missing) and report some months late.
      if (behind && last) return;
      if (last && toDayNumber(options.today) <= toDayNumber(period.deadline) && pace < 1) return;
      const lateDays = behind && month % 3 === 0 ? 4 : 0;
      const submittedOn = addDays(period.deadline, lateDays > 0 ? lateDays : -((itemIndex + month) % 4));
      if (toDayNumber(submittedOn) > toDayNumber(options.today)) return;
      const actual = demoActual(def, month, pace, itemIndex + month);
      if (!actual) return;
      const submittedAt = new Date(dayStart(submittedOn) + (9 + (itemIndex % 8)) * 3_600_000);
      reports.push({
        id: newId(),
        planId: options.planId,
        periodId: period.id,
        assignmentId: item.id,
        indicatorId: item.indicatorId,
        orgUnitId: item.orgUnitId,
        actual,
        note: null,
        evidenceFileIds: [],
        status: month <= periods.length - 2 ? 'accepted' : 'submitted',
        submittedAt: submittedAt > options.now ? options.now : submittedAt,
        submittedBy: null,
        createdBy: null,
      });
    });
  });
  await db.transaction(async (tx) => {
    await insertProgressReports(tx, reports);
    await recordAudit(tx, systemActor('seed-demo'), {
      action: 'targets.progress_report.import',
      entityType: 'targets_plan',
      entityId: options.planId,
      summary: `演示数据：导入 ${reports.length} 条月度进度报送`,
      after: { count: reports.length },
    });
  });
  return reports.length;
}
