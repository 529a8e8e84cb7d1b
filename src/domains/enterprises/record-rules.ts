/**
 * Pure helpers over whole enterprise records: applying a partial change, listing the fields that
 * really changed, and the contact merge used by imports. Isomorphic.
 */
import type { Contact } from './field-schemas';
import type { Enterprise } from './schema';

export type EnterpriseData = Omit<Enterprise, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

export const enterpriseDataFields = [
  'creditCode',
  'name',
  'formerNames',
  'legalRepresentative',
  'registeredAddress',
  'territoryOrgUnitId',
  'industryCode',
  'registeredCapital',
  'registeredCapitalCurrency',
  'establishedOn',
  'scaleClass',
  'aboveDesignatedSize',
  'highTechCertificate',
  'contacts',
  'status',
  'tags',
] as const satisfies ReadonlyArray<keyof EnterpriseData>;
export type EnterpriseDataField = (typeof enterpriseDataFields)[number];

/** The data fields of a record (an object literal, not a loop of keyed stores: V8 keeps it fast to read and to spread). */
export function pickEnterpriseData(e: EnterpriseData): EnterpriseData {
  return {
    creditCode: e.creditCode,
    name: e.name,
    formerNames: e.formerNames,
    legalRepresentative: e.legalRepresentative,
    registeredAddress: e.registeredAddress,
    territoryOrgUnitId: e.territoryOrgUnitId,
    industryCode: e.industryCode,
    registeredCapital: e.registeredCapital,
    registeredCapitalCurrency: e.registeredCapitalCurrency,
    establishedOn: e.establishedOn,
    scaleClass: e.scaleClass,
    aboveDesignatedSize: e.aboveDesignatedSize,
    highTechCertificate: e.highTechCertificate,
    contacts: e.contacts,
    status: e.status,
    tags: e.tags,
  };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The searchable text of the former names (trigram-indexed), stored next to them. */
export function formerNamesText(names: readonly string[]): string {
  return names.join('\n');
}

/** The fields whose value differs between two versions of a record. */
export function changedFields(before: EnterpriseData, after: EnterpriseData): EnterpriseDataField[] {
  return enterpriseDataFields.filter((f) => !same(before[f], after[f]));
}

/** `before` with the fields of `patch` that are present (undefined = unchanged, null = clear). */
export function applyEnterprisePatch(before: EnterpriseData, patch: Partial<EnterpriseData>): EnterpriseData {
  const next = { ...pickEnterpriseData(before) } as Record<EnterpriseDataField, unknown>;
  for (const f of enterpriseDataFields) {
    const value = patch[f];
    if (value !== undefined) next[f] = value;
  }
  return next as EnterpriseData;
}

/** `{field: [old, new]}` of the changed fields. */
export function describeChanges(before: EnterpriseData, after: EnterpriseData): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const f of changedFields(before, after)) out[f] = [before[f] ?? null, after[f] ?? null];
  return out;
}

/**
 * An imported sheet carries one contact (the primary one): it replaces the stored primary contact
 * (matched by being primary, or by name), keeping every other contact the enterprise entered.
 */
export function mergeImportedContacts(existing: readonly Contact[], imported: readonly Contact[]): Contact[] {
  const incoming = imported[0];
  if (!incoming) return [...existing];
  const primary = { ...incoming, role: incoming.role ?? existing.find((c) => c.name === incoming.name)?.role ?? null, isPrimary: true };
  const others = existing.filter((c) => !c.isPrimary && c.name !== incoming.name).map((c) => ({ ...c, isPrimary: false }));
  return [primary, ...others];
}
