import { systemActor, withScope } from '../../shared/actor';
import { localDate } from '../../platform/clock';
import { getDueSummary } from '../../domains/equipment-safety/equipment';
import { parseArgs, type CliCommand } from '../context';

/** `qcity equipment-due-summary [--category 3000]`: due/overdue counts per township, as the dashboard shows them. */
export const equipmentDueSummaryCommand: CliCommand = {
  name: 'equipment-due-summary',
  usage: 'equipment-due-summary [--category <code>]',
  description: '各镇特种设备检验临期/超期统计 / due and overdue devices per township',
  run: async (args, ctx) => {
    const { options } = parseArgs(args);
    const category = typeof options.category === 'string' ? options.category : undefined;
    const summary = await getDueSummary(ctx.db, {
      actor: withScope(systemActor('cli'), { kind: 'all' }),
      today: localDate(ctx.clock.now(), ctx.config.timeZone),
      query: category ? { category } : {},
    });
    ctx.out(`截至 ${summary.asOf}（临期 ${summary.warningDays} 天）`);
    ctx.out(['单位'.padEnd(14), '台数'.padStart(7), '在用'.padStart(7), '超期未检'.padStart(6), '临期'.padStart(6), '须停用'.padStart(5)].join(' '));
    for (const r of [...summary.rows, { name: '合计', ...summary.totals }]) {
      ctx.out([r.name.padEnd(14), String(r.total).padStart(8), String(r.inUse).padStart(8), String(r.overdue).padStart(8), String(r.dueSoon).padStart(8), String(r.mustStop).padStart(8)].join(' '));
    }
    return 0;
  },
};
