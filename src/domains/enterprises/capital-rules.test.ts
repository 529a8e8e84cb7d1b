import { describe, it, expect } from 'vitest';
import { canonicaliseAmount, convertWanToYuan, convertYuanToWan, isAmount } from './capital-rules';

describe('canonicaliseAmount', () => {
  it.each([
    ['0', '0.00'],
    ['7', '7.00'],
    ['7.5', '7.50'],
    ['7.05', '7.05'],
    ['12505000', '12505000.00'],
    ['99999999999999.99', '99999999999999.99'], // 14 integer digits
  ])('%s → %s', (value, expected) => {
    expect(isAmount(value)).toBe(true);
    expect(canonicaliseAmount(value)).toBe(expected);
  });

  it.each([['100000000000000'], ['-1'], ['1.005'], ['007'], ['1,000'], ['1e3'], ['０'], [''], ['NaN']])('rejects %j', (value) => {
    expect(isAmount(value)).toBe(false);
    expect(() => canonicaliseAmount(value)).toThrow(/金额格式不正确/);
  });
});

describe('convertWanToYuan (exact, × 10,000)', () => {
  it.each([
    ['1', '10000.00'],
    ['1250.5', '12505000.00'],
    ['1250.50', '12505000.00'],
    ['1234.567891', '12345678.91'], // 1234.567891 × 10000 = 12345678.91
    ['0.000001', '0.01'], // the smallest exact amount: 1 分
    ['0', '0.00'],
    ['9999999999.999999', '99999999999999.99'],
    ['0.1', '1000.00'], // 0.1 is not exact in binary floating point; here it is
    ['0.3', '3000.00'],
  ])('%s 万元 → %s 元', (wan, yuan) => {
    expect(convertWanToYuan(wan)).toBe(yuan);
  });

  it.each([['0.0000001'], ['1.2345678'], ['-1'], ['1,250'], ['10000000000'], ['']])('refuses %j instead of rounding', (wan) => {
    expect(() => convertWanToYuan(wan)).toThrow();
  });
});

describe('convertYuanToWan', () => {
  it.each([
    ['12505000.00', '1250.5'],
    ['12505000', '1250.5'],
    ['10000', '1'],
    ['0.01', '0.000001'],
    ['0', '0'],
    ['12345678.91', '1234.567891'],
    ['99999999999999.99', '9999999999.999999'],
  ])('%s 元 → %s 万元', (yuan, wan) => {
    expect(convertYuanToWan(yuan)).toBe(wan);
  });

  it('round-trips with convertWanToYuan', () => {
    for (const wan of ['1', '1250.5', '0.000001', '1234.567891', '86.3']) expect(convertYuanToWan(convertWanToYuan(wan))).toBe(wan);
  });
});
