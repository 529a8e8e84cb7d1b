/**
 * zod shapes of what the enterprise API answers beyond the bare record (list items, detail with
 * territory and industry path, history) and of the narrower write inputs (status change,
 * contacts). Isomorphic: the web app imports them.
 */
import { z } from 'zod';
import { ENTERPRISE_CONTACTS_MAX_COUNT, REASON_MAX } from '../../shared/limits';
import { orgUnitKinds } from '../../shared/roles';
import { contactSchema, localDateSchema } from './field-schemas';
import { enterpriseSchema, enterpriseStatusSchema } from './schema';

export const enterpriseListItemSchema = enterpriseSchema
  .extend({
    territoryName: z.string().describe('属地名称'),
    industryName: z.string().nullable().describe('行业名称（行业代码对应的 GB/T 4754 名称）'),
    isHighTech: z.boolean().describe('今天持有有效的高新技术企业证书'),
  })
  .meta({ id: 'EnterpriseListItem' });
export type EnterpriseListItem = z.output<typeof enterpriseListItemSchema>;

export const enterprisePageSchema = z
  .object({ items: z.array(enterpriseListItemSchema), total: z.number().int().nonnegative(), page: z.number().int().min(1), pageSize: z.number().int().min(1) })
  .meta({ id: 'EnterprisePage' });
export type EnterprisePage = z.output<typeof enterprisePageSchema>;

export const enterpriseSources = ['manual', 'import', 'seed'] as const;
export type EnterpriseSource = (typeof enterpriseSources)[number];

export const enterpriseDetailSchema = enterpriseListItemSchema
  .extend({
    territoryPath: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.enum(orgUnitKinds) })).describe('属地从市到本级'),
    industryPath: z.array(z.object({ code: z.string(), name: z.string(), level: z.enum(['section', 'division', 'group', 'class']) })).describe('行业从门类到本级'),
    statusChangedOn: z.iso.date().nullable().describe('最近一次登记状态变化的日期'),
    provenance: z
      .object({
        source: z.enum(enterpriseSources).describe('来源：manual 手工录入 / import 导入 / seed 演示数据'),
        createdBy: z.uuid().nullable(),
        updatedBy: z.uuid().nullable(),
        createdImportBatchId: z.uuid().nullable(),
        lastImportBatchId: z.uuid().nullable(),
      })
      .describe('数据来源'),
    permissions: z
      .object({
        edit: z.boolean().describe('可修改监管信息（属地、行业、规模、高企、标签）'),
        editRegistry: z.boolean().describe('可修改登记信息与登记状态'),
        editContacts: z.boolean().describe('可修改联系人'),
      })
      .describe('当前用户对本企业可做的操作（界面据此显示按钮）'),
  })
  .meta({ id: 'EnterpriseDetail' });
export type EnterpriseDetail = z.output<typeof enterpriseDetailSchema>;

export const changeEnterpriseStatusInputSchema = z
  .object({
    version: z.number().int().nonnegative().describe('当前版本号'),
    status: enterpriseStatusSchema,
    effectiveOn: localDateSchema.optional().describe('变化日期（默认今天，不能晚于今天）'),
    reason: z.string().trim().min(2).max(REASON_MAX).describe('原因（如 注销公告文号）'),
  })
  .strict()
  .meta({ id: 'ChangeEnterpriseStatusInput' });
export type ChangeEnterpriseStatusInput = z.output<typeof changeEnterpriseStatusInputSchema>;

export const updateEnterpriseContactsInputSchema = z
  .object({
    version: z.number().int().nonnegative().describe('当前版本号'),
    contacts: z
      .array(contactSchema)
      .max(ENTERPRISE_CONTACTS_MAX_COUNT)
      .refine((list) => list.filter((c) => c.isPrimary).length <= 1, { message: '只能有一位主要联系人' }),
  })
  .strict()
  .meta({ id: 'UpdateEnterpriseContactsInput' });
export type UpdateEnterpriseContactsInput = z.output<typeof updateEnterpriseContactsInputSchema>;

export const enterpriseHistoryQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** One change of a record: an audit entry, or a row of an import batch that touched it. */
export const enterpriseHistoryEntrySchema = z
  .object({
    id: z.string().describe('审计序号，或 import:<批次ID>:<行号>'),
    at: z.string(),
    actorUserId: z.uuid().nullable(),
    actorUsername: z.string(),
    action: z.string().describe('enterprise.create / enterprise.update / enterprise.status / enterprise.contacts / enterprise.import_insert / enterprise.import_update'),
    summary: z.string().nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    importBatchId: z.uuid().nullable(),
    importBatchUndone: z.boolean().nullable(),
  })
  .meta({ id: 'EnterpriseHistoryEntry' });
export type EnterpriseHistoryEntry = z.output<typeof enterpriseHistoryEntrySchema>;

export const enterpriseHistoryPageSchema = z.object({
  items: z.array(enterpriseHistoryEntrySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type EnterpriseHistoryPage = z.output<typeof enterpriseHistoryPageSchema>;
