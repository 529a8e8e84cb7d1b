import { sql } from 'drizzle-orm';
import type { Actor, DataScope } from '../../src/shared/actor';
import { roleReach } from '../../src/shared/permissions';
import type { Role, UserFlag } from '../../src/shared/roles';
import { queryOne, type Db } from '../../src/platform/db/types';
import type { RouteScope } from '../../src/platform/http/access';

/**
 * The Actor a demo user gets on a route of the given scope (as the access middleware builds it),
 * for service-level tests that call use cases directly.
 */
export async function actorOf(db: Db, username: string, scope: RouteScope = 'org'): Promise<Actor> {
  const u = await queryOne<{ id: string; username: string; display_name: string; role: Role; flags: UserFlag[]; org_unit_id: string; path: string; enterprise_id: string | null }>(
    db,
    sql`SELECT u.id, u.username, u.display_name, u.role, u.flags, u.org_unit_id, o.path, u.enterprise_id
        FROM users u JOIN org_units o ON o.id = u.org_unit_id WHERE u.username = ${username}`,
  );
  if (!u) throw new Error(`no demo user ${username}`);
  const reach = roleReach[u.role];
  const dataScope: DataScope =
    scope === 'global' || reach === 'all'
      ? { kind: 'all' }
      : scope === 'self'
        ? { kind: 'self', userId: u.id }
        : reach === 'subtree'
          ? { kind: 'subtree', rootId: u.org_unit_id, rootPath: u.path }
          : { kind: 'enterprise', enterpriseId: u.enterprise_id ?? '00000000-0000-4000-8000-000000000000' };
  return {
    kind: 'user',
    userId: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    flags: u.flags ?? [],
    orgUnitId: u.org_unit_id,
    orgPath: u.path,
    enterpriseId: u.enterprise_id,
    scope: dataScope,
    requestId: null,
    ip: null,
    trace: { auditEntries: 0 },
  };
}
