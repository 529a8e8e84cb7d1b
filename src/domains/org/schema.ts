import { z } from 'zod';
import { ADDRESS_MAX, CONTACT_PHONE_MAX, ORG_CODE_PATTERN, ORG_NAME_MAX, REASON_MAX } from '../../shared/limits';
import { isValidRegionCode } from '../../shared/region-code';
import { orgUnitKinds } from '../../shared/roles';

export const orgUnitKindSchema = z.enum(orgUnitKinds).describe('单位类型');

const regionCodeSchema = z
  .string()
  .trim()
  .refine((v) => isValidRegionCode(v), { message: '行政区划代码须为 6 位数字且省级前缀有效（GB/T 2260）' })
  .describe('GB/T 2260 行政区划代码（6 位）');

const nameSchema = z.string().trim().min(2).max(ORG_NAME_MAX);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const orgUnitSchema = z
  .object({
    id: z.uuid(),
    parentId: z.uuid().nullable(),
    kind: orgUnitKindSchema,
    code: z.string(),
    name: z.string(),
    shortName: z.string().nullable(),
    regionCode: z.string().nullable(),
    depth: z.number().int(),
    sortOrder: z.number().int(),
    contactPerson: z.string().nullable(),
    contactPhone: z.string().nullable(),
    address: z.string().nullable(),
    isActive: z.boolean(),
    deactivatedAt: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'OrgUnit' });
export type OrgUnit = z.infer<typeof orgUnitSchema>;

export const createOrgUnitInputSchema = z
  .object({
    parentId: z.uuid().describe('上级单位'),
    kind: orgUnitKindSchema,
    code: z.string().trim().toLowerCase().regex(ORG_CODE_PATTERN, '编码为 2–40 位小写字母、数字或连字符').describe('稳定的单位编码，如 town-changle'),
    name: nameSchema.describe('单位名称'),
    shortName: optionalText(20),
    regionCode: regionCodeSchema.nullable().optional(),
    sortOrder: z.number().int().min(0).max(9999).optional(),
    contactPerson: optionalText(50),
    contactPhone: optionalText(CONTACT_PHONE_MAX),
    address: optionalText(ADDRESS_MAX),
  })
  .strict()
  .meta({ id: 'CreateOrgUnitInput' });
export type CreateOrgUnitInput = z.infer<typeof createOrgUnitInputSchema>;

export const updateOrgUnitInputSchema = z
  .object({
    version: z.number().int().min(1).describe('当前版本号（乐观锁）'),
    name: nameSchema.optional().describe('新名称（更名）'),
    shortName: optionalText(20),
    regionCode: regionCodeSchema.nullable().optional(),
    sortOrder: z.number().int().min(0).max(9999).optional(),
    contactPerson: optionalText(50),
    contactPhone: optionalText(CONTACT_PHONE_MAX),
    address: optionalText(ADDRESS_MAX),
  })
  .strict()
  .meta({ id: 'UpdateOrgUnitInput' });
export type UpdateOrgUnitInput = z.infer<typeof updateOrgUnitInputSchema>;

export const moveOrgUnitInputSchema = z
  .object({ version: z.number().int().min(1), parentId: z.uuid().describe('新的上级单位') })
  .strict()
  .meta({ id: 'MoveOrgUnitInput' });
export type MoveOrgUnitInput = z.infer<typeof moveOrgUnitInputSchema>;

export const setOrgUnitActiveInputSchema = z
  .object({ version: z.number().int().min(1), active: z.boolean(), reason: z.string().trim().min(2).max(REASON_MAX).describe('停用/启用原因') })
  .strict()
  .meta({ id: 'SetOrgUnitActiveInput' });
export type SetOrgUnitActiveInput = z.infer<typeof setOrgUnitActiveInputSchema>;

export const listOrgUnitsQuerySchema = z.object({
  q: z.string().trim().max(100).optional().describe('名称、编码或行政区划代码'),
  kind: z.union([orgUnitKindSchema, z.array(orgUnitKindSchema)]).optional(),
  parentId: z.uuid().optional(),
  includeInactive: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  sort: z.enum(['path', 'name', '-name', 'code', 'kind', '-updatedAt']).default('path'),
});
export type ListOrgUnitsQuery = z.infer<typeof listOrgUnitsQuerySchema>;

export const orgUnitPageSchema = z.object({ items: z.array(orgUnitSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type OrgUnitPage = z.infer<typeof orgUnitPageSchema>;

export type OrgTreeNode = OrgUnit & { children: OrgTreeNode[] };
export const orgTreeNodeSchema: z.ZodType<OrgTreeNode> = orgUnitSchema
  .extend({ children: z.array(z.lazy(() => orgTreeNodeSchema)) })
  .meta({ id: 'OrgTreeNode' });

export const orgUnitOptionSchema = z.object({ id: z.uuid(), parentId: z.uuid().nullable(), kind: orgUnitKindSchema, name: z.string(), code: z.string() });
export type OrgUnitOption = z.infer<typeof orgUnitOptionSchema>;

export const orgUnitDetailSchema = orgUnitSchema
  .extend({
    ancestors: z.array(orgUnitOptionSchema).describe('从根到上级'),
    childCount: z.number().int(),
    activeUserCount: z.number().int(),
  })
  .meta({ id: 'OrgUnitDetail' });
export type OrgUnitDetail = z.infer<typeof orgUnitDetailSchema>;
