import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/connect';
import { queryOne } from '../../platform/db/types';
import { createTestDb } from '../../../test/support/create-test-db';
import { metricRegistry } from '../metric-definitions';

let database: Database;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(async () => database.close());

const db = () => database.db;
const scopeOf = async (code: string) => {
  const u = (await queryOne<{ id: string; path: string }>(db(), sql`SELECT id, path FROM org_units WHERE code = ${code}`)) as { id: string; path: string };
  return { orgUnitId: u.id, orgPath: u.path };
};
const n = async (where: ReturnType<typeof sql>) => String((await queryOne<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM enterprises WHERE ${where}`))?.n ?? 0);

describe('enterprise metrics', () => {
  it('count active and high-tech enterprises of a territory as of the period end, with provenance', async () => {
    const changle = await scopeOf('town-changle');
    const count = metricRegistry.find('enterprises.count');
    const highTech = metricRegistry.find('enterprises.high_tech_count');
    const period = { from: '2026-01-01', to: '2026-06-30' };
    const now = new Date('2026-11-26T00:00:00Z');
    const territory = sql`territory_org_unit_id = ${changle.orgUnitId}`;
    const active = sql`(established_on IS NULL OR established_on <= '2026-06-30') AND (status = 'active' OR status_changed_on > '2026-06-30')`;
    const c = await count?.compute(db(), { scope: changle, period, now });
    expect(c?.value).toBe(await n(sql`${territory} AND ${active}`));
    expect(c?.provenance).toMatchObject({ source: '企业名录', computedAt: now.toISOString(), link: expect.stringContaining(changle.orgUnitId) });
    const h = await highTech?.compute(db(), { scope: changle, period, now });
    expect(h?.value).toBe(await n(sql`${territory} AND ${active} AND high_tech_issued_on <= '2026-06-30' AND high_tech_valid_until >= '2026-06-30'`));
    const city = await scopeOf('city');
    expect(Number((await count?.compute(db(), { scope: city, period, now }))?.value)).toBeGreaterThan(Number(c?.value));
  });

  it('counts an enterprise deregistered after the period end, not one deregistered before it', async () => {
    const changle = await scopeOf('town-changle');
    const period = { from: '2025-01-01', to: '2025-12-31' };
    const before = Number((await metricRegistry.find('enterprises.count')?.compute(db(), { scope: changle, period, now: new Date() }))?.value);
    const target = await queryOne<{ id: string }>(db(), sql`SELECT id FROM enterprises WHERE territory_org_unit_id = ${changle.orgUnitId} AND status = 'active' AND established_on < '2025-01-01' LIMIT 1`);
    await db().execute(sql`UPDATE enterprises SET status = 'cancelled', status_changed_on = '2026-03-01' WHERE id = ${target?.id}`);
    expect(Number((await metricRegistry.find('enterprises.count')?.compute(db(), { scope: changle, period, now: new Date() }))?.value)).toBe(before);
    await db().execute(sql`UPDATE enterprises SET status_changed_on = '2025-03-01' WHERE id = ${target?.id}`);
    expect(Number((await metricRegistry.find('enterprises.count')?.compute(db(), { scope: changle, period, now: new Date() }))?.value)).toBe(before - 1);
  });
});
