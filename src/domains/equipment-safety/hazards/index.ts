/** The hazard closed loop's public door (隐患闭环监管). */
export { hazardRoutes } from './hazard-routes';
export { hazardEscalationJob, runHazardEscalation, type EscalationRunResult } from './hazard-escalation-service';
export { hazardMetricDefinitions } from './hazard-metrics';
export { createHazard, getHazardDetail, updateHazard } from './hazard-service';
export { applyHazardAction } from './hazard-action-service';
export { listHazards, getHazardBoard, getTownshipSummary } from './hazard-query-service';
export { getHazardSettings, updateHazardSettings, type HazardClock } from './hazard-settings-service';
export { seedDemoHazards } from './hazard-demo';
export type { Hazard, CreateHazardInput, UpdateHazardInput, ListHazardsQuery } from './hazard-schema';
export type { HazardActionInput } from './hazard-action-schema';
export type { HazardDetail, HazardListItem, HazardBoard, TownshipSummary } from './hazard-view-schema';
