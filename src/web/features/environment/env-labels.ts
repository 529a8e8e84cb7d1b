/**
 * Bilingual labels and colours of the environment module. AQI levels and colours come from the
 * back end's HJ 633 table (`aqi-tables.ts`, isomorphic); the rest are display conventions.
 */
import { aqiLevels, type AqiCategory, type AqiCode, type AirPollutant } from '../../../domains/environment/aqi-tables';
import type { SitingOutcome } from '../../../domains/environment/geo/control-rules';
import type { NoiseZone } from '../../../domains/environment/noise-rules';

export type Bilingual = { zh: string; en: string };

export const aqiCategoryLabels: Record<AqiCategory, Bilingual> = {
  优: { zh: '优', en: 'Good' },
  良: { zh: '良', en: 'Moderate' },
  轻度污染: { zh: '轻度污染', en: 'Lightly polluted' },
  中度污染: { zh: '中度污染', en: 'Moderately polluted' },
  重度污染: { zh: '重度污染', en: 'Heavily polluted' },
  严重污染: { zh: '严重污染', en: 'Severely polluted' },
};

export const pollutantLabels: Record<AirPollutant, string> = { SO2: 'SO₂', NO2: 'NO₂', CO: 'CO', O3: 'O₃', PM10: 'PM₁₀', PM2_5: 'PM₂.₅' };

const codePollutant = (code: string): AirPollutant | undefined => {
  const p = code.replace(/_(24H|1H|8H|8H_MAX|1H_MAX)$/, '');
  return p in pollutantLabels ? (p as AirPollutant) : undefined;
};

/** 'PM2_5_24H' → 'PM₂.₅', 'O3_8H_MAX' → 'O₃'. */
export function pollutantOfIndicator(code: AqiCode | string): string {
  const p = codePollutant(code);
  return p ? pollutantLabels[p] : code;
}

/** 'PM2_5_24H' → 'PM₂.₅ 24h', 'O3_8H_MAX' → 'O₃ 8h max'. */
export function indicatorLabel(code: string): string {
  const p = codePollutant(code);
  if (!p) return code;
  const suffix = code.slice(p.length + 1).toLowerCase().replace('_max', ' max');
  return `${pollutantLabels[p]} ${suffix}`;
}

/** Primary pollutants as one text ('—' when none, e.g. AQI ≤ 50). */
export function primaryPollutantText(codes: readonly string[]): string {
  return codes.length ? [...new Set(codes.map(pollutantOfIndicator))].join('、') : '—';
}

/** Level info of an AQI value (the HJ 633 table), or null. */
export function aqiLevelOf(aqi: number | null | undefined) {
  if (aqi === null || aqi === undefined) return null;
  return aqiLevels.find((l) => aqi <= l.maxAqi) ?? aqiLevels[aqiLevels.length - 1] ?? null;
}

/** Readable text colour on a background: whichever of dark or white has the higher WCAG contrast. */
export function textColorOn(background: string | null | undefined): string {
  if (!background) return 'rgba(0,0,0,0.88)';
  const hex = background.replace('#', '');
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? 'rgba(0,0,0,0.88)' : '#fff';
}

export const NO_DATA_COLOR = '#d9d9d9';

export const sitingOutcomeLabels: Record<SitingOutcome, Bilingual> = {
  allowed: { zh: '允许', en: 'Allowed' },
  conditional: { zh: '有条件', en: 'Conditional' },
  prohibited: { zh: '禁止', en: 'Prohibited' },
};
export const sitingOutcomeColors: Record<SitingOutcome, string> = { allowed: 'green', conditional: 'orange', prohibited: 'red' };

/** Fill colours of control tiers on the map, strictest first (tiers come from the rule set). */
const tierPalette = ['#cf1322', '#fa8c16', '#d4b106', '#1677ff', '#722ed1', '#13c2c2'];
export function tierColor(tier: string | null | undefined, tiers: readonly string[]): string {
  const i = tier ? tiers.indexOf(tier) : -1;
  return i >= 0 ? (tierPalette[i % tierPalette.length] as string) : '#8c8c8c';
}

/** Water class colours (环办〔2011〕22号 colour names: 蓝 蓝 绿 黄 橙 红). */
export const waterClassColors: Record<number, string> = { 1: '#1677ff', 2: '#1677ff', 3: '#52c41a', 4: '#fadb14', 5: '#fa8c16', 6: '#f5222d' };
export const waterClassNames: Record<number, string> = { 1: 'Ⅰ', 2: 'Ⅱ', 3: 'Ⅲ', 4: 'Ⅳ', 5: 'Ⅴ', 6: '劣Ⅴ' };

export const noiseZoneLabels: Record<NoiseZone, Bilingual> = {
  '0': { zh: '0 类', en: 'Class 0' },
  '1': { zh: '1 类', en: 'Class 1' },
  '2': { zh: '2 类', en: 'Class 2' },
  '3': { zh: '3 类', en: 'Class 3' },
  '4a': { zh: '4a 类', en: 'Class 4a' },
  '4b': { zh: '4b 类', en: 'Class 4b' },
};

export const stationKindLabels: Record<'air' | 'water' | 'noise', Bilingual> = {
  air: { zh: '空气自动监测站', en: 'Air station' },
  water: { zh: '地表水监测断面', en: 'Water section' },
  noise: { zh: '噪声监测点位', en: 'Noise point' },
};

export const formatPercent = (v: number | null | undefined, digits = 1) => (v === null || v === undefined ? '—' : `${v.toFixed(digits)}%`);
export const formatKm2 = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(2));
export const formatNumber = (v: number | null | undefined, digits = 0) =>
  v === null || v === undefined ? '—' : v.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
