import type { Actor } from '../../shared/actor';
import type { Role, UserFlag } from '../../shared/roles';
import type { Clock } from '../clock';
import type { Config } from '../config';
import type { Database } from '../db/connect';
import type { Db } from '../db/types';
import type { Logger } from '../logger';
import type { MetricRegistry } from '../metrics';

/** A logged-in user as the session store knows them (without the route-specific scope). */
export type SessionUser = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  flags: UserFlag[];
  orgUnitId: string;
  orgPath: string;
  enterpriseId: string | null;
  mustChangePassword: boolean;
};

export type SessionInfo = { sessionId: string; csrfToken: string; user: SessionUser };

/** How the HTTP layer finds the session behind a cookie; provided by the accounts domain. */
export type SessionResolver = (db: Db, token: string, now: Date) => Promise<SessionInfo | null>;

/** Everything a request handler may need, set once per app. */
export type AppDeps = {
  database: Database;
  db: Db;
  config: Config;
  clock: Clock;
  logger: Logger;
  resolveSession: SessionResolver;
  metrics: MetricRegistry;
  version: string;
};

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    db: Db;
    requestId: string;
    logger: Logger;
    session: SessionInfo | null;
    /** Set by the access middleware of every declared route; null only on public routes without login. */
    actor: Actor | null;
    clientIp: string | null;
  };
};
