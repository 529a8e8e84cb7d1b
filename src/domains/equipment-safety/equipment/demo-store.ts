import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/types';
import type { DemoCertificate, DemoDevice, DemoEvent, DemoInspection, DemoMaintenance, DemoObligation } from './demo-data';

/**
 * Set-based writes for generated data (demo seed, benchmarks): rows as JSON, expanded with
 * jsonb_to_recordset, CHUNK per statement — the same SQL on PGlite and PostgreSQL.
 */
const CHUNK = 2000;

async function chunked<T>(rows: readonly T[], write: (json: string) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(JSON.stringify(rows.slice(i, i + CHUNK)));
}

export async function bulkInsertDemoDevices(db: Db, rows: readonly DemoDevice[]): Promise<void> {
  await chunked(rows, (json) =>
    db.execute(sql`INSERT INTO equipment_devices (id, equipment_code, use_registration_cert_no, cert_issue_date, category_code, kind_code, variety_code,
        product_name, model, factory_no, manufacturer_name, manufacture_date, install_date, commissioning_date, install_supervision_date, use_unit_id,
        maintenance_unit_id, inspection_body_id, territory_org_unit_id, supervising_org_unit_id, use_address, lon, lat, site_type, is_public_service,
        safety_grade, params, status, status_changed_on, registered_on, stopped_on, scrapped_on, is_late_registration, source,
        next_due_on, next_due_month, next_due_track, next_obligation, next_due_rule_id, must_stop, has_rule_gap, last_inspected_on, last_conclusion,
        last_maintained_on)
      SELECT x.id, x."equipmentCode", x."useRegistrationCertNo", x."certIssueDate"::date, x."categoryCode", x."kindCode", x."varietyCode", x."productName",
        x.model, x."factoryNo", x."manufacturerName", x."manufactureDate"::date, x."installDate"::date, x."commissioningDate"::date,
        x."installSupervisionDate"::date, x."useUnitId", x."maintenanceUnitId", x."inspectionBodyId", x."territoryOrgUnitId", x."supervisingOrgUnitId",
        x."useAddress", x.lon, x.lat, x."siteType", x."isPublicService", x."safetyGrade", coalesce(x.params, '{}'::jsonb), x.status,
        x."statusChangedOn"::date, x."registeredOn"::date, x."stoppedOn"::date, x."scrappedOn"::date, x."isLateRegistration", 'seed',
        x."nextDueOn"::date, x."nextDueMonth", x."nextDueTrack", x."nextObligation", x."nextDueRuleId", x."mustStop", x."hasRuleGap",
        x."lastInspectedOn"::date, x."lastConclusion", x."lastMaintainedOn"::date
      FROM jsonb_to_recordset(${json}::jsonb) AS x(id uuid, "equipmentCode" text, "useRegistrationCertNo" text, "certIssueDate" text, "categoryCode" text,
        "kindCode" text, "varietyCode" text, "productName" text, model text, "factoryNo" text, "manufacturerName" text, "manufactureDate" text,
        "installDate" text, "commissioningDate" text, "installSupervisionDate" text, "useUnitId" uuid, "maintenanceUnitId" uuid, "inspectionBodyId" uuid,
        "territoryOrgUnitId" uuid, "supervisingOrgUnitId" uuid, "useAddress" text, lon double precision, lat double precision, "siteType" text,
        "isPublicService" boolean, "safetyGrade" smallint, params jsonb, status text, "statusChangedOn" text, "registeredOn" text, "stoppedOn" text,
        "scrappedOn" text, "isLateRegistration" boolean, "nextDueOn" text, "nextDueMonth" text, "nextDueTrack" text, "nextObligation" text,
        "nextDueRuleId" text, "mustStop" boolean, "hasRuleGap" boolean, "lastInspectedOn" text, "lastConclusion" text, "lastMaintainedOn" text)`),
  );
}

export async function bulkInsertDemoInspections(db: Db, rows: readonly DemoInspection[]): Promise<void> {
  await chunked(rows, (json) =>
    db.execute(sql`INSERT INTO equipment_inspections (id, device_id, kind, track, org_name, org_id, report_no, inspected_on, conclusion, result, safety_grade,
        period_months, computed_next_due_on, source)
      SELECT x.id, x."deviceId", x.kind, x.track, x."orgName", x."orgId", x."reportNo", x."inspectedOn"::date, x.conclusion, x.result, x."safetyGrade",
        x."periodMonths", x."computedNextDueOn"::date, 'seed'
      FROM jsonb_to_recordset(${json}::jsonb) AS x(id uuid, "deviceId" uuid, kind text, track text, "orgName" text, "orgId" uuid, "reportNo" text,
        "inspectedOn" text, conclusion text, result text, "safetyGrade" smallint, "periodMonths" integer, "computedNextDueOn" text)`),
  );
}

