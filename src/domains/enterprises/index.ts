export {
  listEnterprises,
  iterateEnterprises,
  getEnterprise,
  getEnterpriseDetail,
  findEnterpriseById,
  createEnterprise,
  updateEnterprise,
  updateEnterpriseContacts,
  changeEnterpriseStatus,
} from './service';
export { getEnterpriseHistory } from './history-service';
export { findEnterprisesByIds, findEnterpriseNames, searchEnterpriseIds } from './lookup-service';
export { enterpriseRoutes } from './routes';
export { enterpriseImportKind } from './import-kind';
export { enterpriseExportColumns } from './export-columns';
export { enterpriseMetricDefinitions } from './metrics';
export { seedDemoEnterprises, DEMO_ENT1_ENTERPRISE_NAME } from './demo-seed';
export { generateDemoEnterprises, type DemoEnterprise } from './demo-data';
export { checkUscc, isValidUscc, buildUscc, normaliseUscc } from './uscc-rules';
export type { EnterpriseRecord } from './store';
export type { Enterprise, CreateEnterpriseInput, UpdateEnterpriseInput, ListEnterprisesQuery } from './schema';
export type { EnterpriseListItem, EnterpriseDetail, EnterprisePage } from './view-schema';
