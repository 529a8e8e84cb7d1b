import { describe, it, expect } from 'vitest';
import { isDomainError } from '../../shared/errors';
import { orgUnitKinds } from '../../shared/roles';
import { enterpriseSorts } from './enterprise-enums';
import { assertEnterpriseDatesNotFuture, isEnterpriseTerritoryKind, isHighTechOn, parseEnterpriseSort } from './enterprise-rules';

describe('parseEnterpriseSort', () => {
  it.each([
    ['name', 'name', 'asc'],
    ['-name', 'name', 'desc'],
    ['-establishedOn', 'establishedOn', 'desc'],
    ['registeredCapital', 'registeredCapital', 'asc'],
  ] as const)('%s → %s %s', (sort, field, direction) => {
    expect(parseEnterpriseSort(sort)).toEqual({ field, direction });
  });

  it('offers every field in both directions', () => {
    expect(enterpriseSorts).toHaveLength(16);
    expect(enterpriseSorts).toContain('-updatedAt');
  });
});

describe('isEnterpriseTerritoryKind', () => {
  it('accepts township, street and park only', () => {
    expect(orgUnitKinds.filter(isEnterpriseTerritoryKind)).toEqual(['township', 'street', 'park']);
  });
});

describe('isHighTechOn', () => {
  const certificate = { issuedOn: '2023-12-12', validUntil: '2026-12-11' };
  it.each([
    ['2023-12-11', false],
    ['2023-12-12', true],
    ['2025-06-30', true],
    ['2026-12-11', true],
    ['2026-12-12', false],
  ])('on %s → %s', (date, expected) => {
    expect(isHighTechOn(certificate, date)).toBe(expected);
  });

  it('is false without a certificate', () => {
    expect(isHighTechOn(null, '2025-01-01')).toBe(false);
  });
});

describe('assertEnterpriseDatesNotFuture', () => {
  const today = '2026-11-26';
  it.each([
    [{}],
    [{ establishedOn: null, highTechCertificate: null }],
    [{ establishedOn: '2026-11-26' }],
    [{ establishedOn: '1987-09-15', highTechCertificate: { issuedOn: '2026-11-26', validUntil: '2029-11-25' } }],
  ])('accepts %j', (input) => {
    expect(() => assertEnterpriseDatesNotFuture(input, today)).not.toThrow();
  });

  it.each([
    [{ establishedOn: '2026-11-27' }, 'enterprise.future_established_on'],
    [{ highTechCertificate: { issuedOn: '2027-01-01', validUntil: '2029-12-31' } }, 'enterprise.future_certificate_issued_on'],
  ])('refuses %j with %s', (input, code) => {
    let thrown: unknown;
    try {
      assertEnterpriseDatesNotFuture(input, today);
    } catch (error) {
      thrown = error;
    }
    expect(isDomainError(thrown) && thrown.kind === 'invalid' && thrown.code).toBe(code);
  });
});
