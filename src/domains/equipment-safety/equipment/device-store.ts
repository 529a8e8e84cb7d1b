import { sql, type SQL } from 'drizzle-orm';
import { conflict } from '../../../shared/errors';
import { queryOne, queryRows, toIsoTimestamp, type Db } from '../../../platform/db/types';
import type { DeviceScope } from './access-rules';
import type { DeviceFlag, InspectionConclusion, RegistrationStatus, SafetyGrade, SiteType } from './enums';
import type { InspectionTrack, Obligation } from './inspection-rule-types';

/**
 * SQL for `equipment_devices` (own table only): the device record and its columns, the scope
 * condition, finds, insert and update, and the translation of write errors. Lists and counts are in
 * `device-list-store.ts`; map queries and id pages in `device-map-store.ts`.
 */
export type DeviceRecord = {
  id: string;
  equipmentCode: string | null;
  registrationCode: string | null;
  useRegistrationCertNo: string | null;
  certIssueDate: string | null;
  categoryCode: string;
  kindCode: string | null;
  varietyCode: string | null;
  productName: string;
  model: string | null;
  factoryNo: string | null;
  internalNo: string | null;
  designLifeYears: number | null;
  manufacturerName: string | null;
  manufacturerLicenceNo: string | null;
  manufactureDate: string | null;
  installerName: string | null;
  installDate: string | null;
  commissioningDate: string | null;
  installSupervisionDate: string | null;
  scheduleRebasedOn: string | null;
  useUnitId: string;
  propertyUnitId: string | null;
  maintenanceUnitId: string | null;
  inspectionBodyId: string | null;
  territoryOrgUnitId: string;
  supervisingOrgUnitId: string | null;
  regionCode: string | null;
  useAddress: string;
  lon: number | null;
  lat: number | null;
  siteType: SiteType | null;
  isPublicService: boolean;
  safetyGrade: SafetyGrade | null;
  params: Record<string, string | number | boolean>;
  flags: DeviceFlag[];
  insurance: unknown;
  status: RegistrationStatus;
  statusChangedOn: string | null;
  registeredOn: string | null;
  stoppedOn: string | null;
  scrappedOn: string | null;
  deregisteredOn: string | null;
  isLateRegistration: boolean;
  nextDueOn: string | null;
  nextDueMonth: string | null;
  nextDueTrack: InspectionTrack | null;
  nextObligation: Obligation | null;
  nextDueRuleId: string | null;
  mustStop: boolean;
  hasRuleGap: boolean;
  lastInspectedOn: string | null;
  lastConclusion: InspectionConclusion | null;
  lastMaintainedOn: string | null;
  source: 'manual' | 'import' | 'seed';
  createdBy: string | null;
  updatedBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

/** Registry values a write sets (derived due fields are written by the obligation store). */
export type DeviceValues = Omit<
  DeviceRecord,
  | 'nextDueOn'
  | 'nextDueMonth'
  | 'nextDueTrack'
  | 'nextObligation'
  | 'nextDueRuleId'
  | 'mustStop'
  | 'hasRuleGap'
  | 'lastInspectedOn'
  | 'lastConclusion'
  | 'lastMaintainedOn'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
  | 'createdBy'
  | 'source'
>;

export type Row = Record<string, unknown>;

/** camelCase field → column, for every registry value. */
const columnOf: Record<keyof DeviceValues, string> = {
  id: 'id',
  equipmentCode: 'equipment_code',
  registrationCode: 'registration_code',
  useRegistrationCertNo: 'use_registration_cert_no',
  certIssueDate: 'cert_issue_date',
  categoryCode: 'category_code',
  kindCode: 'kind_code',
  varietyCode: 'variety_code',
  productName: 'product_name',
  model: 'model',
  factoryNo: 'factory_no',
  internalNo: 'internal_no',
  designLifeYears: 'design_life_years',
  manufacturerName: 'manufacturer_name',
  manufacturerLicenceNo: 'manufacturer_licence_no',
  manufactureDate: 'manufacture_date',
  installerName: 'installer_name',
  installDate: 'install_date',
  commissioningDate: 'commissioning_date',
  installSupervisionDate: 'install_supervision_date',
  scheduleRebasedOn: 'schedule_rebased_on',
  useUnitId: 'use_unit_id',
  propertyUnitId: 'property_unit_id',
  maintenanceUnitId: 'maintenance_unit_id',
  inspectionBodyId: 'inspection_body_id',
  territoryOrgUnitId: 'territory_org_unit_id',
  supervisingOrgUnitId: 'supervising_org_unit_id',
  regionCode: 'region_code',
  useAddress: 'use_address',
  lon: 'lon',
  lat: 'lat',
  siteType: 'site_type',
  isPublicService: 'is_public_service',
  safetyGrade: 'safety_grade',
  params: 'params',
  flags: 'flags',
  insurance: 'insurance',
  status: 'status',
  statusChangedOn: 'status_changed_on',
  registeredOn: 'registered_on',
  stoppedOn: 'stopped_on',
  scrappedOn: 'scrapped_on',
  deregisteredOn: 'deregistered_on',
  isLateRegistration: 'is_late_registration',
  updatedBy: 'updated_by',
};

export const dateFields = new Set([
  'certIssueDate',
  'manufactureDate',
  'installDate',
  'commissioningDate',
  'installSupervisionDate',
  'scheduleRebasedOn',
  'statusChangedOn',
  'registeredOn',
  'stoppedOn',
  'scrappedOn',
  'deregisteredOn',
  'nextDueOn',
  'lastInspectedOn',
  'lastMaintainedOn',
]);

const derivedColumns: Record<string, string> = {
  nextDueOn: 'next_due_on',
  nextDueMonth: 'next_due_month',
  nextDueTrack: 'next_due_track',
  nextObligation: 'next_obligation',
  nextDueRuleId: 'next_due_rule_id',
  mustStop: 'must_stop',
  hasRuleGap: 'has_rule_gap',
  lastInspectedOn: 'last_inspected_on',
  lastConclusion: 'last_conclusion',
  lastMaintainedOn: 'last_maintained_on',
  source: 'source',
  createdBy: 'created_by',
  version: 'version',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

export const allColumns: Array<[string, string]> = [...Object.entries(columnOf), ...Object.entries(derivedColumns)];

function selectList(alias: string): SQL {
  return sql.raw(
    allColumns
      .map(([field, column]) => {
        const ref = `${alias}.${column}`;
        if (dateFields.has(field)) return `${ref}::text AS "${field}"`;
        if (field === 'createdAt' || field === 'updatedAt') return `${ref}::text AS "${field}"`;
        return `${ref} AS "${field}"`;
      })
      .join(', '),
  );
}

export const deviceColumns = selectList('d');

function toRecord(r: Row): DeviceRecord {
  return {
    ...(r as unknown as DeviceRecord),
    lon: r.lon === null ? null : Number(r.lon),
    lat: r.lat === null ? null : Number(r.lat),
    safetyGrade: r.safetyGrade === null ? null : (Number(r.safetyGrade) as SafetyGrade),
    params: (r.params ?? {}) as DeviceRecord['params'],
    flags: (r.flags ?? []) as DeviceFlag[],
    createdAt: toIsoTimestamp(r.createdAt as string),
    updatedAt: toIsoTimestamp(r.updatedAt as string),
  };
}

/** The scope's visibility condition on alias `d`. */
export function deviceScopeSql(scope: DeviceScope): SQL {
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'territory':
      return sql`d.territory_org_unit_id IN (SELECT id FROM org_units WHERE path LIKE ${`${scope.rootPath}%`})`;
    case 'supervising':
      return sql`d.supervising_org_unit_id IN (SELECT id FROM org_units WHERE path LIKE ${`${scope.rootPath}%`})`;
    case 'enterprise':
      return sql`(d.use_unit_id = ${scope.enterpriseId} OR d.maintenance_unit_id = ${scope.enterpriseId})`;
    case 'none':
      return sql`false`;
  }
}

export async function findDevice(db: Db, id: string, scope: DeviceScope, options: { forUpdate?: boolean } = {}): Promise<DeviceRecord | null> {
  const row = await queryOne<Row>(
    db,
    sql`SELECT ${deviceColumns} FROM equipment_devices d WHERE d.id = ${id} AND ${deviceScopeSql(scope)} ${options.forUpdate ? sql`FOR UPDATE` : sql``}`,
  );
  return row ? toRecord(row) : null;
}

export async function findDevicesByCodes(db: Db, codes: readonly string[]): Promise<DeviceRecord[]> {
  if (codes.length === 0) return [];
  const rows = await queryRows<Row>(db, sql`SELECT ${deviceColumns} FROM equipment_devices d WHERE d.equipment_code = ANY(${toTextArray(codes)}::text[])`);
  return rows.map(toRecord);
}

export async function findDevicesByCertNos(db: Db, certNos: readonly string[]): Promise<DeviceRecord[]> {
  if (certNos.length === 0) return [];
  const rows = await queryRows<Row>(db, sql`SELECT ${deviceColumns} FROM equipment_devices d WHERE d.use_registration_cert_no = ANY(${toTextArray(certNos)}::text[])`);
  return rows.map(toRecord);
}

/** A text[] literal for `= ANY(…)` (both drivers accept the array literal as text). */
export function toTextArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (m) => `\\${m}`)}"`).join(',')}}`;
}

