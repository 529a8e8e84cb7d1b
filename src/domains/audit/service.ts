import type { Actor } from '../../shared/actor';
import { addDaysToDate, startOfLocalDay } from '../../platform/clock';
import { scopeCondition } from '../../platform/db/scope';
import type { Db } from '../../platform/db/types';
import { sql } from 'drizzle-orm';
import { auditFilters, countAuditEntries, insertAuditEntry, selectAuditEntries } from './store';
import type { AuditEntry, AuditInput, AuditPage, ListAuditQuery } from './schema';

/**
 * Record one write in the append-only audit log. Call it inside the same transaction as the
 * write it describes, so the entry exists exactly when the write does.
 */
export async function recordAudit(db: Db, actor: Actor, entry: AuditInput): Promise<void> {
  await insertAuditEntry(db, actor, entry);
  actor.trace.auditEntries += 1;
}

function whereFor(actor: Actor, query: ListAuditQuery, timeZone: string) {
  const toInstant = (value: string, endOfDay: boolean) =>
    value.length === 10 ? startOfLocalDay(endOfDay ? addDaysToDate(value, 1) : value, timeZone).toISOString() : new Date(value).toISOString();
  const filters = auditFilters({
    ...query,
    fromInstant: query.from ? toInstant(query.from, false) : undefined,
    toInstant: query.to ? toInstant(query.to, true) : undefined,
  });
  return sql`${filters} AND ${scopeCondition(actor.scope, { orgColumn: sql`org_unit_id`, userColumn: sql`actor_user_id` })}`;
}

export async function listAuditEntries(db: Db, options: { actor: Actor; query: ListAuditQuery; timeZone: string }): Promise<AuditPage> {
  const { query } = options;
  const where = whereFor(options.actor, query, options.timeZone);
  const [total, items] = await Promise.all([
    countAuditEntries(db, where),
    selectAuditEntries(db, where, { ascending: query.sort === 'at', limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
  ]);
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** Every matching entry, in pages (for the Excel export). */
export async function* iterateAuditEntries(db: Db, options: { actor: Actor; query: ListAuditQuery; timeZone: string }): AsyncGenerator<AuditEntry> {
  const where = whereFor(options.actor, options.query, options.timeZone);
  const ascending = options.query.sort === 'at';
  let afterId: string | undefined;
  for (;;) {
    const rows = await selectAuditEntries(db, where, { ascending, limit: 2000, offset: 0, afterId });
    yield* rows;
    if (rows.length < 2000) return;
    afterId = rows[rows.length - 1]?.id;
  }
}
