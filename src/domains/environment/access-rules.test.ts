import { describe, expect, it } from 'vitest';
import { canEnterEnvironmentData, defaultEnvironmentSettings, resolveEnvironmentReadScope } from './access-rules';

describe('environment data entry', () => {
  it.each([
    ['admin', null, true],
    ['office', 'office-quality', true],
    ['bureau', 'dept-amr', true],
    ['department', 'dept-env', true],
    ['department', 'DEPT-ENV', true],
    ['department', 'dept-sci', false],
    ['township', 'town-changle', false],
    ['enterprise', 'town-changle', false],
    ['inspector', null, false],
  ] as const)('%s of %s → %s', (role, code, allowed) => {
    expect(canEnterEnvironmentData(role, code, defaultEnvironmentSettings)).toBe(allowed);
  });

  it('follows the configured departments', () => {
    expect(canEnterEnvironmentData('department', 'dept-agri', { dataEntryDepartmentCodes: ['dept-agri'] })).toBe(true);
    expect(canEnterEnvironmentData('department', 'dept-env', { dataEntryDepartmentCodes: ['dept-agri'] })).toBe(false);
  });

  it('widens reads to the whole city only for data-entry users', () => {
    const subtree = { kind: 'subtree', rootId: 'a', rootPath: '/r/a/' } as const;
    expect(resolveEnvironmentReadScope(subtree, true)).toEqual({ kind: 'all' });
    expect(resolveEnvironmentReadScope(subtree, false)).toBe(subtree);
  });
});
