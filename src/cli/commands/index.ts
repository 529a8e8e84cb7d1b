import type { CliCommand } from '../context';
import { enterprisesExportCommand } from './enterprises-export';
import * as envImportAir from './environment-import-air';
import * as envImportRedlines from './environment-import-redlines';
import * as envSitingBatch from './environment-siting-batch';
import { equipmentDueSummaryCommand } from './equipment-due-summary';
import { equipmentRecomputeCommand } from './equipment-recompute';
import { importCommand } from './import-command';
import { backupCommand, createAdminCommand, migrateCommand, restoreCommand, runJobCommand, seedDemoCommand, usersListCommand } from './platform-commands';

/** Every `qcity` command; domain commands are added here as their modules land. */
export const cliCommands: CliCommand[] = [migrateCommand, seedDemoCommand, createAdminCommand, usersListCommand, backupCommand, restoreCommand, runJobCommand];
// Imports of every registered kind (enterprises, inspections, hourly air data, red-line GeoJSON) and exports.
cliCommands.push(importCommand, enterprisesExportCommand);
// Special equipment: recompute due dates, due/overdue summary per township.
cliCommands.push(equipmentRecomputeCommand, equipmentDueSummaryCommand);
// Environment: hourly air data with its own JSON/hour-label options, red-line zones, batch siting checks.
cliCommands.push(
  { name: 'env-import-air', usage: envImportAir.usage, description: envImportAir.description, run: envImportAir.run },
  { name: 'env-import-redlines', usage: envImportRedlines.usage, description: envImportRedlines.description, run: envImportRedlines.run },
  { name: 'env-siting-batch', usage: envSitingBatch.usage, description: envSitingBatch.description, run: envSitingBatch.run },
);
