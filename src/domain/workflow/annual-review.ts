/**
 * The annual progress review that decides continued funding (seeds 003, 004: CSDE "reviews the
 * district's progress toward its goals annually to determine whether the district is making
 * sufficient progress for funding to be continued"). The facts are gathered from the year's
 * tracking; the state's reviewer records a decision with a reason and signs it. Pure.
 */
import type { GoalStatus, Implementation } from './progress.ts';

export const REVIEW_DECISIONS = ['continue', 'continue-with-conditions', 'refer-for-support'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const REVIEW_DECISION_LABELS: Readonly<Record<ReviewDecision, string>> = {
  continue: 'Continue funding',
  'continue-with-conditions': 'Continue funding, with conditions',
  'refer-for-support': 'Refer for more intensive support',
};

/** What the year's tracking shows, as the review records it (a snapshot: later changes do not rewrite it). */
export interface ReviewFacts {
  readonly strategies: Readonly<Record<Implementation, number>>;
  readonly goals: Readonly<Record<GoalStatus, number>>;
  readonly spentCents: number;
  readonly budgetedCents: number;
  readonly revisions: number;
  readonly conditions: { readonly met: number; readonly total: number };
  readonly meetingsHeld: number;
  readonly followUpsOpen: number;
}

export function tally<K extends string>(keys: readonly K[], values: readonly K[]): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const v of values) out[v] += 1;
  return out;
}

/** What is wrong with a review to record, or null. */
export function reviewProblem(r: { decision: string; reason: string; conditions: string }): string | null {
  if (!(REVIEW_DECISIONS as readonly string[]).includes(r.decision)) return 'Choose the decision: continue, continue with conditions, or refer for more intensive support.';
  if (r.reason.trim().length < 20) return 'Give the reason for the decision (a sentence or two).';
  if (r.decision === 'continue-with-conditions' && !r.conditions.trim()) return 'State the conditions of continued funding.';
  return null;
}
