import { z } from 'zod';
import { invalid } from '../../shared/errors';
import { requireActor } from '../../platform/http/access';
import { attachmentHeader } from '../../platform/excel/export';
import { createRouter, defineRoute, idParamsSchema, okJson } from '../../platform/http/router';
import { filePurposes, type FilePurpose } from './rules';
import { getFileContent, storeFile } from './service';

export const fileRoutes = createRouter();
const tags = ['文件 Files'];

const storedFileSchema = z
  .object({ id: z.uuid(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), sha256: z.string(), purpose: z.string(), createdAt: z.string() })
  .meta({ id: 'StoredFile' });

const uploadSchema = z.object({
  file: z.any().describe('文件（multipart/form-data）').meta({ type: 'string', format: 'binary' }),
  purpose: z.enum(Object.keys(filePurposes) as [FilePurpose, ...FilePurpose[]]).describe('用途：photo 照片、evidence 佐证、import 导入、geojson'),
});

fileRoutes.openapi(
  defineRoute({
    method: 'post',
    path: '/files',
    tags,
    summary: '上传文件（按内容识别类型并限制大小）',
    access: { permission: 'files.upload', scope: 'global' },
    maxBodyBytes: 21 * 1024 * 1024,
    request: { body: { content: { 'multipart/form-data': { schema: uploadSchema } }, required: true } },
    responses: okJson(storedFileSchema, '已上传', 201),
  }),
  async (c) => {
    const form = c.req.valid('form') as { file?: unknown; purpose?: unknown };
    const file = form.file;
    const purpose = form.purpose;
    if (!(file instanceof File)) throw invalid('file.missing', '缺少文件字段 file');
    if (typeof purpose !== 'string' || !(purpose in filePurposes)) throw invalid('file.bad_purpose', '用途 purpose 不正确');
    const stored = await storeFile(c.var.db, {
      actor: requireActor(c.var.actor),
      purpose: purpose as FilePurpose,
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    return c.json(stored, 201);
  },
);

fileRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/files/{id}',
    tags,
    summary: '下载文件',
    access: { permission: 'files.read', scope: 'org_or_enterprise' },
    request: { params: idParamsSchema, query: z.object({ download: z.enum(['1', '0']).optional() }) },
    responses: { 200: { description: '文件内容', content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } } } },
  }),
  async (c) => {
    const file = await getFileContent(c.var.db, { actor: requireActor(c.var.actor), id: c.req.valid('param').id });
    const inline = c.req.valid('query').download !== '1' && file.contentType.startsWith('image/');
    return new Response(new Uint8Array(file.content) as unknown as BodyInit, {
      headers: {
        'content-type': file.contentType,
        'content-disposition': inline ? 'inline' : attachmentHeader(file.fileName),
        'cache-control': 'private, max-age=3600',
        'x-content-type-options': 'nosniff',
      },
    });
  },
);
