/** ECharts options of the water, noise and red-line charts (pure: data in, option out). */
import type { NoiseCompliance, NoiseMeasurement } from '../../../../domains/environment/noise-schema';
import type { WaterCompliance } from '../../../../domains/environment/water-schema';
import { noiseZoneLabels, tierColor, waterClassColors, waterClassNames } from '../env-labels';
import type { ChartI18n } from './air-chart-options';
import type { ChartOption } from './chart-types';

const percentTooltip = { trigger: 'axis' as const, valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : '—') };

/** Water compliance rate, Ⅰ–Ⅲ share and 劣Ⅴ share per period. */
export function waterComplianceOption(data: WaterCompliance, { t }: ChartI18n): ChartOption {
  const rows = data.rows;
  return {
    tooltip: percentTooltip,
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 52, bottom: 24 },
    xAxis: { type: 'category', data: rows.map((r) => r.period) },
    yAxis: { type: 'value', min: 0, max: 100, name: '%' },
    series: [
      { type: 'bar', name: t('水质达标率', 'Compliance rate'), itemStyle: { color: '#1677ff' }, data: rows.map((r) => r.compliancePercent) },
      { type: 'line', name: t('优良（Ⅰ–Ⅲ类）比例', 'Class Ⅰ–Ⅲ share'), itemStyle: { color: '#52c41a' }, data: rows.map((r) => r.goodPercent) },
      { type: 'line', name: t('劣Ⅴ类比例', 'Worse than Ⅴ share'), itemStyle: { color: '#f5222d' }, data: rows.map((r) => r.worstPercent) },
    ],
  };
}

/** Sections per water class (one bar per class in its colour). */
export function waterClassOption(byClass: Record<string, number>, { t }: ChartI18n): ChartOption {
  const classes = [1, 2, 3, 4, 5, 6];
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 36, right: 16, top: 16, bottom: 24 },
    xAxis: { type: 'category', data: classes.map((c) => waterClassNames[c] as string) },
    yAxis: { type: 'value', name: t('断面数', 'Sections'), minInterval: 1 },
    series: [{ type: 'bar', name: t('断面数', 'Sections'), label: { show: true, position: 'top' }, data: classes.map((c) => ({ value: byClass[String(c)] ?? 0, itemStyle: { color: waterClassColors[c] } })) }],
  };
}

/** Day and night compliance rate per period (all zones together). */
export function noiseComplianceTrendOption(data: NoiseCompliance, { t }: ChartI18n): ChartOption {
  const rows = data.rows;
  return {
    tooltip: percentTooltip,
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 52, bottom: 24 },
    xAxis: { type: 'category', data: rows.map((r) => r.period) },
    yAxis: { type: 'value', min: 0, max: 100, name: '%' },
    series: [
      { type: 'bar', name: t('昼间达标率', 'Day'), itemStyle: { color: '#faad14' }, data: rows.map((r) => r.all.day.percent) },
      { type: 'bar', name: t('夜间达标率', 'Night'), itemStyle: { color: '#2f54eb' }, data: rows.map((r) => r.all.night.percent) },
    ],
  };
}

/** Day and night compliance rate per functional zone class over the whole window. */
export function noiseByZoneOption(data: NoiseCompliance, { t, label }: ChartI18n): ChartOption {
  const merged = new Map<string, { day: [number, number]; night: [number, number] }>();
  for (const row of data.rows) {
    for (const z of row.byZone) {
      const m = merged.get(z.zone) ?? { day: [0, 0], night: [0, 0] };
      m.day = [m.day[0] + z.day.compliant, m.day[1] + z.day.measured];
      m.night = [m.night[0] + z.night.compliant, m.night[1] + z.night.measured];
      merged.set(z.zone, m);
    }
  }
  const zones = [...merged.keys()].sort();
  const pct = ([ok, n]: [number, number]) => (n === 0 ? null : Math.round((ok / n) * 1000) / 10);
  return {
    tooltip: percentTooltip,
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 52, bottom: 24 },
    xAxis: { type: 'category', data: zones.map((z) => label(noiseZoneLabels[z as keyof typeof noiseZoneLabels]) || z) },
    yAxis: { type: 'value', min: 0, max: 100, name: '%' },
    series: [
      { type: 'bar', name: t('昼间达标率', 'Day'), itemStyle: { color: '#faad14' }, data: zones.map((z) => pct(merged.get(z)?.day ?? [0, 0])) },
      { type: 'bar', name: t('夜间达标率', 'Night'), itemStyle: { color: '#2f54eb' }, data: zones.map((z) => pct(merged.get(z)?.night ?? [0, 0])) },
    ],
  };
}

/** Day and night Leq of one point over time, against its limits. */
export function noiseLevelsOption(items: readonly NoiseMeasurement[], { t }: ChartI18n): ChartOption {
  const sorted = [...items].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn));
  const limit = (v: number | null | undefined, name: string, color: string) =>
    v === null || v === undefined ? [] : [{ yAxis: v, name, lineStyle: { color, type: 'dashed' as const } }];
  const last = sorted[sorted.length - 1];
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 44, right: 16, top: 52, bottom: 24 },
    xAxis: { type: 'category', data: sorted.map((m) => m.measuredOn) },
    yAxis: { type: 'value', name: 'dB(A)', scale: true },
    series: [
      {
        type: 'line',
        name: t('昼间 Leq', 'Day Leq'),
        itemStyle: { color: '#faad14' },
        data: sorted.map((m) => m.dayLeq),
        markLine: { symbol: 'none', silent: true, data: limit(last?.dayLimit, t('昼间限值', 'Day limit'), '#faad14') },
      },
      {
        type: 'line',
        name: t('夜间 Leq', 'Night Leq'),
        itemStyle: { color: '#2f54eb' },
        data: sorted.map((m) => m.nightLeq),
        markLine: { symbol: 'none', silent: true, data: limit(last?.nightLimit, t('夜间限值', 'Night limit'), '#2f54eb') },
      },
    ],
  };
}

/** Protected area per control tier (pie, tier colours). */
export function areaByTierOption(groups: ReadonlyArray<{ tier: string | null; km2: number; zoneCount: number }>, tiers: readonly string[], { t }: ChartI18n): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: (p: unknown) => {
      const q = p as { name: string; value: number; percent: number };
      return `${q.name}<br/>${q.value.toFixed(2)} km² (${q.percent}%)`;
    } },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        name: t('保护面积', 'Protected area'),
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        label: { formatter: (p: unknown) => `${(p as { value: number }).value.toFixed(1)} km²` },
        data: groups.map((g) => ({ name: g.tier ?? t('未分级', 'No tier'), value: g.km2, itemStyle: { color: tierColor(g.tier, tiers) } })),
      },
    ],
  };
}
