import type { Actor } from '../../shared/actor';
import { invalid, notFound } from '../../shared/errors';
import { newId } from '../../platform/ids';
import type { Db } from '../../platform/db/types';
import { recordAudit } from '../audit';
import { resolveReadScope } from './access-service';
import { loadControlRuleSet, type LoadedRuleSet } from './control-rule-service';
import { pickStricterOutcome, sitingOutcomeLabels, type SitingOutcome } from './geo/control-rules';
import { parseFootprint, parseFootprintCollection } from './geo/footprint-input';
import type { FootprintGeometry } from './geo/geojson-schema';
import { checkSiting, type SitingIntersection, type SitingResult } from './geo/siting-rules';
import { describeSitingTrace } from './geo/siting-trace';
import { checkSitingBatch } from './geo/zone-index';
import { loadZoneIndex } from './redline-service';
import type {
  ListSitingChecksQuery, SitingBatchInput, SitingBatchItem, SitingBatchResult, SitingCheckInput, SitingCheckResult, SitingHistoryItem,
} from './siting-schema';
import { countSitingChecks, findSitingCheck, insertSitingCheck, selectSitingChecks, sitingFilters, type StoredSitingCheck } from './siting-store';

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

function presentIntersection(i: SitingIntersection) {
  return {
    ...i,
    overlapAreaM2: round(i.overlapAreaM2, 2),
    shareOfFootprint: round(i.shareOfFootprint, 6),
    lengthM: i.lengthM === null ? null : round(i.lengthM, 2),
    ruleOutcomeLabel: sitingOutcomeLabels[i.ruleOutcome],
  };
}

function presentResult(result: SitingResult) {
  return {
    verdict: result.verdict,
    footprint: { kind: result.footprint.kind, areaM2: round(result.footprint.areaM2, 2), lengthM: round(result.footprint.lengthM, 2) },
    intersections: result.intersections.map(presentIntersection),
    nearest: result.nearest ? { ...result.nearest, distanceM: round(result.nearest.distanceM, 1) } : null,
  };
}

function assertProjectType(rules: LoadedRuleSet, projectType: string, where = ''): string {
  const known = rules.set.projectTypes.find((p) => p.code === projectType);
  if (!known) {
    throw invalid('env.unknown_project_type', `${where}项目类型「${projectType}」未配置（可选：${rules.set.projectTypes.map((p) => p.code).join('、')}）`, {
      projectType, allowed: rules.set.projectTypes.map((p) => p.code),
    });
  }
  return known.label;
}

/** Check one footprint, keep it in the history (with an audit entry) and return the full result. */
export async function runSitingCheck(db: Db, options: { actor: Actor; input: SitingCheckInput }): Promise<SitingCheckResult> {
  const { actor, input } = options;
  const rules = await loadControlRuleSet(db);
  const projectTypeLabel = assertProjectType(rules, input.projectType);
  const footprint: FootprintGeometry = parseFootprint(input.footprint);
  const index = await loadZoneIndex(db);
  const result = checkSiting(index, footprint, input.projectType, rules.set);
  const id = newId();
  const body: Omit<SitingCheckResult, 'checkedAt'> = {
    id,
    projectName: input.projectName ?? null,
    projectType: input.projectType,
    projectTypeLabel,
    ...presentResult(result),
    verdictLabel: sitingOutcomeLabels[result.verdict],
    trace: result.trace as unknown as Record<string, unknown>[],
    traceText: describeSitingTrace(result, projectTypeLabel),
    ruleSetSource: rules.view.source,
    ruleSetNote: rules.view.note ?? null,
    checkedBy: actor.displayName,
  };
  return db.transaction(async (tx) => {
    const checkedAt = await insertSitingCheck(tx, {
      id, kind: 'single', projectName: body.projectName, projectType: input.projectType, footprint, verdict: result.verdict, itemCount: 1, result: body,
      orgUnitId: actor.orgUnitId, createdBy: actor.userId, createdByName: actor.displayName,
    });
    await recordAudit(tx, actor, {
      action: 'env.siting.check', entityType: 'env_siting_check', entityId: id, orgUnitId: actor.orgUnitId,
      summary: `选址核查「${body.projectName ?? projectTypeLabel}」：${body.verdictLabel}（相交管控区 ${result.intersections.length} 个）`,
      after: { verdict: result.verdict, zones: result.intersections.map((i) => i.code) },
    });
    return { ...body, checkedAt };
  });
}

