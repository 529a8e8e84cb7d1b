import path from 'node:path';
import { systemActor } from '../../shared/actor';
import { backupDatabase, restoreDatabase, RestoreError } from '../../platform/db/backup';
import { migrate } from '../../platform/db/migrate';
import { runScheduledJob } from '../../platform/jobs/scheduler';
import { createRootOrgUnit, findRoot } from '../../domains/org';
import { createUser, listUsers } from '../../domains/accounts';
import { scheduledJobs } from '../../domains/scheduled';
import { isDatabaseEmpty, seedDemo } from '../../demo/seed';
import { parseArgs, type CliCommand } from '../context';

export const migrateCommand: CliCommand = {
  name: 'migrate',
  usage: 'migrate',
  description: '应用数据库迁移 / apply database migrations',
  needsMigrations: false,
  run: async (_args, ctx) => {
    const result = await migrate(ctx.database);
    ctx.out(result.applied.length ? `applied: ${result.applied.join(', ')}` : `up to date (${result.alreadyApplied} migrations)`);
    return 0;
  },
};

export const seedDemoCommand: CliCommand = {
  name: 'seed-demo',
  usage: 'seed-demo [--small]',
  description: '向空数据库写入演示数据 / seed the demo data into an empty database',
  run: async (args, ctx) => {
    const { options } = parseArgs(args);
    if (!(await isDatabaseEmpty(ctx.db))) {
      console.error('the database already holds data; seed-demo only fills an empty database');
      return 6;
    }
    await seedDemo(ctx.db, { size: options.small ? 'small' : 'full', log: ctx.out });
    ctx.out('demo data seeded; demo users admin, office, bureau, town1, town2, sci, ent1 (password Demo#2026)');
    return 0;
  },
};

export const createAdminCommand: CliCommand = {
  name: 'create-admin',
  usage: 'create-admin --username <u> [--password <p>] [--name <n>] [--city <name> --region-code <6 digits>]',
  description: '创建系统管理员（空库时同时创建根单位）/ create an administrator',
  run: async (args, ctx) => {
    const { options } = parseArgs(args);
    const username = typeof options.username === 'string' ? options.username : 'admin';
    const actor = systemActor('cli');
    let root = await findRoot(ctx.db);
    if (!root) {
      if (typeof options.city !== 'string' || typeof options['region-code'] !== 'string') {
        console.error('the organisation tree is empty: give the city government with --city "某某市人民政府" --region-code 320684');
        return 2;
      }
      await createRootOrgUnit(ctx.db, { actor, input: { code: 'city', name: options.city, regionCode: options['region-code'] } });
      root = await findRoot(ctx.db);
    }
    const password = typeof options.password === 'string' ? options.password : undefined;
    const created = await createUser(ctx.db, {
      actor,
      input: { username, displayName: typeof options.name === 'string' ? options.name : '系统管理员', role: 'admin', flags: [], orgUnitId: root?.id as string, password },
    });
    ctx.out(`administrator ${created.user.username} created${created.temporaryPassword ? `; temporary password (change it at first login): ${created.temporaryPassword}` : ''}`);
    return 0;
  },
};

export const usersListCommand: CliCommand = {
  name: 'users list',
  usage: 'users list [--role <role>] [--q <text>]',
  description: '列出用户 / list users',
  run: async (args, ctx) => {
    const { options } = parseArgs(args);
    const page = await listUsers(ctx.db, {
      actor: systemActor('cli'),
      query: {
        q: typeof options.q === 'string' ? options.q : undefined,
        role: typeof options.role === 'string' ? (options.role as never) : undefined,
        includeSubunits: true,
        active: 'all',
        page: 1,
        pageSize: 200,
        sort: 'username',
      },
    });
    for (const u of page.items) ctx.out([u.username.padEnd(16), u.role.padEnd(11), u.isActive ? 'active  ' : 'disabled', u.orgUnitName, u.displayName].join('  '));
    ctx.out(`${page.total} users`);
    return 0;
  },
};

export const backupCommand: CliCommand = {
  name: 'backup',
  usage: 'backup <file>',
  description: '逻辑备份（gzip JSON，可在 PGlite 与 PostgreSQL 间恢复）/ logical backup',
  run: async (args, ctx) => {
    const file = args[0];
    if (!file) {
      console.error('usage: qcity backup <file>');
      return 2;
    }
    const summary = await backupDatabase(ctx.database, path.resolve(file));
    ctx.out(`backup written to ${file}: ${summary.tables} tables, ${summary.rows} rows, schema ${summary.migrations.at(-1)}`);
    return 0;
  },
};

export const restoreCommand: CliCommand = {
  name: 'restore',
  usage: 'restore <file> [--force]',
  description: '从备份恢复到空数据库（--force 覆盖现有数据）/ restore a backup',
  needsMigrations: false,
  run: async (args, ctx) => {
    const { positional, options } = parseArgs(args);
    const file = positional[0];
    if (!file) {
      console.error('usage: qcity restore <file> [--force]');
      return 2;
    }
    try {
      const summary = await restoreDatabase(ctx.database, path.resolve(file), { force: options.force === true });
      ctx.out(`restored ${summary.rows} rows into ${summary.tables} tables`);
      return 0;
    } catch (error) {
      if (error instanceof RestoreError) {
        console.error(error.message);
        return 6;
      }
      throw error;
    }
  },
};

export const runJobCommand: CliCommand = {
  name: 'run-job',
  usage: 'run-job <name> [--force]',
  description: '立即运行一个定时任务 / run a scheduled job now',
  run: async (args, ctx) => {
    const { positional, options } = parseArgs(args);
    const job = scheduledJobs.find((j) => j.name === positional[0]);
    if (!job) {
      console.error(`unknown job; known jobs: ${scheduledJobs.map((j) => j.name).join(', ')}`);
      return 2;
    }
    const outcome = await runScheduledJob(job, { ...ctx, force: options.force === true });
    ctx.out(JSON.stringify(outcome));
    return 0;
  },
};
