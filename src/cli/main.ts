import { ConfigError, loadConfig } from '../platform/config';
import { systemClock } from '../platform/clock';
import { connect } from '../platform/db/connect';
import { DataDirLockedError } from '../platform/db/lock';
import { migrate } from '../platform/db/migrate';
import { createLogger } from '../platform/logger';
import { DomainError } from '../shared/errors';
import { cliCommands } from './commands';
import type { CliContext } from './context';

/** `qcity <command> …`: see `qcity help`. Exit codes: 0 ok, 1 failure, 2 usage/config, 3 data dir locked, 4 invalid input, 5 not found, 6 conflict. */
const exitCodeByKind: Record<DomainError['kind'], number> = {
  invalid: 4,
  too_large: 4,
  not_found: 5,
  conflict: 6,
  forbidden: 1,
  unauthenticated: 1,
  rate_limited: 1,
};

function printHelp(): void {
  console.log('质量强市综合管理平台命令行 / Quality City CLI\n\nUsage: qcity <command> [options]\n');
  for (const c of cliCommands) console.log(`  ${c.usage.padEnd(48)} ${c.description}`);
  console.log('\nEnvironment: DATA_DIR (embedded database folder, default ./data) or DATABASE_URL (PostgreSQL).');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    printHelp();
    return name ? 0 : 2;
  }
  const command = cliCommands.find((c) => c.name === name || (name === 'users' && c.name === `users ${args[0]}`));
  const commandArgs = command && name === 'users' ? args.slice(1) : args;
  if (!command) {
    console.error(`unknown command: ${name}\n`);
    printHelp();
    return 2;
  }
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  let database;
  try {
    database = await connect(config.db);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      return 3;
    }
    throw error;
  }
  try {
    if (command.needsMigrations !== false) await migrate(database);
    const ctx: CliContext = { db: database.db, database, config, logger, clock: systemClock, out: (line) => console.log(line) };
    return await command.run(commandArgs, ctx);
  } catch (error) {
    if (error instanceof DomainError) {
      console.error(`${error.code}: ${error.message}${error.details ? `\n${JSON.stringify(error.details, null, 2)}` : ''}`);
      return exitCodeByKind[error.kind];
    }
    throw error;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
