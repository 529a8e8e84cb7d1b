import { sql, type SQL } from 'drizzle-orm';
import { conflict } from '../../../shared/errors';
import { queryOne, queryRows, toIsoTimestamp, type Db } from '../../../platform/db/types';
import type { DeviceScope } from './access-rules';
import { deviceScopeSql, toTextArray } from './device-store';
import type { InspectionConclusion, InspectionKind, InspectionResult } from './enums';
import type { InspectionTrack } from './inspection-rule-types';
import type { MaintenanceKind } from './schema';
import type { CertificateListQuery, InspectionListQuery, MaintenanceListQuery } from './view-schema';

/**
 * SQL for the device records: inspections, maintenance, operator certificates and the registry
 * events (own tables). Every read is limited by the device scope through a join on the device.
 */

// ── inspections ──────────────────────────────────────────────────────────────────────────

export type InspectionRecord = {
  id: string;
  deviceId: string;
  equipmentCode: string | null;
  productName: string;
  kind: InspectionKind;
  track: InspectionTrack;
  orgName: string;
  orgId: string | null;
  reportNo: string;
  inspectors: string[];
  bookedOn: string | null;
  startedOn: string | null;
  inspectedOn: string;
  conclusion: InspectionConclusion;
  result: InspectionResult;
  safetyGrade: number | null;
  periodMonths: number | null;
  reportNextDueOn: string | null;
  computedNextDueOn: string | null;
  obligationDueOn: string | null;
  issues: Array<{ description: string; rectifyBy?: string }>;
  retestOn: string | null;
  overdueReason: string | null;
  source: string;
  createdAt: string;
};

export type NewInspection = Omit<InspectionRecord, 'equipmentCode' | 'productName' | 'computedNextDueOn' | 'obligationDueOn' | 'createdAt'> & {
  createdBy: string | null;
  importBatchId: string | null;
};

const inspectionColumns = sql`i.id, i.device_id AS "deviceId", d.equipment_code AS "equipmentCode", d.product_name AS "productName", i.kind, i.track,
  i.org_name AS "orgName", i.org_id AS "orgId", i.report_no AS "reportNo", i.inspectors, i.booked_on::text AS "bookedOn", i.started_on::text AS "startedOn",
  i.inspected_on::text AS "inspectedOn", i.conclusion, i.result, i.safety_grade AS "safetyGrade", i.period_months AS "periodMonths",
  i.report_next_due_on::text AS "reportNextDueOn", i.computed_next_due_on::text AS "computedNextDueOn",
  (SELECT o.due_on::text FROM equipment_obligations o WHERE o.satisfied_by_inspection_id = i.id ORDER BY o.due_on LIMIT 1) AS "obligationDueOn",
  i.issues, i.retest_on::text AS "retestOn", i.overdue_reason AS "overdueReason", i.source, i.created_at::text AS "createdAt"`;

function toInspection(r: InspectionRecord): InspectionRecord {
  return { ...r, safetyGrade: r.safetyGrade === null ? null : Number(r.safetyGrade), createdAt: toIsoTimestamp(r.createdAt) };
}

export async function insertInspections(db: Db, rows: readonly NewInspection[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000).map((r) => ({
      id: r.id,
      d: r.deviceId,
      k: r.kind,
      t: r.track,
      on: r.orgName,
      oi: r.orgId,
      rn: r.reportNo,
      ins: r.inspectors,
      bo: r.bookedOn,
      so: r.startedOn,
      io: r.inspectedOn,
      c: r.conclusion,
      re: r.result,
      sg: r.safetyGrade,
      pm: r.periodMonths,
      rd: r.reportNextDueOn,
      is: r.issues,
      ro: r.retestOn,
      od: r.overdueReason,
      src: r.source,
      ib: r.importBatchId,
      cb: r.createdBy,
    }));
    try {
      await db.execute(sql`INSERT INTO equipment_inspections (id, device_id, kind, track, org_name, org_id, report_no, inspectors, booked_on, started_on, inspected_on,
                             conclusion, result, safety_grade, period_months, report_next_due_on, issues, retest_on, overdue_reason, source, import_batch_id, created_by)
                           SELECT x.id, x.d, x.k, x.t, x.on, x.oi::uuid, x.rn, ARRAY(SELECT jsonb_array_elements_text(x.ins)), x.bo::date, x.so::date, x.io::date,
                                  x.c, x.re, x.sg, x.pm, x.rd::date, x.is, x.ro::date, x.od, x.src, x.ib::uuid, x.cb::uuid
                           FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
                             AS x(id uuid, d uuid, k text, t text, "on" text, oi text, rn text, ins jsonb, bo text, so text, io text, c text, re text,
                                  sg smallint, pm integer, rd text, "is" jsonb, ro text, od text, src text, ib text, cb text)`);
    } catch (error) {
      throw translateRecordError(error);
    }
  }
}

