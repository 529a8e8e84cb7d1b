import { sql, type SQL } from 'drizzle-orm';
import type { DataScope } from '../../shared/actor';

/**
 * SQL condition limiting rows to a data scope. `orgColumn` is the row's org-unit id column;
 * `enterpriseColumn` the column that names the row's enterprise (if the table has one).
 * Rows of other scopes are simply not there, so out-of-scope ids answer 404, not 403.
 */
export function scopeCondition(scope: DataScope, columns: { orgColumn?: SQL; enterpriseColumn?: SQL; userColumn?: SQL }): SQL {
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'subtree':
      if (!columns.orgColumn) return sql`false`;
      return sql`${columns.orgColumn} IN (SELECT id FROM org_units WHERE path LIKE ${`${scope.rootPath}%`})`;
    case 'enterprise':
      if (!columns.enterpriseColumn) return sql`false`;
      return sql`${columns.enterpriseColumn} = ${scope.enterpriseId}`;
    case 'self':
      if (!columns.userColumn) return sql`false`;
      return sql`${columns.userColumn} = ${scope.userId}`;
  }
}
