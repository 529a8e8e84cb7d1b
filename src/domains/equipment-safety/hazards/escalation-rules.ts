/**
 * Overdue escalation ladder (domain.md §2.5 [D]) for the scheduled job.
 *
 * Each step is due `offsetWorkingDays` working days from the deadline D (calendar.addWorkingDays(D, n)):
 * step 0 reminder D−3, step 1 overdue notice D+1, step 2 urging letter (督办函) D+5, step 3 interview
 * (约谈) D+15. The overdue *flag* itself is a fact (`isOverdue`: today > D, calendar days); step 1 is the
 * notification about it. Steps 4–5 of §2.5 (通报批评, penalty) are decisions by people, not timers.
 *
 * Idempotence: every step is keyed by `step@deadline`; the job passes the keys it already handled and gets
 * only the others that are due (dueOn ≤ today). Running twice the same day yields nothing new; after a
 * missed week every overdue step fires once, in ladder order. An approved extension or a reopen changes
 * the deadline and so starts a fresh schedule; verify_fail keeps the deadline and so the done steps.
 * Only hazards that owe rectification (confirmed with a deadline, rectifying) escalate; a pending extension
 * request does not stop the clock.
 */
import { z } from 'zod';
import type { WorkingDayCalendar } from './calendar-port';
import type { HazardRecord } from './hazard-actors';
import { owingHazardStatuses } from './hazard-enums';

export const escalationSteps = ['reminder', 'overdue', 'urging', 'interview'] as const;
export type EscalationStep = (typeof escalationSteps)[number];

export const escalationStepLabels: Record<EscalationStep, { zh: string; en: string }> = {
  reminder: { zh: '到期提醒', en: 'Reminder' },
  overdue: { zh: '逾期通知', en: 'Overdue notice' },
  urging: { zh: '督办函', en: 'Urging letter' },
  interview: { zh: '约谈', en: 'Interview' },
};

export const escalationRecipients = [
  'responsible_unit',
  'territorial_coordinator',
  'territorial',
  'supervising_department',
  'bureau',
  'office',
] as const;
export type EscalationRecipientKind = (typeof escalationRecipients)[number];

export const escalationConfigSchema = z
  .array(
    z
      .object({
        step: z.enum(escalationSteps),
        offsetWorkingDays: z.number().int().min(-60).max(250).describe('相对整改期限的工作日数（负数为期限前）'),
        action: z.enum(['remind', 'notify_overdue', 'issue_urging_letter', 'interview_principal']),
        notify: z.array(z.enum(escalationRecipients)).min(1),
        messageZh: z.string().min(1).describe('消息模板：{title} {hazardNo} {deadline} {dueOn}'),
      })
      .strict(),
  )
  .describe('逾期升级阶梯（domain.md §2.5）');
export type EscalationConfig = z.infer<typeof escalationConfigSchema>;

export const defaultEscalationConfig: EscalationConfig = [
  {
    step: 'reminder',
    offsetWorkingDays: -3,
    action: 'remind',
    notify: ['responsible_unit', 'territorial_coordinator'],
    messageZh: '隐患{hazardNo}「{title}」整改期限为{deadline}，即将到期，请按期完成整改并提交复查。',
  },
  {
    step: 'overdue',
    offsetWorkingDays: 1,
    action: 'notify_overdue',
    notify: ['responsible_unit', 'supervising_department', 'territorial'],
    messageZh: '隐患{hazardNo}「{title}」已超过整改期限{deadline}仍未整改，已标记为逾期。',
  },
  {
    step: 'urging',
    offsetWorkingDays: 5,
    action: 'issue_urging_letter',
    notify: ['responsible_unit', 'bureau', 'supervising_department', 'territorial'],
    messageZh: '隐患{hazardNo}「{title}」逾期（期限{deadline}）未整改，请市场监管局发出督办函。',
  },
  {
    step: 'interview',
    offsetWorkingDays: 15,
    action: 'interview_principal',
    notify: ['responsible_unit', 'bureau', 'office', 'supervising_department', 'territorial'],
    messageZh: '隐患{hazardNo}「{title}」逾期（期限{deadline}）超过15个工作日仍未整改，请约谈单位主要负责人并列入月度通报。',
  },
];