export async function setComputedNextDue(db: Db, entries: ReadonlyArray<{ id: string; dueOn: string | null }>): Promise<void> {
  if (entries.length === 0) return;
  await db.execute(sql`UPDATE equipment_inspections i SET computed_next_due_on = x.du::date
                       FROM jsonb_to_recordset(${JSON.stringify(entries.map((e) => ({ id: e.id, du: e.dueOn })))}::jsonb) AS x(id uuid, du text)
                       WHERE i.id = x.id`);
}

export async function findInspection(db: Db, id: string, scope: DeviceScope): Promise<InspectionRecord | null> {
  const row = await queryOne<InspectionRecord>(
    db,
    sql`SELECT ${inspectionColumns} FROM equipment_inspections i JOIN equipment_devices d ON d.id = i.device_id WHERE i.id = ${id} AND ${deviceScopeSql(scope)}`,
  );
  return row ? toInspection(row) : null;
}

export function inspectionWhere(query: Omit<InspectionListQuery, 'page' | 'pageSize' | 'sort'>, scope: DeviceScope): SQL {
  const parts: SQL[] = [deviceScopeSql(scope)];
  if (query.deviceId) parts.push(sql`i.device_id = ${query.deviceId}`);
  if (query.kind) parts.push(sql`i.kind = ${query.kind}`);
  if (query.conclusion) parts.push(sql`i.conclusion = ${query.conclusion}`);
  if (query.from) parts.push(sql`i.inspected_on >= ${query.from}`);
  if (query.to) parts.push(sql`i.inspected_on <= ${query.to}`);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    parts.push(sql`(i.report_no ILIKE ${like} OR i.org_name ILIKE ${like} OR d.equipment_code ILIKE ${like})`);
  }
  return sql.join(parts, sql` AND `);
}

export async function selectInspections(db: Db, where: SQL, options: { ascending: boolean; limit: number; offset: number }): Promise<InspectionRecord[]> {
  const rows = await queryRows<InspectionRecord>(
    db,
    sql`SELECT ${inspectionColumns} FROM equipment_inspections i JOIN equipment_devices d ON d.id = i.device_id WHERE ${where}
        ORDER BY i.inspected_on ${options.ascending ? sql`ASC` : sql`DESC`}, i.created_at ${options.ascending ? sql`ASC` : sql`DESC`}, i.id
        LIMIT ${options.limit} OFFSET ${options.offset}`,
  );
  return rows.map(toInspection);
}

