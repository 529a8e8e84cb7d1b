import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../../platform/db/types';
import { scopeUnitsSql, type MetricScope } from '../../../platform/metrics';
import { newId } from '../../../platform/ids';
import type { InspectionConclusion, InspectionKind, InspectionResult, RegistrationStatus, SafetyGrade } from './enums';
import type { InspectionTrack, RuleConfidence } from './inspection-rule-types';
import type { ObligationClose, ObligationOpen, OpenObligation, PlanDevice, TrackInspection } from './obligation-rules';
import { toTextArray } from './device-store';

/**
 * What the obligation planner needs per device, loaded for many devices in three queries, and the
 * plan's writes applied set-based (jsonb_to_recordset), so one device and a whole rule change go
 * through the same code.
 */
export type PlanningInput = {
  device: PlanDevice & { id: string };
  lastByTrack: Map<InspectionTrack, TrackInspection>;
  open: OpenObligation[];
  lastInspection: { date: string; conclusion: InspectionConclusion } | null;
};

type DeviceRow = {
  id: string;
  status: RegistrationStatus;
  category_code: string;
  kind_code: string | null;
  variety_code: string | null;
  safety_grade: number | null;
  commissioning_date: string | null;
  install_supervision_date: string | null;
  schedule_rebased_on: string | null;
  params: Record<string, unknown>;
};

type InspectionRow = {
  id: string;
  device_id: string;
  track: InspectionTrack;
  kind: InspectionKind;
  inspected_on: string;
  result: InspectionResult;
  conclusion: InspectionConclusion;
  safety_grade: number | null;
  period_months: number | null;
  seq: number;
};

type OpenRow = { id: string; device_id: string; track: InspectionTrack; obligation: OpenObligation['obligation']; due_on: string; rule_id: string; based_on_inspection_id: string | null; based_on_date: string | null };

function attributesOf(params: Record<string, unknown>): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const [k, v] of Object.entries(params)) if (typeof v === 'string' || typeof v === 'boolean') out[k] = v;
  return out;
}

export async function loadPlanningInputs(db: Db, deviceIds: readonly string[], options: { lock?: boolean } = {}): Promise<PlanningInput[]> {
  if (deviceIds.length === 0) return [];
  const ids = toTextArray(deviceIds);
  const devices = await queryRows<DeviceRow>(
    db,
    sql`SELECT id, status, category_code, kind_code, variety_code, safety_grade, commissioning_date::text, install_supervision_date::text,
               schedule_rebased_on::text, params
        FROM equipment_devices WHERE id = ANY(${ids}::uuid[]) ORDER BY id ${options.lock ? sql`FOR UPDATE` : sql``}`,
  );
  const inspections = await queryRows<InspectionRow>(
    db,
    sql`SELECT DISTINCT ON (device_id, track) id, device_id, track, kind, inspected_on::text, result, conclusion, safety_grade, period_months,
               count(*) OVER (PARTITION BY device_id, track)::int AS seq
        FROM equipment_inspections WHERE device_id = ANY(${ids}::uuid[])
        ORDER BY device_id, track, inspected_on DESC, created_at DESC, id DESC`,
  );
  const open = await queryRows<OpenRow>(
    db,
    sql`SELECT id, device_id, track, obligation, due_on::text, rule_id, based_on_inspection_id, based_on_date::text
        FROM equipment_obligations WHERE state = 'open' AND device_id = ANY(${ids}::uuid[])`,
  );
  const byDevice = new Map<string, PlanningInput>();
  for (const d of devices) {
    byDevice.set(d.id, {
      device: {
        id: d.id,
        status: d.status,
        category: d.category_code,
        kind: d.kind_code,
        variety: d.variety_code,
        safetyGrade: d.safety_grade === null ? null : (Number(d.safety_grade) as SafetyGrade),
        commissionedOn: d.commissioning_date ?? d.install_supervision_date,
        scheduleBaseOn: d.category_code === '3000' ? d.install_supervision_date : null,
        scheduleRebasedOn: d.schedule_rebased_on,
        attributes: attributesOf(d.params ?? {}),
      },
      lastByTrack: new Map(),
      open: [],
      lastInspection: null,
    });
  }
  for (const i of inspections) {
    const input = byDevice.get(i.device_id);
    if (!input) continue;
    input.lastByTrack.set(i.track, {
      id: i.id,
      date: i.inspected_on,
      result: i.result,
      kind: i.kind,
      ...(i.safety_grade === null ? {} : { safetyGrade: Number(i.safety_grade) as SafetyGrade }),
      ...(i.period_months === null ? {} : { periodMonths: i.period_months }),
      sequenceNo: i.seq,
    });
    if (!input.lastInspection || i.inspected_on > input.lastInspection.date) input.lastInspection = { date: i.inspected_on, conclusion: i.conclusion };
  }
  for (const o of open) {
    byDevice.get(o.device_id)?.open.push({
      id: o.id,
      track: o.track,
      obligation: o.obligation,
      dueOn: o.due_on,
      ruleId: o.rule_id,
      basedOnInspectionId: o.based_on_inspection_id,
      basedOnDate: o.based_on_date,
    });
  }
  return [...byDevice.values()];
}

