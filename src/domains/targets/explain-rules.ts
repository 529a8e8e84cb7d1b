/**
 * Plain-language explanation of an indicator's scoring rule, generated from its parameters so it
 * always matches `scoreIndicator` (anti-burden §4.5: "show each unit the exact formula").
 * Chinese by default; English variant for the bilingual UI.
 */
import { HUNDRED, div, mul, parseDecimal, trimDecimal, formatTrimmed } from './decimal';
import type { CountShortfall, CountBonus, IndicatorDefinition, RankScoring } from './indicator-schema';

export type ExplainLanguage = 'zh' | 'en';

const n = trimDecimal;
const shareOf = (weight: string, percent: string) => formatTrimmed(div(mul(parseDecimal(weight), parseDecimal(percent)), HUNDRED));

function zhShortfall(shortfall: CountShortfall, weight: string, floor: string, unit: string): string {
  return shortfall.mode === 'proportional'
    ? `按完成比例计分（得分=${n(weight)}×实际数÷${n(floor)}）`
    : `每少1${unit}扣${n(shortfall.pointsPerUnit)}分，扣完为止`;
}

function enShortfall(shortfall: CountShortfall, weight: string, floor: string): string {
  return shortfall.mode === 'proportional'
    ? `scores in proportion (${n(weight)} × actual ÷ ${n(floor)})`
    : `loses ${n(shortfall.pointsPerUnit)} points per unit missing, down to 0`;
}

const zhBonus = (bonus: CountBonus | undefined, upper: string, unit: string) =>
  bonus ? `；超过${n(upper)}${unit}的部分每${unit}加${n(bonus.pointsPerUnit)}分，加分最多${n(bonus.cap)}分` : '';
const enBonus = (bonus: CountBonus | undefined, upper: string) =>
  bonus ? `; each unit above ${n(upper)} adds ${n(bonus.pointsPerUnit)} points, at most ${n(bonus.cap)} bonus points` : '';

function zhRank(scoring: RankScoring, weight: string): string {
  if (scoring.mode === 'table') {
    const listed = scoring.points.map((p, i) => `第${i + 1}名${n(p)}分`).join('、');
    return `${listed}，其余名次${n(scoring.otherPoints)}分`;
  }
  return `第1名得${n(weight)}分，名次每后移1位减${shareOf(weight, scoring.stepPercent)}分（最低${shareOf(weight, scoring.floorPercent)}分）`;
}

function enRank(scoring: RankScoring, weight: string): string {
  if (scoring.mode === 'table') {
    const listed = scoring.points.map((p, i) => `rank ${i + 1}: ${n(p)}`).join(', ');
    return `${listed}; other ranks ${n(scoring.otherPoints)}`;
  }
  return `rank 1 gets ${n(weight)} points, each lower rank ${shareOf(weight, scoring.stepPercent)} less (at least ${shareOf(weight, scoring.floorPercent)})`;
}

function zhOccurrences(def: Extract<IndicatorDefinition, { type: 'bonus' | 'deduction' }>): string {
  const verb = def.type === 'bonus' ? '加' : '扣';
  const per = def.levels
    ? def.levels.map((level) => `${level.name}每项${verb}${n(level.points)}分`).join('，')
    : `每${def.type === 'bonus' ? '项' : '发生1次'}${verb}${n(def.pointsPerOccurrence)}分`;
  return `${def.name}：${per}，本项最多${verb}${n(def.cap)}分`;
}

function enOccurrences(def: Extract<IndicatorDefinition, { type: 'bonus' | 'deduction' }>): string {
  const verb = def.type === 'bonus' ? 'adds' : 'deducts';
  const per = def.levels
    ? def.levels.map((level) => `${level.name}: ${n(level.points)} each`).join(', ')
    : `${n(def.pointsPerOccurrence)} per occurrence`;
  return `${def.name}: ${verb} ${per}, at most ${n(def.cap)} points in total`;
}

