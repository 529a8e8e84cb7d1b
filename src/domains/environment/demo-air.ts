/**
 * Plausible hourly air data for the demo (and the benchmark): a seasonal pattern (PM higher in
 * winter, O3 higher in summer), a regional day-to-day "weather" that makes episodes, diurnal
 * shapes, station differences and gaps (single hours and multi-day outages). Deterministic.
 */
import type { HourlyAirInput } from './air-schema';

/** mulberry32: a small deterministic PRNG. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

const HOUR_MS = 3_600_000;
const TAU = 2 * Math.PI;

export type AirSeries = {
  /** First hour (UTC instant of its start) and number of hours. */
  startMs: number;
  hours: number;
  /** Local hour of day of the first hour (the city's offset, e.g. 8 for Asia/Shanghai at UTC midnight). */
  offsetHours: number;
};

/** Regional weather per day (log multipliers for PM and O3), shared by all stations. */
export function generateWeather(days: number, seed: number): { pm: Float64Array; o3: Float64Array } {
  const random = createRandom(seed);
  const pm = new Float64Array(days);
  const o3 = new Float64Array(days);
  let a = 0;
  let b = 0;
  for (let d = 0; d < days; d++) {
    a = 0.72 * a + 0.42 * gaussian(random);
    b = 0.6 * b + 0.26 * gaussian(random);
    pm[d] = a;
    o3[d] = b;
  }
  return { pm, o3 };
}

export type StationProfile = { code: string; pmFactor: number; no2Factor: number; o3Factor: number };

/**
 * Hourly records of one station (hourStart in ISO UTC). `dayOfYear0` is the day of year (0-based)
 * of the series' first local day, used for the seasons.
 */
export function generateStationHours(
  profile: StationProfile,
  series: AirSeries,
  weather: { pm: Float64Array; o3: Float64Array },
  options: { seed: number; dayOfYear0: number; gapRate?: number; outages?: number },
): HourlyAirInput[] {
  const random = createRandom(options.seed);
  const gapRate = options.gapRate ?? 0.015;
  const outages: [number, number][] = [];
  for (let k = 0; k < (options.outages ?? 1); k++) {
    const start = Math.floor(random() * series.hours);
    outages.push([start, start + 24 + Math.floor(random() * 72)]);
  }
  const out: HourlyAirInput[] = [];
  for (let i = 0; i < series.hours; i++) {
    const localHour = (i + series.offsetHours) % 24;
    const day = Math.floor((i + series.offsetHours) / 24);
    if (outages.some(([s, e]) => i >= s && i < e) || random() < gapRate) continue;
    const doy = (options.dayOfYear0 + day) % 365;
    const wPm = weather.pm[Math.min(day, weather.pm.length - 1)] ?? 0;
    const wO3 = weather.o3[Math.min(day, weather.o3.length - 1)] ?? 0;
    const season = 1 + 0.5 * Math.cos((TAU * (doy - 12)) / 365);
    const summer = Math.cos((TAU * (doy - 175)) / 365);
    const diurnalPm = 1 + 0.16 * Math.cos((TAU * (localHour - 8)) / 24) + 0.1 * Math.cos((TAU * (localHour - 20)) / 12);
    const pm25 = 27 * profile.pmFactor * season * Math.exp(wPm) * diurnalPm * Math.exp(0.12 * gaussian(random));
    const pm10 = pm25 * (1.55 + 0.25 * random());
    const o3Peak = (94 + 69 * summer) * profile.o3Factor * Math.exp(wO3 - 0.35 * Math.max(0, wPm));
    const sun = localHour >= 6 && localHour <= 20 ? Math.max(0, Math.sin((Math.PI * (localHour - 6)) / 15)) : 0;
    const o3 = o3Peak * (0.22 + 0.78 * sun ** 1.4) * Math.exp(0.1 * gaussian(random));
    const rush = 1 + 0.35 * Math.exp(-((localHour - 8) ** 2) / 4) + 0.45 * Math.exp(-((localHour - 19) ** 2) / 6) - 0.25 * sun;
    const no2 = 24 * profile.no2Factor * (1 + 0.3 * Math.cos((TAU * (doy - 12)) / 365)) * rush * Math.exp(0.5 * wPm) * Math.exp(0.15 * gaussian(random));
    const so2 = 6 + 3 * season * Math.exp(0.2 * gaussian(random));
    const co = 0.55 * season ** 0.7 * Math.exp(0.4 * wPm) * Math.exp(0.1 * gaussian(random));
    out.push({
      stationCode: profile.code,
      hourStart: new Date(series.startMs + i * HOUR_MS).toISOString(),
      SO2: Math.max(2, Math.round(so2)),
      NO2: Math.max(2, Math.round(no2)),
      CO: Math.max(0.1, Math.round(co * 10) / 10),
      O3: Math.max(2, Math.round(o3)),
      PM10: Math.max(3, Math.round(pm10)),
      PM2_5: Math.max(2, Math.round(pm25)),
    });
  }
  return out;
}
