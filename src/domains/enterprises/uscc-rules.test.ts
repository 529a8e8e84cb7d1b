import { describe, it, expect } from 'vitest';
import { isDomainError } from '../../shared/errors';
import {
  USCC_CHARSET,
  USCC_WEIGHTS,
  buildUscc,
  checkUscc,
  computeOrgCodeCheckChar,
  computeUsccCheckChar,
  isValidUscc,
  normaliseUscc,
} from './uscc-rules';

/**
 * Hand arithmetic used below (standards.md §4.2).
 * USCC values: 0–9, A10 B11 C12 D13 E14 F15 G16 H17 J18 K19 L20 M21 N22 P23 Q24 R25 T26 U27 W28 X29 Y30.
 * USCC weights W1..W17: 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28;  C18 = (31 − Σ mod 31) mod 31.
 * GB 11714 values 0–9, A–Z = 10–35; weights 3 7 9 10 5 8 4 2;  C9 = 11 − Σ mod 11 (10 → X, 11 → 0).
 *
 * (a) 9 1 320583 + body 12345678
 *     org Σ = 1·3+2·7+3·9+4·10+5·5+6·8+7·4+8·2 = 3+14+27+40+25+48+28+16 = 201; 201 mod 11 = 3 → C9 = 8
 *     Σ17 of 9 1 3 2 0 5 8 3 1 2 3 4 5 6 7 8 8:
 *       9+3+27+54+0+130+128+51+20+58+75+52+40+144+70+240+224 = 1325; 1325 = 42·31 + 23 → C18 = 31−23 = 8
 *     → 913205831234567888
 * (b) 5 2 110105 + body MA01B2C3 (社会团体… 民办非企业单位 under 民政)
 *     org Σ = M22·3+A10·7+0·9+1·10+B11·5+2·8+C12·4+3·2 = 66+70+0+10+55+16+48+6 = 271; 271 mod 11 = 7 → C9 = 4
 *     Σ17 of 5 2 1 1 0 1 0 5 M21 A10 0 1 B11 2 C12 3 4:
 *       5+6+9+27+0+26+0+85+420+290+0+13+88+48+120+90+112 = 1339; 1339 = 43·31 + 6 → C18 = 25 = R
 *     → 52110105MA01B2C34R
 * (c) 9 3 330782 + body 10000004 (农民专业合作社, 义乌)
 *     org Σ = 1·3+4·2 = 11; 11 mod 11 = 0 → C9 = 11 → "0"
 *     Σ17 of 9 3 3 3 0 7 8 2 1 0 0 0 0 0 0 4 0: 9+9+27+81+0+182+128+34+20+120+0 = 610; 610 = 19·31 + 21 → C18 = 10 = A
 *     → 93330782100000040A
 * (d) 9 1 320520 + body 12345678 (same org code as (a); C18 = 31 → 0)
 *     Σ17 = 9+3+27+54+0+130+2·16+0·17+20+58+75+52+40+144+70+240+224 = 1178 = 38·31 → C18 = 31 → 0
 *     → 913205201234567880
 * Huawei 914403001922038216: org Σ of 19220382 = 3+63+18+20+0+24+32+4 = 164; 164 mod 11 = 10 → C9 = 1 ✓.
 * Tencent 9144030071526726XG: org Σ of 71526726 = 21+7+45+20+30+56+8+12 = 199; 199 mod 11 = 1 → C9 = 10 → X ✓.
 */
const constructed = [
  ['913205831234567888', '9', '1', '320583', '123456788'],
  ['52110105MA01B2C34R', '5', '2', '110105', 'MA01B2C34'],
  ['93330782100000040A', '9', '3', '330782', '100000040'],
  ['913205201234567880', '9', '1', '320520', '123456788'],
] as const;

// standards.md §4.4: verified real codes, all pass both checks.
const realCodes = [
  ['914403001922038216', '440300', '192203821'], // 华为技术有限公司
  ['9144030071526726XG', '440300', '71526726X'], // 腾讯科技（深圳）有限公司
  ['91330100799655058B', '330100', '799655058'], // 阿里巴巴（中国）有限公司
  ['91110108551385082Q', '110108', '551385082'], // 小米科技有限责任公司
  ['91440300192317458F', '440300', '192317458'], // 比亚迪股份有限公司
  ['91520000214434146R', '520000', '214434146'], // 中航重机股份有限公司
  ['9144030010001686XA', '440300', '10001686X'], // 招商银行股份有限公司
  ['911000001000013428', '100000', '100001342'], // 中国银行股份有限公司 (national level)
  ['91350900587527783P', '350900', '587527783'], // 宁德时代新能源科技股份有限公司
  ['91110000802100433B', '110000', '802100433'], // 北京百度网讯科技有限公司
  ['91440300192181490G', '440300', '192181490'], // 万科企业股份有限公司
] as const;

