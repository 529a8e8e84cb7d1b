import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixedClock, type TestApp, type TestClient } from '../../../test/support/create-test-app';
import { buildPlan, countTarget, occurrences, orgIds, task, uploadEvidence, veto, type BuiltPlan } from './route-test-support';

/**
 * Year-end assessment of a 2035 plan for three townships: W1 (count, 60 points, lead 科技局), W2 (task,
 * 40), a bonus item (1 per occurrence, item cap 5), a deduction item (2 per occurrence, item cap 10) and
 * a veto; the plan caps Σ bonus at 2 and Σ deduction at 3.
 */
const clock = fixedClock('2035-12-20T02:00:00Z');
let t: TestApp;
let office: TestClient;
let admin: TestClient;
let town1: TestClient;
let town2: TestClient;
let sci: TestClient;
let bureau: TestClient;
let org: Record<string, string>;
let plan: BuiltPlan;
const units = ['town-changle', 'town-yuelai', 'town-sijia'];
const item = (code: string, unit: string) => plan.assignmentIds[`${code}@${org[unit]}`] as string;

async function login(): Promise<void> {
  [office, admin, town1, town2, sci, bureau] = await Promise.all([t.as('office'), t.as('admin'), t.as('town1'), t.as('town2'), t.as('sci'), t.as('bureau')]);
}

async function selfEvaluate(client: TestClient, unit: string, values: Record<string, unknown>, withEvidence = true): Promise<void> {
  const evidenceId = withEvidence ? await uploadEvidence(client) : null;
  for (const [code, actual] of Object.entries(values)) {
    const res = await client.post('/api/v1/targets/self-evaluations', { assignmentId: item(code, unit), actual, evidenceFileIds: code === 'W1' && evidenceId ? [evidenceId] : [], submit: true });
    expect(res.status, `${unit} ${code}: ${res.text}`).toBe(201);
  }
}

async function evaluationOf(client: TestClient, code: string, unit: string) {
  const list = await client.get(`/api/v1/targets/plans/${plan.planId}/self-evaluations?pageSize=100`);
  return (list.body.items as Array<{ assignmentId: string; id: string; version: number }>).find((e) => e.assignmentId === item(code, unit)) as { id: string; version: number };
}

async function ranking(client: TestClient) {
  const res = await client.get(`/api/v1/targets/plans/${plan.planId}/ranking?peerGroup=townships`);
  return res;
}

const rows = async () => Object.fromEntries(((await ranking(office)).body.groups[0].rows as Array<{ orgUnitName: string; rank: number; isTied: boolean; total: string; grade: string }>).map((r) => [r.orgUnitName, r]));

beforeAll(async () => {
  t = await createTestApp({ clock });
  await login();
  org = await orgIds(t);
  const lead = org['office-quality'] as string;
  plan = await buildPlan(office, {
    year: 2035,
    config: { caps: { bonusCap: '2', deductionCap: '3', vetoTotal: 'keep', floorTotalAtZero: true } },
    indicators: [
      countTarget('W1', org['dept-sci'] as string, '60', '10', { evidence: { description: '认定文件', fileKinds: ['image'], maxFiles: 2 } }),
      task('W2', lead, '40'),
      occurrences('bonus', 'BN', lead, '1', '5'),
      occurrences('deduction', 'DD', lead, '2', '10'),
      veto('VT', lead),
    ],
    assignments: units.flatMap((unit) => ['W1', 'W2', 'BN', 'DD', 'VT'].map((code) => ({ code, orgUnitId: org[unit] as string }))),
  });
});
afterAll(async () => t.close());

