/**
 * SQL of a hazard's history (`hazard_events`) and of the escalation markers (`hazard_escalations`).
 * Callers hold the hazard's row lock (they updated the row first in the same transaction), so the next
 * `seq` cannot be taken twice.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryOne, queryRows, toIsoTimestamp, type Db } from '../../../platform/db/types';
import type { EscalationStep } from './escalation-rules';
import type { HazardCloseReason, HazardStatus } from './hazard-enums';
import type { HazardHistoryEntry } from './hazard-schema';

export type NewHazardEvent = {
  action: HazardHistoryEntry['action'];
  fromStatus: HazardStatus | null;
  toStatus: HazardStatus;
  actorId: string | null;
  actorName: string;
  on: string;
  at: Date;
  deadline: string | null;
  comment: string | null;
  payload: Record<string, unknown>;
};

type EventRow = {
  seq: number;
  action: HazardHistoryEntry['action'];
  from_status: HazardStatus | null;
  to_status: HazardStatus;
  actor_id: string | null;
  actor_name: string;
  on_date: string;
  at: string;
  deadline: string | null;
  comment: string | null;
  payload: Record<string, unknown>;
};

export async function insertHazardEvent(db: Db, hazardId: string, e: NewHazardEvent): Promise<number> {
  const row = await queryOne<{ seq: number }>(
    db,
    sql`INSERT INTO hazard_events (hazard_id, seq, action, from_status, to_status, actor_id, actor_name, on_date, at, deadline, comment, payload)
        SELECT ${hazardId}, coalesce(max(seq), 0) + 1, ${e.action}, ${e.fromStatus}, ${e.toStatus}, ${e.actorId}, ${e.actorName}, ${e.on},
               ${e.at.toISOString()}, ${e.deadline}, ${e.comment}, ${JSON.stringify(e.payload)}::jsonb
        FROM hazard_events WHERE hazard_id = ${hazardId}
        RETURNING seq`,
  );
  return row?.seq ?? 0;
}

/** Many events with their seq given (the demo seed writes whole histories at once). */
export async function insertHazardEventsBulk(db: Db, rows: ReadonlyArray<NewHazardEvent & { hazardId: string; seq: number }>): Promise<void> {
  for (let start = 0; start < rows.length; start += 300) {
    const values = rows.slice(start, start + 300).map(
      (e) => sql`(${e.hazardId}, ${e.seq}, ${e.action}, ${e.fromStatus}, ${e.toStatus}, ${e.actorId}, ${e.actorName}, ${e.on}, ${e.at.toISOString()},
                  ${e.deadline}, ${e.comment}, ${JSON.stringify(e.payload)}::jsonb)`,
    );
    await db.execute(
      sql`INSERT INTO hazard_events (hazard_id, seq, action, from_status, to_status, actor_id, actor_name, on_date, at, deadline, comment, payload)
          VALUES ${sql.join(values, sql`, `)}`,
    );
  }
}

export async function selectHazardHistory(db: Db, hazardId: string): Promise<HazardHistoryEntry[]> {
  const rows = await queryRows<EventRow>(
    db,
    sql`SELECT seq, action, from_status, to_status, actor_id, actor_name, on_date::text, at::text, deadline::text, comment, payload
        FROM hazard_events WHERE hazard_id = ${hazardId} ORDER BY seq`,
  );
  return rows.map((r) => ({
    seq: r.seq,
    action: r.action,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    actorId: r.actor_id,
    actorName: r.actor_name,
    at: toIsoTimestamp(r.at),
    on: r.on_date,
    deadline: r.deadline,
    comment: r.comment,
    payload: r.payload ?? {},
  }));
}

/** Seq of the latest closing event (the reopen links to it). */
export async function findLastClosingSeq(db: Db, hazardId: string): Promise<number | null> {
  const row = await queryOne<{ seq: number }>(
    db,
    sql`SELECT max(seq)::int AS seq FROM hazard_events WHERE hazard_id = ${hazardId} AND to_status = 'closed' AND from_status <> 'closed'`,
  );
  return row?.seq ?? null;
}

export type EscalationMarker = { hazardId: string; key: string; step: EscalationStep; dueOn: string; firedOn: string };

/** Markers of many hazards at once (the job's "already done" sets). */
export async function selectEscalationKeys(db: Db, hazardIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const done = new Map<string, Set<string>>();
  if (hazardIds.length === 0) return done;
  const rows = await queryRows<{ hazard_id: string; escalation_key: string }>(
    db,
    sql`SELECT hazard_id, escalation_key FROM hazard_escalations WHERE hazard_id IN (${sql.join(hazardIds.map((id) => sql`${id}`), sql`, `)})`,
  );
  for (const r of rows) {
    const set = done.get(r.hazard_id) ?? new Set<string>();
    set.add(r.escalation_key);
    done.set(r.hazard_id, set);
  }
  return done;
}

export async function selectEscalationMarkers(db: Db, hazardId: string): Promise<EscalationMarker[]> {
  const rows = await queryRows<{ escalation_key: string; step: EscalationStep; due_on: string; fired_on: string }>(
    db,
    sql`SELECT escalation_key, step, due_on::text, fired_on::text FROM hazard_escalations WHERE hazard_id = ${hazardId} ORDER BY due_on, created_at`,
  );
  return rows.map((r) => ({ hazardId, key: r.escalation_key, step: r.step, dueOn: r.due_on, firedOn: r.fired_on }));
}

/** Inserts a marker; false when it already exists (another run or process fired the step). */
export async function insertEscalationMarker(db: Db, m: EscalationMarker & { recipientCount: number }): Promise<boolean> {
  const row = await queryOne<{ hazard_id: string }>(
    db,
    sql`INSERT INTO hazard_escalations (hazard_id, escalation_key, step, due_on, fired_on, recipient_count)
        VALUES (${m.hazardId}, ${m.key}, ${m.step}, ${m.dueOn}, ${m.firedOn}, ${m.recipientCount})
        ON CONFLICT (hazard_id, escalation_key) DO NOTHING RETURNING hazard_id`,
  );
  return row !== null;
}

export async function updateEscalationRecipientCount(db: Db, hazardId: string, key: string, count: number): Promise<void> {
  await db.execute(sql`UPDATE hazard_escalations SET recipient_count = ${count} WHERE hazard_id = ${hazardId} AND escalation_key = ${key}`);
}

/** What the metrics need per hazard: closures (with the deadline then in force) and reopen days. */
export type HazardClosureRow = { hazard_id: string; action: string; on_date: string; deadline: string | null; close_reason: HazardCloseReason | null };

export async function selectClosuresAndReopens(db: Db, hazardWhere: SQL): Promise<HazardClosureRow[]> {
  return queryRows<HazardClosureRow>(
    db,
    sql`SELECT hazard_id, action, on_date::text, deadline::text,
               CASE action WHEN 'verify_pass' THEN 'verified' WHEN 'close_by_elimination' THEN 'eliminated_by_closure' END AS close_reason
        FROM hazard_events
        WHERE action IN ('verify_pass', 'close_by_elimination', 'reopen')
          AND hazard_id IN (SELECT id FROM hazards WHERE ${hazardWhere})
        ORDER BY hazard_id, seq`,
  );
}
