/**
 * Annual progress reviews: one per plan, its facts a JSON snapshot.
 */
import type { Executor } from './batch.ts';

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
  const r = await db.selectFrom('annual_review').selectAll().where('plan_id', '=', planId).executeTakeFirst();
  return r ? { planId, facts: r.facts, decision: r.decision, reason: r.reason, conditions: r.conditions, signedBy: Number(r.signed_by), typedName: r.typed_name, reviewedOn: r.reviewed_on, at: r.at } : null;
}

/** Inserts the review; the primary key refuses a second one for the plan. */
export async function insertAnnualReview(db: Executor, r: AnnualReviewRow): Promise<void> {
  await db.insertInto('annual_review').values({ plan_id: r.planId, facts: r.facts, decision: r.decision, reason: r.reason, conditions: r.conditions, signed_by: r.signedBy, typed_name: r.typedName, reviewed_on: r.reviewedOn, at: r.at }).execute();
}
