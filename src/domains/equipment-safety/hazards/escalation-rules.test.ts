import { describe, expect, it } from 'vitest';
import type { EscalationHazard, EscalationStep } from './escalation-rules';
import { computeEscalations, defaultEscalationConfig, escalationConfigSchema, escalationKey } from './escalation-rules';
import { createFakeCalendar, ids, weekendsOnly } from './hazard-test-support';

/** §11.2: deadline Thu 2025-03-13. Weekends only in March 2025 (no holidays). By hand:
 *  reminder D−3 wd = Mon 03-10; overdue D+1 wd = Fri 03-14; urging D+5 wd = Thu 03-20;
 *  interview D+15 wd = 14,17,18,19,20,21,24,25,26,27,28,31,04-01,04-02,04-03 → Thu 04-03. */
const hazard: EscalationHazard = {
  id: ids.hazard,
  hazardNo: 'HM-2025-0001',
  title: '电梯制动器异常',
  status: 'rectifying',
  deadline: '2025-03-13',
  enterpriseId: ids.ent1,
  orgUnitId: ids.village1,
  supervisingOrgUnitId: ids.dept1,
};
const run = (today: string, done: string[] = [], h: EscalationHazard = hazard) =>
  computeEscalations(h, today, weekendsOnly, defaultEscalationConfig, new Set(done));
const stepsOf = (today: string, done: string[] = [], h: EscalationHazard = hazard) => run(today, done, h).map((e) => e.step);
const key = (step: EscalationStep, deadline = '2025-03-13') => escalationKey(step, deadline);

describe('computeEscalations: each step on its day', () => {
  it.each<[string, string[], EscalationStep[]]>([
    ['2025-03-07', [], []],
    ['2025-03-10', [], ['reminder']],
    ['2025-03-13', [key('reminder')], []],
    ['2025-03-14', [key('reminder')], ['overdue']],
    ['2025-03-19', [key('reminder'), key('overdue')], []],
    ['2025-03-20', [key('reminder'), key('overdue')], ['urging']],
    ['2025-04-02', [key('reminder'), key('overdue'), key('urging')], []],
    ['2025-04-03', [key('reminder'), key('overdue'), key('urging')], ['interview']],
    ['2025-04-30', [key('reminder'), key('overdue'), key('urging'), key('interview')], []],
  ])('on %s with %j done → %j', (today, done, expected) => {
    expect(stepsOf(today, done)).toEqual(expected);
  });

  it('is idempotent: the same day twice yields the step once', () => {
    const first = run('2025-03-14', [key('reminder')]);
    expect(first.map((e) => e.key)).toEqual(['overdue@2025-03-13']);
    expect(run('2025-03-14', [key('reminder'), ...first.map((e) => e.key)])).toEqual([]);
  });

  it('fires every missed step once, in ladder order, after a skipped week', () => {
    const due = run('2025-03-21');
    expect(due.map((e) => [e.step, e.dueOn, e.isLate])).toEqual([
      ['reminder', '2025-03-10', true],
      ['overdue', '2025-03-14', true],
      ['urging', '2025-03-20', true],
    ]);
  });

  it('counts working days across a holiday (Qingming 2025-04-04…06)', () => {
    const qingming = createFakeCalendar(['2025-04-04', '2025-04-05', '2025-04-06']);
    // Deadline Wed 04-02: D−3 wd = 04-01, 03-31, Fri 03-28; D+1 wd = Thu 04-03;
    // D+5 wd = 04-03 (1), [04-04…04-06 off], 04-07 (2), 04-08 (3), 04-09 (4), 04-10 (5).
    const h = { ...hazard, deadline: '2025-04-02' };
    const due = computeEscalations(h, '2025-04-10', qingming, defaultEscalationConfig, new Set());
    expect(due.map((e) => [e.step, e.dueOn])).toEqual([
      ['reminder', '2025-03-28'],
      ['overdue', '2025-04-03'],
      ['urging', '2025-04-10'],
    ]);
  });
});

describe('computeEscalations: what stops or moves the ladder', () => {
  it.each<[string, EscalationHazard]>([
    ['closed', { ...hazard, status: 'closed' }],
    ['pending verification', { ...hazard, status: 'pending_verification' }],
    ['transferred', { ...hazard, status: 'transferred' }],
    ['without a deadline', { ...hazard, deadline: null }],
  ])('never escalates a hazard that is %s', (_name, h) => {
    expect(run('2025-04-30', [], h)).toEqual([]);
  });

  it('escalates a confirmed hazard that carries a deadline', () => {
    expect(stepsOf('2025-03-14', [], { ...hazard, status: 'confirmed' })).toEqual(['reminder', 'overdue']);
  });

  it('restarts the schedule after an approved extension moves the deadline', () => {
    // Old deadline 03-13: reminder and overdue already sent. New deadline Mon 03-31: reminder D−3 wd = Wed 03-26.
    const extended = { ...hazard, deadline: '2025-03-31' };
    const done = [key('reminder'), key('overdue')];
    expect(stepsOf('2025-03-25', done, extended)).toEqual([]);
    expect(run('2025-03-26', done, extended).map((e) => e.key)).toEqual(['reminder@2025-03-31']);
  });
});

describe('computeEscalations: recipients and messages', () => {
  it('tells the enterprise and the territory’s safety coordinator three working days before', () => {
    const [reminder] = run('2025-03-10');
    expect(reminder?.recipients).toEqual([
      { kind: 'enterprise', enterpriseId: ids.ent1 },
      { kind: 'territory', orgUnitId: ids.village1, flag: 'safetyCoordinator' },
    ]);
    expect(reminder?.messageZh).toBe('隐患HM-2025-0001「电梯制动器异常」整改期限为2025-03-13，即将到期，请按期完成整改并提交复查。');
  });

  it('tells the supervising department and the territory when overdue', () => {
    const [overdue] = run('2025-03-14', [key('reminder')]);
    expect(overdue?.recipients).toEqual([
      { kind: 'enterprise', enterpriseId: ids.ent1 },
      { kind: 'org_unit', orgUnitId: ids.dept1 },
      { kind: 'territory', orgUnitId: ids.village1, flag: null },
    ]);
  });

  it('involves the bureau and the office at the interview step', () => {
    const done = [key('reminder'), key('overdue'), key('urging')];
    const [interview] = run('2025-04-03', done);
    expect(interview?.recipients).toContainEqual({ kind: 'role', role: 'bureau' });
    expect(interview?.recipients).toContainEqual({ kind: 'role', role: 'office' });
    expect(interview?.action).toBe('interview_principal');
  });

  it('without an enterprise or department, notifies the territory once (it is the responsible unit)', () => {
    const h = { ...hazard, enterpriseId: null, supervisingOrgUnitId: null };
    const [overdue] = run('2025-03-14', [key('reminder')], h);
    expect(overdue?.recipients).toEqual([{ kind: 'territory', orgUnitId: ids.village1, flag: null }]);
  });
});

describe('escalationConfigSchema', () => {
  it('accepts the default ladder and refuses a step without recipients', () => {
    expect(escalationConfigSchema.safeParse(defaultEscalationConfig).success).toBe(true);
    const broken = [{ ...defaultEscalationConfig[0], notify: [] }];
    expect(escalationConfigSchema.safeParse(broken).success).toBe(false);
  });
});
