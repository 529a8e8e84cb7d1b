import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 8080, host: '127.0.0.1', timeZone: 'Asia/Shanghai', db: { url: null } });
    expect(c.dataDir.endsWith('/data')).toBe(true);
    expect(c.session).toEqual({ idleSeconds: 7200, absoluteSeconds: 43200, secureCookie: false, cache: true });
    expect(loadConfig({ SESSION_CACHE: 'off' }).session.cache).toBe(false);
    expect(c.processes).toBe(1);
  });

  it('runs several server processes on PostgreSQL only', () => {
    const url = 'postgres://qc@db.example/qcity';
    expect(loadConfig({ DATABASE_URL: url, SERVER_PROCESSES: '2' }).processes).toBe(2);
    expect(loadConfig({ DATABASE_URL: url, SERVER_PROCESSES: 'auto' }).processes).toBeGreaterThanOrEqual(1);
    expect(loadConfig({ SERVER_PROCESSES: 'auto' }).processes).toBe(1);
    expect(() => loadConfig({ SERVER_PROCESSES: '2' })).toThrow(/SERVER_PROCESSES.*DATABASE_URL/);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['LOG_LEVEL', 'loud'],
    ['SESSION_IDLE_TIMEOUT', '2 hours'],
    ['CITY_TIMEZONE', 'Mars/Olympus'],
    ['SESSION_CACHE', 'maybe'],
    ['SERVER_PROCESSES', '0'],
    ['SERVER_PROCESSES', 'many'],
  ])('stops with a message naming %s when it is %j', (name, value) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(name);
  });

  it('refuses an idle timeout longer than the absolute one', () => {
    expect(() => loadConfig({ SESSION_IDLE_TIMEOUT: '13h' })).toThrow(/SESSION_IDLE_TIMEOUT/);
  });

  it('parses durations and a PostgreSQL URL', () => {
    const c = loadConfig({ SESSION_IDLE_TIMEOUT: '30m', SESSION_ABSOLUTE_TIMEOUT: '1d', DATABASE_URL: 'postgres://u@h:5432/db', PORT: '9000' });
    expect(c.session.idleSeconds).toBe(1800);
    expect(c.session.absoluteSeconds).toBe(86400);
    expect(c.db.url).toBe('postgres://u@h:5432/db');
    expect(c.port).toBe(9000);
  });
});
