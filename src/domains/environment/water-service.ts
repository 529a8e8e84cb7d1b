import type { Actor, DataScope } from '../../shared/actor';
import { conflict, invalid, notFound } from '../../shared/errors';
import { newId } from '../../platform/ids';
import type { Db } from '../../platform/db/types';
import { recordAudit } from '../audit';
import { requireDataEntry, resolveReadScope } from './access-service';
import { defaultWindow } from './air-statistics-service';
import { listPeriods } from './period-rules';
import { findStation } from './station-store';
import { computeMeanMeasurements, evaluateRiver } from './water-period-rules';
import { assessWaterSection, computeWaterSectionStatistics } from './water-rules';
import type {
  CreateWaterSampleInput, ListWaterSamplesQuery, RiverEvaluationList, SectionPeriodResult, UpdateWaterSampleInput, WaterCompliance, WaterPeriodQuery, WaterSample,
} from './water-schema';
import {
  countWaterSamples, findWaterSample, insertWaterSamples, selectWaterSamples, toPublicSample, updateWaterSampleRow, waterSampleFilters, type WaterSampleRecord,
} from './water-store';
import type { TargetWaterClass, WaterFactor } from './water-tables';

const sampleNotFound = () => notFound('env.water_sample_not_found', '采样记录不存在或不在您的管辖范围内');

function assertNotFuture(date: string, today: string): void {
  if (date > today) throw invalid('env.future_date', `采样日期晚于今天：${date}`, { date });
}

export async function createWaterSample(db: Db, options: { actor: Actor; input: CreateWaterSampleInput; today: string }): Promise<WaterSample> {
  const { actor, input } = options;
  await requireDataEntry(db, actor);
  assertNotFuture(input.sampledOn, options.today);
  return db.transaction(async (tx) => {
    const station = await findStation(tx, input.stationId, { kind: 'all' });
    if (!station || station.kind !== 'water' || !station.waterbody) throw invalid('env.not_water_section', '站点不存在或不是水质断面', { stationId: input.stationId });
    const measurements = input.measurements as Partial<Record<WaterFactor, number>>;
    const targetClass = (station.targetClass ?? undefined) as TargetWaterClass | undefined;
    const assessment = assessWaterSection({ waterbody: station.waterbody, measurements, targetClass });
    const id = newId();
    await insertWaterSamples(tx, [{ id, stationId: station.id, sampledOn: input.sampledOn, measurements, assessment, targetClass: station.targetClass, note: input.note ?? null, createdBy: actor.userId }]);
    const created = toPublicSample((await findWaterSample(tx, id, { kind: 'all' })) as WaterSampleRecord);
    await recordAudit(tx, actor, {
      action: 'env.water_sample.create', entityType: 'env_water_sample', entityId: id, orgUnitId: station.territoryOrgUnitId,
      summary: `录入水质采样：${station.name} ${input.sampledOn}（${created.sectionClassLabel}类）`, after: created,
    });
    return created;
  });
}

export async function updateWaterSample(db: Db, options: { actor: Actor; id: string; input: UpdateWaterSampleInput; today: string }): Promise<WaterSample> {
  const { actor, id, input } = options;
  await requireDataEntry(db, actor);
  if (input.sampledOn) assertNotFuture(input.sampledOn, options.today);
  return db.transaction(async (tx) => {
    const sample = await findWaterSample(tx, id, { kind: 'all' });
    if (!sample) throw sampleNotFound();
    if (sample.version !== input.version) throw conflict('env.stale_version', '该记录已被他人修改，请刷新后重试', { currentVersion: sample.version });
    const station = await findStation(tx, sample.stationId, { kind: 'all' });
    const measurements = (input.measurements ?? sample.measurements) as Partial<Record<WaterFactor, number>>;
    const targetClass = (station?.targetClass ?? undefined) as TargetWaterClass | undefined;
    const assessment = assessWaterSection({ waterbody: sample.waterbody, measurements, targetClass });
    const ok = await updateWaterSampleRow(tx, {
      id, stationId: sample.stationId, sampledOn: input.sampledOn ?? sample.sampledOn, measurements, assessment,
      targetClass: station?.targetClass ?? null, note: input.note === undefined ? sample.note : input.note, createdBy: null,
    }, input.version);
    if (!ok) throw conflict('env.stale_version', '该记录已被他人修改，请刷新后重试');
    const updated = toPublicSample((await findWaterSample(tx, id, { kind: 'all' })) as WaterSampleRecord);
    await recordAudit(tx, actor, {
      action: 'env.water_sample.update', entityType: 'env_water_sample', entityId: id, orgUnitId: sample.territoryOrgUnitId,
      summary: `修改水质采样：${sample.stationName} ${updated.sampledOn}`, before: toPublicSample(sample), after: updated,
    });
    return updated;
  });
}

export async function getWaterSample(db: Db, options: { actor: Actor; id: string }): Promise<WaterSample> {
  const sample = await findWaterSample(db, options.id, await resolveReadScope(db, options.actor));
  if (!sample) throw sampleNotFound();
  return toPublicSample(sample);
}

