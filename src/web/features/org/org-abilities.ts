import type { Me } from '../../../domains/accounts/schema';
import type { OrgTreeNode } from '../../../domains/org/schema';
import { allowedParentKinds } from '../../../domains/org/rules';
import { roleReach } from '../../../shared/permissions';
import { orgUnitKinds, type OrgUnitKind } from '../../../shared/roles';
import type { TreeIndex } from './tree-index';

/**
 * What the logged-in user may do to a unit, mirroring the server's rules (org/rules.ts
 * `assertCanManage`): full-reach roles manage the whole tree; others manage only units strictly
 * below their own unit, so they may add children to their own unit but not edit it. The server
 * checks again; this only decides which buttons to show.
 */
export type OrgAbilities = {
  /** Edit, move, deactivate/reactivate. */
  canManage(node: OrgTreeNode): boolean;
  /** Add a child under this unit (and the kinds allowed there). */
  canAddChild(node: OrgTreeNode): boolean;
  childKinds(node: { kind: OrgUnitKind }): OrgUnitKind[];
  /** Units a unit may be moved under are limited to this subtree (undefined: anywhere). */
  moveRootId: string | undefined;
};

export function kindsAllowedUnder(parentKind: OrgUnitKind): OrgUnitKind[] {
  return orgUnitKinds.filter((kind) => allowedParentKinds[kind].includes(parentKind));
}

export function orgAbilities(me: Me | null | undefined, index: TreeIndex): OrgAbilities {
  const hasManage = Boolean(me?.permissions.includes('org.manage'));
  const reach = me ? roleReach[me.role] : 'enterprise';
  const ownId = me?.orgUnit.id ?? '';
  const inReach = (id: string, strictlyBelow: boolean) => {
    if (reach === 'all') return true;
    if (reach !== 'subtree') return false;
    return strictlyBelow ? id !== ownId && index.isWithin(id, ownId) : index.isWithin(id, ownId);
  };
  const childKinds = (node: { kind: OrgUnitKind }) => kindsAllowedUnder(node.kind);
  return {
    canManage: (node) => hasManage && inReach(node.id, true),
    canAddChild: (node) => hasManage && node.isActive && inReach(node.id, false) && childKinds(node).length > 0,
    childKinds,
    moveRootId: reach === 'all' ? undefined : ownId,
  };
}
