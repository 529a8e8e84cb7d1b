/**
 * The environment domain's public door (routes, metrics, demo data, CLI use cases). Pure rules
 * (AQI, water, noise, geo) are isomorphic and may also be imported by the web app directly.
 */
export { environmentRoutes } from './routes';
export { environmentMetrics } from './metrics';
export { seedEnvironmentDemo } from './demo';
export { upsertHourlyAirData, recomputeDailyAir } from './air-service';
export { parseHourlyAirFile, type HourlyFileOptions } from './air-file-import';
export { airHourlyImportKind } from './air-import-kind';
export { importZones, computeAreaTotals, loadZoneIndex } from './redline-service';
export { runSitingBatch, runSitingCheck } from './siting-service';
export { loadControlRuleSet } from './control-rule-service';
export { computeAirStatistics, getAqiCalendar } from './air-statistics-service';
export { computeWaterCompliance, evaluateRivers } from './water-service';
export { computeNoiseComplianceByPeriod } from './noise-service';
export { getDashboard, getStationOverview } from './dashboard-service';
export type { HourlyAirInput, HourlyUpsertResult, AirStatistics, AqiCalendar } from './air-schema';
export type { Station, CreateStationInput } from './station-schema';
export type { SitingCheckResult, SitingBatchResult } from './siting-schema';
