import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../platform/clock';
import { loadConfig } from '../../platform/config';
import type { Database } from '../../platform/db/connect';
import { silentLogger } from '../../platform/logger';
import { createTestDb } from '../../../test/support/create-test-db';
import { enterpriseByCode, row, sheet, testCode } from '../../../test/support/enterprise-import';
import { xlsxFile } from '../../../test/support/import-files';
import type { CliContext } from '../context';
import { run as runExport } from './enterprises-export';
import { run as runImport } from './import-command';

let database: Database;
let dir: string;
const lines: string[] = [];
let ctx: CliContext;

beforeAll(async () => {
  database = await createTestDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qcity-cli-'));
  ctx = { db: database.db, database, config: loadConfig({}), logger: silentLogger, clock: systemClock, out: (line) => lines.push(line) };
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('qcity import enterprises / export enterprises', () => {
  it('imports valid rows, writes an error report for the bad ones, and exits 4', async () => {
    const file = path.join(dir, 'in.xlsx');
    fs.writeFileSync(file, await xlsxFile(sheet([row(700), row(701, { 属地: '火星镇' })])));
    expect(await runImport(['enterprises', file, '--mode', 'valid_only'], ctx)).toBe(4);
    expect(lines.join('\n')).toContain('新增 1');
    expect(await enterpriseByCode(database.db, testCode(700))).not.toBeNull();
    const report = new ExcelJS.Workbook();
    await report.xlsx.readFile(path.join(dir, 'in.errors.xlsx'));
    const last = (report.worksheets[0] as ExcelJS.Worksheet).getRow(2);
    expect(String(last.getCell(last.cellCount).value)).toContain('火星镇');
  });

  it('exits 0 when every row is imported and 2 on bad usage', async () => {
    const file = path.join(dir, 'ok.csv');
    fs.writeFileSync(file, (await import('../../../test/support/import-files')).csvFile(sheet([row(702)]), { bom: true }));
    expect(await runImport(['enterprises', file], ctx)).toBe(0);
    expect(await runImport(['enterprises'], ctx)).toBe(2);
    expect(await runImport(['enterprises', file, '--mode', 'sometimes'], ctx)).toBe(2);
  });

  it('exports the filtered list to an xlsx that the import reads back as unchanged rows', async () => {
    const file = path.join(dir, 'out.xlsx');
    expect(await runExport(['enterprises', file, '--q', '测试70'], ctx)).toBe(0);
    expect(lines.at(-1)).toContain('已导出 2 家企业');
    expect(await runImport(['enterprises', file], ctx)).toBe(0);
    expect(lines.slice(-1)[0]).toContain('未变 2');
    expect(await runExport(['enterprises', file, '--status', 'gone'], ctx)).toBe(4);
  });
});
