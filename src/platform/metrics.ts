import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from './db/types';

/**
 * The metrics registry: live numbers that modules already know (inspection rate, on-time
 * rectification rate, air good-day rate…) so that assessment indicators can be bound to them
 * instead of being typed in. Each domain exports its MetricDefinitions from its index;
 * `src/domains/metric-definitions.ts` collects them and the registry travels in AppDeps.
 *
 * Every value carries its provenance: what produced it, when, from how many records, and a link
 * to the records, so that a reviewer can drill from a score down to the data behind it.
 */
export type MetricPeriod = {
  /** First local day (inclusive), `YYYY-MM-DD`. */
  from: string;
  /** Last local day (inclusive), `YYYY-MM-DD`. */
  to: string;
};

export type MetricScope = {
  /** The org unit whose subtree the metric is computed for (the city root for city-wide values). */
  orgUnitId: string;
  /** Its materialised path (`/root/…/id/`), for subtree filters. */
  orgPath: string;
};

export type MetricProvenance = {
  /** Human-readable source, e.g. '特种设备登记与检验记录'. */
  source: string;
  computedAt: string;
  /** How many records the value was computed from. */
  recordCount: number;
  /** Link to the filtered list of those records in the web app (e.g. '/safety/hazards?status=closed'). */
  link: string | null;
  /** Numerator and denominator of rates, so a reviewer sees how the rate came about. */
  numerator?: number | null;
  denominator?: number | null;
  note?: string | null;
};

export type MetricValue = {
  /** Decimal string (exact) or null when undefined (e.g. a rate with no denominator). */
  value: string | null;
  unit: string;
  provenance: MetricProvenance;
};

export type MetricDefinition = {
  key: string;
  name: { zh: string; en: string };
  unit: string;
  description: string;
  direction: 'higher_is_better' | 'lower_is_better';
  compute(db: Db, options: { scope: MetricScope; period: MetricPeriod; now: Date }): Promise<MetricValue>;
  /**
   * Optional batch path: the metric for many scopes in one go (a query grouped by scope instead of
   * one query per scope), used by `computeMetricForScopes`. It must answer for every scope exactly
   * what `compute` answers, provenance included, keyed by the scope's orgUnitId. The scopes it
   * receives are distinct by orgUnitId.
   */
  computeMany?(db: Db, options: MetricBatchOptions): Promise<Map<string, MetricValue>>;
};

export type MetricBatchOptions = { scopes: readonly MetricScope[]; period: MetricPeriod; now: Date };

export type MetricRegistry = {
  list(): MetricDefinition[];
  find(key: string): MetricDefinition | null;
};

export function createMetricRegistry(definitions: MetricDefinition[]): MetricRegistry {
  const byKey = new Map<string, MetricDefinition>();
  for (const d of definitions) {
    if (byKey.has(d.key)) throw new Error(`metric ${d.key} is defined twice`);
    byKey.set(d.key, d);
  }
  return { list: () => [...byKey.values()], find: (key) => byKey.get(key) ?? null };
}

/** Format a rate as an exact decimal string with `digits` decimals (half-up), or null for 0/0. */
export function rateString(numerator: number, denominator: number, digits = 2): string | null {
  if (denominator === 0) return null;
  const scale = 10n ** BigInt(digits);
  const n = BigInt(numerator) * 100n * scale;
  const d = BigInt(denominator);
  const q = (n * 2n + d) / (2n * d);
  const whole = q / scale;
  const frac = (q % scale).toString().padStart(digits, '0');
  return digits > 0 ? `${whole}.${frac}` : `${whole}`;
}

/** The scopes once each (by orgUnitId), in their first order. */
export function distinctScopes(scopes: readonly MetricScope[]): MetricScope[] {
  return [...new Map(scopes.map((s) => [s.orgUnitId, s])).values()];
}

/**
 * One metric for many scopes, keyed by orgUnitId: through the definition's `computeMany` when it
 * has one, otherwise one `compute` per scope. Throws on the first failure.
 */
export async function computeMetricForScopes(definition: MetricDefinition, db: Db, options: MetricBatchOptions): Promise<Map<string, MetricValue>> {
  const scopes = distinctScopes(options.scopes);
  if (scopes.length === 0) return new Map();
  if (definition.computeMany) {
    const values = await definition.computeMany(db, { ...options, scopes });
    const missing = scopes.find((s) => !values.has(s.orgUnitId));
    if (missing) throw new Error(`metric ${definition.key}: computeMany gave no value for org unit ${missing.orgUnitId}`);
    return values;
  }
  const values = new Map<string, MetricValue>();
  for (const scope of scopes) values.set(scope.orgUnitId, await definition.compute(db, { scope, period: options.period, now: options.now }));
  return values;
}

/**
 * The scopes' subtrees as a derived table `(scope_id text, org_unit_id uuid)`: one row per org unit
 * of each scope's subtree (the same test as `scopeCondition`'s subtree: path LIKE the scope's path
 * followed by '%'). Join a table's org column on `org_unit_id` and GROUP BY `scope_id` to compute a
 * metric for all scopes in one query; scopes without rows simply have no group.
 */
export function scopeUnitsSql(scopes: readonly MetricScope[]): SQL {
  const ids = scopes.map((s) => s.orgUnitId);
  const paths = scopes.map((s) => s.orgPath);
  return sql`(SELECT s.scope_id, o.id AS org_unit_id
     FROM unnest(${sql.param(ids)}::text[], ${sql.param(paths)}::text[]) AS s(scope_id, scope_path)
     JOIN org_units o ON o.path LIKE s.scope_path || '%')`;
}

/** The org units of every scope's subtree, for metrics that load the records of all scopes once and split them in code. */
export async function loadScopeMembers(db: Db, scopes: readonly MetricScope[]): Promise<Map<string, Set<string>>> {
  const members = new Map(scopes.map((s) => [s.orgUnitId, new Set<string>()]));
  if (scopes.length === 0) return members;
  const rows = await queryRows<{ scope_id: string; org_unit_id: string }>(db, sql`SELECT scope_id, org_unit_id FROM ${scopeUnitsSql(scopes)} su`);
  for (const r of rows) members.get(r.scope_id)?.add(r.org_unit_id);
  return members;
}

/**
 * The deepest org path every scope's path starts with (whole segments, e.g. the city root's path
 * when the scopes are townships): loading the records under it loads every scope's records.
 */
export function commonScopePath(scopes: readonly MetricScope[]): string {
  const [first, ...rest] = scopes.map((s) => s.orgPath.split('/').filter(Boolean));
  if (!first) return '/';
  let length = first.length;
  for (const segments of rest) {
    let i = 0;
    while (i < length && i < segments.length && segments[i] === first[i]) i += 1;
    length = i;
  }
  return length === 0 ? '/' : `/${first.slice(0, length).join('/')}/`;
}
