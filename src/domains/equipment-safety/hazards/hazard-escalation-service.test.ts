import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixedClock, type TestApp, type TestClient } from '../../../../test/support/create-test-app';
import { queryRows } from '../../../platform/db/types';
import { runScheduledJob } from '../../../platform/jobs/scheduler';
import { silentLogger } from '../../../platform/logger';
import { hazardEscalationJob, runHazardEscalation } from './hazard-escalation-service';
import { loadDemoIds, report, step, uploadPhoto, type DemoIds } from './hazard-route-test-support';

// Hazards are noticed on Mon 2026-03-02 with the default 10-day deadline 2026-03-12 (Thu). The ladder:
// reminder D−3 wd = 03-09, overdue D+1 wd = 03-13, urging D+5 wd = 03-19, interview D+15 wd = 04-02.
const clock = fixedClock('2026-03-02T02:00:00Z');
let t: TestApp;
let ids: DemoIds;
let bureau: TestClient;
let town1: TestClient;

beforeAll(async () => {
  t = await createTestApp({ clock });
  ids = await loadDemoIds(t);
  [bureau, town1] = await Promise.all([t.as('bureau'), t.as('town1')]);
});
afterAll(async () => t.close());

async function noticedHazard(title: string): Promise<string> {
  clock.set('2026-03-02T02:00:00Z');
  const created = await report(town1, { title, source: 'patrol', orgUnitId: ids.xinghe, enterpriseId: ids.ent1Enterprise, submit: true });
  await step(bureau, created.id, { action: 'confirm', grade: 'general' });
  const noticed = await step(bureau, created.id, { action: 'issue_notice', note: '限期整改' });
  expect(noticed.deadline).toBe('2026-03-12');
  return created.id;
}

const runJobOn = (iso: string) => {
  clock.set(iso);
  return runScheduledJob(hazardEscalationJob, { db: t.database.db, clock, config: t.config, logger: silentLogger, force: true });
};

async function escalationsOf(id: string) {
  const db = t.database.db;
  const [markers, events, notifications, flag] = await Promise.all([
    queryRows<{ escalation_key: string; fired_on: string }>(db, sql`SELECT escalation_key, fired_on::text FROM hazard_escalations WHERE hazard_id = ${id} ORDER BY due_on`),
    queryRows<{ step: string; on_date: string }>(db, sql`SELECT payload->>'step' AS step, on_date::text FROM hazard_events WHERE hazard_id = ${id} AND action = 'escalation' ORDER BY seq`),
    queryRows<{ username: string; kind: string }>(
      db,
      sql`SELECT u.username, n.kind FROM notifications n JOIN users u ON u.id = n.user_id
          WHERE n.entity_id = ${id} AND n.kind LIKE 'hazard.escalation.%' ORDER BY n.kind, u.username`,
    ),
    queryRows<{ is_overdue: boolean }>(db, sql`SELECT is_overdue FROM hazards WHERE id = ${id}`),
  ]);
  return { markers: markers.map((m) => m.escalation_key), events: events.map((e) => `${e.step}@${e.on_date}`), notifications, isOverdue: flag[0]?.is_overdue };
}

describe('the escalation job', () => {
  it('escalates once when it runs twice for the same day', async () => {
    const id = await noticedHazard('电梯维保周期超过 15 日');
    const first = await runJobOn('2026-03-09T02:00:00Z');
    expect(first.status).toBe('ran');
    const once = await escalationsOf(id);
    expect(once.markers).toEqual(['reminder@2026-03-12']);
    expect(once.events).toEqual(['reminder@2026-03-09']);
    // Reminder to the responsible unit (ent1's users) and the township safety coordinator (town1).
    expect(once.notifications).toEqual([
      { username: 'ent1', kind: 'hazard.escalation.reminder' },
      { username: 'town1', kind: 'hazard.escalation.reminder' },
    ]);
    expect(once.isOverdue).toBe(false);

    const second = await runJobOn('2026-03-09T05:00:00Z');
    expect(second.status).toBe('ran');
    expect(await escalationsOf(id)).toEqual(once);

    // Without `force`, the scheduler's own run key already says the day is done.
    const unforced = await runScheduledJob(hazardEscalationJob, { db: t.database.db, clock, config: t.config, logger: silentLogger });
    expect(unforced).toEqual({ status: 'skipped', reason: 'already_ran' });
  });

  it('fires every step of a skipped week exactly once, in ladder order, and flags the hazard overdue', async () => {
    const id = await noticedHazard('起重机轨道压板松动');
    await runJobOn('2026-03-24T02:00:00Z');
    const late = await escalationsOf(id);
    expect(late.markers).toEqual(['reminder@2026-03-12', 'overdue@2026-03-12', 'urging@2026-03-12']);
    expect(late.events).toEqual(['reminder@2026-03-24', 'overdue@2026-03-24', 'urging@2026-03-24']);
    expect(late.isOverdue).toBe(true);
    expect(late.notifications.filter((n) => n.username === 'bureau').map((n) => n.kind)).toEqual(['hazard.escalation.urging']);

    await runJobOn('2026-03-24T09:00:00Z');
    expect(await escalationsOf(id)).toEqual(late);

    await runJobOn('2026-04-02T02:00:00Z');
    const interview = await escalationsOf(id);
    expect(interview.markers).toEqual([...late.markers, 'interview@2026-03-12']);
    expect(interview.events.at(-1)).toBe('interview@2026-04-02');
    expect(interview.notifications.filter((n) => n.kind === 'hazard.escalation.interview').map((n) => n.username)).toEqual(['bureau', 'ent1', 'office', 'town1']);

    // The overdue flag is visible through the API, and the list's overdue filter finds the hazard.
    const office = await t.as('office');
    const detail = (await office.get(`/api/v1/hazards/${id}`)).body;
    expect(detail).toMatchObject({ isOverdue: true, escalations: [{ step: 'reminder' }, { step: 'overdue' }, { step: 'urging' }, { step: 'interview' }] });
  });

  it('fires nothing twice when two processes run the ladder at the same time', async () => {
    const id = await noticedHazard('压力容器未办理使用登记');
    clock.set('2026-03-16T02:00:00Z');
    const db = t.database.db;
    const hazardClock = { now: clock.now(), timeZone: t.config.timeZone };
    await Promise.all([runHazardEscalation(db, { clock: hazardClock }), runHazardEscalation(db, { clock: hazardClock })]);
    const mine = await escalationsOf(id);
    expect(mine.markers).toEqual(['reminder@2026-03-12', 'overdue@2026-03-12']);
    expect(mine.events).toHaveLength(2);
    expect(new Set(mine.notifications.map((n) => `${n.kind}/${n.username}`)).size).toBe(mine.notifications.length);
  });

  it('stops escalating once the hazard is rectified', async () => {
    const id = await noticedHazard('叉车驾驶员无证驾驶');
    clock.set('2026-03-11T02:00:00Z');
    const ent1 = await t.as('ent1');
    const photo = await uploadPhoto(t, ent1);
    await step(ent1, id, { action: 'submit_rectification', note: '已整改', afterPhotos: [photo] });
    await runJobOn('2026-03-30T02:00:00Z');
    const after = await escalationsOf(id);
    expect(after.markers).toEqual([]);
    expect(after.isOverdue).toBe(false);
  });
});
