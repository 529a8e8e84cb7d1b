import { z } from 'zod';

export const auditEntrySchema = z
  .object({
    id: z.string().describe('递增序号'),
    at: z.string().describe('发生时间 (UTC ISO-8601)'),
    actorUserId: z.uuid().nullable(),
    actorUsername: z.string(),
    actorRole: z.string().nullable(),
    action: z.string().describe('动作，如 org_unit.create'),
    entityType: z.string(),
    entityId: z.string().nullable(),
    orgUnitId: z.uuid().nullable(),
    summary: z.string().nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

const dateTimeFilter = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const listAuditQuerySchema = z.object({
  q: z.string().trim().max(100).optional().describe('在摘要、动作、对象中检索'),
  actor: z.string().trim().max(64).optional().describe('操作人用户名'),
  action: z.string().trim().max(64).optional().describe('动作前缀，如 org_unit'),
  entityType: z.string().trim().max(64).optional(),
  entityId: z.string().trim().max(64).optional(),
  from: dateTimeFilter.optional().describe('起始时间（含）'),
  to: dateTimeFilter.optional().describe('截止时间（日期则含当日）'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  sort: z.enum(['-at', 'at']).default('-at'),
});
export type ListAuditQuery = z.infer<typeof listAuditQuerySchema>;

export const auditPageSchema = z.object({
  items: z.array(auditEntrySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

/** What a service hands to recordAudit. */
export type AuditInput = {
  action: string;
  entityType: string;
  entityId?: string | null;
  orgUnitId?: string | null;
  summary?: string | null;
  before?: unknown;
  after?: unknown;
};
