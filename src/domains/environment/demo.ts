/**
 * Environment demo data (called once from src/demo/seed.ts). `full`: 10 air stations with a year
 * of hourly data ending at the seeding hour, 15 water sections with monthly samples, 20 noise
 * points measured quarterly, 30 red-line zones of about 200 km². `small` (tests): 2 stations × 30
 * days, 2 sections, 2 points, 3 zones. Stations, hourly data and zones go through the services;
 * water and noise samples are written in bulk with one audit entry each.
 */
import type { Actor } from '../../shared/actor';
import { systemActor } from '../../shared/actor';
import { newId } from '../../platform/ids';
import type { Db } from '../../platform/db/types';
import { recordAudit } from '../audit';
import { findOrgUnitByCode } from '../org';
import { upsertHourlyAirData } from './air-service';
import { createRandom, generateStationHours, generateWeather } from './demo-air';
import { buildDemoZones } from './demo-zones';
import { createLocalTimeResolver, formatDayNumber } from './local-time';
import type { NoiseZone } from './noise-rules';
import { buildNoiseWrite } from './noise-service';
import { insertNoiseMeasurements } from './noise-store';
import { importZones } from './redline-service';
import { createStation } from './station-service';
import type { CreateStationInput } from './station-schema';
import { assessWaterSection } from './water-rules';
import { insertWaterSamples, type WaterSampleWrite } from './water-store';
import { waterFactorDefinitions, type TargetWaterClass, type WaterFactor, type Waterbody } from './water-tables';

export type EnvironmentSeedOptions = { size: 'full' | 'small'; log?: (message: string) => void; now?: Date; timeZone?: string };

type AirDef = [code: string, name: string, territory: string, lon: number, lat: number, level: string, pm: number, no2: number, o3: number];
const airStations: AirDef[] = [
  ['AQ-HM-01', '海门市环境监测站', 'street-haimen', 121.176, 31.895, '国控', 1.0, 1.15, 0.95],
  ['AQ-HM-02', '常乐镇', 'town-changle', 121.243, 31.923, '乡镇', 0.97, 0.9, 1.0],
  ['AQ-HM-03', '悦来镇', 'town-yuelai', 121.108, 31.926, '乡镇', 1.02, 0.95, 1.0],
  ['AQ-HM-04', '海门经济技术开发区', 'park-etdz', 121.205, 31.874, '省控', 1.08, 1.2, 0.95],
  ['AQ-HM-05', '三厂街道', 'street-sanchang', 121.195, 31.955, '市控', 1.0, 1.05, 0.98],
  ['AQ-HM-06', '四甲镇', 'town-sijia', 121.33, 32.02, '乡镇', 0.95, 0.85, 1.03],
  ['AQ-HM-07', '余东镇', 'town-yudong', 121.298, 31.99, '乡镇', 0.96, 0.85, 1.02],
  ['AQ-HM-08', '包场镇', 'town-baochang', 121.39, 32.05, '乡镇', 0.92, 0.8, 1.05],
  ['AQ-HM-09', '临江镇', 'town-linjiang', 121.06, 31.86, '乡镇', 1.04, 1.0, 0.97],
  ['AQ-HM-10', '海门港新区', 'park-port', 121.55, 32.08, '市控', 0.9, 0.95, 1.06],
];

type WaterDef = [code: string, name: string, territory: string, lon: number, lat: number, waterbody: Waterbody, river: string, target: TargetWaterClass];
const waterSections: WaterDef[] = [
  ['WQ-HM-01', '青龙港', 'town-linjiang', 121.07, 31.845, 'river', '长江', 2],
  ['WQ-HM-02', '灵甸港', 'town-linjiang', 121.12, 31.835, 'river', '长江', 2],
  ['WQ-HM-03', '海门港', 'park-port', 121.56, 32.07, 'river', '长江', 3],
  ['WQ-HM-04', '常乐大桥', 'town-changle', 121.24, 31.93, 'river', '通启运河', 3],
  ['WQ-HM-05', '四甲闸', 'town-sijia', 121.34, 32.03, 'river', '通启运河', 3],
  ['WQ-HM-06', '城区段', 'street-haimen', 121.17, 31.89, 'river', '海门河', 3],
  ['WQ-HM-07', '三厂桥', 'street-sanchang', 121.2, 31.96, 'river', '海门河', 3],
  ['WQ-HM-08', '悦来闸', 'town-yuelai', 121.11, 31.93, 'river', '圩角河', 3],
  ['WQ-HM-09', '余东段', 'town-yudong', 121.3, 32.0, 'river', '青龙河', 3],
  ['WQ-HM-10', '正余段', 'town-zhengyu', 121.27, 32.03, 'river', '大洪河', 3],
  ['WQ-HM-11', '包场闸', 'town-baochang', 121.4, 32.06, 'river', '新江海河', 3],
  ['WQ-HM-12', '开发区段', 'park-etdz', 121.21, 31.87, 'river', '东灶河', 4],
  ['WQ-HM-13', '叠石桥段', 'park-dieshiqiao', 121.25, 31.96, 'river', '三和港', 3],
  ['WQ-HM-14', '滨江段', 'street-binjiang', 121.14, 31.86, 'river', '长江', 2],
  ['WQ-HM-15', '东洲湖', 'street-haimen', 121.18, 31.9, 'lake', '东洲湖', 3],
];

