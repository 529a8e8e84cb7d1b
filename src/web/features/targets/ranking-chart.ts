/**
 * ECharts option of one peer group's ranking (pure: data in, option out): stacked bars of the
 * indicator score, bonus and deduction per unit in rank order, with the total on top.
 */
import type { Ranking } from '../../../domains/targets/assessment-schema';
import type { ChartOption } from '../environment/charts/chart-types';

type Chart = Ranking['groups'][number]['chart'];

export function rankingChartOption(chart: Chart, t: (zh: string, en: string) => string): ChartOption {
  const series = (key: 'raw' | 'bonus' | 'deduction' | 'total') => chart.series.find((s) => s.key === key)?.data ?? [];
  const totals = series('total');
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: chart.categories.length > 8 ? 72 : 32 },
    xAxis: { type: 'category', data: chart.categories, axisLabel: { interval: 0, rotate: chart.categories.length > 8 ? 40 : 0 } },
    yAxis: { type: 'value', name: t('分', 'points') },
    series: [
      { type: 'bar', name: t('指标得分', 'Indicator score'), stack: 'score', itemStyle: { color: '#1677ff' }, data: series('raw') },
      { type: 'bar', name: t('加分', 'Bonus'), stack: 'score', itemStyle: { color: '#52c41a' }, data: series('bonus') },
      {
        type: 'bar',
        name: t('扣分', 'Deduction'),
        stack: 'score',
        itemStyle: { color: '#f5222d' },
        data: series('deduction'),
      },
      {
        type: 'line',
        name: t('总分', 'Total'),
        symbolSize: 8,
        itemStyle: { color: '#fa8c16' },
        lineStyle: { opacity: 0 },
        label: { show: true, position: 'top', formatter: (p: { value?: unknown }) => (typeof p.value === 'number' ? p.value.toFixed(2) : '') },
        data: totals,
      },
    ],
  };
}
