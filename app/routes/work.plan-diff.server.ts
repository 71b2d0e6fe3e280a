/** What changed between two versions of a plan. */
import { diffVersions, planView } from '../../src/services/plans/index.ts';
import { data } from 'react-router';
import { getStore } from '../lib/store.server.ts';
import { routeFor } from '../lib/work-routes.ts';
import { requirePermission, requireUser } from '../lib/session.server.ts';
import { fail, planId, districtOfPlan } from '../lib/work-http.server.ts';

export async function diffData(request: Request, rawId: string | undefined) {
  const user = await requireUser(request);
  const id = planId(rawId);
  requirePermission(user, routeFor('GET', '/work/plans/:id/diff').permission!, await districtOfPlan(id));
  const url = new URL(request.url);
  const store = await getStore();
  const view = await planView(store.db, user, id).catch(fail);
  const from = Number(url.searchParams.get('from') ?? view.approvedVersion ?? 1);
  const to = Number(url.searchParams.get('to') ?? view.version);
  if (!Number.isInteger(from) || !Number.isInteger(to)) throw data('"from" and "to" must be version numbers.', { status: 400 });
  return { plan: { id, districtName: view.districtName, version: view.version }, diff: await diffVersions(store.db, id, from, to).catch(fail) };
}
