export { recordAudit, listAuditEntries, iterateAuditEntries } from './service';
export { auditRoutes } from './routes';
export type { AuditEntry, AuditInput, ListAuditQuery } from './schema';
