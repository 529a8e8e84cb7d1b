import { describe, expect, it } from 'vitest';
import { computeMeanMeasurements, evaluateRiver, gradeByProportion, type RiverSectionInput } from './water-period-rules';
import type { WaterClass } from './water-tables';

const counts = (byClass: Partial<Record<WaterClass, number>>): Record<WaterClass, number> => ({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, ...byClass });

describe('period means', () => {
  it('averages each factor exactly over the samples that measured it', () => {
    expect(computeMeanMeasurements([{ TP: 0.1, NH3N: 1.2 }, { TP: 0.2 }, { TP: 0.2, NH3N: 0.4 }])).toEqual({ TP: 0.166667, NH3N: 0.8 });
    expect(computeMeanMeasurements([{ Hg: 0.00005 }, { Hg: 0.0001 }])).toEqual({ Hg: 0.000075 });
  });
});

describe('river-level grade by the shares of its sections', () => {
  it.each([
    [{ 2: 9, 4: 1 }, '优'],
    [{ 3: 8, 6: 2 }, '良好'],
    [{ 3: 3, 4: 1 }, '良好'],
    [{ 3: 7, 4: 2, 6: 1 }, '轻度污染'],
    [{ 3: 6, 5: 2, 6: 2 }, '中度污染'],
    [{ 3: 6, 6: 4 }, '重度污染'],
  ] as const)('%j → %s', (byClass, grade) => {
    expect(gradeByProportion(counts(byClass))).toBe(grade);
  });

  it('makes the 重度污染 threshold configurable (Ⅰ–Ⅲ below 60 % per one reading of the circular)', () => {
    const byClass = counts({ 3: 6, 6: 4 });
    expect(gradeByProportion(byClass, { minSectionsForProportion: 5, severeMaxGoodPercent: 60 })).toBe('中度污染');
  });
});

describe('evaluateRiver', () => {
  const section = (sectionClass: WaterClass, measurements: RiverSectionInput['measurements']): RiverSectionInput => ({ sectionClass, targetClass: 3, measurements });

  it('uses the mean concentrations with fewer than 5 sections', () => {
    const result = evaluateRiver('river', [section(2, { NH3N: 0.4 }), section(5, { NH3N: 1.8 })]);
    // mean NH3N 1.1 → Ⅳ
    expect(result).toMatchObject({ method: 'mean', sectionCount: 2, riverClass: 4, riverClassLabel: 'Ⅳ', qualitative: '轻度污染', mainPollutionIndicators: ['NH3N'], compliancePercent: 50 });
  });

  it('switches to the proportion method from 5 sections on', () => {
    const five = [2, 2, 3, 3, 6].map((c) => section(c as WaterClass, { NH3N: 0.4 }));
    expect(evaluateRiver('river', five)).toMatchObject({ method: 'proportion', qualitative: '良好', riverClass: null, goodPercent: 80, worstPercent: 20 });
  });
});
