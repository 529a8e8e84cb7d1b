export {
  getOrgUnit,
  getOrgUnitDetail,
  listOrgUnits,
  getOrgTree,
  listOrgUnitOptions,
  createOrgUnit,
  createRootOrgUnit,
  updateOrgUnit,
  moveOrgUnit,
  setOrgUnitActive,
} from './service';
export { findOrgUnit, findOrgUnitByCode, findRoot, type OrgUnitRecord } from './store';
export { orgRoutes } from './routes';
export type { OrgUnit, OrgTreeNode, OrgUnitOption, CreateOrgUnitInput } from './schema';
