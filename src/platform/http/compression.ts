import type { MiddlewareHandler } from 'hono';
import { compress, COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/compress';

/**
 * Response compression: hono's `compress()` for requests that name an accepted encoding; for the
 * others (API clients, proxies, load generators) only what `compress()` does to their responses —
 * add `Vary: Accept-Encoding` — set on the response's own headers. `compress()` adds it with
 * `c.header()`, which rebuilds a finished response around its body stream: on @hono/node-server a
 * plain string body then goes out as a stream, which costs about a tenth of a list request's CPU
 * although nothing is compressed.
 */
export function compressResponses(): MiddlewareHandler {
  const compressing = compress();
  return async (c, next) => {
    if (c.req.header('accept-encoding')) return compressing(c, next);
    await next();
    if (!varyOnEncoding(c.res, c.req.method)) return;
    const vary = c.res.headers.get('vary');
    c.res.headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
  };
}

const minimumBytes = 1024; // compress()'s default threshold
const noTransform = /(?:^|,)\s*?no-transform\s*?(?:,|$)/i;
const varyListsEncoding = /(?:^|,)\s*accept-encoding\s*(?:,|$)/i;

/** Whether `compress()` would add Accept-Encoding to the response's Vary (the same tests, in its order). */
export function varyOnEncoding(res: Response, method: string): boolean {
  const headers = res.headers;
  const length = headers.get('content-length');
  if (res.status === 206 || headers.has('content-encoding') || headers.has('transfer-encoding') || method === 'HEAD') return false;
  if (length && Number(length) < minimumBytes) return false;
  const type = headers.get('content-type');
  if (!type || !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type)) return false;
  const cacheControl = headers.get('cache-control');
  if (cacheControl && noTransform.test(cacheControl)) return false;
  const vary = headers.get('vary');
  return vary !== '*' && !(vary && varyListsEncoding.test(vary));
}
