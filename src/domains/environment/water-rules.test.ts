import { describe, expect, it } from 'vitest';
import { thrownCode } from './test-helpers';
import {
  assessWaterSection, classifyWaterFactor, computeWaterExceedanceMultiple, computeWaterQuality, computeWaterSectionStatistics,
} from './water-rules';
import type { WaterClass, WaterFactor, Waterbody } from './water-tables';

describe('classifyWaterFactor (GB 3838-2002 Table 1)', () => {
  it.each([
    // TP: river 0.02/0.1/0.2/0.3/0.4, lake 0.01/0.025/0.05/0.1/0.2
    ['TP', 0.02, 'river', 1], ['TP', 0.021, 'river', 2], ['TP', 0.1, 'river', 2], ['TP', 0.2, 'river', 3],
    ['TP', 0.3, 'river', 4], ['TP', 0.4, 'river', 5], ['TP', 0.41, 'river', 6],
    ['TP', 0.01, 'lake', 1], ['TP', 0.025, 'lake', 2], ['TP', 0.05, 'lake', 3], ['TP', 0.1, 'lake', 4],
    ['TP', 0.2, 'lake', 5], ['TP', 0.2001, 'lake', 6], ['TP', 0.05, 'river', 2],
    // DO: higher is better, 7.5/6/5/3/2
    ['DO', 7.5, 'river', 1], ['DO', 7.49, 'river', 2], ['DO', 6, 'river', 2], ['DO', 5.99, 'river', 3],
    ['DO', 5, 'lake', 3], ['DO', 3, 'river', 4], ['DO', 2, 'river', 5], ['DO', 1.99, 'river', 6],
    // pH 6–9 for every class, outside → 劣Ⅴ
    ['pH', 6, 'river', 1], ['pH', 9, 'river', 1], ['pH', 7.2, 'lake', 1], ['pH', 5.99, 'river', 6], ['pH', 9.01, 'river', 6],
    // Ⅰ = Ⅱ limits: the best class met
    ['COD', 15, 'river', 1], ['COD', 15.1, 'river', 3], ['COD', 20, 'river', 3], ['COD', 40, 'river', 5], ['COD', 40.1, 'river', 6],
    ['NH3N', 0.15, 'river', 1], ['NH3N', 1.0, 'river', 3], ['NH3N', 2.0, 'river', 5], ['NH3N', 2.01, 'river', 6],
    ['Hg', 0.00005, 'river', 1], ['Hg', 0.00006, 'river', 3], ['Hg', 0.0001, 'river', 3], ['Hg', 0.001, 'river', 4], ['Hg', 0.0011, 'river', 6],
    ['Zn', 1.0, 'river', 2], ['Zn', 2.0, 'river', 4],
    // TN: lakes/reservoirs only
    ['TN', 1.2, 'lake', 4], ['TN', 1.2, 'river', null],
    ['FecalColiform', 10000, 'river', 3], ['FecalColiform', 40001, 'river', 6],
  ] as [WaterFactor, number, Waterbody, WaterClass | null][])('%s %s in a %s → %s', (factor, value, waterbody, expected) => {
    expect(classifyWaterFactor(factor, value, waterbody)).toBe(expected);
  });
});

