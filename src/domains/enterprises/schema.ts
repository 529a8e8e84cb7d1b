/**
 * zod shapes of the enterprise registry: create/update input, list query, the record, and the USCC
 * calculator (`POST /api/v1/calc/uscc`, product.md §4). Isomorphic (API, CLI, import and forms).
 * Single-field schemas live in `field-schemas.ts`, enum values and labels in `enterprise-enums.ts`.
 */
import { z } from 'zod';
import {
  ENTERPRISE_ADDRESS_MAX,
  ENTERPRISE_CONTACTS_MAX_COUNT,
  ENTERPRISE_FORMER_NAMES_MAX_COUNT,
  ENTERPRISE_LIST_PAGE_MAX,
  ENTERPRISE_LIST_PAGE_SIZE_DEFAULT,
  ENTERPRISE_LIST_PAGE_SIZE_MAX,
  ENTERPRISE_LIST_Q_MAX,
  ENTERPRISE_TAGS_MAX_COUNT,
  USCC_RAW_INPUT_MAX,
} from '../../shared/limits';
import { enterpriseSorts, enterpriseStatuses, scaleClasses } from './enterprise-enums';
import {
  amountInputSchema,
  amountSchema,
  contactSchema,
  creditCodeInputSchema,
  creditCodeSchema,
  currencySchema,
  dedupe,
  enterpriseNameSchema,
  highTechCertificateSchema,
  idSchema,
  industryCodeInputSchema,
  industryCodeSchema,
  localDateSchema,
  personNameSchema,
  tagSchema,
} from './field-schemas';
import { normaliseUscc, usccProblemCodes } from './uscc-rules';

export const scaleClassSchema = z.enum(scaleClasses).describe('企业规模：large 大型 / medium 中型 / small 小型 / micro 微型');
export const enterpriseStatusSchema = z
  .enum(enterpriseStatuses)
  .describe('登记状态：active 存续 / cancelled 注销 / revoked 吊销 / moved_out 迁出');

const contactsSchema = z
  .array(contactSchema)
  .max(ENTERPRISE_CONTACTS_MAX_COUNT)
  .refine((list) => list.filter((c) => c.isPrimary).length <= 1, { message: '只能有一位主要联系人' })
  .describe('联系人列表');

/** Editable fields without defaults (the update input makes each optional; absent = unchanged). */
const editableFields = {
  creditCode: creditCodeInputSchema,
  name: enterpriseNameSchema,
  formerNames: z.array(enterpriseNameSchema).max(ENTERPRISE_FORMER_NAMES_MAX_COUNT).transform(dedupe).describe('曾用名'),
  legalRepresentative: personNameSchema.nullable().describe('法定代表人（或负责人、经营者）'),
  registeredAddress: z.string().trim().min(1).max(ENTERPRISE_ADDRESS_MAX).nullable().describe('注册地址（住所）'),
  territoryOrgUnitId: idSchema.describe('属地组织（镇/街道/园区的组织 ID）'),
  industryCode: industryCodeInputSchema.nullable(),
  registeredCapital: amountInputSchema.nullable().describe('注册资本（币种主单位，人民币为元；两位小数，如 "12505000.00"）'),
  registeredCapitalCurrency: currencySchema,
  establishedOn: localDateSchema.nullable().describe('成立日期'),
  scaleClass: scaleClassSchema.nullable(),
  aboveDesignatedSize: z.boolean().describe('是否规模以上（规上 true / 规下 false）'),
  highTechCertificate: highTechCertificateSchema.nullable(),
  contacts: contactsSchema,
  status: enterpriseStatusSchema,
  tags: z.array(tagSchema).max(ENTERPRISE_TAGS_MAX_COUNT).transform(dedupe).describe('标签'),
};

export const createEnterpriseInputSchema = z
  .object({
    creditCode: editableFields.creditCode,
    name: editableFields.name,
    formerNames: editableFields.formerNames.default(() => []),
    legalRepresentative: editableFields.legalRepresentative.default(null),
    registeredAddress: editableFields.registeredAddress.default(null),
    territoryOrgUnitId: editableFields.territoryOrgUnitId,
    industryCode: editableFields.industryCode.default(null),
    registeredCapital: editableFields.registeredCapital.default(null),
    registeredCapitalCurrency: editableFields.registeredCapitalCurrency.default('CNY'),
    establishedOn: editableFields.establishedOn.default(null),
    scaleClass: editableFields.scaleClass.default(null),
    aboveDesignatedSize: editableFields.aboveDesignatedSize.default(false),
    highTechCertificate: editableFields.highTechCertificate.default(null),
    contacts: editableFields.contacts.default(() => []),
    status: editableFields.status.default('active'),
    tags: editableFields.tags.default(() => []),
  })
  .strict()
  .describe('新建企业');
export type CreateEnterpriseInput = z.output<typeof createEnterpriseInputSchema>;

export const updateEnterpriseInputSchema = z
  .object(editableFields)
  .partial()
  .extend({ version: z.number().int().nonnegative().describe('当前版本号（过期则 409）') })
  .strict()
  .describe('修改企业（只传要改的字段；可空字段传 null 清空）');
export type UpdateEnterpriseInput = z.output<typeof updateEnterpriseInputSchema>;

