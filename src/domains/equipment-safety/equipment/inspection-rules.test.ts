import { describe, expect, it } from 'vitest';
import type { InspectionKind, SafetyGrade } from './enums';
import { inspectionRuleSet } from './inspection-rule-set';
import type { InspectionRuleSet, InspectionTrack, LastInspection, RuleAttributes, RuleDevice } from './inspection-rule-types';
import { classifyDueStatus, computeNextDue, listApplicableTracks, selectRule } from './inspection-rules';

/*
 * Expected due dates are computed by hand: last inspection date + period in months, same day of
 * month, clamped to the month end (domain.md §1.4 notation, §11.3). Periods from domain.md §1.4.2.
 * Unless stated otherwise: commissioned 2020-06-15, last inspection 2024-09-01 (pass).
 */
const COMMISSIONED = '2020-06-15';
const LAST = '2024-09-01';

function dev(category: string, kind: string | null, variety: string | null, extra: Partial<RuleDevice> = {}): RuleDevice {
  return { category, kind, variety, commissionedOn: COMMISSIONED, ...extra };
}
const attrs = (a: RuleAttributes) => ({ attributes: a });
function last(extra: Partial<LastInspection> = {}): LastInspection {
  return { date: LAST, result: 'pass', ...extra };
}
const graded = (safetyGrade: SafetyGrade, extra: Partial<LastInspection> = {}) => last({ safetyGrade, ...extra });
const kinded = (kind: InspectionKind) => last({ kind });

type Case = [label: string, device: RuleDevice, lastInspection: LastInspection | null, track: InspectionTrack | undefined, ruleId: string, dueOn: string, obligation: string];

