import { describe, it, expect } from 'vitest';
import {
  findIndustry,
  industryFilterPrefixes,
  industryPath,
  isValidIndustryCode,
  listIndustries,
  matchesIndustryFilter,
  normaliseIndustryCode,
} from './industry-rules';

// Expected names: GB/T 4754-2017 (spot checks listed in shared/data/README.md §1 and the standard's headings).
describe('findIndustry', () => {
  it.each([
    ['C', '制造业', 'section', null],
    ['T', '国际组织', 'section', null],
    ['11', '开采专业及辅助性活动', 'division', 'B'],
    ['34', '通用设备制造业', 'division', 'C'],
    ['023', '森林经营、管护和改培', 'group', '02'],
    ['022', '造林和更新', 'group', '02'],
    ['0220', '造林和更新', 'class', '022'], // a group with a single class: both exist
    ['0532', '畜禽粪污处理活动', 'class', '053'],
    ['0722', '海洋天然气及可燃冰开采', 'class', '072'],
    ['2780', '药用辅料及包装材料', 'class', '278'],
    ['3435', '电梯、自动扶梯及升降机制造', 'class', '343'],
    ['3436', '客运索道制造', 'class', '343'],
    ['5267', '机动车充电销售', 'class', '526'],
    ['8053', '养生保健服务', 'class', '805'],
    ['9291', '消防管理机构', 'class', '929'],
  ])('%s → %s (%s)', (code, name, level, parent) => {
    expect(findIndustry(code)).toEqual({ code, name, level, parent });
  });

  it.each([['c3435', '3435'], [' C 3435 ', '3435'], ['Ｃ３４３５', '3435'], ['P83', '83'], ['a0532', '0532']])(
    'accepts the section-prefixed form %j',
    (raw, code) => {
      expect(normaliseIndustryCode(raw)).toBe(code);
      expect(findIndustry(raw)?.code).toBe(code);
    },
  );

  it.each([
    ['', 'empty'],
    ['U', 'no section U'],
    ['98', 'no division 98'],
    ['00', 'no division 00'],
    ['3430', 'no class 3430'],
    ['34350', 'five digits'],
    ['B3435', 'section letter that does not match (3435 is in C)'],
    ['CC', 'two letters'],
    ['34-35', 'punctuation'],
  ])('returns null for %j (%s)', (code) => {
    expect(findIndustry(code)).toBeNull();
  });
});

describe('isValidIndustryCode', () => {
  it.each([
    ['A', true],
    ['01', true],
    ['011', true],
    ['0111', true],
    ['9700', true],
    ['0110', false],
    ['U', false],
    ['c', false], // exact form only; normalise first
    ['C3435', false],
    [' 3435', false],
  ])('%j → %s', (code, expected) => {
    expect(isValidIndustryCode(code)).toBe(expected);
  });
});

describe('industryPath', () => {
  it('goes section → division → group → class', () => {
    expect(industryPath('3435').map((e) => [e.code, e.name])).toEqual([
      ['C', '制造业'],
      ['34', '通用设备制造业'],
      ['343', '物料搬运设备制造'],
      ['3435', '电梯、自动扶梯及升降机制造'],
    ]);
  });

  it.each([
    ['C', ['C']],
    ['83', ['P', '83']],
    ['839', ['P', '83', '839']],
    ['0220', ['A', '02', '022', '0220']],
    ['C3435', ['C', '34', '343', '3435']],
    ['3430', []],
    ['', []],
  ])('%j → %j', (code, expected) => {
    expect(industryPath(code).map((e) => e.code)).toEqual(expected);
  });
});

describe('listIndustries', () => {
  it.each([
    ['section', 20],
    ['division', 97],
    ['group', 473],
    ['class', 1381],
  ] as const)('has %s entries: %i', (level, count) => {
    expect(listIndustries({ level })).toHaveLength(count);
  });

  it('lists all 1,971 entries in the standard order', () => {
    const all = listIndustries();
    expect(all).toHaveLength(1971);
    expect(all.slice(0, 4).map((e) => e.code)).toEqual(['A', '01', '011', '0111']);
    expect(all.at(-1)?.code).toBe('9700');
  });

  it('lists the sections A–T in order', () => {
    expect(listIndustries({ level: 'section' }).map((e) => e.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
  });

  it('lists children of a parent', () => {
    // 制造业 is divisions 13–43.
    const manufacturing = listIndustries({ parent: 'C' }).map((e) => e.code);
    expect(manufacturing).toEqual(Array.from({ length: 31 }, (_, i) => String(13 + i)));
    expect(listIndustries({ parent: '343' }).map((e) => e.code)).toEqual(['3431', '3432', '3433', '3434', '3435', '3436', '3437', '3439']);
    expect(listIndustries({ parent: '343', level: 'group' })).toEqual([]);
    expect(listIndustries({ parent: '3435' })).toEqual([]);
    expect(listIndustries({ parent: 'nope' })).toEqual([]);
  });

  it('has a parent for every non-section entry, one level up', () => {
    const levelAbove = { division: 'section', group: 'division', class: 'group' } as const;
    for (const entry of listIndustries()) {
      if (entry.level === 'section') {
        expect(entry.parent).toBeNull();
        continue;
      }
      expect(findIndustry(entry.parent ?? '')?.level, entry.code).toBe(levelAbove[entry.level]);
    }
  });
});

describe('industry filters', () => {
  it.each([
    ['P', ['P', '83']],
    ['34', ['34']],
    ['343', ['343']],
    ['c3435', ['3435']],
    ['U', []],
  ])('industryFilterPrefixes(%j) → %j', (code, expected) => {
    expect(industryFilterPrefixes(code)).toEqual(expected);
  });

  it.each([
    ['C', '3435', true],
    ['34', '3435', true],
    ['343', '3435', true],
    ['3435', '3435', true],
    ['C', '34', true],
    ['C', 'C', true],
    ['35', '3435', false],
    ['3435', '343', false], // a class filter does not match an enterprise recorded only at group level
    ['B', '3435', false],
    ['C', '3430', false],
    ['U', '3435', false],
  ])('matchesIndustryFilter(%j, %j) → %s', (filter, code, expected) => {
    expect(matchesIndustryFilter(filter, code)).toBe(expected);
  });
});
