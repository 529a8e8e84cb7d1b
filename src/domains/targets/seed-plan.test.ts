import { describe, expect, it } from 'vitest';
import { checkUnitWeights } from './decomposition-rules';
import { explainIndicator } from './explain-rules';
import { indicatorDefinitionSchema, indicatorTypes } from './indicator-schema';
import { defaultGradeConfig, defaultPaceConfig, defaultRankingConfig, defaultReportingConfig, defaultUnitCaps, planSchema } from './plan-schema';
import { listSeedMetricBindings, resolveSeedIndicators, seedIndicators, seedLeadOrgUnits, seedPlanYear } from './seed-plan';

const idByCode = Object.fromEntries(Object.keys(seedLeadOrgUnits).map((code) => [code, `id-${code}`]));
const resolved = resolveSeedIndicators(seedIndicators, idByCode);
const byCode = new Map(resolved.map((d) => [d.code, d]));

describe('seed plan', () => {
  it('parses with the indicator schema, codes unique', () => {
    for (const def of resolved) expect(indicatorDefinitionSchema.safeParse(def).success, def.code).toBe(true);
    expect(new Set(resolved.map((d) => d.code)).size).toBe(resolved.length);
  });

  it('covers every indicator type', () => {
    expect(new Set(resolved.map((d) => d.type))).toEqual(new Set(indicatorTypes));
  });

  it('has weights summing to 100 over its weighted indicators', () => {
    const assignments = resolved.map((d) => ({ indicatorCode: d.code, orgUnitId: 'city' }));
    expect(checkUnitWeights('city', resolved, assignments)).toEqual([]);
  });

  // Numbers from the seed text (2015 targets): "新增国家、省级高新技术企业20至30个" …
  it.each([
    ['T01', { lower: '20', upper: '30' }],
    ['T02', { target: '40' }],
    ['T03', { threshold: '46' }],
    ['T04', { target: '1' }],
    ['T05', { lower: '1', upper: '2' }],
    ['T06', { target: '6' }],
    ['T07', { target: '60' }],
    ['T08', { lower: '1', upper: '3' }],
    ['T09', { lower: '1', upper: '2' }],
    ['T10', { target: '40' }],
    ['T11', { lower: '3', upper: '4' }],
    ['T12', { threshold: '99' }],
    ['T13', { lower: '4', upper: '5' }],
    ['T14', { lower: '2', upper: '3' }],
    ['T15', { lower: '10', upper: '15' }],
    ['T16', { target: '12' }],
    ['T17', { lower: '1', upper: '2' }],
    ['T18', { lower: '5', upper: '8' }],
    ['T19', { lower: '10', upper: '15' }],
    ['T20', { target: '1' }],
  ])('%s carries the seed numbers %j', (code, numbers) => {
    expect(byCode.get(code)).toMatchObject(numbers);
  });

  it('maps lead codes to ids and rejects an unknown code', () => {
    expect(byCode.get('T01')?.leadOrgUnitId).toBe('id-dept-sci');
    expect(() => resolveSeedIndicators(seedIndicators, { 'dept-sci': 'x' })).toThrow(expect.objectContaining({ code: 'targets.unknown_org_unit_code' }));
  });

  it('binds the live metrics the platform already knows', () => {
    const keys = listSeedMetricBindings().map((b) => b.metricKey);
    for (const key of ['safety.inspection_rate', 'safety.rectification_on_time_rate', 'env.air_good_day_rate', 'enterprises.high_tech_count', 'standards.enterprise_coverage_rate']) {
      expect(keys).toContain(key);
    }
  });

  it('explains every indicator with its weight or cap', () => {
    for (const def of resolved) {
      const text = explainIndicator(def);
      const points = 'weight' in def ? def.weight : 'cap' in def ? def.cap : null;
      if (points !== null) expect(text, def.code).toContain(`${points}分`);
    }
    expect(explainIndicator(byCode.get('T01') ?? resolved[0]!)).toContain('确保新增国家、省级高新技术企业20家、力争30家');
  });

  it('forms a valid plan with the default configuration', () => {
    const plan = {
      year: seedPlanYear,
      version: 1,
      title: '演示',
      status: 'draft',
      indicators: resolved,
      assignments: [],
      caps: defaultUnitCaps,
      grades: defaultGradeConfig,
      ranking: defaultRankingConfig,
      reporting: defaultReportingConfig,
      pace: defaultPaceConfig,
    };
    expect(planSchema.safeParse(plan).success).toBe(true);
  });
});
