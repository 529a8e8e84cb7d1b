/**
 * Helpers for the environment integration tests (not a test file itself): org unit ids by code,
 * a data-entry user of the environment department, and a station factory.
 */
import { systemActor } from '../../shared/actor';
import type { TestApp, TestClient } from '../../../test/support/create-test-app';
import { createUser } from '../accounts';
import { findOrgUnitByCode } from '../org';
import { DEMO_PASSWORD } from '../../demo/org-demo';

export async function orgIdOf(t: TestApp, code: string): Promise<string> {
  const unit = await findOrgUnitByCode(t.database.db, code);
  if (!unit) throw new Error(`org unit ${code} missing`);
  return unit.id;
}

/** A department user of 生态环境局 (dept-env), logged in: the demo user env1, or a new one by another name. */
export async function loginEnvUser(t: TestApp, username = 'env1'): Promise<TestClient> {
  if (username === 'env1') return t.as('env1');
  await createUser(t.database.db, {
    actor: systemActor('test'),
    input: { username, displayName: '赵环境（生态环境局）', role: 'department', flags: [], orgUnitId: await orgIdOf(t, 'dept-env'), password: DEMO_PASSWORD },
  });
  return t.as(username);
}

export async function createStationVia(client: TestClient, body: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const res = await client.post('/api/v1/environment/stations', body);
  if (res.status !== 201) throw new Error(`station create failed: ${res.status} ${res.text}`);
  return res.body;
}
