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

/**
 * `qcity import enterprises <file> [--mode valid_only] [--dry-run] [--errors <report.xlsx>]`
 *
 * Imports an xlsx or csv file with the same engine, checks and journal as the web import (one
 * transaction; undo from the web's import history). Rows with errors are written to an error
 * report next to the file (or to --errors). Exit codes: 0 all rows imported, 2 usage, 4 the file
 * was refused or rows had errors (see the report), 1 unexpected failure.
 */
const usage = 'import enterprises <file.xlsx|file.csv> [--mode all_or_nothing|valid_only] [--dry-run] [--errors <report.xlsx>]';

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { positional, options } = parseArgs(args[0] === 'enterprises' ? args.slice(1) : args);
  const file = positional[0];
  const mode = (options.mode === undefined ? 'all_or_nothing' : options.mode) as ImportMode;
  if (!file || positional.length > 1 || !(importModes as readonly string[]).includes(mode)) {
    ctx.out(`usage: qcity ${usage}`);
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
    input: { kind: 'enterprises', fileName: path.basename(file), bytes, mode, dryRun: options['dry-run'] === true },
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

export const enterprisesImportCommand: CliCommand = {
  name: 'import',
  usage,
  description: '导入企业名录（xlsx/csv，与网页导入同一引擎；可在网页“导入历史”中撤销）',
  run,
};