export type DeviceDueUpdate = {
  id: string;
  nextDueOn: string | null;
  nextDueMonth: string | null;
  nextDueTrack: InspectionTrack | null;
  nextObligation: string | null;
  nextDueRuleId: string | null;
  mustStop: boolean;
  hasRuleGap: boolean;
  lastInspectedOn: string | null;
  lastConclusion: InspectionConclusion | null;
  safetyGrade: SafetyGrade | null | undefined;
};

export type NewObligation = ObligationOpen & { deviceId: string; confidence: RuleConfidence };

const CHUNK = 2000;

/** Applies the planner's writes: close old obligations, open new ones, refresh the devices' due fields. */
export async function applyObligationPlans(db: Db, plans: { close: ObligationClose[]; open: NewObligation[]; devices: DeviceDueUpdate[] }): Promise<void> {
  for (let i = 0; i < plans.close.length; i += CHUNK) {
    const chunk = plans.close.slice(i, i + CHUNK).map((c) => ({ id: c.id, st: c.state, co: c.closedOn, sb: c.satisfiedByInspectionId, vr: c.voidReason }));
    await db.execute(sql`UPDATE equipment_obligations o SET state = x.st, closed_on = x.co::date, satisfied_by_inspection_id = x.sb::uuid, void_reason = x.vr
                         FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) AS x(id uuid, st text, co text, sb text, vr text)
                         WHERE o.id = x.id AND o.state = 'open'`);
  }
  for (let i = 0; i < plans.open.length; i += CHUNK) {
    const chunk = plans.open.slice(i, i + CHUNK).map((o) => ({
      id: newId(),
      d: o.deviceId,
      t: o.track,
      ob: o.obligation,
      du: o.dueOn,
      dm: o.dueMonth,
      r: o.ruleId,
      c: o.confidence,
      ms: o.mustStop,
      ex: o.explanation,
      bi: o.basedOnInspectionId,
      bd: o.basedOnDate,
    }));
    await db.execute(sql`INSERT INTO equipment_obligations (id, device_id, track, obligation, due_on, due_month, rule_id, rule_confidence, must_stop, explanation, based_on_inspection_id, based_on_date)
                         SELECT x.id, x.d, x.t, x.ob, x.du::date, x.dm, x.r, x.c, x.ms, x.ex, x.bi::uuid, x.bd::date
                         FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
                           AS x(id uuid, d uuid, t text, ob text, du text, dm text, r text, c text, ms boolean, ex text, bi text, bd text)`);
  }
  for (let i = 0; i < plans.devices.length; i += CHUNK) {
    const chunk = plans.devices.slice(i, i + CHUNK).map((d) => ({
      id: d.id,
      nd: d.nextDueOn,
      nm: d.nextDueMonth,
      nt: d.nextDueTrack,
      no: d.nextObligation,
      nr: d.nextDueRuleId,
      ms: d.mustStop,
      rg: d.hasRuleGap,
      li: d.lastInspectedOn,
      lc: d.lastConclusion,
      sg: d.safetyGrade ?? null,
      sgs: d.safetyGrade !== undefined,
    }));
    await db.execute(sql`UPDATE equipment_devices d SET next_due_on = x.nd::date, next_due_month = x.nm, next_due_track = x.nt, next_obligation = x.no,
                           next_due_rule_id = x.nr, must_stop = x.ms, has_rule_gap = x.rg, last_inspected_on = x.li::date, last_conclusion = x.lc,
                           safety_grade = CASE WHEN x.sgs THEN x.sg ELSE d.safety_grade END
                         FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
                           AS x(id uuid, nd text, nm text, nt text, no text, nr text, ms boolean, rg boolean, li text, lc text, sg smallint, sgs boolean)
                         WHERE d.id = x.id`);
  }
}

export type ObligationRow = {
  id: string;
  track: InspectionTrack;
  obligation: OpenObligation['obligation'];
  dueOn: string;
  dueMonth: string | null;
  ruleId: string;
  ruleConfidence: RuleConfidence;
  mustStop: boolean;
  explanation: string;
};

export async function selectOpenObligations(db: Db, deviceId: string): Promise<ObligationRow[]> {
  return queryRows<ObligationRow>(
    db,
    sql`SELECT id, track, obligation, due_on::text AS "dueOn", due_month AS "dueMonth", rule_id AS "ruleId", rule_confidence AS "ruleConfidence",
               must_stop AS "mustStop", explanation
        FROM equipment_obligations WHERE device_id = ${deviceId} AND state = 'open' ORDER BY due_on, track`,
  );
}

