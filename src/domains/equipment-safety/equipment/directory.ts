import { systemActor, withScope } from '../../../shared/actor';
import type { Db } from '../../../platform/db/types';
import type { OrgUnitKind, UserFlag } from '../../../shared/roles';
import { listUsers } from '../../accounts';
import { findEnterpriseNames, findEnterprisesByIds, type EnterpriseRecord } from '../../enterprises';
import { listOrgUnitOptions } from '../../org';

/**
 * Names and tree positions of org units and enterprises, read through the other domains' public
 * doors. The org tree is small and cached per process for a short time (labels and roll-ups only;
 * scope checks always run in SQL against the live tree).
 */
export type OrgNode = { id: string; parentId: string | null; kind: OrgUnitKind; name: string; path: string };

export type OrgIndex = {
  get(id: string): OrgNode | null;
  nameOf(id: string): string;
  /** Root first, the unit itself last. */
  ancestry(id: string): OrgNode[];
  /** The unit directly below `parentId` on the way to `id` (or null when `id` is not below it). */
  childOnPathTo(parentId: string, id: string): OrgNode | null;
  children(parentId: string): OrgNode[];
  all(): OrgNode[];
};

const ORG_TTL_MS = 30_000;
let orgCache: { index: OrgIndex; at: number } | null = null;

export async function loadOrgIndex(db: Db): Promise<OrgIndex> {
  if (orgCache && Date.now() - orgCache.at < ORG_TTL_MS) return orgCache.index;
  const units = await listOrgUnitOptions(db, { includeInactive: true });
  const raw = new Map(units.map((u) => [u.id, u]));
  const nodes = new Map<string, OrgNode>();
  const build = (id: string, guard = 0): OrgNode | null => {
    const known = nodes.get(id);
    if (known) return known;
    const u = raw.get(id);
    if (!u || guard > 64) return null;
    const parent = u.parentId ? build(u.parentId, guard + 1) : null;
    const node: OrgNode = { id, parentId: u.parentId, kind: u.kind, name: u.name, path: `${parent?.path ?? '/'}${id}/` };
    nodes.set(id, node);
    return node;
  };
  for (const u of units) build(u.id);
  const ordered = units.map((u) => nodes.get(u.id)).filter((n): n is OrgNode => n !== undefined);
  const index: OrgIndex = {
    get: (id) => nodes.get(id) ?? null,
    nameOf: (id) => nodes.get(id)?.name ?? '（未知单位）',
    ancestry: (id) => {
      const node = nodes.get(id);
      if (!node) return [];
      return node.path
        .split('/')
        .filter((p) => p !== '')
        .map((p) => nodes.get(p))
        .filter((n): n is OrgNode => n !== undefined);
    },
    childOnPathTo: (parentId, id) => {
      const chain = index.ancestry(id);
      const at = chain.findIndex((n) => n.id === parentId);
      return at >= 0 ? (chain[at + 1] ?? null) : null;
    },
    children: (parentId) => ordered.filter((n) => n.parentId === parentId),
    all: () => ordered,
  };
  orgCache = { index, at: Date.now() };
  return index;
}

/** Territorial kinds a device's 属地 may be (below the city). */
export const deviceTerritoryKinds: readonly OrgUnitKind[] = ['township', 'street', 'park', 'village'];

export async function loadEnterprises(db: Db, ids: ReadonlyArray<string | null>): Promise<Map<string, EnterpriseRecord>> {
  const wanted = ids.filter((id): id is string => id !== null);
  if (wanted.length === 0) return new Map();
  return new Map((await findEnterprisesByIds(db, wanted)).map((e) => [e.id, e]));
}

/**
 * Enterprise names only, for labelling list rows. Names are cached per process for NAME_TTL_MS (a
 * renamed use unit shows its new name in lists within a minute; detail pages read it fresh), which
 * saves a query on most list pages.
 */
const NAME_TTL_MS = 60_000;
const NAME_CACHE_MAX = 50_000;
const nameCache = new Map<string, { name: string; at: number }>();

export async function loadEnterpriseNames(db: Db, ids: ReadonlyArray<string | null>): Promise<Map<string, { name: string }>> {
  const now = Date.now();
  const out = new Map<string, { name: string }>();
  const missing: string[] = [];
  for (const id of ids) {
    if (id === null || out.has(id)) continue;
    const hit = nameCache.get(id);
    if (hit && now - hit.at < NAME_TTL_MS) out.set(id, { name: hit.name });
    else missing.push(id);
  }
  if (missing.length > 0) {
    if (nameCache.size > NAME_CACHE_MAX) nameCache.clear();
    for (const [id, name] of await findEnterpriseNames(db, missing)) {
      nameCache.set(id, { name, at: now });
      out.set(id, { name });
    }
  }
  return out;
}

export type DirectoryUser = { id: string; displayName: string; phone: string | null; orgUnitId: string; orgUnitName: string; enterpriseId: string | null };

/** Active users with a duty flag, or of a role, city-wide (paged through the accounts domain). */
export async function listDirectoryUsers(db: Db, filter: { flag?: UserFlag; role?: 'enterprise' }): Promise<DirectoryUser[]> {
  const actor = withScope(systemActor('equipment'), { kind: 'all' });
  const users: DirectoryUser[] = [];
  for (let page = 1; page <= 500; page += 1) {
    const result = await listUsers(db, {
      actor,
      query: { ...(filter.flag ? { flag: filter.flag } : {}), ...(filter.role ? { role: filter.role } : {}), includeSubunits: true, active: 'true', page, pageSize: 200, sort: 'username' },
    });
    users.push(...result.items.map((u) => ({ id: u.id, displayName: u.displayName, phone: u.phone, orgUnitId: u.orgUnitId, orgUnitName: u.orgUnitName, enterpriseId: u.enterpriseId })));
    if (result.items.length < 200) break;
  }
  return users;
}

/** Safety coordinators (特种设备安全协管员) responsible for a territory: flagged users on its org path below the city. */
export function coordinatorsFor(territoryId: string, org: OrgIndex, coordinators: readonly DirectoryUser[]): DirectoryUser[] {
  const chain = new Set(
    org
      .ancestry(territoryId)
      .filter((n) => n.kind !== 'city')
      .map((n) => n.id),
  );
  return coordinators.filter((u) => chain.has(u.orgUnitId));
}
