import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../../shared/errors';
import type { Database } from '../../platform/db/connect';
import { undoImportBatch } from '../../platform/import';
import { actorOf } from '../../../test/support/actors';
import { createTestDb } from '../../../test/support/create-test-db';
import { countEnterprises, enterpriseByCode, errorsOf, headers, row, runImport, seededEnterprise, sheet, testCode } from '../../../test/support/enterprise-import';
import { csvFile, gbkEncode, csvText, lyingZipBomb, xlsxFile, zipBomb } from '../../../test/support/import-files';
import { importRegistry } from '../import-kinds';
import { getEnterpriseHistory } from './history-service';
import { updateEnterprise } from './service';

let database: Database;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(async () => database.close());

const db = () => database.db;

async function refusal(run: () => Promise<unknown>): Promise<{ code: string; message: string; details: unknown }> {
  try {
    await run();
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, message: error.message, details: error.details };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('importing enterprises (xlsx)', () => {
  it('creates new enterprises with every column converted (万元 → 元, labels → values, contact, tags)', async () => {
    const office = await actorOf(db(), 'office');
    const before = await countEnterprises(db());
    const batch = await runImport(db(), office, await xlsxFile(sheet([row(1), row(2, { 属地: '悦来镇', '注册资本（万元）': '1250.5', 企业规模: '中型', 是否规上: '规上', 标签: '专精特新；出口企业' })])));
    expect(batch).toMatchObject({ status: 'succeeded', totalRows: 2, insertedCount: 2, updatedCount: 0, failedCount: 0 });
    expect(await countEnterprises(db())).toBe(before + 2);
    const second = await enterpriseByCode(db(), testCode(2));
    expect(second).toMatchObject({ name: '海门测试2号机械有限公司', territory: '悦来镇', capital: '12505000.00', status: 'active', tags: ['专精特新', '出口企业'] });
    expect(second?.contacts).toEqual([{ name: '王五', role: null, phone: '0513-82000000', email: null, isPrimary: true }]);
  });

  it('updates enterprises that already exist; blank cells keep the stored value, equal rows count as unchanged', async () => {
    const bureau = await actorOf(db(), 'bureau');
    const existing = await enterpriseByCode(db(), testCode(1));
    const batch = await runImport(
      db(),
      bureau,
      await xlsxFile(sheet([row(1, { '注册资本（万元）': '800', 联系人: null, 联系电话: null, 标签: null }), row(2, { 属地: '悦来镇', '注册资本（万元）': '1250.5', 企业规模: '中型', 是否规上: '规上', 标签: '专精特新；出口企业' }), row(3)])),
    );
    expect(batch).toMatchObject({ status: 'succeeded', insertedCount: 1, updatedCount: 1, unchangedCount: 1 });
    const updated = await enterpriseByCode(db(), testCode(1));
    expect(updated).toMatchObject({ capital: '8000000.00', tags: ['出口企业'], version: (existing?.version ?? 0) + 1 });
    expect(updated?.contacts).toEqual(existing?.contacts);
  });

  it('maps renamed headers through their aliases', async () => {
    const office = await actorOf(db(), 'office');
    const aliases = ['社会信用代码', '单位名称', '所属镇（街道、园区）', '国民经济行业代码', '注册资金', '成立时间', '规模', '规上企业', '联系人姓名', '电话', '经营状态', '企业标签'];
    const rows = [row(10)].map((r) => Object.fromEntries(headers.map((h, i) => [aliases[i] as string, r[h] ?? null])));
    const batch = await runImport(db(), office, await xlsxFile(sheet(rows, aliases)));
    expect(batch).toMatchObject({ status: 'succeeded', insertedCount: 1 });
    expect(batch.columnMap?.mapped).toMatchObject({ 单位名称: '企业名称', 注册资金: '注册资本（万元）' });
    expect(await enterpriseByCode(db(), testCode(10))).toMatchObject({ name: '海门测试10号机械有限公司', capital: '5000000.00' });
  });

  it('reports duplicates inside the file on every occurrence; all-or-nothing writes nothing', async () => {
    const office = await actorOf(db(), 'office');
    const before = await countEnterprises(db());
    const batch = await runImport(db(), office, await xlsxFile(sheet([row(20), row(21), row(20, { 企业名称: '海门测试20号重名有限公司' })])));
    expect(batch).toMatchObject({ status: 'rejected', totalRows: 3, insertedCount: 0, failedCount: 2 });
    const errors = await errorsOf(db(), batch.id);
    expect(errors.map((e) => e.rowNo)).toEqual([2, 4]);
    expect(errors[0]?.messages[0]).toContain(`统一社会信用代码「${testCode(20)}」在文件中重复出现（第 2、4 行）`);
    // The cells of each occurrence as they are in the file (read back from it, not kept for every row).
    expect(errors.map((e) => e.cells.slice(0, 2))).toEqual([
      [testCode(20), '海门测试20号机械有限公司'],
      [testCode(20), '海门测试20号重名有限公司'],
    ]);
    expect(await countEnterprises(db())).toBe(before);
  });

  it('valid-only imports the good rows and reports the bad ones with the original cells', async () => {
    const office = await actorOf(db(), 'office');
    const badCode = `${testCode(31).slice(0, 17)}${testCode(31).endsWith('0') ? '1' : '0'}`;
    const batch = await runImport(
      db(),
      office,
      await xlsxFile(sheet([row(30), row(31, { 统一社会信用代码: badCode }), row(32, { 属地: '火星镇', 成立日期: '2015-02-30' }), row(33, { 企业规模: '巨型' })])),
      { mode: 'valid_only' },
    );
    expect(batch).toMatchObject({ status: 'succeeded', totalRows: 4, insertedCount: 1, failedCount: 3 });
    const errors = await errorsOf(db(), batch.id);
    expect(errors.map((e) => e.rowNo)).toEqual([3, 4, 5]);
    expect(errors[0]?.messages.join()).toMatch(/统一社会信用代码.*校验码（第18位）应为/);
    expect(errors[0]?.cells[0]).toBe(badCode);
    expect(errors[1]?.messages).toEqual(expect.arrayContaining(['属地：「火星镇」不是系统中的镇、街道或园区', '成立日期：日期须为 YYYY-MM-DD 格式的有效日期']));
    expect(errors[2]?.messages).toEqual(['企业规模：「巨型」不是可选值（可填：大型、中型、小型、微型）']);
    expect(await enterpriseByCode(db(), testCode(30))).not.toBeNull();
    expect(await enterpriseByCode(db(), badCode)).toBeNull();
  });

  it('refuses every occurrence of a key that recurs after its first row was already written, and reverts that write', async () => {
    const office = await actorOf(db(), 'office');
    const seeded = await seededEnterprise(db(), 'town-changle');
    const before = await enterpriseByCode(db(), seeded.creditCode);
    const again = (tags: string) => ({ 统一社会信用代码: seeded.creditCode, 企业名称: seeded.name, 属地: '常乐镇', 标签: tags });
    const batch = await runImport(
      db(),
      office,
      await xlsxFile(sheet([row(35), again('第一次'), row(36), row(37), row(35, { 企业名称: '海门测试35号又一次有限公司' }), again('第二次')])),
      { mode: 'valid_only', limits: { chunkRows: 2 } },
    );
    expect(batch).toMatchObject({ status: 'succeeded', totalRows: 6, insertedCount: 2, updatedCount: 0, failedCount: 4 });
    expect((await errorsOf(db(), batch.id)).map((e) => e.rowNo)).toEqual([2, 3, 6, 7]);
    expect(await enterpriseByCode(db(), testCode(35))).toBeNull();
    expect(await enterpriseByCode(db(), testCode(36))).not.toBeNull();
    expect(await enterpriseByCode(db(), seeded.creditCode)).toMatchObject({ tags: before?.tags, capital: before?.capital, name: seeded.name });
  });

  it('reads and validates in a worker thread with the same outcome (as large files do)', async () => {
    const office = await actorOf(db(), 'office');
    const seeded = await seededEnterprise(db(), 'town-sijia');
    const before = await enterpriseByCode(db(), seeded.creditCode);
    const update = { 统一社会信用代码: seeded.creditCode, 企业名称: seeded.name, 属地: '四甲镇', 标签: '工作线程更新' };
    const file = await xlsxFile(sheet([row(130), row(131, { 属地: '火星镇' }), row(132), row(130, { 企业名称: '重复' }), row(133), update]));
    const inWorker = await runImport(db(), office, file, { mode: 'valid_only', limits: { workerFromBytes: 0, chunkRows: 2 } });
    expect(inWorker).toMatchObject({ status: 'succeeded', totalRows: 6, insertedCount: 2, updatedCount: 1, failedCount: 3 });
    // An update needs the row's value and filled cells, which travel from the worker separately from new records.
    expect(await enterpriseByCode(db(), seeded.creditCode)).toMatchObject({ tags: ['工作线程更新'], capital: before?.capital, legal: before?.legal, version: (before?.version ?? 0) + 1 });
    const errors = await errorsOf(db(), inWorker.id);
    expect(errors.map((e) => [e.rowNo, e.cells[0]])).toEqual([
      [2, testCode(130)],
      [3, testCode(131)],
      [5, testCode(130)],
    ]);
    const bad = await runImport(db(), office, await xlsxFile([['企业名称'], ['x']]), { limits: { workerFromBytes: 0 } });
    expect(bad.error?.code).toBe('import.missing_columns');
  });

  it('all-or-nothing (the default) writes nothing when one row is bad', async () => {
    const office = await actorOf(db(), 'office');
    const batch = await runImport(db(), office, await xlsxFile(sheet([row(40), row(41, { 成立日期: '2999-01-01' })])));
    expect(batch).toMatchObject({ status: 'rejected', failedCount: 1, insertedCount: 0 });
    expect((await errorsOf(db(), batch.id))[0]?.messages).toEqual(['成立日期：年份须在 1900–2199 之间']);
    expect(await enterpriseByCode(db(), testCode(40))).toBeNull();
  });

  it('fails the batch with a clear error when required columns are missing', async () => {
    const office = await actorOf(db(), 'office');
    const batch = await runImport(db(), office, await xlsxFile([['企业名称', '联系人'], ['海门测试有限公司', '王五']]));
    expect(batch.status).toBe('failed');
    expect(batch.error).toMatchObject({ code: 'import.missing_columns', details: { missing: ['统一社会信用代码', '属地'] } });
    expect(batch.error?.message).toContain('缺少必需的列：「统一社会信用代码」、「属地」');
  });

  it('fails an empty sheet and a sheet with only the header; refuses a zero-byte file at once', async () => {
    const office = await actorOf(db(), 'office');
    expect((await runImport(db(), office, await xlsxFile([]))).error?.code).toBe('import.empty_file');
    expect((await runImport(db(), office, await xlsxFile(sheet([])))).error?.code).toBe('import.no_rows');
    expect((await refusal(() => runImport(db(), office, new Uint8Array(0), { fileName: 'x.csv' }))).code).toBe('import.empty_file');
  });

  it('fails a file over the row limit', async () => {
    const office = await actorOf(db(), 'office');
    const batch = await runImport(db(), office, await xlsxFile(sheet([row(50), row(51), row(52), row(53)])), { limits: { maxRows: 3 } });
    expect(batch).toMatchObject({ status: 'failed', error: { code: 'import.too_many_rows' } });
    expect(await enterpriseByCode(db(), testCode(50))).toBeNull();
  });

  it('refuses a zip bomb and a text file renamed to .xlsx when they are uploaded', async () => {
    const office = await actorOf(db(), 'office');
    const limits = { maxUncompressedBytes: 8 * 1024 * 1024, maxCompressionRatio: 100, ratioCheckFromBytes: 64 * 1024 };
    expect((await refusal(() => runImport(db(), office, zipBomb(4 * 1024 * 1024), { limits }))).code).toBe('import.zip_bomb');
    expect((await refusal(() => runImport(db(), office, lyingZipBomb(2 * 1024 * 1024), { limits }))).code).toBe('import.zip_bomb');
    const text = new TextEncoder().encode(csvText(sheet([row(60)])));
    const r = await refusal(() => runImport(db(), office, text, { fileName: '企业名录.xlsx' }));
    expect(r.code).toBe('import.not_xlsx');
    expect(await enterpriseByCode(db(), testCode(60))).toBeNull();
  });

  it('reads CSV in UTF-8 with BOM and in GBK', async () => {
    const office = await actorOf(db(), 'office');
    const utf8 = await runImport(db(), office, csvFile(sheet([row(70)]), { bom: true }), { fileName: 'a.csv' });
    const gbk = await runImport(db(), office, gbkEncode(csvText(sheet([row(71)]))), { fileName: 'b.csv' });
    expect([utf8.status, gbk.status]).toEqual(['succeeded', 'succeeded']);
    expect(await enterpriseByCode(db(), testCode(71))).toMatchObject({ name: '海门测试71号机械有限公司', territory: '常乐镇' });
  });

  it('a dry run validates and counts but writes nothing', async () => {
    const office = await actorOf(db(), 'office');
    const batch = await runImport(db(), office, await xlsxFile(sheet([row(80), row(3)])), { dryRun: true });
    expect(batch).toMatchObject({ status: 'validated', insertedCount: 1, updatedCount: 0, unchangedCount: 1 });
    expect(await enterpriseByCode(db(), testCode(80))).toBeNull();
  });
});

describe('import scope and registry rights', () => {
  it('a township imports only into its territory and cannot update another township’s enterprise', async () => {
    const town1 = await actorOf(db(), 'town1');
    const yuelai = await seededEnterprise(db(), 'town-yuelai');
    const batch = await runImport(
      db(),
      town1,
      await xlsxFile(sheet([row(90), row(91, { 属地: '悦来镇' }), row(92, { 统一社会信用代码: yuelai.creditCode, 企业名称: yuelai.name, 属地: '常乐镇' })])),
      { mode: 'valid_only' },
    );
    expect(batch).toMatchObject({ status: 'succeeded', insertedCount: 1, failedCount: 2 });
    const errors = await errorsOf(db(), batch.id);
    expect(errors[0]?.messages).toEqual(['属地：「悦来镇」不在您的辖区内']);
    expect(errors[1]?.messages[0]).toContain('不在您的辖区内，不能更新');
  });

  it('a township may not change registry fields of its enterprises through an import; the bureau may', async () => {
    const town1 = await actorOf(db(), 'town1');
    const refused = await runImport(db(), town1, await xlsxFile(sheet([row(90, { 企业名称: '海门测试90号改名有限公司' })])));
    expect(refused.status).toBe('rejected');
    expect((await errorsOf(db(), refused.id))[0]?.messages[0]).toBe('登记信息（企业名称）与系统中不同；登记信息只能由市场监管局修改');
    const tagsOnly = await runImport(db(), town1, await xlsxFile(sheet([row(90, { 标签: '品牌培育' })])));
    expect(tagsOnly).toMatchObject({ status: 'succeeded', updatedCount: 1 });
    const bureau = await actorOf(db(), 'bureau');
    expect((await runImport(db(), bureau, await xlsxFile(sheet([row(90, { 企业名称: '海门测试90号改名有限公司', 标签: '品牌培育' })])))).updatedCount).toBe(1);
  });
});

describe('undo of a whole batch', () => {
  it('deletes inserted records and restores updated ones, and shows both in the record history', async () => {
    const office = await actorOf(db(), 'office');
    await runImport(db(), office, await xlsxFile(sheet([row(100)])));
    const original = await enterpriseByCode(db(), testCode(100));
    const bureau = await actorOf(db(), 'bureau');
    const batch = await runImport(db(), bureau, await xlsxFile(sheet([row(100, { '注册资本（万元）': '999', 标签: '品牌培育' }), row(101)])));
    expect(batch).toMatchObject({ insertedCount: 1, updatedCount: 1 });
    const history = await getEnterpriseHistory(db(), { actor: office, id: original?.id ?? '', page: 1, pageSize: 20, timeZone: 'Asia/Shanghai' });
    expect(history.items.map((h) => h.action)).toEqual(['enterprise.import_update', 'enterprise.import_insert']);
    expect(history.items[0]?.after).toMatchObject({ registeredCapital: '9990000.00', tags: ['品牌培育'] });

    const undone = await undoImportBatch(db(), importRegistry, { actor: office, id: batch.id });
    expect(undone.status).toBe('undone');
    expect(await enterpriseByCode(db(), testCode(101))).toBeNull();
    expect(await enterpriseByCode(db(), testCode(100))).toMatchObject({ capital: original?.capital, tags: original?.tags, name: original?.name });
    expect((await refusal(() => undoImportBatch(db(), importRegistry, { actor: office, id: batch.id }))).code).toBe('import.already_undone');
  });

  it('is refused when a record changed after the import, and then changes nothing', async () => {
    const office = await actorOf(db(), 'office');
    const batch = await runImport(db(), office, await xlsxFile(sheet([row(110), row(111)])));
    const edited = await enterpriseByCode(db(), testCode(111));
    await updateEnterprise(db(), { actor: office, id: edited?.id ?? '', input: { version: edited?.version ?? 0, tags: ['后来修改'] }, today: '2026-11-26' });
    const r = await refusal(() => undoImportBatch(db(), importRegistry, { actor: office, id: batch.id }));
    expect(r.code).toBe('import.undo_blocked');
    expect(r.message).toContain('第 3 行');
    expect(await enterpriseByCode(db(), testCode(110))).not.toBeNull();
    expect(await enterpriseByCode(db(), testCode(111))).toMatchObject({ tags: ['后来修改'] });
  });

  it('is refused for a township user on a batch outside their scope, and for batches that wrote nothing', async () => {
    const office = await actorOf(db(), 'office');
    const batch = await runImport(db(), office, await xlsxFile(sheet([row(120)])));
    const town2 = await actorOf(db(), 'town2');
    expect((await refusal(() => undoImportBatch(db(), importRegistry, { actor: town2, id: batch.id }))).code).toBe('import.not_found');
    const rejected = await runImport(db(), office, await xlsxFile(sheet([row(121, { 统一社会信用代码: 'bad' })])));
    expect((await refusal(() => undoImportBatch(db(), importRegistry, { actor: office, id: rejected.id }))).code).toBe('import.not_undoable');
  });
});
