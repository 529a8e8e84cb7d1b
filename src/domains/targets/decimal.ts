/**
 * Exact arithmetic for assessment scores (isomorphic, no I/O).
 *
 * Inputs (targets, actuals, weights, points) are decimal strings with at most 4 fractional digits
 * (`DECIMAL_PATTERN`). Internally every value is an exact rational `Ratio` (BigInt numerator and
 * positive denominator, reduced), so `W·a/L` or `T·elapsedDays/365` carry no float error and
 * comparisons against thresholds are exact.
 *
 * Rounding rule [D]: only at the very end, to 2 decimals, **half-up (half away from zero)** —
 * see `roundHalfUp`. Each indicator score is rounded once when it is produced (the score shown in
 * the published table); unit totals are sums of those 2-decimal scores and need no further
 * rounding, so the published column always adds up to the published total.
 */
import { invalid } from '../../shared/errors';

export type Ratio = { readonly num: bigint; readonly den: bigint };

/** Optional sign, up to 12 integer digits, up to 4 fractional digits. */
export const DECIMAL_PATTERN = /^-?\d{1,12}(\.\d{1,4})?$/;

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

export function makeRatio(num: bigint, den: bigint = 1n): Ratio {
  if (den === 0n) throw invalid('targets.division_by_zero', '除数不能为零');
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num, den) || 1n;
  return { num: (sign * num) / g, den: (sign * den) / g };
}

export function fromInteger(value: number): Ratio {
  if (!Number.isSafeInteger(value)) throw invalid('targets.not_an_integer', `不是整数：${value}`);
  return makeRatio(BigInt(value));
}

export function isDecimalText(text: string): boolean {
  return DECIMAL_PATTERN.test(text);
}

/** Parses a decimal string exactly; throws `targets.invalid_decimal` otherwise. */
export function parseDecimal(text: string): Ratio {
  if (!DECIMAL_PATTERN.test(text)) throw invalid('targets.invalid_decimal', `不是有效的数字：${text}`, { text });
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const [intPart = '0', fracPart = ''] = body.split('.');
  const num = BigInt(intPart + fracPart) * (negative ? -1n : 1n);
  return makeRatio(num, 10n ** BigInt(fracPart.length));
}

export const ZERO: Ratio = makeRatio(0n);
export const ONE: Ratio = makeRatio(1n);
export const HUNDRED: Ratio = makeRatio(100n);

export function add(a: Ratio, b: Ratio): Ratio {
  return makeRatio(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function sub(a: Ratio, b: Ratio): Ratio {
  return makeRatio(a.num * b.den - b.num * a.den, a.den * b.den);
}

export function mul(a: Ratio, b: Ratio): Ratio {
  return makeRatio(a.num * b.num, a.den * b.den);
}

export function div(a: Ratio, b: Ratio): Ratio {
  if (b.num === 0n) throw invalid('targets.division_by_zero', '除数不能为零');
  return makeRatio(a.num * b.den, a.den * b.num);
}

export function sum(values: readonly Ratio[]): Ratio {
  return values.reduce(add, ZERO);
}

/** -1, 0 or 1. */
export function compare(a: Ratio, b: Ratio): -1 | 0 | 1 {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function minRatio(a: Ratio, b: Ratio): Ratio {
  return compare(a, b) <= 0 ? a : b;
}

export function maxRatio(a: Ratio, b: Ratio): Ratio {
  return compare(a, b) >= 0 ? a : b;
}

export function clamp(value: Ratio, low: Ratio, high: Ratio): Ratio {
  return minRatio(maxRatio(value, low), high);
}

export function isNegative(value: Ratio): boolean {
  return value.num < 0n;
}

/** Scaled integer of `value · 10^digits`, rounded half away from zero. */
function scaledHalfUp(value: Ratio, digits: number): bigint {
  const scaled = value.num * 10n ** BigInt(digits);
  const magnitude = scaled < 0n ? -scaled : scaled;
  const rounded = (2n * magnitude + value.den) / (2n * value.den);
  return scaled < 0n ? -rounded : rounded;
}

/** Rounds half-up (half away from zero for negatives) to `digits` decimals. */
export function roundHalfUp(value: Ratio, digits = 2): Ratio {
  return makeRatio(scaledHalfUp(value, digits), 10n ** BigInt(digits));
}

/** Fixed-point text, rounded half-up: `formatFixed(9/2, 2)` → `"4.50"`. */
export function formatFixed(value: Ratio, digits = 2): string {
  const scaled = scaledHalfUp(value, digits);
  const negative = scaled < 0n;
  const magnitude = (negative ? -scaled : scaled).toString().padStart(digits + 1, '0');
  const intPart = magnitude.slice(0, magnitude.length - digits);
  const fracPart = magnitude.slice(magnitude.length - digits);
  const text = digits > 0 ? `${intPart}.${fracPart}` : intPart;
  return negative ? `-${text}` : text;
}

/** Shortest text up to `maxDigits` decimals, for explanations: 20 → "20", 0.5 → "0.5". */
export function formatTrimmed(value: Ratio, maxDigits = 4): string {
  const text = formatFixed(value, maxDigits);
  if (!text.includes('.')) return text;
  const trimmed = text.replace(/0+$/, '').replace(/\.$/, '');
  return trimmed === '-0' ? '0' : trimmed;
}

/** Re-formats a decimal string without trailing zeros ("20.00" → "20"). */
export function trimDecimal(text: string): string {
  return formatTrimmed(parseDecimal(text));
}
