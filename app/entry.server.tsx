/**
 * Renders each page completely before sending it (public pages are cached whole), and sets a
 * Content-Security-Policy that allows exactly the inline scripts on the page, by their hashes.
 */
import { createHash } from 'node:crypto';
import { renderToReadableStream } from 'react-dom/server';
import { ServerRouter, type EntryContext } from 'react-router';
import { oidcProviderOrigin } from '../src/services/oidc.service.ts';
import { contentSecurityPolicy } from './lib/headers.server.ts';

export const streamTimeout = 10_000;

export default async function handleRequest(request: Request, status: number, headers: Headers, routerContext: EntryContext): Promise<Response> {
  let failed = false;
  const stream = await renderToReadableStream(<ServerRouter context={routerContext} url={request.url} />, {
    onError(error: unknown) {
      failed = true;
      console.error(error);
    },
  });
  await stream.allReady;
  const html = `<!DOCTYPE html>${await new Response(stream).text()}`;
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1] ?? '').digest('base64')}'`,
  );
  headers.set('Content-Type', 'text/html; charset=utf-8');
  // Signed-in pages may send the sign-out form on to the identity provider (oidc.service.ts).
  const provider = new URL(request.url).pathname.startsWith('/work') ? oidcProviderOrigin(process.env) : null;
  headers.set('Content-Security-Policy', contentSecurityPolicy(hashes, provider ? [provider] : []));
  return new Response(html, { status: failed && status < 500 ? 500 : status, headers });
}

/** The data version public pages are cached against (the server asks through the build). */
export { dataVersionNow } from './lib/version.server.ts';

/** The background jobs, started by the server when asked (see server.ts). */
export { startBackgroundJobs } from './lib/jobs.server.ts';
