import { requireActor } from '../../platform/http/access';
import { exportFileName, xlsxDownload, xlsxResponse } from '../../platform/http/responses';
import { defineRoute, idParamsSchema, jsonBody, okJson, type Router } from '../../platform/http/router';
import { todayOf } from './air-routes';
import {
  createNoiseMeasurementInputSchema, listNoiseQuerySchema, noiseComplianceQuerySchema, noiseComplianceSchema, noiseMeasurementSchema, noisePageSchema,
  updateNoiseMeasurementInputSchema, type NoiseMeasurement,
} from './noise-schema';
import {
  computeNoiseComplianceByPeriod, createNoiseMeasurement, getNoiseMeasurement, iterateNoiseMeasurements, listNoiseMeasurements, updateNoiseMeasurement,
} from './noise-service';
import { envManage, envRead } from './station-routes';
import {
  createWaterSampleInputSchema, listWaterSamplesQuerySchema, riverEvaluationListSchema, updateWaterSampleInputSchema, waterComplianceSchema,
  waterPeriodQuerySchema, waterSamplePageSchema, waterSampleSchema, type WaterSample,
} from './water-schema';
import { computeWaterCompliance, createWaterSample, evaluateRivers, getWaterSample, iterateWaterSamples, listWaterSamples, updateWaterSample } from './water-service';
import { waterFactorDefinitions, waterFactors } from './water-tables';

const waterTags = ['地表水 Surface water'];
const noiseTags = ['声环境 Noise'];

const bool = (v: boolean | null) => (v === null ? null : v ? '是' : '否');

export function registerWaterRoutes(router: Router): void {
  router.openapi(
    defineRoute({ method: 'get', path: '/environment/water/samples', tags: waterTags, summary: '水质采样记录', access: envRead, request: { query: listWaterSamplesQuerySchema }, responses: okJson(waterSamplePageSchema, '分页') }),
    async (c) => c.json(await listWaterSamples(c.var.db, { actor: requireActor(c.var.actor), query: c.req.valid('query') }), 200),
  );
  router.openapi(
    defineRoute({ method: 'get', path: '/environment/water/samples/export.xlsx', tags: waterTags, summary: '导出水质采样记录', access: envRead, request: { query: listWaterSamplesQuerySchema }, responses: xlsxResponse }),
    async (c) => {
      const { page: _p, pageSize: _s, ...query } = c.req.valid('query');
      return xlsxDownload<WaterSample>(exportFileName('水质采样记录', c.var.deps.clock.now()), {
        sheetName: '水质采样',
        columns: [
          { header: '断面编码', value: (w) => w.stationCode },
          { header: '断面名称', value: (w) => w.stationName, width: 24 },
          { header: '河流（湖库）', value: (w) => w.riverName },
          { header: '采样日期', value: (w) => w.sampledOn },
          { header: '水质类别', value: (w) => w.sectionClassLabel },
          { header: '定性评价', value: (w) => w.qualitative },
          { header: '目标类别', value: (w) => w.targetClass },
          { header: '是否达标', value: (w) => bool(w.meetsTarget) },
          { header: '主要污染指标', value: (w) => w.mainPollutionIndicators.map((f) => waterFactorDefinitions[f].name).join('、') },
          ...waterFactors.map((f) => ({ header: `${waterFactorDefinitions[f].name} (${waterFactorDefinitions[f].unit})`, value: (w: WaterSample) => w.measurements[f] ?? null })),
        ],
        rows: iterateWaterSamples(c.var.db, { actor: requireActor(c.var.actor), query }),
      });
    },
  );
  router.openapi(
    defineRoute({ method: 'get', path: '/environment/water/samples/{id}', tags: waterTags, summary: '水质采样详情（含评价）', access: envRead, request: { params: idParamsSchema }, responses: okJson(waterSampleSchema, '采样') }),
    async (c) => c.json(await getWaterSample(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id }), 200),
  );
  router.openapi(
    defineRoute({ method: 'post', path: '/environment/water/samples', tags: waterTags, summary: '录入水质采样（自动评价类别、主要污染指标、目标达标）', access: envManage, request: { body: jsonBody(createWaterSampleInputSchema) }, responses: okJson(waterSampleSchema, '已录入', 201) }),
    async (c) => c.json(await createWaterSample(c.var.db, { actor: requireActor(c.var.actor), input: c.req.valid('json'), today: todayOf(c) }), 201),
  );
  router.openapi(
    defineRoute({ method: 'patch', path: '/environment/water/samples/{id}', tags: waterTags, summary: '修改水质采样', access: envManage, request: { params: idParamsSchema, body: jsonBody(updateWaterSampleInputSchema) }, responses: okJson(waterSampleSchema, '已修改') }),
    async (c) => c.json(await updateWaterSample(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id, input: c.req.valid('json'), today: todayOf(c) }), 200),
  );
  router.openapi(
    defineRoute({ method: 'get', path: '/environment/water/compliance', tags: waterTags, summary: '水质达标率、优良（Ⅰ–Ⅲ类）与劣Ⅴ类比例（按月 / 季 / 年）', access: envRead, request: { query: waterPeriodQuerySchema }, responses: okJson(waterComplianceSchema, '统计') }),
    async (c) => c.json(await computeWaterCompliance(c.var.db, { actor: requireActor(c.var.actor), query: c.req.valid('query'), today: todayOf(c) }), 200),
  );
  router.openapi(
    defineRoute({ method: 'get', path: '/environment/water/rivers', tags: waterTags, summary: '河流（湖库）水质评价', access: envRead, request: { query: waterPeriodQuerySchema.omit({ groupBy: true }) }, responses: okJson(riverEvaluationListSchema, '评价') }),
    async (c) => c.json(await evaluateRivers(c.var.db, { actor: requireActor(c.var.actor), query: c.req.valid('query'), today: todayOf(c) }), 200),
  );
}

