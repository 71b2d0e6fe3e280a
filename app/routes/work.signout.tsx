import { redirect, type ActionFunctionArgs } from 'react-router';
import { signOut } from '../../src/services/auth.service.ts';
import { oidcSignOutUrl, OIDC_SIGNED_OUT_PATH } from '../../src/services/oidc.service.ts';
import { clearSessionCookie, publicOrigin, sessionToken } from '../lib/session.server.ts';
import { getStore } from '../lib/store.server.ts';

export async function action({ request }: ActionFunctionArgs) {
  const token = sessionToken(request);
  const ended = token ? await signOut(await getStore(), token) : null;
  // Signed in through the identity provider: end that session too, and come back to the sign-in page.
  const provider = ended?.oidcIdToken ? await oidcSignOutUrl(process.env, ended.oidcIdToken, publicOrigin(request)) : null;
  return redirect(provider?.href ?? OIDC_SIGNED_OUT_PATH, { headers: { 'Set-Cookie': clearSessionCookie(request) } });
}

export function loader() {
  return redirect('/work');
}
