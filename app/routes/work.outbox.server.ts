/** The development outbox: the messages the system queued. */
import { data } from 'react-router';
import { outbox } from '../../src/services/mail.service.ts';
import { getStore } from '../lib/store.server.ts';
import { routeFor } from '../lib/work-routes.ts';
import { requirePermission, requireUser } from '../lib/session.server.ts';

export async function outboxData(request: Request) {
  const user = await requireUser(request);
  requirePermission(user, routeFor('GET', '/work/outbox').permission!);
  if (process.env.NODE_ENV === 'production') throw data('The outbox page is for development only.', { status: 404 });
  return { messages: await outbox((await getStore()).db) };
}
