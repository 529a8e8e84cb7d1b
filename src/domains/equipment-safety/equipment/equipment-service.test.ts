import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withScope } from '../../../shared/actor';
import { localDate } from '../../../platform/clock';
import type { Database } from '../../../platform/db/connect';
import { queryOne, queryRows } from '../../../platform/db/types';
import { createTestDb } from '../../../../test/support/create-test-db';
import { createOrgUnit, findOrgUnitByCode } from '../../org';
import { addDays, addMonths } from './date-math';
import { createDevice } from './device-service';
import { listDevices } from './device-query-service';
import { recordInspection } from './inspection-service';
import { equipmentMetricDefinitions } from './metrics';
import { recomputeDevices } from './obligation-service';
import { sendDueReminders } from './reminder-service';
import { loadRuleSet } from './rule-service';

/*
 * Service-level checks: the demo data is exactly what the rules compute, reminders are sent once,
 * and the two metrics count what they say.
 */
let database: Database;
const today = localDate(new Date(), 'Asia/Shanghai');
const actor = withScope(systemActor('test'), { kind: 'all' });

beforeAll(async () => {
  database = await createTestDb();
});
afterAll(async () => database.close());

const metric = (key: string) => equipmentMetricDefinitions.find((m) => m.key === key) as (typeof equipmentMetricDefinitions)[number];

async function orgId(code: string): Promise<{ id: string; path: string }> {
  return (await queryOne<{ id: string; path: string }>(database.db, sql`SELECT id, path FROM org_units WHERE code = ${code}`)) as { id: string; path: string };
}

async function unitIn(code: string): Promise<string> {
  const row = await queryOne<{ id: string }>(database.db, sql`SELECT e.id FROM enterprises e JOIN org_units o ON o.id = e.territory_org_unit_id WHERE o.code = ${code} ORDER BY e.name LIMIT 1`);
  return (row as { id: string }).id;
}

function crane(territoryOrgUnitId: string, usingUnitId: string, commissioned: string) {
  return {
    categoryCode: '4000',
    kindCode: '4100',
    varietyCode: '4110',
    productName: '通用桥式起重机',
    usingUnitId,
    territoryOrgUnitId,
    useAddress: '测试地址1号',
    commissioningDate: commissioned,
    registration: { registeredOn: commissioned, useRegistrationCertNo: `起11苏F${Math.random().toString(36).slice(2, 8)}(26)` },
  };
}

describe('demo data', () => {
  it('stores exactly the obligations and due dates the rules compute (recomputing changes nothing)', async () => {
    const ids = (await queryRows<{ id: string }>(database.db, sql`SELECT id FROM equipment_devices ORDER BY id`)).map((r) => r.id);
    expect(ids.length).toBeGreaterThanOrEqual(200);
    const before = await queryRows(database.db, sql`SELECT id, next_due_on::text, next_obligation, must_stop, has_rule_gap, last_inspected_on::text FROM equipment_devices ORDER BY id`);
    const results = await database.db.transaction(async (tx) => recomputeDevices(tx, ids, { ruleSet: await loadRuleSet(tx, today), today }));
    expect(results.filter((r) => r.opened > 0 || r.closed.length > 0).map((r) => r.deviceId)).toEqual([]);
    const after = await queryRows(database.db, sql`SELECT id, next_due_on::text, next_obligation, must_stop, has_rule_gap, last_inspected_on::text FROM equipment_devices ORDER BY id`);
    expect(after).toEqual(before);
    const states = await queryRows<{ s: string; n: number }>(
      database.db,
      sql`SELECT CASE WHEN next_due_on <= ${today} THEN 'overdue' WHEN next_due_on <= ${addDays(today, 30)} THEN 'due_soon' ELSE 'other' END AS s, count(*)::int AS n
          FROM equipment_devices WHERE status = 'in_use' GROUP BY 1`,
    );
    expect(states.map((s) => s.s).sort()).toEqual(['due_soon', 'other', 'overdue']);
  });
});

