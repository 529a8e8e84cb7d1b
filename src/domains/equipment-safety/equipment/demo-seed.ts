import { systemActor, withScope, type Actor } from '../../../shared/actor';
import type { Db } from '../../../platform/db/types';
import { newId } from '../../../platform/ids';
import { findUserByUsername } from '../../accounts';
import { recordAudit } from '../../audit';
import { buildUscc, createEnterprise, iterateEnterprises, type EnterpriseListItem } from '../../enterprises';
import { findOrgUnitByCode, listOrgUnitOptions } from '../../org';
import { generateDemoEquipment, type DemoParty, type DemoTerritory, type DemoUseUnit } from './demo-data';
import {
  bulkInsertDemoCertificates,
  bulkInsertDemoDevices,
  bulkInsertDemoEvents,
  bulkInsertDemoInspections,
  bulkInsertDemoMaintenance,
  bulkInsertDemoObligations,
} from './demo-store';
import { loadRuleSet } from './rule-service';

/**
 * The demo step of the equipment registry (after the enterprise step): elevator maintenance
 * companies and inspection bodies are added to the enterprise registry through its service, then
 * ~20,000 devices ('full') or ~200 ('small') with simulated histories are written set-based in one
 * transaction with one audit entry.
 */
const maintenanceCompanies = ['海门安达电梯工程有限公司', '海门联升电梯维保有限公司', '南通江海电梯服务有限公司', '海门通顺电梯安装维修有限公司', '南通恒力电梯工程有限公司', '海门瑞通电梯技术服务有限公司'];
const inspectionBodies = ['江海特种设备检验检测中心', '南通通达锅炉压力容器检验所'];

async function addParty(db: Db, actor: Actor, today: string, name: string, index: number, kind: 'maintenance' | 'inspection', territoryId: string): Promise<DemoParty> {
  const body = `${kind === 'maintenance' ? 'EQM' : 'EQJ'}${String(index).padStart(5, '0')}`;
  const creditCode = kind === 'maintenance' ? buildUscc({ dept: '9', category: '1', region: '320684', orgCodeBody8: body }) : buildUscc({ dept: '1', category: '2', region: '320600', orgCodeBody8: body });
  const created = await createEnterprise(db, {
    actor,
    today,
    input: {
      creditCode,
      name,
      formerNames: [],
      legalRepresentative: null,
      registeredAddress: null,
      territoryOrgUnitId: territoryId,
      industryCode: null,
      registeredCapital: null,
      registeredCapitalCurrency: 'CNY',
      establishedOn: null,
      scaleClass: null,
      aboveDesignatedSize: false,
      highTechCertificate: null,
      contacts: [{ name: kind === 'maintenance' ? '维保调度' : '检验受理', role: null, phone: `0513-8${2100000 + index * 137}`, email: null, isPrimary: true }],
      status: 'active',
      tags: [kind === 'maintenance' ? '电梯维保单位' : '特种设备检验机构'],
    },
  });
  return { id: created.id, name: created.name };
}

export async function seedDemoEquipment(db: Db, options: { size: 'full' | 'small'; today: string }): Promise<{ devices: number; inspections: number; maintenance: number }> {
  const actor = withScope(systemActor('seed-demo'), { kind: 'all' });
  const { size, today } = options;
  const street = await findOrgUnitByCode(db, 'street-haimen');
  if (!street) throw new Error('demo org unit street-haimen missing');
  const makers = size === 'full' ? maintenanceCompanies : maintenanceCompanies.slice(0, 3);
  const maintenanceUnits: DemoParty[] = [];
  for (const [i, name] of makers.entries()) maintenanceUnits.push(await addParty(db, actor, today, name, i + 1, 'maintenance', street.id));
  const bodies: DemoParty[] = [];
  for (const [i, name] of inspectionBodies.entries()) bodies.push(await addParty(db, actor, today, name, i + 1, 'inspection', street.id));
  const partyIds = new Set([...maintenanceUnits, ...bodies].map((p) => p.id));

  const units = await listOrgUnitOptions(db, { includeInactive: false });
  const byId = new Map(units.map((u) => [u.id, u]));
  const territories: DemoTerritory[] = units
    .filter((u) => ['township', 'street', 'park', 'village'].includes(u.kind))
    .map((u) => ({ id: u.id, code: u.code, name: u.name, parentCode: u.kind === 'village' && u.parentId ? (byId.get(u.parentId)?.code ?? null) : null }));
  const codeOf = new Map(units.map((u) => [u.id, u.code]));
  const useUnits: DemoUseUnit[] = [];
  const enterprises: EnterpriseListItem[] = [];
  for await (const e of iterateEnterprises(db, { actor, today, query: { page: 1, pageSize: 100, sort: 'name', includeSubunits: true, status: 'active' } })) enterprises.push(e);
  for (const e of enterprises) {
    if (partyIds.has(e.id)) continue;
    useUnits.push({ id: e.id, name: e.name, territoryId: e.territoryOrgUnitId, territoryCode: codeOf.get(e.territoryOrgUnitId) ?? '' });
  }
  if (useUnits.length === 0) return { devices: 0, inspections: 0, maintenance: 0 };
  const ent1 = await findUserByUsername(db, 'ent1');
  const regulator = await findOrgUnitByCode(db, 'dept-amr');
  const housing = await findOrgUnitByCode(db, 'dept-housing');
  const ruleSet = await loadRuleSet(db, today);
  const demo = generateDemoEquipment({
    size,
    today,
    useUnits,
    ent1EnterpriseId: ent1?.enterpriseId ?? null,
    maintenanceUnits,
    inspectionBodies: bodies,
    territories,
    supervising: { regulator: regulator?.id ?? null, housing: housing?.id ?? null },
    ruleSet,
    newId,
  });
  await db.transaction(async (tx) => {
    await bulkInsertDemoDevices(tx, demo.devices);
    await bulkInsertDemoInspections(tx, demo.inspections);
    await bulkInsertDemoObligations(tx, demo.obligations);
    await bulkInsertDemoMaintenance(tx, demo.maintenance);
    await bulkInsertDemoCertificates(tx, demo.certificates);
    await bulkInsertDemoEvents(tx, demo.events, '演示数据');
    await recordAudit(tx, actor, {
      action: 'equipment.seed',
      entityType: 'equipment_device',
      entityId: null,
      summary: `写入演示特种设备 ${demo.devices.length} 台（检验记录 ${demo.inspections.length} 条、维保记录 ${demo.maintenance.length} 条、作业人员证 ${demo.certificates.length} 张）`,
      after: { devices: demo.devices.length, inspections: demo.inspections.length, obligations: demo.obligations.length, maintenance: demo.maintenance.length, certificates: demo.certificates.length },
    });
  });
  return { devices: demo.devices.length, inspections: demo.inspections.length, maintenance: demo.maintenance.length };
}