describe('computeWaterQuality', () => {
  it('reproduces the Guangdong 2016 Q2 example (西湖村: 劣Ⅴ, 氨氮/1.3、总磷/0.6、化学需氧量/0.2)', () => {
    const input = { waterbody: 'river', targetClass: 3, measurements: { pH: 7.5, DO: 6, CODMn: 5, COD: 24, NH3N: 2.3, TP: 0.32 } } as const;
    expect(computeWaterQuality(input)).toEqual({
      factorClasses: { pH: 1, DO: 2, CODMn: 3, COD: 4, NH3N: 6, TP: 5 },
      sectionClass: 6,
      sectionClassLabel: '劣Ⅴ',
      qualitative: '重度污染',
      mainPollutionIndicators: ['NH3N', 'TP', 'COD'],
      meetsTarget: false,
    });
    // (2.3 − 1.0)/1.0 = 1.3; (0.32 − 0.2)/0.2 = 0.6; (24 − 20)/20 = 0.2 — exact, not 1.2999999999999998
    expect(assessWaterSection(input).exceedanceMultiples).toEqual({ COD: 0.2, NH3N: 1.3, TP: 0.6 });
  });

  it('orders ties of class by 超标倍数, then by table order, and keeps three', () => {
    // all Ⅴ: BOD5 (8−4)/4 = 1.0; NH3N (1.8−1)/1 = 0.8; COD (35−20)/20 = 0.75; TP (0.35−0.2)/0.2 = 0.75
    const result = computeWaterQuality({ waterbody: 'river', measurements: { TP: 0.35, COD: 35, NH3N: 1.8, BOD5: 8 } });
    expect(result.mainPollutionIndicators).toEqual(['BOD5', 'NH3N', 'COD']);
  });

  it('puts DO (no 超标倍数) after factors of the same class that have one', () => {
    const result = computeWaterQuality({ waterbody: 'river', measurements: { DO: 1.5, NH3N: 2.5, COD: 18 } });
    expect(result).toMatchObject({ sectionClass: 6, mainPollutionIndicators: ['NH3N', 'DO'] });
  });

  it.each([
    [{ NH3N: 0.8, COD: 12 }, 3, '良好', []], // Ⅲ: no main pollution indicator
    [{ NH3N: 1.2, COD: 12 }, 4, '轻度污染', ['NH3N']], // only factors worse than Ⅲ
    [{ NH3N: 0.4, COD: 12 }, 2, '优', []],
    [{ NH3N: 0.1, COD: 12 }, 1, '优', []],
    [{ NH3N: 1.8 }, 5, '中度污染', ['NH3N']],
  ] as [Partial<Record<WaterFactor, number>>, WaterClass, string, WaterFactor[]][])('%j → class %s %s', (measurements, sectionClass, qualitative, main) => {
    const result = computeWaterQuality({ waterbody: 'river', measurements });
    expect(result).toMatchObject({ sectionClass, qualitative, mainPollutionIndicators: main, meetsTarget: null });
  });

  it.each([
    [0.05, 'river', 2], // TP 0.05 river → Ⅱ
    [0.05, 'lake', 3], // lake → Ⅲ
  ] as const)('TP %s in a %s → section class %s', (tp, waterbody, expected) => {
    expect(computeWaterQuality({ waterbody, measurements: { TP: tp, COD: 10 } }).sectionClass).toBe(expected);
  });

  it.each([
    [3, true], [4, true], [2, false],
  ] as const)('section Ⅲ against target %s → meetsTarget %s', (targetClass, expected) => {
    expect(computeWaterQuality({ waterbody: 'river', targetClass, measurements: { COD: 20 } }).meetsTarget).toBe(expected);
  });

  it('keeps TN and fecal coliform as reference indicators under the 2011 method', () => {
    const input = { waterbody: 'lake', measurements: { TN: 2.5, FecalColiform: 50000, NH3N: 0.4 } } as const;
    const result = computeWaterQuality(input);
    expect(result).toMatchObject({ factorClasses: { TN: 6, FecalColiform: 6, NH3N: 2 }, sectionClass: 2, mainPollutionIndicators: [] });
    const all = assessWaterSection(input, { method: 'all-items' });
    expect(all).toMatchObject({ sectionClass: 6, mainPollutionIndicators: ['FecalColiform', 'TN'] });
    // (50000 − 10000)/10000 = 4 ; (2.5 − 1.0)/1.0 = 1.5
    expect(all.exceedanceMultiples).toEqual({ TN: 1.5, FecalColiform: 4 });
  });

  it('reports TN in a river as null and does not count it', () => {
    const result = computeWaterQuality({ waterbody: 'river', measurements: { TN: 5, COD: 10 } });
    expect(result).toMatchObject({ factorClasses: { TN: null, COD: 1 }, sectionClass: 1 });
  });

  it('lists the factors worse than the target with multiples against the target class (GB 3838 §5.1)', () => {
    const a = assessWaterSection({ waterbody: 'river', targetClass: 2, measurements: { NH3N: 0.8, DO: 5.5, COD: 12 } });
    // NH3N Ⅲ vs Ⅱ limit 0.5: (0.8 − 0.5)/0.5 = 0.6; DO Ⅲ has no multiple
    expect(a).toMatchObject({ sectionClass: 3, meetsTarget: false, factorsExceedingTarget: ['DO', 'NH3N'], targetExceedanceMultiples: { NH3N: 0.6 } });
  });

  it.each([
    [{ waterbody: 'river', measurements: { Foo: 1 } }, 'env.unknown_water_factor'],
    [{ waterbody: 'river', measurements: { COD: -1 } }, 'env.invalid_measurement'],
    [{ waterbody: 'river', measurements: { pH: 15 } }, 'env.invalid_measurement'],
    [{ waterbody: 'river', measurements: { COD: Number.NaN } }, 'env.invalid_measurement'],
    [{ waterbody: 'river', measurements: { TN: 1 } }, 'env.no_evaluable_factor'],
    [{ waterbody: 'river', measurements: {} }, 'env.no_evaluable_factor'],
    [{ waterbody: 'sea', measurements: { COD: 1 } }, 'env.unknown_waterbody'],
    [{ waterbody: 'river', targetClass: 6, measurements: { COD: 1 } }, 'env.invalid_target_class'],
  ])('%j → %s', (input, code) => {
    expect(thrownCode(() => computeWaterQuality(input as Parameters<typeof computeWaterQuality>[0]))).toBe(code);
  });
});

describe('computeWaterExceedanceMultiple', () => {
  it.each([
    ['COD', 20.5, 3, 2, 0.02], // 0.5/20 = 0.025 → 0.02 (half-even)
    ['COD', 20.5, 3, 3, 0.025],
    ['COD', 20, 3, 2, null], // at the limit: no exceedance
    ['NH3N', 2.3, 3, 2, 1.3],
    ['NH3N', 0.8, 2, 2, 0.6],
    ['DO', 1, 3, 2, null], // not computed for DO
    ['pH', 10, 3, 2, null],
  ] as [WaterFactor, number, 1 | 2 | 3 | 4 | 5, number, number | null][])('%s %s vs class %s (%s decimals) → %s', (factor, value, against, decimals, expected) => {
    expect(computeWaterExceedanceMultiple(factor, value, 'river', against, decimals)).toBe(expected);
  });
});

describe('computeWaterSectionStatistics', () => {
  it('computes 优良 share, 劣Ⅴ share and 水质达标率 over sections with a target', () => {
    const stats = computeWaterSectionStatistics([
      { sectionClass: 1, targetClass: 2 }, { sectionClass: 3, targetClass: 3 }, { sectionClass: 4, targetClass: 3 },
      { sectionClass: 6 }, { sectionClass: 6, targetClass: 5 },
    ]);
    expect(stats).toMatchObject({ sections: 5, goodSections: 2, goodPercent: 40, worstSections: 2, worstPercent: 40, withTarget: 4, meetingTarget: 2, compliancePercent: 50 });
    expect(computeWaterSectionStatistics([]).goodPercent).toBeNull();
  });
});
