/**
 * The built client files (build/client): served with their type, cached for a year under
 * /assets/ (their names carry a hash) and an hour otherwise, with ETags. Nothing outside the
 * folder is ever read; pages and the API's lists (paths without an extension) never touch the disk.
 */
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { DEFAULT_CSP, setSecurityHeaders } from './headers.ts';

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

export function etagMatches(req: IncomingMessage, etag: string): boolean {
  const inm = req.headers['if-none-match'];
  return typeof inm === 'string' && inm.split(',').some((t) => t.trim() === etag || t.trim() === '*');
}

/** The file under `dir` a request path names, or null (no extension, an API path, outside the folder, not a file). */
export function staticFile(dir: string, pathname: string): { file: string; size: number; mtimeMs: number } | null {
  if (!/\.[a-z0-9]+$/i.test(pathname) || pathname.startsWith('/api/')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = normalize(join(dir, decoded));
  if (!file.startsWith(dir + sep)) return null;
  try {
    const st = statSync(file);
    return st.isFile() ? { file, size: st.size, mtimeMs: st.mtimeMs } : null;
  } catch {
    return null;
  }
}

/** Serves a file under `dir`, or returns false. */
export function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string, dir: string, https = false): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const found = staticFile(dir, pathname);
  if (!found) return false;
  const etag = `W/"${found.size.toString(16)}-${Math.floor(found.mtimeMs).toString(16)}"`;
  setSecurityHeaders(res, https);
  res.setHeader('Content-Security-Policy', DEFAULT_CSP);
  res.setHeader('Content-Type', TYPES[extname(found.file)] ?? 'application/octet-stream');
  res.setHeader('Cache-Control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
  res.setHeader('ETag', etag);
  if (etagMatches(req, etag)) {
    res.statusCode = 304;
    res.end();
    return true;
  }
  res.setHeader('Content-Length', found.size);
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  createReadStream(found.file).pipe(res);
  return true;
}
