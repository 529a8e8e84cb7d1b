/**
 * zod shapes of single enterprise fields (credit code, dates, money, industry, contacts, certificate),
 * composed into records and inputs by `schema.ts`. Isomorphic.
 */
import { z } from 'zod';
import {
  ENTERPRISE_CONTACT_EMAIL_MAX,
  ENTERPRISE_CONTACT_PHONE_MAX,
  ENTERPRISE_CONTACT_ROLE_MAX,
  ENTERPRISE_DATE_YEAR_MAX,
  ENTERPRISE_DATE_YEAR_MIN,
  ENTERPRISE_HIGH_TECH_CERT_NO_MAX,
  ENTERPRISE_NAME_MAX,
  ENTERPRISE_PERSON_NAME_MAX,
  ENTERPRISE_TAG_MAX,
  USCC_RAW_INPUT_MAX,
} from '../../shared/limits';
import { amountPattern, canonicaliseAmount } from './capital-rules';
import { isValidIndustryCode, normaliseIndustryCode } from './industry-rules';
import { USCC_LENGTH, checkUscc, normaliseUscc } from './uscc-rules';

export const idSchema = z.uuid().describe('ID（UUID）');

/**
 * Credit code as typed by a person or read from a sheet: normalised (trim, inner spaces, full-width,
 * upper case), then checked with `checkUscc`; every problem becomes one issue with a Chinese message
 * and `params.problem` = its `uscc.*` code.
 */
export const creditCodeInputSchema = z
  .string()
  .max(USCC_RAW_INPUT_MAX, { message: '统一社会信用代码过长' })
  .transform(normaliseUscc)
  .superRefine((code, ctx) => {
    for (const problem of checkUscc(code).problems) {
      const message = problem.message.startsWith('统一社会信用代码') ? problem.message : `统一社会信用代码有误：${problem.message}`;
      ctx.addIssue({ code: 'custom', message, params: { problem: problem.code } });
    }
  })
  .describe('统一社会信用代码（GB 32100-2015，18位；输入时自动去空格、全角转半角、转大写）');

/** Stored/returned credit code: already normalised and valid. */
export const creditCodeSchema = z
  .string()
  .regex(new RegExp(`^[0-9A-HJ-NPQRTUWXY]{${USCC_LENGTH}}$`))
  .describe('统一社会信用代码（18位，已规范化）');

/** `YYYY-MM-DD`, a real calendar date (zod checks month lengths and leap years), years 1900–2199. */
export const localDateSchema = z.iso
  .date({ message: '日期须为 YYYY-MM-DD 格式的有效日期' })
  .refine(
    (d) => {
      const year = Number(d.slice(0, 4));
      return year >= ENTERPRISE_DATE_YEAR_MIN && year <= ENTERPRISE_DATE_YEAR_MAX;
    },
    { message: `年份须在 ${ENTERPRISE_DATE_YEAR_MIN}–${ENTERPRISE_DATE_YEAR_MAX} 之间` },
  )
  .describe('日期 YYYY-MM-DD');

/** Input amount: `"1250"`, `"1250.5"` or `"1250.50"`; output always has two decimals. */
export const amountInputSchema = z
  .string()
  .regex(amountPattern, { message: '金额须为非负数，最多两位小数，不带千分位逗号或正负号（如 "1250.50"）' })
  .transform(canonicaliseAmount)
  .describe('金额（十进制字符串，单位为币种的主单位，如人民币元；最多两位小数）');

export const amountSchema = z
  .string()
  .regex(/^(0|[1-9][0-9]*)\.[0-9]{2}$/)
  .describe('金额（十进制字符串，两位小数，如 "12505000.00"）');

export const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, { message: '币种须为 ISO 4217 三位大写字母代码，如 CNY、USD' })
  .describe('币种（ISO 4217，默认 CNY 人民币）');

/** Industry code of any level; `C3435`, `c3435` and full-width forms are normalised to `3435`. */
export const industryCodeInputSchema = z
  .string()
  .max(16)
  .transform(normaliseIndustryCode)
  .refine(isValidIndustryCode, { message: '不是 GB/T 4754-2017 国民经济行业分类中的代码' })
  .describe('行业代码（GB/T 4754-2017，门类字母或2/3/4位数字代码）');

export const industryCodeSchema = z.string().describe('行业代码（GB/T 4754-2017）');

const trimmed = (max: number) => z.string().trim().min(1, { message: '不能为空' }).max(max, { message: `不能超过 ${max} 个字符` });

export const enterpriseNameSchema = trimmed(ENTERPRISE_NAME_MAX).describe('企业名称');
export const personNameSchema = trimmed(ENTERPRISE_PERSON_NAME_MAX).describe('姓名');
export const tagSchema = trimmed(ENTERPRISE_TAG_MAX).describe('标签');

/** Digits with optional `+`, spaces, hyphens, parentheses and 转 (extension), e.g. `0513-82345678转8001`. */
const phonePattern = /^\+?[0-9][0-9 ()\-转]*[0-9]$/;

export const contactSchema = z
  .object({
    name: personNameSchema.describe('联系人姓名'),
    role: trimmed(ENTERPRISE_CONTACT_ROLE_MAX).nullable().default(null).describe('职务/岗位（如 质量负责人、安全管理员）'),
    phone: z
      .string()
      .trim()
      .max(ENTERPRISE_CONTACT_PHONE_MAX)
      .regex(phonePattern, { message: '电话号码格式不正确' })
      .nullable()
      .default(null)
      .describe('电话（手机或固话，可带分机“转”）'),
    email: z.email({ message: '邮箱格式不正确' }).max(ENTERPRISE_CONTACT_EMAIL_MAX).nullable().default(null).describe('邮箱'),
    isPrimary: z.boolean().default(false).describe('是否主要联系人'),
  })
  .strict()
  .describe('联系人');
export type Contact = z.output<typeof contactSchema>;

export const highTechCertificateSchema = z
  .object({
    number: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[0-9A-Z-]+$/, { message: '证书编号只能含数字、字母和连字符' })
      .min(4)
      .max(ENTERPRISE_HIGH_TECH_CERT_NO_MAX)
      .describe('高新技术企业证书编号'),
    issuedOn: localDateSchema.describe('发证日期'),
    validUntil: localDateSchema.describe('有效期至（含当日）'),
  })
  .strict()
  .refine((c) => c.validUntil >= c.issuedOn, { message: '有效期至不能早于发证日期', path: ['validUntil'] })
  .describe('高新技术企业证书');
export type HighTechCertificate = z.output<typeof highTechCertificateSchema>;

/** Removes repeated entries while keeping the first occurrence's order. */
export const dedupe = (values: string[]): string[] => [...new Set(values)];
