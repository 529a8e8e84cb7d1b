import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { systemActor } from '../../shared/actor';
import { localDate } from '../../platform/clock';
import { streamXlsx } from '../../platform/excel/export';
import { createImportBatch, executeImportBatch, importModes, iterateImportErrors, withLimits, type ImportMode } from '../../platform/import';
import { importRegistry } from '../../domains/import-kinds';
import { parseArgs, type CliCommand, type CliContext } from '../context';
import { run as runRedlineImport } from './environment-import-redlines';

/**
 * `qcity import <kind> <file> [--mode valid_only] [--dry-run] [--errors <report.xlsx>]`
 *
 * Kinds: every kind of the import registry (enterprises, equipment-inspections,
 * environment-air-hourly — also as `air-hourly`), plus `red-lines` for a GeoJSON file of
 * ecological red-line zones (not a table, so it has its own checks: see env-import-redlines).
 *
 * Imports an xlsx or csv file with the same engine, checks and journal as the web import (one
 * transaction; undo from the web's import history). Rows with errors are written to an error
 * report next to the file (or to --errors). Exit codes: 0 all rows imported, 2 usage, 4 the file
 * was refused or rows had errors (see the report), 1 unexpected failure.
 */
const kindAliases: Record<string, string> = { 'air-hourly': 'environment-air-hourly', inspections: 'equipment-inspections' };
const kindNames = () => [...importRegistry.list().map((k) => k.kind), 'red-lines'].join('|');
const usage = `import <${['enterprises', 'equipment-inspections', 'air-hourly', 'red-lines'].join('|')}> <file.xlsx|file.csv|file.geojson> [--mode all_or_nothing|valid_only] [--dry-run] [--errors <report.xlsx>]`;

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const [kindArg, ...rest] = args;
  if (kindArg === 'red-lines') return runRedlineImport(rest, ctx);
  const kind = importRegistry.find(kindAliases[kindArg ?? ''] ?? kindArg ?? '');
  const { positional, options } = parseArgs(rest);
  const file = positional[0];
  const mode = (options.mode === undefined ? 'all_or_nothing' : options.mode) as ImportMode;
  if (!kind || !file || positional.length > 1 || !(importModes as readonly string[]).includes(mode)) {
    ctx.out(`usage: qcity ${usage}`);
    if (!kind) ctx.out(`可导入的种类 / kinds: ${kindNames()}`);
    return 2;
  }
  if (!fs.existsSync(file)) {
    ctx.out(`文件不存在 / no such file: ${file}`);
    return 2;
  }
  const actor = systemActor('cli-import');
  const limits = withLimits({ maxBytes: Math.max(ctx.config.limits.upload, 64 * 1024 * 1024) });
  const bytes = new Uint8Array(fs.readFileSync(file));
  const { batch } = await createImportBatch(ctx.db, importRegistry, {
    actor,
    input: { kind: kind.kind, fileName: path.basename(file), bytes, mode, dryRun: options['dry-run'] === true },
    limits,
    enqueue: false,
  });
  let lastReport = 0;
  const done = await executeImportBatch(ctx.db, importRegistry, {
    batchId: batch.id,
    actor,
    limits,
    today: localDate(ctx.clock.now(), ctx.config.timeZone),
    onProgress: (p) => {
      if (p.phase === 'validate' && p.done - lastReport >= 10_000) {
        lastReport = p.done;
        ctx.out(`  已校验 ${p.done} 行…`);
      }
    },
  });
  ctx.out(`导入批次 ${done.id}：${done.status}`);
  if (done.error) {
    ctx.out(`${done.error.code}: ${done.error.message}`);
    return 4;
  }
  ctx.out(`共 ${done.totalRows} 行：新增 ${done.insertedCount}，更新 ${done.updatedCount}，未变 ${done.unchangedCount}，错误 ${done.failedCount}`);
  if (done.failedCount > 0) {
    const report = typeof options.errors === 'string' ? options.errors : file.replace(/\.(xlsx|csv)$/i, '') + '.errors.xlsx';
    await pipeline(
      Readable.fromWeb(
        streamXlsx({
          sheetName: '错误报告',
          columns: [
            ...done.headers.map((header, i) => ({ header, value: (r: { cells: Array<string | null> }) => r.cells[i] ?? null })),
            { header: '原行号', value: (r: { rowNo: number }) => r.rowNo },
            { header: '错误说明', width: 60, value: (r: { messages: string[] }) => r.messages.join('；') },
          ],
          rows: iterateImportErrors(ctx.db, done.id),
        }) as import('node:stream/web').ReadableStream<Uint8Array>,
      ),
      fs.createWriteStream(report),
    );
    ctx.out(`错误报告 / error report: ${report}`);
    return 4;
  }
  return 0;
}

export const importCommand: CliCommand = {
  name: 'import',
  usage,
  description: '导入企业名录、检验记录、空气小时数据（xlsx/csv，与网页导入同一引擎，可在网页“导入历史”中撤销）或生态红线（GeoJSON）',
  run,
};
