import { sql, type SQL } from 'drizzle-orm';
import type { DataScope } from '../../shared/actor';
import { conflict } from '../../shared/errors';
import { queryOne, queryRows, toIsoTimestamp, type Db } from '../../platform/db/types';
import { stationInScope } from './station-store';
import type { ListWaterSamplesQuery, WaterSample } from './water-schema';
import type { WaterSectionAssessment } from './water-rules';
import type { WaterClass, WaterFactor } from './water-tables';
import { waterClassLabels } from './water-tables';

type Row = {
  id: string; station_id: string; station_code: string; station_name: string; river_name: string | null; waterbody: 'river' | 'lake';
  territory_org_unit_id: string; sampled_on: string; measurements: Partial<Record<WaterFactor, number>>; section_class: WaterClass;
  qualitative: WaterSample['qualitative']; main_indicators: WaterFactor[]; target_class: number | null; meets_target: boolean | null;
  evaluation: WaterSample['evaluation']; note: string | null; version: number; created_at: string; updated_at: string;
};

export type WaterSampleRecord = WaterSample & { territoryOrgUnitId: string };

const columns = sql`w.id, w.station_id, s.code AS station_code, s.name AS station_name, s.river_name, s.waterbody, s.territory_org_unit_id,
  w.sampled_on::text, w.measurements, w.section_class, w.qualitative, w.main_indicators, w.target_class, w.meets_target, w.evaluation, w.note,
  w.version, w.created_at::text, w.updated_at::text`;
const from = sql`env_water_samples w JOIN env_stations s ON s.id = w.station_id JOIN org_units o ON o.id = s.territory_org_unit_id`;

function toRecord(r: Row): WaterSampleRecord {
  return {
    id: r.id,
    stationId: r.station_id,
    stationCode: r.station_code,
    stationName: r.station_name,
    riverName: r.river_name,
    waterbody: r.waterbody,
    territoryOrgUnitId: r.territory_org_unit_id,
    sampledOn: r.sampled_on,
    measurements: r.measurements,
    sectionClass: r.section_class,
    sectionClassLabel: waterClassLabels[r.section_class],
    qualitative: r.qualitative,
    mainPollutionIndicators: r.main_indicators,
    targetClass: r.target_class,
    meetsTarget: r.meets_target,
    evaluation: r.evaluation,
    note: r.note,
    version: r.version,
    createdAt: toIsoTimestamp(r.created_at),
    updatedAt: toIsoTimestamp(r.updated_at),
  };
}

export function toPublicSample(record: WaterSampleRecord): WaterSample {
  const { territoryOrgUnitId: _t, ...sample } = record;
  return sample;
}

export async function findWaterSample(db: Db, id: string, scope: DataScope): Promise<WaterSampleRecord | null> {
  const row = await queryOne<Row>(db, sql`SELECT ${columns} FROM ${from} WHERE w.id = ${id} AND ${stationInScope(scope)}`);
  return row ? toRecord(row) : null;
}

export type WaterSampleWrite = {
  id: string;
  stationId: string;
  sampledOn: string;
  measurements: Partial<Record<WaterFactor, number>>;
  assessment: WaterSectionAssessment;
  targetClass: number | null;
  note: string | null;
  createdBy: string | null;
};

function evaluationJson(a: WaterSectionAssessment): string {
  return JSON.stringify({
    factorClasses: a.factorClasses,
    countedFactors: a.countedFactors,
    exceedanceMultiples: a.exceedanceMultiples,
    factorsExceedingTarget: a.factorsExceedingTarget,
    targetExceedanceMultiples: a.targetExceedanceMultiples,
    qualitativeColorName: a.qualitativeColorName,
  });
}

