/**
 * ECharts options of the air-quality charts (pure: data in, option out). Colours of AQI levels
 * come from the HJ 633 table of the back end (`aqiLevels`).
 */
import type { AirStatisticsRow, AqiCalendar, DailyAqiItem, HourlyItem } from '../../../../domains/environment/air-schema';
import { aqiLevels, type AqiCategory } from '../../../../domains/environment/aqi-tables';
import { aqiCategoryLabels, NO_DATA_COLOR, pollutantLabels, primaryPollutantText } from '../env-labels';
import type { ChartOption } from './chart-types';

export type Translate = (zh: string, en: string) => string;
export type Label = (l: { zh: string; en: string } | undefined) => string;
/** What the builders need from `useI18n()`. */
export type ChartI18n = { t: Translate; label: Label; lang: 'zh' | 'en' };

const categoryName = (label: Label, c: AqiCategory) => label(aqiCategoryLabels[c]);

/** Visual-map pieces: one per AQI level, in the standard colours. */
export function aqiPieces(label: Label) {
  return aqiLevels.map((l) => ({ min: l.minAqi, max: l.maxAqi, color: l.color, label: `${categoryName(label, l.category)} ${l.minAqi}–${l.maxAqi}` }));
}

/** Monthly days by AQI category (stacked bars, level colours) and the good-day rate (line, right axis). */
export function goodDayTrendOption(months: readonly AirStatisticsRow[], { t, label }: ChartI18n): ChartOption {
  const periods = months.map((m) => m.period);
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 40, right: 48, top: 60, bottom: 28 },
    xAxis: { type: 'category', data: periods },
    yAxis: [
      { type: 'value', name: t('天数', 'Days'), minInterval: 1 },
      { type: 'value', name: '%', min: 0, max: 100, splitLine: { show: false } },
    ],
    series: [
      ...aqiLevels.map((l) => ({
        type: 'bar' as const,
        name: categoryName(label, l.category),
        stack: 'days',
        itemStyle: { color: l.color },
        data: months.map((m) => m.daysByCategory[l.category] ?? 0),
      })),
      {
        type: 'line' as const,
        name: t('优良天数比例', 'Good-day rate'),
        yAxisIndex: 1,
        itemStyle: { color: '#1f6feb' },
        data: months.map((m) => m.goodDayPercent),
        connectNulls: false,
      },
    ],
  };
}

/** A year of daily AQI as a calendar heat map in the AQI level colours. */
export function calendarOption(calendar: AqiCalendar, { t, label, lang }: ChartI18n): ChartOption {
  const names = lang === 'zh' ? 'ZH' : 'EN';
  const byDate = new Map(calendar.days.map((d) => [d.date, d]));
  return {
    tooltip: {
      formatter: (p: unknown) => {
        const value = (p as { value?: [string, number] }).value;
        const day = value ? byDate.get(value[0]) : undefined;
        if (!day) return '';
        const cat = day.category ? categoryName(label, day.category) : t('无有效数据', 'No valid data');
        return `${day.date}<br/>AQI ${day.aqi ?? '—'} · ${cat}<br/>${t('首要污染物', 'Primary pollutant')}：${primaryPollutantText(day.primaryPollutants)}`;
      },
    },
    visualMap: { type: 'piecewise', orient: 'horizontal', left: 'center', bottom: 0, pieces: aqiPieces(label), outOfRange: { color: NO_DATA_COLOR } },
    calendar: {
      top: 36,
      left: 36,
      right: 16,
      bottom: 56,
      range: String(calendar.year),
      cellSize: ['auto', 15],
      yearLabel: { show: false },
      dayLabel: { firstDay: 1, nameMap: names },
      monthLabel: { nameMap: names },
      itemStyle: { color: '#fafafa', borderColor: '#fff', borderWidth: 2 },
      splitLine: { lineStyle: { color: '#bfbfbf' } },
    },
    series: [{ type: 'heatmap', coordinateSystem: 'calendar', data: calendar.days.filter((d) => d.aqi !== null).map((d) => [d.date, d.aqi]) }],
  };
}

/** Days as primary pollutant (and of those, polluted days) per pollutant. */
export function primaryPollutantOption(row: AirStatisticsRow | null, { t }: ChartI18n): ChartOption {
  const pollutants = Object.keys(pollutantLabels) as Array<keyof typeof pollutantLabels>;
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 52, bottom: 24 },
    xAxis: { type: 'category', data: pollutants.map((p) => pollutantLabels[p]) },
    yAxis: { type: 'value', name: t('天数', 'Days'), minInterval: 1 },
    series: [
      { type: 'bar', name: t('首要污染物天数', 'Days as primary'), itemStyle: { color: '#1f6feb' }, data: pollutants.map((p) => row?.primaryPollutantDays[p] ?? 0) },
      { type: 'bar', name: t('其中超标天数', 'Of which polluted'), itemStyle: { color: '#FF7E00' }, data: pollutants.map((p) => row?.primaryPollutantPollutedDays[p] ?? 0) },
    ],
  };
}

