/**
 * A short-lived cache of list totals. A filtered total over a large territory costs a scan of its
 * index entries; the page itself is cheap (one ordered index scan per unit). Totals are cached per
 * filter for TTL_MS and every device write in this process clears the cache, so a user always
 * sees their own changes; other server processes (PostgreSQL deployments) see them within TTL_MS.
 */
const TTL_MS = 10_000;
const MAX_ENTRIES = 2000;
const entries = new Map<string, { total: number; at: number }>();

export function readCachedTotal(key: string, now = Date.now()): number | null {
  const hit = entries.get(key);
  if (!hit) return null;
  if (now - hit.at > TTL_MS) {
    entries.delete(key);
    return null;
  }
  return hit.total;
}

export function storeCachedTotal(key: string, total: number, now = Date.now()): void {
  if (entries.size >= MAX_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest !== undefined) entries.delete(oldest);
  }
  entries.set(key, { total, at: now });
}

/** Called by every write that can change which devices a filter matches. */
export function clearCachedTotals(): void {
  entries.clear();
}
