import type { CliCommand } from '../context';
import { equipmentDueSummaryCommand } from './equipment-due-summary';
import { equipmentRecomputeCommand } from './equipment-recompute';
import { backupCommand, createAdminCommand, migrateCommand, restoreCommand, runJobCommand, seedDemoCommand, usersListCommand } from './platform-commands';

/** Every `qcity` command; domain commands are added here as their modules land. */
export const cliCommands: CliCommand[] = [migrateCommand, seedDemoCommand, createAdminCommand, usersListCommand, backupCommand, restoreCommand, runJobCommand];
// Special equipment: recompute due dates, due/overdue summary per township.
cliCommands.push(equipmentRecomputeCommand, equipmentDueSummaryCommand);