const problemCodes = (raw: string, allowUnknownDepartment = false) =>
  checkUscc(raw, { allowUnknownDepartment }).problems.map((p) => p.code);

describe('USCC constants', () => {
  it('has 31 symbols without I O S V Z, and weights 3^(i−1) mod 31', () => {
    expect(USCC_CHARSET).toHaveLength(31);
    for (const letter of 'IOSVZ') expect(USCC_CHARSET).not.toContain(letter);
    let w = 1;
    for (let i = 0; i < 17; i++, w = (w * 3) % 31) expect(USCC_WEIGHTS[i]).toBe(w);
  });
});

describe('checkUscc on verified real codes (standards.md §4.4)', () => {
  it.each(realCodes)('%s is valid', (code, regionCode, orgCode) => {
    expect(checkUscc(code)).toEqual({
      valid: true,
      checksumOk: true,
      expectedCheckChar: code.charAt(17),
      orgCodeCheckOk: true,
      parsed: { registrationDeptCode: '9', categoryCode: '1', regionCode, orgCode },
      problems: [],
    });
  });
});

describe('checkUscc on codes built by hand', () => {
  it.each(constructed)('%s is valid', (code, dept, category, regionCode, orgCode) => {
    const result = checkUscc(code);
    expect(result.problems).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.parsed).toEqual({ registrationDeptCode: dept, categoryCode: category, regionCode, orgCode });
  });
});

describe('checkUscc on corrupted codes', () => {
  it.each([
    // one changed character
    ['914403001922038217', ['uscc.bad_check_char'], 'check char 6 → 7'],
    ['914403101922038216', ['uscc.bad_check_char'], 'region digit 0 → 1 (440310 is still a valid region format)'],
    ['914403001922038316', ['uscc.bad_check_char', 'uscc.bad_org_code_check'], 'body digit 2 → 3'],
    ['9144030071526726YG', ['uscc.bad_check_char', 'uscc.bad_org_code_check'], 'org check X → Y'],
    // swapped adjacent characters
    ['194403001922038216', ['uscc.bad_check_char'], 'positions 1/2 (dept 1 category 9 exists)'],
    ['914403001922083216', ['uscc.bad_check_char', 'uscc.bad_org_code_check'], 'positions 14/15 inside the body'],
    ['914043001922038216', ['uscc.bad_check_char', 'uscc.bad_region'], 'positions 4/5 → region 404300'],
    ['914403001922038261', ['uscc.bad_check_char', 'uscc.bad_org_code_check'], 'positions 17/18'],
    // valid checksums, bad content (check characters recomputed by hand from Huawei's Σ, see each comment)
    // position 2 (W=3): 1 → 4 adds 9; C18 = 6 − 9 ≡ 28 = W
    ['94440300192203821W', ['uscc.bad_category'], 'category 4 under department 9'],
    // position 2 (W=3): 1 → 9 adds 24; C18 = 6 − 24 ≡ 13 = D
    ['99440300192203821D', ['uscc.bad_category'], 'category 9 under department 9'],
    // position 1 (W=1): 9 → B(11) adds 2; C18 = 6 − 2 = 4
    ['B14403001922038214', ['uscc.bad_department'], 'department B'],
    // position 3 (W=9): 4 → 9 adds 45 ≡ 14; C18 = 6 − 14 ≡ 23 = P
    ['91940300192203821P', ['uscc.bad_region'], 'region 940300 (no province 94)'],
    // position 6 (W=26): 3 → 0 subtracts 78, position 8 (W=17): 0 → 1 adds 17; −61 ≡ 1; C18 = 6 − 1 = 5
    ['914400011922038215', ['uscc.bad_region'], 'region 440001 (county digits under prefecture 00)'],
    // position 17 (W=28): 1 → 2 adds 28; C18 = 6 − 28 ≡ 9. Org check should stay 1.
    ['914403001922038229', ['uscc.bad_org_code_check'], 'org-code check 1 → 2'],
  ])('%s → %j (%s)', (code, expected) => {
    expect(problemCodes(code)).toEqual(expected);
    expect(checkUscc(code).valid).toBe(false);
  });

  it('reports the expected check character from the hand arithmetic', () => {
    // positions 1/2 swapped: 9·1+1·3 = 12 → 1·1+9·3 = 28, Σ grows by 16; C18 = 6 − 16 ≡ 21 = M
    expect(checkUscc('194403001922038216')).toMatchObject({ checksumOk: false, expectedCheckChar: 'M', orgCodeCheckOk: true });
    expect(checkUscc('914403001922038217')).toMatchObject({ checksumOk: false, expectedCheckChar: '6' });
    expect(checkUscc('914403001922038229')).toMatchObject({ checksumOk: true, orgCodeCheckOk: false });
  });

  it.each([...'IOSVZ'])('rejects the forbidden letter %s as check character and inside the body', (letter) => {
    expect(problemCodes(`91440300192203821${letter}`)).toEqual(['uscc.bad_charset', 'uscc.bad_check_char']);
    const inBody = checkUscc(`91440300${letter}922038216`);
    expect(inBody.problems.map((p) => p.code)).toEqual(['uscc.bad_charset']);
    expect(inBody).toMatchObject({ valid: false, checksumOk: false, expectedCheckChar: null, orgCodeCheckOk: false });
    expect(inBody.problems[0]?.message).toContain(`第9位「${letter}」`);
  });

  it('accepts unknown departments only when allowed', () => {
    expect(problemCodes('B14403001922038214', true)).toEqual([]);
    expect(isValidUscc('B14403001922038214', { allowUnknownDepartment: true })).toBe(true);
    expect(isValidUscc('B14403001922038214')).toBe(false);
  });

  it('detects every single substitution and adjacent transposition of the real codes', () => {
    for (const [code] of realCodes) {
      for (let i = 0; i < 18; i++) {
        for (const c of USCC_CHARSET) {
          if (c === code.charAt(i)) continue;
          const changed = `${code.slice(0, i)}${c}${code.slice(i + 1)}`;
          expect(checkUscc(changed).checksumOk, changed).toBe(false);
        }
        const a = code.charAt(i);
        const b = code.charAt(i + 1);
        if (i < 17 && a !== b) {
          const swapped = `${code.slice(0, i)}${b}${a}${code.slice(i + 2)}`;
          expect(isValidUscc(swapped), swapped).toBe(false);
        }
      }
    }
  });
});

