import { sql, type SQL } from 'drizzle-orm';
import { conflict } from '../../shared/errors';
import { queryOne, queryRows, toIsoTimestamp, type Db } from '../../platform/db/types';
import type { ScoreItem, UnitScore } from './assessment-schema';
import type { PeerGroup } from './plan-schema';
import { jsonValue } from './visibility';

type ScoreRow = {
  plan_unit_id: string;
  plan_id: string;
  org_unit_id: string;
  org_name: string;
  peer_group: PeerGroup;
  items: unknown;
  raw: string;
  bonus_sum: string;
  bonus_applied: string;
  deduction_sum: string;
  deduction_applied: string;
  computed_total: string;
  total: string;
  vetoed: boolean;
  veto_codes: unknown;
  grade: string;
  rank: number;
  is_tied: boolean;
  submitted_at: string | null;
  computed_at: string;
};

const scoreColumns = sql`s.plan_unit_id, s.plan_id, s.org_unit_id, o.name AS org_name, s.peer_group, s.items, s.raw, s.bonus_sum, s.bonus_applied, s.deduction_sum,
  s.deduction_applied, s.computed_total, s.total, s.vetoed, s.veto_codes, s.grade, s.rank, s.is_tied, s.submitted_at::text, s.computed_at::text`;

function toScore(r: ScoreRow, withItems: boolean): UnitScore {
  return {
    planUnitId: r.plan_unit_id,
    planId: r.plan_id,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_name,
    peerGroup: r.peer_group,
    raw: r.raw,
    bonusSum: r.bonus_sum,
    bonusApplied: r.bonus_applied,
    deductionSum: r.deduction_sum,
    deductionApplied: r.deduction_applied,
    computedTotal: r.computed_total,
    total: r.total,
    vetoed: r.vetoed,
    vetoCodes: jsonValue<string[]>(r.veto_codes),
    grade: r.grade,
    rank: r.rank,
    isTied: r.is_tied,
    submittedAt: toIsoTimestamp(r.submitted_at),
    computedAt: toIsoTimestamp(r.computed_at),
    items: withItems ? jsonValue<ScoreItem[]>(r.items) : null,
  };
}

export async function replaceUnitScores(db: Db, planId: string, scores: Array<Omit<UnitScore, 'orgUnitName' | 'items' | 'computedAt'> & { items: ScoreItem[] }>, computedAt: Date, computedBy: string | null): Promise<void> {
  await db.execute(sql`DELETE FROM targets_unit_scores WHERE plan_id = ${planId}`);
  if (scores.length === 0) return;
  const rows = scores.map((s) => ({
    plan_unit_id: s.planUnitId,
    org_unit_id: s.orgUnitId,
    peer_group: s.peerGroup,
    items: s.items,
    raw: s.raw,
    bonus_sum: s.bonusSum,
    bonus_applied: s.bonusApplied,
    deduction_sum: s.deductionSum,
    deduction_applied: s.deductionApplied,
    computed_total: s.computedTotal,
    total: s.total,
    vetoed: s.vetoed,
    veto_codes: s.vetoCodes,
    grade: s.grade,
    rank: s.rank,
    is_tied: s.isTied,
    submitted_at: s.submittedAt,
  }));
  await db.execute(
    sql`INSERT INTO targets_unit_scores (plan_unit_id, plan_id, org_unit_id, peer_group, items, raw, bonus_sum, bonus_applied, deduction_sum, deduction_applied,
          computed_total, total, vetoed, veto_codes, grade, rank, is_tied, submitted_at, computed_at, computed_by)
        SELECT x.plan_unit_id, ${planId}, x.org_unit_id, x.peer_group, x.items, x.raw, x.bonus_sum, x.bonus_applied, x.deduction_sum, x.deduction_applied,
               x.computed_total, x.total, x.vetoed, x.veto_codes, x.grade, x.rank, x.is_tied, x.submitted_at, ${computedAt.toISOString()}::timestamptz, ${computedBy}::uuid
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(plan_unit_id uuid, org_unit_id uuid, peer_group text, items jsonb, raw text, bonus_sum text,
             bonus_applied text, deduction_sum text, deduction_applied text, computed_total text, total text, vetoed boolean, veto_codes jsonb, grade text,
             rank integer, is_tied boolean, submitted_at timestamptz)`,
  );
}

export async function selectUnitScores(db: Db, planId: string, where: SQL, options: { withItems: boolean; peerGroup?: PeerGroup }): Promise<UnitScore[]> {
  const rows = await queryRows<ScoreRow>(
    db,
    sql`SELECT ${scoreColumns} FROM targets_unit_scores s JOIN org_units o ON o.id = s.org_unit_id
        WHERE s.plan_id = ${planId} AND ${where} ${options.peerGroup ? sql`AND s.peer_group = ${options.peerGroup}` : sql``}
        ORDER BY s.peer_group, s.rank, o.sort_order, o.name`,
  );
  return rows.map((r) => toScore(r, options.withItems));
}

export async function findUnitScore(db: Db, planUnitId: string): Promise<UnitScore | null> {
  const row = await queryOne<ScoreRow>(db, sql`SELECT ${scoreColumns} FROM targets_unit_scores s JOIN org_units o ON o.id = s.org_unit_id WHERE s.plan_unit_id = ${planUnitId}`);
  return row ? toScore(row, true) : null;
}

// ---- publications ----

export type PublicationRecord = { id: string; planId: string; kind: 'publicity' | 'final'; startsOn: string; endsOn: string | null; snapshot: unknown; publishedAt: string };

