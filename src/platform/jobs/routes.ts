import { z } from 'zod';
import { notFound } from '../../shared/errors';
import { requireActor } from '../http/access';
import { createRouter, defineRoute, idParamsSchema, okJson } from '../http/router';
import { findJob, jobStatuses, type Job } from './queue';

/** `GET /api/v1/jobs/{id}`: progress of a long-running job, for its creator and whoever's scope covers it. */
export const jobSchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    status: z.enum(jobStatuses),
    progress: z.object({
      done: z.number().int(),
      total: z.number().int().nullable(),
      percent: z.number().nullable().describe('0–100，总数未知时为 null'),
    }),
    message: z.string().nullable(),
    result: z.unknown().nullable(),
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'Job' });
export type PublicJob = z.infer<typeof jobSchema>;

export function toPublicJob(job: Job): PublicJob {
  const total = job.progressTotal;
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    progress: { done: job.progressDone, total, percent: total && total > 0 ? Math.min(100, Math.round((job.progressDone / total) * 1000) / 10) : null },
    message: job.message,
    result: job.result,
    error: job.error,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
}

export const jobRoutes = createRouter();

jobRoutes.openapi(
  defineRoute({
    method: 'get',
    path: '/jobs/{id}',
    tags: ['后台任务 Jobs'],
    summary: '后台任务进度',
    access: { permission: 'jobs.read', scope: 'org_or_enterprise' },
    request: { params: idParamsSchema },
    responses: okJson(jobSchema, '任务状态与进度'),
  }),
  async (c) => {
    const actor = requireActor(c.var.actor);
    const job = await findJob(c.var.db, c.req.valid('param').id, { scope: actor.scope, userId: actor.userId });
    if (!job) throw notFound('job.not_found', '任务不存在或无权查看');
    return c.json(toPublicJob(job), 200);
  },
);
