import type { CliCommand } from '../context';
import { backupCommand, createAdminCommand, migrateCommand, restoreCommand, runJobCommand, seedDemoCommand, usersListCommand } from './platform-commands';

/** Every `qcity` command; domain commands are added here as their modules land. */
export const cliCommands: CliCommand[] = [migrateCommand, seedDemoCommand, createAdminCommand, usersListCommand, backupCommand, restoreCommand, runJobCommand];
