export { recordAudit, listAuditEntries, iterateAuditEntries } from './service';
export { auditRoutes } from './routes';
export { auditPageSchema, auditEntrySchema } from './schema';
export type { AuditEntry, AuditInput, ListAuditQuery } from './schema';