export async function bulkInsertDemoObligations(db: Db, rows: readonly DemoObligation[]): Promise<void> {
  await chunked(rows, (json) =>
    db.execute(sql`INSERT INTO equipment_obligations (id, device_id, track, obligation, due_on, due_month, rule_id, rule_confidence, must_stop, explanation,
        based_on_inspection_id, based_on_date, state, closed_on, satisfied_by_inspection_id, void_reason)
      SELECT x.id, x."deviceId", x.track, x.obligation, x."dueOn"::date, x."dueMonth", x."ruleId", x.confidence, x."mustStop", x.explanation,
        x."basedOnInspectionId", x."basedOnDate"::date, x.state, x."closedOn"::date, x."satisfiedBy", x."voidReason"
      FROM jsonb_to_recordset(${json}::jsonb) AS x(id uuid, "deviceId" uuid, track text, obligation text, "dueOn" text, "dueMonth" text, "ruleId" text,
        confidence text, "mustStop" boolean, explanation text, "basedOnInspectionId" uuid, "basedOnDate" text, state text, "closedOn" text,
        "satisfiedBy" uuid, "voidReason" text)`),
  );
}

export async function bulkInsertDemoMaintenance(db: Db, rows: readonly DemoMaintenance[]): Promise<void> {
  await chunked(rows, (json) =>
    db.execute(sql`INSERT INTO equipment_maintenance (id, device_id, maintained_on, kind, maintenance_unit_id, workers, is_confirmed_by_using_unit, source)
      SELECT x.id, x."deviceId", x."maintainedOn"::date, x.kind, x."maintenanceUnitId", x.workers, true, 'seed'
      FROM jsonb_to_recordset(${json}::jsonb) AS x(id uuid, "deviceId" uuid, "maintainedOn" text, kind text, "maintenanceUnitId" uuid, workers jsonb)`),
  );
}

export async function bulkInsertDemoCertificates(db: Db, rows: readonly DemoCertificate[]): Promise<void> {
  await chunked(rows, (json) =>
    db.execute(sql`INSERT INTO equipment_operator_certificates (id, device_id, person_name, certificate_no, work_item_code, work_item_name, issued_on, expires_on,
        issuing_authority, employer_enterprise_id)
      SELECT x.id, x."deviceId", x."personName", x."certificateNo", x."workItemCode", x."workItemName", x."issuedOn"::date, x."expiresOn"::date,
        '南通市市场监督管理局', x."employerEnterpriseId"
      FROM jsonb_to_recordset(${json}::jsonb) AS x(id uuid, "deviceId" uuid, "personName" text, "certificateNo" text, "workItemCode" text,
        "workItemName" text, "issuedOn" text, "expiresOn" text, "employerEnterpriseId" uuid)`),
  );
}

export async function bulkInsertDemoEvents(db: Db, rows: readonly DemoEvent[], actorName: string): Promise<void> {
  await chunked(rows, (json) =>
    db.execute(sql`INSERT INTO equipment_events (id, device_id, occurred_on, kind, action, from_status, to_status, summary, actor_name)
      SELECT x.id, x."deviceId", x."occurredOn"::date, 'registration', x.action, x."fromStatus", x."toStatus", x.summary, ${actorName}
      FROM jsonb_to_recordset(${json}::jsonb) AS x(id uuid, "deviceId" uuid, "occurredOn" text, action text, "fromStatus" text, "toStatus" text, summary text)`),
  );
}

/**
 * Derives the devices' due fields from their open obligations and records, set-based (after a bulk
 * load; the service keeps them current one device at a time afterwards).
 */
export async function refreshDerivedFields(db: Db): Promise<void> {
  await db.execute(sql`UPDATE equipment_devices d SET next_due_on = o.due_on, next_due_month = o.due_month, next_due_track = o.track,
      next_obligation = o.obligation, next_due_rule_id = o.rule_id
    FROM (SELECT DISTINCT ON (device_id) device_id, due_on, due_month, track, obligation, rule_id FROM equipment_obligations
          WHERE state = 'open' ORDER BY device_id, due_on, track) o
    WHERE d.id = o.device_id`);
  await db.execute(sql`UPDATE equipment_devices d SET must_stop = true
    WHERE EXISTS (SELECT 1 FROM equipment_obligations o WHERE o.device_id = d.id AND o.state = 'open' AND o.must_stop)`);
  await db.execute(sql`UPDATE equipment_devices d SET has_rule_gap = true
    WHERE d.status IN ('in_use', 'unregistered') AND NOT EXISTS (SELECT 1 FROM equipment_obligations o WHERE o.device_id = d.id AND o.state = 'open')`);
  await db.execute(sql`UPDATE equipment_devices d SET last_inspected_on = i.inspected_on, last_conclusion = i.conclusion
    FROM (SELECT DISTINCT ON (device_id) device_id, inspected_on, conclusion FROM equipment_inspections ORDER BY device_id, inspected_on DESC, created_at DESC) i
    WHERE d.id = i.device_id`);
  await db.execute(sql`UPDATE equipment_devices d SET last_maintained_on = m.last
    FROM (SELECT device_id, max(maintained_on) AS last FROM equipment_maintenance GROUP BY device_id) m WHERE d.id = m.device_id`);
}
