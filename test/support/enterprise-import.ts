import { sql } from 'drizzle-orm';
import type { Actor } from '../../src/shared/actor';
import { buildUscc } from '../../src/domains/enterprises';
import { importRegistry } from '../../src/domains/import-kinds';
import { queryOne, queryRows, type Db } from '../../src/platform/db/types';
import { createImportBatch, executeImportBatch, iterateImportErrors, withLimits, type ImportBatch, type ImportLimits, type ImportMode } from '../../src/platform/import';
import type { Cell } from './import-files';

/** Helpers for enterprise import tests: valid test codes, sheet rows by header, running a batch. */
export const headers = ['统一社会信用代码', '企业名称', '属地', '行业代码', '注册资本（万元）', '成立日期', '企业规模', '是否规上', '联系人', '联系电话', '登记状态', '标签'] as const;
export type RowInput = Partial<Record<(typeof headers)[number] | string, Cell>>;

/** A valid credit code that the demo data does not use (`n` < 10,000). */
export function testCode(n: number): string {
  return buildUscc({ dept: '9', category: '1', region: '320684', orgCodeBody8: `MA1T${String(n).padStart(4, '0')}` });
}

export function sheet(rows: RowInput[], columns: readonly string[] = headers): Cell[][] {
  return [[...columns], ...rows.map((r) => columns.map((h) => r[h] ?? null))];
}

export function row(n: number, patch: RowInput = {}): RowInput {
  return {
    统一社会信用代码: testCode(n),
    企业名称: `海门测试${n}号机械有限公司`,
    属地: '常乐镇',
    行业代码: 'C3484',
    '注册资本（万元）': '500',
    成立日期: '2015-03-01',
    企业规模: '小型',
    是否规上: '否',
    联系人: '王五',
    联系电话: '0513-82000000',
    登记状态: '存续',
    标签: '出口企业',
    ...patch,
  };
}

export type RunImportOptions = { fileName?: string; mode?: ImportMode; dryRun?: boolean; limits?: Partial<ImportLimits>; today?: string };

export async function runImport(db: Db, actor: Actor, bytes: Uint8Array, options: RunImportOptions = {}): Promise<ImportBatch> {
  const limits = withLimits(options.limits);
  const { batch } = await createImportBatch(db, importRegistry, {
    actor,
    input: { kind: 'enterprises', fileName: options.fileName ?? 'enterprises.xlsx', bytes, mode: options.mode ?? 'all_or_nothing', dryRun: options.dryRun ?? false },
    limits,
    enqueue: false,
  });
  return executeImportBatch(db, importRegistry, { batchId: batch.id, actor, limits, today: options.today ?? '2026-11-26' });
}

export async function errorsOf(db: Db, batchId: string): Promise<Array<{ rowNo: number; messages: string[]; cells: Array<string | null> }>> {
  const out = [];
  for await (const e of iterateImportErrors(db, batchId)) out.push(e);
  return out;
}

export type StoredEnterprise = { id: string; name: string; version: number; status: string; territory: string; capital: string | null; legal: string | null; tags: string[]; contacts: unknown };

export async function enterpriseByCode(db: Db, code: string): Promise<StoredEnterprise | null> {
  return queryOne<StoredEnterprise>(
    db,
    sql`SELECT e.id, e.name, e.version, e.status, o.name AS territory, e.registered_capital::text AS capital, e.legal_representative AS legal, e.tags, e.contacts
        FROM enterprises e JOIN org_units o ON o.id = e.territory_org_unit_id WHERE e.credit_code = ${code}`,
  );
}

export async function countEnterprises(db: Db): Promise<number> {
  return (await queryOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM enterprises`))?.n ?? 0;
}

/** A seeded enterprise of a territory (by org code), for update tests. */
export async function seededEnterprise(db: Db, territoryCode: string): Promise<{ id: string; creditCode: string; name: string; version: number }> {
  const rows = await queryRows<{ id: string; credit_code: string; name: string; version: number }>(
    db,
    sql`SELECT e.id, e.credit_code, e.name, e.version FROM enterprises e JOIN org_units o ON o.id = e.territory_org_unit_id
        WHERE o.code = ${territoryCode} AND e.status = 'active' ORDER BY e.name LIMIT 1`,
  );
  const r = rows[0];
  if (!r) throw new Error(`no seeded enterprise in ${territoryCode}`);
  return { id: r.id, creditCode: r.credit_code, name: r.name, version: r.version };
}

/** A large import file of `rows` new, valid enterprises (streamed; codes MA2xxxxx are not used by the demo). */
export async function writeBigEnterpriseXlsx(file: string, rows: number): Promise<void> {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const ws = workbook.addWorksheet('企业信息');
  ws.addRow([...headers]).commit();
  const territories = ['常乐镇', '悦来镇', '四甲镇', '海门街道', '海门经济技术开发区'];
  for (let n = 0; n < rows; n++) {
    const code = buildUscc({ dept: '9', category: '1', region: '320684', orgCodeBody8: `MA2${String(n).padStart(5, '0')}` });
    ws.addRow([code, `海门批量${n}号机械有限公司`, territories[n % territories.length], '3484', String(100 + (n % 900)), '2016-06-01', '小型', '否', '王五', '13800000000', '存续', null]).commit();
  }
  ws.commit();
  await workbook.commit();
}

/** Only the demo org tree (territories for imports), without users or other modules' demo data. */
export async function seedDemoOrgUnits(db: Db): Promise<void> {
  const { systemActor } = await import('../../src/shared/actor');
  const { createOrgUnit, createRootOrgUnit } = await import('../../src/domains/org');
  const { demoOrgUnits } = await import('../../src/demo/org-demo');
  const actor = systemActor('test-seed');
  const ids = new Map<string, string>();
  for (const unit of demoOrgUnits) {
    const input = { code: unit.code, name: unit.name, shortName: unit.shortName ?? null, regionCode: unit.regionCode ?? null };
    const created = unit.parent
      ? await createOrgUnit(db, { actor, input: { ...input, parentId: ids.get(unit.parent) as string, kind: unit.kind } })
      : await createRootOrgUnit(db, { actor, input });
    ids.set(unit.code, created.id);
  }
}
