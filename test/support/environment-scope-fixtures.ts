import { sql } from 'drizzle-orm';
import { queryOne, type Db } from '../../src/platform/db/types';

/**
 * Environment records outside town1's 常乐镇 for the route-access matrix (test/integration/scope-fixtures.ts):
 * 悦来镇's air station, a water sample and a noise measurement of another township's or street's points (the small
 * demo samples only a few), and a single and a batch siting check run by town2. Red-line zones are city-wide reference data (scope 'global') and need none.
 */
type Fixture = { id: string; body?: Record<string, unknown>; officeStatus?: number };

const one = async (db: Db, query: ReturnType<typeof sql>, what: string) => {
  const row = await queryOne<{ id: string }>(db, query);
  if (!row) throw new Error(`the small demo has no ${what} for the scope check`);
  return { id: row.id };
};
const inTown2 = sql`(SELECT path FROM org_units WHERE code = 'town-yuelai') || '%'`;
// The small demo samples water and noise outside 悦来镇 too; any township but town1's 常乐镇 proves the same.
const outsideTown1 = sql`(SELECT path FROM org_units WHERE code = 'town-changle') || '%'`;
const town2Station = (db: Db, kind: string) =>
  one(db, sql`SELECT s.id FROM env_stations s JOIN org_units o ON o.id = s.territory_org_unit_id WHERE o.path LIKE ${inTown2} AND s.kind = ${kind} ORDER BY s.code LIMIT 1`, `${kind} station`);

const sitingCheck = (kind: 'single' | 'batch') => (db: Db) => one(db, sql`SELECT id FROM env_siting_checks WHERE project_name LIKE '越权检查%' AND kind = ${kind}`, `${kind} siting check`);

export const environmentScopeFixtures: Record<string, (db: Db) => Promise<Fixture>> = {
  'GET /api/v1/environment/stations/:id': (db) => town2Station(db, 'air'),
  'GET /api/v1/environment/stations/:id/overview': (db) => town2Station(db, 'air'),
  'GET /api/v1/environment/air/stations/:id/daily': (db) => town2Station(db, 'air'),
  'GET /api/v1/environment/air/stations/:id/hourly': (db) => town2Station(db, 'air'),
  'GET /api/v1/environment/water/samples/:id': (db) =>
    one(db, sql`SELECT w.id FROM env_water_samples w JOIN env_stations s ON s.id = w.station_id JOIN org_units o ON o.id = s.territory_org_unit_id WHERE o.path NOT LIKE ${outsideTown1} AND o.kind IN ('township', 'street') ORDER BY w.sampled_on LIMIT 1`, 'water sample'),
  'GET /api/v1/environment/noise/measurements/:id': (db) =>
    one(db, sql`SELECT m.id FROM env_noise_measurements m JOIN env_stations s ON s.id = m.station_id JOIN org_units o ON o.id = s.territory_org_unit_id WHERE o.path NOT LIKE ${outsideTown1} AND o.kind IN ('township', 'street') ORDER BY m.measured_on LIMIT 1`, 'noise measurement'),
  'GET /api/v1/environment/siting-checks/:id': sitingCheck('single'),
  'GET /api/v1/environment/siting-checks/:id/print': sitingCheck('single'),
  'GET /api/v1/environment/siting-checks/:id/report.docx': sitingCheck('single'),
  'GET /api/v1/environment/siting-checks/:id/batch': sitingCheck('batch'),
};

/** town2 runs one single and one batch siting check (the demo seeds none). */
export async function prepareEnvironmentScopeFixtures(db: Db): Promise<void> {
  const { loadControlRuleSet, runSitingBatch, runSitingCheck } = await import('../../src/domains/environment');
  const { systemActor } = await import('../../src/shared/actor');
  const unit = await queryOne<{ id: string; path: string }>(db, sql`SELECT id, path FROM org_units WHERE code = 'town-yuelai'`);
  const user = await queryOne<{ id: string }>(db, sql`SELECT id FROM users WHERE username = 'town2'`);
  const projectType = (await loadControlRuleSet(db)).set.projectTypes[0]?.code;
  if (!unit || !user || !projectType) throw new Error('demo org, town2 or project types missing');
  const actor = {
    ...systemActor('town2'), kind: 'user' as const, userId: user.id, username: 'town2', displayName: '陈协管（悦来镇）', role: 'township' as const,
    orgUnitId: unit.id, orgPath: unit.path, scope: { kind: 'subtree' as const, rootId: unit.id, rootPath: unit.path },
  };
  const point = { type: 'Point', coordinates: [121.108, 31.926] };
  await runSitingCheck(db, { actor, input: { projectName: '越权检查用项目', projectType, footprint: point } });
  await runSitingBatch(db, {
    actor,
    input: { projectType, footprints: { type: 'FeatureCollection', features: [{ type: 'Feature', id: 'P1', properties: { name: '越权检查批量' }, geometry: point }] } },
  });
  await db.execute(sql`UPDATE env_siting_checks SET project_name = '越权检查批量' WHERE kind = 'batch' AND created_by = ${user.id}`);
}
