/**
 * The indicator editor's flat form values ↔ the API's `IndicatorDefinition` (a union on `type`).
 * The form keeps every number as text (the API's decimal strings); `toDefinition` builds exactly
 * the fields the chosen type needs, `fromDefinition` fills the form for editing, and
 * `definitionIssueField` maps an API issue path (`definition.shortfall.pointsPerUnit`) to the form
 * field that shows it (`pointsPerUnit`).
 */
import type { IndicatorDefinition, IndicatorType } from '../../../domains/targets/indicator-schema';

export type ChecklistRow = { code: string; name: string; points?: string };
export type LevelRow = { code: string; name: string; points: string };

export type IndicatorFormValues = {
  type: IndicatorType;
  code: string;
  name: string;
  category?: string;
  unitOfMeasure: string;
  leadOrgUnitId: string;
  sourceKind: 'reported' | 'metric';
  metricKey?: string;
  evidenceDescription: string;
  evidenceMaxFiles: number;
  note?: string;
  weight?: string;
  lower?: string;
  upper?: string;
  target?: string;
  threshold?: string;
  direction?: 'higher_is_better' | 'lower_is_better';
  countShortfall?: 'proportional' | 'per_unit';
  pointsPerUnit?: string;
  bonusEnabled?: boolean;
  bonusPointsPerUnit?: string;
  bonusCap?: string;
  rateShortfall?: 'slope' | 'proportional';
  pointsPerPp?: string;
  basePercent?: string;
  capPercent?: string;
  partialPercent?: string;
  checklistItems?: ChecklistRow[];
  checklistMode?: 'deduct_missing' | 'sum_done';
  pointsPerMissing?: string;
  rankMode?: 'linear' | 'table';
  stepPercent?: string;
  floorPercent?: string;
  rankPoints?: string;
  otherPoints?: string;
  pointsPerOccurrence?: string;
  cap?: string;
  levels?: LevelRow[];
  condition?: string;
};

/** Sensible starting values per type (domain.md §4.3 examples) so a new indicator only needs its names and numbers. */
export function defaultFormValues(type: IndicatorType): Partial<IndicatorFormValues> {
  return {
    type,
    sourceKind: 'reported',
    evidenceDescription: '证明材料',
    evidenceMaxFiles: 5,
    unitOfMeasure: type === 'rate_threshold' || type === 'base_slope' ? '%' : type === 'rank' ? '名' : '项',
    direction: 'higher_is_better',
    countShortfall: 'proportional',
    bonusEnabled: false,
    rateShortfall: 'slope',
    pointsPerPp: '0.5',
    basePercent: '80',
    capPercent: '120',
    partialPercent: '50',
    checklistItems: [{ code: 'item1', name: '' }],
    checklistMode: 'deduct_missing',
    pointsPerMissing: '1',
    rankMode: 'linear',
    stepPercent: '5',
    floorPercent: '0',
    otherPoints: '0',
  };
}

const text = (v: string | undefined) => (v ?? '').trim();
const opt = <K extends string>(key: K, v: string | undefined): Partial<Record<K, string>> => (text(v) ? ({ [key]: text(v) } as Record<K, string>) : {});

/** Builds the definition the API validates (missing numbers stay '' so the API names the field). */
export function toDefinition(v: IndicatorFormValues): IndicatorDefinition {
  const common = {
    code: text(v.code),
    name: text(v.name),
    ...opt('category', v.category),
    unitOfMeasure: text(v.unitOfMeasure),
    leadOrgUnitId: v.leadOrgUnitId ?? '',
    evidence: { description: text(v.evidenceDescription) || '证明材料', fileKinds: ['document', 'pdf', 'image', 'spreadsheet'] as Array<'document' | 'pdf' | 'image' | 'spreadsheet'>, maxFiles: v.evidenceMaxFiles ?? 0 },
    dataSource: v.sourceKind === 'metric' ? { kind: 'metric' as const, metricKey: v.metricKey ?? '' } : { kind: 'reported' as const },
    ...opt('note', v.note),
  };
  const weight = text(v.weight);
  const countShortfall = v.countShortfall === 'per_unit' ? { mode: 'per_unit' as const, pointsPerUnit: text(v.pointsPerUnit) } : { mode: 'proportional' as const };
  const bonus = v.bonusEnabled ? { bonus: { pointsPerUnit: text(v.bonusPointsPerUnit), cap: text(v.bonusCap) } } : {};
  const direction = v.direction ?? 'higher_is_better';
  switch (v.type) {
    case 'count_range':
      return { type: 'count_range', ...common, weight, lower: text(v.lower), upper: text(v.upper), shortfall: countShortfall, ...bonus };
    case 'count_target':
      return { type: 'count_target', ...common, weight, target: text(v.target), shortfall: countShortfall, ...bonus };
    case 'rate_threshold':
      return { type: 'rate_threshold', ...common, weight, threshold: text(v.threshold), direction, shortfall: v.rateShortfall === 'proportional' ? { mode: 'proportional' } : { mode: 'slope', pointsPerPp: text(v.pointsPerPp) } };
    case 'base_slope':
      return { type: 'base_slope', ...common, weight, target: text(v.target), direction, basePercent: text(v.basePercent), pointsPerPp: text(v.pointsPerPp), capPercent: text(v.capPercent) };
    case 'task':
      return { type: 'task', ...common, weight, partialPercent: text(v.partialPercent) };
    case 'checklist':
      return {
        type: 'checklist',
        ...common,
        weight,
        items: (v.checklistItems ?? []).map((item) => ({ code: text(item.code), name: text(item.name), ...opt('points', item.points) })),
        scoring: v.checklistMode === 'sum_done' ? { mode: 'sum_done' } : { mode: 'deduct_missing', pointsPerMissing: text(v.pointsPerMissing) },
      };
    case 'rank':
      return {
        type: 'rank',
        ...common,
        weight,
        direction,
        scoring:
          v.rankMode === 'table'
            ? { mode: 'table', points: text(v.rankPoints).split(/[,，\s]+/).filter(Boolean), otherPoints: text(v.otherPoints) || '0' }
            : { mode: 'linear', stepPercent: text(v.stepPercent), floorPercent: text(v.floorPercent) || '0' },
      };
    case 'deduction':
    case 'bonus': {
      const levels = (v.levels ?? []).filter((l) => text(l.code) || text(l.name) || text(l.points));
      return {
        type: v.type,
        ...common,
        pointsPerOccurrence: text(v.pointsPerOccurrence) || (levels[0] ? text(levels[0].points) : ''),
        cap: text(v.cap),
        ...(levels.length > 0 ? { levels: levels.map((l) => ({ code: text(l.code), name: text(l.name), points: text(l.points) })) } : {}),
      };
    }
    case 'veto':
      return { type: 'veto', ...common, condition: text(v.condition) };
  }
}

