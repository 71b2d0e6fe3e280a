/**
 * Annual progress reviews: one per plan, its facts a JSON snapshot.
 */
import { byPlan, type Executor } from './batch.ts';

export interface AnnualReviewRow {
  readonly planId: number;
  readonly facts: string;
  readonly decision: string;
  readonly reason: string;
  readonly conditions: string;
  readonly signedBy: number;
  readonly typedName: string;
  readonly reviewedOn: string;
  readonly at: string;
}

export async function getAnnualReview(db: Executor, planId: number): Promise<AnnualReviewRow | null> {
  return (await annualReviewsOfPlans(db, [planId])).get(planId) ?? null;
}

/** The reviews recorded for these plans (a plan without one is absent). */
export async function annualReviewsOfPlans(db: Executor, planIds: readonly number[]): Promise<Map<number, AnnualReviewRow>> {
  const rows = await byPlan(planIds, (ids) => db.selectFrom('annual_review').selectAll().where('plan_id', 'in', ids).execute(), (r) => Number(r.plan_id));
  const out = new Map<number, AnnualReviewRow>();
  for (const [planId, [r]] of rows) if (r) out.set(planId, { planId, facts: r.facts, decision: r.decision, reason: r.reason, conditions: r.conditions, signedBy: Number(r.signed_by), typedName: r.typed_name, reviewedOn: r.reviewed_on, at: r.at });
  return out;
}

/** Inserts the review; the primary key refuses a second one for the plan. */
export async function insertAnnualReview(db: Executor, r: AnnualReviewRow): Promise<void> {
  await db.insertInto('annual_review').values({ plan_id: r.planId, facts: r.facts, decision: r.decision, reason: r.reason, conditions: r.conditions, signed_by: r.signedBy, typed_name: r.typedName, reviewed_on: r.reviewedOn, at: r.at }).execute();
}
