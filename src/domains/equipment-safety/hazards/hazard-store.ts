/**
 * SQL of the `hazards` table: row mapping, insert, optimistic update, scoped reads. List filters and
 * counts are in `hazard-query-store.ts`; events, escalation markers and settings in their own stores.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Actor, DataScope } from '../../../shared/actor';
import { scopeCondition } from '../../../platform/db/scope';
import { queryOne, toIsoTimestamp, type Db } from '../../../platform/db/types';
import type { HazardCloseReason, HazardGrade, HazardSource, HazardStatus } from './hazard-enums';
import type { Hazard, HazardListing, HazardLocation, HazardPlan, PendingExtension } from './hazard-schema';

/** A hazard as stored (without its history). */
export type StoredHazard = Omit<Hazard, 'history'> & { reportedByName: string; createdOn: string };

export type HazardRow = {
  id: string;
  hazard_no: string;
  version: number;
  title: string;
  description: string;
  source: HazardSource;
  source_ref: string | null;
  status: HazardStatus;
  grade: HazardGrade | null;
  major_criterion_ref: string | null;
  org_unit_id: string;
  supervising_org_unit_id: string | null;
  enterprise_id: string | null;
  equipment_id: string | null;
  address: string | null;
  lon: number | null;
  lat: number | null;
  reported_by: string;
  reported_by_name: string;
  deadline: string | null;
  is_overdue: boolean;
  is_listed: boolean;
  listing: HazardListing | null;
  notice: Hazard['notice'];
  plan: HazardPlan | null;
  pending_extension: PendingExtension | null;
  before_photo_ids: string[];
  after_photo_ids: string[];
  review_due_on: string | null;
  verification_due_on: string | null;
  confirmed_on: string | null;
  closed_on: string | null;
  close_reason: HazardCloseReason | null;
  reopen_count: number;
  transferred_to_org_unit_id: string | null;
  created_on: string;
  created_at: string;
  updated_at: string;
};

export const hazardColumns = sql`id, hazard_no, version, title, description, source, source_ref, status, grade, major_criterion_ref, org_unit_id,
  supervising_org_unit_id, enterprise_id, equipment_id, address, lon, lat, reported_by, reported_by_name, deadline::text, is_overdue,
  is_listed, listing, notice, plan, pending_extension, before_photo_ids, after_photo_ids, review_due_on::text, verification_due_on::text,
  confirmed_on::text, closed_on::text, close_reason, reopen_count, transferred_to_org_unit_id, created_on::text, created_at::text,
  updated_at::text`;

function toLocation(r: HazardRow): HazardLocation | null {
  if (r.address === null && r.lon === null) return null;
  const location: HazardLocation = {};
  if (r.address !== null) location.address = r.address;
  if (r.lon !== null && r.lat !== null) {
    location.lon = Number(r.lon);
    location.lat = Number(r.lat);
  }
  return location;
}

