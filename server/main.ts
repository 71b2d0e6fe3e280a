/**
 * The production web server, composed: the rate limit, static files, the guards (body limit,
 * cross-site writes, the request's own address), the page cache, then React Router. Every module
 * it uses lives beside it in server/ with its own tests.
 *
 *   PORT (default 3000), HOST (default 127.0.0.1), DATABASE_URL (default sqlite:./data/alliance.sqlite)
 *   PUBLIC_URL (the site's address; required when NODE_ENV=production)
 *   RATE_LIMIT_PER_MINUTE (default 600 per address; 0 turns it off), TRUST_PROXY=N behind N proxies
 *   MAX_BODY_BYTES (default 25 MB), LOG_REQUESTS=1, JOBS=0
 */
import type { TLSSocket } from 'node:tls';
import { existsSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequestHandler, type ServerBuild } from 'react-router';
import { publicUrlSetting, separationOfDuties, wholeNumberSetting } from '../app/lib/env.server.ts';
import { clientAddress, trustedHops } from './client-address.ts';
import { crossSiteWrite, declaredTooLarge, isCacheable, limitedBody, refuse, requestOrigin, requestUrl } from './guards.ts';
import { materialise, PageCache, send } from './page-cache.ts';
import { RateLimiter } from './rate-limit.ts';
import { serveStatic } from './static-files.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CLIENT_DIR = join(ROOT, 'build', 'client');
const SERVER_BUILD = join(ROOT, 'build', 'server', 'index.js');

/** The header the server sets with the client's address (any copy the client sent is dropped). */
export const CLIENT_IP_HEADER = 'x-alliance-client-ip';

export interface ServerOptions {
  readonly port?: number;
  readonly host?: string;
  readonly rateLimitPerMinute?: number;
  /** How many proxies in front append to X-Forwarded-For (TRUST_PROXY); `true` means one. */
  readonly trustProxy?: boolean | number;
  readonly log?: (line: string) => void;
  /** Run the background jobs (deadline reminders, e-mail delivery) in this process; JOBS=0 turns them off. */
  readonly jobs?: boolean;
}

export interface RunningServer {
  readonly server: Server;
  readonly url: string;
  close(): Promise<void>;
}

function toRequest(req: IncomingMessage, url: URL, client: string, maxBodyBytes: number): Request {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined || k === CLIENT_IP_HEADER) continue;
    if (Array.isArray(v)) for (const x of v) headers.append(k, x);
    else headers.set(k, v);
  }
  headers.set(CLIENT_IP_HEADER, client);
  // A HEAD is answered as the GET it asks about, without the body (send() leaves it out): the
  // router would render an empty body for it, and the cache would keep that for the GET.
  const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  if (method !== 'GET' && method !== 'HEAD') {
    init.body = limitedBody(req, maxBodyBytes);
    init.duplex = 'half';
  }
  return new Request(url, init);
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  if (!existsSync(SERVER_BUILD)) throw new Error(`No build at ${SERVER_BUILD}: run "npm run build" (npm start builds it for you).`);
  // Settings that are wrong stop the server here, naming the variable, before it listens.
  const publicUrl = publicUrlSetting(process.env);
  separationOfDuties(process.env);
  const maxBodyBytes = wholeNumberSetting(process.env, 'MAX_BODY_BYTES', 25 * 1024 * 1024, 1);
  const hops = options.trustProxy === undefined ? trustedHops(process.env) : options.trustProxy === true ? 1 : options.trustProxy === false ? 0 : options.trustProxy;
  const limiter = new RateLimiter(options.rateLimitPerMinute ?? wholeNumberSetting(process.env, 'RATE_LIMIT_PER_MINUTE', 600));
  const publicHttps = publicUrl.startsWith('https:');

  const build = (await import(pathToFileURL(SERVER_BUILD).href)) as ServerBuild & {
    entry: { module: { dataVersionNow?: () => Promise<string>; startBackgroundJobs?: (log: (line: string) => void) => Promise<{ stop(): Promise<void>; engine: string } | null> } };
  };
  const handle = createRequestHandler(build, process.env.NODE_ENV === 'development' ? 'development' : 'production');
  const dataVersionNow = build.entry.module.dataVersionNow ?? (async () => 'static');
  const log = options.log ?? ((line: string) => console.log(line));
  const cache = new PageCache();
  let version = { value: await dataVersionNow(), at: Date.now() };
  const currentVersion = async () => {
    if (Date.now() - version.at > 1000) version = { value: await dataVersionNow(), at: Date.now() };
    return version.value;
  };

  const server = createHttpServer(async (req, res) => {
    const started = performance.now();
    // Over HTTPS: this socket's TLS, or the trusted proxy's word for it; or the site's own address.
    const https = Boolean((req.socket as TLSSocket).encrypted) || (hops > 0 && String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim() === 'https') || publicHttps;
    const origin = requestOrigin(req.headers.host, Boolean((req.socket as TLSSocket).encrypted));
    const url = requestUrl(req.url, origin);
    if (!url) return refuse(res, 400, 'Bad request: the request target must be a path.', { https });
    const pathname = url.pathname;
    try {
      const client = clientAddress(req.headers['x-forwarded-for'], req.socket.remoteAddress, hops);
      const wait = limiter.take(client);
      if (wait > 0) return refuse(res, 429, `Too many requests from this address. Please wait ${wait} seconds. (Bulk data: see /api/docs.)`, { https, headers: { 'Retry-After': String(wait) } });
      if (serveStatic(req, res, pathname, CLIENT_DIR, https)) return;
      if (declaredTooLarge(req, maxBodyBytes)) return refuse(res, 413, `The request is larger than ${Math.round(maxBodyBytes / 1024 / 1024)} MB.`, { https, headers: { Connection: 'close' } });
      if (crossSiteWrite(req, origin)) return refuse(res, 403, 'Cross-site form posts are refused. Use the form on this site.', { https });
      const key = isCacheable(req, pathname) ? `${url.pathname}${url.search}` : null;
      const v = await currentVersion();
      if (key) {
        const hit = cache.get(key, v);
        if (hit) return send(req, res, hit, pathname, https);
      }
      const response = await handle(toRequest(req, url, client, maxBodyBytes));
      if (response.body && response.headers.get('content-type')?.startsWith('text/event-stream')) {
        res.statusCode = response.status;
        response.headers.forEach((val, k) => res.setHeader(k, val));
        for await (const chunk of response.body) res.write(chunk);
        res.end();
        return;
      }
      const entry = await materialise(response, v);
      if (key && response.status === 200 && !response.headers.get('set-cookie')) cache.set(key, entry);
      send(req, res, entry, pathname, https);
    } catch (e) {
      log(`error ${req.method} ${req.url}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      if (!res.headersSent) refuse(res, 500, 'Internal error. It has been logged.', { https });
      else res.end();
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
