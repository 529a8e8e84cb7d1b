import type { Db } from './db/types';

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
};

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
