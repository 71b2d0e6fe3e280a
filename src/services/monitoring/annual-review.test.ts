/**
 * The annual review on every dialect, with the demo's year: the facts gathered from the tracking,
 * a signed decision recorded once and only by the state, and the next cycle's plan starting from
 * the approved plan, with the review to read beside it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../tests/support/dialects.ts';
import { openDemo } from '../../../tests/support/demo.ts';
import type { Store } from '../../data/database.ts';
import { latestApprovedPlanBefore } from '../../data/plan.repository.ts';
import { fiscalYear, type IsoDate } from '../../domain/time/fiscal-year.ts';
import { auditOf } from '../audit.service.ts';
import type { User } from '../auth.service.ts';
import { openCycle, planView } from '../plans/index.ts';
import { annualReviewOf, recordAnnualReview, reviewFacts } from './index.ts';

describe.each(dialects)('the annual review ($name)', (dialect) => {
  let store: Store;
  let users: Record<string, User> = {};
  let hartford: number;
  beforeAll(async () => {
    const demo = await openDemo(dialect, ['admin', 'editor.hartford', 'reviewer', 'reviewer2']);
    ({ store, users } = demo);
    hartford = await demo.planOf('0640011');
  }, 180_000);
  afterAll(async () => dialect.close(store));

  it('gathers the year\'s facts, records a signed decision once, by the state only', async () => {
    const facts = (await reviewFacts(store.db, hartford, '2026-06-30' as IsoDate))!;
    expect(facts).toMatchObject({ meetingsHeld: 2, revisions: 1, goals: { 'on-track': 1, 'off-track': 1 }, strategies: { implemented: 1, 'in-progress': 1, 'not-started': 1 }, conditions: { met: 0, total: 0 } });
    const input = { decision: 'continue-with-conditions', reason: 'The reading goal is on track; attendance is not moving.', conditions: 'An attendance plan by school before the FY2027 plan is approved.', typedName: 'Riley Reviewer' };
    await expect(recordAnnualReview(store, users['editor.hartford']!, hartford, { ...input, typedName: 'Emery Editor' })).rejects.toMatchObject({ status: 403 });
    await expect(recordAnnualReview(store, users.reviewer!, hartford, { ...input, typedName: 'Someone Else' })).rejects.toMatchObject({ issues: { typedName: expect.any(String) } });
    await expect(recordAnnualReview(store, users.reviewer!, hartford, { ...input, conditions: '' })).rejects.toThrow(/State the conditions/);
    await expect(recordAnnualReview(store, users.reviewer!, hartford, { ...input, decision: 'maybe' })).rejects.toThrow(/Choose the decision/);
    const outcomes = await Promise.allSettled([recordAnnualReview(store, users.reviewer!, hartford, input), recordAnnualReview(store, users.reviewer2!, hartford, { ...input, typedName: 'Robin Reviewer' })]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const review = (await annualReviewOf(store.db, hartford))!;
    expect(review).toMatchObject({ decision: 'continue-with-conditions', facts: { meetingsHeld: 2 } });
    expect((await auditOf(store.db, `plan:${hartford}`)).filter((e) => e.action === 'monitoring.annual-review')).toHaveLength(1);
  });

  it('the next cycle carries the approved plan forward as a draft, and finds its review', async () => {
    const fy2027 = await openCycle(store, users.admin!, { fiscalYear: fiscalYear(2027), deadlines: { draft: '2026-07-15', board: '2026-08-01', submission: '2026-08-15', review: '2026-09-15', decision: '2026-10-01' } });
    const next = Number((await store.db.selectFrom('plan').select('id').where('cycle_id', '=', fy2027.id).where('district_code', '=', '0640011').executeTakeFirstOrThrow()).id);
    const now = await planView(store.db, users['editor.hartford']!, next);
    const before = await planView(store.db, users['editor.hartford']!, hartford);
    expect(now).toMatchObject({ state: 'draft', version: 1 });
    expect(now.content.goals).toEqual(before.content.goals);
    expect(now.content.strategies).toEqual(before.content.strategies);
    expect(now.budget.map((l) => l.id)).toEqual(before.budget.map((l) => l.id));
    const prior = (await latestApprovedPlanBefore(store.db, '0640011', 2027))!;
    expect(prior.id).toBe(hartford);
    expect((await annualReviewOf(store.db, prior.id))?.decision).toBe('continue-with-conditions');
    // A district with no approved plan starts empty.
    const derby = Number((await store.db.selectFrom('plan').select('id').where('cycle_id', '=', fy2027.id).where('district_code', '=', '0370011').executeTakeFirstOrThrow()).id);
    expect((await planView(store.db, users.admin!, derby)).content.goals).toEqual([]);
  });
});
