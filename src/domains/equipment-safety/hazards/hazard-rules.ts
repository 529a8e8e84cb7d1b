/**
 * The hazard closed loop as a pure function: `nextHazardState` checks an action against the state table
 * (`hazard-transition-table.ts`) and returns the new status, the field changes and the history event.
 * The service loads the hazard, calls this, and saves `patch` with `version + 1` and `event` in one
 * transaction (`UPDATE … WHERE version = $expected` still guards concurrent writers).
 */
import { conflict, invalid } from '../../../shared/errors';
import type { WorkingDayCalendar } from './calendar-port';
import type { HazardActor, HazardRecord } from './hazard-actors';
import type { HazardActionInput } from './hazard-action-schema';
import type { HazardRulesConfig } from './hazard-config';
import { defaultHazardRulesConfig } from './hazard-config';
import { addCalendarDays } from './hazard-dates';
import { assertDeadlineAllowed, defaultDeadline, isOverdue, rollForwardToWorkingDay } from './hazard-deadline-rules';
import type { HazardActionName, HazardGrade, HazardStatus } from './hazard-enums';
import { assertConfirmGradeAllowed, assertGradeChangeAllowed } from './hazard-grade-rules';
import { checkHazardAction } from './hazard-transition-table';

export type HazardRuleContext = {
  /** Local date of the action, `YYYY-MM-DD`. */
  today: string;
  calendar: WorkingDayCalendar;
  config?: HazardRulesConfig;
};

export type HazardPatch = Partial<
  Omit<HazardRecord, 'id' | 'hazardNo' | 'version' | 'title' | 'source' | 'orgUnitId' | 'enterpriseId' | 'reportedBy' | 'beforePhotoIds'>
>;

export type HazardTransitionEvent = {
  action: HazardActionName;
  fromStatus: HazardStatus;
  toStatus: HazardStatus;
  actorId: string;
  on: string;
  comment: string | null;
  payload: Record<string, unknown>;
};

export type HazardTransitionResult = {
  action: HazardActionName;
  from: HazardStatus;
  to: HazardStatus;
  patch: HazardPatch & { status: HazardStatus; isOverdue: boolean };
  event: HazardTransitionEvent;
};

type Effect = { to: HazardStatus; patch: HazardPatch; comment: string | null; extra?: Record<string, unknown> };

/** 409 `hazard.stale_version` when the client's version is not the stored one. */
export function assertHazardVersion(hazard: Pick<HazardRecord, 'version'>, version: number): void {
  if (version !== hazard.version) {
    throw conflict('hazard.stale_version', '隐患已被他人修改，请刷新后重试', { expected: hazard.version, received: version });
  }
}

function gradeOf(hazard: HazardRecord): HazardGrade {
  return hazard.grade ?? 'general';
}

