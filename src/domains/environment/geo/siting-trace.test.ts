import { describe, expect, it } from 'vitest';
import { defaultControlRuleSet } from './control-rules';
import type { FootprintGeometry, Position } from './geojson-schema';
import { checkSiting } from './siting-rules';
import { describeSitingTrace } from './siting-trace';
import { buildZoneIndex } from './zone-index';
import { parseZones } from './zone-import';

const rect = (x0: number, y0: number, x1: number, y1: number): Position[] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
const index = buildZoneIndex(
  parseZones({
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { name: '紫金山', code: 'ZJS', type: '自然保护地', tier: '一级管控区' }, geometry: { type: 'Polygon', coordinates: [rect(0, 0, 0.01, 0.01)] } },
      { type: 'Feature', properties: { name: '玄武湖', code: 'XWH', type: '湿地', tier: '二级管控区' }, geometry: { type: 'Polygon', coordinates: [rect(0.02, 0, 0.03, 0.01)] } },
    ],
  }),
);
const check = (footprint: FootprintGeometry, projectType: string) =>
  describeSitingTrace(checkSiting(index, footprint, projectType, defaultControlRuleSet), projectType);

describe('describeSitingTrace', () => {
  it('explains a polygon half inside a zone and the verdict', () => {
    // [0.025, 0.035] × [0.004, 0.006]: half of its width lies inside 玄武湖 → 50.0 %
    const lines = check({ type: 'Polygon', coordinates: [rect(0.025, 0.004, 0.035, 0.006)] }, 'industrial');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^「玄武湖」\(XWH，湿地，二级管控区\)：重叠 [\d.]+ m²，占项目面积 50\.0%；项目类型「industrial」→ 禁止（规则：生态保护红线内严格禁止开发性、生产性建设活动。）$/);
    expect(lines[1]).toBe('结论：禁止（取 1 个相交管控区中最严格的结果，依据「玄武湖」）');
  });

  it('explains a boundary contact capped to conditional', () => {
    const lines = check({ type: 'Point', coordinates: [0.01, 0.005] }, 'industrial');
    expect(lines[0]).toBe(
      '「紫金山」(ZJS，自然保护地，一级管控区)：仅与边界接触（重叠为 0）；项目类型「industrial」→ 禁止（无该项目类型的规则，采用管控级别默认：一级管控区原则上禁止人为活动，严禁一切开发建设活动。）；边界接触，结果由“禁止”降为“有条件”，需核实红线边界',
    );
  });

  it('says the footprint is outside and names the nearest zone', () => {
    // (0.014, 0.005) lies 0.004° of longitude east of 紫金山: 0.004 × 111,319.49 m = 445.3 m (玄武湖: 667.9 m)
    expect(check({ type: 'Point', coordinates: [0.014, 0.005] }, 'industrial')).toEqual([
      '项目范围未与任何管控区相交，结论：允许；最近的管控区「紫金山」距离约 445.3 m',
    ]);
  });
});