export async function countInspections(db: Db, where: SQL): Promise<number> {
  return (await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM equipment_inspections i JOIN equipment_devices d ON d.id = i.device_id WHERE ${where}`))?.n ?? 0;
}

export async function selectExistingReports(db: Db, pairs: ReadonlyArray<{ deviceId: string; reportNo: string }>): Promise<Map<string, InspectionRecord>> {
  if (pairs.length === 0) return new Map();
  const rows = await queryRows<InspectionRecord>(
    db,
    sql`SELECT ${inspectionColumns} FROM equipment_inspections i JOIN equipment_devices d ON d.id = i.device_id
        JOIN jsonb_to_recordset(${JSON.stringify(pairs.map((p) => ({ d: p.deviceId, r: p.reportNo })))}::jsonb) AS x(d uuid, r text)
          ON i.device_id = x.d AND i.report_no = x.r`,
  );
  return new Map(rows.map((r) => [`${r.deviceId}|${r.reportNo}`, toInspection(r)]));
}

export async function selectInspectionVersions(db: Db, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: string; version: number }>(db, sql`SELECT id, version FROM equipment_inspections WHERE id = ANY(${toTextArray(ids)}::uuid[])`);
  return new Map(rows.map((r) => [r.id, r.version]));
}

/** Deletes inspections (import undo) and returns their devices; obligations they produced are voided by the caller's recompute. */
export async function deleteInspections(db: Db, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<{ device_id: string }>(db, sql`DELETE FROM equipment_inspections WHERE id = ANY(${toTextArray(ids)}::uuid[]) RETURNING device_id`);
  return [...new Set(rows.map((r) => r.device_id))];
}

// ── maintenance ──────────────────────────────────────────────────────────────────────────

export type MaintenanceRecordRow = {
  id: string;
  deviceId: string;
  equipmentCode: string | null;
  productName: string;
  categoryCode: string;
  maintainedOn: string;
  kind: MaintenanceKind;
  maintenanceUnitId: string | null;
  workers: Array<{ name: string; certificateNo?: string }>;
  notes: string | null;
  isConfirmedByUsingUnit: boolean;
  daysSincePrevious: number | null;
  createdAt: string;
};

export type NewMaintenance = {
  id: string;
  deviceId: string;
  maintainedOn: string;
  kind: MaintenanceKind;
  maintenanceUnitId: string | null;
  workers: Array<{ name: string; certificateNo?: string }>;
  notes: string | null;
  isConfirmedByUsingUnit: boolean;
  source: 'manual' | 'import' | 'seed';
  createdBy: string | null;
};

export async function insertMaintenance(db: Db, rows: readonly NewMaintenance[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000).map((r) => ({ id: r.id, d: r.deviceId, m: r.maintainedOn, k: r.kind, u: r.maintenanceUnitId, w: r.workers, n: r.notes, c: r.isConfirmedByUsingUnit, s: r.source, cb: r.createdBy }));
    await db.execute(sql`INSERT INTO equipment_maintenance (id, device_id, maintained_on, kind, maintenance_unit_id, workers, notes, is_confirmed_by_using_unit, source, created_by)
                         SELECT x.id, x.d, x.m::date, x.k, x.u::uuid, x.w, x.n, x.c, x.s, x.cb::uuid
                         FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) AS x(id uuid, d uuid, m text, k text, u text, w jsonb, n text, c boolean, s text, cb text)`);
  }
}

/** Refreshes last_maintained_on of devices from their records. */
export async function refreshLastMaintained(db: Db, deviceIds: readonly string[]): Promise<void> {
  if (deviceIds.length === 0) return;
  await db.execute(sql`UPDATE equipment_devices d SET last_maintained_on = (SELECT max(m.maintained_on) FROM equipment_maintenance m WHERE m.device_id = d.id)
                       WHERE d.id = ANY(${toTextArray(deviceIds)}::uuid[])`);
}

const maintenanceInner = sql`SELECT m.id, m.device_id AS "deviceId", d.equipment_code AS "equipmentCode", d.product_name AS "productName",
    d.category_code AS "categoryCode", m.maintained_on::text AS "maintainedOn", m.kind, m.maintenance_unit_id AS "maintenanceUnitId", m.workers,
    m.notes, m.is_confirmed_by_using_unit AS "isConfirmedByUsingUnit",
    (m.maintained_on - lag(m.maintained_on) OVER (PARTITION BY m.device_id ORDER BY m.maintained_on, m.created_at))::int AS "daysSincePrevious",
    m.created_at::text AS "createdAt"
  FROM equipment_maintenance m JOIN equipment_devices d ON d.id = m.device_id`;

export function maintenanceWhere(query: Omit<MaintenanceListQuery, 'page' | 'pageSize'>, scope: DeviceScope): { inner: SQL; outer: SQL } {
  const inner: SQL[] = [deviceScopeSql(scope)];
  if (query.deviceId) inner.push(sql`m.device_id = ${query.deviceId}`);
  // The previous record must stay visible to the window, so date filters apply outside it.
  const outer: SQL[] = [];
  if (query.from) outer.push(sql`x."maintainedOn" >= ${query.from}`);
  if (query.to) outer.push(sql`x."maintainedOn" <= ${query.to}`);
  if (query.gapsOnly === 'true') outer.push(sql`x."categoryCode" = '3000' AND x."daysSincePrevious" > 15`);
  return { inner: sql.join(inner, sql` AND `), outer: outer.length ? sql.join(outer, sql` AND `) : sql`true` };
}

export async function selectMaintenance(db: Db, where: { inner: SQL; outer: SQL }, options: { limit: number; offset: number }): Promise<MaintenanceRecordRow[]> {
  const rows = await queryRows<MaintenanceRecordRow>(
    db,
    sql`SELECT x.* FROM (${maintenanceInner} WHERE ${where.inner}) x WHERE ${where.outer}
        ORDER BY x."maintainedOn" DESC, x."createdAt" DESC, x.id LIMIT ${options.limit} OFFSET ${options.offset}`,
  );
  return rows.map((r) => ({ ...r, createdAt: toIsoTimestamp(r.createdAt) }));
}

export async function countMaintenance(db: Db, where: { inner: SQL; outer: SQL }): Promise<number> {
  return (await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM (${maintenanceInner} WHERE ${where.inner}) x WHERE ${where.outer}`))?.n ?? 0;
}

