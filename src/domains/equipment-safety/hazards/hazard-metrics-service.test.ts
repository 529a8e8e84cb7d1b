import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixedClock, type TestApp, type TestClient } from '../../../../test/support/create-test-app';
import { metricRegistry } from '../../metric-definitions';
import { queryOne } from '../../../platform/db/types';
import type { MetricValue } from '../../../platform/metrics';
import { loadDemoIds, report, step, uploadPhoto, type DemoIds } from './hazard-route-test-support';

/**
 * A known set of hazards in a fresh village (so the demo data stays out of the scope), March 2026:
 *   H1 general: confirmed 03-02, closed 03-05 (deadline 03-12), reopened 03-10 (new deadline 03-20), closed again 03-16;
 *   H2 general: confirmed 03-02, closed 03-20, after its deadline 03-12 (late);
 *   H3 major:   confirmed 03-02, rectifying, deadline 06-02 (not overdue);
 *   H4 general: confirmed 03-02, rectifying, deadline 03-12 (overdue on 03-31);
 *   H5 self-check by ent1, reported, not confirmed;  H6 a draft (not counted anywhere).
 */
const clock = fixedClock('2026-03-02T02:00:00Z');
let t: TestApp;
let ids: DemoIds;
let village: { id: string; path: string };

async function on(day: string, work: (c: Record<'bureau' | 'town1' | 'ent1', TestClient>) => Promise<void>) {
  clock.set(`${day}T02:00:00Z`);
  const [bureau, town1, ent1] = await Promise.all([t.as('bureau'), t.as('town1'), t.as('ent1')]);
  await work({ bureau, town1, ent1 });
}

async function close(c: Record<'bureau' | 'town1' | 'ent1', TestClient>, id: string) {
  const photo = await uploadPhoto(t, c.town1);
  await step(c.town1, id, { action: 'submit_rectification', note: '已整改', afterPhotos: [photo] });
  await step(c.town1, id, { action: 'verify_pass', note: '复查合格' });
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  ids = await loadDemoIds(t);
  const office = await t.as('office');
  const created = await office.post('/api/v1/org-units', { parentId: ids.town1, kind: 'village', code: 'village-metrics-test', name: '指标测试村', regionCode: '320684' });
  village = (await queryOne<{ id: string; path: string }>(t.database.db, sql`SELECT id, path FROM org_units WHERE id = ${created.body.id}`)) as { id: string; path: string };

  const h: string[] = [];
  await on('2026-03-02', async (c) => {
    for (const [title, grade] of [['H1', 'general'], ['H2', 'general'], ['H3', 'major'], ['H4', 'general']] as const) {
      const photo = await uploadPhoto(t, c.town1);
      const r = await report(c.town1, { title, source: 'patrol', orgUnitId: village.id, photos: [photo], submit: true });
      await step(c.bureau, r.id, { action: 'confirm', grade });
      await step(c.bureau, r.id, { action: 'issue_notice', note: '限期整改' });
      h.push(r.id);
    }
    await report(c.ent1, { title: 'H5', source: 'self_check', orgUnitId: village.id, enterpriseId: ids.ent1Enterprise, submit: true });
    await report(c.town1, { title: 'H6', source: 'patrol', orgUnitId: village.id });
  });
  const [h1, h2] = h as [string, string];
  await on('2026-03-05', (c) => close(c, h1));
  await on('2026-03-10', async (c) => {
    await step(c.town1, h1, { action: 'reopen', reason: '回头看发现问题复现' });
  });
  await on('2026-03-16', (c) => close(c, h1));
  await on('2026-03-20', (c) => close(c, h2));
});
afterAll(async () => t.close());

async function compute(key: string): Promise<MetricValue> {
  const metric = metricRegistry.find(key);
  if (!metric) throw new Error(`metric ${key} is not registered`);
  return metric.compute(t.database.db, {
    scope: { orgUnitId: village.id, orgPath: village.path },
    period: { from: '2026-03-01', to: '2026-03-31' },
    now: new Date('2026-03-31T04:00:00Z'),
  });
}

describe('safety metrics over a known set of hazards', () => {
  it.each<[string, string | null, string, number | null, number | null]>([
    ['safety.rectification_rate', '50.00', '%', 2, 4],
    ['safety.rectification_on_time_rate', '50.00', '%', 1, 2],
    ['safety.overdue_unrectified', '1', '项', 1, null],
    ['safety.overdue_major_hazard_count', '0', '项', 0, null],
    ['safety.major_hazard_closure_rate', '0.00', '%', 0, 1],
    ['safety.mean_rectification_days', '16.0', '天', 32, 2],
    ['safety.rebound_rate', '33.33', '%', 1, 3],
    ['safety.self_check_share', '20.00', '%', 1, 5],
  ])('%s = %s %s (%s / %s)', async (key, value, unit, numerator, denominator) => {
    const result = await compute(key);
    expect(result).toMatchObject({ value, unit, provenance: { numerator, denominator, source: '隐患排查治理记录' } });
    expect(result.provenance.link).toMatch(new RegExp(`^/safety/hazards\\?orgUnitId=${village.id}`));
  });

  it('links the rectification rate to exactly the hazards it counted', async () => {
    const result = await compute('safety.rectification_rate');
    expect(result.provenance.recordCount).toBe(4);
    const query = (result.provenance.link as string).split('?')[1];
    const office = await t.as('office');
    const listed = await office.get(`/api/v1/hazards?${query}`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((x: { title: string }) => x.title).sort()).toEqual(['H1', 'H2', 'H3', 'H4']);
    const closed = await office.get(`/api/v1/hazards?${query}&status=closed`);
    expect(closed.body.total).toBe(result.provenance.numerator);
  });
});
