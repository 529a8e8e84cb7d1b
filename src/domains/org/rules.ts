import type { DataScope } from '../../shared/actor';
import { conflict, forbidden, invalid } from '../../shared/errors';
import { isRegionCodeWithin } from '../../shared/region-code';
import { orgUnitKindLabels, territorialKinds, type OrgUnitKind } from '../../shared/roles';

/** Which kinds may hang under which (三级监管网络: city → departments / townships → villages). */
export const allowedParentKinds: Record<OrgUnitKind, readonly OrgUnitKind[]> = {
  city: [],
  office: ['city'],
  department: ['city'],
  station: ['department', 'city'],
  township: ['city'],
  street: ['city'],
  park: ['city'],
  village: ['township', 'street', 'park'],
};

export function isTerritorial(kind: OrgUnitKind): boolean {
  return territorialKinds.includes(kind);
}

export function assertParentKind(kind: OrgUnitKind, parentKind: OrgUnitKind): void {
  if (!allowedParentKinds[kind].includes(parentKind)) {
    throw invalid('org_unit.invalid_parent', `「${orgUnitKindLabels[kind].zh}」不能设在「${orgUnitKindLabels[parentKind].zh}」之下`, {
      kind,
      parentKind,
      allowed: allowedParentKinds[kind],
    });
  }
}

/**
 * Territorial units carry a GB/T 2260 code that lies within their parent's territory; other
 * units carry none.
 */
export function assertRegionCode(kind: OrgUnitKind, regionCode: string | null, parentRegionCode: string | null): void {
  if (!isTerritorial(kind)) {
    if (regionCode) throw invalid('org_unit.region_code_not_allowed', `「${orgUnitKindLabels[kind].zh}」不是属地单位，不设行政区划代码`);
    return;
  }
  if (!regionCode) throw invalid('org_unit.region_code_required', `属地单位（${orgUnitKindLabels[kind].zh}）须填写行政区划代码`);
  if (parentRegionCode && !isRegionCodeWithin(regionCode, parentRegionCode)) {
    throw invalid('org_unit.region_code_outside_parent', `行政区划代码 ${regionCode} 不在上级单位辖区 ${parentRegionCode} 之内`);
  }
}

/** Paths are `/rootId/childId/…/ownId/`; a subtree is every path that starts with its root's path. */
export function childPath(parentPath: string, id: string): string {
  return `${parentPath}${id}/`;
}

export function isDescendantPath(path: string, ancestorPath: string): boolean {
  return path.startsWith(ancestorPath) && path !== ancestorPath;
}

/**
 * Users with full reach manage the whole tree; others manage only units strictly below their own
 * (a township can add and rename its villages, not rename itself or touch a neighbour).
 */
export function assertCanManage(scope: DataScope, targetPath: string): void {
  if (scope.kind === 'all') return;
  if (scope.kind === 'subtree' && isDescendantPath(targetPath, scope.rootPath)) return;
  throw forbidden('org_unit.outside_scope', '只能管理本单位下属的组织');
}

export function assertMovable(unit: { path: string; parentId: string | null }, newParent: { path: string; id: string }): void {
  if (unit.parentId === null) throw conflict('org_unit.root_immovable', '根单位不能移动');
  if (newParent.path.startsWith(unit.path)) throw conflict('org_unit.move_into_own_subtree', '不能移动到自身或其下级之下');
}

export function assertDeactivatable(counts: { activeChildren: number; activeUsers: number }, isRoot: boolean): void {
  if (isRoot) throw conflict('org_unit.root_immovable', '根单位不能停用');
  if (counts.activeChildren > 0) throw conflict('org_unit.has_active_children', `仍有 ${counts.activeChildren} 个启用的下级单位，请先停用或移走`);
  if (counts.activeUsers > 0) throw conflict('org_unit.has_active_users', `仍有 ${counts.activeUsers} 个启用的用户，请先停用或调走`);
}

/** Build a tree from a flat, path-ordered list; nodes whose parent is not in the list become roots. */
export function buildTree<T extends { id: string; parentId: string | null }>(units: T[]): Array<T & { children: Array<T & { children: unknown[] }> }> {
  type Node = T & { children: Node[] };
  const byId = new Map<string, Node>();
  for (const u of units) byId.set(u.id, { ...u, children: [] });
  const roots: Node[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
