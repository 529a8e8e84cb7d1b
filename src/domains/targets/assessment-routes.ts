import { z } from 'zod';
import { requireActor } from '../../platform/http/access';
import { exportFileName, xlsxDownload, xlsxResponse } from '../../platform/http/responses';
import { defineRoute, idParamsSchema, jsonBody, okJson, pageSchema, type Router } from '../../platform/http/router';
import {
  computeScoresInputSchema,
  computeScoresResultSchema,
  createObjectionInputSchema,
  createSelfEvaluationInputSchema,
  listScoresQuerySchema,
  listSelfEvaluationsQuerySchema,
  objectionSchemaOut,
  openPublicityInputSchema,
  publicationSchemaOut,
  publishResultsInputSchema,
  rankingQuerySchema,
  rankingSchema,
  resolveObjectionInputSchema,
  reviewSelfEvaluationInputSchema,
  scorecardQuerySchema,
  scorecardSchema,
  selfEvaluationSchemaOut,
  unitScoreSchema,
  updateSelfEvaluationInputSchema,
} from './assessment-schema';
import { createSelfEvaluation, getSelfEvaluation, listSelfEvaluations, reviewSelfEvaluation, updateSelfEvaluation } from './evaluation-service';
import { peerGroupLabels } from './item-rules';
import { contextOf, manageAccess, readAccess, reportAccess, reviewAccess, tags } from './plan-routes';
import { createObjection, getObjection, listObjections, listPublications, openPublicity, publishResults, resolveObjection } from './publication-service';
import { computeScores, getRanking, getScorecard, listScores } from './scoring-service';

const publicationOut = (p: { id: string; planId: string; kind: 'publicity' | 'final'; startsOn: string; endsOn: string | null; publishedAt: string; snapshot: unknown }) => ({
  id: p.id,
  planId: p.planId,
  kind: p.kind,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  publishedAt: p.publishedAt,
  ranking: p.snapshot as z.infer<typeof rankingSchema>,
});

