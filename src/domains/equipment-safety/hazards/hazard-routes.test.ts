import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixedClock, type TestApp, type TestClient } from '../../../../test/support/create-test-app';
import { act, loadDemoIds, report, step, uploadPhoto, type DemoIds } from './hazard-route-test-support';

// Monday 2 March 2026, 10:00 in Shanghai: a general hazard's default deadline is 10 days later, 2026-03-12 (Thu).
const clock = fixedClock('2026-03-02T02:00:00Z');
let t: TestApp;
let ids: DemoIds;
let office: TestClient;
let bureau: TestClient;
let town1: TestClient;
let town2: TestClient;
let ent1: TestClient;
let sci: TestClient;

async function login(): Promise<void> {
  [office, bureau, town1, town2, ent1, sci] = await Promise.all([t.as('office'), t.as('bureau'), t.as('town1'), t.as('town2'), t.as('ent1'), t.as('sci')]);
}

/** Runs `work` on another day (sessions expire when the clock jumps, so everyone logs in again). */
async function onDay(iso: string, work: () => Promise<void>): Promise<void> {
  clock.set(iso);
  await login();
  try {
    await work();
  } finally {
    clock.set('2026-03-02T02:00:00Z');
    await login();
  }
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  ids = await loadDemoIds(t);
  await login();
});
afterAll(async () => t.close());

/** A hazard of ent1's enterprise in 兴和村 (常乐镇), reported by town1 with a photo, confirmed and noticed. */
async function rectifyingHazard(title = '电梯制动器制动力不足'): Promise<{ id: string; deadline: string }> {
  const photo = await uploadPhoto(t, town1);
  const created = await report(town1, { title, source: 'patrol', orgUnitId: ids.xinghe, enterpriseId: ids.ent1Enterprise, photos: [photo], submit: true });
  await step(bureau, created.id, { action: 'confirm', grade: 'general' });
  const noticed = await step(bureau, created.id, { action: 'issue_notice', note: '限期整改' });
  return { id: created.id, deadline: noticed.deadline };
}

