import type { Database } from '../../platform/db/connect';
import { AUTH_CHANGED_CHANNEL, type Listening } from '../../platform/db/listen';
import type { SessionInfo } from '../../platform/http/context';

/**
 * Session lookups (the session row with its user and org unit) kept in the server process, so an
 * authenticated request does not read three tables. A cached lookup is never served stale:
 *
 * - Every change that can alter a lookup's answer notifies `qc_auth_changed` at commit (triggers,
 *   migration 0007), and each process that hears it drops its whole cache. Writes made by this
 *   process also drop it at once (`invalidateSessionCaches`).
 * - The cache serves only while its listening connection is up: on a lost connection it is
 *   emptied and bypassed until it listens again (notifications sent meanwhile are lost).
 * - A lookup read before an invalidation is not stored after it (generation number).
 * - The resolver serves a cached lookup only while it needs no touch (last seen less than a
 *   minute ago) and is not expired; everything else goes to the database as before.
 *
 * Revocation in another process therefore takes effect when its notification arrives
 * (milliseconds after commit), not after a TTL.
 */
export { AUTH_CHANGED_CHANNEL };

/** A valid lookup: what the resolver returns, with the times it checks expiry and touching against. */
export type CachedLookup = { readonly info: SessionInfo; readonly lastSeenAt: Date; readonly expiresAt: Date };

export type SessionCache = {
  get(id: string): CachedLookup | null;
  /** The generation to pass to `store` for a lookup that is about to read the database. */
  generation(): number;
  /** Stores a lookup read since `generation()`, unless the cache was invalidated or went down meanwhile. */
  store(generation: number, id: string, lookup: CachedLookup): void;
  invalidate(): void;
  readonly live: boolean;
  readonly size: number;
  /** Stops listening; the cache serves nothing afterwards. */
  close(): Promise<void>;
};

const MAX_ENTRIES = 20_000;
const openCaches = new Set<SessionCache>();

/** Drops every cache of this process (called by the accounts writes that revoke or change sessions). */
export function invalidateSessionCaches(): void {
  for (const cache of openCaches) cache.invalidate();
}

/** A cache fed by `database`'s notifications; it starts serving once the channel is listened to. */
export async function openSessionCache(database: Pick<Database, 'listen'>, log?: { warn(data: object, message: string): void }): Promise<SessionCache> {
  const entries = new Map<string, CachedLookup>();
  let generation = 0;
  let live = false;
  let listening: Listening | null = null;
  const invalidate = () => {
    generation += 1;
    entries.clear();
  };
  const cache: SessionCache = {
    get: (id) => (live ? (entries.get(id) ?? null) : null),
    generation: () => generation,
    store: (at, id, lookup) => {
      if (!live || at !== generation) return;
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
      entries.set(id, lookup);
    },
    invalidate,
    get live() {
      return live;
    },
    get size() {
      return entries.size;
    },
    close: async () => {
      openCaches.delete(cache);
      live = false;
      invalidate();
      await listening?.close();
    },
  };
  openCaches.add(cache);
  listening = await database.listen(AUTH_CHANGED_CHANNEL, {
    onMessage: invalidate,
    onUp: () => {
      invalidate();
      live = true;
    },
    onDown: (error) => {
      live = false;
      invalidate();
      log?.warn({ error: error?.message }, 'session cache: lost the notification connection; sessions are read from the database until it is back');
    },
  });
  return cache;
}
