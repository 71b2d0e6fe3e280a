/**
 * The supports of a district's tier, assigned by the state to its approved plan: each with an
 * owner, a due date and what is asked; the district gives its evidence, the state accepts it or
 * returns it with a note; the deadline sweep reminds the owner and escalates what is overdue.
 * Every step in the audit chain; a status changes only from the one read.
 */
import { inTransaction, type Store } from '../../data/database.ts';
import type { Executor } from '../../data/batch.ts';
import { isUniqueViolation } from '../../data/plan.repository.ts';
import { assignmentsOfPlans, decideIf, getAssignment, insertAssignment, submitIfOpen, type SupportAssignment } from '../../data/support.repository.ts';
import { userNames } from '../../data/user.repository.ts';
import { can, PERMISSIONS } from '../../domain/auth/permissions.ts';
import { SUPPORTS, type Support } from '../../domain/support/tiers.ts';
import { isCalendarDate } from '../../domain/time/fiscal-year.ts';
import { appendAudit } from '../audit.service.ts';
import { userById, type User } from '../auth.service.ts';
import { activeActor, actorOf, now, requirePlan, WorkflowError } from '../plans/core.ts';
import { CommandInputError } from '../plans/run.ts';

export interface AssignedSupport extends SupportAssignment {
  readonly support: Support;
  readonly ownerName: string;
  /** Open and past its due date. */
  readonly overdue: boolean;
}

const today = () => new Date().toISOString().slice(0, 10);

