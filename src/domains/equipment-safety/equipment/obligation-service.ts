import type { Db } from '../../../platform/db/types';
import type { EffectiveRuleSet } from './rule-overrides';
import { planObligations, type ObligationClose } from './obligation-rules';
import { applyObligationPlans, loadPlanningInputs, type DeviceDueUpdate, type NewObligation } from './obligation-store';
import type { SafetyGrade } from './enums';

/**
 * Recomputes the inspection obligations of devices from their records and the effective rule set
 * (inside the caller's transaction): one planning load, one set-based write. Every change that
 * can move a due date calls it — an inspection recorded or undone, a registration action, a device
 * edit, a rule version added or removed.
 */
export type RecomputeResult = {
  deviceId: string;
  nextDueOn: string | null;
  mustStop: boolean;
  opened: number;
  closed: ObligationClose[];
};

export async function recomputeDevices(
  tx: Db,
  deviceIds: readonly string[],
  options: { ruleSet: EffectiveRuleSet; today: string; voidReason?: string; safetyGrades?: ReadonlyMap<string, SafetyGrade | null> },
): Promise<RecomputeResult[]> {
  const inputs = await loadPlanningInputs(tx, [...new Set(deviceIds)], { lock: true });
  const close: ObligationClose[] = [];
  const open: NewObligation[] = [];
  const devices: DeviceDueUpdate[] = [];
  const results: RecomputeResult[] = [];
  for (const input of inputs) {
    const plan = planObligations({ device: input.device, lastByTrack: input.lastByTrack, open: input.open, ruleSet: options.ruleSet, today: options.today, voidReason: options.voidReason });
    close.push(...plan.close);
    for (const o of plan.open) open.push({ ...o, deviceId: input.device.id });
    const first = plan.current[0] ?? null;
    const grade = options.safetyGrades?.get(input.device.id);
    devices.push({
      id: input.device.id,
      nextDueOn: first?.dueOn ?? null,
      nextDueMonth: first?.dueMonth ?? null,
      nextDueTrack: first?.track ?? null,
      nextObligation: first?.obligation ?? null,
      nextDueRuleId: first?.ruleId ?? null,
      mustStop: plan.current.some((c) => c.mustStop),
      hasRuleGap: plan.hasRuleGap,
      lastInspectedOn: input.lastInspection?.date ?? null,
      lastConclusion: input.lastInspection?.conclusion ?? null,
      safetyGrade: grade,
    });
    results.push({ deviceId: input.device.id, nextDueOn: first?.dueOn ?? null, mustStop: plan.current.some((c) => c.mustStop), opened: plan.open.length, closed: plan.close });
  }
  await applyObligationPlans(tx, { close, open, devices });
  return results;
}