export async function selectMaintenanceDates(db: Db, deviceId: string, options: { to: string }): Promise<string[]> {
  const rows = await queryRows<{ d: string }>(db, sql`SELECT DISTINCT maintained_on::text AS d FROM equipment_maintenance WHERE device_id = ${deviceId} AND maintained_on <= ${options.to} ORDER BY 1`);
  return rows.map((r) => r.d);
}

// ── operator certificates ────────────────────────────────────────────────────────────────

export type CertificateRecord = {
  id: string;
  deviceId: string;
  equipmentCode: string | null;
  productName: string;
  personName: string;
  idNumber: string | null;
  certificateNo: string;
  workItemCode: string;
  workItemName: string | null;
  issuedOn: string;
  expiresOn: string;
  issuingAuthority: string | null;
  employerEnterpriseId: string | null;
  isActive: boolean;
  version: number;
  updatedAt: string;
};

const certificateColumns = sql`c.id, c.device_id AS "deviceId", d.equipment_code AS "equipmentCode", d.product_name AS "productName", c.person_name AS "personName",
  c.id_number AS "idNumber", c.certificate_no AS "certificateNo", c.work_item_code AS "workItemCode", c.work_item_name AS "workItemName",
  c.issued_on::text AS "issuedOn", c.expires_on::text AS "expiresOn", c.issuing_authority AS "issuingAuthority",
  c.employer_enterprise_id AS "employerEnterpriseId", c.is_active AS "isActive", c.version, c.updated_at::text AS "updatedAt"`;

function toCertificate(r: CertificateRecord): CertificateRecord {
  return { ...r, updatedAt: toIsoTimestamp(r.updatedAt) };
}

export type CertificateValues = Pick<
  CertificateRecord,
  'personName' | 'idNumber' | 'certificateNo' | 'workItemCode' | 'workItemName' | 'issuedOn' | 'expiresOn' | 'issuingAuthority' | 'employerEnterpriseId' | 'isActive'
>;

export async function insertCertificates(db: Db, rows: ReadonlyArray<CertificateValues & { id: string; deviceId: string; createdBy: string | null }>): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000);
    try {
      await db.execute(sql`INSERT INTO equipment_operator_certificates (id, device_id, person_name, id_number, certificate_no, work_item_code, work_item_name, issued_on,
                             expires_on, issuing_authority, employer_enterprise_id, is_active, created_by, updated_by)
                           SELECT x.id, x."deviceId", x."personName", x."idNumber", x."certificateNo", x."workItemCode", x."workItemName", x."issuedOn"::date,
                                  x."expiresOn"::date, x."issuingAuthority", x."employerEnterpriseId"::uuid, x."isActive", x."createdBy"::uuid, x."createdBy"::uuid
                           FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) AS x(id uuid, "deviceId" uuid, "personName" text, "idNumber" text,
                             "certificateNo" text, "workItemCode" text, "workItemName" text, "issuedOn" text, "expiresOn" text, "issuingAuthority" text,
                             "employerEnterpriseId" text, "isActive" boolean, "createdBy" text)`);
    } catch (error) {
      throw translateRecordError(error);
    }
  }
}

