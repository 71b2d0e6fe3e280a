/** A plan's audit trail, with the names of who acted. */
import { userNames } from '../../src/data/user.repository.ts';
import { auditOf } from '../../src/services/audit.service.ts';
import { getStore } from '../lib/store.server.ts';
import { routeFor } from '../lib/work-routes.ts';
import { requirePermission, requireUser } from '../lib/session.server.ts';
import { planId, districtOfPlan } from '../lib/work-http.server.ts';

export async function auditData(request: Request, rawId: string | undefined) {
  const user = await requireUser(request);
  const id = planId(rawId);
  requirePermission(user, routeFor('GET', '/work/plans/:id/audit').permission!, await districtOfPlan(id));
  const store = await getStore();
  const events = await auditOf(store.db, `plan:${id}`);
  const names = new Map([...(await userNames(store.db))].map(([id, name]) => [`user:${id}`, name]));
  return { planId: id, events: events.map((e) => ({ ...e, actorName: names.get(e.actor) ?? e.actor, onBehalfOfName: e.onBehalfOf ? (names.get(e.onBehalfOf) ?? e.onBehalfOf) : null })) };
}
