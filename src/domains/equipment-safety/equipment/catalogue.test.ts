import { describe, expect, it } from 'vitest';
import {
  assertClassification,
  catalogueEditions,
  categoryEnglishNames,
  classifyEquipmentClass,
  findCatalogueEntry,
  findClassificationProblem,
  formatCatalogueLabel,
  getCatalogueEntry,
  getRegistrationMode,
  listCatalogueChildren,
  selectCatalogueEdition,
  type Classification,
} from './catalogue';

describe('catalogue 2014 data', () => {
  // Counts stated in shared/data/README.md §2: 157 = 10 + 48 + 99.
  it('has 10 categories, 48 kinds and 99 varieties', () => {
    const entries = catalogueEditions[0]?.entries ?? [];
    expect(entries).toHaveLength(157);
    expect(entries.filter((e) => e.level === 'category')).toHaveLength(10);
    expect(entries.filter((e) => e.level === 'kind')).toHaveLength(48);
    expect(entries.filter((e) => e.level === 'variety')).toHaveLength(99);
  });

  it('lists the categories in catalogue order, each with an English name', () => {
    const codes = listCatalogueChildren(null).map((e) => e.code);
    expect(codes).toEqual(['1000', '2000', '8000', '7000', '3000', '4000', '9000', '6000', '5000', 'F000']);
    expect(codes.filter((c) => !categoryEnglishNames[c])).toEqual([]);
  });

  it('lists the kinds of 电梯', () => {
    expect(listCatalogueChildren('3000').map((e) => `${e.code} ${e.name}`)).toEqual([
      '3100 曳引与强制驱动电梯',
      '3200 液压驱动电梯',
      '3300 自动扶梯与自动人行道',
      '3400 其它类型电梯',
    ]);
  });

  it.each([
    ['2150', '第二类压力容器', 'variety', '2100'],
    ['8310', '工艺管道', 'variety', '8300'],
    ['7310', '安全阀', 'variety', 'F000'], // hangs from F000 although coded 73xx
    ['4D00', '机械式停车设备', 'kind', '4000'],
  ])('%s is %s (%s under %s)', (code, name, level, parent) => {
    expect(findCatalogueEntry(code)).toMatchObject({ code, name, level, parent });
  });

  it('formats labels and reports unknown codes', () => {
    expect(formatCatalogueLabel('3110')).toBe('3110 曳引驱动乘客电梯');
    expect(formatCatalogueLabel('9999')).toBe('9999');
    expect(findCatalogueEntry('9999')).toBeNull();
    expect(() => getCatalogueEntry('9999')).toThrow(expect.objectContaining({ code: 'equipment.unknown_catalogue_code', kind: 'not_found' }));
  });

  it.each([
    ['2014-10-29', null],
    ['2014-10-30', '2014'],
    ['2026-05-01', '2014'],
  ])('edition in force on %s is %s', (date, edition) => {
    expect(selectCatalogueEdition(date)?.edition ?? null).toBe(edition);
  });
});

describe('findClassificationProblem', () => {
  const t = (categoryCode: string, kindCode: string | null, varietyCode: string | null): Classification => ({ categoryCode, kindCode, varietyCode });

  it.each([
    [t('3000', '3100', '3110'), null],
    [t('2000', '2300', '23T0'), null],
    [t('4000', '4900', null), null], // kind without varieties
    [t('6000', '6100', null), null],
    [t('F000', null, '7310'), null], // F000 has no kind level
    [t('3000', '3100', '3210'), 'variety_mismatch'],
    [t('3000', '3200', '3110'), 'variety_mismatch'],
    [t('3000', '4100', '4110'), 'kind_mismatch'],
    [t('3000', null, null), 'kind_required'],
    [t('3000', '3100', null), 'variety_required'],
    [t('4000', '4900', '4910'), 'variety_not_applicable'],
    [t('F000', '7300', '7310'), 'kind_not_applicable'],
    [t('F000', null, null), 'variety_required'],
    [t('1234', null, null), 'unknown_category'],
    [t('3100', '3110', null), 'unknown_category'], // a kind code is not a category
  ])('%j → %s', (triple, reason) => {
    expect(findClassificationProblem(triple)?.reason ?? null).toBe(reason);
  });

  it('accepts a missing variety for legacy data on request', () => {
    expect(findClassificationProblem(t('3000', '3100', null), { requireVariety: false })).toBeNull();
  });

  it('throws equipment.invalid_classification with the field', () => {
    expect(() => assertClassification(t('3000', '4100', '4110'))).toThrow(
      expect.objectContaining({ code: 'equipment.invalid_classification', kind: 'invalid', details: { field: 'kindCode', reason: 'kind_mismatch' } }),
    );
  });
});

describe('registration mode and equipment class (domain.md §1.1, §1.2)', () => {
  it.each([
    [{ categoryCode: '3000', kindCode: '3100' }, {}, 'per_device'],
    [{ categoryCode: '2000', kindCode: '2100' }, {}, 'per_device'],
    [{ categoryCode: '2000', kindCode: '2300' }, {}, 'per_unit'],
    [{ categoryCode: '2000', kindCode: '2300' }, { isVehicleCylinder: true }, 'per_device'],
    [{ categoryCode: '8000', kindCode: '8300' }, {}, 'per_unit'],
    [{ categoryCode: '8000', kindCode: '8200' }, {}, null],
    [{ categoryCode: '7000', kindCode: '7100' }, {}, null],
    [{ categoryCode: 'F000', kindCode: null }, {}, null],
  ] as const)('%j %j → %s', (device, options, expected) => {
    expect(getRegistrationMode(device, options)).toBe(expected);
  });

  it.each([
    ['1000', 'pressure_bearing'],
    ['8000', 'pressure_bearing'],
    ['3000', 'electromechanical'],
    ['5000', 'electromechanical'],
    ['F000', null],
  ])('%s is %s', (code, expected) => {
    expect(classifyEquipmentClass(code)).toBe(expected);
  });
});
