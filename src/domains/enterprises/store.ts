import { sql, type SQL } from 'drizzle-orm';
import { conflict } from '../../shared/errors';
import { queryOne, queryRows, toIsoTimestamp, type Db } from '../../platform/db/types';
import type { Contact } from './field-schemas';
import { formerNamesText } from './record-rules';
import type { Enterprise } from './schema';
import type { EnterpriseSource } from './view-schema';

/** SQL of the `enterprises` table (single records; bulk writes are in `store-bulk.ts`). */
export type EnterpriseRecord = Enterprise & {
  statusChangedOn: string | null;
  source: EnterpriseSource;
  createdImportBatchId: string | null;
  lastImportBatchId: string | null;
  createdBy: string | null;
  updatedBy: string | null;
};

export type EnterpriseRow = {
  id: string;
  credit_code: string;
  name: string;
  former_names: string[] | null;
  legal_representative: string | null;
  registered_address: string | null;
  territory_org_unit_id: string;
  industry_code: string | null;
  registered_capital: string | null;
  registered_capital_currency: string;
  established_on: string | null;
  scale_class: Enterprise['scaleClass'];
  above_designated_size: boolean;
  high_tech_cert_no: string | null;
  high_tech_issued_on: string | null;
  high_tech_valid_until: string | null;
  contacts: Contact[] | null;
  status: Enterprise['status'];
  status_changed_on: string | null;
  tags: string[] | null;
  source: EnterpriseSource;
  created_import_batch_id: string | null;
  last_import_batch_id: string | null;
  created_by: string | null;
  updated_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
};

export const enterpriseColumns = sql`id, credit_code, name, former_names, legal_representative, registered_address, territory_org_unit_id,
  industry_code, registered_capital::text AS registered_capital, registered_capital_currency, established_on::text AS established_on,
  scale_class, above_designated_size, high_tech_cert_no, high_tech_issued_on::text AS high_tech_issued_on,
  high_tech_valid_until::text AS high_tech_valid_until, contacts, status, status_changed_on::text AS status_changed_on, tags, source,
  created_import_batch_id, last_import_batch_id, created_by, updated_by, version, created_at::text AS created_at, updated_at::text AS updated_at`;

export function toRecord(r: EnterpriseRow): EnterpriseRecord {
  return {
    id: r.id,
    creditCode: r.credit_code,
    name: r.name,
    formerNames: r.former_names ?? [],
    legalRepresentative: r.legal_representative,
    registeredAddress: r.registered_address,
    territoryOrgUnitId: r.territory_org_unit_id,
    industryCode: r.industry_code,
    registeredCapital: r.registered_capital,
    registeredCapitalCurrency: r.registered_capital_currency,
    establishedOn: r.established_on,
    scaleClass: r.scale_class,
    aboveDesignatedSize: r.above_designated_size,
    highTechCertificate:
      r.high_tech_cert_no && r.high_tech_issued_on && r.high_tech_valid_until
        ? { number: r.high_tech_cert_no, issuedOn: r.high_tech_issued_on, validUntil: r.high_tech_valid_until }
        : null,
    contacts: (r.contacts ?? []).map((c) => ({ name: c.name, role: c.role ?? null, phone: c.phone ?? null, email: c.email ?? null, isPrimary: c.isPrimary === true })),
    status: r.status,
    tags: r.tags ?? [],
    version: r.version,
    createdAt: toIsoTimestamp(r.created_at),
    updatedAt: toIsoTimestamp(r.updated_at),
    statusChangedOn: r.status_changed_on,
    source: r.source,
    createdImportBatchId: r.created_import_batch_id,
    lastImportBatchId: r.last_import_batch_id,
    createdBy: r.created_by,
    updatedBy: r.updated_by,
  };
}

export function toPublicEnterprise(record: EnterpriseRecord): Enterprise {
  const { statusChangedOn: _s, source: _src, createdImportBatchId: _c, lastImportBatchId: _l, createdBy: _cb, updatedBy: _ub, ...enterprise } = record;
  return enterprise;
}

/** `{a,b}` literal for a text[]/uuid[] parameter (values are quoted, so any text is safe). */
export function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (m) => `\\${m}`)}"`).join(',')}}`;
}

export async function findEnterprise(db: Db, id: string, scopeSql: SQL = sql`true`, options: { forUpdate?: boolean } = {}): Promise<EnterpriseRecord | null> {
  const row = await queryOne<EnterpriseRow>(
    db,
    sql`SELECT ${enterpriseColumns} FROM enterprises WHERE id = ${id} AND ${scopeSql}${options.forUpdate ? sql` FOR UPDATE` : sql``}`,
  );
  return row ? toRecord(row) : null;
}

export async function findEnterpriseByCreditCode(db: Db, creditCode: string): Promise<EnterpriseRecord | null> {
  const row = await queryOne<EnterpriseRow>(db, sql`SELECT ${enterpriseColumns} FROM enterprises WHERE credit_code = ${creditCode}`);
  return row ? toRecord(row) : null;
}

/** Column values of a record to write (insert, update, restore); shared with the bulk writers. */
export type EnterpriseValues = Omit<EnterpriseRecord, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'source' | 'createdImportBatchId' | 'createdBy'>;