export async function insertWaterSamples(db: Db, rows: readonly WaterSampleWrite[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 2000) {
    const chunk = rows.slice(start, start + 2000);
    const col = <T>(f: (r: WaterSampleWrite) => T) => sql.param(chunk.map(f));
    try {
      await db.execute(sql`INSERT INTO env_water_samples (id, station_id, sampled_on, measurements, section_class, qualitative, main_indicators,
                              target_class, meets_target, evaluation, note, created_by)
        SELECT id, st, d, m::jsonb, sc, q, mi::text[], tc, mt, ev::jsonb, n, cb
        FROM unnest(${col((r) => r.id)}::uuid[], ${col((r) => r.stationId)}::uuid[], ${col((r) => r.sampledOn)}::date[],
                    ${col((r) => JSON.stringify(r.measurements))}::text[], ${col((r) => r.assessment.sectionClass)}::int[],
                    ${col((r) => r.assessment.qualitative)}::text[], ${col((r) => `{${r.assessment.mainPollutionIndicators.join(',')}}`)}::text[],
                    ${col((r) => r.targetClass)}::int[], ${col((r) => r.assessment.meetsTarget)}::boolean[], ${col((r) => evaluationJson(r.assessment))}::text[],
                    ${col((r) => r.note)}::text[], ${col((r) => r.createdBy)}::uuid[])
          AS t(id, st, d, m, sc, q, mi, tc, mt, ev, n, cb)`);
    } catch (error) {
      throw translateWaterError(error);
    }
  }
}

export async function updateWaterSampleRow(db: Db, w: WaterSampleWrite, version: number): Promise<boolean> {
  try {
    const rows = await queryRows<{ id: string }>(db, sql`UPDATE env_water_samples SET sampled_on = ${w.sampledOn}::date, measurements = ${JSON.stringify(w.measurements)}::jsonb,
        section_class = ${w.assessment.sectionClass}, qualitative = ${w.assessment.qualitative},
        main_indicators = ${sql.param(w.assessment.mainPollutionIndicators)}::text[], target_class = ${w.targetClass},
        meets_target = ${w.assessment.meetsTarget}, evaluation = ${evaluationJson(w.assessment)}::jsonb, note = ${w.note},
        version = version + 1, updated_at = now()
      WHERE id = ${w.id} AND version = ${version} RETURNING id`);
    return rows.length === 1;
  } catch (error) {
    throw translateWaterError(error);
  }
}

export function waterSampleFilters(query: Partial<ListWaterSamplesQuery> & { orgUnitId?: string | undefined; orgPath?: string | undefined }, scope: DataScope): SQL {
  const parts: SQL[] = [stationInScope(scope)];
  if (query.stationId) parts.push(sql`w.station_id = ${query.stationId}`);
  if (query.riverName) parts.push(sql`s.river_name = ${query.riverName}`);
  if (query.from) parts.push(sql`w.sampled_on >= ${query.from}::date`);
  if (query.to) parts.push(sql`w.sampled_on <= ${query.to}::date`);
  if (query.sectionClass) parts.push(sql`w.section_class = ${query.sectionClass}`);
  if (query.orgUnitId) parts.push(sql`o.path LIKE (SELECT path FROM org_units WHERE id = ${query.orgUnitId}) || '%'`);
  if (query.orgPath) parts.push(sql`o.path LIKE ${`${query.orgPath}%`}`);
  return sql.join(parts, sql` AND `);
}

const sortSql: Record<ListWaterSamplesQuery['sort'], SQL> = {
  '-sampledOn': sql`w.sampled_on DESC, s.code`,
  sampledOn: sql`w.sampled_on, s.code`,
  station: sql`s.code, w.sampled_on DESC`,
};

export async function selectWaterSamples(db: Db, where: SQL, options: { sort: ListWaterSamplesQuery['sort']; limit: number; offset: number }): Promise<WaterSampleRecord[]> {
  const rows = await queryRows<Row>(db, sql`SELECT ${columns} FROM ${from} WHERE ${where} ORDER BY ${sortSql[options.sort]} LIMIT ${options.limit} OFFSET ${options.offset}`);
  return rows.map(toRecord);
}

export async function countWaterSamples(db: Db, where: SQL): Promise<number> {
  return (await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${from} WHERE ${where}`))?.n ?? 0;
}

function translateWaterError(error: unknown): unknown {
  const e = error as { code?: string; cause?: { code?: string } };
  if ((e.code ?? e.cause?.code) === '23505') return conflict('env.duplicate_water_sample', '该断面当天已有采样记录');
  return error;
}
