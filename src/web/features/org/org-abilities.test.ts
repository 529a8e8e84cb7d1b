import { describe, expect, it } from 'vitest';
import type { Me } from '../../../domains/accounts/schema';
import type { OrgTreeNode } from '../../../domains/org/schema';
import { rolePermissions } from '../../../shared/permissions';
import type { OrgUnitKind, Role } from '../../../shared/roles';
import { kindsAllowedUnder, orgAbilities } from './org-abilities';
import { indexTree } from './tree-index';

function unit(id: string, kind: OrgUnitKind, name: string, children: OrgTreeNode[] = [], isActive = true): OrgTreeNode {
  const node: OrgTreeNode = {
    id, parentId: null, kind, code: id, name, shortName: null, regionCode: null, depth: 0, sortOrder: 0,
    contactPerson: null, contactPhone: null, address: null, isActive, deactivatedAt: null, version: 1,
    createdAt: '', updatedAt: '', children,
  };
  for (const c of children) c.parentId = id;
  return node;
}

const village = unit('village-xinghe', 'village', '兴和村');
const closedVillage = unit('village-old', 'village', '旧村', [], false);
const town1 = unit('town-changle', 'township', '常乐镇', [village, closedVillage]);
const town2 = unit('town-yuelai', 'township', '悦来镇', [unit('village-yongjin', 'village', '永进村')]);
const dept = unit('dept-amr', 'department', '市场监管局', [unit('station-changle', 'station', '常乐市场监督管理所')]);
const city = unit('city', 'city', '海门市人民政府', [town1, town2, dept]);
const index = indexTree([city]);

function me(role: Role, orgUnitId: string): Me {
  return {
    id: 'u', username: role, displayName: role, role, flags: [], orgUnit: { id: orgUnitId, name: '', kind: 'township' },
    enterpriseId: null, permissions: [...rolePermissions[role]], mustChangePassword: false, csrfToken: '',
  };
}

describe('orgAbilities', () => {
  it('lets a township manage units below it but not itself or a neighbour', () => {
    const can = orgAbilities(me('township', 'town-changle'), index);
    expect(can.canManage(village)).toBe(true);
    expect(can.canManage(town1)).toBe(false);
    expect(can.canManage(town2)).toBe(false);
    expect(can.canAddChild(town1)).toBe(true);
    expect(can.canAddChild(town2)).toBe(false);
    expect(can.moveRootId).toBe('town-changle');
  });

  it('lets the office manage the whole tree, including the root', () => {
    const can = orgAbilities(me('office', 'office-quality'), index);
    expect([city, town2, dept].every((n) => can.canManage(n))).toBe(true);
    expect(can.canAddChild(city)).toBe(true);
    expect(can.moveRootId).toBeUndefined();
  });

  it('gives read-only roles no actions', () => {
    const can = orgAbilities(me('bureau', 'dept-amr'), index);
    expect(can.canManage(village)).toBe(false);
    expect(can.canAddChild(city)).toBe(false);
  });

  it('offers no child under an inactive unit or a kind that takes no children', () => {
    const can = orgAbilities(me('office', 'office-quality'), index);
    expect(can.canAddChild(closedVillage)).toBe(false);
    expect(can.canAddChild(village)).toBe(false); // nothing hangs under a village
  });
});

describe('kindsAllowedUnder', () => {
  it('follows allowedParentKinds of the org rules', () => {
    expect(kindsAllowedUnder('township')).toEqual(['village']);
    expect(kindsAllowedUnder('department')).toEqual(['station']);
    expect(kindsAllowedUnder('city')).toEqual(expect.arrayContaining(['office', 'department', 'township', 'street', 'park', 'station']));
    expect(kindsAllowedUnder('city')).not.toContain('village');
  });
});

describe('indexTree', () => {
  it('finds ancestors and subtree membership', () => {
    expect(index.ancestorIds('village-xinghe')).toEqual(['city', 'town-changle']);
    expect(index.isWithin('village-xinghe', 'town-changle')).toBe(true);
    expect(index.isWithin('village-yongjin', 'town-changle')).toBe(false);
  });

  it('searches names and codes and keeps the matches’ ancestors visible', () => {
    const { matches, visible } = index.searchVisible('兴和');
    expect([...matches]).toEqual(['village-xinghe']);
    expect([...visible].sort()).toEqual(['city', 'town-changle', 'village-xinghe']);
    expect(index.searchVisible('STATION').matches.has('station-changle')).toBe(true);
  });
});
