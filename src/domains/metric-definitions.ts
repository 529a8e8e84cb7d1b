import { createMetricRegistry, type MetricDefinition } from '../platform/metrics';
import { enterpriseMetricDefinitions } from './enterprises';
import { environmentMetrics } from './environment';
import { hazardMetricDefinitions } from './equipment-safety/hazards';
import { equipmentMetricDefinitions } from './equipment-safety/equipment';

/** Every domain's live metrics (assessment indicators bind to these). A domain adds its list here. */
export const metricDefinitions: MetricDefinition[] = [...enterpriseMetricDefinitions, ...environmentMetrics, ...hazardMetricDefinitions, ...equipmentMetricDefinitions];

export const metricRegistry = createMetricRegistry(metricDefinitions);
