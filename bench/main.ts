import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult, BenchWorkload } from './harness';

/**
 * `npm run bench [-- <filter>]`: runs every workload of every bench/<area>.ts module (or those
 * whose name contains the filter) and prints one table with each workload's anchor ratio. Kept
 * out of `npm test`: these machines are shared and timings are noisy.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2]?.toLowerCase();

const modules = fs.readdirSync(here).filter((f) => f.endsWith('.ts') && !['main.ts', 'harness.ts'].includes(f)).sort();
const workloads: BenchWorkload[] = [];
for (const file of modules) {
  const mod = (await import(path.join(here, file))) as { workloads?: BenchWorkload[] };
  for (const w of mod.workloads ?? []) if (!filter || w.name.toLowerCase().includes(filter)) workloads.push(w);
}

const rows: Array<{ w: BenchWorkload; r: BenchResult | null; error?: string }> = [];
for (const w of workloads) {
  process.stdout.write(`running ${w.name} (${w.size})… `);
  try {
    const r = await w.run();
    rows.push({ w, r });
    console.log(`${Math.round(r.ms)} ms`);
  } catch (error) {
    rows.push({ w, r: null, error: (error as Error).message });
    console.log(`failed: ${(error as Error).message}`);
  }
}

const fmtRate = (rate?: { value: number; unit: string }) => (rate ? `${rate.value >= 100 ? Math.round(rate.value).toLocaleString('en') : rate.value.toFixed(2)} ${rate.unit}` : '');
const table = rows.map(({ w, r, error }) => ({
  workload: w.name,
  size: w.size,
  time: r ? `${Math.round(r.ms).toLocaleString('en')} ms` : 'error',
  rate: r ? fmtRate(r.rate) : '',
  anchor: r?.anchor ? `${r.anchor.name}: ${r.anchor.ms !== undefined ? `${Math.round(r.anchor.ms).toLocaleString('en')} ms` : ''}${r.anchor.rate ? ` ${fmtRate(r.anchor.rate)}` : ''}` : '',
  ratio: r?.ratio !== undefined ? r.ratio.toFixed(2) : '',
  target: r?.target ?? '',
  met: r ? (r.ok === null ? 'n/a' : r.ok ? 'yes' : 'NO') : 'error',
  'peak RSS': r?.peakRssMb ? `${r.peakRssMb} MB` : '',
  notes: error ?? r?.notes ?? '',
}));
console.log('');
console.table(table);
fs.mkdirSync(path.join(here, '..', '.bench'), { recursive: true });
fs.writeFileSync(path.join(here, '..', '.bench', 'last-run.json'), JSON.stringify({ at: new Date().toISOString(), rows: table }, null, 2));
process.exit(rows.some((r) => !r.r) ? 1 : 0);
