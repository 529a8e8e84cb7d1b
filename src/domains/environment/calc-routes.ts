import type { z } from 'zod';
import { invalid } from '../../shared/errors';
import { summariseIssues } from '../../platform/http/on-error';
import { defineRoute, jsonBody, okJson, type Router } from '../../platform/http/router';
import { computeAqi } from './aqi-rules';
import {
  aqiRequestSchema, aqiResponseSchema, noiseRequestSchema, noiseResponseSchema, waterQualityRequestSchema, waterQualityResponseSchema,
} from './calc-schema';
import { computeNoise } from './noise-rules';
import { computeWaterQuality } from './water-rules';

/**
 * The public calculators of product.md §4. Validation failures carry a specific code:
 * `env.unknown_pollutant`, `env.unknown_water_factor`, `env.invalid_concentration`,
 * `env.invalid_measurement`, `env.invalid_noise_level`, else `request.invalid`.
 */
const tags = ['计算器 Calculators'];

type ValueField = 'concentrations' | 'measurements' | 'leqDbA';
const valueCodes: Record<ValueField, string> = {
  concentrations: 'env.invalid_concentration',
  measurements: 'env.invalid_measurement',
  leqDbA: 'env.invalid_noise_level',
};

export function calcValidationHook(result: { success: true } | { success: false; error: z.ZodError }): undefined {
  if (result.success) return undefined;
  const issues = summariseIssues(result.error);
  let code = 'request.invalid';
  for (const issue of result.error.issues) {
    const named = (issue as { params?: { code?: unknown } }).params?.code;
    if (typeof named === 'string') {
      code = named;
      break;
    }
    const field = issue.path[0] as ValueField | undefined;
    if (field && field in valueCodes && issue.path.length >= (field === 'leqDbA' ? 1 : 2)) {
      code = valueCodes[field];
      break;
    }
  }
  const first = result.error.issues[0];
  throw invalid(code, first ? `${first.path.map(String).join('.') || '请求'}：${first.message}` : '请求参数不合法', { issues });
}

export function registerCalcRoutes(router: Router): void {
  router.openapi(
    defineRoute({
      method: 'post',
      path: '/calc/aqi',
      tags,
      summary: '空气质量指数计算（HJ 633-2012 / HJ 633-2026）',
      access: { public: true },
      request: { body: jsonBody(aqiRequestSchema) },
      responses: okJson(aqiResponseSchema, 'AQI、分指数、级别、类别、颜色、首要污染物'),
    }),
    async (c) => c.json(computeAqi(c.req.valid('json')), 200),
    calcValidationHook,
  );

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/calc/water-quality',
      tags,
      summary: '地表水单因子评价（GB 3838-2002）',
      access: { public: true },
      request: { body: jsonBody(waterQualityRequestSchema) },
      responses: okJson(waterQualityResponseSchema, '各指标类别、断面类别、定性评价、主要污染指标、目标达标'),
    }),
    async (c) => c.json(computeWaterQuality(c.req.valid('json')), 200),
    calcValidationHook,
  );

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/calc/noise',
      tags,
      summary: '声环境功能区达标判定（GB 3096-2008）',
      access: { public: true },
      request: { body: jsonBody(noiseRequestSchema) },
      responses: okJson(noiseResponseSchema, '时段、限值、是否达标、超标量'),
    }),
    async (c) => c.json(computeNoise(c.req.valid('json')), 200),
    calcValidationHook,
  );
}
