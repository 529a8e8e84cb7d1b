import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { describe, expect, it } from 'vitest';
import { compressResponses } from './compression';

/**
 * compressResponses() must answer exactly as hono's compress() does — it only avoids rebuilding
 * the response for clients that accept no encoding. Each case runs through both.
 */
type Case = { name: string; method?: string; respond: () => Response };

const big = 'x'.repeat(4000);
const cases: Case[] = [
  { name: 'JSON', respond: () => Response.json({ items: [big] }) },
  { name: 'small JSON with a length', respond: () => new Response('{"a":1}', { headers: { 'content-type': 'application/json', 'content-length': '7' } }) },
  { name: 'large text with a length', respond: () => new Response(big, { headers: { 'content-type': 'text/plain', 'content-length': String(big.length) } }) },
  { name: 'xlsx download', respond: () => new Response(big, { headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } }) },
  { name: 'no content type', respond: () => new Response(null, { status: 204 }) },
  { name: 'partial content', respond: () => new Response(big, { status: 206, headers: { 'content-type': 'text/plain' } }) },
  { name: 'already encoded', respond: () => new Response(big, { headers: { 'content-type': 'text/plain', 'content-encoding': 'br' } }) },
  { name: 'no-transform', respond: () => new Response(big, { headers: { 'content-type': 'text/html', 'cache-control': 'public, no-transform' } }) },
  { name: 'existing Vary', respond: () => new Response(big, { headers: { 'content-type': 'text/html', vary: 'Origin' } }) },
  { name: 'Vary already names the encoding', respond: () => new Response(big, { headers: { 'content-type': 'text/html', vary: 'Origin, accept-encoding' } }) },
  { name: 'Vary *', respond: () => new Response(big, { headers: { 'content-type': 'text/html', vary: '*' } }) },
  { name: 'HEAD', method: 'HEAD', respond: () => new Response(null, { headers: { 'content-type': 'text/html' } }) },
];

function appWith(middleware: ReturnType<typeof compress>, respond: () => Response): Hono {
  const app = new Hono();
  app.use('*', middleware);
  app.all('/r', () => respond());
  return app;
}

async function answer(app: Hono, method: string, acceptEncoding: string | null) {
  const res = await app.request('/r', { method, headers: acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding } });
  const body = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, vary: res.headers.get('vary'), encoding: res.headers.get('content-encoding'), type: res.headers.get('content-type'), bytes: body.length };
}

describe('compressResponses', () => {
  for (const c of cases) {
    for (const acceptEncoding of [null, '', 'gzip', 'gzip, deflate, br', 'identity']) {
      it(`answers like compress() for ${c.name} with Accept-Encoding ${JSON.stringify(acceptEncoding)}`, async () => {
        const method = c.method ?? 'GET';
        const ours = await answer(appWith(compressResponses(), c.respond), method, acceptEncoding);
        const theirs = await answer(appWith(compress(), c.respond), method, acceptEncoding);
        expect(ours).toEqual(theirs);
      });
    }
  }

  it('gzips JSON for a browser and leaves it plain, but varying, for a client that accepts no encoding', async () => {
    const app = appWith(compressResponses(), () => Response.json({ items: [big] }));
    const browser = await answer(app, 'GET', 'gzip, deflate, br');
    const client = await answer(app, 'GET', null);
    expect(browser.encoding).toBe('gzip');
    expect(browser.bytes).toBeLessThan(big.length);
    expect(client.encoding).toBeNull();
    expect(client.bytes).toBeGreaterThan(big.length);
    expect(client.vary).toBe('Accept-Encoding');
  });
});
