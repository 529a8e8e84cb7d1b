import { systemActor, withScope } from '../../shared/actor';
import type { Db } from '../../platform/db/types';
import { newId } from '../../platform/ids';
import { findUserByUsername, updateUser } from '../accounts';
import { recordAudit } from '../audit';
import { findOrgUnitByCode } from '../org';
import { generateDemoEnterprises } from './demo-data';
import { bulkInsertEnterprises, type BulkEnterprise } from './store-bulk';

/**
 * The demo step of the enterprise registry: ~2,000 enterprises ('full') or 60 ('small', tests)
 * written in one transaction with one audit entry, then the demo user `ent1` bound to the first
 * one (海门某某机械有限公司 in 常乐镇) through the accounts service (audited there).
 */
export const DEMO_ENT1_ENTERPRISE_NAME = '海门某某机械有限公司';

export async function seedDemoEnterprises(db: Db, options: { size: 'full' | 'small'; today: string }): Promise<{ count: number; ent1EnterpriseId: string | null }> {
  const actor = systemActor('seed-demo');
  const demo = generateDemoEnterprises({ count: options.size === 'full' ? 2000 : 60, today: options.today });
  const territoryIds = new Map<string, string>();
  for (const code of new Set(demo.map((d) => d.territoryCode))) {
    const unit = await findOrgUnitByCode(db, code);
    if (!unit) throw new Error(`demo org unit ${code} missing`);
    territoryIds.set(code, unit.id);
  }
  const rows: BulkEnterprise[] = demo.map((d) => ({
    id: newId(),
    creditCode: d.creditCode,
    name: d.name,
    formerNames: d.formerNames,
    legalRepresentative: d.legalRepresentative,
    registeredAddress: d.registeredAddress,
    territoryOrgUnitId: territoryIds.get(d.territoryCode) as string,
    industryCode: d.industryCode,
    registeredCapital: d.registeredCapital,
    registeredCapitalCurrency: 'CNY',
    establishedOn: d.establishedOn,
    scaleClass: d.scaleClass,
    aboveDesignatedSize: d.aboveDesignatedSize,
    highTechCertificate: d.highTechCertificate,
    contacts: d.contacts,
    status: d.status,
    statusChangedOn: d.statusChangedOn,
    tags: d.tags,
    source: 'seed',
    createdBy: null,
    updatedBy: null,
    createdImportBatchId: null,
    lastImportBatchId: null,
  }));
  await db.transaction(async (tx) => {
    await bulkInsertEnterprises(tx, rows);
    await recordAudit(tx, actor, {
      action: 'enterprise.seed',
      entityType: 'enterprise',
      entityId: null,
      summary: `写入演示企业 ${rows.length} 家`,
      after: { count: rows.length },
    });
  });
  const ent1Enterprise = rows[0];
  const ent1 = await findUserByUsername(db, 'ent1');
  if (ent1 && ent1Enterprise) {
    await updateUser(db, { actor: withScope(actor, { kind: 'all' }), id: ent1.id, input: { version: ent1.version, enterpriseId: ent1Enterprise.id } });
  }
  return { count: rows.length, ent1EnterpriseId: ent1Enterprise?.id ?? null };
}