describe('the closed loop through the API', () => {
  it('runs report with a photo → confirm → notice → rectification → failed verification → rectify again → passed → closed, every step in the history', async () => {
    const before = await uploadPhoto(t, town1, '整改前.png');
    const created = await report(town1, {
      title: '电梯层门门锁啮合长度不足',
      description: '3 楼层门门锁啮合长度约 5 mm',
      source: 'patrol',
      orgUnitId: ids.xinghe,
      enterpriseId: ids.ent1Enterprise,
      location: { address: '常乐镇兴和村某小区 3 号楼', lon: 121.2, lat: 31.9 },
      photos: [before],
      submit: true,
    });
    expect(created).toMatchObject({ status: 'reported', version: 2, grade: null, deadline: null, isOverdue: false, enterpriseName: expect.any(String), orgUnitName: '兴和村' });
    expect(created.hazardNo).toMatch(/^2026-320684-\d{4}$/);
    expect(created.photos).toEqual([expect.objectContaining({ id: before, kind: 'before', url: `/api/v1/hazards/${created.id}/files/${before}` })]);

    const asBureau = await bureau.get(`/api/v1/hazards/${created.id}`);
    expect(asBureau.body.availableActions).toEqual(expect.arrayContaining(['reject', 'confirm']));
    expect((await town1.get(`/api/v1/hazards/${created.id}`)).body.availableActions).not.toContain('confirm');

    await step(bureau, created.id, { action: 'confirm', grade: 'general' });
    const noticed = await step(bureau, created.id, { action: 'issue_notice', note: '请立即停用并限期整改', noticeNo: '海市监特令〔2026〕12号' });
    expect(noticed).toMatchObject({ status: 'rectifying', deadline: '2026-03-12', notice: { kind: 'rectification_notice', issuedOn: '2026-03-02' } });

    // ent1 is the responsible unit: it sees the before photo uploaded by town1 and submits the rectification.
    const photoAsEnt1 = await ent1.request('GET', `/api/v1/hazards/${created.id}/files/${before}`);
    expect(photoAsEnt1.status).toBe(200);
    expect(photoAsEnt1.headers.get('content-type')).toBe('image/png');
    const after1 = await uploadPhoto(t, ent1, '整改后1.png');
    const submitted = await step(ent1, created.id, { action: 'submit_rectification', note: '已调整门锁', afterPhotos: [after1] });
    expect(submitted.status).toBe('pending_verification');

    const failed = await step(town1, created.id, { action: 'verify_fail', note: '啮合长度仍不足' });
    expect(failed).toMatchObject({ status: 'rectifying', deadline: '2026-03-12' });

    const after2 = await uploadPhoto(t, ent1, '整改后2.png');
    await step(ent1, created.id, { action: 'submit_rectification', note: '已更换门锁', afterPhotos: [after2] });
    const closed = await step(town1, created.id, { action: 'verify_pass', note: '复查合格' });
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'verified', closedOn: '2026-03-02', availableActions: expect.arrayContaining(['reopen']) });

    expect(closed.history.map((e: { action: string; toStatus: string; actorName: string }) => [e.action, e.toStatus, e.actorName])).toEqual([
      ['create', 'draft', '张协管（常乐镇）'],
      ['submit', 'reported', '张协管（常乐镇）'],
      ['confirm', 'confirmed', '李监管（市场监管局）'],
      ['issue_notice', 'rectifying', '李监管（市场监管局）'],
      ['submit_rectification', 'pending_verification', '赵企业（企业用户）'],
      ['verify_fail', 'rectifying', '张协管（常乐镇）'],
      ['submit_rectification', 'pending_verification', '赵企业（企业用户）'],
      ['verify_pass', 'closed', '张协管（常乐镇）'],
    ]);
    expect(closed.photos.map((p: { kind: string }) => p.kind)).toEqual(['before', 'after']);

    // The responsible unit heard about the notice and the failed verification.
    const inbox = (await ent1.get('/api/v1/notifications?pageSize=50')).body.items.map((n: { kind: string }) => n.kind);
    expect(inbox).toEqual(expect.arrayContaining(['hazard.issue_notice', 'hazard.verify_fail', 'hazard.verify_pass']));
    const bureauInbox = (await bureau.get('/api/v1/notifications?pageSize=50')).body.items.map((n: { kind: string }) => n.kind);
    expect(bureauInbox).toContain('hazard.submit');
  });

  it('refuses closing without after photos when verification requires evidence', async () => {
    const created = await report(bureau, { source: 'supervision', orgUnitId: ids.xinghe, submit: true });
    await step(bureau, created.id, { action: 'confirm', grade: 'general' });
    await step(bureau, created.id, { action: 'issue_notice', note: '限期整改' });
    const after = await uploadPhoto(t, town1);
    // No enterprise: the territory is the responsible unit.
    await step(town1, created.id, { action: 'submit_rectification', note: '已整改', afterPhotos: [after] });
    const current = (await bureau.get(`/api/v1/hazards/${created.id}`)).body;
    const res = await act(bureau, created.id, { action: 'verify_pass', version: current.version, note: '合格' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('hazard.evidence_missing');
  });
});

