import type { Role, UserFlag } from './roles';

/**
 * Who is acting, and over which data. Built once per request by the access middleware (from the
 * session and the route's declared scope) or by the CLI/scheduler for system work, and passed to
 * every service function. Isomorphic so that rules (and the web app) can reason about actors.
 */
export type DataScope =
  | { kind: 'all' }
  /** The actor's org unit and everything below it (materialised path prefix). */
  | { kind: 'subtree'; rootId: string; rootPath: string }
  /** Only records of one enterprise. */
  | { kind: 'enterprise'; enterpriseId: string }
  /** Only the actor's own records (profile, notifications). */
  | { kind: 'self'; userId: string };

export type Actor = {
  kind: 'user' | 'system';
  userId: string | null;
  username: string;
  displayName: string;
  role: Role | null;
  flags: readonly UserFlag[];
  orgUnitId: string | null;
  orgPath: string | null;
  enterpriseId: string | null;
  scope: DataScope;
  requestId: string | null;
  ip: string | null;
  /** Counts audit entries written for this actor's request (the strict-audit check reads it). */
  trace: { auditEntries: number };
};

export function systemActor(name: string): Actor {
  return {
    kind: 'system',
    userId: null,
    username: `system:${name}`,
    displayName: name,
    role: null,
    flags: [],
    orgUnitId: null,
    orgPath: null,
    enterpriseId: null,
    scope: { kind: 'all' },
    requestId: null,
    ip: null,
    trace: { auditEntries: 0 },
  };
}

/** Is a record at `orgPath` (materialised path of its org unit) visible in the scope? */
export function isOrgPathInScope(scope: DataScope, orgPath: string): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'subtree') return orgPath.startsWith(scope.rootPath);
  return false;
}

/** Same actor with another data scope (e.g. a service widening to 'all' for a lookup). */
export function withScope(actor: Actor, scope: DataScope): Actor {
  return { ...actor, scope };
}
