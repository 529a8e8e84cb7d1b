import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, httpLogin, startServer, waitForHealth, type ServerProcess } from '../support/processes';

/**
 * The embedded database is owned by one server process: a second `npm start` on the same
 * DATA_DIR refuses with a message naming the holder, and after `kill -9` the server restarts with
 * every committed write — including sessions — still there.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qcity-durability-'));
const running: ServerProcess[] = [];

afterAll(() => {
  for (const s of running) if (s.child.exitCode === null) s.child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('server on an embedded data directory', () => {
  it('refuses a second server on the same DATA_DIR, survives SIGKILL and keeps committed writes and sessions', async () => {
    const first = startServer({ DATA_DIR: dataDir, DEMO_DATA: 'small' }, await freePort());
    running.push(first);
    await waitForHealth(first);

    const second = startServer({ DATA_DIR: dataDir, DEMO_DATA: 'small' }, await freePort());
    running.push(second);
    const code = await second.exited;
    expect(code).not.toBe(0);
    expect(second.output()).toContain(`PID ${first.child.pid}`);
    expect(second.output()).toContain('qcity.lock');

    const session = await httpLogin(first.url, 'office');
    const tree = (await (await fetch(`${first.url}/api/v1/org-units?kind=city`, { headers: { cookie: session.cookie } })).json()) as { items: Array<{ id: string }> };
    const created = await fetch(`${first.url}/api/v1/org-units`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
      body: JSON.stringify({ parentId: tree.items[0]?.id, kind: 'department', code: 'dept-durable', name: '断电测试局' }),
    });
    expect(created.status).toBe(201);
    const unit = (await created.json()) as { id: string };

    first.child.kill('SIGKILL');
    await first.exited;
    expect(fs.existsSync(path.join(dataDir, 'qcity.lock'))).toBe(true);

    const restarted = startServer({ DATA_DIR: dataDir, DEMO_DATA: 'small' }, await freePort());
    running.push(restarted);
    await waitForHealth(restarted);
    const again = await fetch(`${restarted.url}/api/v1/org-units/${unit.id}`, { headers: { cookie: session.cookie } });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { name: string }).name).toBe('断电测试局');
    const audit = await fetch(`${restarted.url}/api/v1/audit-log?entityId=${unit.id}`, { headers: { cookie: session.cookie } });
    expect(((await audit.json()) as { total: number }).total).toBe(1);
    restarted.child.kill('SIGTERM');
    expect(await restarted.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'qcity.lock'))).toBe(false);
  });
});
