/**
 * Small pure rules of the enterprise registry that need more than one field or "today"
 * (which is always a parameter: a local `YYYY-MM-DD` date in the city's time zone).
 */
import { invalid } from '../../shared/errors';
import type { OrgUnitKind } from '../../shared/roles';
import { enterpriseTerritoryKinds } from './enterprise-enums';
import type { EnterpriseSort, EnterpriseSortField } from './enterprise-enums';

export type SortDirection = 'asc' | 'desc';

/** `'-establishedOn'` → `{ field: 'establishedOn', direction: 'desc' }`. */
export function parseEnterpriseSort(sort: EnterpriseSort): { field: EnterpriseSortField; direction: SortDirection } {
  return sort.startsWith('-')
    ? { field: sort.slice(1) as EnterpriseSortField, direction: 'desc' }
    : { field: sort as EnterpriseSortField, direction: 'asc' };
}

/** True when an org unit of this kind can be an enterprise's territory (镇、街道、园区). */
export function isEnterpriseTerritoryKind(kind: OrgUnitKind): boolean {
  return (enterpriseTerritoryKinds as readonly OrgUnitKind[]).includes(kind);
}

type CertificateDates = { issuedOn: string; validUntil: string };

/** A high-tech certificate counts on `date` when issuedOn ≤ date ≤ validUntil (both inclusive). */
export function isHighTechOn(certificate: CertificateDates | null, date: string): boolean {
  return certificate !== null && certificate.issuedOn <= date && date <= certificate.validUntil;
}

/**
 * Dates that cannot lie in the future: establishment and certificate issue. Throws
 * `enterprise.future_established_on` / `enterprise.future_certificate_issued_on` (kind invalid).
 * Values are ISO dates, so string order is date order.
 */
export function assertEnterpriseDatesNotFuture(
  input: { establishedOn?: string | null; highTechCertificate?: CertificateDates | null },
  today: string,
): void {
  if (input.establishedOn && input.establishedOn > today) {
    throw invalid('enterprise.future_established_on', `成立日期 ${input.establishedOn} 晚于今天 ${today}`, {
      establishedOn: input.establishedOn,
      today,
    });
  }
  const issuedOn = input.highTechCertificate?.issuedOn;
  if (issuedOn && issuedOn > today) {
    throw invalid('enterprise.future_certificate_issued_on', `高新技术企业证书发证日期 ${issuedOn} 晚于今天 ${today}`, {
      issuedOn,
      today,
    });
  }
}
