/**
 * Scoring of one indicator for one unit (domain.md §4.3). Exact rational arithmetic; each score
 * is rounded once, half-up to 2 decimals (see `decimal.ts`). Explanations are Chinese sentences
 * that show the formula with the unit's own numbers.
 */
import { invalid } from '../../shared/errors';
import { HUNDRED, ZERO, add, div, formatFixed, mul, parseDecimal, type Ratio } from './decimal';
import type { IndicatorActual, IndicatorDefinition, IndicatorType } from './indicator-schema';
import {
  scoreBaseSlope,
  scoreChecklist,
  scoreCount,
  scoreOccurrences,
  scoreRank,
  scoreRate,
  scoreTask,
  type PartialScore,
  type ScoreContext,
  type ScoreDetails,
} from './scoring-functions';

export type { ScoreContext, ScoreDetails } from './scoring-functions';
export { pointsForRank } from './scoring-functions';

export type ScoreEffect = 'score' | 'bonus' | 'deduction' | 'veto';

/**
 * `score` and `maxScore` are 2-decimal strings. For `deduction` items `score` is the number of
 * points to deduct (a positive value); for `veto` items it is "0.00" and `vetoTriggered` tells.
 */
export type IndicatorScore = {
  code: string;
  type: IndicatorType;
  effect: ScoreEffect;
  status: 'scored' | 'missing';
  score: string;
  maxScore: string;
  vetoTriggered: boolean;
  explanation: string;
  details: ScoreDetails;
};

const expectedActualType: Record<IndicatorType, IndicatorActual['type']> = {
  count_range: 'number',
  count_target: 'number',
  rate_threshold: 'number',
  base_slope: 'number',
  task: 'task',
  checklist: 'checklist',
  rank: 'rank',
  deduction: 'occurrences',
  bonus: 'occurrences',
  veto: 'veto',
};

const effectOf = (type: IndicatorType): ScoreEffect =>
  type === 'deduction' ? 'deduction' : type === 'bonus' ? 'bonus' : type === 'veto' ? 'veto' : 'score';

const f2 = (value: Ratio) => formatFixed(value, 2);

function maxScoreOf(def: IndicatorDefinition): Ratio {
  switch (def.type) {
    case 'veto':
      return ZERO;
    case 'deduction':
    case 'bonus':
      return parseDecimal(def.cap);
    case 'base_slope':
      return div(mul(parseDecimal(def.weight), parseDecimal(def.capPercent)), HUNDRED);
    case 'count_range':
    case 'count_target':
      return add(parseDecimal(def.weight), def.bonus ? parseDecimal(def.bonus.cap) : ZERO);
    default:
      return parseDecimal(def.weight);
  }
}

function finish(def: IndicatorDefinition, status: IndicatorScore['status'], part: PartialScore, vetoTriggered = false): IndicatorScore {
  return {
    code: def.code,
    type: def.type,
    effect: effectOf(def.type),
    status,
    score: f2(part.score),
    maxScore: f2(part.maxScore),
    vetoTriggered,
    explanation: part.explanation,
    details: part.details,
  };
}

/**
 * Scores one indicator. `actual === null` means nothing was reported: weighted types score 0 and
 * bonus/deduction/veto count as "none", all with status `missing`. Throws `targets.actual_type_mismatch`
 * when the actual's shape does not fit the type, `targets.negative_actual` for negative counts/rates.
 */
export function scoreIndicator(def: IndicatorDefinition, actual: IndicatorActual | null, context: ScoreContext = {}): IndicatorScore {
  if (actual === null) {
    const note = def.type === 'veto' ? '未报送，视为未触发否决。' : def.type === 'bonus' || def.type === 'deduction' ? '未报送，按0项计。' : '未报送实际值，得0分。';
    return finish(def, 'missing', { score: ZERO, maxScore: maxScoreOf(def), explanation: note, details: {} });
  }
  if (actual.type !== expectedActualType[def.type]) {
    throw invalid('targets.actual_type_mismatch', `指标 ${def.code}（${def.type}）不接受 ${actual.type} 类型的实际值`, {
      code: def.code,
      expected: expectedActualType[def.type],
      received: actual.type,
    });
  }
  switch (def.type) {
    case 'count_range':
    case 'count_target': {
      if (actual.type !== 'number') break;
      const lower = parseDecimal(def.type === 'count_range' ? def.lower : def.target);
      const upper = parseDecimal(def.type === 'count_range' ? def.upper : def.target);
      return finish(def, 'scored', scoreCount(def, lower, upper, parseDecimal(actual.value)));
    }
    case 'rate_threshold':
      if (actual.type === 'number') return finish(def, 'scored', scoreRate(def, parseDecimal(actual.value)));
      break;
    case 'base_slope':
      if (actual.type === 'number') return finish(def, 'scored', scoreBaseSlope(def, parseDecimal(actual.value)));
      break;
    case 'task':
      if (actual.type === 'task') return finish(def, 'scored', scoreTask(parseDecimal(def.weight), parseDecimal(def.partialPercent), actual.status));
      break;
    case 'checklist':
      if (actual.type === 'checklist') return finish(def, 'scored', scoreChecklist(def, actual.doneItemCodes));
      break;
    case 'rank':
      if (actual.type === 'rank') return finish(def, 'scored', scoreRank(def, actual.rank, context));
      break;
    case 'deduction':
    case 'bonus':
      if (actual.type === 'occurrences') return finish(def, 'scored', scoreOccurrences(def, actual));
      break;
    case 'veto':
      if (actual.type === 'veto') {
        const explanation = actual.triggered ? `触发否决项：${def.condition}，等次直接定为最低等次。` : `未触发否决项（${def.condition}）。`;
        return finish(def, 'scored', { score: ZERO, maxScore: ZERO, explanation, details: { triggered: actual.triggered } }, actual.triggered);
      }
      break;
  }
  throw invalid('targets.actual_type_mismatch', `指标 ${def.code} 的实际值类型不匹配`, { code: def.code });
}