type PublicationRow = { id: string; plan_id: string; kind: 'publicity' | 'final'; starts_on: string; ends_on: string | null; snapshot: unknown; published_at: string };
const toPublication = (r: PublicationRow): PublicationRecord => ({
  id: r.id,
  planId: r.plan_id,
  kind: r.kind,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  snapshot: jsonValue<unknown>(r.snapshot),
  publishedAt: toIsoTimestamp(r.published_at),
});

export async function insertPublication(db: Db, p: { id: string; planId: string; kind: 'publicity' | 'final'; startsOn: string; endsOn: string | null; snapshot: unknown; at: Date; by: string | null }): Promise<void> {
  try {
    await db.execute(
      sql`INSERT INTO targets_publications (id, plan_id, kind, starts_on, ends_on, snapshot, published_at, published_by)
          VALUES (${p.id}, ${p.planId}, ${p.kind}, ${p.startsOn}::date, ${p.endsOn}::date, ${JSON.stringify(p.snapshot)}::jsonb, ${p.at.toISOString()}, ${p.by})`,
    );
  } catch (error) {
    const e = error as { code?: string; cause?: { code?: string } };
    if ((e.code ?? e.cause?.code) === '23505') throw conflict('targets.already_published', '考核结果已正式发布');
    throw error;
  }
}

export async function selectPublications(db: Db, planId: string): Promise<PublicationRecord[]> {
  const rows = await queryRows<PublicationRow>(
    db,
    sql`SELECT id, plan_id, kind, starts_on::text, ends_on::text, snapshot, published_at::text FROM targets_publications WHERE plan_id = ${planId} ORDER BY published_at DESC, id`,
  );
  return rows.map(toPublication);
}

// ---- objections ----

export type ObjectionRecord = {
  id: string;
  planId: string;
  publicationId: string;
  orgUnitId: string;
  orgUnitName: string;
  indicatorId: string | null;
  indicatorCode: string | null;
  reason: string;
  evidenceFileIds: string[];
  status: 'open' | 'upheld' | 'rejected';
  response: string | null;
  raisedAt: string;
  resolvedAt: string | null;
  version: number;
};

type ObjectionRow = {
  id: string;
  plan_id: string;
  publication_id: string;
  org_unit_id: string;
  org_name: string;
  indicator_id: string | null;
  indicator_code: string | null;
  reason: string;
  evidence_file_ids: unknown;
  status: ObjectionRecord['status'];
  response: string | null;
  raised_at: string;
  resolved_at: string | null;
  version: number;
};

const objectionColumns = sql`b.id, b.plan_id, b.publication_id, b.org_unit_id, o.name AS org_name, b.indicator_id, i.code AS indicator_code, b.reason, b.evidence_file_ids,
  b.status, b.response, b.raised_at::text, b.resolved_at::text, b.version`;
const objectionFrom = sql`targets_objections b JOIN org_units o ON o.id = b.org_unit_id LEFT JOIN targets_indicators i ON i.id = b.indicator_id`;
const toObjection = (r: ObjectionRow): ObjectionRecord => ({
  id: r.id,
  planId: r.plan_id,
  publicationId: r.publication_id,
  orgUnitId: r.org_unit_id,
  orgUnitName: r.org_name,
  indicatorId: r.indicator_id,
  indicatorCode: r.indicator_code,
  reason: r.reason,
  evidenceFileIds: jsonValue<string[]>(r.evidence_file_ids),
  status: r.status,
  response: r.response,
  raisedAt: toIsoTimestamp(r.raised_at),
  resolvedAt: toIsoTimestamp(r.resolved_at),
  version: r.version,
});

export async function insertObjection(
  db: Db,
  o: { id: string; planId: string; publicationId: string; orgUnitId: string; indicatorId: string | null; reason: string; evidenceFileIds: string[]; raisedBy: string | null; at: Date },
): Promise<void> {
  await db.execute(
    sql`INSERT INTO targets_objections (id, plan_id, publication_id, org_unit_id, indicator_id, reason, evidence_file_ids, status, raised_by, raised_at)
        VALUES (${o.id}, ${o.planId}, ${o.publicationId}, ${o.orgUnitId}, ${o.indicatorId}, ${o.reason}, ${JSON.stringify(o.evidenceFileIds)}::jsonb, 'open', ${o.raisedBy}, ${o.at.toISOString()})`,
  );
}

export async function findObjection(db: Db, id: string, where: SQL = sql`true`): Promise<ObjectionRecord | null> {
  const row = await queryOne<ObjectionRow>(db, sql`SELECT ${objectionColumns} FROM ${objectionFrom} WHERE b.id = ${id} AND ${where}`);
  return row ? toObjection(row) : null;
}

export async function selectObjections(db: Db, planId: string, where: SQL): Promise<ObjectionRecord[]> {
  const rows = await queryRows<ObjectionRow>(db, sql`SELECT ${objectionColumns} FROM ${objectionFrom} WHERE b.plan_id = ${planId} AND ${where} ORDER BY b.raised_at DESC, b.id`);
  return rows.map(toObjection);
}

export async function resolveObjectionRow(db: Db, id: string, version: number, r: { status: 'upheld' | 'rejected'; response: string; by: string | null; at: Date }): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`UPDATE targets_objections SET status = ${r.status}, response = ${r.response}, resolved_by = ${r.by}, resolved_at = ${r.at.toISOString()}, version = version + 1, updated_at = now()
        WHERE id = ${id} AND version = ${version} AND status = 'open' RETURNING id`,
  );
  return rows.length > 0;
}

export async function countOpenObjections(db: Db, planId: string): Promise<number> {
  return (await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM targets_objections WHERE plan_id = ${planId} AND status = 'open'`))?.n ?? 0;
}
