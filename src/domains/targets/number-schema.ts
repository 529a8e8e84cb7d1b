/**
 * Zod schemas for the decimal strings of this domain (see `decimal.ts`): at most 4 fractional
 * digits, exact. Refinements tolerate text that already failed the pattern (zod runs them anyway).
 */
import { z } from 'zod';
import { DECIMAL_PATTERN, ZERO, compare, isDecimalText, parseDecimal, type Ratio } from './decimal';

/** Parses for refinements, which zod runs even after the pattern check failed: invalid text → null. */
export function parseDecimalOrNull(text: string | undefined): Ratio | null {
  return text !== undefined && isDecimalText(text) ? parseDecimal(text) : null;
}

export const decimalSchema = z.string().regex(DECIMAL_PATTERN, '须为十进制数字字符串（最多4位小数）');
export const nonNegativeDecimalSchema = decimalSchema.refine((text) => !text.startsWith('-'), '不能为负数');
export const positiveDecimalSchema = nonNegativeDecimalSchema.refine((text) => (parseDecimalOrNull(text)?.num ?? 1n) > 0n, '须大于零');
/** A share in percent, 0–1000 (cap factors such as 120 % may exceed 100). */
export const percentSchema = nonNegativeDecimalSchema.refine(
  (text) => compare(parseDecimalOrNull(text) ?? ZERO, parseDecimal('1000')) <= 0,
  '百分比不能超过1000',
);

