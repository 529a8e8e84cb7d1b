/** OpenLayers styles of the red-line map: zones by control tier, stations, the project footprint. */
import type { FeatureLike } from 'ol/Feature.js';
import { Circle as CircleStyle, Fill, Stroke, Style, Text } from 'ol/style.js';
import { tierColor } from '../env-labels';

const alpha = (hex: string, a: number) => {
  const h = hex.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(h.slice(i, i + 2), 16));
  return `rgba(${r},${g},${b},${a})`;
};

export type ZoneStyleState = { tiers: readonly string[]; selectedId: string | null; highlighted: ReadonlySet<string> };

export function zoneStyle(feature: FeatureLike, resolution: number, state: ZoneStyleState): Style {
  const id = String(feature.get('id') ?? feature.getId() ?? '');
  const color = tierColor(feature.get('tier') as string | undefined, state.tiers);
  const selected = id === state.selectedId;
  const highlighted = state.highlighted.has(id);
  return new Style({
    fill: new Fill({ color: alpha(color, selected || highlighted ? 0.5 : 0.28) }),
    stroke: new Stroke({ color: selected ? '#000' : highlighted ? '#820014' : color, width: selected || highlighted ? 3 : 1.5 }),
    text:
      resolution < 40 || selected || highlighted
        ? new Text({
            text: String(feature.get('name') ?? ''),
            font: '12px sans-serif',
            fill: new Fill({ color: '#262626' }),
            stroke: new Stroke({ color: '#fff', width: 3 }),
            overflow: true,
          })
        : undefined,
  });
}

const kindColors: Record<string, string> = { air: '#1677ff', water: '#13c2c2', noise: '#722ed1' };

export function stationStyle(feature: FeatureLike): Style {
  const status = (feature.get('status') ?? {}) as { color?: string | null };
  const kind = String(feature.get('kind') ?? 'air');
  return new Style({
    image: new CircleStyle({
      radius: 6,
      fill: new Fill({ color: status.color ?? kindColors[kind] ?? '#1677ff' }),
      stroke: new Stroke({ color: '#fff', width: 2 }),
    }),
  });
}

export const footprintStyle = new Style({
  fill: new Fill({ color: 'rgba(22,119,255,0.25)' }),
  stroke: new Stroke({ color: '#0958d9', width: 3, lineDash: [8, 6] }),
  image: new CircleStyle({ radius: 7, fill: new Fill({ color: '#0958d9' }), stroke: new Stroke({ color: '#fff', width: 2 }) }),
});
