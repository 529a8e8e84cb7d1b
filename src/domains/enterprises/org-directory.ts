import type { Db } from '../../platform/db/types';
import { listOrgUnitOptions } from '../org';
import { buildOrgDirectory, type OrgDirectory } from './org-tree';

export { buildOrgDirectory, type OrgDirectory, type OrgDirectoryData, type OrgNode } from './org-tree';

/** The org tree, read once per request through the org domain's public door. */
export async function loadOrgDirectory(db: Db): Promise<OrgDirectory> {
  const [all, active] = await Promise.all([listOrgUnitOptions(db, { includeInactive: true }), listOrgUnitOptions(db)]);
  return buildOrgDirectory({ units: all, activeIds: active.map((u) => u.id) });
}
