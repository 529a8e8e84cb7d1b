import { describe, expect, it } from 'vitest';
import type { RankingConfig } from './plan-schema';
import { peerGroupForKind, rankPeerValues, rankUnits, type RankableUnit } from './ranking-rules';

const unit = (unitId: string, total: string, extra: Partial<RankableUnit> = {}): RankableUnit => ({
  unitId,
  peerGroup: 'townships',
  total,
  raw: total,
  bonusApplied: '0',
  deductionApplied: '0',
  submittedAt: null,
  vetoed: false,
  ...extra,
});
const ranksOf = (ranked: { unitId: string; rank: number }[]) => Object.fromEntries(ranked.map((r) => [r.unitId, r.rank]));

describe('rankUnits', () => {
  const units = [unit('A', '92'), unit('B', '88'), unit('C', '88'), unit('D', '80')];

  it.each<[string, RankingConfig, Record<string, number>]>([
    ['competition ranks share and skip (1,2,2,4)', { tieBreak: ['total'], tieRanking: 'competition' }, { A: 1, B: 2, C: 2, D: 4 }],
    ['dense ranks share without skipping (1,2,2,3)', { tieBreak: ['total'], tieRanking: 'dense' }, { A: 1, B: 2, C: 2, D: 3 }],
  ])('%s', (_label, config, expected) => {
    expect(ranksOf(rankUnits(units, config))).toEqual(expected);
  });

  it('marks tied units', () => {
    const ranked = rankUnits(units);
    expect(ranked.filter((r) => r.isTied).map((r) => r.unitId)).toEqual(['B', 'C']);
  });

  it.each<[string, RankableUnit[], RankingConfig['tieBreak'], Record<string, number>]>([
    ['fewer deductions separates the tie', [unit('A', '92'), unit('B', '88', { deductionApplied: '1' }), unit('C', '88'), unit('D', '80')], ['total', 'fewerDeductions'], { A: 1, C: 2, B: 3, D: 4 }],
    ['earlier submission separates the tie',
      [unit('B', '88', { submittedAt: '2025-01-10T02:00:00Z' }), unit('C', '88', { submittedAt: '2025-01-09T09:00:00Z' }), unit('E', '88')],
      ['total', 'earlierSubmission'], { C: 1, B: 2, E: 3 }], // never submitted comes last
    ['keys are applied in order: equal deductions fall through to submission time',
      [unit('B', '88', { deductionApplied: '1', submittedAt: '2025-01-01T00:00:00Z' }), unit('C', '88', { deductionApplied: '1', submittedAt: '2024-12-31T00:00:00Z' })],
      ['total', 'fewerDeductions', 'earlierSubmission'], { C: 1, B: 2 }],
    ['raw score as a tie-break', [unit('B', '88', { raw: '86' }), unit('C', '88', { raw: '87' })], ['total', 'raw'], { C: 1, B: 2 }],
  ])('%s', (_label, list, tieBreak, expected) => {
    expect(ranksOf(rankUnits(list, { tieBreak, tieRanking: 'competition' }))).toEqual(expected);
  });

  it('ranks a vetoed unit after every non-vetoed one, whatever its total', () => {
    const ranked = rankUnits([unit('V', '99', { vetoed: true }), ...units]);
    expect(ranksOf(ranked)).toEqual({ A: 1, B: 2, C: 2, D: 4, V: 5 });
  });

  it('ranks each peer group separately', () => {
    const ranked = rankUnits([unit('T1', '70'), unit('P1', '60', { peerGroup: 'parks' }), unit('T2', '80'), unit('P2', '65', { peerGroup: 'parks' })]);
    expect(ranked.map((r) => [r.unitId, r.rank])).toEqual([
      ['T2', 1],
      ['T1', 2],
      ['P2', 1],
      ['P1', 2],
    ]);
  });

  it('rejects an unreadable submission time', () => {
    const list = [unit('B', '88', { submittedAt: 'yesterday' }), unit('C', '88', { submittedAt: '2025-01-01T00:00:00Z' })];
    expect(() => rankUnits(list, { tieBreak: ['total', 'earlierSubmission'], tieRanking: 'competition' })).toThrow(
      expect.objectContaining({ code: 'targets.invalid_timestamp' }),
    );
  });
});

describe('rankPeerValues', () => {
  const entries = [
    { unitId: 'a', value: '10' },
    { unitId: 'b', value: '8' },
    { unitId: 'c', value: '8' },
    { unitId: 'd', value: '5' },
    { unitId: 'e', value: null },
  ];
  it.each([
    ['higher_is_better' as const, { a: 1, b: 2, c: 2, d: 4, e: null }],
    ['lower_is_better' as const, { d: 1, b: 2, c: 2, a: 4, e: null }],
  ])('%s', (direction, expected) => {
    expect(Object.fromEntries(rankPeerValues(entries, direction).map((r) => [r.unitId, r.rank]))).toEqual(expected);
  });
});

describe('peerGroupForKind', () => {
  it.each([
    ['department', 'departments'],
    ['township', 'townships'],
    ['street', 'townships'],
    ['park', 'parks'],
    ['village', null],
    ['office', null],
  ] as const)('%s → %s', (kind, expected) => {
    expect(peerGroupForKind(kind)).toBe(expected);
  });
});
