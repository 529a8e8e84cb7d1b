/**
 * Types of the versioned inspection-period rules (domain.md §0: every period lives in versioned
 * configuration with validFrom/validTo). The data is in `inspection-rule-set.ts`; the functions in
 * `inspection-rules.ts` and `elevator-schedule.ts`.
 */
import type { InspectionKind, InspectionResult, SafetyGrade } from './enums';

/**
 * Parallel obligations a device can have. Most devices have only `periodic`; boilers have
 * `external` (外部检验) and `internal` (内部检验); fixed/mobile vessels and public pipelines add an
 * `annual_check` (年度检查); mobile vessels a `pressure_test` (耐压试验).
 */
export const inspectionTracks = ['periodic', 'external', 'internal', 'annual_check', 'pressure_test'] as const;
export type InspectionTrack = (typeof inspectionTracks)[number];
export const inspectionTrackLabels: Record<InspectionTrack, { zh: string; en: string }> = {
  periodic: { zh: '定期检验', en: 'Periodic inspection' },
  external: { zh: '外部检验', en: 'External inspection' },
  internal: { zh: '内部检验', en: 'Internal inspection' },
  annual_check: { zh: '年度检查', en: 'Annual check' },
  pressure_test: { zh: '耐压试验', en: 'Pressure test' },
};

/** Source tag of domain.md §0: P primary, S secondary, D design proposal, ? not verified. */
export const ruleConfidences = ['P', 'S', 'D', '?'] as const;
export type RuleConfidence = (typeof ruleConfidences)[number];
export const ruleConfidenceLabels: Record<RuleConfidence, { zh: string; en: string }> = {
  P: { zh: '依据原文', en: 'Primary text' },
  S: { zh: '依据二手资料，发布前须核实', en: 'Secondary source; verify before release' },
  D: { zh: '设计建议值（可配置）', en: 'Design proposal (configurable)' },
  '?': { zh: '周期为配置值，未经核实', en: 'Period is configuration, not verified' },
};

export const obligations = ['periodic_inspection', 'self_test', 'reinspection', 'first_inspection'] as const;
export type Obligation = (typeof obligations)[number];
export const obligationLabels: Record<Obligation, { zh: string; en: string }> = {
  periodic_inspection: { zh: '定期检验', en: 'Periodic inspection' },
  self_test: { zh: '自行检测', en: 'Self-test' },
  reinspection: { zh: '复检', en: 'Re-inspection' },
  first_inspection: { zh: '首次检验', en: 'First inspection' },
};

/** Technical attributes rules can select on (device `params`), e.g. `{ liftsMoltenMetal: true }`. */
export type RuleAttributes = Readonly<Record<string, string | boolean>>;

export type RuleApplicability = {
  category: string;
  kind?: string;
  variety?: string;
  /** Matches only when the device's current 安全状况等级 is one of these. */
  safetyGrades?: readonly SafetyGrade[];
  attributes?: RuleAttributes;
};

export type FixedIntervalParams = {
  periodMonths: number;
  /** Months from commissioning to the first inspection; set → the first obligation is `first_inspection`. */
  firstPeriodMonths?: number;
  /** A different period once `afterInspections` periodic inspections are done (LPG cylinders). */
  later?: { afterInspections: number; periodMonths: number };
};
/** The inspector sets the period within [minMonths, maxMonths]; `defaultMonths` when none recorded. */
export type InspectorSetParams = { minMonths: number; maxMonths: number; defaultMonths: number };
/** 监控使用: inspector-set period, capped at `maxMonths` (cumulative monitored use is tracked elsewhere). */
export type MonitoredUseParams = { maxMonths: number };
/** 不得使用: the device must stop until defects are removed and it is re-inspected. */
export type NoUseParams = Record<string, never>;
/** TSG T7001-2023 year pattern (domain.md §1.4.1). */
export type ElevatorT7001Params = {
  inspectionYears: readonly number[];
  /** Every year after this one is an inspection year (">15 years: every year"). */
  everyYearAfter: number;
  /** An inspection up to this many months before the due month counts for that year. */
  earlyMonths: number;
  /** Which day of the due month is `dueOn` (see elevator-schedule.ts). */
  dueDay: 'month_start' | 'next_month_start';
};

type RuleBase = {
  id: string;
  nameZh: string;
  appliesTo: RuleApplicability;
  track: InspectionTrack;
  validFrom: string;
  validTo: string | null;
  source: string;
  confidence: RuleConfidence;
  note?: string;
  /** Tie-breaker between equally specific rules; higher wins. */
  priority?: number;
};

export type InspectionRule = RuleBase &
  (
    | { kind: 'fixed_interval'; params: FixedIntervalParams }
    | { kind: 'inspector_set'; params: InspectorSetParams }
    | { kind: 'monitored_use'; params: MonitoredUseParams }
    | { kind: 'no_use'; params: NoUseParams }
    | { kind: 'elevator_t7001_2023'; params: ElevatorT7001Params }
  );
export type InspectionRuleKind = InspectionRule['kind'];

export type InspectionRuleSettings = {
  /** Days after a 不合格 result by which the re-inspection is due (0 = immediately) [D]. */
  reinspectionDays: number;
  /** Days after a 基本合格 result by which the listed items must be rectified [D]. */
  basicPassRectificationDays: number;
  /** Default 临期 window in days (the legal 1-month application window, domain.md §1.4.3) [D]. */
  warningDays: number;
};

export type InspectionRuleSet = {
  id: string;
  version: string;
  settings: InspectionRuleSettings;
  rules: readonly InspectionRule[];
};

export type RuleDevice = {
  category: string;
  kind?: string | null;
  variety?: string | null;
  safetyGrade?: SafetyGrade | null;
  /** 投用日期: base of first inspections. */
  commissionedOn: string;
  /**
   * Elevators: installation (or, under the new rule, modification) supervision pass date — the
   * TSG T7001-2023 base month. Defaults to commissionedOn.
   */
  scheduleBaseOn?: string | null;
  /** Elevators: the inspection before a restart after a stop ≥ 1 year; moves the due month (item 4). */
  scheduleRebasedOn?: string | null;
  attributes?: RuleAttributes;
};

export type LastInspection = {
  date: string;
  result: InspectionResult;
  kind?: InspectionKind;
  /** 安全状况等级 determined by this inspection (vessels, piping). */
  safetyGrade?: SafetyGrade;
  /** Period in months set by the inspector (grade 3 vessels, monitored use). */
  periodMonths?: number;
  /** Number of periodic inspections done, this one included (LPG cylinders). */
  sequenceNo?: number;
};

export type NextDue = {
  dueOn: string;
  /** `YYYY-MM` for month-based schedules (elevators under TSG T7001-2023), else null. */
  dueMonth: string | null;
  obligation: Obligation;
  mustStop: boolean;
  ruleId: string;
  track: InspectionTrack;
  confidence: RuleConfidence;
  /** 基本合格: date by which the listed defects must be rectified, else null. */
  rectificationDueOn: string | null;
  /** Elevators: the year number after the base month the obligation belongs to, else null. */
  elevatorYear: number | null;
  explanation: string;
};
