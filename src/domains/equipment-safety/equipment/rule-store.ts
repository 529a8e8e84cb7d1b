import { sql } from 'drizzle-orm';
import { conflict } from '../../../shared/errors';
import { queryOne, queryRows, toIsoTimestamp, type Db } from '../../../platform/db/types';
import type { RuleConfidence } from './inspection-rule-types';
import type { RuleOverride } from './rule-overrides';
import type { RuleOverrideView } from './view-schema';

/** SQL for `equipment_rule_overrides` (administrator versions of the inspection-period rules). */
type Row = { id: string; rule_id: string; valid_from: string; params: Record<string, unknown>; confidence: RuleConfidence | null; source: string | null; reason: string; created_at: string };

const columns = sql`id, rule_id, valid_from::text AS valid_from, params, confidence, source, reason, created_at::text AS created_at`;

export function toOverrideView(r: RuleOverride & { createdAt: string }): RuleOverrideView {
  return { id: r.id, ruleId: r.ruleId, validFrom: r.validFrom, params: r.params, confidence: r.confidence, source: r.source, reason: r.reason, createdAt: r.createdAt };
}

function toOverride(r: Row): RuleOverride & { createdAt: string } {
  return { id: r.id, ruleId: r.rule_id, validFrom: r.valid_from, params: r.params, confidence: r.confidence, source: r.source, reason: r.reason, createdAt: toIsoTimestamp(r.created_at) };
}

export async function selectRuleOverrides(db: Db): Promise<Array<RuleOverride & { createdAt: string }>> {
  return (await queryRows<Row>(db, sql`SELECT ${columns} FROM equipment_rule_overrides ORDER BY rule_id, valid_from`)).map(toOverride);
}

export async function insertRuleOverride(db: Db, o: RuleOverride & { createdBy: string | null }): Promise<RuleOverride & { createdAt: string }> {
  const row = await queryOne<Row>(
    db,
    sql`INSERT INTO equipment_rule_overrides (id, rule_id, valid_from, params, confidence, source, reason, created_by)
        VALUES (${o.id}, ${o.ruleId}, ${o.validFrom}, ${JSON.stringify(o.params)}::jsonb, ${o.confidence}, ${o.source}, ${o.reason}, ${o.createdBy})
        ON CONFLICT (rule_id, valid_from) DO NOTHING RETURNING ${columns}`,
  );
  if (!row) throw conflict('equipment.duplicate_rule_version', `规则 ${o.ruleId} 在 ${o.validFrom} 已有版本，请先删除`);
  return toOverride(row);
}

export async function deleteRuleOverride(db: Db, id: string): Promise<(RuleOverride & { createdAt: string }) | null> {
  const row = await queryOne<Row>(db, sql`DELETE FROM equipment_rule_overrides WHERE id = ${id} RETURNING ${columns}`);
  return row ? toOverride(row) : null;
}
