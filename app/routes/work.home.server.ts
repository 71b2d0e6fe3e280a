/** The work area's home: the plans the person works on and the pages open to them. */
import { plansFor } from '../../src/services/plans/index.ts';
import { can, PERMISSIONS } from '../../src/domain/auth/permissions.ts';
import { getStore } from '../lib/store.server.ts';
import { routeFor } from '../lib/work-routes.ts';
import { requireUser } from '../lib/session.server.ts';
import { describeGrant } from '../lib/work-http.server.ts';

export async function homeData(request: Request) {
  const user = await requireUser(request);
  routeFor('GET', '/work');
  const store = await getStore();
  const plans = await plansFor(store.db, user);
  return {
    user: { id: user.id, name: user.name, email: user.email, roles: user.grants.map(describeGrant) },
    plans,
    canBoard: can(user.grants, PERMISSIONS.viewBoardAny),
    canUsers: can(user.grants, PERMISSIONS.manageUsersAny),
    canDelegate: can(user.grants, PERMISSIONS.delegateApprovalAny),
    canOutbox: can(user.grants, PERMISSIONS.viewOutboxAny) && process.env.NODE_ENV !== 'production',
  };
}