const certificatePatchColumns: Record<keyof CertificateValues, string> = {
  personName: 'person_name',
  idNumber: 'id_number',
  certificateNo: 'certificate_no',
  workItemCode: 'work_item_code',
  workItemName: 'work_item_name',
  issuedOn: 'issued_on',
  expiresOn: 'expires_on',
  issuingAuthority: 'issuing_authority',
  employerEnterpriseId: 'employer_enterprise_id',
  isActive: 'is_active',
};

export async function updateCertificateRow(db: Db, id: string, version: number, patch: Partial<CertificateValues>, updatedBy: string | null): Promise<boolean> {
  const sets = (Object.keys(patch) as Array<keyof CertificateValues>)
    .filter((k) => patch[k] !== undefined)
    .map((k) => sql`${sql.identifier(certificatePatchColumns[k])} = ${patch[k]}`);
  try {
    const row = await queryOne<{ id: string }>(
      db,
      sql`UPDATE equipment_operator_certificates SET ${sql.join([...sets, sql`version = version + 1`, sql`updated_at = now()`, sql`updated_by = ${updatedBy}`], sql`, `)}
          WHERE id = ${id} AND version = ${version} RETURNING id`,
    );
    return row !== null;
  } catch (error) {
    throw translateRecordError(error);
  }
}

export async function findCertificate(db: Db, id: string, scope: DeviceScope, options: { forUpdate?: boolean } = {}): Promise<CertificateRecord | null> {
  const row = await queryOne<CertificateRecord>(
    db,
    sql`SELECT ${certificateColumns} FROM equipment_operator_certificates c JOIN equipment_devices d ON d.id = c.device_id
        WHERE c.id = ${id} AND ${deviceScopeSql(scope)} ${options.forUpdate ? sql`FOR UPDATE OF c` : sql``}`,
  );
  return row ? toCertificate(row) : null;
}

export function certificateWhere(query: Omit<CertificateListQuery, 'page' | 'pageSize' | 'sort'>, scope: DeviceScope, window: { today: string; warnEnd: string }): SQL {
  const parts: SQL[] = [deviceScopeSql(scope)];
  if (query.includeInactive !== 'true') parts.push(sql`c.is_active`);
  if (query.deviceId) parts.push(sql`c.device_id = ${query.deviceId}`);
  if (query.status === 'expired') parts.push(sql`c.expires_on < ${window.today}`);
  if (query.status === 'expiring') parts.push(sql`c.expires_on >= ${window.today} AND c.expires_on <= ${window.warnEnd}`);
  if (query.status === 'valid') parts.push(sql`c.expires_on > ${window.warnEnd}`);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    parts.push(sql`(c.person_name ILIKE ${like} OR c.certificate_no ILIKE ${like})`);
  }
  return sql.join(parts, sql` AND `);
}

export async function selectCertificates(db: Db, where: SQL, options: { ascending: boolean; limit: number; offset: number }): Promise<CertificateRecord[]> {
  const rows = await queryRows<CertificateRecord>(
    db,
    sql`SELECT ${certificateColumns} FROM equipment_operator_certificates c JOIN equipment_devices d ON d.id = c.device_id WHERE ${where}
        ORDER BY c.expires_on ${options.ascending ? sql`ASC` : sql`DESC`}, c.id LIMIT ${options.limit} OFFSET ${options.offset}`,
  );
  return rows.map(toCertificate);
}

