import { createMetricRegistry, type MetricDefinition } from '../platform/metrics';

/** Every domain's live metrics (assessment indicators bind to these). A domain adds its list here. */
export const metricDefinitions: MetricDefinition[] = [];

export const metricRegistry = createMetricRegistry(metricDefinitions);
