/**
 * Public door of the equipment registry (特种设备). Other domains, the CLI and the demo seed
 * import from here only.
 */
export { equipmentRoutes } from './routes';
export { getDeviceDetail, createDevice, updateDevice } from './device-service';
export { getDeviceSummary } from './summary-service';
export { applyRegistrationAction } from './registration-service';
export { listDevices, iterateDevices, getDueSummary, getDeviceMap } from './device-query-service';
export { recordInspection, listInspections } from './inspection-service';
export { recordMaintenance, listMaintenance, getMaintenanceGaps, createCertificate, updateCertificate, listCertificates } from './upkeep-service';
export { getDeviceTimeline, getResponsibility, appendDeviceEvent } from './detail-service';
export { loadRuleSet, getInspectionRules, getCatalogue, createRuleOverride, deleteRuleOverride, recomputeDueDates, recomputeJobHandler, RECOMPUTE_JOB_KIND } from './rule-service';
export type { DeviceDetail, DeviceListItem, DevicePage, DueSummary, InspectionItem, MaintenanceItem, CertificateItem } from './view-schema';
export type { DeviceSummary } from './summary-service';
export { equipmentMetricDefinitions } from './metrics';
export { equipmentDueReminderJob, sendDueReminders } from './reminder-service';
export { inspectionImportKind } from './import-kind';
export { seedDemoEquipment } from './demo-seed';
