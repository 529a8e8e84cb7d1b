import { systemActor } from '../../shared/actor';
import { importZones } from '../../domains/environment';
import { parseArgs } from '../context';
import { printer, readInputFile, type EnvironmentCliContext } from './environment-cli-support';

export const usage = 'env-import-redlines <zones.geojson> [--mode upsert|replace] [--dry-run]';
export const description = '从 GeoJSON 导入生态红线区 / import ecological red-line zones from GeoJSON';

/** Import zones (validated; an error names the feature and nothing is written). */
export async function run(args: string[], ctx: EnvironmentCliContext): Promise<number> {
  const out = printer(ctx);
  const { positional, options } = parseArgs(args);
  const bytes = readInputFile(positional[0], usage, out);
  if (!bytes) return 2;
  const mode = options.mode === 'replace' ? 'replace' : 'upsert';
  const result = await importZones(ctx.db, {
    actor: systemActor('cli'),
    geojson: Buffer.from(bytes).toString('utf8'),
    options: { mode, dryRun: options['dry-run'] === true },
  });
  for (const z of result.zones) out(`${z.action === 'create' ? '+' : '~'} ${z.code}\t${z.name}\t${z.tier}\t${z.areaKm2.toFixed(4)} km²`);
  out(`${result.dryRun ? 'checked' : 'imported'} ${result.features} zones: created ${result.created}, updated ${result.updated}, deactivated ${result.deactivated}; ${result.totalAreaKm2.toFixed(2)} km²`);
  return 0;
}
