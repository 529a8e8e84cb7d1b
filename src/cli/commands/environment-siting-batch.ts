import fs from 'node:fs';
import { systemActor } from '../../shared/actor';
import { runSitingBatch } from '../../domains/environment';
import { parseArgs } from '../context';
import { printer, readInputFile, type EnvironmentCliContext } from './environment-cli-support';

export const usage = 'env-siting-batch <footprints.geojson> [--project-type <code>] [--out results.json|results.csv]';
export const description = '批量生态红线选址核查 / batch siting check of a GeoJSON FeatureCollection';

const csvCell = (v: string | number | null) => {
  const text = v === null ? '' : String(v);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Check every feature (properties.projectType or --project-type) and print or write the verdicts. */
export async function run(args: string[], ctx: EnvironmentCliContext): Promise<number> {
  const out = printer(ctx);
  const { positional, options } = parseArgs(args);
  const bytes = readInputFile(positional[0], usage, out);
  if (!bytes) return 2;
  const started = performance.now();
  const result = await runSitingBatch(ctx.db, {
    actor: systemActor('cli'),
    input: { footprints: Buffer.from(bytes).toString('utf8'), ...(typeof options['project-type'] === 'string' ? { projectType: options['project-type'] } : {}) },
  });
  const ms = Math.round(performance.now() - started);
  const target = typeof options.out === 'string' ? options.out : null;
  if (target?.endsWith('.csv')) {
    const lines = [['id', 'name', 'projectType', 'verdict', 'zones', 'overlapM2', 'nearestZone', 'nearestDistanceM'].join(',')];
    for (const r of result.results) {
      lines.push([
        r.id, r.name, r.projectType, r.verdict, r.intersections.map((i) => i.code).join(' '), r.intersections.reduce((s, i) => s + i.overlapAreaM2, 0),
        r.nearest?.name ?? null, r.nearest?.distanceM ?? null,
      ].map((v) => csvCell(v as string | number | null)).join(','));
    }
    fs.writeFileSync(target, `\uFEFF${lines.join('\n')}\n`);
  } else if (target) {
    fs.writeFileSync(target, JSON.stringify(result, null, 2));
  } else {
    for (const r of result.results) out(`${r.id}\t${r.verdict}\t${r.intersections.map((i) => `${i.code}(${i.ruleOutcome})`).join(' ') || (r.nearest ? `nearest ${r.nearest.name} ${r.nearest.distanceM} m` : '')}`);
  }
  const s = result.summary;
  out(`checked ${s.total} footprints in ${ms} ms: prohibited ${s.prohibited}, conditional ${s.conditional}, allowed ${s.allowed}${target ? `; results in ${target}` : ''} (history id ${result.id})`);
  return 0;
}
