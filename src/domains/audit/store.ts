import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../shared/actor';
import { queryOne, queryRows, toIsoTimestamp, type Db } from '../../platform/db/types';
import type { AuditEntry, AuditInput, ListAuditQuery } from './schema';

type AuditRow = {
  id: string;
  at: string;
  actor_user_id: string | null;
  actor_username: string;
  actor_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  org_unit_id: string | null;
  summary: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
  ip: string | null;
};

export async function insertAuditEntry(db: Db, actor: Actor, entry: AuditInput): Promise<void> {
  await db.execute(sql`
    INSERT INTO audit_log (actor_user_id, actor_username, actor_role, action, entity_type, entity_id, org_unit_id,
                           summary, before, after, request_id, ip)
    VALUES (${actor.userId}, ${actor.username}, ${actor.role}, ${entry.action}, ${entry.entityType}, ${entry.entityId ?? null},
            ${entry.orgUnitId ?? null}, ${entry.summary ?? null}, ${jsonOrNull(entry.before)}::jsonb, ${jsonOrNull(entry.after)}::jsonb,
            ${actor.requestId}, ${actor.ip})`);
}

function jsonOrNull(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/** `to` given as a date includes that whole day (UTC+8 users type local dates; the caller converts). */
export function auditFilters(query: ListAuditQuery & { fromInstant?: string; toInstant?: string }): SQL {
  const parts: SQL[] = [sql`true`];
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    parts.push(sql`(summary ILIKE ${like} OR action ILIKE ${like} OR entity_id ILIKE ${like} OR actor_username ILIKE ${like})`);
  }
  if (query.actor) parts.push(sql`lower(actor_username) = lower(${query.actor})`);
  if (query.action) parts.push(sql`(action = ${query.action} OR action LIKE ${`${escapeLike(query.action)}.%`})`);
  if (query.entityType) parts.push(sql`entity_type = ${query.entityType}`);
  if (query.entityId) parts.push(sql`entity_id = ${query.entityId}`);
  if (query.fromInstant) parts.push(sql`at >= ${query.fromInstant}::timestamptz`);
  if (query.toInstant) parts.push(sql`at < ${query.toInstant}::timestamptz`);
  return sql.join(parts, sql` AND `);
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (m) => `\\${m}`);
}

export async function countAuditEntries(db: Db, where: SQL): Promise<number> {
  const row = await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM audit_log WHERE ${where}`);
  return row?.n ?? 0;
}

export async function selectAuditEntries(db: Db, where: SQL, options: { ascending: boolean; limit: number; offset: number; afterId?: string }): Promise<AuditEntry[]> {
  const order = options.ascending ? sql`audit_log.id ASC` : sql`audit_log.id DESC`;
  const keyset = options.afterId ? (options.ascending ? sql` AND audit_log.id > ${options.afterId}::bigint` : sql` AND audit_log.id < ${options.afterId}::bigint`) : sql``;
  const rows = await queryRows<AuditRow>(
    db,
    sql`SELECT id::text AS id, at::text AS at, actor_user_id, actor_username, actor_role, action, entity_type, entity_id,
               org_unit_id, summary, before, after, request_id, ip
        FROM audit_log WHERE ${where}${keyset} ORDER BY ${order} LIMIT ${options.limit} OFFSET ${options.offset}`,
  );
  return rows.map(toAuditEntry);
}

function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: toIsoTimestamp(row.at),
    actorUserId: row.actor_user_id,
    actorUsername: row.actor_username,
    actorRole: row.actor_role,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    orgUnitId: row.org_unit_id,
    summary: row.summary,
    before: row.before ?? null,
    after: row.after ?? null,
    requestId: row.request_id,
    ip: row.ip,
  };
}