export async function countCertificates(db: Db, where: SQL): Promise<number> {
  return (
    (await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM equipment_operator_certificates c JOIN equipment_devices d ON d.id = c.device_id WHERE ${where}`))?.n ?? 0
  );
}

// ── registry events and the timeline ─────────────────────────────────────────────────────

export type NewDeviceEvent = {
  id: string;
  deviceId: string;
  occurredOn: string;
  kind: 'registration' | 'update' | 'certificate' | 'external';
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  summary: string;
  details: unknown;
  actorUserId: string | null;
  actorName: string;
};

export async function insertEvents(db: Db, events: readonly NewDeviceEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += 2000) {
    const chunk = events.slice(i, i + 2000).map((e) => ({ ...e, details: e.details ?? null }));
    await db.execute(sql`INSERT INTO equipment_events (id, device_id, occurred_on, kind, action, from_status, to_status, summary, details, actor_user_id, actor_name)
                         SELECT x.id, x."deviceId", x."occurredOn"::date, x.kind, x.action, x."fromStatus", x."toStatus", x.summary, x.details,
                                x."actorUserId"::uuid, x."actorName"
                         FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) AS x(id uuid, "deviceId" uuid, "occurredOn" text, kind text, action text,
                           "fromStatus" text, "toStatus" text, summary text, details jsonb, "actorUserId" text, "actorName" text)`);
  }
}

export type TimelineRow = {
  id: string;
  occurredOn: string;
  at: string;
  kind: 'registration' | 'update' | 'inspection' | 'maintenance' | 'certificate' | 'external';
  action: string;
  summary: string | null;
  actorName: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  details: unknown;
};

function timelineUnion(deviceId: string): SQL {
  return sql`
    SELECT e.id::text AS id, e.occurred_on::text AS "occurredOn", e.at::text AS at, e.kind, e.action, e.summary, e.actor_name AS "actorName",
           e.from_status AS "fromStatus", e.to_status AS "toStatus", e.details
    FROM equipment_events e WHERE e.device_id = ${deviceId}
    UNION ALL
    SELECT i.id::text, i.inspected_on::text, i.created_at::text, 'inspection', i.kind, NULL, NULL, NULL, NULL,
           jsonb_build_object('reportNo', i.report_no, 'orgName', i.org_name, 'conclusion', i.conclusion, 'track', i.track,
                              'safetyGrade', i.safety_grade, 'computedNextDueOn', i.computed_next_due_on, 'issues', i.issues)
    FROM equipment_inspections i WHERE i.device_id = ${deviceId}
    UNION ALL
    SELECT m.id::text, m.maintained_on::text, m.created_at::text, 'maintenance', m.kind, NULL, NULL, NULL, NULL,
           jsonb_build_object('workers', m.workers, 'notes', m.notes, 'maintenanceUnitId', m.maintenance_unit_id, 'isConfirmedByUsingUnit', m.is_confirmed_by_using_unit)
    FROM equipment_maintenance m WHERE m.device_id = ${deviceId}`;
}

export async function selectTimeline(db: Db, deviceId: string, options: { kind?: string; limit: number; offset: number }): Promise<{ rows: TimelineRow[]; total: number }> {
  const filter = options.kind ? sql`WHERE t.kind = ${options.kind}` : sql``;
  const [rows, count] = await Promise.all([
    queryRows<TimelineRow>(db, sql`SELECT t.* FROM (${timelineUnion(deviceId)}) t ${filter} ORDER BY t."occurredOn" DESC, t.at DESC, t.id LIMIT ${options.limit} OFFSET ${options.offset}`),
    queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM (${timelineUnion(deviceId)}) t ${filter}`),
  ]);
  return { rows: rows.map((r) => ({ ...r, at: toIsoTimestamp(r.at) })), total: count?.n ?? 0 };
}

function translateRecordError(error: unknown): unknown {
  const e = error as { code?: string; constraint?: string; message?: string; cause?: { code?: string; constraint?: string; message?: string } };
  const pg = e.code ? e : e.cause;
  const where = `${pg?.constraint ?? ''} ${pg?.message ?? ''}`;
  if (pg?.code === '23505' && where.includes('equipment_inspections_report_key')) return conflict('equipment.duplicate_report', '该设备已有相同编号的检验报告');
  if (pg?.code === '23505' && where.includes('equipment_certificates_key')) return conflict('equipment.duplicate_certificate', '该设备已登记此作业人员证');
  if (pg?.code === '23503') return conflict('equipment.bad_reference', '引用的单位不存在');
  return error;
}
