import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/types';
import { copyLines } from '../../platform/import';
import { enterpriseCopyLine, enterpriseInsertColumns } from './copy-lines';
import { enterpriseColumns, pgArray, toRecord, translateEnterpriseWriteError, type EnterpriseRecord, type EnterpriseRow, type EnterpriseValues } from './store';
import type { EnterpriseSource } from './view-schema';

/**
 * Set-based writes for imports, undo and demo data: thousands of rows per statement, sent as one
 * JSON parameter and expanded with jsonb_to_recordset (far faster than one INSERT per row, and
 * the same SQL on PGlite and PostgreSQL).
 */
const CHUNK = 2000;
const COPY_CHUNK = 10_000;

export type BulkEnterprise = EnterpriseValues & { id: string; source: EnterpriseSource; createdBy: string | null; createdImportBatchId: string | null };

type JsonRow = {
  id: string;
  cc: string;
  n: string;
  fn: string[];
  lr: string | null;
  ra: string | null;
  t: string;
  ic: string | null;
  rc: string | null;
  cur: string;
  eo: string | null;
  sc: string | null;
  ads: boolean;
  hn: string | null;
  hi: string | null;
  hv: string | null;
  ct: unknown;
  st: string;
  sco: string | null;
  tg: string[];
  lib: string | null;
  ub: string | null;
};

function toJson(v: EnterpriseValues & { id: string }): JsonRow {
  const cert = v.highTechCertificate;
  return {
    id: v.id,
    cc: v.creditCode,
    n: v.name,
    fn: v.formerNames,
    lr: v.legalRepresentative,
    ra: v.registeredAddress,
    t: v.territoryOrgUnitId,
    ic: v.industryCode,
    rc: v.registeredCapital,
    cur: v.registeredCapitalCurrency,
    eo: v.establishedOn,
    sc: v.scaleClass,
    ads: v.aboveDesignatedSize,
    hn: cert?.number ?? null,
    hi: cert?.issuedOn ?? null,
    hv: cert?.validUntil ?? null,
    ct: v.contacts,
    st: v.status,
    sco: v.statusChangedOn,
    tg: v.tags,
    lib: v.lastImportBatchId,
    ub: v.updatedBy,
  };
}

const recordset = sql`AS r(id uuid, cc text, n text, fn text[], lr text, ra text, t uuid, ic text, rc numeric, cur text, eo date, sc text,
  ads boolean, hn text, hi date, hv date, ct jsonb, st text, sco date, tg text[], lib uuid, ub uuid)`;

/** New records with COPY (the fastest bulk path on both databases). */
export async function bulkInsertEnterprises(db: Db, rows: readonly BulkEnterprise[], onChunk?: (done: number) => void): Promise<void> {
  await insertEnterpriseLines(db, rows.map(enterpriseCopyLine), onChunk);
}

/** New records already as COPY lines (`enterpriseCopyLine`, built off the importing thread by a large import). */
export async function insertEnterpriseLines(db: Db, lines: readonly string[], onChunk?: (done: number) => void): Promise<void> {
  for (let i = 0; i < lines.length; i += COPY_CHUNK) {
    try {
      await copyLines(db, 'enterprises', enterpriseInsertColumns, lines.length <= COPY_CHUNK ? lines : lines.slice(i, i + COPY_CHUNK));
    } catch (error) {
      throw translateEnterpriseWriteError(error);
    }
    onChunk?.(Math.min(i + COPY_CHUNK, lines.length));
  }
}

/** Writes every value of each row and bumps its version (callers hold the rows locked). */
export async function bulkUpdateEnterprises(db: Db, rows: ReadonlyArray<EnterpriseValues & { id: string }>, onChunk?: (done: number) => void): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const json = JSON.stringify(rows.slice(i, i + CHUNK).map(toJson));
    try {
      await db.execute(sql`
        UPDATE enterprises e SET credit_code = r.cc, name = r.n, former_names = COALESCE(r.fn, '{}'), former_names_text = array_to_string(COALESCE(r.fn, '{}'), E'\n'), legal_representative = r.lr,
          registered_address = r.ra, territory_org_unit_id = r.t, industry_code = r.ic, registered_capital = r.rc,
          registered_capital_currency = r.cur, established_on = r.eo, scale_class = r.sc, above_designated_size = r.ads,
          high_tech_cert_no = r.hn, high_tech_issued_on = r.hi, high_tech_valid_until = r.hv, contacts = COALESCE(r.ct, '[]'),
          status = r.st, status_changed_on = r.sco, tags = COALESCE(r.tg, '{}'), last_import_batch_id = r.lib, updated_by = r.ub,
          version = e.version + 1, updated_at = now()
        FROM jsonb_to_recordset(${json}::jsonb) ${recordset}
        WHERE e.id = r.id`);
    } catch (error) {
      throw translateEnterpriseWriteError(error);
    }
    onChunk?.(Math.min(i + CHUNK, rows.length));
  }
}

/** Records by credit code, optionally locked for the caller's transaction. */
export async function selectEnterprisesByCreditCodes(db: Db, codes: readonly string[], options: { forUpdate: boolean }): Promise<EnterpriseRecord[]> {
  const out: EnterpriseRecord[] = [];
  for (let i = 0; i < codes.length; i += CHUNK * 2) {
    const rows = await queryRows<EnterpriseRow>(
      db,
      sql`SELECT ${enterpriseColumns} FROM enterprises WHERE credit_code = ANY(${pgArray(codes.slice(i, i + CHUNK * 2))}::text[])
          ORDER BY id${options.forUpdate ? sql` FOR UPDATE` : sql``}`,
    );
    for (const r of rows) out.push(toRecord(r));
  }
  return out;
}

export async function selectEnterpriseVersions(db: Db, ids: readonly string[]): Promise<Map<string, number>> {
  const versions = new Map<string, number>();
  for (let i = 0; i < ids.length; i += CHUNK * 2) {
    const rows = await queryRows<{ id: string; version: number }>(
      db,
      sql`SELECT id, version FROM enterprises WHERE id = ANY(${pgArray(ids.slice(i, i + CHUNK * 2))}::uuid[]) ORDER BY id FOR UPDATE`,
    );
    for (const r of rows) versions.set(r.id, r.version);
  }
  return versions;
}

export async function deleteEnterprises(db: Db, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK * 2) {
    await db.execute(sql`DELETE FROM enterprises WHERE id = ANY(${pgArray(ids.slice(i, i + CHUNK * 2))}::uuid[])`);
  }
}
