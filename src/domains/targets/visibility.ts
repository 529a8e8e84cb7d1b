import { sql, type SQL } from 'drizzle-orm';
import type { Actor, DataScope } from '../../shared/actor';
import { hasPermission } from '../../shared/permissions';
import { scopeCondition } from '../../platform/db/scope';

/**
 * Who sees what in the target module (SQL conditions for the stores):
 *
 * - drafts: only plan managers (质强办);
 * - an item (indicator × unit) of a published or closed plan: everyone whose data scope covers the
 *   unit (the office and the bureau see all, a township its own items), plus the item's lead
 *   department (考核牵头部门) when the user may review — a lead department sees the items it reviews;
 * - a plan: everyone who sees at least one of its items (a township sees only plans it is assessed in).
 *
 * "Own" in the sense of reporting or reviewing is always the user's own org subtree (`ownPath`),
 * whatever the role's reach: the bureau sees everything but reports and reviews only its own items.
 * Queries use the aliases p (plans), i (indicators), a (assignments).
 */
export type Viewer = { scope: DataScope; ownPath: string | null; isManager: boolean; isReviewer: boolean };

export function viewerOf(actor: Actor): Viewer {
  if (actor.kind === 'system' || actor.role === null) return { scope: { kind: 'all' }, ownPath: null, isManager: true, isReviewer: true };
  return {
    scope: actor.scope,
    ownPath: actor.orgPath,
    isManager: hasPermission(actor.role, 'targets.manage'),
    isReviewer: hasPermission(actor.role, 'targets.review'),
  };
}

/** The org unit in `column` lies in the subtree at `path`. */
export function inSubtree(column: SQL, path: string | null): SQL {
  return path ? sql`${column} IN (SELECT id FROM org_units WHERE path LIKE ${`${path}%`})` : sql`false`;
}

export const leadColumn = sql`COALESCE(a.lead_org_unit_id, i.lead_org_unit_id)`;

function statusVisible(viewer: Viewer): SQL {
  return viewer.isManager ? sql`true` : sql`p.status <> 'draft'`;
}

/** Item visibility on a query that joins p, i and a. */
export function itemVisible(viewer: Viewer): SQL {
  if (viewer.scope.kind === 'all') return statusVisible(viewer);
  const lead = viewer.isReviewer ? inSubtree(leadColumn, viewer.ownPath) : sql`false`;
  return sql`(${statusVisible(viewer)} AND (${scopeCondition(viewer.scope, { orgColumn: sql`a.org_unit_id` })} OR ${lead}))`;
}

/** Plan visibility on a query over p. */
export function planVisible(viewer: Viewer): SQL {
  if (viewer.scope.kind === 'all') return statusVisible(viewer);
  return sql`(${statusVisible(viewer)} AND EXISTS (SELECT 1 FROM targets_assignments a JOIN targets_indicators i ON i.id = a.indicator_id
              WHERE a.plan_id = p.id AND ${itemVisible(viewer)}))`;
}

/** A unit-level record (score, objection) with its org unit in `column`: visible when the unit is in scope. */
export function unitVisible(viewer: Viewer, column: SQL): SQL {
  return scopeCondition(viewer.scope, { orgColumn: column });
}

/** jsonb comes back parsed from both drivers; text when cast. */
export function jsonValue<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
