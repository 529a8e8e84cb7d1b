import { sql } from 'drizzle-orm';
import pg from 'pg';
import { computeGoodDayRate } from '../src/domains/environment/air-statistics-rules';
import { computeStationDailyRows, type DailyAirRow, type HourlyValues } from '../src/domains/environment/air-daily-rules';
import { selectHourlyRange, upsertHourlyRows, type HourlyWrite } from '../src/domains/environment/air-store';
import { computeDailyAqiScaled, createDailyAqiWorkspace, HOURLY_BUFFER_LENGTH } from '../src/domains/environment/air-validity-rules';
import { computeAreaDailyAqi } from '../src/domains/environment/area-air-rules';
import { createRandom, generateStationHours, generateWeather } from '../src/domains/environment/demo-air';
import { defaultControlRuleSet } from '../src/domains/environment/geo/control-rules';
import type { FootprintGeometry, Position, ZoneGeometry } from '../src/domains/environment/geo/geojson-schema';
import { validateZoneGeometry } from '../src/domains/environment/geo/geometry-validation';
import { prepareFootprint } from '../src/domains/environment/geo/prepared-geometry';
import { checkPreparedSiting } from '../src/domains/environment/geo/siting-rules';
import { buildZoneIndex, checkSitingBatch, type SitingBatchItem } from '../src/domains/environment/geo/zone-index';
import type { Zone } from '../src/domains/environment/geo/zone-import';
import { createLocalTimeResolver } from '../src/domains/environment/local-time';
import { connect, type Database } from '../src/platform/db/connect';
import { migrate } from '../src/platform/db/migrate';
import { queryRows, type Db } from '../src/platform/db/types';
import { newId } from '../src/platform/ids';
import { timed, withPeakRss, type BenchResult, type BenchWorkload } from './harness';

/**
 * Environment benchmarks (product.md §5):
 * (a) daily AQI + good-day rate (per station and city-wide) for 100 stations × 365 days of hourly
 *     data (876,000 rows) read from the database, against a bare SELECT of the same rows in the
 *     same run — target ≤ 2×. Embedded PGlite always; PostgreSQL too when DATABASE_URL is set.
 * (b) the pure engine in hourly records per second — target ≥ 5 M/s (hot path on scaled buffers,
 *     and the full path from row objects with GB/T 8170 rounding and local-day bucketing).
 * (c) siting check of 10,000 footprints (70 % polygons, 20 % lines, 10 % points) against 1,000
 *     zone polygons (every 10th with a hole) — verdict, overlap areas, nearest zone, rule trace —
 *     against PostGIS ST_Intersects (GiST index) on the same data — target ≤ 2×. Needs
 *     DATABASE_URL with the postgis extension available; otherwise the anchor is reported n/a.
 */
const TIME_ZONE = 'Asia/Shanghai';
const DAYS = 365;
const HOUR_MS = 3_600_000;
const databaseUrl = process.env.DATABASE_URL ?? null;

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

type Scratch = { database: Database; drop(): Promise<void> };

