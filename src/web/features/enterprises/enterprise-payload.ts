/**
 * Form values of the enterprise form → API bodies, and back (pure, no DOM).
 *
 *   toEnterpriseData(values)            // the whole record as the API expects it (元, ISO dates, nulls)
 *   createPayload(values)               // POST /enterprises
 *   updatePayload(values, current)      // PATCH /enterprises/{id}: only changed fields + version
 *   formValuesOf(detail)                // a record → initial form values (capital in 万元)
 *
 * The form shows registered capital in 万元 (as licences do) under the field name `registeredCapital`,
 * so the API's field errors land on it; dates are anything with `format('YYYY-MM-DD')` (dayjs).
 */
import { convertWanToYuan, convertYuanToWan } from '../../../domains/enterprises/capital-rules';
import type { EnterpriseStatus, ScaleClass } from '../../../domains/enterprises/enterprise-enums';
import { changedFields, pickEnterpriseData, type EnterpriseData } from '../../../domains/enterprises/record-rules';
import type { Enterprise, UpdateEnterpriseInput } from '../../../domains/enterprises/schema';
import { normaliseUscc } from '../../../domains/enterprises/uscc-rules';

export type DateValue = { format(template: string): string };
export type ContactValues = { name?: string | null; role?: string | null; phone?: string | null; email?: string | null; isPrimary?: boolean };

export type EnterpriseFormValues = {
  creditCode: string;
  name: string;
  formerNames?: string[];
  legalRepresentative?: string | null;
  registeredAddress?: string | null;
  territoryOrgUnitId: string;
  industryCode?: string | null;
  /** 万元 (or 万 of the currency), as typed. */
  registeredCapital?: string | null;
  registeredCapitalCurrency?: string;
  establishedOn?: DateValue | null;
  scaleClass?: ScaleClass | null;
  aboveDesignatedSize?: boolean;
  hasHighTechCertificate?: boolean;
  highTechCertificate?: { number?: string | null; issuedOn?: DateValue | null; validUntil?: DateValue | null } | null;
  contacts?: ContactValues[];
  status?: EnterpriseStatus;
  tags?: string[];
};

const text = (v: string | null | undefined): string | null => {
  const trimmed = (v ?? '').trim();
  return trimmed === '' ? null : trimmed;
};
const list = (values: string[] | undefined): string[] => [...new Set((values ?? []).map((v) => v.trim()).filter((v) => v !== ''))];
const date = (v: DateValue | null | undefined): string | null => (v ? v.format('YYYY-MM-DD') : null);

/** Contact rows → the API's contacts: rows without a name dropped, blank cells null. */
export function toContacts(rows: ContactValues[] | undefined): EnterpriseData['contacts'] {
  return (rows ?? [])
    .filter((c) => text(c.name) !== null)
    .map((c) => ({ name: text(c.name) ?? '', role: text(c.role), phone: text(c.phone), email: text(c.email), isPrimary: Boolean(c.isPrimary) }));
}

/** The whole record from the form, in the API's units and shapes. Throws on a capital that the field's rule would refuse. */
export function toEnterpriseData(values: EnterpriseFormValues): EnterpriseData {
  const capital = text(values.registeredCapital);
  const cert = values.hasHighTechCertificate ? values.highTechCertificate : null;
  return {
    creditCode: normaliseUscc(values.creditCode),
    name: values.name.trim(),
    formerNames: list(values.formerNames),
    legalRepresentative: text(values.legalRepresentative),
    registeredAddress: text(values.registeredAddress),
    territoryOrgUnitId: values.territoryOrgUnitId,
    industryCode: values.industryCode ?? null,
    registeredCapital: capital === null ? null : convertWanToYuan(capital),
    registeredCapitalCurrency: values.registeredCapitalCurrency ?? 'CNY',
    establishedOn: date(values.establishedOn),
    scaleClass: values.scaleClass ?? null,
    aboveDesignatedSize: Boolean(values.aboveDesignatedSize),
    highTechCertificate: cert ? { number: (text(cert.number) ?? '').toUpperCase(), issuedOn: date(cert.issuedOn) ?? '', validUntil: date(cert.validUntil) ?? '' } : null,
    contacts: toContacts(values.contacts),
    status: values.status ?? 'active',
    tags: list(values.tags),
  };
}

export function createPayload(values: EnterpriseFormValues): EnterpriseData {
  return toEnterpriseData(values);
}

/**
 * Only the fields that differ from the stored record, plus its version. The registration status is
 * left out: it changes through its own action with a reason. `null` when nothing changed.
 */
export function updatePayload(values: EnterpriseFormValues, current: Enterprise): UpdateEnterpriseInput | null {
  const before = pickEnterpriseData(current);
  const after: EnterpriseData = { ...toEnterpriseData(values), status: before.status };
  const changed = changedFields(before, after);
  if (changed.length === 0) return null;
  const patch: Record<string, unknown> = { version: current.version };
  for (const field of changed) patch[field] = after[field];
  return patch as UpdateEnterpriseInput;
}

export type InitialFormValues = Omit<EnterpriseFormValues, 'establishedOn' | 'highTechCertificate'> & {
  establishedOn: string | null;
  highTechCertificate: { number: string; issuedOn: string; validUntil: string } | null;
};

/** Initial values for editing (dates stay ISO strings: the form turns them into date-picker values). */
export function formValuesOf(e: Enterprise): InitialFormValues {
  return {
    creditCode: e.creditCode,
    name: e.name,
    formerNames: e.formerNames,
    legalRepresentative: e.legalRepresentative,
    registeredAddress: e.registeredAddress,
    territoryOrgUnitId: e.territoryOrgUnitId,
    industryCode: e.industryCode,
    registeredCapital: e.registeredCapital === null ? null : convertYuanToWan(e.registeredCapital),
    registeredCapitalCurrency: e.registeredCapitalCurrency,
    establishedOn: e.establishedOn,
    scaleClass: e.scaleClass,
    aboveDesignatedSize: e.aboveDesignatedSize,
    hasHighTechCertificate: e.highTechCertificate !== null,
    highTechCertificate: e.highTechCertificate,
    contacts: e.contacts,
    status: e.status,
    tags: e.tags,
  };
}

const fieldOfErrorCode: Record<string, string> = {
  'enterprise.duplicate_credit_code': 'creditCode',
  'enterprise.bad_territory': 'territoryOrgUnitId',
  'enterprise.territory_inactive': 'territoryOrgUnitId',
  'enterprise.territory_outside_scope': 'territoryOrgUnitId',
  'enterprise.future_established_on': 'establishedOn',
  'enterprise.future_certificate_issued_on': 'highTechCertificate.issuedOn',
};

/** The form field a domain error (not a schema issue) is about, e.g. a duplicate credit code; null when none. */
export function enterpriseErrorField(code: string): string[] | null {
  return Object.hasOwn(fieldOfErrorCode, code) ? (fieldOfErrorCode[code] ?? '').split('.') : null;
}
