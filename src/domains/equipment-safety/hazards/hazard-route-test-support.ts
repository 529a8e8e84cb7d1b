/**
 * Helpers for the hazard route tests (imported only by `*.test.ts`): demo ids, photo upload, and short
 * calls for creating hazards and taking actions through the API.
 */
import type { TestApp, TestClient, TestResponse } from '../../../../test/support/create-test-app';
import { makeDemoPng } from './hazard-demo';

export type DemoIds = {
  town1: string;
  town2: string;
  xinghe: string;
  yongjin: string;
  deptSci: string;
  deptHousing: string;
  ent1Enterprise: string;
  otherEnterpriseInTown1: string;
};

export async function loadDemoIds(t: TestApp): Promise<DemoIds> {
  const office = await t.as('office');
  const ent1 = await t.as('ent1');
  const units = (await office.get('/api/v1/org-units?pageSize=500')).body.items as Array<{ id: string; code: string }>;
  const byCode = (code: string) => {
    const unit = units.find((u) => u.code === code);
    if (!unit) throw new Error(`demo unit ${code} missing`);
    return unit.id;
  };
  const town1 = byCode('town-changle');
  const enterprises = (await office.get(`/api/v1/enterprises?territoryOrgUnitId=${town1}&pageSize=50`)).body.items as Array<{ id: string }>;
  const ent1Enterprise = ent1.me.enterpriseId as string;
  const other = enterprises.find((e) => e.id !== ent1Enterprise);
  if (!ent1Enterprise || !other) throw new Error('demo enterprises missing');
  return {
    town1,
    town2: byCode('town-yuelai'),
    xinghe: byCode('village-changle-xinghe'),
    yongjin: byCode('village-yuelai-yongjin'),
    deptSci: byCode('dept-sci'),
    deptHousing: byCode('dept-housing'),
    ent1Enterprise,
    otherEnterpriseInTown1: other.id,
  };
}

/** Uploads a PNG as `client` through `POST /api/v1/files` (purpose photo); returns the file id. */
export async function uploadPhoto(t: TestApp, client: TestClient, name = '现场照片.png'): Promise<string> {
  const form = new FormData();
  form.set('purpose', 'photo');
  form.set('file', new File([new Uint8Array(makeDemoPng([120, 90, 60], 16, 16))], name, { type: 'image/png' }));
  const res = await t.app.request('/api/v1/files', {
    method: 'POST',
    body: form,
    headers: { cookie: client.cookie ?? '', 'x-csrf-token': client.csrf ?? '' },
  });
  const body = (await res.json()) as { id: string };
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(body)}`);
  return body.id;
}

export async function act(client: TestClient, id: string, body: Record<string, unknown>): Promise<TestResponse> {
  return client.post(`/api/v1/hazards/${id}/actions`, body);
}

/** Acts with the hazard's current version (read first); fails the test on a non-200. */
export async function step(client: TestClient, id: string, body: Record<string, unknown>): Promise<TestResponse['body']> {
  const current = await client.get(`/api/v1/hazards/${id}`);
  if (current.status !== 200) throw new Error(`read ${id}: ${current.status} ${current.text}`);
  const res = await act(client, id, { ...body, version: current.body.version });
  if (res.status !== 200) throw new Error(`${String(body['action'])}: ${res.status} ${res.text}`);
  return res.body;
}

export async function report(client: TestClient, input: Record<string, unknown>): Promise<TestResponse['body']> {
  const res = await client.post('/api/v1/hazards', { title: '电梯层门门锁啮合长度不足', description: '3 楼层门门锁啮合长度不足 7 mm', ...input });
  if (res.status !== 201) throw new Error(`report: ${res.status} ${res.text}`);
  return res.body;
}
