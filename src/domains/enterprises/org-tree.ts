import type { DataScope } from '../../shared/actor';
import type { OrgUnitKind } from '../../shared/roles';
import type { OrgUnitOption } from '../org';
import { isEnterpriseTerritoryKind } from './enterprise-rules';

/**
 * The org-unit tree as the enterprise registry needs it (names, materialised paths, sub-units,
 * territory lookup by name). Pure: built from the org domain's unit list (org-directory.ts loads
 * it; an import worker rebuilds it from the same data).
 */
export type OrgNode = { id: string; parentId: string | null; kind: OrgUnitKind; name: string; code: string; path: string; isActive: boolean };

export type OrgDirectory = {
  get(id: string): OrgNode | null;
  nameOf(id: string): string;
  /** From the root down to the unit itself. */
  ancestry(id: string): OrgNode[];
  /** The unit and every unit below it. */
  subtreeIds(id: string): string[];
  /** Active township/street/park units inside the scope, in tree order. */
  territories(scope: DataScope): OrgNode[];
  /** A territory by its name, short name or code (exact, whitespace ignored). */
  findTerritory(text: string): OrgNode | null;
  isInScope(id: string, scope: DataScope): boolean;
  /** The plain data the directory was built from (to rebuild it elsewhere, e.g. in an import worker). */
  data: OrgDirectoryData;
};

export type OrgDirectoryData = { units: OrgUnitOption[]; activeIds: string[] };

export function buildOrgDirectory(data: OrgDirectoryData): OrgDirectory {
  const all = data.units;
  const activeIds = new Set(data.activeIds);
  const raw = new Map(all.map((u) => [u.id, u]));
  const nodes = new Map<string, OrgNode>();
  const pathOf = (id: string, guard = 0): string => {
    const known = nodes.get(id);
    if (known) return known.path;
    const u = raw.get(id);
    if (!u || guard > 64) return `/${id}/`;
    const path = u.parentId ? `${pathOf(u.parentId, guard + 1)}${id}/` : `/${id}/`;
    nodes.set(id, { id, parentId: u.parentId, kind: u.kind, name: u.name, code: u.code, path, isActive: activeIds.has(id) });
    return path;
  };
  for (const u of all) pathOf(u.id);
  const ordered = all.map((u) => nodes.get(u.id) as OrgNode);
  const byName = new Map<string, OrgNode>();
  for (const n of ordered) {
    if (!isEnterpriseTerritoryKind(n.kind) || !n.isActive) continue;
    for (const key of [n.name, n.code]) byName.set(key.replace(/\s+/g, '').toLowerCase(), n);
  }
  const territoryOf = new Map<string, OrgNode | null>();
  const isInScope = (id: string, scope: DataScope) => {
    if (scope.kind === 'all') return true;
    if (scope.kind !== 'subtree') return false;
    return (nodes.get(id)?.path ?? '').startsWith(scope.rootPath);
  };
  return {
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
    subtreeIds: (id) => {
      const root = nodes.get(id);
      if (!root) return [id];
      return ordered.filter((n) => n.path.startsWith(root.path)).map((n) => n.id);
    },
    territories: (scope) => ordered.filter((n) => n.isActive && isEnterpriseTerritoryKind(n.kind) && isInScope(n.id, scope)),
    findTerritory: (text) => {
      // An import asks for the same few names 100,000 times: remember the answers (the tree does not change).
      let found = territoryOf.get(text);
      if (found === undefined) {
        found = byName.get(text.normalize('NFKC').replace(/\s+/g, '').toLowerCase()) ?? null;
        if (territoryOf.size >= 1000) territoryOf.clear();
        territoryOf.set(text, found);
      }
      return found;
    },
    isInScope,
    data,
  };
}
