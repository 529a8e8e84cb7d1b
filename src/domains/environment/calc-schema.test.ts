import { describe, expect, it } from 'vitest';
import { computeAqi } from './aqi-rules';
import {
  aqiRequestSchema, aqiResponseSchema, noiseRequestSchema, noiseResponseSchema, waterQualityRequestSchema, waterQualityResponseSchema,
} from './calc-schema';
import { computeNoise } from './noise-rules';
import { computeWaterQuality } from './water-rules';

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message).join(' | ') ?? '';

describe('aqiRequestSchema', () => {
  it.each([
    { report: 'daily', concentrations: { SO2_24H: 5, PM2_5_24H: null } },
    { standard: 'HJ 633-2012', report: 'hourly', concentrations: { SO2_1H: 5, SO2_24H: 3, O3_8H: 100 } },
    { date: '2025-12-31', report: 'daily', concentrations: { O3_1H_MAX: 210 } },
    { date: '2026-03-01', report: 'hourly', concentrations: { PM2_5_1H: 0 } },
  ])('accepts %j', (body) => {
    expect(aqiRequestSchema.safeParse(body).success).toBe(true);
  });

  it.each([
    [{ report: 'daily', concentrations: { FOO: 5 } }, '未知污染物代码 FOO'],
    [{ date: '2026-03-01', report: 'daily', concentrations: { O3_1H_MAX: 5 } }, '未知污染物代码 O3_1H_MAX'],
    [{ standard: 'HJ 633-2012', report: 'hourly', concentrations: { PM10_1H: 5 } }, '未知污染物代码 PM10_1H'],
    [{ report: 'daily', concentrations: { SO2_24H: -1 } }, '浓度不能为负'],
    [{ report: 'daily', concentrations: { SO2_24H: Number.NaN } }, '浓度必须是数值'],
    [{ report: 'daily', concentrations: { SO2_24H: Number.POSITIVE_INFINITY } }, '浓度必须是数值'],
    [{ report: 'daily', concentrations: { SO2_24H: '5' } }, '浓度必须是数值'],
    [{ report: 'daily', concentrations: {}, extra: 1 }, 'Unrecognized key'],
    [{ report: 'weekly', concentrations: {} }, 'Invalid option'],
    [{ report: 'daily', date: '2026-02-30', concentrations: {} }, 'YYYY-MM-DD'],
    [{ report: 'daily', date: '2026/03/01', concentrations: { SO2_24H: 1 } }, 'YYYY-MM-DD'],
    [{ report: 'monthly', concentrations: { FOO: 1 } }, 'Invalid option'],
    [{ standard: 'HJ 633-2016', report: 'daily', concentrations: {} }, 'Invalid option'],
  ])('rejects %j (%s)', (body, message) => {
    const result = aqiRequestSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(messages(result)).toContain(message);
  });

  it('accepts the result of computeAqi as a response', () => {
    const request = aqiRequestSchema.parse({ date: '2025-05-01', report: 'daily', concentrations: { PM2_5_24H: 80, O3_1H_MAX: 210 } });
    expect(aqiResponseSchema.safeParse(computeAqi(request)).success).toBe(true);
  });
});

describe('waterQualityRequestSchema', () => {
  it('accepts a valid request and its result', () => {
    const request = waterQualityRequestSchema.parse({ waterbody: 'lake', targetClass: 3, measurements: { TP: 0.05, TN: 1.2, pH: 7 } });
    expect(waterQualityResponseSchema.safeParse(computeWaterQuality(request)).success).toBe(true);
  });

  it.each([
    [{ waterbody: 'river', measurements: { Foo: 1 } }, '未知水质指标 Foo'],
    [{ waterbody: 'river', measurements: {} }, '至少需要一个监测指标'],
    [{ waterbody: 'river', measurements: { COD: -1 } }, '监测值不能为负'],
    [{ waterbody: 'river', measurements: { COD: Number.NaN } }, '监测值必须是数值'],
    [{ waterbody: 'river', measurements: { COD: '12' } }, '监测值必须是数值'],
    [{ waterbody: 'river', measurements: { pH: 15 } }, 'pH 应在 0–14'],
    [{ waterbody: 'river', measurements: { COD: 1 }, targetClass: 6 }, '目标水质类别应为 1–5'],
    [{ waterbody: 'river', measurements: { COD: 1 }, targetClass: 2.5 }, '目标水质类别应为 1–5'],
    [{ waterbody: 'sea', measurements: { COD: 1 } }, 'Invalid option'],
    [{ waterbody: 'river', measurements: { COD: 1 }, note: 'x' }, 'Unrecognized key'],
  ])('rejects %j (%s)', (body, message) => {
    const result = waterQualityRequestSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(messages(result)).toContain(message);
  });
});

describe('noiseRequestSchema', () => {
  it('accepts a valid request and its result', () => {
    const request = noiseRequestSchema.parse({ zone: '4a', leqDbA: 55.3, time: '22:00' });
    expect(noiseResponseSchema.safeParse(computeNoise(request)).success).toBe(true);
  });

  it.each([
    [{ zone: '1', leqDbA: 50 }, '需提供 period 或 time'],
    [{ zone: '1', leqDbA: 50, time: '24:00' }, 'HH:MM'],
    [{ zone: '4', leqDbA: 50, period: 'day' }, 'Invalid option'],
    [{ zone: '1', leqDbA: -1, period: 'day' }, '等效声级不能为负'],
    [{ zone: '1', leqDbA: Number.NaN, period: 'day' }, '等效声级必须是数值'],
    [{ zone: '1', leqDbA: '50', period: 'day' }, '等效声级必须是数值'],
    [{ zone: '1', leqDbA: 50, period: 'evening' }, 'Invalid option'],
    [{ zone: '1', leqDbA: 50, period: 'day', lmax: 70 }, 'Unrecognized key'],
  ])('rejects %j (%s)', (body, message) => {
    const result = noiseRequestSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(messages(result)).toContain(message);
  });
});
