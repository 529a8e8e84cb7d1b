/**
 * Pure display helpers of the enterprise pages.
 *
 *   formatCapital('12505000.00', 'CNY')                 // → '1250.5 万元'
 *   certificateState({ issuedOn, validUntil }, today)   // → { state: 'expiring', daysLeft: 30 }
 *   usccFeedback('91320684MA1EXAMP3')                   // → { status: 'invalid', problems: ['…第18位校验码应为「3」'] … }
 */
import { convertYuanToWan } from '../../../domains/enterprises/capital-rules';
import { aboveDesignatedSizeLabels, enterpriseStatusLabels, scaleClassLabels, type EnterpriseStatus, type ScaleClass } from '../../../domains/enterprises/enterprise-enums';
import { findIndustry } from '../../../domains/enterprises/industry-rules';
import { checkUscc, normaliseUscc, USCC_LENGTH, type UsccParts } from '../../../domains/enterprises/uscc-rules';
import { currencyOptions } from './enterprise-labels';

type Label = { zh: string; en: string };
type LabelFn = (l: Label | undefined) => string;


/** Registered capital (main unit, two decimals) in 万 of its currency, as licences state it. */
export function formatCapital(amount: string | null, currency = 'CNY'): string {
  if (amount === null) return '—';
  const unit = currencyOptions.find((c) => c.value === currency)?.unit.zh ?? `万 ${currency}`;
  try {
    return `${convertYuanToWan(amount)} ${unit}`;
  } catch {
    return `${amount} ${currency}`;
  }
}

export function industryText(code: string | null): string {
  if (!code) return '—';
  const entry = findIndustry(code);
  return entry ? `${entry.code} ${entry.name}` : code;
}

export type CertificateState = { state: 'valid' | 'expiring' | 'expired' | 'not_yet'; daysLeft: number };

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;

/** Days a certificate still runs (valid through `validUntil`); "expiring" within `warnDays`. */
export function certificateState(cert: { issuedOn: string; validUntil: string }, today: string, warnDays = 90): CertificateState {
  const daysLeft = dayNumber(cert.validUntil) - dayNumber(today);
  if (today < cert.issuedOn) return { state: 'not_yet', daysLeft };
  if (daysLeft < 0) return { state: 'expired', daysLeft };
  return { state: daysLeft <= warnDays ? 'expiring' : 'valid', daysLeft };
}

export type UsccFeedback = {
  /** empty: nothing typed; incomplete: fewer than 18 characters, all allowed; invalid / valid: full check. */
  status: 'empty' | 'incomplete' | 'invalid' | 'valid';
  code: string;
  problems: string[];
  expectedCheckChar: string | null;
  parsed: UsccParts;
};

/**
 * Live feedback for a credit-code input, with the very rule the server applies (`checkUscc`):
 * while fewer than 18 allowed characters are typed it says how many are missing (and, at 17, which
 * check character comes next) instead of shouting errors.
 */
export function usccFeedback(raw: string): UsccFeedback {
  const code = normaliseUscc(raw);
  const check = checkUscc(code);
  const base = { code, expectedCheckChar: check.expectedCheckChar, parsed: check.parsed };
  if (code.length === 0) return { ...base, status: 'empty', problems: [] };
  if (check.valid) return { ...base, status: 'valid', problems: [] };
  const onlyLength = check.problems.every((p) => p.code === 'uscc.bad_length');
  if (code.length < USCC_LENGTH && onlyLength) return { ...base, status: 'incomplete', problems: check.problems.map((p) => p.message) };
  return { ...base, status: 'invalid', problems: check.problems.map((p) => p.message) };
}

export type FieldTextContext = { label: LabelFn; t: (zh: string, en: string) => string; orgName(id: string): string | undefined };

type CertValue = { number?: unknown; issuedOn?: unknown; validUntil?: unknown };
type ContactValue = { name?: unknown; role?: unknown; phone?: unknown; isPrimary?: unknown };

/** A history value of an enterprise field as readable text, or undefined for the default rendering. */
export function enterpriseFieldText(field: string, value: unknown, ctx: FieldTextContext): string | undefined {
  if (value === null || value === undefined) return undefined;
  switch (field) {
    case 'territoryOrgUnitId':
      return typeof value === 'string' ? (ctx.orgName(value) ?? value) : undefined;
    case 'status':
      return typeof value === 'string' && value in enterpriseStatusLabels ? ctx.label(enterpriseStatusLabels[value as EnterpriseStatus]) : undefined;
    case 'scaleClass':
      return typeof value === 'string' && value in scaleClassLabels ? ctx.label(scaleClassLabels[value as ScaleClass]) : undefined;
    case 'aboveDesignatedSize':
      return typeof value === 'boolean' ? ctx.label(aboveDesignatedSizeLabels[String(value) as 'true' | 'false']) : undefined;
    case 'industryCode':
      return typeof value === 'string' ? industryText(value) : undefined;
    case 'registeredCapital':
      return typeof value === 'string' ? formatCapital(value) : undefined;
    case 'highTechCertificate': {
      const c = value as CertValue;
      return typeof c === 'object' ? `${String(c.number ?? '')}（${String(c.issuedOn ?? '')} ${ctx.t('至', 'to')} ${String(c.validUntil ?? '')}）` : undefined;
    }
    case 'contacts':
      if (!Array.isArray(value)) return undefined;
      if (value.length === 0) return '—';
      return (value as ContactValue[])
        .map((c) => [c.name, c.role ? `（${String(c.role)}）` : '', c.phone ? ` ${String(c.phone)}` : '', c.isPrimary ? ctx.t(' [主要]', ' [primary]') : ''].join(''))
        .join('；');
    default:
      return undefined;
  }
}

/** Today in the city's time zone (`YYYY-MM-DD`), as the server counts certificate validity. */
export function cityToday(now = new Date(), timeZone = 'Asia/Shanghai'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
