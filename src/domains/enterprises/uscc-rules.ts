/**
 * Unified Social Credit Code (统一社会信用代码, GB 32100-2015), standards.md §4.1–4.3.
 *
 *   pos 1      登记管理部门码   (table in uscc-departments.ts)
 *   pos 2      机构类别码
 *   pos 3–8    登记管理机关行政区划码 (GB/T 2260, or 100000 for the national level)
 *   pos 9–17   主体标识码 = GB 11714 organisation code (8 body characters + its own check character)
 *   pos 18     校验码: Σ_{i=1..17} value(c_i)·W_i + value(c_18) ≡ 0 (mod 31), W_i = 3^(i−1) mod 31
 *
 * `valid` (our decision, documented in the report): the normalised code has 18 characters from the
 * 31-symbol charset, the check character matches, the embedded organisation code's check character
 * matches (product.md §2 and the enterprise issue ask for it; standards.md §4.2 calls it informational),
 * positions 3–8 are a valid GB/T 2260 code (or 100000), and positions 1–2 are a department/category
 * pair of the §4.3 table (`allowUnknownDepartment: true` drops that last condition).
 * Nothing here throws for a wrong code: every failed condition is one entry of `problems`.
 */
import { invalid } from '../../shared/errors';
import { NATIONAL_REGION_CODE, isValidRegionCode } from '../../shared/region-code';
import { findUsccCategoryName, findUsccDepartment } from './uscc-departments';

export const USCC_LENGTH = 18;
/** The 31 symbols in value order (0–30): digits, then upper-case letters without I O S V Z. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** W_i = 3^(i−1) mod 31, i = 1..17 (standards.md §4.2). */
export const USCC_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** GB 11714 weights of the 8 body characters. */
export const ORG_CODE_WEIGHTS: readonly number[] = [3, 7, 9, 10, 5, 8, 4, 2];

/** Problem codes, in the order `checkUscc` reports them. */
export const usccProblemCodes = [
  'uscc.bad_length',
  'uscc.bad_charset',
  'uscc.bad_check_char',
  'uscc.bad_org_code_check',
  'uscc.bad_department',
  'uscc.bad_category',
  'uscc.bad_region',
] as const;
export type UsccProblemCode = (typeof usccProblemCodes)[number];

export type UsccProblem = { code: UsccProblemCode; message: string };

/** Parts by position; all `null` unless the normalised input has 17 or 18 characters. */
export type UsccParts = {
  registrationDeptCode: string | null;
  categoryCode: string | null;
  regionCode: string | null;
  orgCode: string | null;
};

/** The `POST /api/v1/calc/uscc` response (product.md §4) plus `problems`. */
export type UsccCheck = {
  valid: boolean;
  checksumOk: boolean;
  /** Check character computed from positions 1–17 (input of 17 or 18 characters, all from the charset), else `null`. */
  expectedCheckChar: string | null;
  orgCodeCheckOk: boolean;
  parsed: UsccParts;
  problems: UsccProblem[];
};

export type UsccCheckOptions = {
  /** Accept department/category codes missing from the §4.3 table. Default `false`. */
  allowUnknownDepartment?: boolean;
};

const usccValues: ReadonlyMap<string, number> = new Map([...USCC_CHARSET].map((c, i) => [c, i]));
const invisible = /[\s\u200B-\u200D\u2060\uFEFF]/g;
const fullWidth = /[\uFF01-\uFF5E]/g;
const lowerAscii = /[a-z]/g;

const alreadyNormal = /^[0-9A-Z]*$/;

/** Trim, drop every whitespace/zero-width character, full-width ASCII → half-width, a–z → A–Z. */
export function normaliseUscc(raw: string): string {
  if (alreadyNormal.test(raw)) return raw; // the usual case (and the second call on a normalised code)
  return raw
    .replace(fullWidth, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(invisible, '')
    .replace(lowerAscii, (c) => c.toUpperCase());
}

function usccCheckCharOf(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = usccValues.get(first17.charAt(i));
    if (value === undefined) return null;
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** GB 11714 value: 0–9 → 0–9, A–Z → 10–35 (the full alphabet, unlike the USCC charset). */
function orgCodeValue(c: string): number | undefined {
  if (c.length !== 1) return undefined;
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  return undefined;
}

function orgCodeCheckCharOf(body8: string): string | null {
  if (body8.length !== 8) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const value = orgCodeValue(body8.charAt(i));
    if (value === undefined) return null;
    sum += value * (ORG_CODE_WEIGHTS[i] ?? 0);
  }
  const c9 = 11 - (sum % 11);
  return c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9);
}

/** The 18th character for 17 given characters. Throws `uscc.bad_length` / `uscc.bad_charset`. */
export function computeUsccCheckChar(first17: string): string {
  if (first17.length !== 17) throw invalid('uscc.bad_length', `需要17位，实际为${first17.length}位`);
  const check = usccCheckCharOf(first17);
  if (check === null) throw invalid('uscc.bad_charset', `含有统一社会信用代码字符集以外的字符：${first17}`);
  return check;
}

/** GB 11714 check character (0–9 or X) for an 8-character organisation-code body (digits, A–Z). */
export function computeOrgCodeCheckChar(body8: string): string {
  if (body8.length !== 8) throw invalid('uscc.bad_length', `组织机构代码本体需要8位，实际为${body8.length}位`);
  const check = orgCodeCheckCharOf(body8);
  if (check === null) throw invalid('uscc.bad_charset', `组织机构代码本体只能含数字和大写字母：${body8}`);
  return check;
}

const charsetHint = '只能使用数字0–9和除I、O、S、V、Z以外的大写英文字母';
const maxListedChars = 5;