describe('checkUscc on wrong lengths', () => {
  it.each([
    ['', ['uscc.bad_length']],
    ['   ', ['uscc.bad_length']],
    ['9144030019220382160', ['uscc.bad_length']],
    ['440301103097413', ['uscc.bad_length']], // an old 15-digit registration number
    ['19220382-1', ['uscc.bad_length', 'uscc.bad_charset']], // an organisation code
    ['91440300-192203821-6', ['uscc.bad_length', 'uscc.bad_charset']], // hyphens are not stripped
  ])('%j → %j with null parts', (raw, expected) => {
    const result = checkUscc(raw);
    expect(result.problems.map((p) => p.code)).toEqual(expected);
    expect(result).toMatchObject({ valid: false, checksumOk: false, expectedCheckChar: null, orgCodeCheckOk: false });
    expect(result.parsed).toEqual({ registrationDeptCode: null, categoryCode: null, regionCode: null, orgCode: null });
  });

  it('explains a missing 18th character and still parses the 17 present', () => {
    const result = checkUscc('91440300192203821');
    expect(result.problems.map((p) => p.code)).toEqual(['uscc.bad_length']);
    expect(result.problems[0]?.message).toBe('统一社会信用代码应为18位，实际为17位；按前17位计算，第18位校验码应为「6」');
    expect(result).toMatchObject({ valid: false, checksumOk: false, expectedCheckChar: '6', orgCodeCheckOk: true });
    expect(result.parsed).toEqual({ registrationDeptCode: '9', categoryCode: '1', regionCode: '440300', orgCode: '192203821' });
  });

  it('says the code is empty', () => {
    expect(checkUscc(' ').problems[0]?.message).toBe('统一社会信用代码不能为空');
  });
});