function explainZh(def: IndicatorDefinition): string {
  const u = def.unitOfMeasure;
  switch (def.type) {
    case 'count_range': {
      const floor = parseDecimal(def.lower).num === 0n ? `不设确保数，得满分${n(def.weight)}分` : `完成${n(def.lower)}${u}及以上得满分${n(def.weight)}分；未达${n(def.lower)}${u}的${zhShortfall(def.shortfall, def.weight, def.lower, u)}`;
      return `确保${def.name}${n(def.lower)}${u}、力争${n(def.upper)}${u}（标准分${n(def.weight)}分）：${floor}${zhBonus(def.bonus, def.upper, u)}`;
    }
    case 'count_target': {
      const floor = parseDecimal(def.target).num === 0n ? `目标为0，得满分${n(def.weight)}分` : `完成${n(def.target)}${u}及以上得满分${n(def.weight)}分；未达${n(def.target)}${u}的${zhShortfall(def.shortfall, def.weight, def.target, u)}`;
      return `${def.name}目标${n(def.target)}${u}（标准分${n(def.weight)}分）：${floor}${zhBonus(def.bonus, def.target, u)}`;
    }
    case 'rate_threshold': {
      const higher = def.direction === 'higher_is_better';
      const rest = def.shortfall.mode === 'slope'
        ? `每差1个百分点扣${n(def.shortfall.pointsPerPp)}分，扣完为止`
        : higher ? `按实际值÷${n(def.threshold)}的比例计分` : `按${n(def.threshold)}÷实际值的比例计分`;
      return `${def.name}${higher ? '不低于' : '不高于'}${n(def.threshold)}${u}（标准分${n(def.weight)}分）：达到得满分；未达到的${rest}`;
    }
    case 'base_slope': {
      const better = def.direction === 'higher_is_better' ? ['高', '低'] : ['低', '高'];
      return `${def.name}目标${n(def.target)}${u}（标准分${n(def.weight)}分）：达到目标得基本分${shareOf(def.weight, def.basePercent)}分，每${better[0]}于目标1个百分点加${n(def.pointsPerPp)}分、每${better[1]}1个百分点减${n(def.pointsPerPp)}分，得分在0至${shareOf(def.weight, def.capPercent)}分之间`;
    }
    case 'task':
      return `${def.name}（标准分${n(def.weight)}分）：完成得${n(def.weight)}分，部分完成得${shareOf(def.weight, def.partialPercent)}分，未完成得0分`;
    case 'checklist': {
      const names = def.items.map((item) => (def.scoring.mode === 'sum_done' ? `${item.name}${n(item.points ?? '0')}分` : item.name)).join('、');
      const rule = def.scoring.mode === 'deduct_missing' ? `每缺1项扣${n(def.scoring.pointsPerMissing)}分，扣完为止` : '按已完成项的分值相加';
      return `${def.name}（标准分${n(def.weight)}分）共${def.items.length}项（${names}）：${rule}`;
    }
    case 'rank':
      return `${def.name}（标准分${n(def.weight)}分）按同类单位排名计分：${zhRank(def.scoring, def.weight)}；并列名次得分相同`;
    case 'deduction':
    case 'bonus':
      return zhOccurrences(def);
    case 'veto':
      return `${def.name}为一票否决项：${def.condition}的，不论得分多少，考核等次直接定为最低等次`;
  }
}

function explainEn(def: IndicatorDefinition): string {
  const u = def.unitOfMeasure;
  switch (def.type) {
    case 'count_range':
      return `${def.name}: at least ${n(def.lower)} ${u}, aiming for ${n(def.upper)} (${n(def.weight)} points): reaching ${n(def.lower)} earns full points; below that it ${enShortfall(def.shortfall, def.weight, def.lower)}${enBonus(def.bonus, def.upper)}`;
    case 'count_target':
      return `${def.name}: target ${n(def.target)} ${u} (${n(def.weight)} points): reaching it earns full points; below that it ${enShortfall(def.shortfall, def.weight, def.target)}${enBonus(def.bonus, def.target)}`;
    case 'rate_threshold': {
      const higher = def.direction === 'higher_is_better';
      const rest = def.shortfall.mode === 'slope' ? `loses ${n(def.shortfall.pointsPerPp)} points per percentage point short, down to 0` : 'scores in proportion to the target';
      return `${def.name}: ${higher ? 'at least' : 'at most'} ${n(def.threshold)}${u} (${n(def.weight)} points): meeting it earns full points; otherwise it ${rest}`;
    }
    case 'base_slope':
      return `${def.name}: target ${n(def.target)}${u} (${n(def.weight)} points): meeting it earns ${shareOf(def.weight, def.basePercent)} points, ±${n(def.pointsPerPp)} per percentage point better or worse, between 0 and ${shareOf(def.weight, def.capPercent)}`;
    case 'task':
      return `${def.name} (${n(def.weight)} points): done ${n(def.weight)}, partly done ${shareOf(def.weight, def.partialPercent)}, not done 0`;
    case 'checklist':
      return `${def.name} (${n(def.weight)} points), ${def.items.length} items: ${def.scoring.mode === 'deduct_missing' ? `${n(def.scoring.pointsPerMissing)} points off per missing item, down to 0` : 'sum of the points of the items done'}`;
    case 'rank':
      return `${def.name} (${n(def.weight)} points) by rank among peers: ${enRank(def.scoring, def.weight)}; tied units score the same`;
    case 'deduction':
    case 'bonus':
      return enOccurrences(def);
    case 'veto':
      return `${def.name} is a veto item: if ${def.condition}, the grade is the lowest whatever the score`;
  }
}

/** One sentence; a metric-bound indicator says that the platform collects the value itself. */
export function explainIndicator(def: IndicatorDefinition, language: ExplainLanguage = 'zh'): string {
  if (language === 'en') {
    const source = def.dataSource.kind === 'metric' ? ' (value collected by the platform)' : '';
    return `${explainEn(def)}${source}.`;
  }
  const source = def.dataSource.kind === 'metric' ? '（数值由平台自动采集）' : '';
  return `${explainZh(def)}${source}。`;
}
