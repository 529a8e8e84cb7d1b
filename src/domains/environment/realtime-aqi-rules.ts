/**
 * Real-time (hourly) AQI of a station from its latest hours (standards.md §1.4):
 * - HJ 633-2026: the six 1-hour values of the hour (PM 1-h rated on the daily PM columns);
 * - HJ 633-2012: SO2/NO2/CO/O3 1-hour values, the O3 8-hour sliding mean (the hour and the 7 before
 *   it, ≥ 6 valid), the PM10/PM2.5 24-hour sliding means (≥ 20 valid) and SO2 24-hour sliding mean
 *   (read only when SO2 1-h > 800).
 */
import { computeAqi, resolveAqiStandard, type AqiResult } from './aqi-rules';
import type { AqiCode } from './aqi-tables';
import { computeWindowMean } from './air-validity-rules';

export type RealtimeHour = {
  so2: number | null;
  no2: number | null;
  co: number | null;
  o3: number | null;
  pm10: number | null;
  pm2_5: number | null;
};

const window = (hours: readonly (RealtimeHour | null)[], key: keyof RealtimeHour, n: number) =>
  hours.slice(-n).map((h) => (h ? h[key] : null));

/**
 * `hours`: the last up-to-24 hours ending with the reported hour (oldest first; null = no row).
 * `date`: local date of the reported hour (selects the standard).
 */
export function computeRealtimeAqi(hours: readonly (RealtimeHour | null)[], date: string): AqiResult {
  const standard = resolveAqiStandard({ date });
  const current = hours[hours.length - 1] ?? null;
  const concentrations: Partial<Record<AqiCode, number | null>> = {};
  if (standard === 'HJ 633-2026') {
    concentrations.SO2_1H = current?.so2 ?? null;
    concentrations.NO2_1H = current?.no2 ?? null;
    concentrations.CO_1H = current?.co ?? null;
    concentrations.O3_1H = current?.o3 ?? null;
    concentrations.PM10_1H = current?.pm10 ?? null;
    concentrations.PM2_5_1H = current?.pm2_5 ?? null;
  } else {
    concentrations.SO2_1H = current?.so2 ?? null;
    concentrations.NO2_1H = current?.no2 ?? null;
    concentrations.CO_1H = current?.co ?? null;
    concentrations.O3_1H = current?.o3 ?? null;
    concentrations.O3_8H = computeWindowMean(window(hours, 'o3', 8), 'O3', 6);
    concentrations.PM10_24H = computeWindowMean(window(hours, 'pm10', 24), 'PM10', 20);
    concentrations.PM2_5_24H = computeWindowMean(window(hours, 'pm2_5', 24), 'PM2_5', 20);
    concentrations.SO2_24H = computeWindowMean(window(hours, 'so2', 24), 'SO2', 20);
  }
  return computeAqi({ standard, report: 'hourly', concentrations });
}
