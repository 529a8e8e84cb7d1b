/**
 * The `npm run bench` contract. Each bench/<area>.ts exports `workloads: BenchWorkload[]`; a
 * workload measures itself and, in the same run, its anchor (the thing the target is relative
 * to: a bare SELECT, exceljs merely reading, PostGIS…), so that the ratio holds on a noisy machine.
 */
export type BenchResult = {
  /** Wall time of the workload in milliseconds. */
  ms: number;
  /** Throughput, e.g. { value: 1234, unit: 'rows/s' }. */
  rate?: { value: number; unit: string };
  /** The anchor measured in the same run. */
  anchor?: { name: string; ms?: number; rate?: { value: number; unit: string } };
  /** workload / anchor (time ratio, or rate ratio — say which in `target`). */
  ratio?: number;
  /** The target in words, e.g. '≤ 2× anchor time'. */
  target: string;
  /** Whether the target was met (null when it cannot be judged here). */
  ok: boolean | null;
  peakRssMb?: number;
  notes?: string;
};

export type BenchWorkload = {
  name: string;
  size: string;
  run(): Promise<BenchResult>;
};

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** Tracks peak RSS while a function runs (sampled every 20 ms). */
export async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peakRssMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, peakRssMb: Math.round(peak / 1024 / 1024) };
  } finally {
    clearInterval(timer);
  }
}

/** Percentile of a list of numbers (nearest-rank). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}