export async function listWaterSamples(db: Db, options: { actor: Actor; query: ListWaterSamplesQuery }) {
  const { query } = options;
  const where = waterSampleFilters(query, await resolveReadScope(db, options.actor));
  const [total, items] = await Promise.all([
    countWaterSamples(db, where),
    selectWaterSamples(db, where, { sort: query.sort, limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
  ]);
  return { items: items.map(toPublicSample), total, page: query.page, pageSize: query.pageSize };
}

export async function* iterateWaterSamples(db: Db, options: { actor: Actor; query: Omit<ListWaterSamplesQuery, 'page' | 'pageSize'> }): AsyncGenerator<WaterSample> {
  const where = waterSampleFilters(options.query, await resolveReadScope(db, options.actor));
  for (let offset = 0; ; offset += 2000) {
    const rows = await selectWaterSamples(db, where, { sort: options.query.sort, limit: 2000, offset });
    yield* rows.map(toPublicSample);
    if (rows.length < 2000) return;
  }
}

/** Period result of every section that has samples in [from, to] (class of the mean of its samples). */
export function evaluateSectionsForPeriod(samples: readonly WaterSampleRecord[], targetOf: (stationId: string) => number | null): SectionPeriodResult[] {
  const byStation = new Map<string, WaterSampleRecord[]>();
  for (const s of samples) {
    const list = byStation.get(s.stationId);
    if (list) list.push(s);
    else byStation.set(s.stationId, [s]);
  }
  return [...byStation.values()].map((list) => {
    const first = list[0] as WaterSampleRecord;
    const target = targetOf(first.stationId);
    const meanMeasurements = computeMeanMeasurements(list.map((s) => s.measurements));
    const a = assessWaterSection({ waterbody: first.waterbody, measurements: meanMeasurements, targetClass: (target ?? undefined) as TargetWaterClass | undefined });
    return {
      stationId: first.stationId, code: first.stationCode, name: first.stationName, riverName: first.riverName, waterbody: first.waterbody,
      targetClass: target, sampleCount: list.length, sectionClass: a.sectionClass, sectionClassLabel: a.sectionClassLabel, qualitative: a.qualitative,
      meetsTarget: a.meetsTarget, mainPollutionIndicators: a.mainPollutionIndicators, meanMeasurements,
    };
  }).sort((a, b) => (a.code < b.code ? -1 : 1));
}

/** Samples in [from, to] within a scope (optionally one territory subtree by id or path). */
export async function loadWaterSamples(db: Db, scope: DataScope, filter: { from: string; to: string; orgUnitId?: string | undefined; orgPath?: string | undefined }) {
  const where = waterSampleFilters(filter, scope);
  return selectWaterSamples(db, where, { sort: 'sampledOn', limit: 1_000_000, offset: 0 });
}

/** Targets as they are now (a changed target applies to past periods too). */
export async function currentTargets(db: Db, samples: readonly WaterSampleRecord[]): Promise<Map<string, number | null>> {
  const ids = [...new Set(samples.map((s) => s.stationId))];
  const out = new Map<string, number | null>();
  for (const id of ids) out.set(id, (await findStation(db, id, { kind: 'all' }))?.targetClass ?? null);
  return out;
}

/** 水质达标率, 优良 (Ⅰ–Ⅲ) and 劣Ⅴ shares by period, with every section's period result. */
export async function computeWaterCompliance(db: Db, options: { actor: Actor; query: WaterPeriodQuery; today: string }): Promise<WaterCompliance> {
  const { from, to } = defaultWindow(options.query, options.today);
  const samples = await loadWaterSamples(db, await resolveReadScope(db, options.actor), { from, to, orgUnitId: options.query.orgUnitId });
  const targets = await currentTargets(db, samples);
  const rows = listPeriods(from, to, options.query.groupBy).map((p) => {
    const pFrom = p.from < from ? from : p.from;
    const pTo = p.to > to ? to : p.to;
    const results = evaluateSectionsForPeriod(samples.filter((s) => s.sampledOn >= pFrom && s.sampledOn <= pTo), (id) => targets.get(id) ?? null);
    const stats = computeWaterSectionStatistics(results.map((r) => ({ sectionClass: r.sectionClass as 1, targetClass: r.targetClass as TargetWaterClass | null })));
    return { period: p.key, from: pFrom, to: pTo, ...stats, byClass: stats.byClass as unknown as Record<string, number>, results };
  });
  return { groupBy: options.query.groupBy, from, to, rows };
}

/** River (and lake) level evaluation over [from, to]. */
export async function evaluateRivers(db: Db, options: { actor: Actor; query: Omit<WaterPeriodQuery, 'groupBy'>; today: string }): Promise<RiverEvaluationList> {
  const { from, to } = defaultWindow(options.query, options.today);
  const samples = await loadWaterSamples(db, await resolveReadScope(db, options.actor), { from, to, orgUnitId: options.query.orgUnitId });
  const targets = await currentTargets(db, samples);
  const results = evaluateSectionsForPeriod(samples, (id) => targets.get(id) ?? null);
  const byRiver = new Map<string, SectionPeriodResult[]>();
  for (const r of results) {
    const key = r.riverName ?? r.name;
    byRiver.set(key, [...(byRiver.get(key) ?? []), r]);
  }
  const rivers = [...byRiver.entries()].map(([riverName, sections]) => {
    const waterbody = sections[0]?.waterbody ?? 'river';
    const e = evaluateRiver(waterbody, sections.map((s) => ({ sectionClass: s.sectionClass as 1, targetClass: s.targetClass as TargetWaterClass | null, measurements: s.meanMeasurements })));
    return { riverName, waterbody, ...e, byClass: e.byClass as unknown as Record<string, number>, sections };
  });
  return { from, to, rivers: rivers.sort((a, b) => (a.riverName < b.riverName ? -1 : 1)) };
}