const cases: Case[] = [
  // 锅炉 1000: external 12, internal 24 (first 12), utility internal 36–72 set by inspector
  ['boiler external', dev('1000', '1100', null), kinded('external'), undefined, 'boiler-external', '2025-09-01', 'periodic_inspection'],
  ['boiler external, none yet', dev('1000', '1100', null), null, 'external', 'boiler-external', '2021-06-15', 'periodic_inspection'],
  ['boiler default track = external', dev('1000', '1200', null), null, undefined, 'boiler-external', '2021-06-15', 'periodic_inspection'],
  ['boiler internal', dev('1000', '1300', '1310'), kinded('internal'), undefined, 'boiler-internal', '2026-09-01', 'periodic_inspection'],
  ['boiler first internal 12', dev('1000', '1100', null), null, 'internal', 'boiler-internal', '2021-06-15', 'first_inspection'],
  ['utility boiler, inspector 48', dev('1000', '1100', null, attrs({ utilityBoiler: true })), last({ kind: 'internal', periodMonths: 48 }), undefined, 'boiler-utility-internal', '2028-09-01', 'periodic_inspection'],
  ['utility boiler, none set → 36', dev('1000', '1100', null, attrs({ utilityBoiler: true })), kinded('internal'), undefined, 'boiler-utility-internal', '2027-09-01', 'periodic_inspection'],
  ['utility boiler, 84 clamped to 72', dev('1000', '1100', null, attrs({ utilityBoiler: true })), last({ kind: 'internal', periodMonths: 84 }), undefined, 'boiler-utility-internal', '2030-09-01', 'periodic_inspection'],

  // 固定式压力容器 2100 — domain.md §11.2 worked example: commissioned 2020-06-15, inspected 2023-05-10
  ['fixed vessel first 36', dev('2000', '2100', '2150'), null, undefined, 'vessel-fixed-first', '2023-06-15', 'first_inspection'],
  ['fixed vessel grade 2 → 72', dev('2000', '2100', '2150'), { date: '2023-05-10', result: 'pass', safetyGrade: 2 }, undefined, 'vessel-fixed-grade-1-2', '2029-05-10', 'periodic_inspection'],
  ['fixed vessel grade 1 (device grade)', dev('2000', '2100', '2170', { safetyGrade: 1 }), { date: '2023-05-10', result: 'pass' }, undefined, 'vessel-fixed-grade-1-2', '2029-05-10', 'periodic_inspection'],
  ['fixed vessel grade 3, inspector 48', dev('2000', '2100', '2130'), { date: '2023-05-10', result: 'pass', safetyGrade: 3, periodMonths: 48 }, undefined, 'vessel-fixed-grade-3', '2027-05-10', 'periodic_inspection'],
  ['fixed vessel grade 3, none set → 36', dev('2000', '2100', '2130'), { date: '2023-05-10', result: 'pass', safetyGrade: 3 }, undefined, 'vessel-fixed-grade-3', '2026-05-10', 'periodic_inspection'],
  ['fixed vessel grade 4, inspector 24', dev('2000', '2100', '2130'), { date: '2023-05-10', result: 'pass', safetyGrade: 4, periodMonths: 24 }, undefined, 'vessel-fixed-grade-4', '2025-05-10', 'periodic_inspection'],
  ['fixed vessel grade 4, 48 capped at 36', dev('2000', '2100', '2130'), { date: '2023-05-10', result: 'pass', safetyGrade: 4, periodMonths: 48 }, undefined, 'vessel-fixed-grade-4', '2026-05-10', 'periodic_inspection'],
  ['fixed vessel grade 5 → no use', dev('2000', '2100', '2130'), { date: '2023-05-10', result: 'pass', safetyGrade: 5 }, undefined, 'vessel-fixed-grade-5', '2023-05-10', 'reinspection'],
  ['fixed vessel, no grade recorded → 36', dev('2000', '2100', '2110'), { date: '2023-05-10', result: 'pass' }, undefined, 'vessel-fixed-first', '2026-05-10', 'periodic_inspection'],
  ['fixed vessel annual check', dev('2000', '2100', '2150'), kinded('annual_check'), undefined, 'vessel-fixed-annual-check', '2025-09-01', 'periodic_inspection'],
  // non-metal fixed vessels
  ['non-metal first 12', dev('2000', '2100', '2150', attrs({ material: 'non_metal' })), null, undefined, 'vessel-nonmetal-first', '2021-06-15', 'first_inspection'],
  ['non-metal grade 1 → 36', dev('2000', '2100', '2150', attrs({ material: 'non_metal' })), graded(1), undefined, 'vessel-nonmetal-grade-1', '2027-09-01', 'periodic_inspection'],
  ['non-metal grade 2 → 24', dev('2000', '2100', '2150', attrs({ material: 'non_metal' })), graded(2), undefined, 'vessel-nonmetal-grade-2', '2026-09-01', 'periodic_inspection'],
  ['non-metal grade 3 → ≤ 12', dev('2000', '2100', '2150', attrs({ material: 'non_metal' })), graded(3), undefined, 'vessel-nonmetal-grade-3', '2025-09-01', 'periodic_inspection'],
  ['non-metal grade 4 → ≤ 12', dev('2000', '2100', '2150', attrs({ material: 'non_metal' })), graded(4), undefined, 'vessel-nonmetal-grade-4', '2025-09-01', 'periodic_inspection'],
  ['non-metal grade 5 → no use', dev('2000', '2100', '2150', attrs({ material: 'non_metal' })), graded(5), undefined, 'vessel-nonmetal-grade-5', LAST, 'reinspection'],

  // 移动式压力容器 2200
  ['mobile annual check', dev('2000', '2200', '2220'), kinded('annual_check'), undefined, 'vessel-mobile-annual-check', '2025-09-01', 'periodic_inspection'],
  ['mobile pressure test 72', dev('2000', '2200', '2210'), kinded('pressure_test'), undefined, 'vessel-mobile-pressure-test', '2030-09-01', 'periodic_inspection'],
  ['road tanker first 12', dev('2000', '2200', '2220'), null, undefined, 'vessel-road-tank-first', '2021-06-15', 'first_inspection'],
  ['road tanker grade 2 → 60', dev('2000', '2200', '2220'), graded(2), undefined, 'vessel-road-tank-grade-1-2', '2029-09-01', 'periodic_inspection'],
  ['road tanker grade 3 → 36', dev('2000', '2200', '2220'), graded(3), undefined, 'vessel-road-tank-grade-3', '2027-09-01', 'periodic_inspection'],
  ['road tanker no grade → 36', dev('2000', '2200', '2220'), last(), undefined, 'vessel-road-tank-first', '2027-09-01', 'periodic_inspection'],
  ['rail tanker first 12', dev('2000', '2200', '2210'), null, undefined, 'vessel-rail-tank-first', '2021-06-15', 'first_inspection'],
  ['rail tanker grade 1 → 48', dev('2000', '2200', '2210'), graded(1), undefined, 'vessel-rail-tank-grade-1-2', '2028-09-01', 'periodic_inspection'],
  ['rail tanker grade 3 → 24', dev('2000', '2200', '2210'), graded(3), undefined, 'vessel-rail-tank-grade-3', '2026-09-01', 'periodic_inspection'],
  ['tank container first 12', dev('2000', '2200', '2240'), null, undefined, 'vessel-tank-container-first', '2021-06-15', 'first_inspection'],
  ['tank container grade 2 → 60', dev('2000', '2200', '2240'), graded(2), undefined, 'vessel-tank-container-grade-1-2', '2029-09-01', 'periodic_inspection'],
  ['tank container grade 3 → 30', dev('2000', '2200', '2240'), graded(3), undefined, 'vessel-tank-container-grade-3', '2027-03-01', 'periodic_inspection'],
  ['tank container no grade → 30, month-end clamp', dev('2000', '2200', '2240'), { date: '2024-08-31', result: 'pass' }, undefined, 'vessel-tank-container-first', '2027-02-28', 'periodic_inspection'],
  ['tube trailer A first 36', dev('2000', '2200', '2230', attrs({ mediaClass: 'A' })), null, undefined, 'vessel-tube-trailer-a', '2023-06-15', 'first_inspection'],
  ['tube trailer A then 60', dev('2000', '2200', '2230', attrs({ mediaClass: 'A' })), last(), undefined, 'vessel-tube-trailer-a', '2029-09-01', 'periodic_inspection'],
  ['tube trailer B first 48', dev('2000', '2200', '2230', attrs({ mediaClass: 'B' })), null, undefined, 'vessel-tube-trailer-b', '2024-06-15', 'first_inspection'],
  ['tube trailer B then 72', dev('2000', '2200', '2230', attrs({ mediaClass: 'B' })), last(), undefined, 'vessel-tube-trailer-b', '2030-09-01', 'periodic_inspection'],
  ['tube trailer, class unknown', dev('2000', '2200', '2230'), null, undefined, 'vessel-tube-trailer', '2023-06-15', 'first_inspection'],
  ['mobile grade 4 → ≤ 12', dev('2000', '2200', '2220'), graded(4), undefined, 'vessel-grade-4', '2025-09-01', 'periodic_inspection'],
  ['mobile grade 4, inspector 6', dev('2000', '2200', '2220'), graded(4, { periodMonths: 6 }), undefined, 'vessel-grade-4', '2025-03-01', 'periodic_inspection'],
  ['grade 5 beats tube-trailer attribute', dev('2000', '2200', '2230', attrs({ mediaClass: 'A' })), graded(5), undefined, 'vessel-grade-5', LAST, 'reinspection'],

  // 气瓶 2300 (base = manufacture date, passed as commissionedOn)
  ['cylinder general 36, first from manufacture', dev('2000', '2300', '2310'), null, undefined, 'cylinder-general', '2023-06-15', 'periodic_inspection'],
  ['cylinder general 36', dev('2000', '2300', '2310', attrs({ cylinderMedium: 'general' })), last(), undefined, 'cylinder-general', '2027-09-01', 'periodic_inspection'],
  ['cylinder corrosive 24', dev('2000', '2300', '2320', attrs({ cylinderMedium: 'corrosive' })), last(), undefined, 'cylinder-corrosive', '2026-09-01', 'periodic_inspection'],
  ['cylinder inert 60', dev('2000', '2300', '2310', attrs({ cylinderMedium: 'inert' })), last(), undefined, 'cylinder-inert', '2029-09-01', 'periodic_inspection'],
  ['LPG YSP-15 first 48', dev('2000', '2300', '2320', attrs({ cylinderMedium: 'lpg_small' })), null, undefined, 'cylinder-lpg-small', '2024-06-15', 'periodic_inspection'],
  ['LPG YSP-15 after 2nd → 48', dev('2000', '2300', '2320', attrs({ cylinderMedium: 'lpg_small' })), last({ sequenceNo: 2 }), undefined, 'cylinder-lpg-small', '2028-09-01', 'periodic_inspection'],
  ['LPG YSP-15 after 3rd → 36', dev('2000', '2300', '2320', attrs({ cylinderMedium: 'lpg_small' })), last({ sequenceNo: 3 }), undefined, 'cylinder-lpg-small', '2027-09-01', 'periodic_inspection'],
  ['LPG YSP-15 count unknown → 36', dev('2000', '2300', '2320', attrs({ cylinderMedium: 'lpg_small' })), last(), undefined, 'cylinder-lpg-small', '2027-09-01', 'periodic_inspection'],
  ['LPG YSP-50 36', dev('2000', '2300', '2320', attrs({ cylinderMedium: 'lpg_50' })), last(), undefined, 'cylinder-lpg-50', '2027-09-01', 'periodic_inspection'],
  ['vehicle LPG 60', dev('2000', '2300', '23T0', attrs({ cylinderMedium: 'vehicle_lpg' })), last(), undefined, 'cylinder-vehicle-lpg', '2029-09-01', 'periodic_inspection'],

  // 压力管道 8000
  ['public pipeline annual check', dev('8000', '8200', '8210'), kinded('annual_check'), undefined, 'pipe-public-annual-check', '2025-09-01', 'periodic_inspection'],
  ['public pipeline full 144', dev('8000', '8200', '8220'), last(), undefined, 'pipe-public-full', '2036-09-01', 'periodic_inspection'],
  ['public GB1-III 96', dev('8000', '8200', '8210', attrs({ publicPipelineClass: 'GB1_III' })), last(), undefined, 'pipe-public-gb1-iii', '2032-09-01', 'periodic_inspection'],
  ['public PE 180', dev('8000', '8200', '8210', attrs({ pipeMaterial: 'pe_or_cast_iron' })), last(), undefined, 'pipe-public-pe-cast-iron', '2039-09-01', 'periodic_inspection'],
  ['public GB1-III + PE → priority 96', dev('8000', '8200', '8210', attrs({ publicPipelineClass: 'GB1_III', pipeMaterial: 'pe_or_cast_iron' })), last(), undefined, 'pipe-public-gb1-iii', '2032-09-01', 'periodic_inspection'],
  ['industrial first 36', dev('8000', '8300', '8310'), null, undefined, 'pipe-industrial-first', '2023-06-15', 'first_inspection'],
  ['industrial grade 2 → 72', dev('8000', '8300', '8310'), graded(2), undefined, 'pipe-industrial-grade-1-2', '2030-09-01', 'periodic_inspection'],
  ['industrial GC3 grade 1 → 108', dev('8000', '8300', '8320', attrs({ pipelineClass: 'GC3' })), graded(1), undefined, 'pipe-industrial-gc3-grade-1-2', '2033-09-01', 'periodic_inspection'],
  ['industrial grade 3 → 36', dev('8000', '8300', '8330'), graded(3), undefined, 'pipe-industrial-grade-3', '2027-09-01', 'periodic_inspection'],
  ['industrial grade 4 → scrap', dev('8000', '8300', '8310'), graded(4), undefined, 'pipe-industrial-grade-4', LAST, 'reinspection'],
  ['industrial annual check', dev('8000', '8300', '8310'), kinded('annual_check'), undefined, 'pipe-industrial-annual-check', '2025-09-01', 'periodic_inspection'],

  // 电梯 3000 under the old annual rule (inspected before 2024-04-02)
  ['elevator legacy annual', dev('3000', '3100', '3110'), { date: '2023-06-01', result: 'pass' }, undefined, 'elevator-annual-legacy', '2024-06-01', 'periodic_inspection'],

  // 起重机械 4000 — domain.md §11.2: bridge crane inspected 2024-09-01 → 2026-09-01; molten metal → 2025-09-01
  ['bridge crane 24', dev('4000', '4100', '4110'), last(), undefined, 'crane-bridge', '2026-09-01', 'periodic_inspection'],
  ['bridge crane, molten metal 12', dev('4000', '4100', '4150', attrs({ liftsMoltenMetal: true })), last(), undefined, 'crane-molten-metal', '2025-09-01', 'periodic_inspection'],
  ['gantry crane 24', dev('4000', '4200', '4210'), last(), undefined, 'crane-gantry', '2026-09-01', 'periodic_inspection'],
  ['tower crane 12', dev('4000', '4300', '4310'), last(), undefined, 'crane-tower', '2025-09-01', 'periodic_inspection'],
  ['mobile crane 12', dev('4000', '4400', '4410'), last(), undefined, 'crane-mobile', '2025-09-01', 'periodic_inspection'],
  ['railway crane 24', dev('4000', '4400', '4450'), last(), undefined, 'crane-railway', '2026-09-01', 'periodic_inspection'],
  ['portal crane 24', dev('4000', '4700', '4710'), last(), undefined, 'crane-portal', '2026-09-01', 'periodic_inspection'],
  ['construction hoist 12', dev('4000', '4800', '4860'), last(), undefined, 'crane-hoist', '2025-09-01', 'periodic_inspection'],
  ['cable crane 24', dev('4000', '4900', null), last(), undefined, 'crane-cable', '2026-09-01', 'periodic_inspection'],
  ['mast crane 24', dev('4000', '4A00', null), last(), undefined, 'crane-mast', '2026-09-01', 'periodic_inspection'],
  ['mechanical parking 24', dev('4000', '4D00', null), last(), undefined, 'crane-parking', '2026-09-01', 'periodic_inspection'],
  ['crane, none yet → 12 from commissioning', dev('4000', '4300', '4310'), null, undefined, 'crane-tower', '2021-06-15', 'periodic_inspection'],

  // 客运索道, 大型游乐设施, 场车, 安全阀
  ['ropeway 12', dev('9000', '9100', '9110'), last(), undefined, 'ropeway', '2025-09-01', 'periodic_inspection'],
  ['amusement device 12', dev('6000', '6200', null), last(), undefined, 'amusement-device', '2025-09-01', 'periodic_inspection'],
  ['forklift 12', dev('5000', '5100', '5110'), last(), undefined, 'field-vehicle', '2025-09-01', 'periodic_inspection'],
  ['sightseeing vehicle 12', dev('5000', '5200', null), last(), undefined, 'field-vehicle', '2025-09-01', 'periodic_inspection'],
  ['safety valve calibration 12', dev('F000', null, '7310'), kinded('calibration'), undefined, 'safety-valve', '2025-09-01', 'periodic_inspection'],
];

