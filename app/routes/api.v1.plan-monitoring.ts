/**
 * A plan's monitoring as data: its meetings (agenda, attendees, minutes, decisions, status) and
 * their follow-ups (owner, due date, status) — for whoever may see the plan.
 */
import type { LoaderFunctionArgs } from 'react-router';
import { districtOfPlan } from '../../src/data/plan.repository.ts';
import { can } from '../../src/domain/auth/permissions.ts';
import { monitoringOf } from '../../src/services/monitoring/index.ts';
import { currentUser } from '../lib/session.server.ts';
import { getStore } from '../lib/store.server.ts';
import { refusalOf } from '../lib/work-http.server.ts';
import { routeFor } from '../lib/work-routes.ts';

const error = (status: number, message: string, headers: Record<string, string> = {}) => Response.json({ error: { status, message } }, { status, headers: { 'Cache-Control': 'no-store', ...headers } });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await currentUser(request);
  if (!user) return error(401, 'Sign in, or send a personal access token as "Authorization: Bearer …".', { 'WWW-Authenticate': 'Bearer' });
  if (!params.id || !/^\d{1,9}$/.test(params.id)) return error(404, 'There is no such plan.');
  const store = await getStore();
  const district = await districtOfPlan(store.db, Number(params.id));
  if (district === null) return error(404, 'There is no such plan.');
  if (!can(user.grants, routeFor('GET', '/api/v1/plans/:id/monitoring').permission!, district)) return error(403, 'You do not have permission to see this plan.');
  try {
    return Response.json({ monitoring: await monitoringOf(store.db, user, Number(params.id)) }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    const r = refusalOf(e);
    if (!r) throw e;
    return error(r.status, r.result.message);
  }
}