export function valuesSql(v: EnterpriseValues): SQL[] {
  const cert = v.highTechCertificate;
  return [
    sql`credit_code = ${v.creditCode}`,
    sql`name = ${v.name}`,
    sql`former_names = ${pgArray(v.formerNames)}::text[]`,
    sql`former_names_text = ${formerNamesText(v.formerNames)}`,
    sql`legal_representative = ${v.legalRepresentative}`,
    sql`registered_address = ${v.registeredAddress}`,
    sql`territory_org_unit_id = ${v.territoryOrgUnitId}`,
    sql`industry_code = ${v.industryCode}`,
    sql`registered_capital = ${v.registeredCapital}::numeric`,
    sql`registered_capital_currency = ${v.registeredCapitalCurrency}`,
    sql`established_on = ${v.establishedOn}::date`,
    sql`scale_class = ${v.scaleClass}`,
    sql`above_designated_size = ${v.aboveDesignatedSize}`,
    sql`high_tech_cert_no = ${cert?.number ?? null}`,
    sql`high_tech_issued_on = ${cert?.issuedOn ?? null}::date`,
    sql`high_tech_valid_until = ${cert?.validUntil ?? null}::date`,
    sql`contacts = ${JSON.stringify(v.contacts)}::jsonb`,
    sql`status = ${v.status}`,
    sql`status_changed_on = ${v.statusChangedOn}::date`,
    sql`tags = ${pgArray(v.tags)}::text[]`,
    sql`last_import_batch_id = ${v.lastImportBatchId}`,
    sql`updated_by = ${v.updatedBy}`,
  ];
}

export function translateEnterpriseWriteError(error: unknown): unknown {
  const e = error as { code?: string; constraint?: string; message?: string; cause?: { code?: string; constraint?: string; message?: string } };
  const pg = e.code ? e : e.cause;
  if (pg?.code === '23505' && `${pg.constraint ?? ''} ${pg.message ?? ''}`.includes('credit_code')) {
    return conflict('enterprise.duplicate_credit_code', '该统一社会信用代码已登记');
  }
  if (pg?.code === '23503') return conflict('enterprise.referenced', '该企业仍被其他数据引用');
  return error;
}

export async function insertEnterprise(
  db: Db,
  record: { id: string; source: EnterpriseSource; createdBy: string | null; createdImportBatchId: string | null } & EnterpriseValues,
): Promise<EnterpriseRecord> {
  const cert = record.highTechCertificate;
  try {
    const row = await queryOne<EnterpriseRow>(
      db,
      sql`INSERT INTO enterprises (id, credit_code, name, former_names, former_names_text, legal_representative, registered_address, territory_org_unit_id,
            industry_code, registered_capital, registered_capital_currency, established_on, scale_class, above_designated_size,
            high_tech_cert_no, high_tech_issued_on, high_tech_valid_until, contacts, status, status_changed_on, tags, source,
            created_import_batch_id, last_import_batch_id, created_by, updated_by)
          VALUES (${record.id}, ${record.creditCode}, ${record.name}, ${pgArray(record.formerNames)}::text[], ${formerNamesText(record.formerNames)}, ${record.legalRepresentative},
            ${record.registeredAddress}, ${record.territoryOrgUnitId}, ${record.industryCode}, ${record.registeredCapital}::numeric,
            ${record.registeredCapitalCurrency}, ${record.establishedOn}::date, ${record.scaleClass}, ${record.aboveDesignatedSize},
            ${cert?.number ?? null}, ${cert?.issuedOn ?? null}::date, ${cert?.validUntil ?? null}::date, ${JSON.stringify(record.contacts)}::jsonb,
            ${record.status}, ${record.statusChangedOn}::date, ${pgArray(record.tags)}::text[], ${record.source}, ${record.createdImportBatchId},
            ${record.lastImportBatchId}, ${record.createdBy}, ${record.updatedBy})
          RETURNING ${enterpriseColumns}`,
    );
    return toRecord(row as EnterpriseRow);
  } catch (error) {
    throw translateEnterpriseWriteError(error);
  }
}

/** Writes all values with an optimistic version check; null when the version is stale. */
export async function updateEnterpriseRow(db: Db, id: string, version: number, values: EnterpriseValues): Promise<EnterpriseRecord | null> {
  try {
    const row = await queryOne<EnterpriseRow>(
      db,
      sql`UPDATE enterprises SET ${sql.join([...valuesSql(values), sql`version = version + 1`, sql`updated_at = now()`], sql`, `)}
          WHERE id = ${id} AND version = ${version} RETURNING ${enterpriseColumns}`,
    );
    return row ? toRecord(row) : null;
  } catch (error) {
    throw translateEnterpriseWriteError(error);
  }
}

export async function selectEnterprises(db: Db, where: SQL, options: { orderBy: SQL; limit: number; offset: number }): Promise<EnterpriseRecord[]> {
  const rows = await queryRows<EnterpriseRow>(
    db,
    sql`SELECT ${enterpriseColumns} FROM enterprises WHERE ${where} ORDER BY ${options.orderBy} LIMIT ${options.limit} OFFSET ${options.offset}`,
  );
  return rows.map(toRecord);
}

export async function countEnterprises(db: Db, where: SQL): Promise<number> {
  return (await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM enterprises WHERE ${where}`))?.n ?? 0;
}
