import type { Actor } from '../../shared/actor';
import { conflict, invalid, notFound } from '../../shared/errors';
import type { Db } from '../../platform/db/types';
import { newId } from '../../platform/ids';

import { recordAudit } from '../audit';
import { getVisibleItem } from './assignment-service';

import { assertOwnItem, assertReviewer } from './evaluation-service';

import { assertActualFits, describeActual, effectiveDefinition, expectsPeriodicReport } from './item-rules';
import { findItem, itemListFilters, selectItems, type ItemRecord } from './item-store';
import { findPeriodByKey, lockPlan, selectPeriods } from './plan-store';
import type { CreateProgressReportInput, ListProgressReportsQuery, ProgressReportView, ReportingRates, ReviewProgressReportInput, UpdateProgressReportInput } from './progress-schema';
import {
  countProgressReports,
  findProgressReport,
  insertProgressReports,
  reportListFilters,
  reviewProgressReportRow,
  selectProgressReports,
  selectSubmissionTimes,
  updateProgressReportRow,
  type NewReport,
  type ProgressReportRecord,
} from './progress-store';
import type { PeerGroup } from './plan-schema';
import { classifyReportTimeliness, reportingRate, type Timeliness } from './reporting-rules';

import { assertEvidence, describeEvidence, getVisiblePlan, staleVersion, today, type TargetsContext, localDayOf } from './service-support';

import { viewerOf } from './visibility';
import { nextReportStatus } from './workflow-rules';
import { toDayNumber } from './local-date';

export async function toReportViews(db: Db, actor: Actor, records: ProgressReportRecord[], day: string, timeZone: string): Promise<ProgressReportView[]> {
  const evidence = await describeEvidence(db, actor, records.flatMap((r) => r.evidenceFileIds));
  const items = new Map<string, ItemRecord>();
  const views: ProgressReportView[] = [];
  for (const r of records) {
    if (!items.has(r.assignmentId)) items.set(r.assignmentId, (await findItem(db, r.assignmentId)) as ItemRecord);
    const item = items.get(r.assignmentId) as ItemRecord;
    const def = effectiveDefinition(item.definition, item.orgUnitId, item.overrides);
    views.push({
      id: r.id,
      planId: r.planId,
      periodId: r.periodId,
      periodKey: r.periodKey,
      periodLabel: r.periodLabel,
      deadline: r.deadline,
      assignmentId: r.assignmentId,
      indicatorId: r.indicatorId,
      indicatorCode: r.indicatorCode,
      indicatorName: r.indicatorName,
      orgUnitId: r.orgUnitId,
      orgUnitName: r.orgUnitName,
      actual: r.actual,
      actualText: describeActual(def, r.actual),
      note: r.note,
      evidence: r.evidenceFileIds.map((id) => evidence.get(id) ?? { id, fileName: null, sizeBytes: null }),
      status: r.status,
      timeliness: classifyReportTimeliness(r.firstSubmittedAt ? localDayOf(r.firstSubmittedAt, timeZone) : null, r.deadline, day),
      firstSubmittedAt: r.firstSubmittedAt,
      submittedAt: r.submittedAt,
      submittedByName: r.submittedByName,
      reviewedAt: r.reviewedAt,
      reviewedByName: r.reviewedByName,
      reviewComment: r.reviewComment,
      version: r.version,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    });
  }
  return views;
}

export async function listProgressReports(db: Db, ctx: TargetsContext & { planId: string; query: ListProgressReportsQuery }): Promise<{ items: ProgressReportView[]; total: number; page: number; pageSize: number }> {
  const { query } = ctx;
  const plan = await getVisiblePlan(db, ctx.actor, ctx.planId);
  const where = reportListFilters(plan.id, query, viewerOf(ctx.actor));
  const [total, records] = await Promise.all([countProgressReports(db, where), selectProgressReports(db, where, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize })]);
  return { items: await toReportViews(db, ctx.actor, records, today(ctx), ctx.timeZone), total, page: query.page, pageSize: query.pageSize };
}

export async function getProgressReport(db: Db, ctx: TargetsContext & { id: string }): Promise<ProgressReportView> {
  const record = await findProgressReport(db, ctx.id, viewerOf(ctx.actor));
  if (!record) throw notFound('targets.report_not_found', '报送记录不存在或您无权查看');
  return (await toReportViews(db, ctx.actor, [record], today(ctx), ctx.timeZone))[0] as ProgressReportView;
}

async function assertReportingOpen(tx: Db, planId: string): Promise<void> {
  const plan = await lockPlan(tx, planId);
  if (!plan || plan.status !== 'published') throw conflict('targets.plan_not_published', '计划未发布或已关闭，不能报送进度');
}

