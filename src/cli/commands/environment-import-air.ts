import path from 'node:path';
import { systemActor } from '../../shared/actor';
import { parseHourlyAirFile, upsertHourlyAirData } from '../../domains/environment';
import { parseArgs } from '../context';
import { printer, readInputFile, type EnvironmentCliContext } from './environment-cli-support';

export const usage = 'env-import-air <file.csv|file.xlsx|file.json> [--hour-label start|end]';
export const description = '导入空气小时数据（CSV / xlsx / JSON），并重算受影响的日 AQI / import hourly air data';

/**
 * Import hourly air data from a file (columns 站点编码, 时间, SO2, NO2, CO, O3, PM10, PM2.5;
 * local times name the start of the hour unless --hour-label end). All rows in one transaction:
 * any bad row rejects the file (exit 4) and nothing is written.
 */
export async function run(args: string[], ctx: EnvironmentCliContext): Promise<number> {
  const out = printer(ctx);
  const { positional, options } = parseArgs(args);
  const bytes = readInputFile(positional[0], usage, out);
  if (!bytes) return 2;
  const ext = path.extname(positional[0] as string).toLowerCase();
  const format = ext === '.xlsx' ? 'xlsx' : ext === '.json' ? 'json' : 'csv';
  const hourLabel = options['hour-label'] === 'end' ? 'end' : 'start';
  const records = await parseHourlyAirFile(bytes, { format, hourLabel, timeZone: ctx.config.timeZone });
  const started = performance.now();
  const result = await upsertHourlyAirData(ctx.db, { actor: systemActor('cli'), records, source: 'cli', now: new Date(), timeZone: ctx.config.timeZone });
  out(`rows ${result.received}: inserted ${result.inserted}, updated ${result.updated}; stations ${result.stations}; recomputed ${result.recomputedDays} station-days (${Math.round(performance.now() - started)} ms)`);
  return 0;
}
