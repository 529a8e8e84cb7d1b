import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../shared/actor';
import { createImportBatch, executeImportBatch, undoImportBatch, withLimits } from '../../platform/import';
import { createTestApp, fixedClock, type TestApp, type TestClient } from '../../../test/support/create-test-app';
import { importRegistry } from '../import-kinds';
import { createStationVia, loginEnvUser, orgIdOf } from './env-test-support';

let t: TestApp;
let env: TestClient;
let stationId: string;
const actor = systemActor('test-import');
const limits = withLimits();

beforeAll(async () => {
  t = await createTestApp({ clock: fixedClock('2026-11-26T04:00:00Z') });
  env = await loginEnvUser(t);
  stationId = (await createStationVia(env, { kind: 'air', code: 'AQ-IMP', name: '导入测试站', territoryOrgUnitId: await orgIdOf(t, 'town-sijia'), lon: 121.3, lat: 32 })).id;
});
afterAll(async () => t.close());

const csv = (rows: string[]) => new TextEncoder().encode(`站点编码,时间,SO2,NO2,CO,O3,PM10,PM2.5\n${rows.join('\n')}\n`);
const hours = (date: string, pm25: number, count = 24) =>
  Array.from({ length: count }, (_, h) => `AQ-IMP,${date} ${String(h).padStart(2, '0')}:00,10,30,0.8,100,70,${pm25}`);

async function runImport(bytes: Uint8Array) {
  const { batch } = await createImportBatch(t.database.db, importRegistry, { actor, input: { kind: 'environment-air-hourly', fileName: 'air.csv', bytes, mode: 'all_or_nothing', dryRun: false }, limits, enqueue: false });
  return executeImportBatch(t.database.db, importRegistry, { batchId: batch.id, actor, limits, today: '2026-11-26' });
}

async function dailyAqi(date: string): Promise<number | null | undefined> {
  const res = await env.get(`/api/v1/environment/air/stations/${stationId}/daily?from=${date}&to=${date}`);
  return res.body.items[0]?.aqi;
}

describe('hourly air data through the generic import engine', () => {
  it('imports a CSV, recomputes the day, updates changed hours and undoes a batch', async () => {
    const first = await runImport(csv(hours('2026-11-20', 50)));
    expect(first).toMatchObject({ status: 'succeeded', insertedCount: 24, updatedCount: 0 });
    expect(await dailyAqi('2026-11-20')).toBe(80);
    const second = await runImport(csv([...hours('2026-11-20', 200, 6), ...hours('2026-11-20', 50).slice(6)]));
    expect(second).toMatchObject({ status: 'succeeded', insertedCount: 0, updatedCount: 6, unchangedCount: 18 });
    expect(await dailyAqi('2026-11-20')).toBe(126);
    await undoImportBatch(t.database.db, importRegistry, { actor, id: second.id });
    expect(await dailyAqi('2026-11-20')).toBe(80);
    await undoImportBatch(t.database.db, importRegistry, { actor, id: first.id });
    expect(await dailyAqi('2026-11-20')).toBeUndefined();
  });

  it('rejects a file with bad rows, naming them, and writes nothing', async () => {
    const batch = await runImport(csv(['AQ-IMP,2026-11-21 01:00,10,30,0.8,100,70,abc', 'NOPE,2026-11-21 02:00,1,1,1,1,1,1', 'AQ-IMP,2026-12-01 02:00,1,1,1,1,1,1', ...hours('2026-11-21', 30, 3)]));
    expect(batch.status).toBe('rejected');
    expect(batch.failedCount).toBe(3);
    expect(await dailyAqi('2026-11-21')).toBeUndefined();
  });
});