describe('due reminders', () => {
  it("notify the use unit's users and the township coordinators once per obligation, however often the job runs", async () => {
    const ent1 = (await queryOne<{ id: string; enterprise_id: string }>(database.db, sql`SELECT id, enterprise_id FROM users WHERE username = 'ent1'`)) as { id: string; enterprise_id: string };
    const town1 = (await queryOne<{ id: string }>(database.db, sql`SELECT id FROM users WHERE username = 'town1'`)) as { id: string };
    const changle = await orgId('town-changle');
    // A bridge crane commissioned 24 months minus 10 days ago: its first inspection is due in 10 days (临期).
    const commissioned = addDays(addMonths(today, -24), 10);
    const device = await createDevice(database.db, { actor, today, input: crane(changle.id, ent1.enterprise_id, commissioned) });
    expect(device).toMatchObject({ dueStatus: 'due_soon', daysToDue: 10 });
    const first = await sendDueReminders(database.db, { now: new Date(), timeZone: 'Asia/Shanghai' });
    expect(first.notifications).toBeGreaterThan(0);
    const received = await queryRows<{ user_id: string; kind: string }>(database.db, sql`SELECT user_id, kind FROM notifications WHERE entity_id = ${device.id}`);
    expect(received.map((r) => r.user_id).sort()).toEqual([ent1.id, town1.id].sort());
    expect(received.every((r) => r.kind === 'equipment.due_soon')).toBe(true);
    const second = await sendDueReminders(database.db, { now: new Date(), timeZone: 'Asia/Shanghai' });
    expect(second).toEqual({ dueSoon: 0, overdue: 0, notifications: 0 });
    expect((await queryOne<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM notifications WHERE entity_id = ${device.id}`))?.n).toBe(2);
  });
});

describe('metrics', () => {
  it('counts on-time periodic inspections over obligations due, and overdue devices, for a territory', async () => {
    const changle = await findOrgUnitByCode(database.db, 'town-changle');
    const village = await createOrgUnit(database.db, { actor, input: { parentId: changle?.id as string, kind: 'village', code: 'village-metric-test', name: '指标测试村', regionCode: '320684' } });
    const scope = await orgId('village-metric-test');
    const user = await unitIn('town-changle');
    const commissioned = addDays(today, -800); // first periodic inspection due 24 months later, about 70 days ago
    const onTime = await createDevice(database.db, { actor, today, input: crane(village.id, user, commissioned) });
    await recordInspection(database.db, { actor, today, deviceId: onTime.id, input: { kind: 'periodic', orgName: '检验机构', reportNo: 'M-1', inspectedOn: addDays(addMonths(commissioned, 24), -5), conclusion: 'pass' } });
    const late = await createDevice(database.db, { actor, today, input: crane(village.id, user, commissioned) });
    await recordInspection(database.db, { actor, today, deviceId: late.id, input: { kind: 'periodic', orgName: '检验机构', reportNo: 'M-2', inspectedOn: addDays(addMonths(commissioned, 24), 3), conclusion: 'pass' } });
    await createDevice(database.db, { actor, today, input: crane(village.id, user, commissioned) }); // never inspected: 超期未检
    const period = { from: addDays(today, -365), to: today };
    const rate = await metric('safety.inspection_rate').compute(database.db, { scope: { orgUnitId: scope.id, orgPath: scope.path }, period, now: new Date() });
    expect(rate.value).toBe('33.33');
    expect(rate.provenance).toMatchObject({ numerator: 1, denominator: 3 });
    const overdue = await metric('safety.overdue_devices').compute(database.db, { scope: { orgUnitId: scope.id, orgPath: scope.path }, period, now: new Date() });
    expect(overdue.value).toBe('1');
    // Before the late inspection (3 days after the due date) that device was overdue too.
    const earlier = await metric('safety.overdue_devices').compute(database.db, { scope: { orgUnitId: scope.id, orgPath: scope.path }, period: { from: period.from, to: addDays(addMonths(commissioned, 24), 1) }, now: new Date() });
    expect(earlier.value).toBe('2');
  });

  it('agrees with the list about overdue devices today', async () => {
    const changle = await orgId('town-changle');
    const n = await metric('safety.overdue_devices').compute(database.db, { scope: { orgUnitId: changle.id, orgPath: changle.path }, period: { from: addDays(today, -30), to: today }, now: new Date() });
    const list = await listDevices(database.db, { actor, today, query: { page: 1, pageSize: 1, sort: 'nextDueOn', dueStatus: 'overdue', territoryOrgUnitId: changle.id } });
    expect(Number(n.value)).toBe(list.total);
  });
});

describe('device counts', () => {
  it('keeps equipment_device_counts equal to the devices after writes of every kind', async () => {
    const direct = await queryRows(
      database.db,
      sql`SELECT territory_org_unit_id::text AS t, category_code AS c, status AS s, count(*)::int AS n, count(next_due_on)::int AS d, (count(*) FILTER (WHERE must_stop))::int AS m
          FROM equipment_devices GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    );
    const kept = await queryRows(
      database.db,
      sql`SELECT territory_org_unit_id::text AS t, category_code AS c, status AS s, devices AS n, with_due AS d, must_stop AS m
          FROM equipment_device_counts WHERE devices <> 0 ORDER BY 1, 2, 3`,
    );
    expect(kept).toEqual(direct);
    // A plain insert (as a restore from backup does) is ignored: only the triggers write the counts.
    await database.db.execute(sql`INSERT INTO equipment_device_counts VALUES (gen_random_uuid(), '3000', 'in_use', 99, 99, 0)`);
    expect((await queryOne<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM equipment_device_counts WHERE devices = 99`))?.n).toBe(0);
  });
});
