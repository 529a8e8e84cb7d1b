/**
 * Helpers for this domain's route tests (not used by production code): org ids by code, indicator
 * definitions, a plan built through the API, evidence uploads.
 */
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { queryRows } from '../../platform/db/types';
import type { TestApp, TestClient } from '../../../test/support/create-test-app';

export async function orgIds(t: TestApp): Promise<Record<string, string>> {
  const rows = await queryRows<{ id: string; code: string }>(t.database.db, sql`SELECT id, code FROM org_units`);
  return Object.fromEntries(rows.map((r) => [r.code, r.id]));
}

const evidence = (maxFiles = 0) => ({ description: '证明材料', fileKinds: ['document', 'pdf', 'image'], maxFiles });

export function countTarget(code: string, lead: string, weight: string, target: string, extra: Record<string, unknown> = {}) {
  return { type: 'count_target', code, name: `数量指标${code}`, unitOfMeasure: '家', leadOrgUnitId: lead, evidence: evidence(), dataSource: { kind: 'reported' }, weight, target, shortfall: { mode: 'proportional' }, ...extra };
}

export function rateThreshold(code: string, lead: string, weight: string, threshold: string, extra: Record<string, unknown> = {}) {
  return { type: 'rate_threshold', code, name: `比率指标${code}`, unitOfMeasure: '%', leadOrgUnitId: lead, evidence: evidence(), dataSource: { kind: 'reported' }, weight, threshold, direction: 'higher_is_better', shortfall: { mode: 'slope', pointsPerPp: '0.5' }, ...extra };
}

export function task(code: string, lead: string, weight: string) {
  return { type: 'task', code, name: `任务${code}`, unitOfMeasure: '项', leadOrgUnitId: lead, evidence: evidence(), dataSource: { kind: 'reported' }, weight, partialPercent: '50' };
}

export function occurrences(type: 'bonus' | 'deduction', code: string, lead: string, points: string, cap: string, extra: Record<string, unknown> = {}) {
  return { type, code, name: `${type === 'bonus' ? '加分' : '扣分'}${code}`, unitOfMeasure: '项', leadOrgUnitId: lead, evidence: evidence(), dataSource: { kind: 'reported' }, pointsPerOccurrence: points, cap, ...extra };
}

export function veto(code: string, lead: string) {
  return { type: 'veto', code, name: `否决${code}`, unitOfMeasure: '起', leadOrgUnitId: lead, evidence: evidence(), dataSource: { kind: 'reported' }, condition: '发生重大质量安全事件' };
}

export type BuiltPlan = { planId: string; version: number; indicatorIds: Record<string, string>; assignmentIds: Record<string, string> };

/**
 * Creates a plan through the API as the office: indicators, then assignments given as
 * `{ indicatorCode, orgUnitId, ...overrides }`; published unless `publish: false`.
 * `assignmentIds` is keyed `CODE@orgUnitId`.
 */
export async function buildPlan(
  office: TestClient,
  options: { year: number; indicators: Array<Record<string, unknown>>; assignments: Array<{ code: string; orgUnitId: string } & Record<string, unknown>>; config?: Record<string, unknown>; publish?: boolean },
): Promise<BuiltPlan> {
  const created = await office.post('/api/v1/targets/plans', { year: options.year, title: `${options.year}年度测试计划`, ...(options.config ? { config: options.config } : {}) });
  expect(created.status, created.text).toBe(201);
  const planId = created.body.id as string;
  const indicatorIds: Record<string, string> = {};
  for (const definition of options.indicators) {
    const res = await office.post(`/api/v1/targets/plans/${planId}/indicators`, { definition });
    expect(res.status, res.text).toBe(201);
    indicatorIds[definition.code as string] = res.body.id;
  }
  const items = options.assignments.map(({ code, ...rest }) => ({ indicatorId: indicatorIds[code], ...rest }));
  const saved = await office.post(`/api/v1/targets/plans/${planId}/assignments/bulk`, { items });
  expect(saved.status, saved.text).toBe(200);
  let version = (await office.get(`/api/v1/targets/plans/${planId}`)).body.version as number;
  if (options.publish !== false) {
    const published = await office.post(`/api/v1/targets/plans/${planId}/transitions`, { action: 'publish', version });
    expect(published.status, published.text).toBe(200);
    version = published.body.plan.version;
  }
  const list = await office.get(`/api/v1/targets/plans/${planId}/assignments?pageSize=500`);
  const assignmentIds = Object.fromEntries((list.body.items as Array<{ id: string; indicatorCode: string; orgUnitId: string }>).map((a) => [`${a.indicatorCode}@${a.orgUnitId}`, a.id]));
  return { planId, version, indicatorIds, assignmentIds };
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

/** Uploads a tiny PNG as evidence (purpose 'evidence') and returns its file id. */
export async function uploadEvidence(client: TestClient, name = 'evidence.png'): Promise<string> {
  const boundary = `----qcity${Math.random().toString(16).slice(2)}`;
  const head = new TextEncoder().encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nevidence\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`,
  );
  const tail = new TextEncoder().encode(`\r\n--${boundary}--\r\n`);
  const body = new Uint8Array(head.length + PNG.length + tail.length);
  body.set(head, 0);
  body.set(PNG, head.length);
  body.set(tail, head.length + PNG.length);
  const res = await client.raw('POST', '/api/v1/files', body, `multipart/form-data; boundary=${boundary}`);
  expect(res.status, res.text).toBe(201);
  return res.body.id as string;
}
