import { sql } from 'drizzle-orm';
import { queryOne, type Db } from '../../src/platform/db/types';

/**
 * Records that belong to town2 (悦来镇), one per route with an `{id}` parameter. The access-matrix
 * test calls each such route as town1 and ent1 with town2's record and expects 403/404, and as
 * office expecting success (proving the fixture is real). Every GET route with an id must have an
 * entry here (the test fails otherwise); write routes may add a valid body to test their scope too.
 *
 * Keys are `METHOD /api/v1/path/:id…` exactly as Hono lists the route.
 */
export type ScopeFixture = { id: string; body?: Record<string, unknown>; officeStatus?: number };
export type FixtureLoader = (db: Db) => Promise<ScopeFixture>;

const town2Unit = async (db: Db) => (await queryOne<{ id: string; version: number }>(db, sql`SELECT id, version FROM org_units WHERE code = 'town-yuelai'`)) as { id: string; version: number };
const town2User = async (db: Db) => (await queryOne<{ id: string; version: number }>(db, sql`SELECT id, version FROM users WHERE username = 'town2'`)) as { id: string; version: number };

export const scopeFixtures: Record<string, FixtureLoader> = {
  'GET /api/v1/org-units/:id': async (db) => ({ id: (await town2Unit(db)).id }),
  'GET /api/v1/org-units/:id/history': async (db) => ({ id: (await town2Unit(db)).id }),
  'PATCH /api/v1/org-units/:id': async (db) => {
    const u = await town2Unit(db);
    return { id: u.id, body: { version: u.version, contactPhone: '0513-1234567' } };
  },
  'GET /api/v1/users/:id': async (db) => ({ id: (await town2User(db)).id }),
  'PATCH /api/v1/users/:id': async (db) => {
    const u = await town2User(db);
    return { id: u.id, body: { version: u.version, phone: '13800000000' } };
  },
  'GET /api/v1/files/:id': async (db) => {
    const row = await queryOne<{ id: string }>(db, sql`SELECT id FROM files WHERE purpose = 'scope-fixture'`);
    return { id: (row as { id: string }).id };
  },
};

/** Data some fixtures need that the demo seed does not create. */
export async function prepareScopeFixtures(db: Db): Promise<void> {
  const unit = await town2Unit(db);
  const user = await town2User(db);
  await db.execute(sql`INSERT INTO files (id, purpose, file_name, content_type, size_bytes, sha256, content, org_unit_id, created_by)
    VALUES (gen_random_uuid(), 'scope-fixture', 'town2.png', 'image/png', 1, 'x', '\\x00'::bytea, ${unit.id}, ${user.id})`);
}
