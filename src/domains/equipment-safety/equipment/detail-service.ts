import type { Db } from '../../../platform/db/types';
import { newId } from '../../../platform/ids';
import type { Actor } from '../../../shared/actor';
import { coordinatorsFor, listDirectoryUsers, loadEnterprises, loadOrgIndex } from './directory';
import { getDevice, type Options } from './device-service';
import { inspectionConclusionLabels, inspectionKindLabels, type InspectionConclusion, type InspectionKind } from './enums';
import { insertEvents, selectTimeline } from './record-store';
import { maintenanceKindLabels, type MaintenanceKind } from './schema';
import type { Responsibility, TimelineItem, TimelineQuery } from './view-schema';

/**
 * The per-device timeline (registry events merged with inspection and maintenance records) and
 * the responsibility view: the device-level parties (domain.md §1.5 reading A) and the
 * territorial ones (reading B: township safety coordinators, supervising department).
 */
export async function getDeviceTimeline(db: Db, options: Options & { deviceId: string; query: TimelineQuery }): Promise<{ items: TimelineItem[]; total: number; page: number; pageSize: number }> {
  const { query } = options;
  const device = await getDevice(db, { actor: options.actor, id: options.deviceId });
  const { rows, total } = await selectTimeline(db, device.id, { kind: query.kind, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  const items = rows.map((r) => {
    let summary = r.summary ?? '';
    const d = (r.details ?? {}) as Record<string, unknown>;
    if (r.kind === 'inspection') summary = `${inspectionKindLabels[r.action as InspectionKind]?.zh ?? r.action}：${String(d.orgName ?? '')} 报告 ${String(d.reportNo ?? '')}，结论 ${inspectionConclusionLabels[d.conclusion as InspectionConclusion]?.zh ?? String(d.conclusion ?? '')}`;
    if (r.kind === 'maintenance') summary = `${maintenanceKindLabels[r.action as MaintenanceKind]?.zh ?? r.action}`;
    return { ...r, summary };
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}

const roleLabels = { use_unit: '使用单位', property_unit: '产权单位', maintenance_unit: '维保单位', inspection_body: '检验机构' } as const;

export async function getResponsibility(db: Db, options: Options & { deviceId: string }): Promise<Responsibility> {
  const device = await getDevice(db, { actor: options.actor, id: options.deviceId });
  const [org, enterprises, coordinators] = await Promise.all([
    loadOrgIndex(db),
    loadEnterprises(db, [device.useUnitId, device.propertyUnitId, device.maintenanceUnitId, device.inspectionBodyId]),
    listDirectoryUsers(db, { flag: 'safetyCoordinator' }),
  ]);
  const refs: Array<[keyof typeof roleLabels, string | null]> = [
    ['use_unit', device.useUnitId],
    ['property_unit', device.propertyUnitId],
    ['maintenance_unit', device.maintenanceUnitId],
    ['inspection_body', device.inspectionBodyId],
  ];
  const parties = refs.flatMap(([role, id]) => {
    const e = id ? enterprises.get(id) : undefined;
    if (!e) return [];
    return [{ role, roleLabel: roleLabels[role], enterpriseId: e.id, name: e.name, creditCode: e.creditCode, contacts: e.contacts.map((c) => ({ name: c.name, phone: c.phone ?? null })) }];
  });
  const threeParty: Array<keyof typeof roleLabels> = ['use_unit', 'maintenance_unit', 'inspection_body'];
  const missing = threeParty.filter((role) => !parties.some((p) => p.role === role)).map((role) => roleLabels[role]);
  return {
    deviceId: device.id,
    parties,
    missingParties: missing,
    isThreePartyComplete: missing.length === 0,
    territory: {
      id: device.territoryOrgUnitId,
      name: org.nameOf(device.territoryOrgUnitId),
      path: org.ancestry(device.territoryOrgUnitId).map((n) => ({ id: n.id, name: n.name, kind: n.kind })),
    },
    safetyCoordinators: coordinatorsFor(device.territoryOrgUnitId, org, coordinators).map((u) => ({ userId: u.id, displayName: u.displayName, phone: u.phone, orgUnitId: u.orgUnitId, orgUnitName: u.orgUnitName })),
    supervisingOrgUnit: device.supervisingOrgUnitId ? { id: device.supervisingOrgUnitId, name: org.nameOf(device.supervisingOrgUnitId) } : null,
  };
}

/**
 * Adds an event of another module to a device's timeline (e.g. the hazard module when a hazard is
 * raised on or closed for a device). Call inside the caller's transaction, which also audits.
 */
export async function appendDeviceEvent(
  tx: Db,
  options: { actor: Actor; deviceId: string; occurredOn: string; action: string; summary: string; details?: unknown },
): Promise<void> {
  await insertEvents(tx, [
    {
      id: newId(),
      deviceId: options.deviceId,
      occurredOn: options.occurredOn,
      kind: 'external',
      action: options.action,
      fromStatus: null,
      toStatus: null,
      summary: options.summary,
      details: options.details ?? null,
      actorUserId: options.actor.userId,
      actorName: options.actor.displayName,
    },
  ]);
}