/** Good-day rate per statistics unit (station / township), highest first. */
export function goodRateByUnitOption(rows: readonly AirStatisticsRow[], { t }: ChartI18n): ChartOption {
  const sorted = [...rows].sort((a, b) => (a.goodDayPercent ?? -1) - (b.goodDayPercent ?? -1));
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : '—') },
    grid: { left: 96, right: 40, top: 8, bottom: 24 },
    xAxis: { type: 'value', min: 0, max: 100, name: '%' },
    yAxis: { type: 'category', data: sorted.map((r) => r.unit.name) },
    series: [
      {
        type: 'bar',
        name: t('优良天数比例', 'Good-day rate'),
        data: sorted.map((r) => r.goodDayPercent),
        itemStyle: { color: '#52c41a' },
        label: { show: true, position: 'right', formatter: (p: unknown) => `${(p as { value: number | null }).value ?? '—'}%` },
      },
    ],
  };
}

/** Days per AQI category (one bar per category in its colour). */
export function categoryDaysOption(daysByCategory: Partial<Record<AqiCategory, number>>, { t, label }: ChartI18n): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 16, bottom: 24 },
    xAxis: { type: 'category', data: aqiLevels.map((l) => categoryName(label, l.category)) },
    yAxis: { type: 'value', name: t('天数', 'Days'), minInterval: 1 },
    series: [{ type: 'bar', name: t('天数', 'Days'), data: aqiLevels.map((l) => ({ value: daysByCategory[l.category] ?? 0, itemStyle: { color: l.color } })), label: { show: true, position: 'top' } }],
  };
}

/** Daily AQI series: one bar per day in its level colour, with the 100 line (good-day limit). */
export function dailyAqiOption(items: readonly DailyAqiItem[], { t, label }: ChartI18n): ChartOption {
  return {
    tooltip: {
      trigger: 'axis',
      formatter: (ps: unknown) => {
        const p = (ps as Array<{ dataIndex: number }>)[0];
        const d = p ? items[p.dataIndex] : undefined;
        if (!d) return '';
        return `${d.date}<br/>AQI ${d.aqi ?? '—'} · ${d.category ? categoryName(label, d.category) : t('无效', 'Invalid')}<br/>${t('首要污染物', 'Primary')}：${primaryPollutantText(d.primaryPollutants)}`;
      },
    },
    grid: { left: 40, right: 16, top: 16, bottom: 56 },
    dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
    xAxis: { type: 'category', data: items.map((d) => d.date) },
    yAxis: { type: 'value', name: 'AQI' },
    series: [
      {
        type: 'bar',
        name: 'AQI',
        data: items.map((d) => ({ value: d.aqi, itemStyle: { color: d.color ?? NO_DATA_COLOR } })),
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { type: 'dashed', color: '#FF7E00' },
          label: { position: 'insideEndTop', formatter: t('优良上限 100', 'Good-day limit 100') },
          data: [{ yAxis: 100 }],
        },
      },
    ],
  };
}

const hourPollutants = ['PM2_5', 'PM10', 'O3', 'NO2', 'SO2'] as const;
const hourColors: Record<string, string> = { PM2_5: '#cf1322', PM10: '#fa8c16', O3: '#1677ff', NO2: '#722ed1', SO2: '#13c2c2', CO: '#595959' };

/** Hourly concentrations of one day (µg/m³ on the left axis, CO mg/m³ on the right). */
export function hourlyOption(items: readonly HourlyItem[], { t }: ChartI18n): ChartOption {
  const hours = items.map((h) => new Date(Date.parse(h.hourStart) + 8 * 3_600_000).toISOString().slice(11, 16));
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 44, right: 48, top: 52, bottom: 24 },
    xAxis: { type: 'category', data: hours },
    yAxis: [
      { type: 'value', name: 'µg/m³' },
      { type: 'value', name: 'CO mg/m³', splitLine: { show: false } },
    ],
    series: [
      ...hourPollutants.map((p) => ({
        type: 'line' as const,
        name: pollutantLabels[p],
        showSymbol: false,
        itemStyle: { color: hourColors[p] },
        data: items.map((h) => (h.valid ? h[p] : null)),
      })),
      { type: 'line' as const, name: 'CO', yAxisIndex: 1, showSymbol: false, itemStyle: { color: hourColors.CO }, lineStyle: { type: 'dashed' as const }, data: items.map((h) => (h.valid ? h.CO : null)) },
    ],
    title: items.length === 0 ? { text: t('该日无小时数据', 'No hourly data for that day'), left: 'center', top: 'middle', textStyle: { fontSize: 13, color: '#999' } } : undefined,
  };
}
