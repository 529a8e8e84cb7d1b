import { withScope, type Actor } from '../../shared/actor';
import type { Db } from '../../platform/db/types';
import { selectEntityImports } from '../../platform/import';
import { listAuditEntries } from '../audit';
import { getEnterprise } from './service';
import type { EnterpriseHistoryEntry, EnterpriseHistoryPage } from './view-schema';

/**
 * Change history of one enterprise, newest first: its audit entries (create, edits, status,
 * contacts) merged with the rows of import batches that inserted or updated it (an import writes
 * one audit entry per batch; the per-record detail lives in the batch journal).
 */
export async function getEnterpriseHistory(
  db: Db,
  options: { actor: Actor; id: string; page: number; pageSize: number; timeZone: string },
): Promise<EnterpriseHistoryPage> {
  const { actor, page, pageSize } = options;
  const record = await getEnterprise(db, { actor, id: options.id });
  const window = page * pageSize;
  const [audit, imports] = await Promise.all([
    listAuditEntries(db, {
      actor: withScope(actor, { kind: 'all' }),
      query: { entityType: 'enterprise', entityId: record.id, page: 1, pageSize: window, sort: '-at' },
      timeZone: options.timeZone,
    }),
    selectEntityImports(db, record.id),
  ]);
  const fromAudit: EnterpriseHistoryEntry[] = audit.items.map((e) => ({
    id: e.id,
    at: e.at,
    actorUserId: e.actorUserId,
    actorUsername: e.actorUsername,
    action: e.action,
    summary: e.summary,
    before: e.before,
    after: e.after,
    importBatchId: null,
    importBatchUndone: null,
  }));
  const fromImports: EnterpriseHistoryEntry[] = imports.map((i) => {
    const changes = (i.changes ?? {}) as Record<string, [unknown, unknown]>;
    const before = i.action === 'update' ? Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v[0]])) : null;
    const after = i.action === 'update' ? Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v[1]])) : null;
    const undone = i.batchStatus === 'undone';
    return {
      id: `import:${i.batchId}:${i.rowNo}`,
      at: i.at,
      actorUserId: i.createdBy,
      actorUsername: i.createdByName,
      action: i.action === 'insert' ? 'enterprise.import_insert' : 'enterprise.import_update',
      summary: `${i.action === 'insert' ? '导入新增' : '导入更新'}：文件「${i.fileName}」第 ${i.rowNo} 行${undone ? '（该批次已撤销）' : ''}`,
      before,
      after,
      importBatchId: i.batchId,
      importBatchUndone: undone,
    };
  });
  const merged = [...fromAudit, ...fromImports].sort((a, b) => (a.at === b.at ? 0 : a.at < b.at ? 1 : -1));
  return { items: merged.slice((page - 1) * pageSize, window), total: audit.total + imports.length, page, pageSize };
}
