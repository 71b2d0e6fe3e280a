/**
 * The annual progress review: at the year's end the state's reviewer records, from the year's
 * tracking, what was implemented, which goals were met, what was spent and revised, which
 * conditions were met — and a decision on continued funding (continue, continue with conditions,
 * refer for more intensive support), with the reason, signed with the reviewer's typed name. One
 * review per plan; it is a snapshot in the audit chain, and the next cycle's plan shows it.
 */
import { inTransaction, type Store } from '../../data/database.ts';
import type { Executor } from '../../data/batch.ts';
import { appendEvent } from '../../data/plan-event.repository.ts';
import { getAnnualReview, insertAnnualReview } from '../../data/annual-review.repository.ts';
import { isUniqueViolation } from '../../data/plan.repository.ts';
import { can, PERMISSIONS } from '../../domain/auth/permissions.ts';
import type { IsoDate } from '../../domain/time/fiscal-year.ts';
import { reviewProblem, tally, type ReviewDecision, type ReviewFacts } from '../../domain/workflow/annual-review.ts';
import { IMPLEMENTATION } from '../../domain/workflow/progress.ts';
import { appendAudit } from '../audit.service.ts';
import type { User } from '../auth.service.ts';
import { activeActor, actorOf, now, requirePlan, WorkflowError } from '../plans/core.ts';
import { CommandInputError } from '../plans/run.ts';
import { meetingsOfPlan, followUpsOfPlans } from '../../data/monitoring.repository.ts';
import { progressOf } from './progress.ts';
import { revisionsOf } from './revisions.ts';
import { spendingOf } from './spending.ts';

export interface AnnualReview {
  readonly planId: number;
  readonly facts: ReviewFacts;
  readonly decision: ReviewDecision;
  readonly reason: string;
  readonly conditions: string;
  readonly signedBy: number;
  readonly typedName: string;
  readonly reviewedOn: string;
}

/** The facts of the year as the tracking shows them today. */
export async function reviewFacts(db: Executor, planId: number, today: IsoDate): Promise<ReviewFacts | null> {
  const progress = await progressOf(db, planId);
  if (!progress) return null;
  const spending = await spendingOf(db, planId, today);
  const revisions = await revisionsOf(db, planId);
  const meetings = await meetingsOfPlan(db, planId);
  const followUps = await followUpsOfPlans(db, [planId]);
  return {
    strategies: tally(IMPLEMENTATION, progress.strategies.map((s) => s.implementation)),
    goals: tally(['on-track', 'at-risk', 'off-track', 'no-data'] as const, progress.goals.map((g) => g.status)),
    spentCents: spending.spendDown?.total.spentCents ?? 0,
    budgetedCents: spending.spendDown?.total.budgetedCents ?? 0,
    revisions: revisions.filter((r) => r.status === 'recorded' || r.status === 'approved').length,
    conditions: { met: progress.conditions.filter((c) => c.met === true).length, total: progress.conditions.length },
    meetingsHeld: meetings.filter((m) => m.heldOn).length,
    followUpsOpen: followUps.filter((f) => !f.doneOn).length,
  };
}

export async function annualReviewOf(db: Executor, planId: number): Promise<AnnualReview | null> {
  const r = await getAnnualReview(db, planId);
  return r ? { planId, facts: JSON.parse(r.facts) as ReviewFacts, decision: r.decision as ReviewDecision, reason: r.reason, conditions: r.conditions, signedBy: r.signedBy, typedName: r.typedName, reviewedOn: r.reviewedOn } : null;
}

/** Records the year's review and its decision, signed; once per plan. */
export async function recordAnnualReview(store: Store, user: User, planId: number, input: { decision: string; reason: string; conditions: string; typedName: string }, today = new Date().toISOString().slice(0, 10) as IsoDate): Promise<AnnualReview> {
  const problem = reviewProblem(input);
  if (problem) throw new CommandInputError(problem, { decision: problem });
  if (input.typedName.trim().toLowerCase() !== user.name.trim().toLowerCase()) throw new CommandInputError(`Type your name exactly as on your account (${user.name}) to sign.`, { typedName: 'Your name as on your account.' });
  try {
    return await inTransaction(store, async (trx) => {
      const p = await requirePlan(trx, planId);
      const actor = await activeActor(trx, user);
      if (!can(actor.grants, PERMISSIONS.monitorPlanAny, p.district_code)) throw new WorkflowError('forbidden', 'Only the state\'s program staff record the annual review (and never for their own district).', 403);
      const facts = await reviewFacts(trx, planId, today);
      if (!facts) throw new WorkflowError('not_allowed', 'The annual review is of an approved plan; this plan is not approved.', 409);
      const at = now();
      const decision = input.decision as ReviewDecision;
      await insertAnnualReview(trx, { planId, facts: JSON.stringify(facts), decision, reason: input.reason.trim().slice(0, 5000), conditions: input.conditions.trim().slice(0, 5000), signedBy: user.id, typedName: input.typedName.trim(), reviewedOn: today, at });
      await appendEvent(trx, { planId, version: p.current_version, userId: user.id, onBehalfOf: null, at, event: { kind: 'annual-review', decision, reason: input.reason.trim() } });
      await appendAudit(trx, { actor: actorOf(user), action: 'monitoring.annual-review', subject: `plan:${planId}`, details: { district: p.district_code, decision, facts, typedName: input.typedName.trim(), reviewedOn: today } });
      return (await annualReviewOf(trx, planId))!;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new WorkflowError('not_allowed', 'This plan\'s annual review is recorded already; it stands.', 409);
    throw e;
  }
}
