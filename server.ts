/**
 * The production web server: static assets from build/client, everything else through React
 * Router; security headers on every response; public GET responses cached whole against the
 * data version, with ETags and 304s; gzip when the client accepts it; a per-address rate limit.
 *
 *   PORT (default 3000), HOST (default 127.0.0.1), DATABASE_URL (default sqlite:./data/alliance.sqlite)
 *   RATE_LIMIT_PER_MINUTE (default 600 per address; 0 turns it off), TRUST_PROXY=1 behind a proxy
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createRequestHandler, type ServerBuild } from 'react-router';
import { wholeNumberSetting } from './app/lib/env.server.ts';

const ROOT = resolve(import.meta.dirname);
const CLIENT_DIR = join(ROOT, 'build', 'client');
const SERVER_BUILD = join(ROOT, 'build', 'server', 'index.js');

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};
/** For everything that is not a page: nothing may run or be framed. */
const DEFAULT_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

interface CachedResponse {
  readonly status: number;
  readonly headers: [string, string][];
  readonly body: Buffer;
  readonly gzip: Buffer | null;
  readonly etag: string;
  readonly version: string;
}

export interface ServerOptions {
  readonly port?: number;
  readonly host?: string;
  readonly rateLimitPerMinute?: number;
  readonly trustProxy?: boolean;
  readonly log?: (line: string) => void;
  /** Run the background jobs (deadline reminders, e-mail delivery) in this process; JOBS=0 turns them off. */
  readonly jobs?: boolean;
}

export interface RunningServer {
  readonly server: Server;
  readonly url: string;
  close(): Promise<void>;
}

/** A token bucket per client address: a steady reader never notices; a scraping loop does. */
class RateLimiter {
  readonly #perMinute: number;
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(perMinute: number) {
    this.#perMinute = perMinute;
  }