describe('self-evaluation and review', () => {
  it('requires evidence for a reported item and accepts the year-end values of each township', async () => {
    const missingEvidence = await town1.post('/api/v1/targets/self-evaluations', { assignmentId: item('W1', 'town-changle'), actual: { type: 'number', value: '8' }, submit: true });
    expect(missingEvidence.body.error.code).toBe('targets.evidence_required');
    await selfEvaluate(town1, 'town-changle', { W1: { type: 'number', value: '8' }, W2: { type: 'task', status: 'done' }, BN: { type: 'occurrences', count: 3 }, DD: { type: 'occurrences', count: 2 }, VT: { type: 'veto', triggered: false } });
    await selfEvaluate(town2, 'town-yuelai', { W1: { type: 'number', value: '10' }, W2: { type: 'task', status: 'done' }, BN: { type: 'occurrences', count: 0 }, DD: { type: 'occurrences', count: 0 }, VT: { type: 'veto', triggered: true } });
    // 四甲镇 has no user of its own in the demo; the administrator reports for it.
    await selfEvaluate(admin, 'town-sijia', { W1: { type: 'number', value: '7.5' }, W2: { type: 'task', status: 'done' }, BN: { type: 'occurrences', count: 3 }, DD: { type: 'occurrences', count: 0 }, VT: { type: 'veto', triggered: false } });
    const mine = (await town1.get(`/api/v1/targets/plans/${plan.planId}/self-evaluations`)).body;
    expect(mine.total).toBe(5);
  });

  it("gives 科技局 its review queue for W1 only; the bureau and a township cannot review it", async () => {
    const queue = (await sci.get(`/api/v1/targets/plans/${plan.planId}/self-evaluations?reviewQueue=true&status=submitted`)).body;
    expect(queue.total).toBe(3);
    expect(new Set(queue.items.map((e: { indicatorCode: string }) => e.indicatorCode))).toEqual(new Set(['W1']));
    expect(queue.items.every((e: { canReview: boolean }) => e.canReview)).toBe(true);
    const evaluation = await evaluationOf(office, 'W1', 'town-yuelai');
    const byBureau = await bureau.post(`/api/v1/targets/self-evaluations/${evaluation.id}/reviews`, { version: evaluation.version, decision: 'accept' });
    expect(byBureau.status).toBe(403);
    expect(byBureau.body.error.code).toBe('targets.not_lead_department');
    expect((await town1.post(`/api/v1/targets/self-evaluations/${evaluation.id}/reviews`, { version: evaluation.version, decision: 'accept' })).status).toBe(403);
    const byOffice = await office.post(`/api/v1/targets/self-evaluations/${evaluation.id}/reviews`, { version: evaluation.version, decision: 'accept' });
    expect(byOffice.status).toBe(403); // the office leads W2…VT, not W1
    const accepted = await sci.post(`/api/v1/targets/self-evaluations/${evaluation.id}/reviews`, { version: evaluation.version, decision: 'accept' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    const w2 = await evaluationOf(office, 'W2', 'town-changle');
    expect((await office.post(`/api/v1/targets/self-evaluations/${w2.id}/reviews`, { version: w2.version, decision: 'accept' })).status).toBe(200);
  });
});

describe('scoring through the API', () => {
  it('sums item scores, caps bonuses and deductions, and forces D on a veto however high the total', async () => {
    const computed = await office.post(`/api/v1/targets/plans/${plan.planId}/scores`, {});
    expect(computed.status, computed.text).toBe(200);
    expect(computed.body).toMatchObject({ units: 3, items: 15 });
    const scores = (await office.get(`/api/v1/targets/plans/${plan.planId}/scores?withItems=true`)).body as Array<Record<string, unknown> & { orgUnitName: string; items: Array<{ code: string; score: string; explanation: string }> }>;
    const byName = Object.fromEntries(scores.map((s) => [s.orgUnitName, s]));
    expect(byName['常乐镇']).toMatchObject({ raw: '88.00', bonusSum: '3.00', bonusApplied: '2.00', deductionSum: '4.00', deductionApplied: '3.00', total: '87.00', grade: 'B', vetoed: false });
    expect(byName['常乐镇']?.items.find((i) => i.code === 'W1')?.explanation).toContain('60×8÷10=48.00分');
    expect(byName['四甲镇']).toMatchObject({ raw: '85.00', bonusApplied: '2.00', deductionApplied: '0.00', total: '87.00', grade: 'B' });
    expect(byName['悦来镇']).toMatchObject({ raw: '100.00', total: '100.00', vetoed: true, vetoCodes: ['VT'], grade: 'D' });
    // Townships see their own score only.
    const own = (await town1.get(`/api/v1/targets/plans/${plan.planId}/scores`)).body;
    expect(own.map((s: { orgUnitName: string }) => s.orgUnitName)).toEqual(['常乐镇']);
  });

  it('ranks ties equally by default, separates them by the configured tie-break, and puts the vetoed unit last', async () => {
    let ranked = await rows();
    expect(ranked['常乐镇']).toMatchObject({ rank: 1, isTied: true });
    expect(ranked['四甲镇']).toMatchObject({ rank: 1, isTied: true });
    expect(ranked['悦来镇']).toMatchObject({ rank: 3, isTied: false });
    const current = (await office.get(`/api/v1/targets/plans/${plan.planId}`)).body;
    const tieBreak = await office.patch(`/api/v1/targets/plans/${plan.planId}`, {
      version: current.version,
      config: { ranking: { tieBreak: ['total', 'fewerDeductions'], tieRanking: 'competition' } },
      reason: '按考核细则：总分相同的，扣分少者列前',
    });
    expect(tieBreak.status, tieBreak.text).toBe(200);
    expect((await office.post(`/api/v1/targets/plans/${plan.planId}/scores`, {})).status).toBe(200);
    ranked = await rows();
    expect(ranked['四甲镇']).toMatchObject({ rank: 1, isTied: false });
    expect(ranked['常乐镇']).toMatchObject({ rank: 2, isTied: false });
    expect(ranked['悦来镇']?.rank).toBe(3);
  });

  it("rescoring after the lead department adjusts a value (with a comment) moves the unit, and the score shows the review as the value's source", async () => {
    const evaluation = await evaluationOf(sci, 'W1', 'town-changle');
    const noComment = await sci.post(`/api/v1/targets/self-evaluations/${evaluation.id}/reviews`, { version: evaluation.version, decision: 'adjust', adjustedActual: { type: 'number', value: '9' } });
    expect(noComment.status).toBe(400);
    const adjusted = await sci.post(`/api/v1/targets/self-evaluations/${evaluation.id}/reviews`, { version: evaluation.version, decision: 'adjust', adjustedActual: { type: 'number', value: '9' }, comment: '核实新增高企认定文件，应为9家' });
    expect(adjusted.status).toBe(200);
    expect(adjusted.body.reviews.at(-1)).toMatchObject({ decision: 'adjust', adjustedText: '9家', comment: '核实新增高企认定文件，应为9家', reviewerName: '刘科技（科技局）' });
    await office.post(`/api/v1/targets/plans/${plan.planId}/scores`, {});
    const ranked = await rows();
    expect(ranked['常乐镇']).toMatchObject({ rank: 1, total: '93.00', grade: 'A' });
    expect(ranked['四甲镇']?.rank).toBe(2);
    const scores = (await office.get(`/api/v1/targets/plans/${plan.planId}/scores?withItems=true`)).body as Array<{ orgUnitName: string; items: Array<{ code: string; source: string; provenance: { kind: string; producedBy: string; note: string } }> }>;
    const w1 = scores.find((s) => s.orgUnitName === '常乐镇')?.items.find((i) => i.code === 'W1');
    expect(w1).toMatchObject({ source: 'review', provenance: { kind: 'review', producedBy: '刘科技（科技局）', note: '核实新增高企认定文件，应为9家' } });
  });

  it("shows town1 its scorecard with each rule in words and the current score, and hides town2's", async () => {
    const units = (await office.get(`/api/v1/targets/plans/${plan.planId}/units`)).body as Array<{ id: string; orgUnitName: string }>;
    const mine = units.find((u) => u.orgUnitName === '常乐镇') as { id: string };
    const theirs = units.find((u) => u.orgUnitName === '悦来镇') as { id: string };
    const card = await town1.get(`/api/v1/targets/units/${mine.id}/scorecard`);
    expect(card.status).toBe(200);
    expect(card.body.preview).toMatchObject({ total: '93.00', grade: 'A' });
    expect(card.body.stored).toMatchObject({ total: '93.00', rank: 1 });
    const w1 = card.body.items.find((i: { indicator: { code: string } }) => i.indicator.code === 'W1');
    expect(w1.rule.zh).toBe('数量指标W1目标10家（标准分60分）：完成10家及以上得满分60分；未达10家的按完成比例计分（得分=60×实际数÷10）。');
    expect(w1.value).toMatchObject({ text: '9家', source: 'review' });
    expect(w1.leadOrgUnitName).toBe('海门市科学技术局');
    expect((await town1.get(`/api/v1/targets/units/${theirs.id}/scorecard`)).status).toBe(404);
  });

  it('exports the score sheet with one column per indicator', async () => {
    const res = await t.app.request(`/api/v1/targets/plans/${plan.planId}/scores/export.xlsx`, { headers: { cookie: office.cookie ?? '' } });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['组别', '名次', '单位', 'BN 加分BN', 'DD 扣分DD', 'VT 否决VT', 'W1 数量指标W1', 'W2 任务W2', '指标得分', '加分（封顶后）', '扣分（封顶后）', '总分', '等次', '一票否决']);
    const first = (sheet?.getRow(2).values as unknown[]).slice(1);
    expect(first.slice(0, 13)).toEqual(['镇（街道）', 1, '常乐镇', 3, -4, '—', 54, 40, 94, 2, 3, 93, 'A']);
    const vetoed = (sheet?.getRow(4).values as unknown[]).slice(1);
    expect(vetoed[2]).toBe('悦来镇');
    expect(vetoed[5]).toBe('否决');
    expect(vetoed[13]).toBe('VT');
    const rank = await t.app.request(`/api/v1/targets/plans/${plan.planId}/ranking/export.xlsx`, { headers: { cookie: office.cookie ?? '' } });
    expect(rank.status).toBe(200);
  });
});

describe('publicity, objections and publication', () => {
  it('keeps the ranking from townships until publicity, then takes objections within the window only', async () => {
    const hidden = await ranking(town1);
    expect(hidden.status).toBe(403);
    expect(hidden.body.error.code).toBe('targets.ranking_not_public');
    const current = (await office.get(`/api/v1/targets/plans/${plan.planId}`)).body;
    const opened = await office.post(`/api/v1/targets/plans/${plan.planId}/publicity`, { version: current.version, days: 5 });
    expect(opened.status, opened.text).toBe(201);
    expect(opened.body).toMatchObject({ kind: 'publicity', startsOn: '2035-12-20', endsOn: '2035-12-24' });
    const visible = await ranking(town1);
    expect(visible.status).toBe(200);
    expect(visible.body.groups[0].rows.map((r: { orgUnitName: string }) => r.orgUnitName)).toEqual(['常乐镇', '四甲镇', '悦来镇']);
    expect(visible.body.groups[0].chart.categories).toEqual(['常乐镇', '四甲镇', '悦来镇']);

    const forOther = await town2.post(`/api/v1/targets/plans/${plan.planId}/objections`, { orgUnitId: org['town-changle'], reason: '常乐镇的高企数量核定有误' });
    expect(forOther.status).toBe(404);
    const objection = await town2.post(`/api/v1/targets/plans/${plan.planId}/objections`, { indicatorId: plan.indicatorIds.VT, reason: '事件发生在邻镇，不应由我镇承担否决' });
    expect(objection.status, objection.text).toBe(201);
    expect(objection.body).toMatchObject({ status: 'open', orgUnitName: '悦来镇', indicatorCode: 'VT' });
    const early = await office.post(`/api/v1/targets/plans/${plan.planId}/publication`, { version: (await office.get(`/api/v1/targets/plans/${plan.planId}`)).body.version });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('targets.publicity_not_over');
  });

  it('publishes after the window once every objection is answered, and then freezes the scores', async () => {
    clock.set('2035-12-27T02:00:00Z');
    await login();
    const late = await town2.post(`/api/v1/targets/plans/${plan.planId}/objections`, { reason: '公示期后补充的异议材料' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('targets.objection_window_closed');
    let version = (await office.get(`/api/v1/targets/plans/${plan.planId}`)).body.version;
    const blocked = await office.post(`/api/v1/targets/plans/${plan.planId}/publication`, { version });
    expect(blocked.body.error.code).toBe('targets.objections_open');
    const objection = (await office.get(`/api/v1/targets/plans/${plan.planId}/objections`)).body[0];
    expect((await town1.get(`/api/v1/targets/objections/${objection.id}`)).status).toBe(404);
    const answered = await office.post(`/api/v1/targets/objections/${objection.id}/resolution`, { version: objection.version, decision: 'rejected', response: '经核查事件属悦来镇辖区，维持否决' });
    expect(answered.status).toBe(200);
    version = (await office.get(`/api/v1/targets/plans/${plan.planId}`)).body.version;
    const published = await office.post(`/api/v1/targets/plans/${plan.planId}/publication`, { version });
    expect(published.status, published.text).toBe(201);
    expect(published.body.ranking.stage).toBe('final');
    const rescore = await office.post(`/api/v1/targets/plans/${plan.planId}/scores`, {});
    expect(rescore.status).toBe(409);
    expect(rescore.body.error.code).toBe('targets.scoring_closed');
    const finalForTown = await ranking(town1);
    expect(finalForTown.body.publication.kind).toBe('final');
  });
});
