import { createApp, type App } from '../../src/app';
import { createSessionResolver, openSessionCache } from '../../src/domains/accounts';
import { DEMO_PASSWORD } from '../../src/demo/org-demo';
import { metricRegistry } from '../../src/domains/metric-definitions';
import type { MetricRegistry } from '../../src/platform/metrics';
import { fixedClock, systemClock, type Clock } from '../../src/platform/clock';
import { loadConfig, type Config } from '../../src/platform/config';
import type { Database } from '../../src/platform/db/connect';
import { silentLogger } from '../../src/platform/logger';
import { createTestDb } from './create-test-db';

export type TestApp = {
  app: App;
  database: Database;
  config: Config;
  clock: Clock;
  /** Log in as a demo user (password Demo#2026) and get a client that sends the cookie and CSRF token. */
  as(username: string, password?: string): Promise<TestClient>;
  anonymous: TestClient;
  close(): Promise<void>;
};

export type TestResponse = { status: number; body: any; headers: Headers; text: string };

export type TestClient = {
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse>;
  get(path: string): Promise<TestResponse>;
  post(path: string, body?: unknown): Promise<TestResponse>;
  patch(path: string, body?: unknown): Promise<TestResponse>;
  del(path: string, body?: unknown): Promise<TestResponse>;
  /** Raw request with a prepared body string (malformed JSON, huge payloads…). */
  raw(method: string, path: string, body: string | Uint8Array, contentType?: string): Promise<TestResponse>;
  cookie: string | null;
  csrf: string | null;
  me: any;
};

/** `metrics` replaces the metric registry (e.g. with a tiny test metric over a table the test controls). */
export async function createTestApp(options: { clock?: Clock; config?: Partial<Config>; metrics?: MetricRegistry } = {}): Promise<TestApp> {
  const database = await createTestDb();
  const config = loadConfig({ DATABASE_URL: undefined }, { strictAudit: true, ...options.config });
  const clock = options.clock ?? systemClock;
  // As the server does: session lookups cached in the process unless SESSION_CACHE is off.
  const sessionCache = config.session.cache ? await openSessionCache(database) : null;
  const app = createApp({
    deps: { database, db: database.db, config, clock, logger: process.env.QC_TEST_LOG ? (await import("../../src/platform/logger")).createLogger("error") : silentLogger, resolveSession: createSessionResolver(config.session, sessionCache), metrics: options.metrics ?? metricRegistry, version: 'test' },
  });
  const client = (cookie: string | null, csrf: string | null, me: unknown): TestClient => {
    const send = async (method: string, path: string, body: BodyInit | undefined, headers: Record<string, string>) => {
      const res = await app.request(path, {
        method,
        body,
        headers: { ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}), ...headers },
      });
      const text = await res.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        parsed = null;
      }
      return { status: res.status, body: parsed, headers: res.headers, text };
    };
    const json = (method: string) => (path: string, body?: unknown) =>
      send(method, path, body === undefined ? undefined : JSON.stringify(body), body === undefined ? {} : { 'content-type': 'application/json' });
    return {
      request: (method, path, body, headers = {}) =>
        send(method, path, body === undefined ? undefined : JSON.stringify(body), { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers }),
      get: json('GET'),
      post: json('POST'),
      patch: json('PATCH'),
      del: json('DELETE'),
      raw: (method, path, body, contentType = 'application/json') => send(method, path, body as BodyInit, { 'content-type': contentType }),
      cookie,
      csrf,
      me,
    };
  };
  const anonymous = client(null, null, null);
  return {
    app,
    database,
    config,
    clock,
    anonymous,
    async as(username, password = DEMO_PASSWORD) {
      const res = await anonymous.post('/api/v1/auth/login', { username, password });
      if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${res.text}`);
      const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      return client(cookies, res.body.csrfToken, res.body);
    },
    close: async () => {
      await sessionCache?.close();
      await database.close();
    },
  };
}

export { fixedClock };
