import { sql } from 'drizzle-orm';
import { systemActor } from '../shared/actor';
import type { Db } from '../platform/db/types';
import { queryOne } from '../platform/db/types';
import { createUser } from '../domains/accounts';
import { createOrgUnit, createRootOrgUnit, findOrgUnitByCode } from '../domains/org';
import { DEMO_PASSWORD, demoOrgUnits, demoUsers } from './org-demo';

/**
 * Demo data for `npm start` on an empty database and `qcity seed-demo`. Goes through the same
 * services (and so the same validation and audit) as real users. Modules add their own parts.
 */
export type SeedOptions = { size: 'full' | 'small'; log?: (message: string) => void };

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const row = await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM org_units`);
  return (row?.n ?? 0) === 0;
}

export async function seedDemo(db: Db, options: SeedOptions = { size: 'full' }): Promise<void> {
  const log = options.log ?? (() => undefined);
  const actor = systemActor('seed-demo');
  if (!(await isDatabaseEmpty(db))) throw new Error('the database already holds data; the demo is only seeded into an empty database');
  await seedOrgNetwork(db, actor);
  log(`organisation network: ${demoOrgUnits.length} units, ${demoUsers.length} users`);
}

async function seedOrgNetwork(db: Db, actor: ReturnType<typeof systemActor>): Promise<void> {
  const ids = new Map<string, string>();
  for (const unit of demoOrgUnits) {
    const input = { code: unit.code, name: unit.name, shortName: unit.shortName ?? null, regionCode: unit.regionCode ?? null };
    const created = unit.parent
      ? await createOrgUnit(db, { actor, input: { ...input, parentId: ids.get(unit.parent) as string, kind: unit.kind } })
      : await createRootOrgUnit(db, { actor, input });
    ids.set(unit.code, created.id);
  }
  for (const user of demoUsers) {
    const org = await findOrgUnitByCode(db, user.org);
    if (!org) throw new Error(`demo org unit ${user.org} missing`);
    await createUser(db, {
      actor,
      input: { username: user.username, displayName: user.displayName, role: user.role, flags: user.flags ?? [], orgUnitId: org.id, password: DEMO_PASSWORD },
    });
  }
}