export function registerAssessmentRoutes(router: Router): void {
  // ---- self-evaluation and review ----

  router.openapi(
    defineRoute({ method: 'get', path: '/targets/plans/{id}/self-evaluations', tags, summary: '年终自评列表（reviewQueue=true 为本部门待审）', access: readAccess, request: { params: idParamsSchema, query: listSelfEvaluationsQuerySchema }, responses: okJson(pageSchema(selfEvaluationSchemaOut), '自评分页') }),
    async (c) => c.json(await listSelfEvaluations(c.var.db, { actor: requireActor(c.var.actor), planId: c.req.valid('param').id, query: c.req.valid('query') }), 200),
  );

  router.openapi(
    defineRoute({ method: 'post', path: '/targets/self-evaluations', tags, summary: '本单位一个考核事项的年终自评（附佐证材料）', access: reportAccess, request: { body: jsonBody(createSelfEvaluationInputSchema) }, responses: okJson(selfEvaluationSchemaOut, '已保存', 201) }),
    async (c) => c.json(await createSelfEvaluation(c.var.db, { ...contextOf(c), input: c.req.valid('json') }), 201),
  );

  router.openapi(
    defineRoute({ method: 'get', path: '/targets/self-evaluations/{id}', tags, summary: '自评详情（含审核记录）', access: readAccess, request: { params: idParamsSchema }, responses: okJson(selfEvaluationSchemaOut, '自评') }),
    async (c) => c.json(await getSelfEvaluation(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id }), 200),
  );

  router.openapi(
    defineRoute({ method: 'patch', path: '/targets/self-evaluations/{id}', tags, summary: '修改或报送自评（草稿或已退回时）', access: reportAccess, request: { params: idParamsSchema, body: jsonBody(updateSelfEvaluationInputSchema) }, responses: okJson(selfEvaluationSchemaOut, '已保存') }),
    async (c) => c.json(await updateSelfEvaluation(c.var.db, { ...contextOf(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
  );

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/targets/self-evaluations/{id}/reviews',
      tags,
      summary: '牵头部门审核自评：通过、调整（须填意见）或退回',
      access: reviewAccess,
      request: { params: idParamsSchema, body: jsonBody(reviewSelfEvaluationInputSchema) },
      responses: okJson(selfEvaluationSchemaOut, '已审核'),
    }),
    async (c) => c.json(await reviewSelfEvaluation(c.var.db, { ...contextOf(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
  );

  // ---- scoring, scorecard and ranking ----

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/targets/plans/{id}/scores',
      tags,
      summary: '计分：按规则计算各单位得分、等次与组内名次（平台指标实时计算并留存来源）',
      access: manageAccess,
      request: { params: idParamsSchema, body: jsonBody(computeScoresInputSchema) },
      responses: okJson(computeScoresResultSchema, '计分结果'),
    }),
    async (c) => c.json(await computeScores(c.var.db, { ...contextOf(c), planId: c.req.valid('param').id, registry: c.var.deps.metrics, ...c.req.valid('json') }), 200),
  );

  router.openapi(
    defineRoute({ method: 'get', path: '/targets/plans/{id}/scores', tags, summary: '各单位得分（withItems=true 含逐项得分）', access: readAccess, request: { params: idParamsSchema, query: listScoresQuerySchema }, responses: okJson(z.array(unitScoreSchema), '得分') }),
    async (c) => {
      const query = c.req.valid('query');
      return c.json(await listScores(c.var.db, { actor: requireActor(c.var.actor), planId: c.req.valid('param').id, withItems: query.withItems === 'true', ...(query.peerGroup ? { peerGroup: query.peerGroup } : {}) }), 200);
    },
  );

  router.openapi(
    defineRoute({ method: 'get', path: '/targets/plans/{id}/scores/export.xlsx', tags, summary: '导出考核得分表（逐项得分）', access: readAccess, request: { params: idParamsSchema, query: listScoresQuerySchema }, responses: xlsxResponse }),
    async (c) => {
      const query = c.req.valid('query');
      const scores = await listScores(c.var.db, { actor: requireActor(c.var.actor), planId: c.req.valid('param').id, withItems: true, ...(query.peerGroup ? { peerGroup: query.peerGroup } : {}) });
      const codes = [...new Map(scores.flatMap((s) => s.items ?? []).map((i) => [i.code, i.name])).entries()].sort(([a], [b]) => a.localeCompare(b));
      type Row = (typeof scores)[number];
      const itemScore = (row: Row, code: string) => {
        const item = row.items?.find((i) => i.code === code);
        if (!item) return null;
        if (item.effect === 'veto') return item.vetoTriggered ? '否决' : '—';
        return Number(item.effect === 'deduction' ? `-${item.score}` : item.score);
      };
      return xlsxDownload(exportFileName('考核得分表', c.var.deps.clock.now()), {
        sheetName: '得分表',
        columns: [
          { header: '组别', value: (s: Row) => peerGroupLabels[s.peerGroup].zh },
          { header: '名次', value: (s: Row) => s.rank },
          { header: '单位', value: (s: Row) => s.orgUnitName, width: 20 },
          ...codes.map(([code, name]) => ({ header: `${code} ${name}`, value: (s: Row) => itemScore(s, code), width: 12 })),
          { header: '指标得分', value: (s: Row) => Number(s.raw) },
          { header: '加分（封顶后）', value: (s: Row) => Number(s.bonusApplied) },
          { header: '扣分（封顶后）', value: (s: Row) => Number(s.deductionApplied) },
          { header: '总分', value: (s: Row) => Number(s.total) },
          { header: '等次', value: (s: Row) => s.grade },
          { header: '一票否决', value: (s: Row) => (s.vetoed ? s.vetoCodes.join('、') : '') },
        ],
        rows: (async function* () {
          yield* scores;
        })(),
      });
    },
  );

  router.openapi(
    defineRoute({ method: 'get', path: '/targets/plans/{id}/ranking', tags, summary: '分组排名与图表数据（单位在公示后可见）', access: readAccess, request: { params: idParamsSchema, query: rankingQuerySchema }, responses: okJson(rankingSchema, '排名') }),
    async (c) => c.json(await getRanking(c.var.db, { actor: requireActor(c.var.actor), planId: c.req.valid('param').id, ...c.req.valid('query') }), 200),
  );

  router.openapi(
    defineRoute({ method: 'get', path: '/targets/plans/{id}/ranking/export.xlsx', tags, summary: '导出排名表', access: readAccess, request: { params: idParamsSchema, query: rankingQuerySchema }, responses: xlsxResponse }),
    async (c) => {
      const ranking = await getRanking(c.var.db, { actor: requireActor(c.var.actor), planId: c.req.valid('param').id, ...c.req.valid('query') });
      const rows = ranking.groups.flatMap((g) => g.rows.map((r) => ({ ...r, group: g.label })));
      return xlsxDownload(exportFileName(`${ranking.year}年度考核排名`, c.var.deps.clock.now()), {
        sheetName: '排名',
        caption: `${ranking.title}${ranking.publication ? `（${ranking.publication.kind === 'final' ? '正式发布' : '公示'} ${ranking.publication.startsOn}）` : '（未公示）'}`,
        columns: [
          { header: '组别', value: (r) => r.group },
          { header: '名次', value: (r) => (r.isTied ? `${r.rank}（并列）` : r.rank) },
          { header: '单位', value: (r) => r.orgUnitName, width: 20 },
          { header: '指标得分', value: (r) => Number(r.raw) },
          { header: '加分', value: (r) => Number(r.bonusApplied) },
          { header: '扣分', value: (r) => Number(r.deductionApplied) },
          { header: '总分', value: (r) => Number(r.total) },
          { header: '等次', value: (r) => r.grade },
          { header: '一票否决', value: (r) => (r.vetoed ? r.vetoCodes.join('、') : '') },
        ],
        rows: (async function* () {
          yield* rows;
        })(),
      });
    },
  );

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/targets/units/{id}/scorecard',
      tags,
      summary: '单位考核记分卡：逐项规则说明、实时数值与来源、序时进度灯、审核与预估得分',
      access: readAccess,
      request: { params: idParamsSchema, query: scorecardQuerySchema },
      responses: okJson(scorecardSchema, '记分卡'),
    }),
    async (c) => c.json(await getScorecard(c.var.db, { ...contextOf(c), planUnitId: c.req.valid('param').id, registry: c.var.deps.metrics, ...c.req.valid('query') }), 200),
  );

  // ---- publicity, objections, publication ----

  router.openapi(
    defineRoute({ method: 'post', path: '/targets/plans/{id}/publicity', tags, summary: '公示考核结果并开始受理异议', access: manageAccess, request: { params: idParamsSchema, body: jsonBody(openPublicityInputSchema) }, responses: okJson(publicationSchemaOut, '已公示', 201) }),
    async (c) => c.json(publicationOut(await openPublicity(c.var.db, { ...contextOf(c), planId: c.req.valid('param').id, input: c.req.valid('json') })), 201),
  );

  router.openapi(
    defineRoute({ method: 'post', path: '/targets/plans/{id}/publication', tags, summary: '正式发布考核结果（公示期满且异议均已处理）', access: manageAccess, request: { params: idParamsSchema, body: jsonBody(publishResultsInputSchema) }, responses: okJson(publicationSchemaOut, '已发布', 201) }),
    async (c) => c.json(publicationOut(await publishResults(c.var.db, { ...contextOf(c), planId: c.req.valid('param').id, version: c.req.valid('json').version })), 201),
  );

  router.openapi(
    defineRoute({ method: 'get', path: '/targets/plans/{id}/publications', tags, summary: '公示与发布记录（含当时的排名）', access: readAccess, request: { params: idParamsSchema }, responses: okJson(z.array(publicationSchemaOut), '发布记录') }),
    async (c) => c.json(await listPublications(c.var.db, { actor: requireActor(c.var.actor), planId: c.req.valid('param').id }), 200),
  );

  router.openapi(
    defineRoute({ method: 'post', path: '/targets/plans/{id}/objections', tags, summary: '公示期内对本单位结果提出异议', access: reportAccess, request: { params: idParamsSchema, body: jsonBody(createObjectionInputSchema) }, responses: okJson(objectionSchemaOut, '已提出', 201) }),
    async (c) => c.json(await createObjection(c.var.db, { ...contextOf(c), planId: c.req.valid('param').id, input: c.req.valid('json') }), 201),
  );

  router.openapi(
    defineRoute({ method: 'get', path: '/targets/plans/{id}/objections', tags, summary: '异议列表', access: readAccess, request: { params: idParamsSchema }, responses: okJson(z.array(objectionSchemaOut), '异议') }),
    async (c) => c.json(await listObjections(c.var.db, { actor: requireActor(c.var.actor), planId: c.req.valid('param').id }), 200),
  );

  router.openapi(
    defineRoute({ method: 'get', path: '/targets/objections/{id}', tags, summary: '异议详情', access: readAccess, request: { params: idParamsSchema }, responses: okJson(objectionSchemaOut, '异议') }),
    async (c) => c.json(await getObjection(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id }), 200),
  );

  router.openapi(
    defineRoute({ method: 'post', path: '/targets/objections/{id}/resolution', tags, summary: '答复异议（采纳或不予采纳）', access: manageAccess, request: { params: idParamsSchema, body: jsonBody(resolveObjectionInputSchema) }, responses: okJson(objectionSchemaOut, '已答复') }),
    async (c) => c.json(await resolveObjection(c.var.db, { ...contextOf(c), id: c.req.valid('param').id, input: c.req.valid('json') }), 200),
  );
}
