import { describe, expect, it } from 'vitest';
import { deviceAbilities, deviceReadScope } from './access-rules';

describe('deviceReadScope', () => {
  const subtree = { kind: 'subtree' as const, rootId: 'u', rootPath: '/c/u/' };
  it.each([
    ['office', { kind: 'all' as const }, { kind: 'all' }],
    ['township', subtree, { kind: 'territory', rootPath: '/c/u/' }],
    ['department', subtree, { kind: 'supervising', rootPath: '/c/u/' }],
    ['inspector', subtree, { kind: 'all' }],
    ['enterprise', { kind: 'enterprise' as const, enterpriseId: 'e' }, { kind: 'enterprise', enterpriseId: 'e' }],
  ] as const)('%s sees %j', (role, scope, expected) => {
    expect(deviceReadScope(role, scope)).toEqual(expected);
  });
});

describe('deviceAbilities', () => {
  it('gives the registry authority every lifecycle action the status allows', () => {
    expect(deviceAbilities({ kind: 'user', role: 'bureau' }, { status: 'in_use' })).toEqual({
      edit: true,
      editRegistry: true,
      recordInspection: true,
      recordMaintenance: true,
      manageOperators: true,
      registrationActions: ['stop', 'change', 'transfer', 'scrap'],
    });
  });

  it.each([
    ['township', { edit: true, editRegistry: false, recordInspection: false, recordMaintenance: false, manageOperators: false, registrationActions: [] }],
    ['inspector', { edit: false, editRegistry: false, recordInspection: true, recordMaintenance: false, manageOperators: false, registrationActions: [] }],
    ['enterprise', { edit: false, editRegistry: false, recordInspection: false, recordMaintenance: true, manageOperators: true, registrationActions: [] }],
    ['office', { edit: false, editRegistry: false, recordInspection: false, recordMaintenance: false, manageOperators: false, registrationActions: [] }],
  ] as const)('%s', (role, expected) => {
    expect(deviceAbilities({ kind: 'user', role }, { status: 'in_use' })).toEqual(expected);
  });
});
