/**
 * Who hears about a workflow step (in-app notifications, [D]): the party that has to act next, and the
 * territory. Pure: returns recipients by duty; the service resolves them into users and leaves out the
 * actor. Escalation steps have their own recipients in `escalation-rules.ts`.
 */
import type { EscalationRecipient, EscalationRecipientKind } from './escalation-rules';
import { resolveRecipients } from './escalation-rules';
import type { HazardRecord } from './hazard-actors';
import type { HazardActionName } from './hazard-enums';
import { hazardActionLabels } from './hazard-enums';

export type HazardNotificationRecipient = EscalationRecipient | { kind: 'user'; userId: string };

type NotifyRule = { notify: (h: HazardRecord) => readonly EscalationRecipientKind[]; reporter?: boolean; titleZh: string };

const reviewers: EscalationRecipientKind[] = ['bureau', 'supervising_department'];
const unitAndTerritory: EscalationRecipientKind[] = ['responsible_unit', 'territorial'];

export const hazardNotificationRules: Partial<Record<HazardActionName, NotifyRule>> = {
  submit: { notify: () => reviewers, titleZh: '新上报隐患待核定' },
  reject: { notify: () => [], reporter: true, titleZh: '上报的隐患未予受理' },
  transfer: { notify: () => ['territorial'], reporter: true, titleZh: '隐患已移交' },
  confirm: { notify: () => unitAndTerritory, reporter: true, titleZh: '隐患已核定' },
  issue_notice: { notify: () => unitAndTerritory, titleZh: '收到隐患整改通知' },
  file_plan: { notify: () => ['bureau', 'office', 'territorial'], titleZh: '重大隐患治理方案已报送' },
  list_for_supervision: { notify: () => ['responsible_unit', 'territorial', 'supervising_department', 'bureau'], titleZh: '重大隐患已挂牌督办' },
  request_extension: { notify: (h) => (h.isListed ? ['office'] : reviewers), titleZh: '隐患整改延期申请待审批' },
  decide_extension: { notify: () => ['responsible_unit'], titleZh: '隐患延期申请已审批' },
  submit_rectification: {
    notify: (h) => (h.grade === 'major' ? (h.isListed ? ['office'] : ['bureau', 'office']) : ['bureau', 'territorial', 'supervising_department']),
    titleZh: '隐患整改完成待复查',
  },
  verify_pass: { notify: () => unitAndTerritory, reporter: true, titleZh: '隐患复查通过，已销号' },
  verify_fail: { notify: () => unitAndTerritory, titleZh: '隐患复查未通过，请继续整改' },
  reopen: { notify: () => unitAndTerritory, titleZh: '已销号隐患重新打开（反弹）' },
  close_by_elimination: { notify: () => ['territorial'], reporter: true, titleZh: '隐患已核销' },
};

/** Recipients of the notification for `action` on `hazard` (the hazard as it is after the action). */
export function hazardActionRecipients(hazard: HazardRecord, action: HazardActionName): HazardNotificationRecipient[] {
  const rule = hazardNotificationRules[action];
  if (!rule) return [];
  const out: HazardNotificationRecipient[] = resolveRecipients(rule.notify(hazard), hazard);
  if (rule.reporter) out.push({ kind: 'user', userId: hazard.reportedBy });
  return out;
}

export function hazardActionNotificationTitle(action: HazardActionName): string {
  return hazardNotificationRules[action]?.titleZh ?? `隐患${hazardActionLabels[action].zh}`;
}
