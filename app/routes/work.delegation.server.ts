/** The commissioner's delegation of decisions for a time. */
import { data } from 'react-router';
import { peopleWithRole } from '../../src/data/user.repository.ts';
import { delegate, delegationsFrom, revokeDelegation } from '../../src/services/delegation.service.ts';
import { getStore } from '../lib/store.server.ts';
import { routeFor } from '../lib/work-routes.ts';
import { requirePermission, requireUser } from '../lib/session.server.ts';
import { type ActionResult, refusal, type ActionOutcome, txt } from '../lib/work-http.server.ts';

export async function delegationData(request: Request) {
  const user = await requireUser(request);
  requirePermission(user, routeFor('GET', '/work/delegation').permission!);
  const store = await getStore();
  const staff = (await peopleWithRole(store.db, ['program-staff', 'state-admin', 'commissioner'])).filter((s) => s.id !== user.id).sort((a, b) => a.name.localeCompare(b.name));
  return {
    staff: [...new Map(staff.map((s) => [s.id, { id: s.id, name: s.name }])).values()],
    delegations: await delegationsFrom(store.db, user.id),
    today: new Date().toISOString().slice(0, 10),
  };
}

export async function delegationAction(request: Request): Promise<ActionOutcome> {
  const user = await requireUser(request);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  if (intent !== 'delegate' && intent !== 'revoke') throw data({ ok: false, message: 'Unknown action.' } satisfies ActionResult, { status: 400 });
  requirePermission(user, routeFor('POST', '/work/delegation', intent).permission!);
  const store = await getStore();
  try {
    if (intent === 'revoke') {
      await revokeDelegation(store, user, Number(form.get('id')));
      return { ok: true, message: 'The delegation is revoked.' };
    }
    const d = await delegate(store, user, { toUserId: Number(form.get('to')), startsOn: txt(form.get('startsOn'), 10), endsOn: txt(form.get('endsOn'), 10), reason: txt(form.get('reason'), 500) });
    return { ok: true, message: `${d.to.name} may decide on your behalf from ${d.startsOn} to ${d.endsOn}.` };
  } catch (e) {
    return refusal(e);
  }
}
