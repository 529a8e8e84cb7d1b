/**
 * Pure comparison of an audited change's before/after JSON (used by ChangeDiff and HistoryTimeline).
 *
 *   diffChanges({ name: 'A', version: 1 }, { name: 'B', version: 2 })
 *   // → [{ field: 'name', before: 'A', after: 'B', changed: true }]   (version is bookkeeping, hidden)
 */
export type FieldChange = { field: string; before: unknown; after: unknown; changed: boolean };

/** Bookkeeping fields that every change touches; hidden unless asked for. */
export const noiseFields = ['version', 'updatedAt', 'createdAt'];

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Field-by-field comparison of two JSON values. Objects are compared key by key (changed first);
 * anything else is one pseudo-field `value`. Unchanged fields are included with `changed: false`.
 */
export function diffChanges(before: unknown, after: unknown, options: { ignore?: readonly string[] } = {}): FieldChange[] {
  const ignore = new Set(options.ignore ?? noiseFields);
  const b = asRecord(before);
  const a = asRecord(after);
  if ((before !== null && before !== undefined && !b) || (after !== null && after !== undefined && !a)) {
    return [{ field: 'value', before, after, changed: !same(before, after) }];
  }
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].filter((k) => !ignore.has(k));
  const rows = keys.map((field) => ({ field, before: b?.[field], after: a?.[field], changed: !same(b?.[field], a?.[field]) }));
  return [...rows.filter((r) => r.changed), ...rows.filter((r) => !r.changed)];
}

export function formatPlain(value: unknown, t: (zh: string, en: string) => string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('是', 'Yes') : t('否', 'No');
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
