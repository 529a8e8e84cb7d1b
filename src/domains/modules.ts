import type { Router } from '../platform/http/router';
import { accountRoutes } from './accounts';
import { auditRoutes } from './audit';
import { enterpriseRoutes } from './enterprises';
import { environmentRoutes } from './environment';
import { fileRoutes } from './files';
import { notificationRoutes } from './notifications';
import { orgRoutes } from './org';
import { hazardRoutes } from './equipment-safety/hazards';
import { equipmentRoutes } from './equipment-safety/equipment';
import { calendarRoutes } from './calendar';
import { targetRoutes } from './targets';
import { createImportRoutes } from '../platform/import';
import { jobRoutes } from '../platform/jobs/routes';
import { importRegistry } from './import-kinds';

/**
 * Every domain's HTTP routes, mounted under /api/v1 by src/app.ts. A new domain adds one line.
 */
export const domainRouters: Router[] = [accountRoutes, orgRoutes, auditRoutes, notificationRoutes, fileRoutes];
// Enterprise registry; the generic import engine (every import kind) and background-job progress.
domainRouters.push(enterpriseRoutes, createImportRoutes(importRegistry), jobRoutes);
// Environmental quality: calculators, monitoring data, red lines and siting checks.
domainRouters.push(environmentRoutes);
// Special-equipment safety: the registry, inspections and due dates (特种设备), and the working-day calendar.
domainRouters.push(equipmentRoutes, calendarRoutes);
// Special-equipment safety: the hazard closed loop (隐患闭环监管).
domainRouters.push(hazardRoutes);
// Target responsibility and annual assessment (目标考核、督察推进).
domainRouters.push(targetRoutes);
