import { describe, expect, it } from 'vitest';
import { assertCanManage, assertDeactivatable, assertMovable, assertParentKind, assertRegionCode, buildTree } from './rules';

describe('assertParentKind', () => {
  it.each([
    ['township', 'city', true],
    ['village', 'township', true],
    ['village', 'park', true],
    ['village', 'city', false],
    ['station', 'department', true],
    ['department', 'township', false],
    ['office', 'city', true],
  ] as const)('%s under %s → %s', (kind, parent, ok) => {
    if (ok) expect(() => assertParentKind(kind, parent)).not.toThrow();
    else expect(() => assertParentKind(kind, parent)).toThrow(expect.objectContaining({ code: 'org_unit.invalid_parent' }));
  });
});

describe('assertRegionCode', () => {
  it.each([
    ['township', '320684', '320684', null],
    ['township', null, '320684', 'org_unit.region_code_required'],
    ['township', '320602', '320684', 'org_unit.region_code_outside_parent'],
    ['village', '320684', '320684', null],
    ['department', '320684', '320684', 'org_unit.region_code_not_allowed'],
    ['department', null, '320684', null],
    ['city', '320684', null, null],
  ] as const)('%s with %s under %s', (kind, code, parentCode, error) => {
    const run = () => assertRegionCode(kind, code, parentCode);
    if (error) expect(run).toThrow(expect.objectContaining({ code: error }));
    else expect(run).not.toThrow();
  });
});

describe('assertCanManage', () => {
  const scope = { kind: 'subtree' as const, rootId: 't', rootPath: '/c/t/' };
  it('allows units strictly below the actor, not the actor itself or neighbours', () => {
    expect(() => assertCanManage(scope, '/c/t/v/')).not.toThrow();
    expect(() => assertCanManage(scope, '/c/t/')).toThrow(expect.objectContaining({ code: 'org_unit.outside_scope' }));
    expect(() => assertCanManage(scope, '/c/u/')).toThrow();
    expect(() => assertCanManage({ kind: 'all' }, '/c/')).not.toThrow();
  });
});

describe('assertMovable / assertDeactivatable', () => {
  it('refuses moving the root or into its own subtree', () => {
    expect(() => assertMovable({ path: '/c/', parentId: null }, { path: '/d/', id: 'd' })).toThrow(expect.objectContaining({ code: 'org_unit.root_immovable' }));
    expect(() => assertMovable({ path: '/c/t/', parentId: 'c' }, { path: '/c/t/v/', id: 'v' })).toThrow(expect.objectContaining({ code: 'org_unit.move_into_own_subtree' }));
    expect(() => assertMovable({ path: '/c/t/', parentId: 'c' }, { path: '/c/u/', id: 'u' })).not.toThrow();
  });
  it('refuses deactivating a unit that still has active children or users', () => {
    expect(() => assertDeactivatable({ activeChildren: 1, activeUsers: 0 }, false)).toThrow(expect.objectContaining({ code: 'org_unit.has_active_children' }));
    expect(() => assertDeactivatable({ activeChildren: 0, activeUsers: 2 }, false)).toThrow(expect.objectContaining({ code: 'org_unit.has_active_users' }));
    expect(() => assertDeactivatable({ activeChildren: 0, activeUsers: 0 }, false)).not.toThrow();
  });
});

describe('buildTree', () => {
  it('nests children under parents and keeps orphans as roots', () => {
    const tree = buildTree([
      { id: 'c', parentId: null },
      { id: 't', parentId: 'c' },
      { id: 'v', parentId: 't' },
      { id: 'x', parentId: 'missing' },
    ]);
    expect(tree.map((n) => n.id)).toEqual(['c', 'x']);
    expect(tree[0]?.children[0]?.id).toBe('t');
    expect((tree[0]?.children[0]?.children[0] as { id: string }).id).toBe('v');
  });
});