function describeBadChars(code: string): string | null {
  const bad: string[] = [];
  let count = 0;
  let i = 0;
  for (const c of code) {
    i++;
    if (usccValues.has(c)) continue;
    count++;
    if (bad.length < maxListedChars) bad.push(`第${i}位「${c}」`);
  }
  if (count === 0) return null;
  return `${bad.join('、')}${count > bad.length ? `等${count}处` : ''}不是允许的字符（${charsetHint}）`;
}

function inCharset(s: string): boolean {
  for (const c of s) if (!usccValues.has(c)) return false;
  return true;
}

function checkDepartment(dept: string, category: string, problems: UsccProblem[]): void {
  if (!inCharset(dept) || !inCharset(category)) return;
  const department = findUsccDepartment(dept);
  if (!department) {
    problems.push({ code: 'uscc.bad_department', message: `登记管理部门码「${dept}」不在GB 32100的代码表中` });
    return;
  }
  if (findUsccCategoryName(dept, category) !== null) return;
  const allowed = Object.entries(department.categories).map(([k, v]) => `${k} ${v}`).join('、');
  problems.push({
    code: 'uscc.bad_category',
    message: `机构类别码「${category}」不属于登记管理部门「${department.name}」（可用：${allowed}）`,
  });
}

/** Checks a raw code (normalised first); never throws. See the file comment for what `valid` requires. */
export function checkUscc(raw: string, options: UsccCheckOptions = {}): UsccCheck {
  const code = normaliseUscc(raw);
  const problems: UsccProblem[] = [];
  const hasParts = code.length === 17 || code.length === USCC_LENGTH;
  const expectedCheckChar = hasParts ? usccCheckCharOf(code.slice(0, 17)) : null;
  const parsed: UsccParts = hasParts
    ? { registrationDeptCode: code.charAt(0), categoryCode: code.charAt(1), regionCode: code.slice(2, 8), orgCode: code.slice(8, 17) }
    : { registrationDeptCode: null, categoryCode: null, regionCode: null, orgCode: null };

  if (code.length !== USCC_LENGTH) {
    const hint = expectedCheckChar !== null && code.length === 17 ? `；按前17位计算，第18位校验码应为「${expectedCheckChar}」` : '';
    const message = code.length === 0 ? '统一社会信用代码不能为空' : `统一社会信用代码应为18位，实际为${code.length}位${hint}`;
    problems.push({ code: 'uscc.bad_length', message });
  }
  const badChars = describeBadChars(code);
  if (badChars !== null) problems.push({ code: 'uscc.bad_charset', message: badChars });

  const actualCheckChar = code.length === USCC_LENGTH ? code.charAt(17) : null;
  const checksumOk = expectedCheckChar !== null && actualCheckChar === expectedCheckChar;
  if (expectedCheckChar !== null && actualCheckChar !== null && !checksumOk) {
    problems.push({ code: 'uscc.bad_check_char', message: `校验码（第18位）应为「${expectedCheckChar}」，实际为「${actualCheckChar}」` });
  }

  let orgCodeCheckOk = false;
  if (parsed.orgCode !== null && inCharset(parsed.orgCode)) {
    const expectedOrgCheck = orgCodeCheckCharOf(parsed.orgCode.slice(0, 8));
    const actualOrgCheck = parsed.orgCode.charAt(8);
    orgCodeCheckOk = expectedOrgCheck === actualOrgCheck;
    if (!orgCodeCheckOk) {
      problems.push({
        code: 'uscc.bad_org_code_check',
        message: `主体标识码（组织机构代码，第9–17位）${parsed.orgCode.slice(0, 8)}-${actualOrgCheck} 的校验位应为「${expectedOrgCheck ?? '?'}」，实际为「${actualOrgCheck}」`,
      });
    }
  }

  if (parsed.registrationDeptCode !== null && parsed.categoryCode !== null && !options.allowUnknownDepartment) {
    checkDepartment(parsed.registrationDeptCode, parsed.categoryCode, problems);
  }
  if (parsed.regionCode !== null && inCharset(parsed.regionCode) && !isValidRegionCode(parsed.regionCode, { allowNational: true })) {
    problems.push({
      code: 'uscc.bad_region',
      message: `登记管理机关行政区划码（第3–8位）「${parsed.regionCode}」不是有效的GB/T 2260代码（或国家级${NATIONAL_REGION_CODE}）`,
    });
  }

  return { valid: problems.length === 0, checksumOk, expectedCheckChar, orgCodeCheckOk, parsed, problems };
}

export function isValidUscc(raw: string, options: UsccCheckOptions = {}): boolean {
  return checkUscc(raw, options).valid;
}

export type UsccBuildParts = {
  /** 登记管理部门码, e.g. `'9'`. */
  dept: string;
  /** 机构类别码, e.g. `'1'`. */
  category: string;
  /** Six-digit GB/T 2260 code of the registering authority, or `100000`. */
  region: string;
  /** First 8 characters of the 主体标识码 (USCC charset). */
  orgCodeBody8: string;
};

/**
 * Assembles a code and computes both check characters (GB 11714 for position 17, GB 32100 for 18).
 * Throws `uscc.bad_parts` (kind invalid) with the problems as details when the result would not be valid.
 */
export function buildUscc(parts: UsccBuildParts): string {
  const body = parts.orgCodeBody8;
  const orgCheck = body.length === 8 ? orgCodeCheckCharOf(body) : null;
  const first17 = `${parts.dept}${parts.category}${parts.region}${body}${orgCheck ?? ''}`;
  const check = orgCheck === null ? null : usccCheckCharOf(first17);
  const result = checkUscc(`${first17}${check ?? ''}`);
  if (check === null || !result.valid) {
    throw invalid('uscc.bad_parts', '无法用这些部分生成有效的统一社会信用代码', { parts, problems: result.problems });
  }
  return `${first17}${check}`;
}
