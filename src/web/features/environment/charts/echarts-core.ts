/**
 * The ECharts build of this app: `echarts/core` with only the charts and components the
 * environment pages use (the full `echarts` package is about 3× larger). Loaded with `import()`
 * by `EChart`, so no page pays for it before it draws a chart.
 */
import { BarChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import {
  CalendarComponent, DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, VisualMapComponent,
} from 'echarts/components';
import { init, use as registerEcharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

registerEcharts([
  BarChart, HeatmapChart, LineChart, PieChart,
  CalendarComponent, DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, VisualMapComponent,
  CanvasRenderer,
]);

export { init };
