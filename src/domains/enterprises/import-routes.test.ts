import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPendingJobs } from '../../platform/jobs/queue';
import { silentLogger } from '../../platform/logger';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/create-test-app';
import { enterpriseByCode, row, sheet, testCode } from '../../../test/support/enterprise-import';
import { xlsxFile, zipBomb } from '../../../test/support/import-files';
import { jobHandlers } from '../job-handlers';

let t: TestApp;
let office: TestClient;
let town1: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  [office, town1] = await Promise.all([t.as('office'), t.as('town1')]);
});
afterAll(async () => t.close());

async function upload(client: TestClient, bytes: Uint8Array, fields: Record<string, string> = {}, fileName = '企业导入.xlsx') {
  const form = new FormData();
  form.set('file', new File([new Uint8Array(bytes)], fileName));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  const res = await t.app.request('/api/v1/imports/enterprises', { method: 'POST', body: form, headers: { cookie: client.cookie as string, 'x-csrf-token': client.csrf as string } });
  return { status: res.status, body: (await res.json()) as any };
}

const runJobs = () => runPendingJobs({ db: t.database.db, clock: t.clock, config: t.config, logger: silentLogger, handlers: jobHandlers });

async function download(client: TestClient, path: string): Promise<ExcelJS.Workbook> {
  const res = await t.app.request(path, { headers: { cookie: client.cookie as string } });
  expect(res.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await res.arrayBuffer());
  return workbook;
}

describe('the import wizard’s API', () => {
  it('offers a template with Chinese headers, an example row, drop-downs and a notes sheet', async () => {
    const workbook = await download(town1, '/api/v1/imports/enterprises/template.xlsx');
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['企业信息', '选项', '填写说明']);
    const data = workbook.getWorksheet('企业信息') as ExcelJS.Worksheet;
    expect((data.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['统一社会信用代码*', '企业名称*', '曾用名']);
    expect(data.getRow(2).getCell(2).value).toBe('海门示例机械有限公司');
    const territoryColumn = (data.getRow(1).values as unknown[]).indexOf('属地*');
    const validation = data.getCell(2, territoryColumn).dataValidation as { type: string; formulae: string[] };
    expect(validation.type).toBe('list');
    const lists = workbook.getWorksheet('选项') as ExcelJS.Worksheet;
    const letter = String(validation.formulae[0]).match(/\$([A-Z]+)\$2/)?.[1] as string;
    expect(lists.getColumn(letter).values.slice(2)).toEqual(['常乐镇']); // a township sees only its own territory
    expect((workbook.getWorksheet('填写说明') as ExcelJS.Worksheet).rowCount).toBeGreaterThan(15);
  });

  it('a template left as it is imports nothing (the example row is skipped)', async () => {
    const res = await t.app.request('/api/v1/imports/enterprises/template.xlsx', { headers: { cookie: office.cookie as string } });
    const up = await upload(office, new Uint8Array(await res.arrayBuffer()));
    expect(up.status).toBe(202);
    await runJobs();
    const batch = (await office.get(`/api/v1/imports/${up.body.batch.id}`)).body;
    expect(batch).toMatchObject({ status: 'failed', error: { code: 'import.no_rows' } });
  });

  it('uploads → job with progress → batch with counts → error report → undo', async () => {
    const bytes = await xlsxFile(sheet([row(600), row(601, { 统一社会信用代码: '91320684MA1T060199' }), row(602)]));
    const up = await upload(office, bytes, { mode: 'valid_only' });
    expect(up.status).toBe(202);
    expect(up.body.batch).toMatchObject({ status: 'queued', kind: 'enterprises', kindLabel: '企业', mode: 'valid_only', dryRun: false, fileName: '企业导入.xlsx', fileSize: bytes.length });
    const queued = await office.get(`/api/v1/jobs/${up.body.jobId}`);
    expect(queued.body).toMatchObject({ status: 'queued', kind: 'import' });
    expect(await runJobs()).toBe(1);

    const job = await office.get(`/api/v1/jobs/${up.body.jobId}`);
    expect(job.body).toMatchObject({ status: 'succeeded', progress: { done: 3, total: 3, percent: 100 }, result: { status: 'succeeded', inserted: 2, failed: 1 } });
    const batch = await office.get(`/api/v1/imports/${up.body.batch.id}`);
    expect(batch.body).toMatchObject({ status: 'succeeded', totalRows: 3, insertedCount: 2, failedCount: 1, canUndo: true, hasErrorReport: true });

    const report = await download(office, `/api/v1/imports/${up.body.batch.id}/errors.xlsx`);
    const rows = (report.worksheets[0] as ExcelJS.Worksheet).getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]?.slice(1)).toEqual([...sheet([])[0] as string[], '原行号', '错误说明']);
    expect(rows[1]?.[1]).toBe('91320684MA1T060199');
    expect(String(rows[1]?.at(-1))).toContain('统一社会信用代码');
    expect(rows).toHaveLength(2);

    const history = await office.get('/api/v1/imports?kind=enterprises&status=succeeded');
    expect(history.body.items.map((b: { id: string }) => b.id)).toContain(up.body.batch.id);

    const undone = await office.post(`/api/v1/imports/${up.body.batch.id}/undo`, { version: batch.body.version });
    expect(undone.body).toMatchObject({ status: 'undone', canUndo: false });
    expect(await enterpriseByCode(t.database.db, testCode(600))).toBeNull();
  });

  it('refuses a zip bomb in the upload response, and keeps batches and jobs in their scope', async () => {
    const bomb = await upload(office, zipBomb(20 * 1024 * 1024));
    expect([bomb.status, bomb.body.error.code]).toEqual([400, 'import.zip_bomb']);
    const missing = await t.app.request('/api/v1/imports/enterprises', { method: 'POST', body: new FormData(), headers: { cookie: office.cookie as string, 'x-csrf-token': office.csrf as string } });
    expect(missing.status).toBe(400);
    const up = await upload(office, await xlsxFile(sheet([row(610)])));
    const town2 = await t.as('town2');
    expect((await town2.get(`/api/v1/imports/${up.body.batch.id}`)).status).toBe(404);
    expect((await town2.get(`/api/v1/jobs/${up.body.jobId}`)).status).toBe(404);
    expect((await town2.get('/api/v1/imports')).body.items.map((b: { id: string }) => b.id)).not.toContain(up.body.batch.id);
    expect((await town2.post(`/api/v1/imports/${up.body.batch.id}/undo`, {})).status).toBe(404);
    const unknown = await office.get('/api/v1/imports/equipment/template.xlsx');
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'import.unknown_kind']);
    expect((await (await t.as('ent1')).get('/api/v1/imports')).status).toBe(403);
  });
});
