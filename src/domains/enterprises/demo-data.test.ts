import { describe, expect, it } from 'vitest';
import { normaliseHeader } from '../../platform/import/header-map';
import { demoTerritoryCodes, generateDemoEnterprises } from './demo-data';
import { enterpriseExportColumns } from './export-columns';
import { EXAMPLE_CREDIT_CODE, enterpriseImportColumns } from './import-columns';
import { isValidIndustryCode } from './industry-rules';
import { createEnterpriseInputSchema } from './schema';
import { isValidUscc } from './uscc-rules';

describe('generateDemoEnterprises', () => {
  const today = '2026-11-26';
  const demo = generateDemoEnterprises({ count: 2000, today });

  it('makes 2,000 distinct, valid enterprises that pass the API schema', () => {
    expect(new Set(demo.map((d) => d.creditCode)).size).toBe(2000);
    expect(new Set(demo.map((d) => d.name)).size).toBe(2000);
    for (const d of demo) {
      expect(isValidUscc(d.creditCode)).toBe(true);
      expect(isValidIndustryCode(d.industryCode)).toBe(true);
      const { territoryCode: _t, statusChangedOn: _s, ...input } = d;
      const parsed = createEnterpriseInputSchema.safeParse({ ...input, territoryOrgUnitId: '3f1c2a9e-8b7d-4c6e-9a5b-1d2e3f4a5b6c' });
      expect(parsed.success, `${d.name}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      expect(d.establishedOn <= today).toBe(true);
      if (d.highTechCertificate) expect(d.highTechCertificate.issuedOn <= today).toBe(true);
      if (d.status !== 'active') expect(d.statusChangedOn && d.statusChangedOn <= today && d.statusChangedOn >= d.establishedOn).toBeTruthy();
    }
  });

  it('spreads them over every demo territory and mixes scale, status and high-tech', () => {
    expect(new Set(demo.map((d) => d.territoryCode))).toEqual(new Set(demoTerritoryCodes));
    expect(demo.filter((d) => d.status === 'cancelled').length).toBeGreaterThan(20);
    expect(demo.filter((d) => d.highTechCertificate && d.highTechCertificate.validUntil >= today).length).toBeGreaterThan(30);
    expect(demo.filter((d) => d.highTechCertificate && d.highTechCertificate.validUntil < today).length).toBeGreaterThan(5);
    expect(new Set(demo.map((d) => d.scaleClass))).toEqual(new Set(['large', 'medium', 'small', 'micro']));
    expect(demo[0]).toMatchObject({ name: '海门某某机械有限公司', territoryCode: 'town-changle', formerNames: ['海门某某农机厂'] });
  });

  it('is deterministic for a seed', () => {
    expect(generateDemoEnterprises({ count: 5, today })).toEqual(generateDemoEnterprises({ count: 5, today }));
  });
});

describe('import and export columns', () => {
  it('have no header or alias that maps to two columns, and a valid example code', () => {
    const names = enterpriseImportColumns.flatMap((c) => [c.header, ...(c.aliases ?? [])].map(normaliseHeader));
    expect(new Set(names).size).toBe(names.length);
    expect(isValidUscc(EXAMPLE_CREDIT_CODE)).toBe(true);
  });

  it('export every import column under the same header (an export can be imported again)', () => {
    const exported = enterpriseExportColumns.map((c) => c.header);
    for (const c of enterpriseImportColumns) expect(exported).toContain(c.header);
    const known = new Set(enterpriseImportColumns.flatMap((c) => [c.header, ...(c.aliases ?? [])].map(normaliseHeader)));
    const readOnly = exported.filter((h) => !enterpriseImportColumns.some((c) => c.header === h));
    for (const h of readOnly) expect(known.has(normaliseHeader(h))).toBe(false);
  });
});
