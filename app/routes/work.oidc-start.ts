/**
 * GET /work/oidc/start?next=…: sends the browser to the state's identity provider. The sign-in's
 * state, nonce and PKCE verifier go with it in a short-lived signed cookie that only the callback
 * receives. Public by design, like the sign-in page.
 */
import { redirect, type LoaderFunctionArgs } from 'react-router';
import { beginOidc, oidcCookieHeader, OidcError, safeNext, sealOidcCookie } from '../../src/services/oidc.service.ts';
import { publicOrigin, sessionCookie } from '../lib/session.server.ts';

/** Secure exactly when the session cookie is (session.server.ts decides: HTTPS or COOKIE_SECURE). */
const secure = (request: Request) => sessionCookie(request, '', new Date().toISOString()).endsWith('; Secure');

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const next = safeNext(url.searchParams.get('next'));
  try {
    const start = await beginOidc(process.env, { origin: publicOrigin(request), next });
    return redirect(start.url.href, { headers: { 'Set-Cookie': oidcCookieHeader(sealOidcCookie(process.env, start.saved), secure(request)) } });
  } catch (e) {
    if (!(e instanceof OidcError)) throw e;
    // The person sees a fixed message; the operator needs the particulars (a wrong issuer, the provider down).
    console.error(`OIDC sign-in could not start: ${e.message}`, e.info);
    return redirect(`/work/signin?${new URLSearchParams({ error: e.reason, ...(next !== '/work' ? { next } : {}) })}`);
  }
}