/** Check many footprints (a FeatureCollection) in one go; the batch is kept in the history as one record. */
export async function runSitingBatch(db: Db, options: { actor: Actor; input: SitingBatchInput }): Promise<SitingBatchResult> {
  const { actor, input } = options;
  const rules = await loadControlRuleSet(db);
  const items = parseFootprintCollection(input.footprints);
  if (items.length === 0) throw invalid('env.empty_batch', '批量选址至少需要一个要素');
  if (items.length > 20_000) throw invalid('env.batch_too_large', '批量选址一次最多 20000 个要素', { count: items.length });
  const names = readNames(input.footprints);
  const typed = items.map((item, i) => {
    const projectType = item.projectType ?? input.projectType;
    if (!projectType) throw invalid('env.project_type_required', `要素 #${i + 1}（${item.id}）缺少项目类型 properties.projectType`, { feature: i + 1, id: item.id });
    assertProjectType(rules, projectType, `要素 #${i + 1}（${item.id}）：`);
    return { id: item.id, footprint: item.geometry, projectType };
  });
  const index = await loadZoneIndex(db);
  const batch = checkSitingBatch(index, typed, rules.set);
  const results: SitingBatchItem[] = batch.results.map((r, i) => ({ id: r.id, name: names[i] ?? null, projectType: r.projectType, ...presentResult(r) }));
  const verdict = results.map((r) => r.verdict).reduce<SitingOutcome>(pickStricterOutcome, 'allowed');
  const id = newId();
  return db.transaction(async (tx) => {
    const checkedAt = await insertSitingCheck(tx, {
      id, kind: 'batch', projectName: `批量选址核查（${results.length} 个项目）`, projectType: input.projectType ?? typed[0]?.projectType ?? '',
      footprint: null, verdict, itemCount: results.length, result: { summary: batch.summary, results }, orgUnitId: actor.orgUnitId,
      createdBy: actor.userId, createdByName: actor.displayName,
    });
    await recordAudit(tx, actor, {
      action: 'env.siting.batch', entityType: 'env_siting_check', entityId: id, orgUnitId: actor.orgUnitId,
      summary: `批量选址核查 ${results.length} 个：禁止 ${batch.summary.prohibited}，有条件 ${batch.summary.conditional}，允许 ${batch.summary.allowed}`,
      after: batch.summary,
    });
    return { id, summary: batch.summary, results, checkedAt };
  });
}

function readNames(input: unknown): (string | null)[] {
  const value = typeof input === 'string' ? (JSON.parse(input) as unknown) : input;
  const features = (value as { features?: { properties?: { name?: unknown } | null }[] }).features ?? [];
  return features.map((f) => (typeof f.properties?.name === 'string' ? f.properties.name : null));
}

export async function getSitingCheck(db: Db, options: { actor: Actor; id: string }): Promise<StoredSitingCheck> {
  const check = await findSitingCheck(db, options.id, await resolveReadScope(db, options.actor));
  if (!check) throw notFound('env.siting_check_not_found', '选址核查记录不存在或不在您的管辖范围内');
  return check;
}

/** The stored result of a single check (404 for a batch, whose results are fetched with getSitingBatch). */
export async function getSitingCheckResult(db: Db, options: { actor: Actor; id: string }): Promise<{ result: SitingCheckResult; footprint: unknown }> {
  const check = await getSitingCheck(db, options);
  if (check.kind !== 'single') throw notFound('env.siting_check_not_found', '该记录是批量核查，请查看批量结果');
  return { result: { ...(check.result as Omit<SitingCheckResult, 'checkedAt'>), checkedAt: check.createdAt }, footprint: check.footprint };
}

export async function getSitingBatch(db: Db, options: { actor: Actor; id: string }): Promise<SitingBatchResult> {
  const check = await getSitingCheck(db, options);
  if (check.kind !== 'batch') throw notFound('env.siting_check_not_found', '该记录不是批量核查');
  const stored = check.result as Pick<SitingBatchResult, 'summary' | 'results'>;
  return { id: check.id, summary: stored.summary, results: stored.results, checkedAt: check.createdAt };
}

export async function listSitingChecks(db: Db, options: { actor: Actor; query: ListSitingChecksQuery; timeZone: string }) {
  const { query } = options;
  const where = sitingFilters(query, await resolveReadScope(db, options.actor), options.timeZone);
  const [total, items] = await Promise.all([
    countSitingChecks(db, where),
    selectSitingChecks(db, where, { ascending: query.sort === 'createdAt', limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
  ]);
  return { items, total, page: query.page, pageSize: query.pageSize };
}

export async function* iterateSitingChecks(db: Db, options: { actor: Actor; query: Omit<ListSitingChecksQuery, 'page' | 'pageSize'>; timeZone: string }): AsyncGenerator<SitingHistoryItem> {
  const where = sitingFilters(options.query, await resolveReadScope(db, options.actor), options.timeZone);
  for (let offset = 0; ; offset += 2000) {
    const rows = await selectSitingChecks(db, where, { ascending: options.query.sort === 'createdAt', limit: 2000, offset });
    yield* rows;
    if (rows.length < 2000) return;
  }
}
