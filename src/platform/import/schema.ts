import { z } from 'zod';
import { importBatchStatuses, type ImportBatch } from './batch-store';
import { importModes } from './types';

/** API shapes of the generic import routes. */
export const importBatchSchema = z
  .object({
    id: z.uuid(),
    kind: z.string().describe('导入类型，如 enterprises'),
    kindLabel: z.string(),
    mode: z.enum(importModes).describe('all_or_nothing 全部正确才导入 / valid_only 只导入正确行'),
    dryRun: z.boolean().describe('试导入：只校验，不写入'),
    status: z.enum(importBatchStatuses).describe('queued 排队 / running 处理中 / succeeded 已导入 / rejected 有错误未导入 / validated 试导入完成 / failed 失败 / undone 已撤销'),
    fileName: z.string(),
    fileSize: z.number().int(),
    fileSha256: z.string(),
    fileFormat: z.enum(['xlsx', 'csv']),
    headers: z.array(z.string()),
    columnMap: z.object({ mapped: z.record(z.string(), z.string()), ignored: z.array(z.string()) }).nullable().describe('文件表头 → 模板列；未识别的表头'),
    jobId: z.uuid().nullable(),
    totalRows: z.number().int(),
    insertedCount: z.number().int(),
    updatedCount: z.number().int(),
    unchangedCount: z.number().int(),
    failedCount: z.number().int(),
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).nullable().describe('整个文件的错误（缺列、格式、超限…）'),
    orgUnitId: z.uuid().nullable(),
    createdBy: z.uuid().nullable(),
    createdByName: z.string(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    undoneAt: z.string().nullable(),
    undoneBy: z.uuid().nullable(),
    version: z.number().int(),
    canUndo: z.boolean().describe('批次已写入且未撤销（撤销时仍会检查记录是否被改过）'),
    hasErrorReport: z.boolean(),
  })
  .meta({ id: 'ImportBatch' });
export type PublicImportBatch = z.infer<typeof importBatchSchema>;

export function toPublicBatch(batch: ImportBatch, kindLabel: string): PublicImportBatch {
  return { ...batch, kindLabel, canUndo: batch.status === 'succeeded' && !batch.dryRun, hasErrorReport: batch.failedCount > 0 };
}

const dateFilter = z.iso.date();

export const listImportsQuerySchema = z
  .object({
    q: z.string().trim().max(100).optional().describe('文件名或导入人'),
    kind: z.string().trim().max(40).optional(),
    status: z.enum(importBatchStatuses).optional(),
    mine: z.stringbool().optional().describe('只看我导入的'),
    from: dateFilter.optional().describe('起始日期（含，UTC）'),
    to: dateFilter.optional().describe('截止日期（含，UTC）'),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
    sort: z.enum(['-createdAt', 'createdAt']).default('-createdAt'),
  })
  .strict();

export const importBatchPageSchema = z.object({ items: z.array(importBatchSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const uploadImportFormSchema = z.object({
  file: z.any().describe('xlsx 或 csv 文件').meta({ type: 'string', format: 'binary' }),
  mode: z.enum(importModes).optional().describe('默认 all_or_nothing'),
  dryRun: z.enum(['true', 'false']).optional().describe('true = 试导入（只校验）'),
});

export const uploadImportResponseSchema = z.object({ batch: importBatchSchema, jobId: z.uuid().nullable() }).meta({ id: 'ImportUpload' });

export const undoImportInputSchema = z.object({ version: z.number().int().min(1).optional().describe('批次版本号（可选，乐观锁）') }).strict();

export const importKindParamsSchema = z.object({ kind: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/).describe('导入类型，如 enterprises') });
