/**
 * Whole responses of public GETs, kept against the data version: a hit is served as it was
 * rendered (with its ETag; 304 to a conditional request; gzip when the client takes it) until
 * the data changes. Least recently used entries go first past the capacity. Each process keeps
 * its own; the data version (read from the database) keeps them right across processes.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { DEFAULT_CSP, setSecurityHeaders } from './headers.ts';
import { isPrivatePath } from './guards.ts';
import { etagMatches } from './static-files.ts';

export interface CachedResponse {
  readonly status: number;
  readonly headers: [string, string][];
  readonly body: Buffer;
  readonly gzip: Buffer | null;
  readonly etag: string;
  readonly version: string;
}

export class PageCache {
  readonly #entries = new Map<string, CachedResponse>();
  readonly #capacity: number;

  constructor(capacity = 2000) {
    this.#capacity = capacity;
  }

  /** The entry for the key if it was made at this data version (and marks it recently used). */
  get(key: string, version: string): CachedResponse | null {
    const hit = this.#entries.get(key);
    if (!hit || hit.version !== version) return null;
    this.#entries.delete(key);
    this.#entries.set(key, hit);
    return hit;
  }

  set(key: string, entry: CachedResponse): void {
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    if (this.#entries.size > this.#capacity) this.#entries.delete(this.#entries.keys().next().value!);
  }

  get size(): number {
    return this.#entries.size;
  }
}

/** A Fetch response read whole, with its ETag and (for text worth it) a gzipped copy. */
export async function materialise(response: Response, version: string): Promise<CachedResponse> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: [string, string][] = [];
  response.headers.forEach((v, k) => {
    if (k !== 'content-length' && k !== 'content-encoding' && k !== 'etag') headers.push([k, v]);
  });
  const type = response.headers.get('content-type') ?? '';
  const compressible = body.length > 1024 && /^(text\/|application\/(json|javascript|xml|yaml))/.test(type);
  return {
    status: response.status,
    headers,
    body,
    gzip: compressible ? gzipSync(body, { level: 6 }) : null,
    etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
    version,
  };
}

function acceptsGzip(req: IncomingMessage): boolean {
  return /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
}

/**
 * Sends a response: the security headers, the page's own policy or the default one, and the
 * cache policy — `no-store` for the signed-in area whatever the route said, else revalidate.
 */
export function send(req: IncomingMessage, res: ServerResponse, r: CachedResponse, pathname: string, https = false): void {
  res.statusCode = r.status;
  for (const [k, v] of r.headers) res.setHeader(k, v);
  setSecurityHeaders(res, https);
  if (!r.headers.some(([k]) => k === 'content-security-policy')) res.setHeader('Content-Security-Policy', DEFAULT_CSP);
  res.setHeader('ETag', r.etag);
  res.setHeader('Vary', 'Accept-Encoding');
  if (isPrivatePath(pathname)) res.setHeader('Cache-Control', 'no-store');
  else if (!r.headers.some(([k]) => k === 'cache-control')) res.setHeader('Cache-Control', 'public, max-age=0, must-revalidate');
  if (r.status === 200 && etagMatches(req, r.etag)) {
    res.statusCode = 304;
    res.removeHeader('Content-Length');
    res.end();
    return;
  }
  const gz = r.gzip && acceptsGzip(req);
  const body = gz ? r.gzip! : r.body;
  if (gz) res.setHeader('Content-Encoding', 'gzip');
  res.setHeader('Content-Length', body.length);
  res.end(req.method === 'HEAD' ? undefined : body);
}
