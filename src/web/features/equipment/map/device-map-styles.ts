/** OpenLayers styles of the device map: a point per device coloured by its due status, a sized circle with a count per grid cell. */
import type { FeatureLike } from 'ol/Feature.js';
import { Circle as CircleStyle, Fill, Stroke, Style, Text } from 'ol/style.js';

const pointStyles = new Map<string, Style>();

function pointStyle(color: string, selected: boolean): Style {
  const key = `${color}|${selected}`;
  let style = pointStyles.get(key);
  if (!style) {
    style = new Style({
      image: new CircleStyle({ radius: selected ? 9 : 6, fill: new Fill({ color }), stroke: new Stroke({ color: selected ? '#000' : '#fff', width: 2 }) }),
      zIndex: selected ? 10 : 1,
    });
    pointStyles.set(key, style);
  }
  return style;
}

const withAlpha = (hex: string, a: number) => {
  const h = hex.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(h.slice(i, i + 2), 16));
  return `rgba(${r},${g},${b},${a})`;
};

function clusterStyle(color: string, count: number): Style {
  const radius = Math.min(28, 10 + Math.log10(Math.max(count, 1)) * 6);
  return new Style({
    image: new CircleStyle({ radius, fill: new Fill({ color: withAlpha(color, 0.8) }), stroke: new Stroke({ color: '#fff', width: 2 }) }),
    text: new Text({ text: String(count), font: 'bold 12px sans-serif', fill: new Fill({ color: '#fff' }), stroke: new Stroke({ color: 'rgba(0,0,0,0.35)', width: 2 }) }),
  });
}

export function deviceStyle(feature: FeatureLike, selectedId: string | null): Style {
  const color = String(feature.get('color') ?? '#8c8c8c');
  if (feature.get('cluster')) return clusterStyle(color, Number(feature.get('count') ?? 0));
  return pointStyle(color, String(feature.get('id') ?? '') === selectedId);
}
