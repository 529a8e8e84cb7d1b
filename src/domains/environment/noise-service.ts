import type { Actor, DataScope } from '../../shared/actor';
import { conflict, invalid, notFound } from '../../shared/errors';
import { newId } from '../../platform/ids';
import type { Db } from '../../platform/db/types';
import { recordAudit } from '../audit';
import { requireDataEntry, resolveReadScope } from './access-service';
import { defaultWindow } from './air-statistics-service';
import { assessNoise, type NoiseZone } from './noise-rules';
import type { CreateNoiseMeasurementInput, ListNoiseQuery, NoiseCompliance, NoiseComplianceQuery, NoiseMeasurement, UpdateNoiseMeasurementInput } from './noise-schema';
import { computeNoiseCompliance } from './noise-statistics-rules';
import {
  countNoiseMeasurements, findNoiseMeasurement, insertNoiseMeasurements, noiseFilters, selectNoiseMeasurements, toPublicNoise, updateNoiseRow,
  type NoiseRecord, type NoiseWrite,
} from './noise-store';
import { listPeriods } from './period-rules';
import { findStation } from './station-store';

const measurementNotFound = () => notFound('env.noise_measurement_not_found', '噪声监测记录不存在或不在您的管辖范围内');

/** Evaluate day and night Leq of one measurement against the zone's GB 3096-2008 limits. */
export function evaluateNoiseMeasurement(zone: NoiseZone, values: { dayLeq: number | null; nightLeq: number | null; nightLmax: number | null }) {
  const day = values.dayLeq === null ? null : assessNoise({ zone, leqDbA: values.dayLeq, period: 'day' });
  const night = values.nightLeq === null ? null : assessNoise({ zone, leqDbA: values.nightLeq, period: 'night' }, values.nightLmax === null ? {} : { lmaxDbA: values.nightLmax });
  return {
    dayLimit: day?.limitDbA ?? null,
    nightLimit: night?.limitDbA ?? null,
    dayCompliant: day?.compliant ?? null,
    nightCompliant: night?.compliant ?? null,
    dayExceedance: day?.exceedanceDb ?? null,
    nightExceedance: night?.exceedanceDb ?? null,
  };
}

export function buildNoiseWrite(base: { id: string; stationId: string; measuredOn: string; zone: NoiseZone; dayLeq: number | null; nightLeq: number | null; nightLmax: number | null; note: string | null; createdBy: string | null }): NoiseWrite {
  return { ...base, ...evaluateNoiseMeasurement(base.zone, base) };
}

function assertNotFuture(date: string, today: string): void {
  if (date > today) throw invalid('env.future_date', `监测日期晚于今天：${date}`, { date });
}

export async function createNoiseMeasurement(db: Db, options: { actor: Actor; input: CreateNoiseMeasurementInput; today: string }): Promise<NoiseMeasurement> {
  const { actor, input } = options;
  await requireDataEntry(db, actor);
  assertNotFuture(input.measuredOn, options.today);
  return db.transaction(async (tx) => {
    const station = await findStation(tx, input.stationId, { kind: 'all' });
    if (!station || station.kind !== 'noise' || !station.noiseZone) throw invalid('env.not_noise_point', '站点不存在或不是噪声监测点位', { stationId: input.stationId });
    const id = newId();
    await insertNoiseMeasurements(tx, [buildNoiseWrite({
      id, stationId: station.id, measuredOn: input.measuredOn, zone: station.noiseZone, dayLeq: input.dayLeq ?? null, nightLeq: input.nightLeq ?? null,
      nightLmax: input.nightLmax ?? null, note: input.note ?? null, createdBy: actor.userId,
    })]);
    const created = toPublicNoise((await findNoiseMeasurement(tx, id, { kind: 'all' })) as NoiseRecord);
    await recordAudit(tx, actor, {
      action: 'env.noise.create', entityType: 'env_noise_measurement', entityId: id, orgUnitId: station.territoryOrgUnitId,
      summary: `录入噪声监测：${station.name} ${input.measuredOn}`, after: created,
    });
    return created;
  });
}