function valueSql(field: keyof DeviceValues, value: unknown): SQL {
  if (field === 'params' || field === 'insurance') return value === null || value === undefined ? sql`${field === 'params' ? '{}' : null}::jsonb` : sql`${JSON.stringify(value)}::jsonb`;
  if (field === 'flags') return sql`${toTextArray((value ?? []) as string[])}::text[]`;
  return sql`${value ?? null}`;
}

export async function insertDevice(db: Db, values: DeviceValues & { createdBy: string | null; source: DeviceRecord['source'] }): Promise<DeviceRecord> {
  const fields = Object.keys(columnOf) as Array<keyof DeviceValues>;
  try {
    const row = await queryOne<Row>(
      db,
      sql`INSERT INTO equipment_devices AS d (${sql.raw(fields.map((f) => columnOf[f]).join(', '))}, created_by, source)
          VALUES (${sql.join(fields.map((f) => valueSql(f, values[f])), sql`, `)}, ${values.createdBy}, ${values.source})
          RETURNING ${deviceColumns}`,
    );
    return toRecord(row as Row);
  } catch (error) {
    throw translateDeviceWriteError(error);
  }
}

/** Update registry values with the optimistic version check; null when stale. Bumps the version. */
export async function updateDeviceRow(db: Db, id: string, version: number, patch: Partial<DeviceValues>): Promise<DeviceRecord | null> {
  const sets = (Object.keys(patch) as Array<keyof DeviceValues>)
    .filter((k) => k !== 'id' && patch[k] !== undefined)
    .map((k) => sql`${sql.identifier(columnOf[k])} = ${valueSql(k, patch[k])}`);
  try {
    const row = await queryOne<Row>(
      db,
      sql`UPDATE equipment_devices AS d SET ${sql.join([...sets, sql`version = version + 1`, sql`updated_at = now()`], sql`, `)}
          WHERE d.id = ${id} AND d.version = ${version} RETURNING ${deviceColumns}`,
    );
    return row ? toRecord(row) : null;
  } catch (error) {
    throw translateDeviceWriteError(error);
  }
}

export function translateDeviceWriteError(error: unknown): unknown {
  const e = error as { code?: string; constraint?: string; message?: string; cause?: { code?: string; constraint?: string; message?: string } };
  const pg = e.code ? e : e.cause;
  const where = `${pg?.constraint ?? ''} ${pg?.message ?? ''}`;
  if (pg?.code === '23505' && where.includes('equipment_devices_code_key')) return conflict('equipment.duplicate_code', '设备代码已存在');
  if (pg?.code === '23503') return conflict('equipment.bad_reference', '引用的单位不存在');
  return error;
}