type NoiseDef = [code: string, name: string, territory: string, lon: number, lat: number, zone: NoiseZone];
const noiseZonesCycle: NoiseZone[] = ['1', '2', '2', '3', '4a', '1', '2', '4a', '3', '2'];
const noiseTerritories = ['street-haimen', 'street-sanchang', 'street-binjiang', 'park-etdz', 'town-changle', 'town-yuelai', 'town-sijia', 'town-yudong', 'town-zhengyu', 'town-baochang'];
const noisePoints: NoiseDef[] = Array.from({ length: 20 }, (_, i) => [
  `NZ-HM-${String(i + 1).padStart(2, '0')}`,
  `${['人民路', '解放路', '北京路', '长江路', '秀山路', '珠江路', '嘉陵江路', '黄海路', '东洲路', '复兴路'][i % 10]}${i < 10 ? '' : '东'}测点`,
  noiseTerritories[i % noiseTerritories.length] as string,
  121.12 + 0.022 * i,
  31.87 + 0.009 * (i % 10),
  noiseZonesCycle[i % noiseZonesCycle.length] as NoiseZone,
]);

async function territoryId(db: Db, code: string): Promise<string> {
  const unit = await findOrgUnitByCode(db, code);
  if (!unit) throw new Error(`demo org unit ${code} missing`);
  return unit.id;
}

async function createStations(db: Db, actor: Actor, inputs: CreateStationInput[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const input of inputs) ids.set(input.code, (await createStation(db, { actor, input })).id);
  return ids;
}

const significant = (x: number) => Number(x.toPrecision(3));

/** Measurements that meet the target class by construction (max factors 35–90 % of the limit, DO above it). */
function generateMeasurements(waterbody: Waterbody, target: TargetWaterClass, random: () => number, month: number): Partial<Record<WaterFactor, number>> {
  const limit = (f: WaterFactor) => waterFactorDefinitions[f].limits[waterbody]?.[target - 1] ?? 0;
  const below = (f: WaterFactor, lo = 0.35, hi = 0.9) => significant(limit(f) * (lo + (hi - lo) * random()));
  const summer = Math.cos((2 * Math.PI * (month - 7)) / 12);
  const out: Partial<Record<WaterFactor, number>> = {
    pH: Math.round((7.1 + 0.9 * random()) * 100) / 100,
    DO: significant(Math.max(limit('DO') * 1.08, 8.4 - 1.6 * summer + 0.6 * random())),
    CODMn: below('CODMn', 0.45),
    COD: below('COD', 0.5),
    BOD5: below('BOD5', 0.4),
    NH3N: below('NH3N', 0.3),
    TP: below('TP', 0.4),
    F: below('F', 0.25, 0.6),
    Petroleum: below('Petroleum', 0.2, 0.8),
    VPhenol: below('VPhenol', 0.1, 0.6),
    LAS: below('LAS', 0.1, 0.5),
    Sulfide: below('Sulfide', 0.05, 0.4),
    FecalColiform: Math.round(800 + 5000 * random()),
  };
  if (waterbody === 'lake') out.TN = below('TN', 0.4);
  else out.TN = significant(1.2 + 1.3 * random());
  return out;
}

function listDates(fromDay: number, toDay: number, dayOfMonth: number, months: readonly number[] | null): string[] {
  const out: string[] = [];
  for (let d = fromDay; d <= toDay; d++) {
    const date = formatDayNumber(d);
    if (Number(date.slice(8, 10)) !== dayOfMonth) continue;
    if (months && !months.includes(Number(date.slice(5, 7)))) continue;
    out.push(date);
  }
  return out;
}

