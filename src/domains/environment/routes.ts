import { createRouter } from '../../platform/http/router';
import { registerAirRoutes } from './air-routes';
import { registerCalcRoutes } from './calc-routes';
import { registerDashboardRoutes } from './dashboard-routes';
import { registerRedLineRoutes } from './redline-routes';
import { registerSitingRoutes } from './siting-routes';
import { registerStationRoutes } from './station-routes';
import { registerNoiseRoutes, registerWaterRoutes } from './water-noise-routes';

/** Every route of the environment domain: public calculators and /environment/*. */
export const environmentRoutes = createRouter();
registerCalcRoutes(environmentRoutes);
registerStationRoutes(environmentRoutes);
registerDashboardRoutes(environmentRoutes);
registerAirRoutes(environmentRoutes);
registerWaterRoutes(environmentRoutes);
registerNoiseRoutes(environmentRoutes);
registerRedLineRoutes(environmentRoutes);
registerSitingRoutes(environmentRoutes);