describe('normaliseUscc and checkUscc on sloppy input', () => {
  it.each([
    ['９１４４０３００１９２２０３８２１６', '914403001922038216'],
    ['９１４４０３００７１５２６７２６ＸＧ', '9144030071526726XG'],
    ['９１４４０３００７１５２６７２６ｘｇ', '9144030071526726XG'],
    ['9144030071526726xg', '9144030071526726XG'],
    [' 9144 0300 7152 6726 XG ', '9144030071526726XG'],
    ['\u30009144030071526726XG\u3000', '9144030071526726XG'],
    ['\t9144030071526726XG\r\n', '9144030071526726XG'],
    ['\uFEFF9144030071526726\u200BXG', '9144030071526726XG'],
    ['91440300\u00A0192203821 6', '914403001922038216'],
  ])('%j → %s, which is valid', (raw, normalised) => {
    expect(normaliseUscc(raw)).toBe(normalised);
    expect(isValidUscc(raw)).toBe(true);
  });

  it('keeps characters it cannot map so that the charset check reports them', () => {
    expect(normaliseUscc('9144-0300')).toBe('9144-0300');
    expect(normaliseUscc('914403001922038２1六')).toBe('91440300192203821六');
    expect(problemCodes('91440300192203821六')).toEqual(['uscc.bad_charset', 'uscc.bad_check_char']);
  });
});

describe('computeUsccCheckChar', () => {
  it.each([
    ['91320583123456788', '8'], // (a)
    ['52110105MA01B2C34', 'R'], // (b)
    ['93330782100000040', 'A'], // (c)
    ['91320520123456788', '0'], // (d): Σ ≡ 0 gives 0, not 31
  ])('%s → %s', (first17, expected) => {
    expect(computeUsccCheckChar(first17)).toBe(expected);
  });

  it.each([['9132058312345678'], ['913205831234567888'], ['91320583I23456788']])('throws for %s', (bad) => {
    expect(() => computeUsccCheckChar(bad)).toThrow();
    try {
      computeUsccCheckChar(bad);
    } catch (error) {
      expect(isDomainError(error) && error.kind).toBe('invalid');
    }
  });
});

describe('computeOrgCodeCheckChar (GB 11714)', () => {
  it.each([
    ['12345678', '8'], // (a)
    ['MA01B2C3', '4'], // (b)
    ['10000004', '0'], // (c): 11 → 0
    ['71526726', 'X'], // Tencent: 10 → X
    ['19220382', '1'], // Huawei
    ['S0000000', '4'], // S is allowed in GB 11714: S = 28; 28·3 = 84; 84 mod 11 = 7 → 4
  ])('%s → %s', (body, expected) => {
    expect(computeOrgCodeCheckChar(body)).toBe(expected);
  });

  it.each([['1234567'], ['123456789'], ['1234567-'], ['ma01b2c3']])('throws for %s', (bad) => {
    expect(() => computeOrgCodeCheckChar(bad)).toThrow();
  });
});

describe('buildUscc', () => {
  it.each([
    [{ dept: '9', category: '1', region: '320583', orgCodeBody8: '12345678' }, '913205831234567888'],
    [{ dept: '5', category: '2', region: '110105', orgCodeBody8: 'MA01B2C3' }, '52110105MA01B2C34R'],
    [{ dept: '9', category: '3', region: '330782', orgCodeBody8: '10000004' }, '93330782100000040A'],
    [{ dept: '9', category: '1', region: '320520', orgCodeBody8: '12345678' }, '913205201234567880'],
  ])('builds %j → %s', (parts, expected) => {
    expect(buildUscc(parts)).toBe(expected);
  });

  it.each([
    [{ dept: '9', category: '1', region: '990000', orgCodeBody8: '12345678' }, 'uscc.bad_region'],
    [{ dept: '9', category: '4', region: '320583', orgCodeBody8: '12345678' }, 'uscc.bad_category'],
    [{ dept: 'B', category: '1', region: '320583', orgCodeBody8: '12345678' }, 'uscc.bad_department'],
    [{ dept: '9', category: '1', region: '320583', orgCodeBody8: 'MA0O1234' }, 'uscc.bad_charset'],
    [{ dept: '9', category: '1', region: '320583', orgCodeBody8: '1234567' }, 'uscc.bad_length'],
  ])('refuses %j (%s)', (parts, problem) => {
    try {
      buildUscc(parts);
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error) && error.code).toBe('uscc.bad_parts');
      const details = isDomainError(error) ? (error.details as { problems: { code: string }[] }) : { problems: [] };
      expect(details.problems.map((p) => p.code)).toContain(problem);
    }
  });
});
