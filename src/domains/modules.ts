import type { Router } from '../platform/http/router';
import { accountRoutes } from './accounts';
import { auditRoutes } from './audit';
import { fileRoutes } from './files';
import { notificationRoutes } from './notifications';
import { orgRoutes } from './org';

/**
 * Every domain's HTTP routes, mounted under /api/v1 by src/app.ts. A new domain adds one line.
 */
export const domainRouters: Router[] = [accountRoutes, orgRoutes, auditRoutes, notificationRoutes, fileRoutes];
