/**
 * Ranking within peer groups (domain.md §4.3: order by veto asc, total desc, <tie-break>).
 * Vetoed units always come after every non-vetoed unit of their group. Units that no configured
 * key separates share a rank: competition ranking 1,2,2,4 or dense 1,2,2,3 (configurable [D]).
 */
import { invalid } from '../../shared/errors';
import type { OrgUnitKind } from '../../shared/roles';
import { compare, parseDecimal } from './decimal';
import type { Direction } from './indicator-schema';
import { defaultRankingConfig, type PeerGroup, type RankingConfig, type TieBreakKey } from './plan-schema';

/** Amounts are decimal strings (from `scoreUnit`); `submittedAt` is an ISO timestamp of the self-evaluation, or null. */
export type RankableUnit = {
  unitId: string;
  peerGroup: string;
  total: string;
  raw: string;
  bonusApplied: string;
  deductionApplied: string;
  submittedAt: string | null;
  vetoed: boolean;
};

export type RankedUnit = RankableUnit & { rank: number; isTied: boolean };

/** Issue 6: departments; townships and streets together; parks. Other kinds are not assessed. */
export function peerGroupForKind(kind: OrgUnitKind): PeerGroup | null {
  if (kind === 'department') return 'departments';
  if (kind === 'township' || kind === 'street') return 'townships';
  if (kind === 'park') return 'parks';
  return null;
}

function submissionTime(unit: RankableUnit): number {
  if (unit.submittedAt === null) return Number.POSITIVE_INFINITY;
  const time = Date.parse(unit.submittedAt);
  if (Number.isNaN(time)) throw invalid('targets.invalid_timestamp', `无效的报送时间：${unit.submittedAt}`, { unitId: unit.unitId });
  return time;
}

/** Negative when `a` ranks before `b` under one key. */
function compareBy(key: TieBreakKey, a: RankableUnit, b: RankableUnit): number {
  switch (key) {
    case 'total':
      return compare(parseDecimal(b.total), parseDecimal(a.total));
    case 'raw':
      return compare(parseDecimal(b.raw), parseDecimal(a.raw));
    case 'moreBonus':
      return compare(parseDecimal(b.bonusApplied), parseDecimal(a.bonusApplied));
    case 'fewerDeductions':
      return compare(parseDecimal(a.deductionApplied), parseDecimal(b.deductionApplied));
    case 'earlierSubmission': {
      const ta = submissionTime(a);
      const tb = submissionTime(b);
      return ta === tb ? 0 : ta < tb ? -1 : 1;
    }
  }
}

function compareUnits(keys: readonly TieBreakKey[], a: RankableUnit, b: RankableUnit): number {
  if (a.vetoed !== b.vetoed) return a.vetoed ? 1 : -1;
  for (const key of keys) {
    const result = compareBy(key, a, b);
    if (result !== 0) return result;
  }
  return 0;
}

/** Ranks each peer group separately; groups come out in order of first appearance. */
export function rankUnits(units: readonly RankableUnit[], config: RankingConfig = defaultRankingConfig): RankedUnit[] {
  const groups = new Map<string, RankableUnit[]>();
  for (const unit of units) groups.set(unit.peerGroup, [...(groups.get(unit.peerGroup) ?? []), unit]);
  const result: RankedUnit[] = [];
  for (const members of groups.values()) {
    const sorted = [...members].sort((a, b) => compareUnits(config.tieBreak, a, b));
    const ranks: number[] = [];
    sorted.forEach((unit, i) => {
      const previous = sorted[i - 1];
      const previousRank = ranks[i - 1] ?? 0;
      const tiedWithPrevious = previous !== undefined && compareUnits(config.tieBreak, previous, unit) === 0;
      ranks.push(tiedWithPrevious ? previousRank : config.tieRanking === 'competition' ? i + 1 : previousRank + 1);
    });
    sorted.forEach((unit, i) => {
      const rank = ranks[i] ?? 0;
      result.push({ ...unit, rank, isTied: ranks.filter((r) => r === rank).length > 1 });
    });
  }
  return result;
}

/**
 * Competition ranks (1,2,2,4) of peers by a value, for `rank` indicators. Units without a value get
 * `rank: null` (they are not ranked and score as not reported).
 */
export function rankPeerValues(
  entries: readonly { unitId: string; value: string | null }[],
  direction: Direction,
): { unitId: string; rank: number | null }[] {
  const valued = entries.flatMap((e) => (e.value === null ? [] : [{ unitId: e.unitId, value: parseDecimal(e.value) }]));
  return entries.map((entry) => {
    if (entry.value === null) return { unitId: entry.unitId, rank: null };
    const own = parseDecimal(entry.value);
    const better = valued.filter((other) => (direction === 'higher_is_better' ? compare(other.value, own) > 0 : compare(other.value, own) < 0));
    return { unitId: entry.unitId, rank: better.length + 1 };
  });
}
