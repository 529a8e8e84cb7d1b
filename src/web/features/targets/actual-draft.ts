/**
 * What a unit types for an item's value (a flat draft the form keeps) ↔ the API's `IndicatorActual`
 * for the item's indicator type (domain.md §4.3):
 *
 *   draftToActual(countDef, { number: ' 18 ' })        // → { type: 'number', value: '18' }
 *   draftToActual(taskDef, { task: 'partial' })        // → { type: 'task', status: 'partial' }
 *   draftToActual(bonusWithLevels, { byLevel: { national: 1 } }) // → { type: 'occurrences', byLevel: { national: 1 } }
 *
 * `null` means "nothing entered yet" (the form says so instead of sending an empty value).
 */
import type { IndicatorActual, IndicatorDefinition, TaskStatus } from '../../../domains/targets/indicator-schema';

export type ActualDraft = {
  number?: string;
  task?: TaskStatus;
  done?: string[];
  count?: number | null;
  byLevel?: Record<string, number | null>;
  triggered?: boolean;
};

export function draftToActual(def: IndicatorDefinition, draft: ActualDraft | undefined): IndicatorActual | null {
  const d = draft ?? {};
  switch (def.type) {
    case 'count_range':
    case 'count_target':
    case 'rate_threshold':
    case 'base_slope':
    case 'rank': {
      const value = (d.number ?? '').trim();
      return value === '' ? null : { type: 'number', value };
    }
    case 'task':
      return d.task ? { type: 'task', status: d.task } : null;
    case 'checklist':
      return { type: 'checklist', doneItemCodes: def.items.map((i) => i.code).filter((code) => (d.done ?? []).includes(code)) };
    case 'bonus':
    case 'deduction': {
      if (def.levels) {
        const byLevel: Record<string, number> = {};
        for (const level of def.levels) {
          const n = d.byLevel?.[level.code];
          if (typeof n === 'number' && n > 0) byLevel[level.code] = n;
        }
        return { type: 'occurrences', byLevel };
      }
      return typeof d.count === 'number' ? { type: 'occurrences', count: d.count } : null;
    }
    case 'veto':
      return { type: 'veto', triggered: Boolean(d.triggered) };
  }
}

export function actualToDraft(actual: IndicatorActual | null | undefined): ActualDraft {
  if (!actual) return {};
  switch (actual.type) {
    case 'number':
      return { number: actual.value };
    case 'task':
      return { task: actual.status };
    case 'checklist':
      return { done: [...actual.doneItemCodes] };
    case 'rank':
      return { number: String(actual.rank) };
    case 'occurrences':
      return actual.byLevel ? { byLevel: { ...actual.byLevel } } : { count: actual.count ?? 0 };
    case 'veto':
      return { triggered: actual.triggered };
  }
}

/** Whether the item's unit types a number (and which hint to show next to it). */
export function numberHint(def: IndicatorDefinition): string | null {
  switch (def.type) {
    case 'count_range':
    case 'count_target':
      return `截至期末的累计数（${def.unitOfMeasure}）`;
    case 'rate_threshold':
    case 'base_slope':
      return def.unitOfMeasure === '%' ? '百分数，如 98.5 表示 98.5%' : `数值（${def.unitOfMeasure}）`;
    case 'rank':
      return '用于同组排名的数值';
    default:
      return null;
  }
}