/** A unit reports the cumulative value to date of one of its own items for a period that has started. */
export async function createProgressReport(db: Db, ctx: TargetsContext & { input: CreateProgressReportInput }): Promise<ProgressReportView> {
  const { actor, input } = ctx;
  const item = await getVisibleItem(db, actor, input.assignmentId);
  assertOwnItem(actor, item);
  const def = effectiveDefinition(item.definition, item.orgUnitId, item.overrides);
  if (def.dataSource.kind === 'metric') throw invalid('targets.metric_bound', '此项数值由平台自动采集，无需报送');
  assertActualFits(def, input.actual);
  const period = await findPeriodByKey(db, item.planId, input.periodKey);
  if (!period) throw invalid('targets.unknown_period', `本计划没有报送期 ${input.periodKey}`);
  if (toDayNumber(today(ctx)) < toDayNumber(period.startsOn)) throw invalid('targets.period_not_started', `${period.label}尚未开始，不能报送`);
  await assertEvidence(db, actor, def, input.evidenceFileIds);
  const id = newId();
  return db.transaction(async (tx) => {
    await assertReportingOpen(tx, item.planId);
    const report: NewReport = {
      id,
      planId: item.planId,
      periodId: period.id,
      assignmentId: item.id,
      indicatorId: item.indicatorId,
      orgUnitId: item.orgUnitId,
      actual: input.actual,
      note: input.note ?? null,
      evidenceFileIds: input.evidenceFileIds,
      status: input.submit ? 'submitted' : 'draft',
      submittedAt: input.submit ? ctx.now : null,
      submittedBy: input.submit ? actor.userId : null,
      createdBy: actor.userId,
    };
    await insertProgressReports(tx, [report]);
    await recordAudit(tx, actor, {
      action: input.submit ? 'targets.progress_report.submit' : 'targets.progress_report.create',
      entityType: 'targets_progress_report',
      entityId: id,
      orgUnitId: item.orgUnitId,
      summary: `「${item.orgUnitName}」${input.submit ? '报送' : '保存'}${period.label}指标 ${def.code} 进度：${describeActual(def, input.actual)}`,
      after: { periodKey: period.key, actual: input.actual, evidenceFileIds: input.evidenceFileIds, status: report.status },
    });
    return (await toReportViews(tx, actor, [(await findProgressReport(tx, id)) as ProgressReportRecord], today(ctx), ctx.timeZone))[0] as ProgressReportView;
  });
}

export async function updateProgressReport(db: Db, ctx: TargetsContext & { id: string; input: UpdateProgressReportInput }): Promise<ProgressReportView> {
  const { actor, input } = ctx;
  const record = await findProgressReport(db, ctx.id, viewerOf(actor));
  if (!record) throw notFound('targets.report_not_found', '报送记录不存在或您无权查看');
  const item = (await findItem(db, record.assignmentId)) as ItemRecord;
  assertOwnItem(actor, item);
  if (record.status !== 'draft' && record.status !== 'returned') throw conflict('targets.report_locked', '已报送的进度在审核前不能修改');
  const def = effectiveDefinition(item.definition, item.orgUnitId, item.overrides);
  const actual = input.actual ?? record.actual;
  assertActualFits(def, actual);
  const evidence = input.evidenceFileIds ?? record.evidenceFileIds;
  if (input.evidenceFileIds) await assertEvidence(db, actor, def, evidence);
  const status = input.submit ? nextReportStatus(record.status, 'submit') : record.status;
  return db.transaction(async (tx) => {
    await assertReportingOpen(tx, item.planId);
    const ok = await updateProgressReportRow(tx, record.id, input.version, {
      actual,
      note: input.note === undefined ? record.note : input.note,
      evidenceFileIds: evidence,
      status,
      submittedAt: input.submit ? ctx.now : null,
      submittedBy: input.submit ? actor.userId : null,
    });
    if (!ok) staleVersion('报送记录');
    await recordAudit(tx, actor, {
      action: input.submit ? 'targets.progress_report.submit' : 'targets.progress_report.update',
      entityType: 'targets_progress_report',
      entityId: record.id,
      orgUnitId: item.orgUnitId,
      summary: `「${item.orgUnitName}」${input.submit ? '报送' : '修改'}${record.periodLabel}指标 ${def.code} 进度：${describeActual(def, actual)}`,
      before: { actual: record.actual, status: record.status },
      after: { actual, status },
    });
    return (await toReportViews(tx, actor, [(await findProgressReport(tx, record.id)) as ProgressReportRecord], today(ctx), ctx.timeZone))[0] as ProgressReportView;
  });
}