  /** Seconds to wait, or 0 if the request may go ahead. */
  take(key: string, now = Date.now()): number {
    if (this.#perMinute <= 0) return 0;
    const burst = Math.max(10, Math.round(this.#perMinute / 4));
    const rate = this.#perMinute / 60_000;
    const b = this.#buckets.get(key) ?? { tokens: burst, at: now };
    b.tokens = Math.min(burst, b.tokens + (now - b.at) * rate);
    b.at = now;
    this.#buckets.set(key, b);
    if (this.#buckets.size > 50_000) this.#buckets.delete(this.#buckets.keys().next().value!);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - b.tokens) / rate / 1000);
  }
}

function setCommonHeaders(res: ServerResponse): void {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
}

function acceptsGzip(req: IncomingMessage): boolean {
  return /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
}

function etagMatches(req: IncomingMessage, etag: string): boolean {
  const inm = req.headers['if-none-match'];
  return typeof inm === 'string' && inm.split(',').some((t) => t.trim() === etag || t.trim() === '*');
}

/** Serves a file under build/client, or returns false. Refuses anything outside the folder. */
function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  // Files have an extension; pages and the API's JSON lists (/api/v1/districts) do not hit the disk.
  if (!/\.[a-z0-9]+$/i.test(pathname) || pathname.startsWith('/api/')) return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  if (decoded.includes('\0')) return false;
  const file = normalize(join(CLIENT_DIR, decoded));
  if (!file.startsWith(CLIENT_DIR + sep)) return false;
  let st;
  try {
    st = statSync(file);
  } catch {
    return false;
  }
  if (!st.isFile()) return false;
  const etag = `W/"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
  setCommonHeaders(res);
  res.setHeader('Content-Security-Policy', DEFAULT_CSP);
  res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
  res.setHeader('Cache-Control', decoded.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
  res.setHeader('ETag', etag);
  if (etagMatches(req, etag)) {
    res.statusCode = 304;
    res.end();
    return true;
  }
  res.setHeader('Content-Length', st.size);
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  createReadStream(file).pipe(res);
  return true;
}

/** The header the server sets with the client's address (any copy the client sent is dropped). */
export const CLIENT_IP_HEADER = 'x-alliance-client-ip';

/** The largest request body accepted (uploads are limited again, by type, in the upload service). */
const MAX_BODY_BYTES = wholeNumberSetting(process.env, 'MAX_BODY_BYTES', 25 * 1024 * 1024, 1);

/** The request body, cut off with an error past the limit (a body sent without a length too). */
function limitedBody(req: IncomingMessage): ReadableStream<Uint8Array> {
  let seen = 0;
  const iterator = req[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) return controller.close();
      seen += (value as Buffer).length;
      if (seen > MAX_BODY_BYTES) {
        req.destroy();
        return controller.error(new Error(`The request body is larger than ${MAX_BODY_BYTES} bytes.`));
      }
      controller.enqueue(new Uint8Array(value as Buffer));
    },
    cancel() {
      req.destroy();
    },
  });
}

function toRequest(req: IncomingMessage, origin: string, client: string): Request {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined || k === CLIENT_IP_HEADER) continue;
    if (Array.isArray(v)) for (const x of v) headers.append(k, x);
    else headers.set(k, v);
  }
  headers.set(CLIENT_IP_HEADER, client);
  const method = req.method ?? 'GET';
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  if (method !== 'GET' && method !== 'HEAD') {
    init.body = limitedBody(req);
    init.duplex = 'half';
  }
  return new Request(new URL(req.url ?? '/', origin), init);
}

/** Public GETs whose whole response may be cached against the data version. */
function cacheable(req: IncomingMessage, pathname: string): boolean {
  return (
    (req.method === 'GET' || req.method === 'HEAD') &&
    !req.headers.cookie &&
    !req.headers.authorization &&
    !pathname.endsWith('.data') &&
    !pathname.startsWith('/api/v1/scenarios') &&
    !privatePath(pathname)
  );
}

/** The signed-in area: never cached, by us or by anyone between us and the person. */
function privatePath(pathname: string): boolean {
  return pathname === '/work' || pathname.startsWith('/work/') || pathname.startsWith('/api/v1/plans/');
}

/**
 * A form post or API write from another site is refused before it reaches a route (the session
 * cookie is SameSite=Lax as well; this covers browsers and proxies that do not honour it).
 */
function crossSiteWrite(req: IncomingMessage, origin: string): boolean {
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

async function send(req: IncomingMessage, res: ServerResponse, r: CachedResponse): Promise<void> {
  res.statusCode = r.status;
  for (const [k, v] of r.headers) res.setHeader(k, v);
  setCommonHeaders(res);
  if (!r.headers.some(([k]) => k === 'content-security-policy')) res.setHeader('Content-Security-Policy', DEFAULT_CSP);
  res.setHeader('ETag', r.etag);
  res.setHeader('Vary', 'Accept-Encoding');
  if (privatePath(new URL(req.url ?? '/', 'http://x').pathname)) res.setHeader('Cache-Control', 'no-store');
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

async function materialise(response: Response, version: string): Promise<CachedResponse> {
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

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  if (!existsSync(SERVER_BUILD)) throw new Error(`No build at ${SERVER_BUILD}: run "npm run build" (npm start builds it for you).`);
  const build = (await import(pathToFileURL(SERVER_BUILD).href)) as ServerBuild & {
    entry: { module: { dataVersionNow?: () => Promise<string>; startBackgroundJobs?: (log: (line: string) => void) => Promise<{ stop(): Promise<void>; engine: string } | null> } };
  };
  const handle = createRequestHandler(build, process.env.NODE_ENV === 'development' ? 'development' : 'production');
  const dataVersionNow = build.entry.module.dataVersionNow ?? (async () => 'static');
  const log = options.log ?? ((line: string) => console.log(line));
  const limiter = new RateLimiter(options.rateLimitPerMinute ?? wholeNumberSetting(process.env, 'RATE_LIMIT_PER_MINUTE', 600));
  const trustProxy = options.trustProxy ?? process.env.TRUST_PROXY === '1';
  const cache = new Map<string, CachedResponse>();
  let version = { value: await dataVersionNow(), at: Date.now() };
  const currentVersion = async () => {
    if (Date.now() - version.at > 1000) version = { value: await dataVersionNow(), at: Date.now() };
    return version.value;
  };

  const server = createHttpServer(async (req, res) => {
    const started = performance.now();
    const host = String(req.headers.host ?? `localhost`);
    const origin = `http://${/^[\w.-]+(:\d+)?$/.test(host) ? host : 'localhost'}`;
    let pathname = '/';
    try {
      pathname = new URL(req.url ?? '/', origin).pathname;
    } catch {
      res.statusCode = 400;
      res.end('Bad request');
      return;
    }
    try {
      const client = (trustProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',')[0]?.trim() : '') || req.socket.remoteAddress || 'unknown';
      const wait = limiter.take(client);
      if (wait > 0) {
        setCommonHeaders(res);
        res.setHeader('Content-Security-Policy', DEFAULT_CSP);
        res.setHeader('Retry-After', String(wait));
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.statusCode = 429;
        res.end(`Too many requests from this address. Please wait ${wait} seconds. (Bulk data: see /api/docs.)\n`);
        return;
      }
      if (serveStatic(req, res, pathname)) return;
      if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
        setCommonHeaders(res);
        res.setHeader('Content-Security-Policy', DEFAULT_CSP);
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.setHeader('Connection', 'close');
        res.statusCode = 413;
        res.end(`The request is larger than ${Math.round(MAX_BODY_BYTES / 1024 / 1024)} MB.\n`);
        return;
      }
      if (crossSiteWrite(req, origin)) {
        setCommonHeaders(res);
        res.setHeader('Content-Security-Policy', DEFAULT_CSP);
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.statusCode = 403;
        res.end('Cross-site form posts are refused. Use the form on this site.\n');
        return;
      }
      const key = cacheable(req, pathname) ? `${req.url}` : null;
      const v = await currentVersion();
      if (key) {
        const hit = cache.get(key);
        if (hit && hit.version === v) {
          cache.delete(key);
          cache.set(key, hit);
          await send(req, res, hit);
          return;
        }
      }
      const response = await handle(toRequest(req, origin, client));
      if (response.body && response.headers.get('content-type')?.startsWith('text/event-stream')) {
        res.statusCode = response.status;
        response.headers.forEach((val, k) => res.setHeader(k, val));
        for await (const chunk of response.body) res.write(chunk);
        res.end();
        return;
      }
      const entry = await materialise(response, v);
      if (key && response.status === 200 && !response.headers.get('set-cookie')) {
        cache.set(key, entry);
        if (cache.size > 2000) cache.delete(cache.keys().next().value!);
      }
      await send(req, res, entry);
    } catch (e) {
      log(`error ${req.method} ${req.url}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      if (!res.headersSent) {
        setCommonHeaders(res);
        res.setHeader('Content-Security-Policy', DEFAULT_CSP);
        res.statusCode = 500;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      }
      res.end('Internal error. It has been logged.\n');
    } finally {
      if (process.env.LOG_REQUESTS === '1') log(`${req.method} ${req.url} ${res.statusCode} ${(performance.now() - started).toFixed(1)}ms`);
    }
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 30_000;
  const port = options.port ?? Number(process.env.PORT ?? 3000);
  const hostName = options.host ?? process.env.HOST ?? '127.0.0.1';
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, hostName, () => ok());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const jobs = options.jobs ? await build.entry.module.startBackgroundJobs?.(log) : null;
  if (jobs) log(`Background jobs: ${jobs.engine} (deadline reminders hourly, e-mail every minute${process.env.SMTP_URL ? '' : '; SMTP_URL unset, so e-mail stays in the outbox'}).`);
  return {
    server,
    url: `http://${hostName === '0.0.0.0' ? '127.0.0.1' : hostName}:${actualPort}`,
    close: async () => {
      await jobs?.stop();
      await new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      });
    },
  };
}

if (import.meta.main) {
  const running = await startServer({ jobs: true });
  console.log(`Alliance Districts site: ${running.url}  (database: ${process.env.DATABASE_URL || 'sqlite:./data/alliance.sqlite'})`);
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
