/**
 * The workflow API: the plans a person can see, one plan, and its actions — with the same
 * permissions as the pages (a session cookie or "Authorization: Bearer <personal access token>").
 * POST a JSON object { "intent": "submit", "rowVersion": 7, … } or a form.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from 'react-router';
import { plansFor, planView, WorkflowError } from '../../src/services/workflow.service.ts';
import { currentUser, requirePermission } from '../lib/session.server.ts';
import { getStore } from '../lib/store.server.ts';
import { planAction, type ActionResult } from '../lib/work.server.ts';
import { routeFor } from '../lib/work-routes.ts';

async function who(request: Request) {
  const user = await currentUser(request);
  if (!user) throw Response.json({ error: { status: 401, message: 'Sign in, or send a personal access token as "Authorization: Bearer …".' } }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
  return user;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await who(request);
  const store = await getStore();
  if (!params.id) {
    routeFor('GET', '/api/v1/plans');
    return Response.json({ plans: await plansFor(store.db, user) }, { headers: { 'Cache-Control': 'no-store' } });
  }
  if (!/^\d{1,9}$/.test(params.id)) return Response.json({ error: { status: 404, message: 'There is no such plan.' } }, { status: 404 });
  const p = await store.db.selectFrom('plan').select('district_code').where('id', '=', Number(params.id)).executeTakeFirst();
  if (!p) return Response.json({ error: { status: 404, message: 'There is no such plan.' } }, { status: 404 });
  try {
    requirePermission(user, routeFor('GET', '/api/v1/plans/:id').permission!, p.district_code);
  } catch {
    return Response.json({ error: { status: 403, message: 'You do not have permission to see this plan.' } }, { status: 403 });
  }
  try {
    return Response.json({ plan: await planView(store.db, user, Number(params.id)) }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    if (e instanceof WorkflowError) return Response.json({ error: { status: e.status, message: e.message } }, { status: e.status });
    throw e;
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await who(request);
  if (user.via === 'token' && user.tokenScope === 'read') {
    return Response.json({ error: { status: 403, message: 'This access token is read-only: it cannot take plan actions. Make a workflow token at /work/tokens.' } }, { status: 403 });
  }
  let form: FormData;
  if ((request.headers.get('content-type') ?? '').includes('application/json')) {
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return Response.json({ error: { status: 400, message: 'The body is not JSON.' } }, { status: 400 });
    }
    form = new FormData();
    for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) {
      if (Array.isArray(v)) for (const x of v) form.append(k, String(x));
      else if (v !== null && v !== undefined) form.append(k, String(v));
    }
  } else {
    form = await request.formData();
  }
  try {
    const outcome = await planAction(request, params.id, user, form);
    const refused = 'init' in outcome && 'data' in outcome;
    const result = (refused ? outcome.data : outcome) as ActionResult;
    const status = refused ? (outcome.init?.status ?? 400) : result.ok ? 200 : 400;
    if (status >= 400) return Response.json({ error: { status, message: result.message, ...(result.changes ? { changes: result.changes } : {}), ...(result.issues ? { issues: result.issues } : {}) } }, { status });
    return Response.json(result, { status });
  } catch (e) {
    // data(...) thrown by the action: answer in JSON with its status.
    const err = e as { data?: unknown; init?: { status?: number } };
    if (err && typeof err === 'object' && 'init' in err) {
      const status = err.init?.status ?? 400;
      const message = typeof err.data === 'string' ? err.data : ((err.data as { message?: string } | undefined)?.message ?? 'Refused.');
      return Response.json({ error: { status, message, ...(typeof err.data === 'object' ? { details: err.data } : {}) } }, { status });
    }
    throw e;
  }
}

