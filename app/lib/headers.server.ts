/**
 * Security headers for every response, and the Content-Security-Policy for pages: only this
 * origin's scripts, styles, images and fonts, plus the app's own inline scripts by hash.
 */
import { createHash } from 'node:crypto';

/**
 * The inline scripts the app rendered — those marked with this render's nonce — by their hashes,
 * and the page without the marks. An inline script without the mark (one that reached the page
 * any other way) is not hashed, so the policy does not allow it.
 */
export function appScripts(html: string, nonce: string): { html: string; hashes: string[] } {
  const hashes: string[] = [];
  const mark = ` nonce="${nonce}"`;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attributes = m[1] ?? '';
    if (!attributes.includes(mark) || /\bsrc=/.test(attributes)) continue;
    hashes.push(`'sha256-${createHash('sha256').update(m[2] ?? '').digest('base64')}'`);
  }
  return { html: html.split(mark).join(''), hashes: [...new Set(hashes)] };
}
export function contentSecurityPolicy(scriptHashes: readonly string[], formTargets: readonly string[] = []): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptHashes.join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // The identity provider's origin when signing out there too: the sign-out form's POST is
    // redirected to its end-session endpoint, and form-action governs that redirect.
    `form-action 'self' ${formTargets.join(' ')}`.trim(),
    "frame-ancestors 'none'",
  ].join('; ');
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};
