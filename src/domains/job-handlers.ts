import { createImportJobHandler } from '../platform/import';
import type { JobHandler } from '../platform/jobs/queue';
import { importRegistry } from './import-kinds';
import { recomputeJobHandler } from './equipment-safety/equipment';

/** Every kind of background job (src/platform/jobs/queue.ts runs them); a domain adds its handlers here. */
export const jobHandlers: JobHandler[] = [createImportJobHandler(importRegistry)];
// Special equipment: recompute due dates after an inspection-rule change.
jobHandlers.push(recomputeJobHandler);
