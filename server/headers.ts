/**
 * The headers every response carries, and the policy for what is not a page. Pages get their
 * own Content-Security-Policy from the app (app/lib/headers.server.ts); everything else may run
 * and frame nothing.
 */
import type { ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from '../app/lib/headers.server.ts';

/** For everything that is not a page: nothing may run or be framed. */
export const DEFAULT_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** HTTP Strict Transport Security, sent only on responses served over HTTPS (a year, subdomains too). */
export const HSTS = 'max-age=31536000; includeSubDomains';

/** The security headers, and HSTS when the response goes out over HTTPS. */
export function setSecurityHeaders(res: ServerResponse, https: boolean): void {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
  if (https) res.setHeader('Strict-Transport-Security', HSTS);
}
