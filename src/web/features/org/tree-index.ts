import type { OrgTreeNode } from '../../../domains/org/schema';

/**
 * Look-ups over the org tree the user can see: parent chain, subtree membership and search.
 * Pure; built once per tree response.
 */
export type TreeIndex = {
  byId: Map<string, OrgTreeNode>;
  /** Ids from the root down to (and excluding) the unit. */
  ancestorIds(id: string): string[];
  /** True when `id` is `ancestorId` or lies below it. */
  isWithin(id: string, ancestorId: string): boolean;
  /** Ids of units matching the text (name, short name, code, region code), with all their ancestors. */
  searchVisible(text: string): { matches: Set<string>; visible: Set<string> };
};

export function indexTree(roots: OrgTreeNode[]): TreeIndex {
  const byId = new Map<string, OrgTreeNode>();
  const walk = (nodes: OrgTreeNode[]) => {
    for (const n of nodes) {
      byId.set(n.id, n);
      walk(n.children);
    }
  };
  walk(roots);

  const ancestorIds = (id: string): string[] => {
    const chain: string[] = [];
    let current = byId.get(id)?.parentId ?? null;
    while (current && byId.has(current) && !chain.includes(current)) {
      chain.unshift(current);
      current = byId.get(current)?.parentId ?? null;
    }
    return chain;
  };

  return {
    byId,
    ancestorIds,
    isWithin: (id, ancestorId) => id === ancestorId || ancestorIds(id).includes(ancestorId),
    searchVisible: (text) => {
      const needle = text.trim().toLowerCase();
      const matches = new Set<string>();
      const visible = new Set<string>();
      if (!needle) return { matches, visible };
      for (const n of byId.values()) {
        const hay = [n.name, n.shortName ?? '', n.code, n.regionCode ?? ''].join(' ').toLowerCase();
        if (hay.includes(needle)) {
          matches.add(n.id);
          visible.add(n.id);
          ancestorIds(n.id).forEach((a) => visible.add(a));
        }
      }
      return { matches, visible };
    },
  };
}