describe('versions, transitions and actors', () => {
  it('answers a stale version with 409 hazard.stale_version and leaves the hazard as the first writer left it', async () => {
    const created = await report(town1, { source: 'patrol', orgUnitId: ids.xinghe, submit: true });
    const first = await act(bureau, created.id, { action: 'confirm', version: created.version, grade: 'general' });
    expect(first.status).toBe(200);
    const second = await act(bureau, created.id, { action: 'confirm', version: created.version, grade: 'major' });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('hazard.stale_version');
    expect((await bureau.get(`/api/v1/hazards/${created.id}`)).body).toMatchObject({ grade: 'general', version: created.version + 1 });
  });

  it('answers an action the state does not allow with 409 hazard.invalid_transition, whoever asks', async () => {
    const created = await report(town1, { source: 'patrol', orgUnitId: ids.xinghe, submit: true });
    for (const client of [bureau, town1]) {
      const res = await act(client, created.id, { action: 'verify_pass', version: created.version, note: '合格' });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('hazard.invalid_transition');
    }
  });

  it('answers an actor the state table does not grant with 403 hazard.forbidden_actor', async () => {
    const created = await report(town1, { source: 'patrol', orgUnitId: ids.xinghe, submit: true });
    const res = await act(town1, created.id, { action: 'confirm', version: created.version, grade: 'general' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('hazard.forbidden_actor');
    const byAdmin = await act(await t.as('admin'), created.id, { action: 'confirm', version: created.version, grade: 'general' });
    expect(byAdmin.status).toBe(403);
  });

  it('lets the supervising department review hazards it supervises, and not others', async () => {
    const supervised = await report(town1, { source: 'patrol', orgUnitId: ids.xinghe, supervisingOrgUnitId: ids.deptSci, submit: true });
    const other = await report(town1, { source: 'patrol', orgUnitId: ids.xinghe, supervisingOrgUnitId: ids.deptHousing, submit: true });
    expect((await sci.get(`/api/v1/hazards/${supervised.id}`)).body.availableActions).toContain('confirm');
    expect((await sci.get(`/api/v1/hazards/${other.id}`)).status).toBe(404);
    const confirmed = await act(sci, supervised.id, { action: 'confirm', version: supervised.version, grade: 'general' });
    expect(confirmed.status).toBe(200);
  });
});

describe('ent1 acts only as the responsible unit of its own enterprise', () => {
  it('sees only its enterprise’s hazards', async () => {
    await report(town1, { source: 'patrol', orgUnitId: ids.xinghe, enterpriseId: ids.otherEnterpriseInTown1, submit: true });
    const list = await ent1.get('/api/v1/hazards?pageSize=100');
    expect(list.status).toBe(200);
    expect(list.body.total).toBeGreaterThan(0);
    expect(new Set(list.body.items.map((h: { enterpriseId: string }) => h.enterpriseId))).toEqual(new Set([ids.ent1Enterprise]));
    const board = await ent1.get('/api/v1/hazards/board');
    expect(board.body.total).toBe(list.body.total);
  });

  it('cannot see or act on another enterprise’s hazard (404)', async () => {
    const other = await report(town1, { source: 'patrol', orgUnitId: ids.xinghe, enterpriseId: ids.otherEnterpriseInTown1, submit: true });
    expect((await ent1.get(`/api/v1/hazards/${other.id}`)).status).toBe(404);
    expect((await act(ent1, other.id, { action: 'confirm', version: other.version, grade: 'general' })).status).toBe(404);
  });

  it('may rectify and request extensions but not review, notice or verify its own hazard', async () => {
    const { id } = await rectifyingHazard();
    const detail = (await ent1.get(`/api/v1/hazards/${id}`)).body;
    expect(detail.relations).toEqual(['responsible_unit']);
    expect(detail.availableActions).toEqual(['request_extension', 'submit_rectification']);
    const photo = await uploadPhoto(t, ent1);
    await step(ent1, id, { action: 'submit_rectification', note: '已整改', afterPhotos: [photo] });
    const current = (await ent1.get(`/api/v1/hazards/${id}`)).body;
    const verify = await act(ent1, id, { action: 'verify_pass', version: current.version, note: '自己验收' });
    expect(verify.status).toBe(403);
    expect(verify.body.error.code).toBe('hazard.forbidden_actor');
  });

  it('reports self-checks of its own enterprise only', async () => {
    const own = await ent1.post('/api/v1/hazards', { title: '日管控记录缺失', description: '近一周未填写', source: 'self_check', orgUnitId: ids.town1, enterpriseId: ids.ent1Enterprise });
    expect(own.status).toBe(201);
    expect(own.body.availableActions).toEqual(['submit']);
    const patrol = await ent1.post('/api/v1/hazards', { title: '巡查', description: '巡查', source: 'patrol', orgUnitId: ids.town1, enterpriseId: ids.ent1Enterprise });
    expect(patrol.status).toBe(403);
    const foreign = await ent1.post('/api/v1/hazards', { title: '自查', description: '自查', source: 'self_check', orgUnitId: ids.town1, enterpriseId: ids.otherEnterpriseInTown1 });
    expect(foreign.status).toBe(403);
  });
});

describe('township isolation', () => {
  it('keeps town2’s hazards out of town1’s sight and reach (404), and town2 out of town1’s territory', async () => {
    const theirs = await report(town2, { source: 'patrol', orgUnitId: ids.yongjin, submit: true });
    expect((await town1.get(`/api/v1/hazards/${theirs.id}`)).status).toBe(404);
    expect((await town1.patch(`/api/v1/hazards/${theirs.id}`, { version: theirs.version, title: '改标题' })).status).toBe(404);
    expect((await act(town1, theirs.id, { action: 'reject', version: theirs.version, disposition: 'invalid', reason: '越权' })).status).toBe(404);
    const list = await town1.get('/api/v1/hazards?pageSize=100');
    expect(list.body.items.map((h: { id: string }) => h.id)).not.toContain(theirs.id);
    expect(list.body.items.every((h: { orgUnitName: string }) => ['常乐镇', '兴和村', '石桥村'].includes(h.orgUnitName))).toBe(true);
    const intrude = await town2.post('/api/v1/hazards', { title: '越界', description: '越界', source: 'patrol', orgUnitId: ids.xinghe });
    expect(intrude.status).toBe(403);
    expect((await office.get(`/api/v1/hazards/${theirs.id}`)).status).toBe(200);
  });
});

describe('editing, extensions and reopening', () => {
  it('edits descriptive fields without touching the deadline, and refuses a deadline in the edit', async () => {
    const { id, deadline } = await rectifyingHazard('起重机限位开关失灵');
    await onDay('2026-03-09T02:00:00Z', async () => {
      const current = (await town1.get(`/api/v1/hazards/${id}`)).body;
      const edited = await town1.patch(`/api/v1/hazards/${id}`, { version: current.version, title: '门式起重机起升高度限位失灵', description: '试验时上升限位不动作' });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ title: '门式起重机起升高度限位失灵', deadline, version: current.version + 1 });
      expect(edited.body.history.at(-1)).toMatchObject({ action: 'edit', payload: { changes: { title: ['起重机限位开关失灵', '门式起重机起升高度限位失灵'] } } });
      const withDeadline = await town1.patch(`/api/v1/hazards/${id}`, { version: edited.body.version, deadline: '2026-06-30' });
      expect(withDeadline.status).toBe(400);
      const stale = await town1.patch(`/api/v1/hazards/${id}`, { version: current.version, title: '再改' });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('hazard.stale_version');
    });
  });

  it('needs a decision for an extension: approval moves the deadline, refusal keeps it', async () => {
    const { id, deadline } = await rectifyingHazard('压力表超期未检定');
    const requested = await step(ent1, id, { action: 'request_extension', newDeadline: '2026-03-31', reason: '配件订货周期长' });
    expect(requested).toMatchObject({ deadline, pendingExtension: { newDeadline: '2026-03-31', requestedOn: '2026-03-02' } });
    expect((await bureau.get(`/api/v1/hazards/${id}`)).body.availableActions).toContain('decide_extension');
    expect((await ent1.get(`/api/v1/hazards/${id}`)).body.availableActions).not.toContain('request_extension');
    const approved = await step(bureau, id, { action: 'decide_extension', approve: true, comment: '同意' });
    expect(approved).toMatchObject({ deadline: '2026-03-31', pendingExtension: null });

    await step(ent1, id, { action: 'request_extension', newDeadline: '2026-04-30', reason: '再延期' });
    const refused = await step(bureau, id, { action: 'decide_extension', approve: false, comment: '理由不充分' });
    expect(refused).toMatchObject({ deadline: '2026-03-31', pendingExtension: null });
    expect(refused.history.filter((e: { action: string }) => e.action === 'decide_extension').map((e: { payload: { approve: boolean } }) => e.payload.approve)).toEqual([true, false]);
  });

  it('reopens a closed hazard with a new deadline, linked to the closing step and counted as a rebound', async () => {
    const { id } = await rectifyingHazard('叉车制动失灵');
    const photo = await uploadPhoto(t, ent1);
    await step(ent1, id, { action: 'submit_rectification', note: '已修复', afterPhotos: [photo] });
    const closed = await step(town1, id, { action: 'verify_pass', note: '合格' });
    const closingSeq = closed.history.at(-1).seq;
    const reopened = await step(town1, id, { action: 'reopen', reason: '回头看发现制动仍异常' });
    expect(reopened).toMatchObject({ status: 'rectifying', reopenCount: 1, closedOn: null, closeReason: null, afterPhotoIds: [], deadline: '2026-03-12' });
    expect(reopened.history.at(-1)).toMatchObject({ action: 'reopen', fromStatus: 'closed', payload: { reopenedFrom: { closedOn: '2026-03-02', closingEventSeq: closingSeq } } });
    const rebound = await town1.get('/api/v1/hazards?reopened=true&pageSize=100');
    expect(rebound.body.items.map((h: { id: string }) => h.id)).toContain(id);
  });
});

