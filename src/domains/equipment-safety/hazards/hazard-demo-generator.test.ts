import { describe, expect, it } from 'vitest';
import { defaultEscalationConfig } from './escalation-rules';
import { defaultHazardRulesConfig } from './hazard-config';
import { generateDemoHazards, type DemoContext } from './hazard-demo-generator';
import { hazardStatuses } from './hazard-enums';
import { isOverdue } from './hazard-deadline-rules';
import { weekendsOnly } from './hazard-test-support';
import { findHazardTransition } from './hazard-transition-table';

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;
const town1 = uuid(1);
const town2 = uuid(2);
const town3 = uuid(3);

function context(count: number): DemoContext {
  return {
    today: '2026-11-26',
    count,
    territories: [
      { id: town1, name: '常乐镇', townshipId: town1, regionCode: '320684' },
      { id: uuid(11), name: '兴和村', townshipId: town1, regionCode: '320684' },
      { id: town2, name: '悦来镇', townshipId: town2, regionCode: '320684' },
      { id: town3, name: '四甲镇', townshipId: town3, regionCode: '320684' },
    ],
    enterprises: [
      { id: uuid(21), name: '海门某某机械有限公司', townshipId: town1 },
      { id: uuid(22), name: '悦来某某食品有限公司', townshipId: town2 },
      { id: uuid(23), name: '四甲某某纺织有限公司', townshipId: town3 },
    ],
    devices: [{ id: uuid(31), enterpriseId: uuid(21), categoryCode: '3000' }],
    departments: [{ id: uuid(41), name: '住建局' }],
    bureau: { id: uuid(51), name: '李监管', orgUnitId: uuid(61) },
    office: { id: uuid(52), name: '王质强', orgUnitId: uuid(62) },
    townships: new Map([
      [town1, { id: uuid(53), name: '张协管' }],
      [town2, { id: uuid(54), name: '陈协管' }],
    ]),
    ent1: { id: uuid(55), name: '赵企业', enterpriseId: uuid(21), orgUnitId: town1 },
    photos: { before: [uuid(71)], after: [uuid(72)] },
    calendar: weekendsOnly,
    config: defaultHazardRulesConfig,
    escalation: defaultEscalationConfig,
    focus: { townshipIds: [town1, town2], ent1Share: 0.2 },
  };
}

describe('generateDemoHazards', () => {
  const demo = generateDemoHazards(context(500));

  it('covers every status, with overdue, listed, reopened and major hazards among them', () => {
    expect(new Set(demo.map((h) => h.record.status))).toEqual(new Set(hazardStatuses));
    expect(demo.some((h) => h.record.isOverdue)).toBe(true);
    expect(demo.some((h) => h.record.isListed)).toBe(true);
    expect(demo.some((h) => h.record.reopenCount > 0)).toBe(true);
    expect(demo.some((h) => h.record.grade === 'major' && h.record.status === 'closed')).toBe(true);
    expect(demo.some((h) => h.record.equipmentId === uuid(31))).toBe(true);
  });

  it('writes histories the state table allows: chained statuses, allowed actions, days in order and never after today', () => {
    for (const { record, events } of demo) {
      expect(events[0]).toMatchObject({ action: 'create', fromStatus: null, toStatus: 'draft' });
      let status = 'draft';
      let day = events[0]?.on ?? '';
      for (const e of events.slice(1)) {
        expect(e.fromStatus).toBe(status);
        expect(e.on >= day).toBe(true);
        if (e.action !== 'escalation' && e.action !== 'create') {
          const row = findHazardTransition(status as (typeof hazardStatuses)[number], e.action);
          expect(row?.to).toContain(e.toStatus);
        } else {
          expect(e.toStatus).toBe(status);
        }
        status = e.toStatus;
        day = e.on;
      }
      expect(record.status).toBe(status);
      expect(day < '2026-11-26').toBe(true);
      expect(record.version).toBe(events.filter((e) => e.action !== 'escalation').length);
      expect(record.isOverdue).toBe(isOverdue(record, '2026-11-26'));
    }
  });

  it('fires each escalation step once per deadline', () => {
    for (const { markers } of demo) expect(new Set(markers.map((m) => m.key)).size).toBe(markers.length);
    expect(demo.some((h) => h.markers.some((m) => m.step === 'interview'))).toBe(true);
  });

  it('uses real users only as reporters, and gives town1, town2 and ent1 their share of the small demo', () => {
    const small = generateDemoHazards(context(30));
    const realUsers = new Set([uuid(51), uuid(52), uuid(53), uuid(54), uuid(55)]);
    expect(small.every((h) => realUsers.has(h.record.reportedBy))).toBe(true);
    const inTown = (id: string) => small.filter((h) => h.record.orgUnitId === id || (id === town1 && h.record.orgUnitId === uuid(11))).length;
    expect(inTown(town1)).toBeGreaterThanOrEqual(5);
    expect(inTown(town2)).toBeGreaterThanOrEqual(3);
    expect(small.filter((h) => h.record.enterpriseId === uuid(21)).length).toBeGreaterThanOrEqual(4);
  });

  it('is deterministic', () => {
    expect(generateDemoHazards(context(40))).toEqual(generateDemoHazards(context(40)));
  });
});
