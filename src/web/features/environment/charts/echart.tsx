/**
 * One ECharts chart. The ECharts code is fetched on first use (`import('./echarts-core')`), so a
 * page shows its cards while the charts load. The container carries `data-chart-state`
 * (`loading` → `drawn` once ECharts reports the first complete render), which browser tests and
 * the benchmark wait for.
 *
 *   <EChart option={option} height={280} testId="env-chart-trend" onClick={(p) => …} />
 */
import { Skeleton } from 'antd';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import type { ChartOption } from './chart-types';

type EchartsModule = typeof import('./echarts-core');
type ChartInstance = ReturnType<EchartsModule['init']>;
export type ChartClick = { name?: string; value?: unknown; seriesName?: string; dataIndex?: number; data?: unknown };

let loading: Promise<EchartsModule> | null = null;
export const loadEcharts = () => (loading ??= import('./echarts-core'));

export type EChartProps = {
  option: ChartOption;
  height?: number;
  testId?: string;
  style?: CSSProperties;
  onClick?: (params: ChartClick) => void;
  ariaLabel?: string;
};

export function EChart({ option, height = 280, testId, style, onClick, ariaLabel }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ChartInstance | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const [lib, setLib] = useState<EchartsModule | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'drawn'>('loading');

  useEffect(() => {
    let live = true;
    void loadEcharts().then((m) => live && setLib(m));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    const el = ref.current;
    if (!lib || !el) return;
    const chart = lib.init(el, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('finished', () => setState('drawn'));
    chart.on('click', (p) => clickRef.current?.(p as ChartClick));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    setState('ready');
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [lib]);

  useEffect(() => {
    if (state === 'loading' || !chartRef.current) return;
    // no entry animation (a dashboard of seven charts draws ~300 ms sooner); updates still animate
    chartRef.current.setOption({ animationDuration: 0, ...option }, { notMerge: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- redraw on a new option, not on state changes
  }, [option, state === 'loading']);

  return (
    <div style={{ position: 'relative', height, ...style }} data-testid={testId} data-chart-state={state} role="img" aria-label={ariaLabel}>
      <div ref={ref} style={{ position: 'absolute', inset: 0 }} />
      {state === 'loading' && <Skeleton.Node active style={{ width: '100%', height }} />}
    </div>
  );
}