/** The lead department accepts a submitted progress report or returns it with a comment. */
export async function reviewProgressReport(db: Db, ctx: TargetsContext & { id: string; input: ReviewProgressReportInput }): Promise<ProgressReportView> {
  const { actor, input } = ctx;
  const record = await findProgressReport(db, ctx.id, viewerOf(actor));
  if (!record) throw notFound('targets.report_not_found', '报送记录不存在或您无权查看');
  const item = (await findItem(db, record.assignmentId)) as ItemRecord;
  assertReviewer(actor, item);
  const status = nextReportStatus(record.status, input.decision);
  return db.transaction(async (tx) => {
    if (!(await reviewProgressReportRow(tx, record.id, input.version, { status, at: ctx.now, by: actor.userId, comment: input.comment ?? null }))) staleVersion('报送记录');
    await recordAudit(tx, actor, {
      action: `targets.progress_report.${input.decision}`,
      entityType: 'targets_progress_report',
      entityId: record.id,
      orgUnitId: item.orgUnitId,
      summary: `${input.decision === 'accept' ? '审核通过' : '退回'}「${item.orgUnitName}」${record.periodLabel}指标 ${item.definition.code} 的进度报送${input.comment ? `：${input.comment}` : ''}`,
      before: { status: record.status },
      after: { status, comment: input.comment ?? null },
    });
    return (await toReportViews(tx, actor, [(await findProgressReport(tx, record.id)) as ProgressReportRecord], today(ctx), ctx.timeZone))[0] as ProgressReportView;
  });
}

// ---- reporting rate and timeliness ----

export type ItemTimeliness = { item: ItemRecord; periodId: string; periodKey: string; deadline: string; status: Timeliness };

/** Timeliness of every item that must be reported, for every period that has started by `day`. */
export async function listItemTimeliness(db: Db, options: { planId: string; items: ItemRecord[]; day: string; timeZone: string; periodKey?: string }): Promise<ItemTimeliness[]> {
  const [periods, submissions] = await Promise.all([selectPeriods(db, options.planId), selectSubmissionTimes(db, options.planId)]);
  const result: ItemTimeliness[] = [];
  for (const period of periods) {
    if (options.periodKey ? period.key !== options.periodKey : toDayNumber(period.startsOn) > toDayNumber(options.day)) continue;
    for (const item of options.items) {
      if (!expectsPeriodicReport(item.definition)) continue;
      const submitted = submissions.get(`${item.id}:${period.id}`) ?? null;
      const status = classifyReportTimeliness(submitted ? localDayOf(submitted, options.timeZone) : null, period.deadline, options.day);
      result.push({ item, periodId: period.id, periodKey: period.key, deadline: period.deadline, status });
    }
  }
  return result;
}

export async function getReportingRates(db: Db, ctx: TargetsContext & { planId: string; periodKey?: string; peerGroup?: PeerGroup; asOf?: string }): Promise<ReportingRates> {
  const plan = await getVisiblePlan(db, ctx.actor, ctx.planId);
  const day = ctx.asOf ?? today(ctx);
  const items = await selectItems(db, plan.id, itemListFilters({ ...(ctx.peerGroup ? { peerGroup: ctx.peerGroup } : {}) }, viewerOf(ctx.actor)));
  const rows = await listItemTimeliness(db, { planId: plan.id, items, day, timeZone: ctx.timeZone, ...(ctx.periodKey ? { periodKey: ctx.periodKey } : {}) });
  const byUnit = new Map<string, { item: ItemRecord; statuses: Timeliness[] }>();
  for (const row of rows) {
    const entry = byUnit.get(row.item.planUnitId) ?? { item: row.item, statuses: [] };
    entry.statuses.push(row.status);
    byUnit.set(row.item.planUnitId, entry);
  }
  const units = [...new Map(items.map((i) => [i.planUnitId, i])).values()].map((item) => {
    const statuses = byUnit.get(item.planUnitId)?.statuses ?? [];
    return { planUnitId: item.planUnitId, orgUnitId: item.orgUnitId, orgUnitName: item.orgUnitName, peerGroup: item.peerGroup, ...reportingRate(statuses) };
  });
  units.sort((a, b) => a.peerGroup.localeCompare(b.peerGroup) || a.orgUnitName.localeCompare(b.orgUnitName, 'zh'));
  const byPeriod = new Map<string, { deadline: string; statuses: Timeliness[] }>();
  for (const row of rows) {
    const entry = byPeriod.get(row.periodKey) ?? { deadline: row.deadline, statuses: [] };
    entry.statuses.push(row.status);
    byPeriod.set(row.periodKey, entry);
  }
  const periods = [...byPeriod].map(([periodKey, entry]) => ({ periodKey, deadline: entry.deadline, ...reportingRate(entry.statuses) }));
  return { planId: plan.id, asOf: day, periodKey: ctx.periodKey ?? null, overall: reportingRate(rows.map((r) => r.status)), units, periods };
}
