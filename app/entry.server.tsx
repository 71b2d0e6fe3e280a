/**
 * Renders each page completely before sending it (public pages are cached whole), and sets a
 * Content-Security-Policy that allows exactly the app's own inline scripts, by their hashes.
 */
import { randomBytes } from 'node:crypto';
import { renderToReadableStream } from 'react-dom/server';
import { ServerRouter, type EntryContext } from 'react-router';
import { oidcProviderOrigin } from '../src/services/oidc.service.ts';
import { appScripts, contentSecurityPolicy } from './lib/headers.server.ts';
import { NonceContext } from './lib/nonce.ts';

export const streamTimeout = 10_000;

export default async function handleRequest(request: Request, status: number, headers: Headers, routerContext: EntryContext): Promise<Response> {
  let failed = false;
  // A fresh mark for this render's own inline scripts (see appScripts).
  const nonce = randomBytes(18).toString('base64url');
  const stream = await renderToReadableStream(
    <NonceContext.Provider value={nonce}>
      <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
    </NonceContext.Provider>,
    {
      nonce,
      onError(error: unknown) {
        failed = true;
        console.error(error);
      },
    },
  );
  await stream.allReady;
  const { html, hashes } = appScripts(`<!DOCTYPE html>${await new Response(stream).text()}`, nonce);
  headers.set('Content-Type', 'text/html; charset=utf-8');
  // Signed-in pages may send the sign-out form on to the identity provider (oidc.service.ts).
  const provider = new URL(request.url).pathname.toLowerCase().startsWith('/work') ? oidcProviderOrigin(process.env) : null;
  headers.set('Content-Security-Policy', contentSecurityPolicy(hashes, provider ? [provider] : []));
  return new Response(html, { status: failed && status < 500 ? 500 : status, headers });
}

/** The data version public pages are cached against (the server asks through the build). */
export { dataVersionNow } from './lib/version.server.ts';

/** The background jobs, started by the server when asked (see server.ts). */
export { startBackgroundJobs } from './lib/jobs.server.ts';
