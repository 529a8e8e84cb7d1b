import { sql, type SQL } from 'drizzle-orm';
import type { Role, UserFlag } from '../../shared/roles';
import { queryRows, type Db } from '../../platform/db/types';

/**
 * Who to notify, described by duty rather than by name (other domains' notification rules produce
 * these): the users of an enterprise; the township-level staff responsible for a territory (users of
 * role `township` whose unit is the territory or one of its ancestors, optionally with a duty flag such
 * as 特种设备安全协管员); everyone in an org unit's subtree (a department); everyone of a role.
 */
export type UserRecipient =
  | { kind: 'enterprise'; enterpriseId: string }
  | { kind: 'territory'; orgUnitId: string; flag: UserFlag | null }
  | { kind: 'org_unit'; orgUnitId: string }
  | { kind: 'role'; role: Role }
  | { kind: 'user'; userId: string };

function conditionFor(r: UserRecipient): SQL {
  switch (r.kind) {
    case 'enterprise':
      return sql`u.role = 'enterprise' AND u.enterprise_id = ${r.enterpriseId}`;
    case 'territory':
      return sql`u.role = 'township' AND (SELECT t.path FROM org_units t WHERE t.id = ${r.orgUnitId}) LIKE o.path || '%'
                 ${r.flag ? sql`AND ${r.flag} = ANY (u.flags)` : sql``}`;
    case 'org_unit':
      return sql`u.role <> 'enterprise' AND o.path LIKE (SELECT t.path FROM org_units t WHERE t.id = ${r.orgUnitId}) || '%'`;
    case 'role':
      return sql`u.role = ${r.role}`;
    case 'user':
      return sql`u.id = ${r.userId}`;
  }
}

/** Ids of the active users matching any of the recipients (distinct, stable order). */
export async function listUserIdsForRecipients(db: Db, recipients: readonly UserRecipient[]): Promise<string[]> {
  if (recipients.length === 0) return [];
  const any = sql.join(recipients.map((r) => sql`(${conditionFor(r)})`), sql` OR `);
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT DISTINCT u.id FROM users u JOIN org_units o ON o.id = u.org_unit_id WHERE u.is_active AND (${any}) ORDER BY u.id`,
  );
  return rows.map((r) => r.id);
}
