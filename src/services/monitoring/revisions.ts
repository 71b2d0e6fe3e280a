/**
 * Budget revisions of an approved plan: the district (or the state) asks to move money between
 * lines, with a reason; a revision within the cycle's threshold is recorded at once, a larger one
 * waits for the state's approval, checked again against the budget in force when it is decided.
 * The budget in force — the approved budget with its recorded and approved revisions, in order —
 * is what the spend-down measures. Every revision is in the audit trail.
 */
import { inTransaction, type Store } from '../../data/database.ts';
import type { Executor } from '../../data/batch.ts';
import { appendEvent } from '../../data/plan-event.repository.ts';
import { isUniqueViolation, type PlanRow } from '../../data/plan.repository.ts';
import { decideRevisionIfPending, getRevision, insertRevision, revisionsOf, type BudgetRevision } from '../../data/revision.repository.ts';
import { can, PERMISSIONS } from '../../domain/auth/permissions.ts';
import { cents } from '../../domain/money/cents.ts';
import type { BudgetLine } from '../../domain/workflow/budget.ts';
import type { Cycle } from '../../domain/workflow/cycle.ts';
import { checkRevision, DEFAULT_REVISION_THRESHOLD, type Transfer } from '../../domain/workflow/revision.ts';
import { appendAudit } from '../audit.service.ts';
import type { User } from '../auth.service.ts';
import { activeActor, actorOf, ConflictError, now, requireCycle, requirePlan, requireVersion, WorkflowError } from '../plans/core.ts';
import { CommandInputError } from '../plans/run.ts';

/** The budget in force: the approved budget with the revisions recorded or approved, in order. */
export async function budgetInForce(db: Executor, p: PlanRow): Promise<readonly BudgetLine[]> {
  if (p.approved_version === null) return [];
  const cycle = await requireCycle(db, p.cycle_id);
  return revisedBudget((await requireVersion(db, p.id, p.approved_version)).budget, await revisionsOf(db, p.id), p, cycle);
}

/** The approved budget with the revisions recorded or approved since, in their order. */
export function revisedBudget(approved: readonly BudgetLine[], revisions: readonly BudgetRevision[], p: PlanRow, cycle: Cycle): readonly BudgetLine[] {
  let budget = approved;
  for (const r of revisions) {
    if (r.status !== 'recorded' && r.status !== 'approved') continue;
    const c = checkRevision(budget, r.transfers, cents(p.allocation_cents), cycle.settings.substantialMajority, Infinity);
    if (c.ok) budget = c.check.revised;
  }
  return budget;
}

/** A revision asked for: recorded at once within the threshold, else pending the state's approval. */
export async function requestRevision(store: Store, user: User, planId: number, input: { transfers: readonly Transfer[]; reason: string }): Promise<BudgetRevision> {
  const reason = input.reason.trim().slice(0, 2000);
  if (!reason) throw new CommandInputError('Say why the budget is revised.', { reason: 'Required.' });
  try {
    return await inTransaction(store, async (trx) => {
      const p = await requirePlan(trx, planId);
      const actor = await activeActor(trx, user);
      if (!can(actor.grants, PERMISSIONS.reportSpendingOwn, p.district_code) && !can(actor.grants, PERMISSIONS.monitorPlanAny, p.district_code)) throw new WorkflowError('forbidden', 'You cannot revise this district\'s budget.', 403);
      if (p.approved_version === null) throw new WorkflowError('not_allowed', 'A budget is revised once the plan is approved; before, edit the draft.', 409);
      const cycle = await requireCycle(trx, p.cycle_id);
      const threshold = cycle.settings.revisionThreshold ?? DEFAULT_REVISION_THRESHOLD;
      const c = checkRevision(await budgetInForce(trx, p), input.transfers, cents(p.allocation_cents), cycle.settings.substantialMajority, threshold);
      if (!c.ok) throw new CommandInputError(c.problems.length === 1 ? c.problems[0]! : 'The revision needs attention; nothing was recorded.', Object.fromEntries(c.problems.map((m, i) => [`transfers.${i}`, m])));
      const existing = await revisionsOf(trx, planId);
      const number = (existing.at(-1)?.number ?? 0) + 1;
      const status = c.check.needsApproval ? 'pending' : 'recorded';
      const at = now();
      const id = await insertRevision(trx, { planId, number, transfers: input.transfers, reason, status, requestedBy: user.id, at });
      await appendEvent(trx, { planId, version: p.current_version, userId: user.id, onBehalfOf: null, at, event: { kind: 'budget-revised', revisionId: id, number, status, reason } });
      await appendAudit(trx, { actor: actorOf(user), action: `budget.revision-${status}`, subject: `plan:${planId}`, details: { district: p.district_code, revision: number, transfers: input.transfers, areaChanges: c.check.areaChanges, threshold, reason } });
      return (await getRevision(trx, id))!;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError('Another revision of this budget was recorded at the same moment. Nothing was saved; reload and try again.', []);
    throw e;
  }
}

/** The state's decision on a pending revision, checked against the budget in force now. */
export async function decideRevision(store: Store, user: User, revisionId: number, approve: boolean): Promise<BudgetRevision> {
  return inTransaction(store, async (trx) => {
    const r = await getRevision(trx, revisionId);
    if (!r) throw new WorkflowError('not_found', 'There is no such revision.', 404);
    const p = await requirePlan(trx, r.planId);
    const actor = await activeActor(trx, user);
    if (!can(actor.grants, PERMISSIONS.monitorPlanAny, p.district_code)) throw new WorkflowError('forbidden', 'Only the state\'s program staff decide a budget revision (and never for their own district).', 403);
    if (r.status !== 'pending') throw new WorkflowError('not_allowed', `Revision ${r.number} is ${r.status}; only a pending revision is decided.`, 409);
    if (approve) {
      const cycle = await requireCycle(trx, p.cycle_id);
      const c = checkRevision(await budgetInForce(trx, p), r.transfers, cents(p.allocation_cents), cycle.settings.substantialMajority, Infinity);
      if (!c.ok) throw new WorkflowError('not_allowed', `Revision ${r.number} no longer fits the budget in force: ${c.problems.join(' ')}`, 409);
    }
    const status = approve ? 'approved' : 'denied';
    const at = now();
    if (!(await decideRevisionIfPending(trx, revisionId, status, user.id, at))) throw new WorkflowError('not_allowed', `Revision ${r.number} was decided by someone else first.`, 409);
    await appendEvent(trx, { planId: p.id, version: p.current_version, userId: user.id, onBehalfOf: null, at, event: { kind: 'budget-revised', revisionId, number: r.number, status, reason: r.reason } });
    await appendAudit(trx, { actor: actorOf(user), action: `budget.revision-${status}`, subject: `plan:${p.id}`, details: { district: p.district_code, revision: r.number } });
    return (await getRevision(trx, revisionId))!;
  });
}

export { revisionsOf, type BudgetRevision };
