import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Exclusive ownership of an embedded PGlite data directory. PGlite itself does not lock: two
 * processes on one directory silently lose writes (stack.md §1), so the server takes this lock
 * before opening the database and keeps it until it exits.
 *
 * The lock file holds the owner's PID, host and process start time. A lock whose owner is gone
 * (killed with SIGKILL, machine rebooted, PID reused by another program) is stale and is taken
 * over; the take-over itself is serialised by a second short-lived lock so that two starting
 * processes cannot both take over the same stale lock.
 */
export type DataDirLock = { path: string; release(): void };

type LockOwner = { pid: number; host: string; startedAt: string | null; createdAt: string };

export class DataDirLockedError extends Error {
  constructor(readonly lockPath: string, readonly owner: LockOwner) {
    super(
      `数据目录已被另一个进程占用 / the data directory is in use by another process: PID ${owner.pid} on ${owner.host} ` +
        `(lock file ${lockPath}). Stop that process first, or use another DATA_DIR.`,
    );
    this.name = 'DataDirLockedError';
  }
}

const TAKEOVER_STALE_MS = 10_000;

export function acquireDataDirLock(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'qcity.lock');
  const me: LockOwner = { pid: process.pid, host: os.hostname(), startedAt: processStartTime(process.pid), createdAt: new Date().toISOString() };

  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(lockPath, me)) return makeHandle(lockPath);
    const owner = readOwner(lockPath);
    if (owner && isAlive(owner)) throw new DataDirLockedError(lockPath, owner);
    takeOverStale(lockPath, owner);
  }
  throw new Error(`could not acquire ${lockPath}: it keeps changing; is another process starting at the same time?`);
}

function makeHandle(lockPath: string): DataDirLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    const owner = readOwner(lockPath);
    if (owner && owner.pid === process.pid) fs.rmSync(lockPath, { force: true });
  };
  process.once('exit', release);
  return { path: lockPath, release };
}

function tryCreate(lockPath: string, owner: LockOwner): boolean {
  try {
    const fd = fs.openSync(lockPath, 'wx', 0o644);
    fs.writeSync(fd, JSON.stringify(owner));
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function readOwner(lockPath: string): LockOwner | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number') return null;
    return { pid: parsed.pid, host: String(parsed.host ?? ''), startedAt: parsed.startedAt ?? null, createdAt: String(parsed.createdAt ?? '') };
  } catch {
    return null; // missing, half-written or garbage: treated as stale
  }
}

function isAlive(owner: LockOwner): boolean {
  if (owner.host !== os.hostname()) return true; // another machine on a shared disk: never steal
  if (owner.pid === process.pid) return false; // our own leftover (e.g. a previous run in this process)
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // The PID exists; make sure it is still the same process and not a recycled PID.
  const startedAt = processStartTime(owner.pid);
  return owner.startedAt === null || startedAt === null || startedAt === owner.startedAt;
}

function takeOverStale(lockPath: string, seen: LockOwner | null): void {
  const guard = `${lockPath}.takeover`;
  try {
    const stat = fs.statSync(guard);
    if (Date.now() - stat.mtimeMs > TAKEOVER_STALE_MS) fs.rmSync(guard, { force: true });
  } catch {
    // no guard yet
  }
  let fd: number;
  try {
    fd = fs.openSync(guard, 'wx');
  } catch {
    sleep(50); // someone else is taking over; let them finish, then look again
    return;
  }
  try {
    const current = readOwner(lockPath);
    const unchanged = JSON.stringify(current) === JSON.stringify(seen);
    if (unchanged && !(current && isAlive(current))) fs.rmSync(lockPath, { force: true });
  } finally {
    fs.closeSync(fd);
    fs.rmSync(guard, { force: true });
  }
}

/** Start time of a process in clock ticks since boot (Linux), to detect recycled PIDs. */
function processStartTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
