import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration is read from the environment exactly once (in server.ts / cli/main.ts) and passed
 * down as a read-only object. `process.env` is not read anywhere else (lint-enforced).
 */
const durationSchema = z
  .string()
  .regex(/^\d+(s|m|h|d)$/, 'expected a duration such as 30m, 12h or 7d')
  .transform((value) => {
    const amount = Number(value.slice(0, -1));
    const unit = value.slice(-1) as 's' | 'm' | 'h' | 'd';
    const seconds = { s: 1, m: 60, h: 3600, d: 86400 }[unit];
    return amount * seconds;
  });

const booleanSchema = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  SERVER_PROCESSES: z.union([z.literal('auto'), z.coerce.number().int().min(1).max(64)]).default(1),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_TIMEOUT: durationSchema.prefault('2h'),
  SESSION_ABSOLUTE_TIMEOUT: durationSchema.prefault('12h'),
  SESSION_COOKIE_SECURE: booleanSchema.prefault('false'),
  SESSION_CACHE: z.enum(['on', 'off']).default('on'),
  LOGIN_MAX_FAILURES_PER_USER: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(30),
  LOGIN_LOCKOUT_WINDOW: durationSchema.prefault('15m'),
  TRUST_PROXY: booleanSchema.prefault('false'),
  CITY_TIMEZONE: z
    .string()
    .default('Asia/Shanghai')
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'unknown IANA time zone'),
  DEMO_DATA: z.enum(['auto', 'small', 'off']).default('auto'),
  SCHEDULER: z.enum(['on', 'off']).default('on'),
  MAX_JSON_BODY: z.coerce.number().int().min(1024).default(1024 * 1024),
  MAX_UPLOAD_BYTES: z.coerce.number().int().min(1024).default(20 * 1024 * 1024),
  MAP_TILE_URL: z.string().url().optional(),
});

export type Config = Readonly<{
  port: number;
  host: string;
  dataDir: string;
  db: Readonly<{ url: string | null; dataDir: string; poolSize: number }>;
  /** Server processes sharing the port (node:cluster); more than one needs PostgreSQL. */
  processes: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** `cache`: keep session lookups in the process, invalidated by database notifications (accounts/session-cache.ts). */
  session: Readonly<{ idleSeconds: number; absoluteSeconds: number; secureCookie: boolean; cache: boolean }>;
  login: Readonly<{ maxFailuresPerUser: number; maxFailuresPerIp: number; windowSeconds: number }>;
  trustProxy: boolean;
  timeZone: string;
  /** Seed the demo into an empty database: 'auto' (full demo), 'small' (a quick subset, for tests), 'off'. */
  demoData: 'auto' | 'small' | 'off';
  scheduler: boolean;
  limits: Readonly<{ jsonBody: number; upload: number }>;
  mapTileUrl: string | null;
  /** Fail a write request that recorded no audit entry (tests turn this on). */
  strictAudit: boolean;
}>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined>, overrides: Partial<Config> = {}): Config {
  // Empty strings count as "not set", as shells and .env files often produce them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message} (got ${JSON.stringify(cleaned[String(i.path[0])])})`));
  }
  const e = parsed.data;
  if (e.SESSION_IDLE_TIMEOUT > e.SESSION_ABSOLUTE_TIMEOUT) {
    throw new ConfigError(['SESSION_IDLE_TIMEOUT: must not be longer than SESSION_ABSOLUTE_TIMEOUT']);
  }
  const processes = e.SERVER_PROCESSES === 'auto' ? (e.DATABASE_URL ? os.availableParallelism() : 1) : e.SERVER_PROCESSES;
  if (processes > 1 && !e.DATABASE_URL) {
    throw new ConfigError([`SERVER_PROCESSES: ${processes} processes need DATABASE_URL (PostgreSQL); the embedded database belongs to one process`]);
  }
  const dataDir = path.resolve(e.DATA_DIR);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir,
    db: Object.freeze({ url: e.DATABASE_URL ?? null, dataDir, poolSize: e.DATABASE_POOL_SIZE }),
    processes,
    logLevel: e.LOG_LEVEL,
    session: Object.freeze({
      idleSeconds: e.SESSION_IDLE_TIMEOUT,
      absoluteSeconds: e.SESSION_ABSOLUTE_TIMEOUT,
      secureCookie: e.SESSION_COOKIE_SECURE,
      cache: e.SESSION_CACHE === 'on',
    }),
    login: Object.freeze({
      maxFailuresPerUser: e.LOGIN_MAX_FAILURES_PER_USER,
      maxFailuresPerIp: e.LOGIN_MAX_FAILURES_PER_IP,
      windowSeconds: e.LOGIN_LOCKOUT_WINDOW,
    }),
    trustProxy: e.TRUST_PROXY,
    timeZone: e.CITY_TIMEZONE,
    demoData: e.DEMO_DATA,
    scheduler: e.SCHEDULER === 'on',
    limits: Object.freeze({ jsonBody: e.MAX_JSON_BODY, upload: e.MAX_UPLOAD_BYTES }),
    mapTileUrl: e.MAP_TILE_URL ?? null,
    strictAudit: false,
    ...overrides,
  });
}
