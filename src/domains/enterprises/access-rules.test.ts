import { describe, expect, it } from 'vitest';
import type { DataScope } from '../../shared/actor';
import { isDomainError } from '../../shared/errors';
import type { Role } from '../../shared/roles';
import { assertMayChangeFields, enterpriseAbilities, enterpriseReadScope, forbiddenRegistryChanges } from './access-rules';
import { applyEnterprisePatch, changedFields, describeChanges, mergeImportedContacts, type EnterpriseData } from './record-rules';

const town: DataScope = { kind: 'subtree', rootId: 't1', rootPath: '/root/t1/' };
const user = (role: Role, scope: DataScope, enterpriseId: string | null = null) => ({ kind: 'user' as const, role, scope, enterpriseId });
const inT1 = { id: 'e1', territoryPath: '/root/t1/' };
const inT2 = { id: 'e2', territoryPath: '/root/t2/' };

describe('enterpriseReadScope', () => {
  it('widens departments and inspectors to the whole city, keeps townships and enterprises narrow', () => {
    expect(enterpriseReadScope('department', town)).toEqual({ kind: 'all' });
    expect(enterpriseReadScope('inspector', town)).toEqual({ kind: 'all' });
    expect(enterpriseReadScope('township', town)).toBe(town);
    const own: DataScope = { kind: 'enterprise', enterpriseId: 'e1' };
    expect(enterpriseReadScope('enterprise', own)).toBe(own);
  });
});

describe('enterpriseAbilities', () => {
  it.each([
    ['bureau', { kind: 'all' } as DataScope, inT2, { edit: true, editRegistry: true, editContacts: true }],
    ['office', { kind: 'all' } as DataScope, inT2, { edit: true, editRegistry: false, editContacts: true }],
    ['township', town, inT1, { edit: true, editRegistry: false, editContacts: true }],
    ['township', town, inT2, { edit: false, editRegistry: false, editContacts: false }],
    ['department', { kind: 'all' } as DataScope, inT1, { edit: false, editRegistry: false, editContacts: false }],
  ] as const)('%s on %j', (role, scope, target, expected) => {
    expect(enterpriseAbilities(user(role, scope), target)).toEqual(expected);
  });

  it('lets an enterprise user edit only its own contacts', () => {
    const ent = user('enterprise', { kind: 'enterprise', enterpriseId: 'e1' }, 'e1');
    expect(enterpriseAbilities(ent, inT1)).toEqual({ edit: false, editRegistry: false, editContacts: true });
    expect(enterpriseAbilities(ent, { ...inT1, id: 'other' }).editContacts).toBe(false);
  });
});

describe('field rights', () => {
  const code = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      return isDomainError(e) ? e.code : 'other';
    }
    return null;
  };

  it('refuses registry fields without the bureau right, and anything without edit', () => {
    const township = { edit: true, editRegistry: false, editContacts: true };
    expect(code(() => assertMayChangeFields(township, ['tags', 'scaleClass']))).toBeNull();
    expect(code(() => assertMayChangeFields(township, ['tags', 'name']))).toBe('enterprise.registry_field_forbidden');
    expect(code(() => assertMayChangeFields({ edit: false, editRegistry: false, editContacts: true }, ['tags']))).toBe('enterprise.edit_forbidden');
    expect(forbiddenRegistryChanges(township, ['name', 'tags', 'status'])).toEqual(['name', 'status']);
  });
});

describe('record rules', () => {
  const base: EnterpriseData = {
    creditCode: '914403001922038216',
    name: '华为技术有限公司',
    formerNames: [],
    legalRepresentative: null,
    registeredAddress: null,
    territoryOrgUnitId: 't',
    industryCode: null,
    registeredCapital: null,
    registeredCapitalCurrency: 'CNY',
    establishedOn: null,
    scaleClass: null,
    aboveDesignatedSize: false,
    highTechCertificate: null,
    contacts: [
      { name: '张三', role: '质量负责人', phone: '1', email: null, isPrimary: true },
      { name: '李四', role: null, phone: '2', email: null, isPrimary: false },
    ],
    status: 'active',
    tags: ['a'],
  };

  it('applies only present fields (null clears) and lists real changes', () => {
    const next = applyEnterprisePatch(base, { tags: ['a'], industryCode: '3484', legalRepresentative: undefined });
    expect(changedFields(base, next)).toEqual(['industryCode']);
    expect(describeChanges(base, next)).toEqual({ industryCode: [null, '3484'] });
    expect(changedFields(base, applyEnterprisePatch(base, { tags: [] }))).toEqual(['tags']);
  });

  it('an imported contact replaces the primary one and keeps the others', () => {
    const merged = mergeImportedContacts(base.contacts, [{ name: '王五', role: null, phone: '3', email: null, isPrimary: true }]);
    expect(merged.map((c) => [c.name, c.isPrimary])).toEqual([
      ['王五', true],
      ['李四', false],
    ]);
    expect(mergeImportedContacts(base.contacts, [{ name: '李四', role: null, phone: '9', email: null, isPrimary: true }])).toEqual([{ name: '李四', role: null, phone: '9', email: null, isPrimary: true }]);
    expect(mergeImportedContacts(base.contacts, [])).toEqual(base.contacts);
  });
});