export async function seedEnvironmentDemo(db: Db, options: EnvironmentSeedOptions): Promise<void> {
  const log = options.log ?? (() => undefined);
  const actor = systemActor('seed-demo');
  const now = options.now ?? new Date();
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const small = options.size === 'small';
  const resolver = createLocalTimeResolver(timeZone);
  const today = resolver.locate(now.getTime()).dayNumber;
  const days = small ? 30 : 365;
  const firstDay = today - days + 1;

  // Air stations and hourly data.
  const airDefs = small ? airStations.slice(1, 3) : airStations;
  const stationInputs: CreateStationInput[] = [];
  for (const [code, name, territory, lon, lat, level] of airDefs) {
    stationInputs.push({ kind: 'air', code, name, territoryOrgUnitId: await territoryId(db, territory), lon, lat, airStationLevel: level });
  }
  await createStations(db, actor, stationInputs);
  const startMs = resolver.startOfDay(firstDay);
  const lastHourMs = Math.floor(now.getTime() / 3_600_000) * 3_600_000 - 3_600_000;
  const hours = Math.floor((lastHourMs - startMs) / 3_600_000) + 1;
  const offsetHours = resolver.locate(startMs).hour;
  const weather = generateWeather(days + 2, 7);
  const firstDate = formatDayNumber(firstDay);
  const dayOfYear0 = Math.round((Date.parse(`${firstDate}T00:00:00Z`) - Date.parse(`${firstDate.slice(0, 4)}-01-01T00:00:00Z`)) / 86_400_000);
  const records = airDefs.flatMap(([code, , , , , , pm, no2, o3], i) =>
    generateStationHours({ code, pmFactor: pm, no2Factor: no2, o3Factor: o3 }, { startMs, hours, offsetHours }, weather, {
      seed: 100 + i, dayOfYear0, outages: small ? 0 : 1 + (i % 2),
    }),
  );
  const air = await upsertHourlyAirData(db, { actor, records, source: 'seed', now, timeZone });
  log(`environment: ${airDefs.length} air stations, ${air.inserted} hourly rows, ${air.recomputedDays} station-days`);

  // Water sections and samples.
  const waterDefs = small ? waterSections.slice(3, 5) : waterSections;
  const waterInputs: CreateStationInput[] = [];
  for (const [code, name, territory, lon, lat, waterbody, riverName, targetClass] of waterDefs) {
    waterInputs.push({ kind: 'water', code, name: `${riverName}${name}`, territoryOrgUnitId: await territoryId(db, territory), lon, lat, waterbody, riverName, targetClass });
  }
  const waterIds = await createStations(db, actor, waterInputs);
  const random = createRandom(42);
  const sampleDates = listDates(firstDay, today, 10, null);
  const samples: WaterSampleWrite[] = [];
  for (const [code, , , , , waterbody, , target] of waterDefs) {
    for (const date of sampleDates) {
      const measurements = generateMeasurements(waterbody, target, random, Number(date.slice(5, 7)));
      samples.push({
        id: newId(), stationId: waterIds.get(code) as string, sampledOn: date, measurements,
        assessment: assessWaterSection({ waterbody, measurements, targetClass: target }), targetClass: target, note: null, createdBy: null,
      });
    }
  }
  // Noise points and measurements.
  const noiseDefs = small ? noisePoints.slice(0, 2) : noisePoints;
  const noiseInputs: CreateStationInput[] = [];
  for (const [code, name, territory, lon, lat, zone] of noiseDefs) {
    noiseInputs.push({ kind: 'noise', code, name, territoryOrgUnitId: await territoryId(db, territory), lon, lat, noiseZone: zone });
  }
  const noiseIds = await createStations(db, actor, noiseInputs);
  const noiseDates = listDates(firstDay, today, 15, small ? null : [2, 5, 8, 11]);
  const noiseRows = noiseDefs.flatMap(([code, , , , , zone]) =>
    noiseDates.map((date) => {
      const limits = { '0': [50, 40], '1': [55, 45], '2': [60, 50], '3': [65, 55], '4a': [70, 55], '4b': [70, 60] }[zone];
      const day = Math.round(((limits?.[0] ?? 60) - 1.5 - 6 * random()) * 10) / 10;
      const night = Math.round(((limits?.[1] ?? 50) - 1 - 5 * random()) * 10) / 10;
      return buildNoiseWrite({ id: newId(), stationId: noiseIds.get(code) as string, measuredOn: date, zone, dayLeq: day, nightLeq: night, nightLmax: null, note: null, createdBy: null });
    }),
  );
  await db.transaction(async (tx) => {
    await insertWaterSamples(tx, samples);
    await insertNoiseMeasurements(tx, noiseRows);
    await recordAudit(tx, actor, { action: 'env.demo.samples', entityType: 'env_station', summary: `演示数据：水质采样 ${samples.length} 条，噪声监测 ${noiseRows.length} 条` });
  });
  log(`environment: ${waterDefs.length} water sections (${samples.length} samples), ${noiseDefs.length} noise points (${noiseRows.length} measurements)`);

  // Red-line zones.
  const zones = buildDemoZones(small ? { count: 3, targetKm2: 20 } : { count: 30, targetKm2: 198.6 });
  const imported = await importZones(db, { actor, geojson: zones, options: { mode: 'upsert', dryRun: false } });
  log(`environment: ${imported.created} red-line zones, ${imported.totalAreaKm2.toFixed(1)} km²`);
}
