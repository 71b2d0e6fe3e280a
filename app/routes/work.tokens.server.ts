/** Personal access tokens: made, listed and revoked by their owner. */
import { data } from 'react-router';
import { accessTokensOf, createAccessToken, revokeAccessToken } from '../../src/services/auth.service.ts';
import { getStore } from '../lib/store.server.ts';
import { routeFor } from '../lib/work-routes.ts';
import { requirePermission, requireUser } from '../lib/session.server.ts';
import { type ActionResult, refusal, txt } from '../lib/work-http.server.ts';

export async function tokensData(request: Request) {
  const user = await requireUser(request);
  requirePermission(user, routeFor('GET', '/work/tokens').permission!);
  return { tokens: await accessTokensOf((await getStore()).db, user.id) };
}

export async function tokensAction(request: Request): Promise<ActionResult & { token?: string }> {
  const user = await requireUser(request);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  if (intent !== 'create' && intent !== 'revoke') throw data({ ok: false, message: 'Unknown action.' } satisfies ActionResult, { status: 400 });
  requirePermission(user, routeFor('POST', '/work/tokens', intent).permission!);
  const store = await getStore();
  if (intent === 'revoke') {
    try {
      await revokeAccessToken(store, user.id, Number(form.get('id')));
    } catch (e) {
      return refusal(e) as never;
    }
    return { ok: true, message: 'The token is revoked: programs using it are refused from now on.' };
  }
  const name = txt(form.get('name'), 80).trim();
  if (!name) return { ok: false, message: 'Name the token (what will use it).', issues: { name: 'Required.' } };
  const scope = form.get('scope') === 'read' ? 'read' : 'workflow';
  const token = await createAccessToken(store, user.id, name, 90, scope);
  return { ok: true, message: 'Copy the token now: it is shown only once.', token };
}
