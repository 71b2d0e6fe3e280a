/**
 * What the server checks before a request reaches a route, and the one way it refuses: the body
 * limit, the refusal of cross-site writes, the request's own address (never another host named
 * by a path beginning "//"), and which paths are the signed-in area (never cached, whatever the
 * letter case, and React Router's data requests for them too).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEFAULT_CSP, setSecurityHeaders } from './headers.ts';

/**
 * Refuses a request with a short plain-text reason: the security headers, the default policy,
 * and any headers the refusal needs (Retry-After, Connection: close).
 */
export function refuse(res: ServerResponse, status: number, message: string, options: { https?: boolean; headers?: Record<string, string> } = {}): void {
  setSecurityHeaders(res, options.https ?? false);
  res.setHeader('Content-Security-Policy', DEFAULT_CSP);
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  for (const [k, v] of Object.entries(options.headers ?? {})) res.setHeader(k, v);
  res.statusCode = status;
  res.end(message.endsWith('\n') ? message : `${message}\n`);
}

/**
 * The request's URL on this server's origin. The request target must be a path ("/…"): a path
 * that begins "//" stays a path here (`new URL("//evil.example/x", base)` would read it as
 * another host), and an absolute or malformed target is null (answered 400).
 */
export function requestUrl(target: string | undefined, origin: string): URL | null {
  const t = target ?? '/';
  if (!t.startsWith('/')) return null;
  try {
    return new URL(`${origin}${t}`);
  } catch {
    return null;
  }
}

/** This server's origin as the request names it (a Host that is not a plain host[:port] is "localhost"). */
export function requestOrigin(host: string | undefined, https: boolean): string {
  const h = String(host ?? 'localhost');
  return `${https ? 'https' : 'http'}://${/^[\w.-]+(:\d+)?$/.test(h) ? h : 'localhost'}`;
}

/** A declared body larger than the limit (refused before it is read). */
export function declaredTooLarge(req: IncomingMessage, maxBytes: number): boolean {
  return Number(req.headers['content-length'] ?? 0) > maxBytes;
}

/** The request body, cut off with an error past the limit (a body sent without a length too). */
export function limitedBody(req: IncomingMessage, maxBytes: number): ReadableStream<Uint8Array> {
  let seen = 0;
  const iterator = req[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) return controller.close();
      seen += (value as Buffer).length;
      if (seen > maxBytes) {
        req.destroy();
        return controller.error(new Error(`The request body is larger than ${maxBytes} bytes.`));
      }
      controller.enqueue(new Uint8Array(value as Buffer));
    },
    cancel() {
      req.destroy();
    },
  });
}

/**
 * A form post or API write from another site, refused before it reaches a route (the session
 * cookie is SameSite=Lax as well; this covers browsers and proxies that do not honour it).
 */
export function crossSiteWrite(req: IncomingMessage, origin: string): boolean {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return false;
  const from = req.headers.origin;
  if (from === undefined) return req.headers['sec-fetch-site'] === 'cross-site';
  if (from === 'null') return true;
  try {
    return new URL(from).host !== new URL(origin).host;
  } catch {
    return true;
  }
}

/**
 * A path as the router matches it: percent-decoded, lower case (routes match whatever the case),
 * repeated slashes collapsed, and a data request ("/work.data", "/work/tokens.data") taken as the
 * page it loads.
 */
export function routedPath(pathname: string): string {
  let p = pathname;
  try {
    p = decodeURIComponent(p);
  } catch {
    // Left as sent: a malformed escape matches no route either.
  }
  p = p.toLowerCase().replace(/\/{2,}/g, '/');
  if (p.endsWith('.data')) p = p.slice(0, -'.data'.length);
  if (p === '/_root') p = '/';
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

/** The signed-in area: never cached, by us or by anyone between us and the person. */
export function isPrivatePath(pathname: string): boolean {
  const p = routedPath(pathname);
  return p === '/work' || p.startsWith('/work/') || p === '/api/v1/plans' || p.startsWith('/api/v1/plans/');
}

/** Public GETs whose whole response may be cached against the data version. */
export function isCacheable(req: IncomingMessage, pathname: string): boolean {
  return (
    (req.method === 'GET' || req.method === 'HEAD') &&
    !req.headers.cookie &&
    !req.headers.authorization &&
    !pathname.endsWith('.data') &&
    !routedPath(pathname).startsWith('/api/v1/scenarios') &&
    !isPrivatePath(pathname)
  );
}
