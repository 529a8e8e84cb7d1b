/**
 * Exact decimal helpers for the environment rules (isomorphic, no I/O).
 *
 * A JS number is read as the decimal that people wrote: the shortest decimal string that
 * round-trips to the same double (`String(x)`, which is also what JSON shows). `2.2` is therefore
 * the decimal 2.2 (not 2.200000000000000177…), and arithmetic on it is done on scaled integers
 * (BigInt where the size is not bounded), so `ceil`, half-even rounding and comparisons never see
 * binary rounding error.
 *
 * Rounding rule "GB/T 8170": round half to even ("奇进偶舍") for an exact 5, i.e. 60.5 → 60,
 * 35.5 → 36, 2.25 → 2.2 (standards.md §1.3; the half-even reading of GB/T 8170-2008 §3.3 is [1]).
 */
import { invalid } from '../../shared/errors';

/** value = coef / 10^scale, scale ≥ 0. */
export type Decimal = { readonly coef: bigint; readonly scale: number };

/** Scaled values at or above this are clamped: far above every breakpoint table (Int32-safe). */
export const SCALED_CLAMP = 1_000_000_000;

const pow10Big = (n: number): bigint => 10n ** BigInt(n);

/** Reads a finite number as the shortest decimal that round-trips to it. */
export function parseDecimal(x: number): Decimal {
  if (!Number.isFinite(x)) throw invalid('env.invalid_number', `不是有限数值 not a finite number: ${String(x)}`);
  const text = String(x);
  const ePos = text.indexOf('e');
  const mantissa = ePos < 0 ? text : text.slice(0, ePos);
  const exponent = ePos < 0 ? 0 : Number(text.slice(ePos + 1));
  const negative = mantissa.startsWith('-');
  const unsigned = negative ? mantissa.slice(1) : mantissa;
  const dot = unsigned.indexOf('.');
  const digits = dot < 0 ? unsigned : unsigned.slice(0, dot) + unsigned.slice(dot + 1);
  let scale = (dot < 0 ? 0 : unsigned.length - dot - 1) - exponent;
  let coef = BigInt(digits);
  if (scale < 0) {
    coef *= pow10Big(-scale);
    scale = 0;
  }
  return { coef: negative ? -coef : coef, scale };
}

/** Integer division num/den (den > 0) rounded half to even. */
export function divideHalfEvenBig(num: bigint, den: bigint): bigint {
  const negative = num < 0n;
  const abs = negative ? -num : num;
  let q = abs / den;
  const twiceRest = (abs - q * den) * 2n;
  if (twiceRest > den || (twiceRest === den && q % 2n === 1n)) q += 1n;
  return negative ? -q : q;
}

/** Non-negative safe integers num/den (den > 0) rounded half to even, without BigInt. */
export function divideHalfEven(num: number, den: number): number {
  const rest = num % den;
  const q = (num - rest) / den;
  const twiceRest = rest * 2;
  if (twiceRest > den || (twiceRest === den && q % 2 === 1)) return q + 1;
  return q;
}

/** Non-negative safe integers: ceil(num/den), den > 0, exact. */
export function divideCeil(num: number, den: number): number {
  const rest = num % den;
  return (num - rest) / den + (rest > 0 ? 1 : 0);
}

/** The decimal rounded half-even to `decimals` places, as a scaled BigInt (value × 10^decimals). */
export function roundDecimalHalfEven(d: Decimal, decimals: number): bigint {
  if (d.scale <= decimals) return d.coef * pow10Big(decimals - d.scale);
  return divideHalfEvenBig(d.coef, pow10Big(d.scale - decimals));
}

/**
 * GB/T 8170 rounding of a non-negative number to 0 or 1 decimals, returned scaled
 * (x × 10^decimals as an integer). Fast path on doubles; falls back to exact decimal arithmetic
 * when the value is within 1e-6 of a tie. Values ≥ 1e8 return SCALED_CLAMP.
 */
export function roundScaledHalfEven(x: number, decimals: 0 | 1): number {
  if (x >= 1e8) return SCALED_CLAMP;
  const y = decimals === 0 ? x : x * 10;
  const floor = Math.floor(y);
  const frac = y - floor;
  if (frac < 0.499999) return floor;
  if (frac > 0.500001) return floor + 1;
  return Number(roundDecimalHalfEven(parseDecimal(x), decimals));
}

/**
 * The scaled integer (x × 10^decimals) if x, read as a decimal, has at most `decimals`
 * fractional digits; otherwise null. Values ≥ 1e8 return SCALED_CLAMP.
 * (If the decimal r/10^d maps to the double x then round(x·10^d) = r and r/10^d === x.)
 */
export function toScaledIfExact(x: number, decimals: 0 | 1): number | null {
  if (x >= 1e8) return SCALED_CLAMP;
  if (decimals === 0) return Number.isInteger(x) ? x : null;
  const r = Math.round(x * 10);
  return r / 10 === x ? r : null;
}

/** Compares a and b exactly: -1, 0 or 1. */
export function compareDecimal(a: Decimal, b: Decimal): number {
  const scale = Math.max(a.scale, b.scale);
  const left = a.coef * pow10Big(scale - a.scale);
  const right = b.coef * pow10Big(scale - b.scale);
  return left < right ? -1 : left > right ? 1 : 0;
}

export function multiplyDecimal(a: Decimal, b: Decimal): Decimal {
  return { coef: a.coef * b.coef, scale: a.scale + b.scale };
}

export function subtractDecimal(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { coef: a.coef * pow10Big(scale - a.scale) - b.coef * pow10Big(scale - b.scale), scale };
}

/** The number nearest to the decimal (exactly what `Number('…')` of its text gives). */
export function decimalToNumber(d: Decimal): number {
  const negative = d.coef < 0n;
  const digits = (negative ? -d.coef : d.coef).toString().padStart(d.scale + 1, '0');
  const text = d.scale === 0 ? digits : `${digits.slice(0, digits.length - d.scale)}.${digits.slice(digits.length - d.scale)}`;
  return Number(negative ? `-${text}` : text);
}

/** a − b computed on the decimals people wrote: 55.3 − 55 → 0.3 (not 0.29999999999999716). */
export function subtractExact(a: number, b: number): number {
  return decimalToNumber(subtractDecimal(parseDecimal(a), parseDecimal(b)));
}

/** num/den (den ≠ 0) rounded half-even to `decimals` places, as a number. */
export function divideDecimalHalfEven(num: Decimal, den: Decimal, decimals: number): number {
  // num/den = (num.coef · 10^den.scale) / (den.coef · 10^num.scale); scale by 10^decimals.
  let n = num.coef * pow10Big(den.scale + decimals);
  let d = den.coef * pow10Big(num.scale);
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  return decimalToNumber({ coef: divideHalfEvenBig(n, d), scale: decimals });
}
