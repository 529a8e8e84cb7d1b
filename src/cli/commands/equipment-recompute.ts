import { systemActor } from '../../shared/actor';
import { localDate } from '../../platform/clock';
import { recomputeDueDates } from '../../domains/equipment-safety/equipment';
import { parseArgs, type CliCommand } from '../context';

/**
 * `qcity equipment-recompute [--rule <ruleId>]`: recompute the inspection due dates of every device
 * (or of those whose open obligations use one rule) from their records and the current rule set.
 * Idempotent; use it after an interrupted background recomputation or a bulk data correction.
 */
export const equipmentRecomputeCommand: CliCommand = {
  name: 'equipment-recompute',
  usage: 'equipment-recompute [--rule <ruleId>]',
  description: '重新计算特种设备检验到期日 / recompute equipment inspection due dates',
  run: async (args, ctx) => {
    const { options } = parseArgs(args);
    const rule = typeof options.rule === 'string' ? options.rule : null;
    const started = Date.now();
    const result = await recomputeDueDates(ctx.db, {
      actor: systemActor('cli'),
      target: rule ? { ruleIds: [rule] } : { all: true },
      today: localDate(ctx.clock.now(), ctx.config.timeZone),
      onProgress: async (done) => {
        if (done % 10_000 === 0) ctx.out(`… ${done} devices`);
      },
    });
    ctx.out(`${result.devices} devices recomputed, ${result.changed} changed (${Date.now() - started} ms)`);
    return 0;
  },
};
