import { createRouter } from '../../platform/http/router';
import { registerAssessmentRoutes } from './assessment-routes';
import { registerItemRoutes } from './item-routes';
import { registerPlanRoutes } from './plan-routes';
import { registerProgressRoutes } from './progress-routes';

/** Every route of the target-responsibility and assessment domain (/targets/*). */
export const targetRoutes = createRouter();
registerPlanRoutes(targetRoutes);
registerItemRoutes(targetRoutes);
registerProgressRoutes(targetRoutes);
registerAssessmentRoutes(targetRoutes);
