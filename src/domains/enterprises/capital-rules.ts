/**
 * Registered capital as exact decimal strings (never floats). product.md §6: money in CNY 元 with two
 * decimals, exact. The API carries the amount in the main unit of `registeredCapitalCurrency`
 * (元 for CNY) with exactly two decimals, e.g. `"12505000.00"`. Business licences and most Excel
 * sheets state it in 万元 (10,000 元): convert at the edge with `convertWanToYuan`, which is exact
 * for up to six decimals of 万元 (6 decimals of 万 = 2 decimals of 元) and refuses anything finer
 * instead of rounding. Arithmetic uses BigInt 分 (1/100 元).
 */
import { invalid } from '../../shared/errors';
import { ENTERPRISE_CAPITAL_INTEGER_DIGITS_MAX } from '../../shared/limits';

/** Non-negative, no sign, no leading zeros, no thousands separators, 0–2 decimals. */
export const amountPattern = new RegExp(`^(0|[1-9][0-9]{0,${ENTERPRISE_CAPITAL_INTEGER_DIGITS_MAX - 1}})(\\.[0-9]{1,2})?$`);
/** Amount in 万元: same integer rule (4 digits fewer), up to 6 decimals. */
export const wanAmountPattern = new RegExp(`^(0|[1-9][0-9]{0,${ENTERPRISE_CAPITAL_INTEGER_DIGITS_MAX - 5}})(\\.[0-9]{1,6})?$`);

export function isAmount(value: string): boolean {
  return amountPattern.test(value);
}

/** `"1250"` → `"1250.00"`, `"1250.5"` → `"1250.50"`. Throws `enterprise.bad_amount` for other text. */
export function canonicaliseAmount(value: string): string {
  if (!amountPattern.test(value)) throw invalid('enterprise.bad_amount', `金额格式不正确：${value}`);
  const [whole, fraction = ''] = value.split('.');
  return `${whole}.${fraction.padEnd(2, '0')}`;
}

function formatFen(fen: bigint): string {
  const text = fen.toString().padStart(3, '0');
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
}

/** 万元 → 元 exactly: `"1250.5"` → `"12505000.00"`, `"0.000001"` → `"0.01"`. Throws `enterprise.bad_amount`. */
export function convertWanToYuan(wan: string): string {
  if (!wanAmountPattern.test(wan)) {
    throw invalid('enterprise.bad_amount', `万元金额格式不正确（最多6位小数，即精确到分）：${wan}`);
  }
  const [whole = '0', fraction = ''] = wan.split('.');
  return formatFen(BigInt(whole) * 1_000_000n + BigInt(fraction.padEnd(6, '0')));
}

/** 元 → 万元 exactly, trailing zeros dropped: `"12505000.00"` → `"1250.5"`, `"0.01"` → `"0.000001"`. */
export function convertYuanToWan(yuan: string): string {
  const canonical = canonicaliseAmount(yuan);
  const fen = BigInt(canonical.replace('.', ''));
  const whole = fen / 1_000_000n;
  const fraction = (fen % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return fraction === '' ? whole.toString() : `${whole}.${fraction}`;
}
