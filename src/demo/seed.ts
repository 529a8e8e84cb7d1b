import { sql } from 'drizzle-orm';
import { systemActor } from '../shared/actor';
import type { Db } from '../platform/db/types';
import { queryOne } from '../platform/db/types';
import { createUser } from '../domains/accounts';
import { createOrgUnit, createRootOrgUnit, findOrgUnitByCode } from '../domains/org';
import { seedDemoEnterprises } from '../domains/enterprises';
import { seedEnvironmentDemo } from '../domains/environment';
import { seedDemoHazards } from '../domains/equipment-safety/hazards';
import { seedDemoEquipment } from '../domains/equipment-safety/equipment';
import { localDate } from '../platform/clock';
import { metricRegistry } from '../domains/metric-definitions';
import { seedTargetsDemo } from '../domains/targets';
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
  const enterprises = await seedDemoEnterprises(db, { size: options.size, today: localDate(new Date(), 'Asia/Shanghai') });
  log(`enterprises: ${enterprises.count} (ent1 bound to one in 常乐镇)`);
  await seedEnvironmentDemo(db, { size: options.size, log });
  const equipment = await seedDemoEquipment(db, { size: options.size, today: localDate(new Date(), 'Asia/Shanghai') });
  log(`special equipment: ${equipment.devices} devices, ${equipment.inspections} inspection records, ${equipment.maintenance} maintenance records`);
  // Hazards after enterprises and equipment (they link to both when present).
  const hazards = await seedDemoHazards(db, { size: options.size, today: localDate(new Date(), 'Asia/Shanghai') });
  log(`hazards: ${hazards.count} in every status, with histories`);
  // Targets last: indicators bind to the metrics of the modules seeded above.
  const targets = await seedTargetsDemo(db, { registry: metricRegistry, now: new Date(), timeZone: 'Asia/Shanghai', size: options.size, log });
  log(`targets: plan with ${targets.indicators} indicators, ${targets.assignments} assignments, ${targets.reports} progress reports`);
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