/** The state assigns a support of the catalogue to an approved plan, once per plan. */
export async function assignSupport(store: Store, user: User, planId: number, input: { supportId: string; ownerId: number; dueOn: string; note: string }, on = today()): Promise<SupportAssignment> {
  const support = SUPPORTS.find((s) => s.id === input.supportId);
  if (!support) throw new CommandInputError('Choose a support of the catalogue.', { supportId: 'Choose one.' });
  if (!isCalendarDate(input.dueOn)) throw new CommandInputError('Give the due date (YYYY-MM-DD).', { dueOn: 'A date.' });
  if (input.dueOn < on) throw new CommandInputError(`The due date ${input.dueOn} has passed; give one from today.`, { dueOn: 'From today.' });
  try {
    return await inTransaction(store, async (trx) => {
      const p = await requirePlan(trx, planId);
      const actor = await activeActor(trx, user);
      if (!can(actor.grants, PERMISSIONS.monitorPlanAny, p.district_code)) throw new WorkflowError('forbidden', 'Only the state\'s program staff assign supports (and never for their own district).', 403);
      if (p.approved_version === null) throw new WorkflowError('not_allowed', 'Supports are assigned to an approved plan; this plan is not approved yet.', 409);
      const owner = await userById(trx, input.ownerId);
      if (!owner || owner.status !== 'active' || !can(owner.grants, PERMISSIONS.viewPlanOwn, p.district_code)) throw new CommandInputError('The owner must be an active person who can see this plan.', { ownerId: 'Choose someone from the list.' });
      const id = await insertAssignment(trx, { planId, supportId: support.id, tier: support.tier, ownerId: owner.id, dueOn: input.dueOn, note: input.note.trim().slice(0, 2000), by: user.id, at: now() });
      await appendAudit(trx, { actor: actorOf(user), action: 'support.assigned', subject: `plan:${planId}`, details: { district: p.district_code, assignment: id, support: support.id, owner: owner.id, dueOn: input.dueOn } });
      return (await getAssignment(trx, id))!;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new WorkflowError('not_allowed', `"${support.label}" is assigned to this plan already.`, 409);
    throw e;
  }
}

/** The district's evidence for an open assignment: its owner, or the district's people who report progress. */
export async function submitSupportEvidence(store: Store, user: User, assignmentId: number, input: { evidence: string }): Promise<SupportAssignment> {
  const evidence = input.evidence.trim().slice(0, 5000);
  if (evidence.length < 10) throw new CommandInputError('Describe the evidence (a sentence at least).', { evidence: 'Required.' });
  return inTransaction(store, async (trx) => {
    const a = await requireAssignment(trx, assignmentId);
    const p = await requirePlan(trx, a.planId);
    const actor = await activeActor(trx, user);
    const may = (actor.id === a.ownerId && can(actor.grants, PERMISSIONS.viewPlanOwn, p.district_code)) || can(actor.grants, PERMISSIONS.reportProgressOwn, p.district_code);
    if (!may) throw new WorkflowError('forbidden', 'Only the support\'s owner or the district\'s people who report progress give its evidence.', 403);
    if (SUPPORTS.find((s) => s.id === a.supportId)?.evidence === null) throw new WorkflowError('not_allowed', 'This support is the state\'s to carry out: there is no evidence to give; the state marks it done.', 409);
    if (!(await submitIfOpen(trx, assignmentId, { evidence, by: user.id, at: now() }))) throw new WorkflowError('not_allowed', a.status === 'accepted' ? 'This support is accepted already.' : 'Evidence for this support was given already and awaits the state.', 409);
    await appendAudit(trx, { actor: actorOf(user), action: 'support.evidence', subject: `plan:${p.id}`, details: { district: p.district_code, assignment: assignmentId, support: a.supportId } });
    return (await getAssignment(trx, assignmentId))!;
  });
}

/** The state accepts the evidence (or, for a support the state carries out itself, marks it done), or returns it with a note. */
export async function decideSupport(store: Store, user: User, assignmentId: number, input: { accept: boolean; note: string }): Promise<SupportAssignment> {
  const note = input.note.trim().slice(0, 2000);
  if (!input.accept && !note) throw new CommandInputError('Say what the evidence lacks, so the district can give it.', { note: 'Required to return it.' });
  return inTransaction(store, async (trx) => {
    const a = await requireAssignment(trx, assignmentId);
    const p = await requirePlan(trx, a.planId);
    const actor = await activeActor(trx, user);
    if (!can(actor.grants, PERMISSIONS.monitorPlanAny, p.district_code)) throw new WorkflowError('forbidden', 'Only the state\'s program staff accept a support\'s evidence.', 403);
    const support = SUPPORTS.find((s) => s.id === a.supportId);
    // What the district shows is decided once it is given; what the state does alone is marked done from open.
    const from = support?.evidence === null ? 'open' : 'submitted';
    if (a.status !== from || !(await decideIf(trx, assignmentId, from, { accept: input.accept, note, by: user.id, at: now() }))) {
      throw new WorkflowError('not_allowed', a.status === 'accepted' ? 'This support is accepted already.' : from === 'submitted' ? 'There is no evidence awaiting a decision.' : 'This support changed since you read it.', 409);
    }
    await appendAudit(trx, { actor: actorOf(user), action: input.accept ? 'support.accepted' : 'support.returned', subject: `plan:${p.id}`, details: { district: p.district_code, assignment: assignmentId, support: a.supportId, ...(note ? { note } : {}) } });
    return (await getAssignment(trx, assignmentId))!;
  });
}

async function requireAssignment(db: Executor, id: number): Promise<SupportAssignment> {
  const a = await getAssignment(db, id);
  if (!a) throw new WorkflowError('not_found', `There is no support assignment ${id}.`, 404);
  return a;
}

/** A plan's assigned supports with their catalogue entries and owners, overdue first. */
export async function supportsOfPlan(db: Executor, planId: number, on = today()): Promise<AssignedSupport[]> {
  const list = (await assignmentsOfPlans(db, [planId])).get(planId) ?? [];
  const names = await userNames(db, [...new Set(list.map((a) => a.ownerId))]);
  return list
    .map((a) => ({ ...a, support: SUPPORTS.find((s) => s.id === a.supportId)!, ownerName: names.get(a.ownerId) ?? `person ${a.ownerId}`, overdue: a.status === 'open' && a.dueOn < on }))
    .filter((a) => a.support)
    .sort((x, y) => Number(y.overdue) - Number(x.overdue) || x.dueOn.localeCompare(y.dueOn));
}