export function toStoredHazard(r: HazardRow): StoredHazard {
  return {
    id: r.id,
    hazardNo: r.hazard_no,
    version: r.version,
    title: r.title,
    description: r.description,
    source: r.source,
    sourceRef: r.source_ref,
    status: r.status,
    grade: r.grade,
    majorCriterionRef: r.major_criterion_ref,
    orgUnitId: r.org_unit_id,
    supervisingOrgUnitId: r.supervising_org_unit_id,
    enterpriseId: r.enterprise_id,
    equipmentId: r.equipment_id,
    location: toLocation(r),
    reportedBy: r.reported_by,
    reportedByName: r.reported_by_name,
    deadline: r.deadline,
    isOverdue: r.is_overdue,
    isListed: r.is_listed,
    listing: r.listing,
    notice: r.notice,
    plan: r.plan,
    pendingExtension: r.pending_extension,
    beforePhotoIds: r.before_photo_ids ?? [],
    afterPhotoIds: r.after_photo_ids ?? [],
    reviewDueOn: r.review_due_on,
    verificationDueOn: r.verification_due_on,
    confirmedOn: r.confirmed_on,
    closedOn: r.closed_on,
    closeReason: r.close_reason,
    reopenCount: r.reopen_count,
    transferredToOrgUnitId: r.transferred_to_org_unit_id,
    createdOn: r.created_on,
    createdAt: toIsoTimestamp(r.created_at),
    updatedAt: toIsoTimestamp(r.updated_at),
  };
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/**
 * Rows the actor may see: territory in scope (an enterprise user: its enterprise), or the supervising
 * unit or the unit a hazard was transferred to in scope, or — staff only — hazards they reported.
 */
export function hazardVisibility(actor: Pick<Actor, 'scope' | 'userId'>): SQL {
  const scope: DataScope = actor.scope;
  if (scope.kind === 'all') return sql`true`;
  const parts: SQL[] = [scopeCondition(scope, { orgColumn: sql`org_unit_id`, enterpriseColumn: sql`enterprise_id` })];
  if (scope.kind === 'subtree') {
    parts.push(scopeCondition(scope, { orgColumn: sql`supervising_org_unit_id` }));
    parts.push(scopeCondition(scope, { orgColumn: sql`transferred_to_org_unit_id` }));
    if (actor.userId) parts.push(sql`reported_by = ${actor.userId}`);
  }
  return sql`(${sql.join(parts, sql` OR `)})`;
}

export type NewHazardRow = Omit<StoredHazard, 'version' | 'createdAt' | 'updatedAt'> & { hazardNo: string };

/** Inserts a hazard; the demo passes its replayed version and last-change time. */
export async function insertHazard(db: Db, h: NewHazardRow, at: Date, replay?: { version: number; updatedAt: Date }): Promise<StoredHazard> {
  const row = await queryOne<HazardRow>(
    db,
    sql`INSERT INTO hazards (id, hazard_no, title, description, source, source_ref, status, grade, major_criterion_ref, org_unit_id,
          supervising_org_unit_id, enterprise_id, equipment_id, address, lon, lat, reported_by, reported_by_name, deadline, is_overdue,
          is_listed, listing, notice, plan, pending_extension, before_photo_ids, after_photo_ids, review_due_on, verification_due_on,
          confirmed_on, closed_on, close_reason, reopen_count, transferred_to_org_unit_id, created_on, created_at, updated_at, version)
        VALUES (${h.id}, ${h.hazardNo}, ${h.title}, ${h.description}, ${h.source}, ${h.sourceRef}, ${h.status}, ${h.grade},
          ${h.majorCriterionRef}, ${h.orgUnitId}, ${h.supervisingOrgUnitId}, ${h.enterpriseId}, ${h.equipmentId},
          ${h.location?.address ?? null}, ${h.location?.lon ?? null}, ${h.location?.lat ?? null}, ${h.reportedBy}, ${h.reportedByName},
          ${h.deadline}, ${h.isOverdue}, ${h.isListed}, ${json(h.listing)}::jsonb, ${json(h.notice)}::jsonb, ${json(h.plan)}::jsonb,
          ${json(h.pendingExtension)}::jsonb, ${JSON.stringify(h.beforePhotoIds)}::jsonb, ${JSON.stringify(h.afterPhotoIds)}::jsonb,
          ${h.reviewDueOn}, ${h.verificationDueOn}, ${h.confirmedOn}, ${h.closedOn}, ${h.closeReason}, ${h.reopenCount},
          ${h.transferredToOrgUnitId}, ${h.createdOn}, ${at.toISOString()}, ${(replay?.updatedAt ?? at).toISOString()}, ${replay?.version ?? 1})
        RETURNING ${hazardColumns}`,
  );
  return toStoredHazard(row as HazardRow);
}

/** Fields an action or an edit may change. */
export type HazardRowPatch = Partial<
  Pick<
    StoredHazard,
    | 'title'
    | 'description'
    | 'sourceRef'
    | 'status'
    | 'grade'
    | 'majorCriterionRef'
    | 'supervisingOrgUnitId'
    | 'enterpriseId'
    | 'equipmentId'
    | 'location'
    | 'deadline'
    | 'isOverdue'
    | 'isListed'
    | 'listing'
    | 'notice'
    | 'plan'
    | 'pendingExtension'
    | 'beforePhotoIds'
    | 'afterPhotoIds'
    | 'reviewDueOn'
    | 'verificationDueOn'
    | 'confirmedOn'
    | 'closedOn'
    | 'closeReason'
    | 'reopenCount'
    | 'transferredToOrgUnitId'
  >
>;

const plainColumns = {
  title: 'title',
  description: 'description',
  sourceRef: 'source_ref',
  status: 'status',
  grade: 'grade',
  majorCriterionRef: 'major_criterion_ref',
  supervisingOrgUnitId: 'supervising_org_unit_id',
  enterpriseId: 'enterprise_id',
  equipmentId: 'equipment_id',
  deadline: 'deadline',
  isOverdue: 'is_overdue',
  isListed: 'is_listed',
  reviewDueOn: 'review_due_on',
  verificationDueOn: 'verification_due_on',
  confirmedOn: 'confirmed_on',
  closedOn: 'closed_on',
  closeReason: 'close_reason',
  reopenCount: 'reopen_count',
  transferredToOrgUnitId: 'transferred_to_org_unit_id',
} as const satisfies Partial<Record<keyof HazardRowPatch, string>>;

const jsonColumns = {
  listing: 'listing',
  notice: 'notice',
  plan: 'plan',
  pendingExtension: 'pending_extension',
  beforePhotoIds: 'before_photo_ids',
  afterPhotoIds: 'after_photo_ids',
} as const satisfies Partial<Record<keyof HazardRowPatch, string>>;

function patchSets(patch: HazardRowPatch): SQL[] {
  const sets: SQL[] = [];
  for (const [key, column] of Object.entries(plainColumns) as Array<[keyof typeof plainColumns, string]>) {
    if (patch[key] !== undefined) sets.push(sql`${sql.identifier(column)} = ${patch[key]}`);
  }
  for (const [key, column] of Object.entries(jsonColumns) as Array<[keyof typeof jsonColumns, string]>) {
    if (patch[key] !== undefined) sets.push(sql`${sql.identifier(column)} = ${json(patch[key])}::jsonb`);
  }
  if (patch.location !== undefined) {
    const l = patch.location;
    sets.push(sql`address = ${l?.address ?? null}, lon = ${l?.lon ?? null}, lat = ${l?.lat ?? null}`);
  }
  return sets;
}

/**
 * `UPDATE … WHERE id AND version` with `version + 1`: null when another writer got there first
 * (the caller answers 409 `hazard.stale_version`). Concurrent writers on PostgreSQL wait for the row
 * lock and then find the version changed, so exactly one of them succeeds.
 */
export async function updateHazardRow(db: Db, id: string, version: number, patch: HazardRowPatch, at: Date): Promise<StoredHazard | null> {
  const sets = [...patchSets(patch), sql`version = version + 1`, sql`updated_at = ${at.toISOString()}`];
  const row = await queryOne<HazardRow>(
    db,
    sql`UPDATE hazards SET ${sql.join(sets, sql`, `)} WHERE id = ${id} AND version = ${version} RETURNING ${hazardColumns}`,
  );
  return row ? toStoredHazard(row) : null;
}

/** System bookkeeping that is not an edit (overdue flag): no version change. */
export async function setHazardOverdueFlag(db: Db, id: string, isOverdue: boolean): Promise<void> {
  await db.execute(sql`UPDATE hazards SET is_overdue = ${isOverdue} WHERE id = ${id}`);
}

/** Reads a hazard and locks its row until the transaction ends (the escalation job). */
export async function findHazardForUpdate(db: Db, id: string): Promise<StoredHazard | null> {
  const row = await queryOne<HazardRow>(db, sql`SELECT ${hazardColumns} FROM hazards WHERE id = ${id} FOR UPDATE`);
  return row ? toStoredHazard(row) : null;
}

export async function findHazard(db: Db, id: string, visibility: SQL = sql`true`): Promise<StoredHazard | null> {
  const row = await queryOne<HazardRow>(db, sql`SELECT ${hazardColumns} FROM hazards WHERE id = ${id} AND ${visibility}`);
  return row ? toStoredHazard(row) : null;
}

/** Next number 年-区域-序号 for a year and region code (one counter row per pair, locked while counting). */
export async function nextHazardNo(db: Db, year: number, area: string): Promise<string> {
  const row = await queryOne<{ last_no: number }>(
    db,
    sql`INSERT INTO hazard_number_counters (year, area, last_no) VALUES (${year}, ${area}, 1)
        ON CONFLICT (year, area) DO UPDATE SET last_no = hazard_number_counters.last_no + 1 RETURNING last_no`,
  );
  return `${year}-${area}-${String(row?.last_no ?? 1).padStart(4, '0')}`;
}
