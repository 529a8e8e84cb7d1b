/**
 * Demo ecological red-line zones around 海门 (lon 121.1–121.6, lat 31.8–32.1): irregular polygons
 * on a grid (so they do not overlap), two with a hole, one MultiPolygon, scaled so that the total
 * geodesic area is close to the seed report's "近200平方公里". Deterministic.
 */
import { createRandom } from './demo-air';
import { computeGeodesicAreaM2 } from './geo/geodesic-area';
import type { Position } from './geo/geojson-schema';

type DemoZoneSpec = { code: string; name: string; type: string; tier: '一级管控区' | '二级管控区'; territory: string };

const names: [string, string, DemoZoneSpec['tier']][] = [
  ['长江（海门段）重要湿地', '湿地', '二级管控区'],
  ['长江青龙港饮用水水源保护区', '饮用水水源保护区', '一级管控区'],
  ['海门蛎岈山国家海洋公园', '自然保护地', '一级管控区'],
  ['长江刀鲚国家级水产种质资源保护区（海门段）', '生态保护红线', '一级管控区'],
  ['圩角河清水通道维护区', '生态保护红线', '二级管控区'],
  ['通启运河清水通道维护区', '生态保护红线', '二级管控区'],
  ['海门河清水通道维护区', '生态保护红线', '二级管控区'],
  ['东洲公园城市湿地', '湿地', '二级管控区'],
  ['谢家渡森林公园', '森林公园', '二级管控区'],
  ['大洪河湿地', '湿地', '二级管控区'],
  ['江心沙重要湿地', '湿地', '一级管控区'],
  ['灵甸港饮用水水源保护区', '饮用水水源保护区', '一级管控区'],
  ['包场沿海防护林', '生态保护红线', '二级管控区'],
  ['东灶港滩涂湿地', '湿地', '二级管控区'],
  ['临江生态公益林', '生态保护红线', '二级管控区'],
  ['余东古镇风景名胜区', '风景名胜区', '二级管控区'],
  ['正余河湿地公园', '湿地', '二级管控区'],
  ['四甲湖湿地', '湿地', '二级管控区'],
  ['常乐生态公益林', '生态保护红线', '二级管控区'],
  ['悦来港清水通道', '生态保护红线', '二级管控区'],
  ['三和港重要湿地', '湿地', '二级管控区'],
  ['叠石桥生态廊道', '生态保护红线', '二级管控区'],
  ['海门港新区滨海湿地', '湿地', '一级管控区'],
  ['启海界河清水通道', '生态保护红线', '二级管控区'],
  ['新江海河湿地', '湿地', '二级管控区'],
  ['海永沙洲湿地', '湿地', '一级管控区'],
  ['黄海滩涂重要湿地（海门段）', '湿地', '一级管控区'],
  ['青龙河水源涵养区', '生态保护红线', '二级管控区'],
  ['小庙洪生态红线区', '生态保护红线', '一级管控区'],
  ['南黄海珍稀水生生物保护区（海门段）', '自然保护地', '一级管控区'],
];

const territories = ['town-linjiang', 'town-yuelai', 'street-haimen', 'town-changle', 'town-yudong', 'town-zhengyu', 'town-sijia', 'town-baochang', 'park-port', 'park-etdz'];

const BOX = { minLon: 121.1, maxLon: 121.6, minLat: 31.8, maxLat: 32.1 } as const;

function starRing(cx: number, cy: number, rLon: number, rLat: number, random: () => number, vertices: number): Position[] {
  const ring: Position[] = [];
  for (let k = 0; k < vertices; k++) {
    const angle = (2 * Math.PI * k) / vertices;
    const f = 0.78 + 0.4 * random();
    ring.push([round6(cx + rLon * f * Math.cos(angle)), round6(cy + rLat * f * Math.sin(angle))]);
  }
  ring.push(ring[0] as Position);
  return ring;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

type Shape = { spec: DemoZoneSpec; build: (scale: number) => { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] } };

/** The demo zones as a GeoJSON FeatureCollection (properties: name, code, type, tier, territory, territoryCode). */
export function buildDemoZones(options: { count: number; targetKm2: number; seed?: number }): { type: 'FeatureCollection'; features: unknown[] } {
  const random = createRandom(options.seed ?? 2026);
  const cols = Math.ceil(Math.sqrt(options.count * 1.7));
  const rows = Math.ceil(options.count / cols);
  const cellLon = (BOX.maxLon - BOX.minLon) / cols;
  const cellLat = (BOX.maxLat - BOX.minLat) / rows;
  const lonPerKm = 1 / 94.4;
  const latPerKm = 1 / 110.9;
  const shapes: Shape[] = [];
  for (let i = 0; i < options.count; i++) {
    const [name, type, tier] = names[i % names.length] as [string, string, DemoZoneSpec['tier']];
    const spec: DemoZoneSpec = { code: `HMHX-${String(i + 1).padStart(3, '0')}`, name: i < names.length ? name : `${name}（${i + 1}）`, type, tier, territory: territories[i % territories.length] as string };
    const col = i % cols;
    const row = Math.floor(i / cols);
    const cx = BOX.minLon + (col + 0.5 + 0.2 * (random() - 0.5)) * cellLon;
    const cy = BOX.minLat + (row + 0.5 + 0.2 * (random() - 0.5)) * cellLat;
    const baseKm = 0.9 + 1.4 * random();
    const vertices = 10 + Math.floor(random() * 10);
    const jitter = Array.from({ length: 64 }, () => random());
    const seeded = () => {
      let k = 0;
      return () => jitter[k++ % jitter.length] as number;
    };
    const hasHole = i % 11 === 3;
    const isMulti = i % 13 === 7;
    shapes.push({
      spec,
      build: (scale) => {
        const r = Math.min(baseKm * scale, 0.42 * Math.min(cellLon / lonPerKm, cellLat / latPerKm));
        if (isMulti) {
          const dx = 0.6 * r * lonPerKm;
          return {
            type: 'MultiPolygon',
            coordinates: [
              [starRing(cx - dx, cy, 0.45 * r * lonPerKm, 0.6 * r * latPerKm, seeded(), vertices)],
              [starRing(cx + dx, cy, 0.45 * r * lonPerKm, 0.6 * r * latPerKm, seeded(), vertices)],
            ],
          };
        }
        const shell = starRing(cx, cy, r * lonPerKm, r * latPerKm, seeded(), vertices);
        if (!hasHole) return { type: 'Polygon', coordinates: [shell] };
        return { type: 'Polygon', coordinates: [shell, starRing(cx, cy, 0.3 * r * lonPerKm, 0.3 * r * latPerKm, seeded(), 8).reverse()] };
      },
    });
  }
  // Scale all radii together so the total area is close to the target (area ∝ scale²; capped radii converge in a few rounds).
  let scale = 1;
  for (let round = 0; round < 6; round++) {
    const km2 = shapes.reduce((s, shape) => s + computeGeodesicAreaM2(shape.build(scale)) / 1e6, 0);
    scale *= Math.sqrt(options.targetKm2 / km2);
  }
  return {
    type: 'FeatureCollection',
    features: shapes.map((shape) => ({
      type: 'Feature',
      geometry: shape.build(scale),
      properties: { ...shape.spec, territoryCode: '320684' },
    })),
  };
}
