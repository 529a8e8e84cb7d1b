import { describe, expect, it } from 'vitest';
import { compare, div, formatFixed, formatTrimmed, makeRatio, mul, parseDecimal, roundHalfUp, sub, trimDecimal } from './decimal';

describe('parseDecimal / formatFixed', () => {
  it.each([
    ['4.5', 2, '4.50'],
    ['0.625', 2, '0.63'], // half-up, not banker's (0.62)
    ['-0.625', 2, '-0.63'], // half away from zero
    ['0.005', 2, '0.01'],
    ['0.0049', 2, '0.00'],
    ['1.2345', 4, '1.2345'],
    ['12', 2, '12.00'],
    ['-3', 0, '-3'],
  ])('%s to %i decimals is %s', (text, digits, expected) => {
    expect(formatFixed(parseDecimal(text), digits)).toBe(expected);
  });

  it.each(['1e5', '1.23456', '', '.5', '5.', '--1', 'abc'])('rejects %j', (text) => {
    expect(() => parseDecimal(text)).toThrow(expect.objectContaining({ code: 'targets.invalid_decimal' }));
  });
});

describe('exact fractions', () => {
  it.each([
    [1n, 3n, '0.33'],
    [2n, 3n, '0.67'],
    [5n, 8n, '0.63'],
    [-1n, 8n, '-0.13'],
  ])('%i/%i rounds half-up to %s', (num, den, expected) => {
    expect(formatFixed(makeRatio(num, den))).toBe(expected);
  });

  it('keeps 0.1 + 0.2 exact (no float drift) and compares exactly', () => {
    const x = sub(parseDecimal('0.3'), parseDecimal('0.1'));
    expect(compare(x, parseDecimal('0.2'))).toBe(0);
    // 5 × 18 ÷ 20 = 4.5 exactly
    expect(formatTrimmed(div(mul(parseDecimal('5'), parseDecimal('18')), parseDecimal('20')))).toBe('4.5');
  });

  it('roundHalfUp returns an exact 2-decimal value', () => {
    expect(compare(roundHalfUp(makeRatio(89995n, 1000n)), parseDecimal('90'))).toBe(0);
  });

  it.each([
    ['20.00', '20'],
    ['0.50', '0.5'],
    ['-0.0', '0'],
  ])('trimDecimal(%s) = %s', (text, expected) => {
    expect(trimDecimal(text)).toBe(expected);
  });

  it('rejects a zero denominator', () => {
    expect(() => div(parseDecimal('1'), parseDecimal('0'))).toThrow(expect.objectContaining({ code: 'targets.division_by_zero' }));
  });
});