export function registerNoiseRoutes(router: Router): void {
  router.openapi(
    defineRoute({ method: 'get', path: '/environment/noise/measurements', tags: noiseTags, summary: '噪声监测记录', access: envRead, request: { query: listNoiseQuerySchema }, responses: okJson(noisePageSchema, '分页') }),
    async (c) => c.json(await listNoiseMeasurements(c.var.db, { actor: requireActor(c.var.actor), query: c.req.valid('query') }), 200),
  );
  router.openapi(
    defineRoute({ method: 'get', path: '/environment/noise/measurements/export.xlsx', tags: noiseTags, summary: '导出噪声监测记录', access: envRead, request: { query: listNoiseQuerySchema }, responses: xlsxResponse }),
    async (c) => {
      const { page: _p, pageSize: _s, ...query } = c.req.valid('query');
      return xlsxDownload<NoiseMeasurement>(exportFileName('噪声监测记录', c.var.deps.clock.now()), {
        sheetName: '噪声监测',
        columns: [
          { header: '点位编码', value: (m) => m.stationCode },
          { header: '点位名称', value: (m) => m.stationName, width: 24 },
          { header: '监测日期', value: (m) => m.measuredOn },
          { header: '功能区', value: (m) => `${m.zone} 类` },
          { header: '昼间 Leq dB(A)', value: (m) => m.dayLeq },
          { header: '昼间限值', value: (m) => m.dayLimit },
          { header: '昼间达标', value: (m) => bool(m.dayCompliant) },
          { header: '夜间 Leq dB(A)', value: (m) => m.nightLeq },
          { header: '夜间限值', value: (m) => m.nightLimit },
          { header: '夜间达标', value: (m) => bool(m.nightCompliant) },
          { header: '夜间 Lmax dB(A)', value: (m) => m.nightLmax },
        ],
        rows: iterateNoiseMeasurements(c.var.db, { actor: requireActor(c.var.actor), query }),
      });
    },
  );
  router.openapi(
    defineRoute({ method: 'get', path: '/environment/noise/measurements/{id}', tags: noiseTags, summary: '噪声监测详情', access: envRead, request: { params: idParamsSchema }, responses: okJson(noiseMeasurementSchema, '记录') }),
    async (c) => c.json(await getNoiseMeasurement(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id }), 200),
  );
  router.openapi(
    defineRoute({ method: 'post', path: '/environment/noise/measurements', tags: noiseTags, summary: '录入噪声监测（按点位功能区判定昼夜达标）', access: envManage, request: { body: jsonBody(createNoiseMeasurementInputSchema) }, responses: okJson(noiseMeasurementSchema, '已录入', 201) }),
    async (c) => c.json(await createNoiseMeasurement(c.var.db, { actor: requireActor(c.var.actor), input: c.req.valid('json'), today: todayOf(c) }), 201),
  );
  router.openapi(
    defineRoute({ method: 'patch', path: '/environment/noise/measurements/{id}', tags: noiseTags, summary: '修改噪声监测', access: envManage, request: { params: idParamsSchema, body: jsonBody(updateNoiseMeasurementInputSchema) }, responses: okJson(noiseMeasurementSchema, '已修改') }),
    async (c) => c.json(await updateNoiseMeasurement(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id, input: c.req.valid('json'), today: todayOf(c) }), 200),
  );
  router.openapi(
    defineRoute({ method: 'get', path: '/environment/noise/compliance', tags: noiseTags, summary: '功能区声环境达标率（昼 / 夜，按功能区类别与期间）', access: envRead, request: { query: noiseComplianceQuerySchema }, responses: okJson(noiseComplianceSchema, '统计') }),
    async (c) => c.json(await computeNoiseComplianceByPeriod(c.var.db, { actor: requireActor(c.var.actor), query: c.req.valid('query'), today: todayOf(c) }), 200),
  );
}