/** Who to notify, for the service to resolve into users (rules do no I/O). */
export type EscalationRecipient =
  | { kind: 'enterprise'; enterpriseId: string }
  | { kind: 'territory'; orgUnitId: string; flag: 'safetyCoordinator' | null }
  | { kind: 'org_unit'; orgUnitId: string }
  | { kind: 'role'; role: 'bureau' | 'office' };

export type DueEscalation = {
  key: string;
  step: EscalationStep;
  dueOn: string;
  isLate: boolean;
  action: EscalationConfig[number]['action'];
  recipients: EscalationRecipient[];
  messageZh: string;
};

export type EscalationHazard = Pick<
  HazardRecord,
  'id' | 'hazardNo' | 'title' | 'status' | 'deadline' | 'enterpriseId' | 'orgUnitId' | 'supervisingOrgUnitId'
>;

/** Idempotence key of a step for one deadline. */
export function escalationKey(step: EscalationStep, deadline: string): string {
  return `${step}@${deadline}`;
}

function resolveRecipient(kind: EscalationRecipientKind, h: EscalationHazard): EscalationRecipient | null {
  switch (kind) {
    case 'responsible_unit':
      // Without an enterprise the territory is responsible (see hazard-actors.ts).
      return h.enterpriseId !== null
        ? { kind: 'enterprise', enterpriseId: h.enterpriseId }
        : { kind: 'territory', orgUnitId: h.orgUnitId, flag: null };
    case 'territorial_coordinator':
      return { kind: 'territory', orgUnitId: h.orgUnitId, flag: 'safetyCoordinator' };
    case 'territorial':
      return { kind: 'territory', orgUnitId: h.orgUnitId, flag: null };
    case 'supervising_department':
      return h.supervisingOrgUnitId !== null ? { kind: 'org_unit', orgUnitId: h.supervisingOrgUnitId } : null;
    case 'bureau':
    case 'office':
      return { kind: 'role', role: kind };
  }
}

/** The recipients of `kinds` for one hazard, without duplicates (the action notifications use it too). */
export function resolveRecipients(kinds: readonly EscalationRecipientKind[], h: EscalationHazard): EscalationRecipient[] {
  const seen = new Set<string>();
  const out: EscalationRecipient[] = [];
  for (const kind of kinds) {
    const r = resolveRecipient(kind, h);
    const id = r === null ? '' : JSON.stringify(r);
    if (r === null || seen.has(id)) continue;
    seen.add(id);
    out.push(r);
  }
  return out;
}

function fillMessage(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The ladder steps due on or before `today` that are not in `alreadyDone`, in due order. */
export function computeEscalations(
  hazard: EscalationHazard,
  today: string,
  calendar: WorkingDayCalendar,
  config: EscalationConfig,
  alreadyDone: ReadonlySet<string>,
): DueEscalation[] {
  const deadline = hazard.deadline;
  if (deadline === null || !owingHazardStatuses.includes(hazard.status)) return [];
  const due: DueEscalation[] = [];
  for (const stepConfig of config) {
    const key = escalationKey(stepConfig.step, deadline);
    const dueOn = calendar.addWorkingDays(deadline, stepConfig.offsetWorkingDays);
    if (dueOn > today || alreadyDone.has(key)) continue;
    due.push({
      key,
      step: stepConfig.step,
      dueOn,
      isLate: dueOn < today,
      action: stepConfig.action,
      recipients: resolveRecipients(stepConfig.notify, hazard),
      messageZh: fillMessage(stepConfig.messageZh, {
        title: hazard.title,
        hazardNo: hazard.hazardNo ?? '',
        deadline,
        dueOn,
      }),
    });
  }
  return due.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
}
