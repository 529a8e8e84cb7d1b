import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { systemActor } from '../../shared/actor';
import { localDate } from '../../platform/clock';
import { streamXlsx } from '../../platform/excel/export';
import { enterpriseExportColumns, iterateEnterprises } from '../../domains/enterprises';
import { listEnterprisesQuerySchema } from '../../domains/enterprises/schema';
import { parseArgs, type CliCommand, type CliContext } from '../context';

/**
 * `qcity export enterprises <file.xlsx> [--q 机械] [--status active] [--territory <org-unit-id>] [--industry C34] …`
 *
 * Streams the enterprise list (every enterprise, or the same filters as the web list, given as
 * options with the list's query names) to an xlsx whose headers match the import template, so
 * the file can be edited and imported again. Exit codes: 0 written, 2 usage, 4 bad filter.
 */
const usage = 'export enterprises <file.xlsx> [--q <text>] [--status active|cancelled|revoked|moved_out] [--territoryOrgUnitId <id>] [--industry <code>] [--tag <tag>]';

export async function run(args: string[], ctx: CliContext): Promise<number> {
  if (args[0] !== 'enterprises') {
    ctx.out(`usage: qcity ${usage}`);
    ctx.out('可导出的种类 / kinds: enterprises（其他列表请在网页上按筛选条件导出 Excel）');
    return 2;
  }
  const { positional, options } = parseArgs(args.slice(1));
  const file = positional[0];
  if (!file || positional.length > 1 || !/\.xlsx$/i.test(file)) {
    ctx.out(`usage: qcity ${usage}`);
    return 2;
  }
  const filters = Object.fromEntries(Object.entries(options).filter(([, v]) => typeof v === 'string'));
  const parsed = listEnterprisesQuerySchema.safeParse({ ...filters, sort: filters.sort ?? 'name' });
  if (!parsed.success) {
    ctx.out(`筛选条件不正确 / bad filter: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return 4;
  }
  let count = 0;
  const rows = iterateEnterprises(ctx.db, { actor: systemActor('cli-export'), query: parsed.data, today: localDate(ctx.clock.now(), ctx.config.timeZone) });
  async function* counted() {
    for await (const row of rows) {
      count++;
      yield row;
    }
  }
  const stream = streamXlsx({ sheetName: '企业信息', columns: enterpriseExportColumns, rows: counted() });
  await pipeline(Readable.fromWeb(stream as import('node:stream/web').ReadableStream<Uint8Array>), fs.createWriteStream(file));
  ctx.out(`已导出 ${count} 家企业 → ${file}`);
  return 0;
}

export const enterprisesExportCommand: CliCommand = {
  name: 'export',
  usage,
  description: '导出企业名录为 xlsx（表头与导入模板一致）',
  run,
};
