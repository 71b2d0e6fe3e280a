/**
 * The workflow API: the plans a person can see, one plan, and its actions — with the same
 * permissions as the pages (a session cookie or "Authorization: Bearer <personal access token>").
 * POST a JSON object { "intent": "submit", "rowVersion": 7, … } or a form: either is read by the
 * one command schema the pages use (src/services/plans/command-schema.ts).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from 'react-router';
import { districtOfPlan } from '../../src/data/plan.repository.ts';
import { can } from '../../src/domain/auth/permissions.ts';
import { plansFor, planView } from '../../src/services/plans/index.ts';
import { commandFromForm, planCommand } from '../lib/plan-command.server.ts';
import { currentUser } from '../lib/session.server.ts';
import { getStore } from '../lib/store.server.ts';
import { refusalOf } from '../lib/work-http.server.ts';
import { routeFor } from '../lib/work-routes.ts';

const NO_STORE = { 'Cache-Control': 'no-store' };
const error = (status: number, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) => Response.json({ error: { status, message, ...extra } }, { status, headers: { ...NO_STORE, ...headers } });

async function who(request: Request) {
  const user = await currentUser(request);
  if (!user) throw error(401, 'Sign in, or send a personal access token as "Authorization: Bearer …".', {}, { 'WWW-Authenticate': 'Bearer' });
  return user;
}

/** The plan id from the path, and its district (404 when there is no such plan). */
async function planOf(raw: string | undefined): Promise<{ id: number; district: string } | Response> {
  if (!raw || !/^\d{1,9}$/.test(raw)) return error(404, 'There is no such plan.');
  const district = await districtOfPlan((await getStore()).db, Number(raw));
  return district === null ? error(404, 'There is no such plan.') : { id: Number(raw), district };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await who(request);
  const store = await getStore();
  if (!params.id) {
    routeFor('GET', '/api/v1/plans');
    return Response.json({ plans: await plansFor(store.db, user) }, { headers: NO_STORE });
  }
  const plan = await planOf(params.id);
  if (plan instanceof Response) return plan;
  if (!can(user.grants, routeFor('GET', '/api/v1/plans/:id').permission!, plan.district)) return error(403, 'You do not have permission to see this plan.');
  try {
    return Response.json({ plan: await planView(store.db, user, plan.id) }, { headers: NO_STORE });
  } catch (e) {
    const r = refusalOf(e);
    if (!r) throw e;
    return error(r.status, r.result.message);
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await who(request);
  if (user.via === 'token' && user.tokenScope === 'read') return error(403, 'This access token is read-only: it cannot take plan actions. Make a workflow token at /work/tokens.');
  const plan = await planOf(params.id);
  if (plan instanceof Response) return plan;
  let input: unknown;
  let issues: Record<string, string> = {};
  if ((request.headers.get('content-type') ?? '').includes('application/json')) {
    try {
      input = await request.json();
    } catch {
      return error(400, 'The body is not JSON.');
    }
  } else {
    ({ input, issues } = commandFromForm(await request.formData()));
  }
  const { status, result } = await planCommand(user, plan.id, input, issues);
  if (status >= 400) return error(status, result.message, { ...(result.changes ? { changes: result.changes } : {}), ...(result.issues ? { issues: result.issues } : {}) });
  return Response.json(result, { status, headers: NO_STORE });
}