/** Form values of an existing definition (for editing). */
export function fromDefinition(def: IndicatorDefinition): IndicatorFormValues {
  const base: IndicatorFormValues = {
    ...(defaultFormValues(def.type) as IndicatorFormValues),
    type: def.type,
    code: def.code,
    name: def.name,
    category: def.category,
    unitOfMeasure: def.unitOfMeasure,
    leadOrgUnitId: def.leadOrgUnitId,
    sourceKind: def.dataSource.kind,
    metricKey: def.dataSource.kind === 'metric' ? def.dataSource.metricKey : undefined,
    evidenceDescription: def.evidence.description,
    evidenceMaxFiles: def.evidence.maxFiles,
    note: def.note,
  };
  switch (def.type) {
    case 'count_range':
    case 'count_target':
      return {
        ...base,
        weight: def.weight,
        ...(def.type === 'count_range' ? { lower: def.lower, upper: def.upper } : { target: def.target }),
        countShortfall: def.shortfall.mode,
        pointsPerUnit: def.shortfall.mode === 'per_unit' ? def.shortfall.pointsPerUnit : undefined,
        bonusEnabled: Boolean(def.bonus),
        bonusPointsPerUnit: def.bonus?.pointsPerUnit,
        bonusCap: def.bonus?.cap,
      };
    case 'rate_threshold':
      return { ...base, weight: def.weight, threshold: def.threshold, direction: def.direction, rateShortfall: def.shortfall.mode, pointsPerPp: def.shortfall.mode === 'slope' ? def.shortfall.pointsPerPp : base.pointsPerPp };
    case 'base_slope':
      return { ...base, weight: def.weight, target: def.target, direction: def.direction, basePercent: def.basePercent, pointsPerPp: def.pointsPerPp, capPercent: def.capPercent };
    case 'task':
      return { ...base, weight: def.weight, partialPercent: def.partialPercent };
    case 'checklist':
      return {
        ...base,
        weight: def.weight,
        checklistItems: def.items.map((i) => ({ code: i.code, name: i.name, points: i.points })),
        checklistMode: def.scoring.mode,
        pointsPerMissing: def.scoring.mode === 'deduct_missing' ? def.scoring.pointsPerMissing : base.pointsPerMissing,
      };
    case 'rank':
      return def.scoring.mode === 'table'
        ? { ...base, weight: def.weight, direction: def.direction, rankMode: 'table', rankPoints: def.scoring.points.join(', '), otherPoints: def.scoring.otherPoints }
        : { ...base, weight: def.weight, direction: def.direction, rankMode: 'linear', stepPercent: def.scoring.stepPercent, floorPercent: def.scoring.floorPercent };
    case 'deduction':
    case 'bonus':
      return { ...base, pointsPerOccurrence: def.pointsPerOccurrence, cap: def.cap, levels: def.levels?.map((l) => ({ ...l })) };
    case 'veto':
      return { ...base, condition: def.condition };
  }
}

/** API issue path (`definition.…` of the create/update body) → the form field that shows it. */
export function definitionIssueField(path: string): string {
  const parts = path.split('.');
  const rest = parts[0] === 'definition' ? parts.slice(1) : parts;
  const [head, second, third] = rest;
  switch (head) {
    case 'evidence':
      return second === 'maxFiles' ? 'evidenceMaxFiles' : 'evidenceDescription';
    case 'dataSource':
      return 'metricKey';
    case 'shortfall':
      return second === 'pointsPerUnit' ? 'pointsPerUnit' : second === 'pointsPerPp' ? 'pointsPerPp' : 'countShortfall';
    case 'bonus':
      return second === 'cap' ? 'bonusCap' : 'bonusPointsPerUnit';
    case 'items':
      return second !== undefined && third !== undefined ? `checklistItems.${second}.${third}` : 'checklistItems';
    case 'scoring':
      if (second === 'pointsPerMissing') return 'pointsPerMissing';
      if (second === 'stepPercent' || second === 'floorPercent' || second === 'otherPoints') return second;
      return second === 'points' ? 'rankPoints' : 'rankMode';
    case 'levels':
      return second !== undefined && third !== undefined ? `levels.${second}.${third}` : 'levels';
    case undefined:
      return '';
    default:
      return head;
  }
}
