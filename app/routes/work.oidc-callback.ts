/**
 * GET /work/oidc/callback: where the identity provider sends the person back. Finishes the
 * sign-in (oidc.service.ts checks everything and finds the account), sets the session cookie,
 * ends the sign-in-in-progress cookie either way, and goes on to the page asked for — or back to
 * the sign-in page with the reason as a fixed code. Public by design, like the sign-in page.
 */
import { redirect, type LoaderFunctionArgs } from 'react-router';
import { clearOidcCookieHeader, completeOidc, OidcError, readOidcCookie, safeNext } from '../../src/services/oidc.service.ts';
import { clientIp, sessionCookie } from '../lib/session.server.ts';
import { getStore } from '../lib/store.server.ts';

/** Secure exactly when the session cookie is (session.server.ts decides: HTTPS or COOKIE_SECURE). */
const secure = (request: Request) => sessionCookie(request, '', new Date().toISOString()).endsWith('; Secure');

export async function loader({ request }: LoaderFunctionArgs) {
  const saved = readOidcCookie(process.env, request.headers.get('cookie'));
  const next = safeNext(saved?.next);
  const headers = new Headers();
  headers.append('Set-Cookie', clearOidcCookieHeader(secure(request)));
  try {
    const session = await completeOidc(await getStore(), process.env, new URL(request.url), saved, clientIp(request), request.headers.get('user-agent'));
    headers.append('Set-Cookie', sessionCookie(request, session.token, session.expiresAt));
    return redirect(next, { headers });
  } catch (e) {
    if (!(e instanceof OidcError)) throw e;
    if (e.reason === 'provider' || e.reason === 'not_configured') console.error(`OIDC sign-in failed: ${e.message}`, e.info);
    return redirect(`/work/signin?${new URLSearchParams({ error: e.reason, ...(next !== '/work' ? { next } : {}) })}`, { headers });
  }
}
