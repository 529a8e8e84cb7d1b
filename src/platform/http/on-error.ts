import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { DomainError, type ErrorKind } from '../../shared/errors';
import type { AppEnv } from './context';

/** The single mapping from error kinds to HTTP statuses (product.md §4). */
export const statusByKind: Record<ErrorKind, ContentfulStatusCode> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
};

export type ErrorBody = { error: { code: string; message: string; details?: unknown } };

export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return details === undefined ? { error: { code, message } } : { error: { code, message, details } };
}

/** Translate anything thrown into a DomainError; unknown errors become null (a bug → 500). */
export function toDomainError(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  if (error instanceof ZodError) return new DomainError('invalid', 'request.invalid', '请求参数不合法', { issues: summariseIssues(error) });
  if (error instanceof HTTPException) {
    if (error.status === 400) {
      const malformed = /json/i.test(error.message);
      return new DomainError('invalid', malformed ? 'request.malformed_json' : 'request.bad_request', malformed ? '请求体不是合法的 JSON' : error.message || 'Bad request');
    }
    if (error.status === 413) return new DomainError('too_large', 'request.too_large', '请求体过大');
    if (error.status === 401) return new DomainError('unauthenticated', 'auth.required', '请先登录');
    if (error.status === 403) return new DomainError('forbidden', 'auth.forbidden', '无权执行此操作');
    if (error.status === 404) return new DomainError('not_found', 'route.not_found', '未找到');
    if (error.status === 415) return new DomainError('invalid', 'request.unsupported_media_type', '请求体的内容类型不受支持（JSON 接口请用 application/json）');
    if (error.status >= 400 && error.status < 500) return new DomainError('invalid', 'request.bad_request', error.message || 'Bad request');
  }
  const code = postgresErrorCode(error);
  if (code && /^22/.test(code)) {
    // invalid_text_representation, numeric_value_out_of_range, …: input that slipped past validation
    return new DomainError('invalid', 'request.invalid_value', '输入值超出允许范围');
  }
  // Safety nets behind the services' own checks: a reference to a record that does not exist, a duplicate key.
  if (code === '23503') return new DomainError('invalid', 'request.unknown_reference', '引用的记录不存在（可能已被删除）');
  if (code === '23505') return new DomainError('conflict', 'request.duplicate', '记录已存在（唯一性冲突）');
  return null;
}

/** The SQLSTATE of a database error, also when a driver or Drizzle wraps it (`cause`). */
function postgresErrorCode(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return null;
}

export function summariseIssues(error: ZodError): Array<{ path: string; code: string; message: string }> {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), code: i.code, message: i.message }));
}

export function onError(error: Error, c: Context<AppEnv>): Response {
  const domainError = toDomainError(error);
  if (domainError) {
    const status = statusByKind[domainError.kind];
    if (status === 429 && typeof (domainError.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds === 'number') {
      c.header('Retry-After', String((domainError.details as { retryAfterSeconds: number }).retryAfterSeconds));
    }
    return c.json(errorBody(domainError.code, domainError.message, domainError.details), status);
  }
  const logger = c.get('logger');
  logger?.error({ err: error, requestId: c.get('requestId') }, 'unhandled error');
  return c.json(errorBody('internal', '服务器内部错误，请稍后再试', { requestId: c.get('requestId') }), 500);
}