export async function updateNoiseMeasurement(db: Db, options: { actor: Actor; id: string; input: UpdateNoiseMeasurementInput; today: string }): Promise<NoiseMeasurement> {
  const { actor, id, input } = options;
  await requireDataEntry(db, actor);
  if (input.measuredOn) assertNotFuture(input.measuredOn, options.today);
  return db.transaction(async (tx) => {
    const m = await findNoiseMeasurement(tx, id, { kind: 'all' });
    if (!m) throw measurementNotFound();
    if (m.version !== input.version) throw conflict('env.stale_version', '该记录已被他人修改，请刷新后重试', { currentVersion: m.version });
    const pick = <K extends 'dayLeq' | 'nightLeq' | 'nightLmax'>(k: K) => (input[k] === undefined ? m[k] : (input[k] ?? null));
    const next = { dayLeq: pick('dayLeq'), nightLeq: pick('nightLeq'), nightLmax: pick('nightLmax') };
    if (next.dayLeq === null && next.nightLeq === null) throw invalid('env.noise_value_required', '至少保留昼间或夜间 Leq');
    const write = buildNoiseWrite({ id, stationId: m.stationId, measuredOn: input.measuredOn ?? m.measuredOn, zone: m.zone, ...next, note: input.note === undefined ? m.note : input.note, createdBy: null });
    if (!(await updateNoiseRow(tx, write, input.version))) throw conflict('env.stale_version', '该记录已被他人修改，请刷新后重试');
    const updated = toPublicNoise((await findNoiseMeasurement(tx, id, { kind: 'all' })) as NoiseRecord);
    await recordAudit(tx, actor, {
      action: 'env.noise.update', entityType: 'env_noise_measurement', entityId: id, orgUnitId: m.territoryOrgUnitId,
      summary: `修改噪声监测：${m.stationName} ${updated.measuredOn}`, before: toPublicNoise(m), after: updated,
    });
    return updated;
  });
}

export async function getNoiseMeasurement(db: Db, options: { actor: Actor; id: string }): Promise<NoiseMeasurement> {
  const m = await findNoiseMeasurement(db, options.id, await resolveReadScope(db, options.actor));
  if (!m) throw measurementNotFound();
  return toPublicNoise(m);
}

export async function listNoiseMeasurements(db: Db, options: { actor: Actor; query: ListNoiseQuery }) {
  const { query } = options;
  const where = noiseFilters(query, await resolveReadScope(db, options.actor));
  const [total, items] = await Promise.all([
    countNoiseMeasurements(db, where),
    selectNoiseMeasurements(db, where, { sort: query.sort, limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
  ]);
  return { items: items.map(toPublicNoise), total, page: query.page, pageSize: query.pageSize };
}

export async function* iterateNoiseMeasurements(db: Db, options: { actor: Actor; query: Omit<ListNoiseQuery, 'page' | 'pageSize'> }): AsyncGenerator<NoiseMeasurement> {
  const where = noiseFilters(options.query, await resolveReadScope(db, options.actor));
  for (let offset = 0; ; offset += 2000) {
    const rows = await selectNoiseMeasurements(db, where, { sort: options.query.sort, limit: 2000, offset });
    yield* rows.map(toPublicNoise);
    if (rows.length < 2000) return;
  }
}

export async function loadNoiseMeasurements(db: Db, scope: DataScope, filter: { from: string; to: string; orgUnitId?: string | undefined; orgPath?: string | undefined }): Promise<NoiseRecord[]> {
  return selectNoiseMeasurements(db, noiseFilters(filter, scope), { sort: 'measuredOn', limit: 1_000_000, offset: 0 });
}

/** 达标率 by functional-zone class (day, night, overall) per period. */
export async function computeNoiseComplianceByPeriod(db: Db, options: { actor: Actor; query: NoiseComplianceQuery; today: string }): Promise<NoiseCompliance> {
  const { from, to } = defaultWindow(options.query, options.today);
  const items = await loadNoiseMeasurements(db, await resolveReadScope(db, options.actor), { from, to, orgUnitId: options.query.orgUnitId });
  const rows = listPeriods(from, to, options.query.groupBy).map((p) => {
    const pFrom = p.from < from ? from : p.from;
    const pTo = p.to > to ? to : p.to;
    const inPeriod = items.filter((m) => m.measuredOn >= pFrom && m.measuredOn <= pTo);
    return { period: p.key, from: pFrom, to: pTo, ...computeNoiseCompliance(inPeriod) };
  });
  return { groupBy: options.query.groupBy, from, to, rows };
}