function computeEffect(
  hazard: HazardRecord,
  input: HazardActionInput,
  actor: HazardActor,
  ctx: Required<HazardRuleContext>,
): Effect {
  const { today, calendar, config } = ctx;
  const wd = (n: number) => calendar.addWorkingDays(today, n);
  const closing: HazardPatch = {
    isListed: false,
    pendingExtension: null,
    reviewDueOn: null,
    verificationDueOn: null,
    closedOn: today,
  };
  switch (input.action) {
    case 'submit':
      return { to: 'reported', patch: { reviewDueOn: wd(config.reviewWorkingDays) }, comment: null };
    case 'reject':
      return {
        to: input.disposition,
        patch: {
          reviewDueOn: null,
          transferredToOrgUnitId: input.disposition === 'transferred' ? (input.transferToOrgUnitId ?? null) : null,
        },
        comment: input.reason,
      };
    case 'transfer':
      return {
        to: 'transferred',
        patch: { transferredToOrgUnitId: input.toOrgUnitId, pendingExtension: null },
        comment: input.reason,
      };
    case 'confirm': {
      assertConfirmGradeAllowed(hazard, input.grade, input.lowerGradeReason);
      const patch: HazardPatch = { grade: input.grade, confirmedOn: today, reviewDueOn: null };
      if (input.supervisingOrgUnitId) patch.supervisingOrgUnitId = input.supervisingOrgUnitId;
      return { to: 'confirmed', patch, comment: input.lowerGradeReason ?? input.note ?? null };
    }
    case 'change_grade':
      assertGradeChangeAllowed(hazard, input.grade, input.reason, actor);
      return { to: hazard.status, patch: { grade: input.grade }, comment: input.reason ?? null };
    case 'issue_notice': {
      if (input.deadline) assertDeadlineAllowed(gradeOf(hazard), input.deadline, today, config, calendar);
      const deadline = input.deadline ?? hazard.deadline ?? defaultDeadline(gradeOf(hazard), today, config, calendar);
      return {
        to: 'rectifying',
        patch: { deadline, notice: { kind: input.kind, noticeNo: input.noticeNo ?? null, issuedOn: today } },
        comment: input.note,
      };
    }
    case 'file_plan': {
      const planDeadline = input.plan.deadline;
      assertDeadlineAllowed('major', planDeadline, today, config, calendar);
      if (hazard.deadline !== null && planDeadline > hazard.deadline) {
        throw invalid('hazard.plan_deadline_after_deadline', `方案期限 ${planDeadline} 晚于整改期限 ${hazard.deadline}，请申请延期`, {
          planDeadline,
          deadline: hazard.deadline,
        });
      }
      return { to: 'rectifying', patch: { plan: input.plan, deadline: planDeadline }, comment: null };
    }
    case 'list_for_supervision': {
      if (input.deadline) assertDeadlineAllowed('major', input.deadline, today, config, calendar);
      const deadline = input.deadline ?? hazard.deadline ?? defaultDeadline('major', today, config, calendar);
      const listing = {
        level: input.level,
        listingUnit: input.listingUnit,
        listedOn: today,
        publicNoticeDueOn: wd(config.listingPublicNoticeWorkingDays),
      };
      return { to: 'rectifying', patch: { isListed: true, listing, deadline }, comment: input.note };
    }
    case 'request_extension': {
      const current = hazard.deadline;
      if (current !== null && input.newDeadline <= current) {
        throw invalid('hazard.extension_not_later', `申请期限须晚于现期限 ${current}`, { newDeadline: input.newDeadline, deadline: current });
      }
      if (input.newDeadline < today) {
        throw invalid('hazard.deadline_in_past', `申请期限 ${input.newDeadline} 早于今天`, { newDeadline: input.newDeadline, today });
      }
      if (hazard.isListed && current !== null) {
        const latestRequestDay = calendar.addWorkingDays(current, -config.listedExtensionLeadWorkingDays);
        if (today > latestRequestDay) {
          throw conflict('hazard.extension_too_late', `挂牌督办隐患须在期限届满 ${config.listedExtensionLeadWorkingDays} 个工作日前申请延期`, {
            latestRequestDay,
          });
        }
      }
      const pendingExtension = {
        newDeadline: input.newDeadline,
        reason: input.reason,
        requestedOn: today,
        decisionDueOn: wd(config.extensionDecisionWorkingDays),
      };
      return { to: 'rectifying', patch: { pendingExtension }, comment: input.reason };
    }
    case 'decide_extension': {
      const patch: HazardPatch = { pendingExtension: null };
      if (input.approve && hazard.pendingExtension) patch.deadline = hazard.pendingExtension.newDeadline;
      return { to: 'rectifying', patch, comment: input.comment };
    }
    case 'submit_rectification': {
      const due = addCalendarDays(today, config.verificationDays);
      const verificationDueOn = config.rollForwardToWorkingDay ? rollForwardToWorkingDay(due, calendar) : due;
      return {
        to: 'pending_verification',
        patch: { afterPhotoIds: input.afterPhotos, verificationDueOn, pendingExtension: null, reviewDueOn: null },
        comment: input.note,
      };
    }
    case 'verify_pass': {
      if (config.requireBeforeAfterPhotos && (hazard.beforePhotoIds.length === 0 || hazard.afterPhotoIds.length === 0)) {
        throw conflict('hazard.evidence_missing', '复查销号须有整改前、后照片', {
          before: hazard.beforePhotoIds.length,
          after: hazard.afterPhotoIds.length,
        });
      }
      return {
        to: 'closed',
        patch: { ...closing, closeReason: 'verified', grade: gradeOf(hazard), confirmedOn: hazard.confirmedOn ?? today },
        comment: input.note,
      };
    }
    case 'verify_fail': {
      const deadline = hazard.deadline ?? defaultDeadline(gradeOf(hazard), today, config, calendar);
      return {
        to: 'rectifying',
        patch: { deadline, verificationDueOn: null, grade: gradeOf(hazard), confirmedOn: hazard.confirmedOn ?? today },
        comment: input.note,
      };
    }
    case 'reopen': {
      if (input.deadline) assertDeadlineAllowed(gradeOf(hazard), input.deadline, today, config, calendar);
      const deadline = input.deadline ?? defaultDeadline(gradeOf(hazard), today, config, calendar);
      return {
        to: 'rectifying',
        patch: { deadline, closedOn: null, closeReason: null, afterPhotoIds: [], reopenCount: hazard.reopenCount + 1 },
        comment: input.reason,
        // The link to the original closure (反弹): the same record, its closing event stays in the history.
        extra: { reopenedFrom: { closedOn: hazard.closedOn, afterPhotoIds: hazard.afterPhotoIds } },
      };
    }
    case 'close_by_elimination':
      return { to: 'closed', patch: { ...closing, closeReason: 'eliminated_by_closure' }, comment: input.reason };
  }
}

/**
 * Applies one workflow action. Throws, in this order: 409 `hazard.stale_version`; 409
 * `hazard.invalid_transition` (impossible in this state or for this hazard, whoever asks); 403
 * `hazard.forbidden_actor`; then the payload rules (400 `invalid`, or 409 for state-bound ones such as
 * `hazard.evidence_missing`, `hazard.listed_grade_locked`, `hazard.extension_too_late`).
 */
export function nextHazardState(
  hazard: HazardRecord,
  input: HazardActionInput,
  actor: HazardActor,
  context: HazardRuleContext,
): HazardTransitionResult {
  assertHazardVersion(hazard, input.version);
  checkHazardAction(hazard, input.action, actor);
  const ctx = { ...context, config: context.config ?? defaultHazardRulesConfig };
  const effect = computeEffect(hazard, input, actor, ctx);
  const deadline = effect.patch.deadline !== undefined ? effect.patch.deadline : hazard.deadline;
  const overdue = isOverdue({ status: effect.to, deadline }, ctx.today);
  const action = input.action;
  const eventPayload: Record<string, unknown> = Object.fromEntries(
    Object.entries(input).filter(([key]) => key !== 'action' && key !== 'version'),
  );
  Object.assign(eventPayload, effect.extra);
  if (deadline !== hazard.deadline) eventPayload['deadlineChange'] = { from: hazard.deadline, to: deadline };
  return {
    action,
    from: hazard.status,
    to: effect.to,
    patch: { ...effect.patch, status: effect.to, isOverdue: overdue },
    event: {
      action,
      fromStatus: hazard.status,
      toStatus: effect.to,
      actorId: actor.userId,
      on: ctx.today,
      comment: effect.comment,
      payload: eventPayload,
    },
  };
}