/** A fresh, migrated database: in-memory PGlite, or a scratch database on the PostgreSQL server. */
async function openScratch(kind: 'pglite' | 'postgres', extensions: string[] = []): Promise<Scratch> {
  if (kind === 'pglite') {
    const database = await connect({ url: null, dataDir: '', memory: {} });
    await migrate(database);
    return { database, drop: () => database.close() };
  }
  const name = `qc_bench_env_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: databaseUrl as string });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const database = await connect({ url: withDatabase(databaseUrl as string, name), dataDir: '', poolSize: 4 });
  for (const ext of extensions) await database.execScript(`CREATE EXTENSION IF NOT EXISTS ${ext}`);
  await migrate(database);
  return {
    database,
    drop: async () => {
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

// ---- (a) daily AQI from the database ----

async function loadAirData(db: Db, stations: number, hoursStartMs: number): Promise<string[]> {
  const rootId = newId();
  await db.execute(sql`INSERT INTO org_units (id, parent_id, kind, code, name, path, depth) VALUES (${rootId}, NULL, 'city', 'bench-city', '基准市', ${`/${rootId}/`}, 0)`);
  const ids = Array.from({ length: stations }, () => newId());
  const weather = generateWeather(DAYS + 2, 7);
  for (const [i, id] of ids.entries()) {
    await db.execute(sql`INSERT INTO env_stations (id, kind, code, name, territory_org_unit_id, lon, lat) VALUES (${id}, 'air', ${`B-${i}`}, ${`基准站 ${i}`}, ${rootId}, 121.2, 31.9)`);
    const profile = { code: `B-${i}`, pmFactor: 0.9 + 0.2 * createRandom(i)(), no2Factor: 1, o3Factor: 1 };
    const records = generateStationHours(profile, { startMs: hoursStartMs, hours: DAYS * 24, offsetHours: 0 }, weather, { seed: 1000 + i, dayOfYear0: 0, gapRate: 0, outages: 0 });
    const writes: HourlyWrite[] = records.map((r) => ({
      stationId: id, hourStartMs: Date.parse(r.hourStart), so2: r.SO2 ?? null, no2: r.NO2 ?? null, co: r.CO ?? null, o3: r.O3 ?? null,
      pm10: r.PM10 ?? null, pm2_5: r.PM2_5 ?? null, isValid: true, flag: null, source: 'bench',
    }));
    await db.transaction(async (tx) => upsertHourlyRows(tx, writes));
  }
  return ids;
}

/** The product path: per station, read its hours, compute daily values/AQI; good-day rates per station and city-wide. */
async function computeDailyAndRates(db: Db, ids: readonly string[], fromMs: number, toMs: number) {
  const resolver = createLocalTimeResolver(TIME_ZONE);
  const byDay = new Map<string, DailyAirRow['values'][]>();
  let stationDays = 0;
  let validStationDays = 0;
  for (const id of ids) {
    const rows = await selectHourlyRange(db, id, fromMs, toMs);
    const daily = computeStationDailyRows(rows, { resolver });
    stationDays += daily.length;
    validStationDays += computeGoodDayRate(daily).validDays;
    for (const d of daily) {
      const list = byDay.get(d.day);
      if (list) list.push(d.values);
      else byDay.set(d.day, [d.values]);
    }
  }
  const city = computeGoodDayRate([...byDay.entries()].map(([day, values]) => computeAreaDailyAqi(day, values).result));
  return { stationDays, validStationDays, cityPercent: city.percent };
}

async function runDailyAqiBench(kind: 'pglite' | 'postgres', stations: number): Promise<BenchResult> {
  if (kind === 'postgres' && !databaseUrl) {
    return { ms: 0, target: '≤ 2× bare SELECT', ok: null, notes: 'n/a: DATABASE_URL is not set' };
  }
  const scratch = await openScratch(kind);
  try {
    const db = scratch.database.db;
    const startMs = Date.parse('2025-01-01T00:00:00+08:00');
    const ids = await loadAirData(db, stations, startMs);
    const endMs = startMs + DAYS * 24 * HOUR_MS;
    await queryRows(db, sql`SELECT count(*)::int AS n FROM env_air_hourly`); // warm-up
    const anchor = await timed(() => queryRows<Record<string, unknown>>(db, sql`SELECT station_id, hour_start, so2, no2, co, o3, pm10, pm2_5, is_valid FROM env_air_hourly`));
    const ours = await withPeakRss(() => timed(() => computeDailyAndRates(db, ids, startMs, endMs)));
    const rows = anchor.value.length;
    const ratio = ours.value.ms / anchor.ms;
    const v = ours.value.value;
    return {
      ms: ours.value.ms,
      rate: { value: rows / (ours.value.ms / 1000), unit: 'hourly rows/s' },
      anchor: { name: `bare SELECT of ${rows.toLocaleString('en')} rows`, ms: anchor.ms },
      ratio,
      target: '≤ 2× bare SELECT',
      ok: ratio <= 2,
      peakRssMb: ours.peakRssMb,
      notes: `${kind}; ${v.stationDays.toLocaleString('en')} station-days (${v.validStationDays.toLocaleString('en')} valid); city good-day rate ${v.cityPercent}%`,
    };
  } finally {
    await scratch.drop();
  }
}

// ---- (b) the pure engine ----

function buildEngineInput(stations: number) {
  const weather = generateWeather(DAYS + 2, 7);
  const startMs = Date.parse('2025-01-01T00:00:00+08:00');
  const rows: HourlyValues[][] = [];
  for (let i = 0; i < stations; i++) {
    const records = generateStationHours({ code: `E-${i}`, pmFactor: 1, no2Factor: 1, o3Factor: 1 }, { startMs, hours: DAYS * 24, offsetHours: 0 }, weather, { seed: i, dayOfYear0: 0, gapRate: 0, outages: 0 });
    rows.push(records.map((r) => ({ hourStartMs: Date.parse(r.hourStart), so2: r.SO2 ?? null, no2: r.NO2 ?? null, co: r.CO ?? null, o3: r.O3 ?? null, pm10: r.PM10 ?? null, pm2_5: r.PM2_5 ?? null, isValid: true })));
  }
  return rows;
}

async function runEngineBench(stations: number, mode: 'buffers' | 'rows'): Promise<BenchResult> {
  const input = buildEngineInput(stations);
  const resolver = createLocalTimeResolver(TIME_ZONE);
  const records = input.reduce((n, r) => n + r.length, 0);
  if (mode === 'rows') {
    computeStationDailyRows(input[0] ?? [], { resolver }); // warm-up
    const run = await timed(async () => input.reduce((n, rows) => n + computeStationDailyRows(rows, { resolver }).length, 0));
    const rate = records / (run.ms / 1000);
    return { ms: run.ms, rate: { value: rate, unit: 'hourly records/s' }, target: '≥ 5,000,000 records/s', ok: rate >= 5e6, notes: `${run.value.toLocaleString('en')} days from row objects (GB/T 8170 rounding, local-day bucketing, result objects)` };
  }
  // Hot path: the days already in scaled 24 × 6 buffers (as the bucketing step leaves them).
  const buffers: Int32Array[] = [];
  for (const rows of input) {
    for (let d = 0; d < DAYS; d++) {
      const b = new Int32Array(HOURLY_BUFFER_LENGTH).fill(-1);
      for (let h = 0; h < 24; h++) {
        const r = rows[d * 24 + h];
        if (!r) continue;
        b[h] = Math.round(r.so2 ?? -1); b[24 + h] = Math.round(r.no2 ?? -1); b[48 + h] = Math.round((r.co ?? -0.1) * 10);
        b[72 + h] = Math.round(r.o3 ?? -1); b[96 + h] = Math.round(r.pm10 ?? -1); b[120 + h] = Math.round(r.pm2_5 ?? -1);
      }
      buffers.push(b);
    }
  }
  const ws = createDailyAqiWorkspace('HJ 633-2026');
  let checksum = 0;
  for (let k = 0; k < 1000; k++) checksum += computeDailyAqiScaled(ws, buffers[k % buffers.length] as Int32Array); // warm-up
  const run = await timed(async () => {
    let sum = 0;
    for (const b of buffers) sum += computeDailyAqiScaled(ws, b);
    return sum;
  });
  const rate = (buffers.length * 24) / (run.ms / 1000);
  return { ms: run.ms, rate: { value: rate, unit: 'hourly records/s' }, target: '≥ 5,000,000 records/s', ok: rate >= 5e6, notes: `${buffers.length.toLocaleString('en')} station-days; checksum ${run.value + checksum}` };
}

// ---- (c) siting ----

function star(cx: number, cy: number, rx: number, ry: number, n: number, random: () => number): Position[] {
  const ring: Position[] = [];
  for (let k = 0; k < n; k++) {
    const a = (2 * Math.PI * k) / n;
    const f = 0.75 + 0.5 * random();
    ring.push([cx + rx * f * Math.cos(a), cy + ry * f * Math.sin(a)]);
  }
  ring.push(ring[0] as Position);
  return ring;
}

export function buildSitingData(zoneCount: number, footprintCount: number) {
  const random = createRandom(11);
  const cols = Math.ceil(Math.sqrt(zoneCount * 1.6));
  const rows = Math.ceil(zoneCount / cols);
  const [x0, y0, x1, y1] = [120, 31, 122, 32];
  const cw = (x1 - x0) / cols;
  const ch = (y1 - y0) / rows;
  const zones: Zone[] = [];
  for (let i = 0; i < zoneCount; i++) {
    const cx = x0 + ((i % cols) + 0.5) * cw;
    const cy = y0 + (Math.floor(i / cols) + 0.5) * ch;
    const shell = star(cx, cy, 0.32 * cw, 0.32 * ch, 24 + Math.floor(random() * 16), random);
    const rings = i % 10 === 0 ? [shell, star(cx, cy, 0.08 * cw, 0.08 * ch, 10, random).reverse()] : [shell];
    const geometry = validateZoneGeometry({ type: 'Polygon', coordinates: rings } as ZoneGeometry, { index: i });
    zones.push({ id: `Z${i}`, name: `区 ${i}`, code: `Z${i}`, type: '生态保护红线', tier: i % 3 === 0 ? '一级管控区' : '二级管控区', territoryCode: null, geometry });
  }
  const types = defaultControlRuleSet.projectTypes.map((p) => p.code);
  const items: SitingBatchItem[] = [];
  for (let i = 0; i < footprintCount; i++) {
    const cx = x0 + random() * (x1 - x0);
    const cy = y0 + random() * (y1 - y0);
    const s = 0.001 + 0.005 * random();
    const kind = random();
    let footprint: FootprintGeometry;
    if (kind < 0.7) {
      const a = random() * Math.PI;
      const c = Math.cos(a) * s, d = Math.sin(a) * s;
      footprint = { type: 'Polygon', coordinates: [[[cx - c + d, cy - d - c], [cx + c + d, cy + d - c], [cx + c - d, cy + d + c], [cx - c - d, cy - d + c], [cx - c + d, cy - d - c]]] };
    } else if (kind < 0.9) {
      footprint = { type: 'LineString', coordinates: [[cx, cy], [cx + 4 * s, cy + s], [cx + 6 * s, cy + 4 * s]] };
    } else {
      footprint = { type: 'Point', coordinates: [cx, cy] };
    }
    items.push({ id: `F${i}`, footprint, projectType: types[i % types.length] as string });
  }
  return { zones, items };
}

async function postgisIntersects(zones: readonly Zone[], items: readonly SitingBatchItem[]): Promise<{ ms: number; pairs: number } | string> {
  if (!databaseUrl) return 'n/a: DATABASE_URL is not set';
  let scratch: Scratch;
  try {
    scratch = await openScratch('postgres', ['postgis']);
  } catch (error) {
    return `n/a: ${(error as Error).message}`;
  }
  try {
    const conn = scratch.database;
    await conn.execScript('CREATE TABLE bench_zones (id text PRIMARY KEY, geom geometry(Geometry, 4326)); CREATE TABLE bench_fp (id text PRIMARY KEY, geom geometry(Geometry, 4326));');
    const load = async (table: string, rows: { id: string; geometry: unknown }[]) => {
      for (let s = 0; s < rows.length; s += 1000) {
        const chunk = rows.slice(s, s + 1000);
        await conn.db.execute(sql`INSERT INTO ${sql.identifier(table)} (id, geom)
          SELECT id, ST_SetSRID(ST_GeomFromGeoJSON(g), 4326) FROM unnest(${sql.param(chunk.map((r) => r.id))}::text[], ${sql.param(chunk.map((r) => JSON.stringify(r.geometry)))}::text[]) AS t(id, g)`);
      }
    };
    await load('bench_zones', zones.map((z) => ({ id: z.id, geometry: z.geometry })));
    await load('bench_fp', items.map((f) => ({ id: f.id, geometry: f.footprint })));
    await conn.execScript('CREATE INDEX ON bench_zones USING gist (geom); CREATE INDEX ON bench_fp USING gist (geom); ANALYZE bench_zones; ANALYZE bench_fp;');
    const run = await timed(() => queryRows<{ f: string; z: string }>(conn.db, sql`SELECT f.id AS f, z.id AS z FROM bench_fp f JOIN bench_zones z ON ST_Intersects(f.geom, z.geom)`));
    return { ms: run.ms, pairs: run.value.length };
  } finally {
    await scratch.drop();
  }
}

async function runSitingBench(zoneCount: number, footprintCount: number): Promise<BenchResult> {
  const { zones, items } = buildSitingData(zoneCount, footprintCount);
  const build = await timed(async () => buildZoneIndex(zones));
  const index = build.value;
  checkSitingBatch(index, items.slice(0, 200), defaultControlRuleSet); // warm-up
  // End to end as the API runs it (footprints validated and prepared inside the batch).
  const endToEnd = await timed(async () => checkSitingBatch(index, items, defaultControlRuleSet));
  // Query only, like the PostGIS join over stored geometries: footprints prepared beforehand.
  const prepared = items.map((item, i) => prepareFootprint(item.footprint, { index: i }));
  const ours = await withPeakRss(() => timed(async () => prepared.map((fp, i) => checkPreparedSiting(index, fp, (items[i] as SitingBatchItem).projectType, defaultControlRuleSet))));
  const withoutNearest = await timed(async () => prepared.map((fp, i) => checkPreparedSiting(index, fp, (items[i] as SitingBatchItem).projectType, defaultControlRuleSet, { withNearest: false })));
  const results = ours.value.value;
  const pairs = results.reduce((n, r) => n + r.intersections.length, 0);
  const verdicts = { prohibited: 0, conditional: 0, allowed: 0 };
  for (const r of results) verdicts[r.verdict] += 1;
  const anchor = await postgisIntersects(zones, items);
  const base = {
    ms: ours.value.ms,
    rate: { value: footprintCount / (ours.value.ms / 1000), unit: 'footprints/s' },
    target: '≤ 2× PostGIS ST_Intersects',
    peakRssMb: ours.peakRssMb,
  };
  const summary = `query only (prepared footprints, with overlap areas, nearest zone, rule trace); without nearest-zone search ${Math.round(withoutNearest.ms)} ms; ` +
    `end to end incl. validating the footprints ${Math.round(endToEnd.ms)} ms; index build ${Math.round(build.ms)} ms; ${pairs} intersecting pairs; ` +
    `verdicts ${verdicts.prohibited}/${verdicts.conditional}/${verdicts.allowed} (prohibited/conditional/allowed)`;
  if (typeof anchor === 'string') return { ...base, ok: null, notes: `${summary}; PostGIS anchor ${anchor}` };
  const ratio = ours.value.ms / anchor.ms;
  return {
    ...base,
    anchor: { name: `PostGIS ST_Intersects join (${anchor.pairs} pairs)`, ms: anchor.ms },
    ratio,
    ok: ratio <= 2,
    notes: `${summary}; without nearest ${(withoutNearest.ms / anchor.ms).toFixed(2)}× PostGIS${anchor.pairs === pairs ? '; same pairs as PostGIS' : `; PostGIS found ${anchor.pairs} pairs`}`,
  };
}

export const workloads: BenchWorkload[] = [
  { name: 'environment: daily AQI + good-day rate from PGlite vs bare SELECT', size: '100 stations × 365 days (876,000 hourly rows)', run: () => runDailyAqiBench('pglite', 100) },
  { name: 'environment: daily AQI + good-day rate from PostgreSQL vs bare SELECT', size: '100 stations × 365 days (876,000 hourly rows)', run: () => runDailyAqiBench('postgres', 100) },
  { name: 'environment: AQI engine hot path (scaled day buffers)', size: '876,000 hourly records', run: () => runEngineBench(100, 'buffers') },
  { name: 'environment: AQI engine from row objects', size: '876,000 hourly records', run: () => runEngineBench(100, 'rows') },
  { name: 'environment: red-line siting check vs PostGIS ST_Intersects', size: '10,000 footprints × 1,000 zones', run: () => runSitingBench(1_000, 10_000) },
];

/** Smaller sizes for a quick check (`npx tsx bench/environment.ts --small`). */
export const smallWorkloads: BenchWorkload[] = [
  { name: 'environment: daily AQI (small)', size: '5 stations × 365 days', run: () => runDailyAqiBench(databaseUrl ? 'postgres' : 'pglite', 5) },
  { name: 'environment: engine (small)', size: '5 stations', run: () => runEngineBench(5, 'buffers') },
  { name: 'environment: siting (small)', size: '500 footprints × 100 zones', run: () => runSitingBench(100, 500) },
];