export const enterpriseSchema = z
  .object({
    id: idSchema,
    creditCode: creditCodeSchema,
    name: z.string().describe('企业名称'),
    formerNames: z.array(z.string()).describe('曾用名'),
    legalRepresentative: z.string().nullable().describe('法定代表人'),
    registeredAddress: z.string().nullable().describe('注册地址'),
    territoryOrgUnitId: idSchema.describe('属地组织 ID'),
    industryCode: industryCodeSchema.nullable(),
    registeredCapital: amountSchema.nullable().describe('注册资本（币种主单位，两位小数）'),
    registeredCapitalCurrency: currencySchema,
    establishedOn: z.iso.date().nullable().describe('成立日期'),
    scaleClass: scaleClassSchema.nullable(),
    aboveDesignatedSize: z.boolean().describe('是否规上'),
    highTechCertificate: z
      .object({ number: z.string(), issuedOn: z.iso.date(), validUntil: z.iso.date() })
      .nullable()
      .describe('高新技术企业证书'),
    contacts: z
      .array(
        z.object({
          name: z.string(),
          role: z.string().nullable(),
          phone: z.string().nullable(),
          email: z.string().nullable(),
          isPrimary: z.boolean(),
        }),
      )
      .describe('联系人'),
    status: enterpriseStatusSchema,
    tags: z.array(z.string()).describe('标签'),
    version: z.number().int().nonnegative().describe('版本号'),
    createdAt: z.iso.datetime().describe('创建时间（UTC）'),
    updatedAt: z.iso.datetime().describe('修改时间（UTC）'),
  })
  .describe('企业');
export type Enterprise = z.output<typeof enterpriseSchema>;

export const listEnterprisesQuerySchema = z
  .object({
    q: z.string().trim().max(ENTERPRISE_LIST_Q_MAX).optional().describe('全文检索（名称、曾用名、信用代码）'),
    page: z.coerce.number().int().min(1).max(ENTERPRISE_LIST_PAGE_MAX).default(1).describe('页码（从 1 开始）'),
    pageSize: z.coerce
      .number()
      .int()
      .min(1)
      .max(ENTERPRISE_LIST_PAGE_SIZE_MAX)
      .default(ENTERPRISE_LIST_PAGE_SIZE_DEFAULT)
      .describe(`每页条数（1–${ENTERPRISE_LIST_PAGE_SIZE_MAX}，默认 ${ENTERPRISE_LIST_PAGE_SIZE_DEFAULT}）`),
    sort: z.enum(enterpriseSorts).default('name').describe('排序字段，"-" 前缀为降序'),
    code: z
      .string()
      .max(USCC_RAW_INPUT_MAX)
      .transform(normaliseUscc)
      .refine((c) => /^[0-9A-HJ-NPQRTUWXY]{1,18}$/.test(c), { message: '信用代码只能含数字和除 I、O、S、V、Z 以外的大写字母' })
      .optional()
      .describe('统一社会信用代码（前缀匹配，自动规范化）'),
    territoryOrgUnitId: idSchema.optional().describe('属地组织 ID'),
    includeSubunits: z.stringbool().default(true).describe('属地筛选是否包含下级组织（默认 true）'),
    industry: industryCodeInputSchema.optional().describe('行业代码（任一级，含其下级，如 C、34、343、3435）'),
    scaleClass: scaleClassSchema.optional(),
    aboveDesignatedSize: z.stringbool().optional().describe('规上 true / 规下 false'),
    status: enterpriseStatusSchema.optional(),
    highTech: z.stringbool().optional().describe('是否持有当日有效的高新技术企业证书'),
    tag: tagSchema.optional().describe('标签（精确匹配）'),
  })
  .strict()
  .describe('企业列表查询');
export type ListEnterprisesQuery = z.output<typeof listEnterprisesQuerySchema>;

export const enterpriseListSchema = z
  .object({
    items: z.array(enterpriseSchema),
    total: z.number().int().nonnegative(),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  })
  .describe('企业列表');
export type EnterpriseList = z.output<typeof enterpriseListSchema>;

export const usccCalcRequestSchema = z
  .object({ code: z.string().max(USCC_RAW_INPUT_MAX).describe('待校验的统一社会信用代码（可含空格、全角、小写）') })
  .strict()
  .describe('统一社会信用代码校验');
export type UsccCalcRequest = z.output<typeof usccCalcRequestSchema>;

export const usccCalcResponseSchema = z
  .object({
    valid: z.boolean().describe('全部检查通过'),
    checksumOk: z.boolean().describe('第18位校验码正确'),
    expectedCheckChar: z.string().length(1).nullable().describe('按前17位计算的校验码（无法计算时为 null）'),
    orgCodeCheckOk: z.boolean().describe('第9–17位组织机构代码（GB 11714）自身校验正确'),
    parsed: z
      .object({
        registrationDeptCode: z.string().nullable().describe('登记管理部门码（第1位）'),
        categoryCode: z.string().nullable().describe('机构类别码（第2位）'),
        regionCode: z.string().nullable().describe('登记管理机关行政区划码（第3–8位）'),
        orgCode: z.string().nullable().describe('主体标识码（第9–17位）'),
      })
      .describe('按位置拆分（规范化后长度为17或18位时才有值）'),
    problems: z.array(z.object({ code: z.enum(usccProblemCodes), message: z.string() })).describe('发现的问题（中文说明）'),
  })
  .describe('统一社会信用代码校验结果');
export type UsccCalcResponse = z.output<typeof usccCalcResponseSchema>;
