/**
 * The commissioner may delegate the decision on plans (approve, approve with conditions, deny)
 * and the release of funds to a member of the state's staff for a period — an absence, a
 * conflict of interest. While it holds, the delegate acts with the commissioner's role and every
 * such action is recorded as on the commissioner's behalf. A delegation cannot be passed on, and
 * each one given or revoked is audited.
 */
import { inTransaction, type Store } from '../data/database.ts';
import type { Executor } from '../data/batch.ts';
import { can, PERMISSIONS } from '../domain/auth/permissions.ts';
import { appendAudit } from './audit.service.ts';
import type { User } from './auth.service.ts';
import { queueMail } from './mail.service.ts';
import { WorkflowError } from './workflow-errors.ts';

export interface Delegation {
  readonly id: number;
  readonly from: { id: number; name: string };
  readonly to: { id: number; name: string; email: string };
  readonly startsOn: string;
  readonly endsOn: string;
  readonly reason: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

/** Only a commissioner in person (not a delegate) may delegate. */
function mustDelegate(user: User): void {
  if (!can(user.grants, PERMISSIONS.delegateApprovalAny)) throw new WorkflowError('forbidden', 'Only the commissioner can delegate decisions (a delegate cannot pass them on).', 403);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function delegate(store: Store, user: User, input: { toUserId: number; startsOn: string; endsOn: string; reason: string }, today = new Date().toISOString().slice(0, 10)): Promise<Delegation> {
  mustDelegate(user);
  if (!DATE.test(input.startsOn) || !DATE.test(input.endsOn) || Number.isNaN(Date.parse(input.startsOn)) || Number.isNaN(Date.parse(input.endsOn))) {
    throw new WorkflowError('invalid', 'Give the first and last day of the delegation (YYYY-MM-DD).', 400);
  }
  if (input.endsOn < input.startsOn) throw new WorkflowError('invalid', 'The delegation ends before it starts.', 400);
  if (input.endsOn < today) throw new WorkflowError('invalid', 'The delegation would already be over.', 400);
  if ((Date.parse(input.endsOn) - Date.parse(input.startsOn)) / 86_400_000 > 366) throw new WorkflowError('invalid', 'A delegation lasts a year at most; give a new one after.', 400);
  const reason = input.reason.trim().slice(0, 500);
  if (!reason) throw new WorkflowError('invalid', 'Say why (an absence, a conflict of interest…): it is part of the record.', 400);
  if (input.toUserId === user.id) throw new WorkflowError('invalid', 'Choose someone else.', 400);
  return inTransaction(store, async (trx) => {
    const to = await trx
      .selectFrom('app_user')
      .innerJoin('user_grant', 'user_grant.user_id', 'app_user.id')
      .select(['app_user.id', 'app_user.name', 'app_user.email'])
      .where('app_user.id', '=', input.toUserId)
      .where('app_user.status', '=', 'active')
      .where('user_grant.role', 'in', ['program-staff', 'state-admin', 'commissioner'])
      .executeTakeFirst();
    if (!to) throw new WorkflowError('invalid', 'Delegate to an active member of the state\'s staff.', 400);
    const row = await trx
      .insertInto('delegation')
      .values({ from_user_id: user.id, to_user_id: input.toUserId, starts_on: input.startsOn, ends_on: input.endsOn, reason, created_at: new Date().toISOString(), revoked_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actor: `user:${user.id}`, action: 'delegation.granted', subject: `user:${input.toUserId}`, details: { delegation: Number(row.id), startsOn: input.startsOn, endsOn: input.endsOn, reason } });
    await queueMail(trx, {
      to: to.email,
      kind: 'notice',
      subject: 'You may decide Alliance plans on the commissioner\'s behalf',
      body: `Hello ${to.name},\n\n${user.name} has delegated the decision on Alliance plans and the release of withheld funds to you from ${input.startsOn} to ${input.endsOn} (${reason}). What you decide is recorded as on the commissioner's behalf.\n`,
    });
    return (await delegationsWhere(trx, Number(row.id)))[0]!;
  });
}

export async function revokeDelegation(store: Store, user: User, id: number): Promise<void> {
  mustDelegate(user);
  await inTransaction(store, async (trx) => {
    const d = await trx.selectFrom('delegation').select(['from_user_id', 'to_user_id', 'revoked_at']).where('id', '=', id).executeTakeFirst();
    if (!d || Number(d.from_user_id) !== user.id) throw new WorkflowError('not_found', 'There is no such delegation of yours.', 404);
    if (d.revoked_at) return;
    await trx.updateTable('delegation').set({ revoked_at: new Date().toISOString() }).where('id', '=', id).execute();
    await appendAudit(trx, { actor: `user:${user.id}`, action: 'delegation.revoked', subject: `user:${d.to_user_id}`, details: { delegation: id } });
  });
}

async function delegationsWhere(db: Executor, id?: number, fromUserId?: number): Promise<Delegation[]> {
  let q = db
    .selectFrom('delegation')
    .innerJoin('app_user as f', 'f.id', 'delegation.from_user_id')
    .innerJoin('app_user as t', 't.id', 'delegation.to_user_id')
    .select(['delegation.id', 'delegation.starts_on', 'delegation.ends_on', 'delegation.reason', 'delegation.created_at', 'delegation.revoked_at', 'f.id as fromId', 'f.name as fromName', 't.id as toId', 't.name as toName', 't.email as toEmail'])
    .orderBy('delegation.id', 'desc');
  if (id !== undefined) q = q.where('delegation.id', '=', id);
  if (fromUserId !== undefined) q = q.where('delegation.from_user_id', '=', fromUserId);
  return (await q.execute()).map((r) => ({
    id: Number(r.id),
    from: { id: Number(r.fromId), name: r.fromName },
    to: { id: Number(r.toId), name: r.toName, email: r.toEmail },
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    reason: r.reason,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  }));
}

/** The delegations a commissioner has given, newest first. */
export function delegationsFrom(db: Executor, userId: number): Promise<Delegation[]> {
  return delegationsWhere(db, undefined, userId);
}
