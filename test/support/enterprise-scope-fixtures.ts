import { sql } from 'drizzle-orm';
import { queryOne, type Db } from '../../src/platform/db/types';

/**
 * town2-owned records for the route-access matrix (test/integration/scope-fixtures.ts): spread
 * `enterpriseScopeFixtures` into `scopeFixtures` and call `prepareEnterpriseScopeFixtures` from
 * `prepareScopeFixtures`. town1 and ent1 must get 403/404 on each; office reads each with 200.
 */
type Fixture = { id: string; body?: Record<string, unknown>; officeStatus?: number };

const town2Enterprise = async (db: Db) =>
  (await queryOne<{ id: string; version: number }>(db, sql`SELECT id, version FROM enterprises WHERE name = '南通悦来某某家纺有限公司'`)) as { id: string; version: number };
const town2Batch = async (db: Db) => (await queryOne<{ id: string; version: number }>(db, sql`SELECT id, version FROM import_batches WHERE file_name = 'scope-fixture.xlsx'`)) as { id: string; version: number };
const town2Job = async (db: Db) => (await queryOne<{ id: string }>(db, sql`SELECT id FROM jobs WHERE kind = 'scope-fixture'`)) as { id: string };

export const enterpriseScopeFixtures: Record<string, (db: Db) => Promise<Fixture>> = {
  'GET /api/v1/enterprises/:id': async (db) => ({ id: (await town2Enterprise(db)).id }),
  'GET /api/v1/enterprises/:id/history': async (db) => ({ id: (await town2Enterprise(db)).id }),
  'PATCH /api/v1/enterprises/:id': async (db) => {
    const e = await town2Enterprise(db);
    return { id: e.id, body: { version: e.version, tags: ['scope-test'] } };
  },
  'PUT /api/v1/enterprises/:id/contacts': async (db) => {
    const e = await town2Enterprise(db);
    return { id: e.id, body: { version: e.version, contacts: [] } };
  },
  'POST /api/v1/enterprises/:id/status': async (db) => {
    const e = await town2Enterprise(db);
    return { id: e.id, body: { version: e.version, status: 'cancelled', reason: '越权测试' } };
  },
  'GET /api/v1/imports/:id': async (db) => ({ id: (await town2Batch(db)).id }),
  'GET /api/v1/imports/:id/errors.xlsx': async (db) => ({ id: (await town2Batch(db)).id }),
  'POST /api/v1/imports/:id/undo': async (db) => {
    const b = await town2Batch(db);
    return { id: b.id, body: { version: b.version } };
  },
  'GET /api/v1/jobs/:id': async (db) => ({ id: (await town2Job(db)).id }),
};

/** An import batch and a job that belong to town2 (悦来镇); the demo seed has enterprises of its own. */
export async function prepareEnterpriseScopeFixtures(db: Db): Promise<void> {
  const owner = (await queryOne<{ id: string; org: string }>(db, sql`SELECT u.id, u.org_unit_id AS org FROM users u WHERE u.username = 'town2'`)) as { id: string; org: string };
  await db.execute(sql`INSERT INTO import_batches (id, kind, mode, status, file_name, file_size, file_sha256, file_format, org_unit_id, created_by, created_by_name, total_rows, inserted_count)
    VALUES (gen_random_uuid(), 'enterprises', 'all_or_nothing', 'succeeded', 'scope-fixture.xlsx', 1, 'x', 'xlsx', ${owner.org}, ${owner.id}, '陈协管（悦来镇）', 0, 0)`);
  await db.execute(sql`INSERT INTO jobs (id, kind, status, org_unit_id, created_by) VALUES (gen_random_uuid(), 'scope-fixture', 'succeeded', ${owner.org}, ${owner.id})`);
}
