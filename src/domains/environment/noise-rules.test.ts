import { describe, expect, it } from 'vitest';
import { assessNoise, classifyNoisePeriod, computeNoise, findNoiseLimit, type NoisePeriod, type NoiseZone } from './noise-rules';
import { thrownCode } from './test-helpers';

describe('findNoiseLimit (GB 3096-2008 Table 1)', () => {
  it.each([
    ['0', 50, 40], ['1', 55, 45], ['2', 60, 50], ['3', 65, 55], ['4a', 70, 55], ['4b', 70, 60],
  ] as [NoiseZone, number, number][])('zone %s → day %s, night %s', (zone, day, night) => {
    expect(findNoiseLimit(zone, 'day')).toBe(day);
    expect(findNoiseLimit(zone, 'night')).toBe(night);
  });

  it('uses 70/55 along existing railway trunk lines (4b background)', () => {
    expect(findNoiseLimit('4b', 'night', true)).toBe(55);
    expect(findNoiseLimit('4b', 'day', true)).toBe(70);
    expect(findNoiseLimit('4a', 'night', true)).toBe(55);
  });
});

describe('classifyNoisePeriod', () => {
  it.each([
    ['05:59', 'night'], ['06:00', 'day'], ['21:59', 'day'], ['22:00', 'night'], ['00:00', 'night'], ['23:59', 'night'], ['12:00', 'day'],
  ] as [string, NoisePeriod][])('%s → %s', (time, period) => {
    expect(classifyNoisePeriod(time)).toBe(period);
  });

  it('follows locally set hours', () => {
    expect(classifyNoisePeriod('06:30', { dayStart: '07:00', nightStart: '23:00' })).toBe('night');
    expect(classifyNoisePeriod('22:30', { dayStart: '07:00', nightStart: '23:00' })).toBe('day');
  });

  it.each(['24:00', '6:00', '12:60', 'noon'])('rejects %s', (time) => {
    expect(thrownCode(() => classifyNoisePeriod(time))).toBe('env.invalid_time');
  });
});

describe('computeNoise', () => {
  it.each([
    // exceedances are exact decimals (55.3 − 55 in doubles is 0.29999999999999716)
    [{ zone: '1', leqDbA: 55.3, time: '10:00' }, { period: 'day', limitDbA: 55, compliant: false, exceedanceDb: 0.3 }],
    [{ zone: '1', leqDbA: 55, time: '10:00' }, { period: 'day', limitDbA: 55, compliant: true, exceedanceDb: 0 }],
    [{ zone: '1', leqDbA: 55.04, period: 'day' }, { period: 'day', limitDbA: 55, compliant: false, exceedanceDb: 0.04 }],
    [{ zone: '3', leqDbA: 65.7, time: '21:59' }, { period: 'day', limitDbA: 65, compliant: false, exceedanceDb: 0.7 }],
    [{ zone: '3', leqDbA: 65.7, time: '22:00' }, { period: 'night', limitDbA: 55, compliant: false, exceedanceDb: 10.7 }],
    [{ zone: '2', leqDbA: 50.1, time: '05:59' }, { period: 'night', limitDbA: 50, compliant: false, exceedanceDb: 0.1 }],
    [{ zone: '2', leqDbA: 50.1, time: '06:00' }, { period: 'day', limitDbA: 60, compliant: true, exceedanceDb: 0 }],
    [{ zone: '4a', leqDbA: 57, time: '23:00' }, { period: 'night', limitDbA: 55, compliant: false, exceedanceDb: 2 }],
    [{ zone: '4b', leqDbA: 57, time: '23:00' }, { period: 'night', limitDbA: 60, compliant: true, exceedanceDb: 0 }],
    [{ zone: '0', leqDbA: 40, period: 'day', time: '23:00' }, { period: 'day', limitDbA: 50, compliant: true, exceedanceDb: 0 }], // period wins
  ] as const)('%j → %j', (input, expected) => {
    expect(computeNoise(input)).toEqual(expected);
  });

  it.each([
    [{ zone: '1', leqDbA: 50 }, 'env.noise_period_required'],
    [{ zone: '1', leqDbA: -1, period: 'day' }, 'env.invalid_noise_level'],
    [{ zone: '1', leqDbA: Number.NaN, period: 'day' }, 'env.invalid_noise_level'],
    [{ zone: '4', leqDbA: 50, period: 'day' }, 'env.unknown_noise_zone'],
  ])('%j → %s', (input, code) => {
    expect(thrownCode(() => computeNoise(input as Parameters<typeof computeNoise>[0]))).toBe(code);
  });
});

describe('assessNoise night rules', () => {
  it.each([
    [60, true, 0], // zone 1 night: L_max ≤ 45 + 15
    [60.5, false, 0.5],
  ])('burst L_max %s → compliant %s, exceedance %s', (lmaxDbA, compliant, exceedanceDb) => {
    const a = assessNoise({ zone: '1', leqDbA: 44.9, time: '23:30' }, { lmaxDbA });
    expect(a.burst).toEqual({ limitDbA: 60, compliant, exceedanceDb });
    expect(a.compliant).toBe(true);
  });

  it('has no burst check by day', () => {
    expect(assessNoise({ zone: '1', leqDbA: 50, time: '12:00' }, { lmaxDbA: 90 }).burst).toBeNull();
  });

  it('applies the existing-railway background limit to 4b at night', () => {
    expect(assessNoise({ zone: '4b', leqDbA: 57, period: 'night' }, { isExistingRailway: true })).toMatchObject({ limitDbA: 55, compliant: false, exceedanceDb: 2 });
  });
});
