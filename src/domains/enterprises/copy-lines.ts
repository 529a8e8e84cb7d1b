import { copyLine, pgTextArrayLiteral } from '../../platform/import/copy-text';
import { formerNamesText } from './record-rules';
import type { BulkEnterprise } from './store-bulk';

/**
 * New enterprise records as COPY text lines. Pure (no database), so that a large import builds the
 * lines of its new records in the reading worker and the importing thread only sends them.
 */
export const enterpriseInsertColumns = [
  'id', 'credit_code', 'name', 'former_names', 'former_names_text', 'legal_representative', 'registered_address', 'territory_org_unit_id', 'industry_code',
  'registered_capital', 'registered_capital_currency', 'established_on', 'scale_class', 'above_designated_size', 'high_tech_cert_no',
  'high_tech_issued_on', 'high_tech_valid_until', 'contacts', 'status', 'status_changed_on', 'tags', 'source', 'created_import_batch_id',
  'last_import_batch_id', 'created_by', 'updated_by',
] as const;

/** One new record in the order of `enterpriseInsertColumns`. */
export function enterpriseCopyLine(r: BulkEnterprise): string {
  const cert = r.highTechCertificate;
  return copyLine([
    r.id, r.creditCode, r.name, pgTextArrayLiteral(r.formerNames), formerNamesText(r.formerNames), r.legalRepresentative, r.registeredAddress, r.territoryOrgUnitId, r.industryCode,
    r.registeredCapital, r.registeredCapitalCurrency, r.establishedOn, r.scaleClass, r.aboveDesignatedSize, cert?.number ?? null,
    cert?.issuedOn ?? null, cert?.validUntil ?? null, JSON.stringify(r.contacts), r.status, r.statusChangedOn, pgTextArrayLiteral(r.tags), r.source,
    r.createdImportBatchId, r.lastImportBatchId, r.createdBy, r.updatedBy,
  ]);
}
