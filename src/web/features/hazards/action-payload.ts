/**
 * Form values of an action modal → the body of `POST /hazards/{id}/actions` (`{action, version, …}`),
 * with exactly the fields of that action's schema variant: blank optional texts are left out, dates are
 * `YYYY-MM-DD` strings (the modal converts its date pickers before calling this).
 */
import type { HazardActionInput } from '../../../domains/equipment-safety/hazards/hazard-action-schema';
import type { HazardActionName, HazardGrade, ListingLevel, NoticeKind } from '../../../domains/equipment-safety/hazards/hazard-enums';

export type ActionFormValues = {
  note?: string;
  reason?: string;
  comment?: string;
  disposition?: 'invalid' | 'transferred';
  transferToOrgUnitId?: string;
  toOrgUnitId?: string;
  grade?: HazardGrade;
  lowerGradeReason?: string;
  majorCriterionRef?: string;
  supervisingOrgUnitId?: string;
  kind?: NoticeKind;
  noticeNo?: string;
  deadline?: string;
  newDeadline?: string;
  approve?: boolean;
  photos?: string[];
  costYuan?: string;
  level?: ListingLevel;
  listingUnit?: string;
  basis?: 'device_scrapped' | 'unit_closed' | 'other';
  plan?: {
    measures?: string;
    amountYuan?: string;
    fundsSource?: string;
    responsiblePerson?: string;
    deadline?: string;
    contingency?: string;
    targets?: string;
  };
};

/** The trimmed text, or undefined when blank. */
function opt(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}

function req(value: string | undefined): string {
  return value?.trim() ?? '';
}

/** Drops undefined properties (the API's strict objects refuse unknown keys, not missing ones, but keep bodies minimal). */
function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function buildActionInput(action: HazardActionName, version: number, v: ActionFormValues): HazardActionInput {
  switch (action) {
    case 'submit':
      return { action, version };
    case 'reject':
      return compact({
        action,
        version,
        disposition: v.disposition ?? 'invalid',
        reason: req(v.reason),
        transferToOrgUnitId: v.disposition === 'transferred' ? v.transferToOrgUnitId : undefined,
      });
    case 'transfer':
      return { action, version, toOrgUnitId: v.toOrgUnitId ?? '', reason: req(v.reason) };
    case 'confirm':
      return compact({
        action,
        version,
        grade: v.grade ?? 'general',
        lowerGradeReason: opt(v.lowerGradeReason),
        majorCriterionRef: v.grade === 'major' ? opt(v.majorCriterionRef) : undefined,
        supervisingOrgUnitId: v.supervisingOrgUnitId,
        note: opt(v.note),
      });
    case 'change_grade':
      return compact({ action, version, grade: v.grade ?? 'general', reason: opt(v.reason) });
    case 'issue_notice':
      return compact({ action, version, kind: v.kind ?? 'rectification_notice', noticeNo: opt(v.noticeNo), deadline: v.deadline, note: req(v.note) });
    case 'file_plan': {
      const p = v.plan ?? {};
      return {
        action,
        version,
        plan: compact({
          measures: req(p.measures),
          funds: compact({ amountYuan: req(p.amountYuan), source: opt(p.fundsSource) }),
          responsiblePerson: req(p.responsiblePerson),
          deadline: p.deadline ?? '',
          contingency: req(p.contingency),
          targets: opt(p.targets),
        }),
      };
    }
    case 'list_for_supervision':
      return compact({ action, version, level: v.level ?? 'county', listingUnit: req(v.listingUnit), deadline: v.deadline, note: req(v.note) });
    case 'request_extension':
      return { action, version, newDeadline: v.newDeadline ?? '', reason: req(v.reason) };
    case 'decide_extension':
      return { action, version, approve: v.approve ?? false, comment: req(v.comment) };
    case 'submit_rectification':
      return compact({ action, version, note: req(v.note), afterPhotos: v.photos ?? [], costYuan: opt(v.costYuan) });
    case 'verify_pass':
    case 'verify_fail':
      return compact({ action, version, note: req(v.note), photos: v.photos && v.photos.length > 0 ? v.photos : undefined });
    case 'reopen':
      return compact({ action, version, reason: req(v.reason), deadline: v.deadline });
    case 'close_by_elimination':
      return { action, version, basis: v.basis ?? 'other', reason: req(v.reason) };
  }
}
