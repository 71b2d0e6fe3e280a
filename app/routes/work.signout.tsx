import { redirect, type ActionFunctionArgs } from 'react-router';
import { signOut } from '../../src/services/auth.service.ts';
import { clearSessionCookie, sessionToken } from '../lib/session.server.ts';
import { getStore } from '../lib/store.server.ts';

export async function action({ request }: ActionFunctionArgs) {
  const token = sessionToken(request);
  if (token) await signOut(await getStore(), token);
  return redirect('/work/signin?signedout=1', { headers: { 'Set-Cookie': clearSessionCookie(request) } });
}

export function loader() {
  return redirect('/work');
}
