/**
 * Budget revisions on every dialect, with the demo's year: the approved revision is in the budget
 * in force the spend-down measures; a small one is recorded at once, a large one waits for the
 * state; a decision is checked again when it is taken and made once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../tests/support/dialects.ts';
import { openDemo } from '../../../tests/support/demo.ts';
import type { Store } from '../../data/database.ts';
import { cents } from '../../domain/money/cents.ts';
import type { IsoDate } from '../../domain/time/fiscal-year.ts';
import { verifyAudit } from '../audit.service.ts';
import type { User } from '../auth.service.ts';
import { planView } from '../plans/index.ts';
import { getPlan } from '../../data/plan.repository.ts';
import { budgetInForce, decideRevision, requestRevision, revisionsOf, spendingOf } from './index.ts';

describe.each(dialects)('budget revisions ($name)', (dialect) => {
  let store: Store;
  let users: Record<string, User> = {};
  let hartford: number;
  beforeAll(async () => {
    const demo = await openDemo(dialect, ['editor.hartford', 'board.hartford', 'reviewer', 'reviewer2']);
    ({ store, users } = demo);
    hartford = await demo.planOf('0640011');
  }, 180_000);
  afterAll(async () => dialect.close(store));

  it('the demo\'s approved revision is in the budget in force, and the spend-down measures against it', async () => {
    const [r] = await revisionsOf(store.db, hartford);
    expect(r).toMatchObject({ number: 1, status: 'approved' });
    const approved = (await planView(store.db, users.reviewer!, hartford)).budget;
    const inForce = await budgetInForce(store.db, (await getPlan(store.db, hartford))!);
    const moved = r!.transfers[0]!.amountCents;
    expect(inForce.find((l) => l.id === 'b6')!.amountCents).toBe(approved.find((l) => l.id === 'b6')!.amountCents - moved);
    expect(inForce.reduce((s, l) => s + l.amountCents, 0)).toBe(approved.reduce((s, l) => s + l.amountCents, 0));
    const sd = (await spendingOf(store.db, hartford, '2026-12-01' as IsoDate)).spendDown!;
    expect(sd.lines.find((l) => l.lineId === 'b6')!.budgetedCents).toBe(inForce.find((l) => l.id === 'b6')!.amountCents);
    expect(sd.areas.filter((a) => a.flags.length).map((a) => a.area)).toEqual(['supplies']);
  });

  it('a small move is recorded; a large one waits, is decided once, and only by the state', async () => {
    const small = await requestRevision(store, users['editor.hartford']!, hartford, { transfers: [{ fromLineId: 'b2', toLineId: 'b1', amountCents: cents(1_000_00) }], reason: 'Within staffing.' });
    expect(small).toMatchObject({ number: 2, status: 'recorded' });
    await expect(requestRevision(store, users['board.hartford']!, hartford, { transfers: [{ fromLineId: 'b2', toLineId: 'b1', amountCents: cents(1) }], reason: 'x' })).rejects.toMatchObject({ status: 403 });
    await expect(requestRevision(store, users['editor.hartford']!, hartford, { transfers: [{ fromLineId: 'b2', toLineId: 'b1', amountCents: cents(1) }], reason: ' ' })).rejects.toMatchObject({ issues: { reason: 'Required.' } });
    const inForce = (await spendingOf(store.db, hartford, '2026-12-01' as IsoDate)).spendDown!;
    const pd = inForce.areas.find((a) => a.area === 'professional-development')!;
    const large = await requestRevision(store, users['editor.hartford']!, hartford, { transfers: [{ fromLineId: 'b4', toLineId: 'b1', amountCents: cents(Math.round(pd.budgetedCents * 0.5)) }], reason: 'Coaching moves to interventionists.' });
    expect(large).toMatchObject({ number: 3, status: 'pending' });
    await expect(decideRevision(store, users['editor.hartford']!, large.id, true)).rejects.toMatchObject({ status: 403 });
    const outcomes = await Promise.allSettled([decideRevision(store, users.reviewer!, large.id, true), decideRevision(store, users.reviewer2!, large.id, false)]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const decided = (await revisionsOf(store.db, hartford)).find((r) => r.id === large.id)!;
    expect(['approved', 'denied']).toContain(decided.status);
    await expect(decideRevision(store, users.reviewer!, large.id, true)).rejects.toMatchObject({ status: 409 });
    expect((await verifyAudit(store)).ok).toBe(true);
  });
});
