import { spawn } from 'node:child_process';
import fs from 'node:fs';

/**
 * A closed-loop HTTP load generator in its own Node process (node:http keep-alive agent, one
 * request in flight per connection), so that the server, the database and the generator each get
 * their own process on the cores; and the CPU a process (tree) has used, from /proc.
 */
export type LoadSpec = { url: string; requests: Array<{ path: string; cookie: number }>; cookies: string[]; connections: number; warmupMs: number; durationMs: number };
export type LoadResult = { count: number; ms: number; rps: number; p50: number; p99: number; max: number; errors: number; statuses: Record<string, number>; cpuMs: number };

const generatorSource = `
import http from 'node:http';
const spec = JSON.parse(await new Promise((resolve) => { let s = ''; process.stdin.on('data', (d) => (s += d)); process.stdin.on('end', () => resolve(s)); }));
const agent = new http.Agent({ keepAlive: true, maxSockets: spec.connections });
const target = new URL(spec.url);
let measuring = false, stop = false, count = 0, errors = 0;
const lat = [];
const statuses = {};
function one(r) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const req = http.request({ host: target.hostname, port: target.port, path: r.path, agent, headers: { cookie: spec.cookies[r.cookie] } }, (res) => {
      res.resume();
      res.on('end', () => {
        const ms = performance.now() - t0;
        if (measuring) { count++; lat.push(ms); statuses[res.statusCode] = (statuses[res.statusCode] || 0) + 1; if (res.statusCode !== 200) errors++; }
        resolve();
      });
    });
    req.on('error', () => { if (measuring) errors++; resolve(); });
    req.end();
  });
}
let next = 0;
async function worker() { while (!stop) await one(spec.requests[next++ % spec.requests.length]); }
const workers = Array.from({ length: spec.connections }, worker);
await new Promise((r) => setTimeout(r, spec.warmupMs));
measuring = true;
const cpu0 = process.cpuUsage();
const started = performance.now();
await new Promise((r) => setTimeout(r, spec.durationMs));
measuring = false;
const ms = performance.now() - started;
stop = true;
await Promise.all(workers);
lat.sort((a, b) => a - b);
const q = (p) => lat.length ? lat[Math.min(lat.length - 1, Math.ceil(p / 100 * lat.length) - 1)] : NaN;
const cpu = process.cpuUsage(cpu0);
process.stdout.write(JSON.stringify({ count, ms, rps: count / ms * 1000, p50: q(50), p99: q(99), max: lat[lat.length - 1] ?? NaN, errors, statuses, cpuMs: (cpu.user + cpu.system) / 1000 }));
agent.destroy();
`;

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', generatorSource], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.end(JSON.stringify(spec));
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += String(d)));
  child.stderr.on('data', (d) => (err += String(d)));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`load generator failed (${code}): ${err}`);
  return JSON.parse(out) as LoadResult;
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux); 0 when unavailable. */
export function processCpuMs(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (CLK_TCK 100)
  } catch {
    return 0;
  }
}

/** CPU of a process and its child processes (a server with SERVER_PROCESSES > 1 is a primary and its workers). */
export function processTreeCpuMs(pid: number | undefined): number {
  if (!pid) return 0;
  let children: number[] = [];
  try {
    children = fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((tid) => fs.readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/))
      .filter((c) => c !== '')
      .map(Number);
  } catch {
    // not Linux, or the process is gone
  }
  return processCpuMs(pid) + children.reduce((sum, child) => sum + processTreeCpuMs(child), 0);
}