/** Obligation counts of one scope (see countObligationsDueByScope). */
export type DueCounts = { due: number; onTime: number; late: number; open: number };

function obligationsOfScopes(scopes: readonly MetricScope[]): SQL {
  return sql`equipment_obligations o JOIN equipment_devices d ON d.id = o.device_id JOIN ${scopeUnitsSql(scopes)} su ON su.org_unit_id = d.territory_org_unit_id`;
}

/**
 * Periodic and first inspection obligations (not self-tests, annual checks or re-inspections) of
 * the devices in each scope's territory that fell due in [from, to] and by `asOf`, excluding those
 * voided before they fell due: how many, inspected before the due date (on time), on or after it
 * (late), or still open. One query for all scopes; scopes with nothing due have no entry.
 */
export async function countObligationsDueByScope(db: Db, scopes: readonly MetricScope[], options: { from: string; to: string; asOf: string }): Promise<Map<string, DueCounts>> {
  const rows = await queryRows<DueCounts & { scope_id: string }>(
    db,
    sql`SELECT su.scope_id, count(*)::int AS due,
               count(*) FILTER (WHERE o.state = 'satisfied' AND o.closed_on < o.due_on)::int AS "onTime",
               count(*) FILTER (WHERE o.state = 'satisfied' AND o.closed_on >= o.due_on)::int AS late,
               count(*) FILTER (WHERE o.state = 'open' OR (o.state = 'void' AND o.closed_on >= o.due_on))::int AS open
        FROM ${obligationsOfScopes(scopes)}
        WHERE o.due_on BETWEEN ${options.from} AND ${options.to} AND o.due_on <= ${options.asOf}
          AND o.obligation IN ('periodic_inspection', 'first_inspection') AND o.track <> 'annual_check'
          AND NOT (o.state = 'void' AND o.closed_on < o.due_on)
        GROUP BY su.scope_id`,
  );
  return new Map(rows.map(({ scope_id, ...counts }) => [scope_id, counts]));
}

/** Devices of each scope with an obligation overdue on `asOf` (due ≤ asOf and not satisfied or voided by then); scopes without any have no entry. */
export async function countOverdueDevicesByScope(db: Db, scopes: readonly MetricScope[], asOf: string): Promise<Map<string, number>> {
  const rows = await queryRows<{ scope_id: string; n: number }>(
    db,
    sql`SELECT su.scope_id, count(DISTINCT o.device_id)::int AS n
        FROM ${obligationsOfScopes(scopes)}
        WHERE o.due_on <= ${asOf} AND (o.closed_on IS NULL OR o.closed_on > ${asOf})
        GROUP BY su.scope_id`,
  );
  return new Map(rows.map((r) => [r.scope_id, r.n]));
}

export type ReminderCandidate = {
  obligationId: string;
  deviceId: string;
  dueOn: string;
  obligation: string;
  track: InspectionTrack;
  equipmentCode: string | null;
  productName: string;
  useAddress: string;
  useUnitId: string;
  territoryOrgUnitId: string;
};

/** Open obligations that entered the due-soon window (or became overdue) and were not reminded yet. */
export async function selectReminderCandidates(
  db: Db,
  options: { kind: 'due_soon' | 'overdue'; today: string; windowEnd: string; limit: number },
): Promise<ReminderCandidate[]> {
  const window =
    options.kind === 'due_soon'
      ? sql`o.due_on > ${options.today} AND o.due_on <= ${options.windowEnd} AND o.reminded_due_soon_at IS NULL`
      : sql`o.due_on <= ${options.today} AND o.reminded_overdue_at IS NULL`;
  return queryRows<ReminderCandidate>(
    db,
    sql`SELECT o.id AS "obligationId", o.device_id AS "deviceId", o.due_on::text AS "dueOn", o.obligation, o.track,
               d.equipment_code AS "equipmentCode", d.product_name AS "productName", d.use_address AS "useAddress",
               d.use_unit_id AS "useUnitId", d.territory_org_unit_id AS "territoryOrgUnitId"
        FROM equipment_obligations o JOIN equipment_devices d ON d.id = o.device_id
        WHERE o.state = 'open' AND ${window} AND d.status IN ('in_use', 'unregistered')
        ORDER BY o.due_on, o.id LIMIT ${options.limit}`,
  );
}

export async function markReminded(db: Db, ids: readonly string[], kind: 'due_soon' | 'overdue', at: Date): Promise<void> {
  if (ids.length === 0) return;
  const column = kind === 'due_soon' ? sql`reminded_due_soon_at` : sql`reminded_overdue_at`;
  await db.execute(sql`UPDATE equipment_obligations SET ${column} = ${at.toISOString()} WHERE id = ANY(${toTextArray(ids)}::uuid[])`);
}
