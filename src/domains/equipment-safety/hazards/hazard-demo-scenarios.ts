/**
 * The demo hazards' scripts: scenarios (sequences of workflow actions, weighted), the seeded random
 * helpers and the request bodies of each scripted step.
 */
import type { HazardActionInput } from './hazard-action-schema';
import type { HazardRecord } from './hazard-actors';
import { addCalendarDays } from './hazard-dates';
import { demoReasons } from './hazard-demo-data';
import type { HazardActionName } from './hazard-enums';

export type Scenario = readonly HazardActionName[];
export const scenarios: readonly { steps: Scenario; weight: number; grade?: 'major' | 'general' }[] = [
  { steps: [], weight: 3 },
  { steps: ['submit'], weight: 6 },
  { steps: ['submit', 'reject'], weight: 3 },
  { steps: ['submit', 'confirm', 'transfer'], weight: 2 },
  { steps: ['submit', 'confirm'], weight: 5 },
  { steps: ['submit', 'confirm', 'issue_notice'], weight: 14 },
  { steps: ['submit', 'confirm', 'issue_notice', 'request_extension'], weight: 3 },
  { steps: ['submit', 'confirm', 'issue_notice', 'request_extension', 'decide_extension'], weight: 3 },
  { steps: ['submit', 'confirm', 'issue_notice', 'submit_rectification'], weight: 8 },
  { steps: ['submit', 'confirm', 'issue_notice', 'submit_rectification', 'verify_fail'], weight: 4 },
  { steps: ['submit', 'confirm', 'issue_notice', 'submit_rectification', 'verify_pass'], weight: 24 },
  { steps: ['submit', 'confirm', 'issue_notice', 'submit_rectification', 'verify_fail', 'submit_rectification', 'verify_pass'], weight: 5 },
  { steps: ['submit', 'submit_rectification', 'verify_pass'], weight: 6, grade: 'general' },
  { steps: ['submit', 'confirm', 'issue_notice', 'close_by_elimination'], weight: 2 },
  { steps: ['submit', 'confirm', 'issue_notice', 'submit_rectification', 'verify_pass', 'reopen'], weight: 3 },
  { steps: ['submit', 'confirm', 'issue_notice', 'submit_rectification', 'verify_pass', 'reopen', 'submit_rectification', 'verify_pass'], weight: 2 },
  { steps: ['submit', 'confirm', 'file_plan'], weight: 2, grade: 'major' },
  { steps: ['submit', 'confirm', 'file_plan', 'list_for_supervision'], weight: 3, grade: 'major' },
  { steps: ['submit', 'confirm', 'file_plan', 'list_for_supervision', 'submit_rectification', 'verify_pass'], weight: 2, grade: 'major' },
];

/** mulberry32: a small deterministic generator. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
export const pick = <T>(rnd: Random, items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
export const between = (rnd: Random, min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));

export function pickScenario(rnd: Random): (typeof scenarios)[number] {
  const total = scenarios.reduce((s, x) => s + x.weight, 0);
  let r = rnd() * total;
  for (const s of scenarios) {
    r -= s.weight;
    if (r < 0) return s;
  }
  return scenarios[0] as (typeof scenarios)[number];
}

/** The body of one scripted step (what a user would have sent). */
export function buildDemoInput(
  action: HazardActionName,
  h: HazardRecord,
  on: string,
  rnd: Random,
  refs: { departments: readonly { id: string }[]; afterPhotos: readonly string[] },
): HazardActionInput {
  const version = h.version;
  switch (action) {
    case 'submit':
      return { action, version };
    case 'reject': {
      const dept = pick(rnd, refs.departments);
      return rnd() < 0.6
        ? { action, version, disposition: 'invalid', reason: pick(rnd, demoReasons.rejectInvalid) }
        : { action, version, disposition: 'transferred', reason: pick(rnd, demoReasons.transfer), transferToOrgUnitId: dept.id };
    }
    case 'transfer':
      return { action, version, toOrgUnitId: pick(rnd, refs.departments).id, reason: pick(rnd, demoReasons.transfer) };
    case 'confirm':
      return { action, version, grade: h.grade ?? 'general' };
    case 'issue_notice':
      return { action, version, kind: rnd() < 0.7 ? 'rectification_notice' : 'supervision_order', note: pick(rnd, demoReasons.notice) };
    case 'file_plan':
      return {
        action,
        version,
        plan: {
          measures: '停用设备，委托有资质单位维修改造，完成后申请检验',
          funds: { amountYuan: `${between(rnd, 2, 60) * 1000}`, source: '企业自筹' },
          responsiblePerson: '单位主要负责人',
          deadline: addCalendarDays(on, between(rnd, 45, 120)),
          contingency: '设置警戒区域，停用期间专人值守，制定应急处置方案',
        },
      };
    case 'list_for_supervision':
      return { action, version, level: 'county', listingUnit: '海门市安全生产委员会办公室', note: pick(rnd, demoReasons.listing) };
    case 'request_extension': {
      const base = h.deadline !== null && h.deadline > on ? h.deadline : on;
      return { action, version, newDeadline: addCalendarDays(base, between(rnd, 10, 30)), reason: pick(rnd, demoReasons.extension) };
    }
    case 'decide_extension': {
      const approve = rnd() < 0.6;
      return { action, version, approve, comment: approve ? demoReasons.decide[0] : demoReasons.decide[1] };
    }
    case 'submit_rectification':
      return { action, version, note: pick(rnd, demoReasons.rectified), afterPhotos: [pick(rnd, refs.afterPhotos)] };
    case 'verify_pass':
      return { action, version, note: pick(rnd, demoReasons.verifyPass) };
    case 'verify_fail':
      return { action, version, note: pick(rnd, demoReasons.verifyFail) };
    case 'reopen':
      return { action, version, reason: pick(rnd, demoReasons.reopen) };
    case 'close_by_elimination':
      return { action, version, basis: 'other', reason: pick(rnd, demoReasons.eliminate) };
    case 'change_grade':
      return { action, version, grade: 'major' };
  }
}
