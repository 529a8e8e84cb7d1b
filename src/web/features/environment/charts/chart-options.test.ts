import { describe, expect, it } from 'vitest';
import type { AirStatisticsRow, AqiCalendar, DailyAqiItem } from '../../../../domains/environment/air-schema';
import { aqiLevels } from '../../../../domains/environment/aqi-tables';
import { indicatorLabel, primaryPollutantText, textColorOn } from '../env-labels';
import { calendarOption, dailyAqiOption, goodDayTrendOption, type ChartI18n } from './air-chart-options';
import { areaByTierOption } from './env-chart-options';

const zh: ChartI18n = { t: (z) => z, label: (l) => l?.zh ?? '', lang: 'zh' };

type Series = { type: string; name?: string; data: unknown[]; itemStyle?: { color?: string }; stack?: string; yAxisIndex?: number };
const seriesOf = (option: { series?: unknown }) => option.series as Series[];

describe('calendarOption', () => {
  const calendar: AqiCalendar = {
    unit: { kind: 'city', id: 'c', name: '海门' },
    year: 2026,
    days: [
      { date: '2026-03-01', aqi: 42, level: 1, category: '优', color: '#00E400', primaryPollutants: [] },
      { date: '2026-03-02', aqi: null, level: null, category: null, color: null, primaryPollutants: [] },
      { date: '2026-03-03', aqi: 151, level: 4, category: '中度污染', color: '#FF0000', primaryPollutants: ['PM2_5_24H'] },
    ],
  };

  it('paints the year with one visual-map piece per HJ 633 level in the standard colours', () => {
    const option = calendarOption(calendar, zh);
    const pieces = (option.visualMap as { pieces: Array<{ min: number; max: number; color: string }> }).pieces;
    expect(pieces.map((p) => p.color)).toEqual(['#00E400', '#FFFF00', '#FF7E00', '#FF0000', '#99004C', '#7E0023']);
    expect(pieces.map((p) => [p.min, p.max])).toEqual(aqiLevels.map((l) => [l.minAqi, l.maxAqi]));
    expect((option.calendar as { range: string }).range).toBe('2026');
  });

  it('plots only days that have a daily AQI', () => {
    expect(seriesOf(calendarOption(calendar, zh))[0]?.data).toEqual([['2026-03-01', 42], ['2026-03-03', 151]]);
  });
});

describe('dailyAqiOption', () => {
  it('colours each day by its own level colour and greys out invalid days', () => {
    const item = (date: string, aqi: number | null, color: string | null): DailyAqiItem => ({
      date, standard: 'HJ 633-2026', aqi, level: null, category: null, color, primaryPollutants: [], values: {}, iaqi: {}, validHours: {}, o3Windows: 0,
    });
    const data = seriesOf(dailyAqiOption([item('2026-03-01', 80, '#FFFF00'), item('2026-03-02', null, null)], zh))[0]?.data as Array<{ value: number | null; itemStyle: { color: string } }>;
    expect(data.map((d) => d.itemStyle.color)).toEqual(['#FFFF00', '#d9d9d9']);
    expect(data.map((d) => d.value)).toEqual([80, null]);
  });
});

describe('goodDayTrendOption', () => {
  it('stacks the days of each category per month and draws the good-day rate on the percent axis', () => {
    const month = (period: string, good: number | null, byCat: Partial<Record<string, number>>) =>
      ({ period, goodDayPercent: good, daysByCategory: byCat }) as unknown as AirStatisticsRow;
    const series = seriesOf(goodDayTrendOption([month('2026-01', 80, { 优: 10, 良: 14, 轻度污染: 6 }), month('2026-02', null, {})], zh));
    expect(series.filter((s) => s.type === 'bar').map((s) => s.itemStyle?.color)).toEqual(aqiLevels.map((l) => l.color));
    expect(series.find((s) => s.name === '良')?.data).toEqual([14, 0]);
    const rate = series.find((s) => s.type === 'line');
    expect(rate).toMatchObject({ yAxisIndex: 1, data: [80, null] });
  });
});

describe('areaByTierOption', () => {
  it('gives each tier the colour of its rank in the configured tiers', () => {
    const data = seriesOf(areaByTierOption([{ tier: '二级管控区', km2: 6.6, zoneCount: 1 }, { tier: '一级管控区', km2: 13.4, zoneCount: 2 }], ['一级管控区', '二级管控区'], zh))[0]
      ?.data as Array<{ name: string; itemStyle: { color: string } }>;
    expect(data.map((d) => [d.name, d.itemStyle.color])).toEqual([['二级管控区', '#fa8c16'], ['一级管控区', '#cf1322']]);
  });
});

describe('labels', () => {
  it('names pollutants and indicators in their usual notation', () => {
    expect(primaryPollutantText(['PM2_5_24H', 'PM2_5_1H', 'O3_8H_MAX'])).toBe('PM₂.₅、O₃');
    expect(primaryPollutantText([])).toBe('—');
    expect(indicatorLabel('O3_8H_MAX')).toBe('O₃ 8h max');
    expect(indicatorLabel('CO_24H')).toBe('CO 24h');
  });

  it('writes dark text on light AQI colours and white on dark ones', () => {
    expect(textColorOn('#FFFF00')).toBe('rgba(0,0,0,0.88)');
    expect(textColorOn('#00E400')).toBe('rgba(0,0,0,0.88)');
    expect(textColorOn('#99004C')).toBe('#fff');
    expect(textColorOn('#7E0023')).toBe('#fff');
  });
});