describe('lists, board, township page and export', () => {
  it('filters the list and counts the board for the caller’s scope', async () => {
    const created = await report(town1, { title: '气瓶混放且无防倾倒措施', source: 'patrol', orgUnitId: ids.xinghe, grade: 'major', submit: true });
    const found = await town1.get(`/api/v1/hazards?q=${encodeURIComponent('气瓶混放')}&status=reported&grade=major`);
    expect(found.body.items.map((h: { id: string }) => h.id)).toContain(created.id);
    expect(found.body.items.every((h: { status: string; grade: string }) => h.status === 'reported' && h.grade === 'major')).toBe(true);
    const all = await town1.get('/api/v1/hazards?pageSize=1');
    const board = await town1.get('/api/v1/hazards/board');
    expect(board.status).toBe(200);
    expect(board.body.total).toBe(all.body.total);
    expect(Object.values(board.body.byStatus as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(all.body.total);
    const cityBoard = await office.get('/api/v1/hazards/board');
    expect(cityBoard.body.total).toBeGreaterThan(board.body.total);
  });

  it('lists a township’s overdue hazards once their deadline has passed', async () => {
    const { id } = await rectifyingHazard('锅炉水位表模糊不清');
    await onDay('2026-03-13T02:00:00Z', async () => {
      const summary = await town1.get('/api/v1/hazards/township-summary');
      expect(summary.status).toBe(200);
      expect(summary.body.orgUnitName).toBe('常乐镇');
      expect(summary.body.overdueHazards.map((h: { id: string }) => h.id)).toContain(id);
      expect(summary.body.overdueHazards.every((h: { isOverdue: boolean }) => h.isOverdue)).toBe(true);
      expect(summary.body.board.overdue).toBe(summary.body.overdueHazards.length);
      const listed = await town1.get('/api/v1/hazards?overdue=true&pageSize=100');
      expect(listed.body.items.map((h: { id: string }) => h.id)).toContain(id);
      expect((await town1.get(`/api/v1/hazards/township-summary?orgUnitId=${ids.town2}`)).status).toBe(404);
    });
  });

  it('exports the filtered list as xlsx', async () => {
    const res = await town1.request('GET', '/api/v1/hazards/export.xlsx?status=reported');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
  });

  it('lets the bureau change the configured deadline for general hazards', async () => {
    const settings = (await bureau.get('/api/v1/hazards/settings')).body;
    expect(settings.rules.deadlines.general.default).toEqual({ amount: 10, unit: 'calendar_days' });
    const rules = { ...settings.rules, deadlines: { ...settings.rules.deadlines, general: { default: { amount: 5, unit: 'working_days' }, max: null } } };
    expect((await town1.request('PUT', '/api/v1/hazards/settings', { key: 'rules', version: 0, value: rules })).status).toBe(403);
    const saved = await bureau.request('PUT', '/api/v1/hazards/settings', { key: 'rules', version: settings.version.rules, value: rules });
    expect(saved.status).toBe(200);
    try {
      const { deadline } = await rectifyingHazard('锅炉排污阀泄漏');
      expect(deadline).toBe('2026-03-09');
    } finally {
      await bureau.request('PUT', '/api/v1/hazards/settings', { key: 'rules', version: saved.body.version.rules, value: settings.rules });
    }
  });
});