describe('computeNextDue — every rule of the shipped rule set', () => {
  it.each(cases)('%s', (_label, device, lastInspection, track, ruleId, dueOn, obligation) => {
    const result = computeNextDue({ device, lastInspection, ruleSet: inspectionRuleSet, ...(track ? { track } : {}) });
    expect(result).toMatchObject({ ruleId, dueOn, obligation });
    expect(result.mustStop).toBe(obligation === 'reinspection');
  });

  it('exercises every rule id (the elevator T7001 rule is in elevator-schedule.test.ts)', () => {
    const covered = new Set([...cases.map((c) => c[4]), 'elevator-t7001-2023']);
    expect(inspectionRuleSet.rules.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('has unique rule ids', () => {
    const ids = inspectionRuleSet.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('marks unverified periods so the UI can say so', () => {
    const result = computeNextDue({ device: dev('9000', '9100', '9110'), lastInspection: last(), ruleSet: inspectionRuleSet });
    expect(result.confidence).toBe('?');
    expect(result.explanation).toContain('未经核实');
  });
});

describe('computeNextDue — leap days and month ends (clamp to month end)', () => {
  it.each([
    ['tower crane 2024-02-29 + 12', dev('4000', '4300', '4310'), { date: '2024-02-29', result: 'pass' }, '2025-02-28'],
    ['bridge crane 2024-02-29 + 24', dev('4000', '4100', '4110'), { date: '2024-02-29', result: 'pass' }, '2026-02-28'],
    ['LPG 2024-02-29 + 48 (leap to leap)', dev('2000', '2300', '2320', attrs({ cylinderMedium: 'lpg_small' })), { date: '2024-02-29', result: 'pass', sequenceNo: 1 }, '2028-02-29'],
    ['vessel grade 2, 2024-02-29 + 72', dev('2000', '2100', '2150'), { date: '2024-02-29', result: 'pass', safetyGrade: 2 }, '2030-02-28'],
    ['vessel commissioned 2020-02-29 + 36', dev('2000', '2100', '2150', { commissionedOn: '2020-02-29' }), null, '2023-02-28'],
    ['field vehicle 2023-08-31 + 12', dev('5000', '5100', '5110'), { date: '2023-08-31', result: 'pass' }, '2024-08-31'],
  ] as const)('%s = %s', (_label, device, lastInspection, dueOn) => {
    expect(computeNextDue({ device, lastInspection, ruleSet: inspectionRuleSet }).dueOn).toBe(dueOn);
  });
});

describe('computeNextDue — 不合格 and 基本合格', () => {
  const crane = dev('4000', '4100', '4110');

  it('不合格: must stop, re-inspection due immediately by default', () => {
    const result = computeNextDue({ device: crane, lastInspection: last({ result: 'fail' }), ruleSet: inspectionRuleSet });
    expect(result).toMatchObject({ obligation: 'reinspection', mustStop: true, dueOn: '2024-09-01', ruleId: 'crane-bridge' });
    expect(result.explanation).toContain('停止使用');
  });

  it('不合格 with a configured re-inspection window', () => {
    const ruleSet = { ...inspectionRuleSet, settings: { ...inspectionRuleSet.settings, reinspectionDays: 15 } };
    expect(computeNextDue({ device: crane, lastInspection: last({ result: 'fail' }), ruleSet }).dueOn).toBe('2024-09-16');
  });

  it('不合格 stops an elevator too', () => {
    const elevator = dev('3000', '3100', '3110', { scheduleBaseOn: '2024-05-15' });
    const result = computeNextDue({ device: elevator, lastInspection: { date: '2025-05-10', result: 'fail' }, ruleSet: inspectionRuleSet });
    expect(result).toMatchObject({ obligation: 'reinspection', mustStop: true, dueOn: '2025-05-10' });
  });

  it('基本合格: keeps the schedule, stays in use, rectification due in 30 days', () => {
    const result = computeNextDue({ device: crane, lastInspection: last({ result: 'basic_pass' }), ruleSet: inspectionRuleSet });
    expect(result).toMatchObject({ obligation: 'periodic_inspection', mustStop: false, dueOn: '2026-09-01', rectificationDueOn: '2024-10-01' });
    expect(result.explanation).toContain('基本合格');
  });

  it('合格: no rectification date', () => {
    expect(computeNextDue({ device: crane, lastInspection: last(), ruleSet: inspectionRuleSet }).rectificationDueOn).toBeNull();
  });
});

describe('selectRule — versions switch on their dates', () => {
  const base = inspectionRuleSet.rules.find((r) => r.id === 'crane-tower');
  if (!base) throw new Error('fixture');
  const versioned: InspectionRuleSet = {
    ...inspectionRuleSet,
    rules: [
      { ...base, id: 'crane-v1', kind: 'fixed_interval', params: { periodMonths: 24 }, validFrom: '2000-01-01', validTo: '2025-01-01' },
      { ...base, id: 'crane-v2', kind: 'fixed_interval', params: { periodMonths: 12 }, validFrom: '2025-01-01', validTo: null },
    ],
  };
  const tower = dev('4000', '4300', '4310');

  it.each([
    ['2024-12-31', 'crane-v1', '2026-12-31'], // last inspection before the switch → old period
    ['2025-01-01', 'crane-v2', '2026-01-01'], // on the switch date → new period (validFrom inclusive)
  ])('inspected %s → %s, due %s', (date, ruleId, dueOn) => {
    expect(selectRule(versioned, tower, date)?.id).toBe(ruleId);
    expect(computeNextDue({ device: tower, lastInspection: { date, result: 'pass' }, ruleSet: versioned })).toMatchObject({ ruleId, dueOn });
  });

  it.each([
    ['2024-04-01', 'elevator-annual-legacy'],
    ['2024-04-02', 'elevator-t7001-2023'],
  ])('elevator rule in force on %s is %s', (date, ruleId) => {
    expect(selectRule(inspectionRuleSet, dev('3000', '3100', '3110'), date)?.id).toBe(ruleId);
  });

  it('returns null, and computeNextDue throws not_found, when no rule covers the device', () => {
    const chamber = dev('2000', '2400', '2410'); // 氧舱: no period in domain.md
    expect(selectRule(inspectionRuleSet, chamber, LAST)).toBeNull();
    expect(() => computeNextDue({ device: chamber, lastInspection: last(), ruleSet: inspectionRuleSet })).toThrow(
      expect.objectContaining({ code: 'equipment.no_inspection_rule', kind: 'not_found' }),
    );
  });

  it('throws conflict on two equally specific rules', () => {
    const tie: InspectionRuleSet = { ...versioned, rules: versioned.rules.map((r) => ({ ...r, validTo: null, validFrom: '2000-01-01' })) };
    expect(() => selectRule(tie, tower, LAST)).toThrow(expect.objectContaining({ code: 'equipment.ambiguous_inspection_rule', kind: 'conflict' }));
  });

  it('lists the parallel tracks of a device', () => {
    expect(listApplicableTracks(inspectionRuleSet, dev('1000', '1100', null), LAST)).toEqual(['external', 'internal']);
    expect(listApplicableTracks(inspectionRuleSet, dev('2000', '2200', '2220'), LAST)).toEqual(['periodic', 'annual_check', 'pressure_test']);
    expect(listApplicableTracks(inspectionRuleSet, dev('4000', '4100', '4110'), LAST)).toEqual(['periodic']);
  });

  it('rejects a bad date', () => {
    expect(() => computeNextDue({ device: dev('4000', '4300', '4310'), lastInspection: { date: '2025-02-29', result: 'pass' }, ruleSet: inspectionRuleSet })).toThrow(
      expect.objectContaining({ code: 'equipment.invalid_date' }),
    );
  });
});

describe('classifyDueStatus (domain.md §1.4.3: overdue when today ≥ dueOn)', () => {
  it.each([
    ['2026-09-01', '2026-09-02', 30, 'overdue'],
    ['2026-09-01', '2026-09-01', 30, 'overdue'], // due today counts as overdue
    ['2026-09-01', '2026-08-31', 30, 'due_soon'],
    ['2026-09-01', '2026-08-02', 30, 'due_soon'], // exactly 30 days before
    ['2026-09-01', '2026-08-01', 30, 'normal'], // 31 days before
    ['2026-09-01', '2026-08-31', 0, 'normal'], // no warning window
    ['2026-09-01', '2026-06-03', 90, 'due_soon'], // 90 days before
    ['2028-03-01', '2028-02-25', 30, 'due_soon'], // domain.md §11.2 elevator example (due month 2028-03)
  ] as const)('due %s, today %s, window %i → %s', (dueOn, today, warningDays, expected) => {
    expect(classifyDueStatus(dueOn, today, warningDays)).toBe(expected);
  });

  it('defaults to a 30-day window', () => {
    expect(classifyDueStatus('2026-09-01', '2026-08-02')).toBe('due_soon');
    expect(classifyDueStatus('2026-09-01', '2026-08-01')).toBe('normal');
  });

  it('rejects a negative window', () => {
    expect(() => classifyDueStatus('2026-09-01', '2026-08-01', -1)).toThrow(expect.objectContaining({ code: 'equipment.invalid_warning_days' }));
  });
});
