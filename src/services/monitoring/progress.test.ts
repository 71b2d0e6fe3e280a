/**
 * Progress on the approved plan on every dialect, with the demo's year: Hartford's goals (one on
 * track, one off), its strategies, Meriden's conditions (one met with evidence, one not yet) — and
 * who may record what.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../tests/support/dialects.ts';
import type { Store } from '../../data/database.ts';
import { loadEmbedded } from '../../data/embedded.ts';
import { auditOf } from '../audit.service.ts';
import { userByEmail, type User } from '../auth.service.ts';
import { DEMO_DOMAIN, seedDemo } from '../demo.service.ts';
import { addConditionEvidence, progressOf, recordGoalValue, reviewConditionItem, setImplementation } from './index.ts';

describe.each(dialects)('progress on the approved plan ($name)', (dialect) => {
  let store: Store;
  const users: Record<string, User> = {};
  const plans: Record<string, number> = {};
  beforeAll(async () => {
    store = await dialect.open();
    await loadEmbedded(store);
    await seedDemo(store, {});
    for (const who of ['editor.hartford', 'board.hartford', 'editor.bridgeport', 'reviewer', 'superintendent.meriden']) users[who] = (await userByEmail(store.db, `${who}@${DEMO_DOMAIN}`))!;
    for (const code of ['0640011', '0800011', '0150011']) plans[code] = Number((await store.db.selectFrom('plan').select('id').where('district_code', '=', code).executeTakeFirstOrThrow()).id);
  }, 180_000);
  afterAll(async () => dialect.close(store));

  it('the demo: Hartford\'s ELA goal on track and absenteeism off track, its strategies under way; Meriden\'s conditions tracked', async () => {
    const h = (await progressOf(store.db, plans['0640011']!))!;
    expect(h.goals.map((g) => [g.goal.id, g.status])).toEqual([
      ['g1', 'on-track'],
      ['g2', 'off-track'],
    ]);
    expect(h.strategies.map((s) => [s.id, s.implementation])).toEqual([
      ['k3-reading', 'in-progress'],
      ['wraparound', 'not-started'],
      ['talent', 'implemented'],
    ]);
    const m = (await progressOf(store.db, plans['0800011']!))!;
    expect(m.conditions.map((c) => [c.index, c.met, Boolean(c.evidence)])).toEqual([
      [1, true, true],
      [2, null, false],
    ]);
    expect(await progressOf(store.db, plans['0150011']!)).toBeNull();
  });

  it('who may record what, and what is refused', async () => {
    const hartford = plans['0640011']!;
    const meriden = plans['0800011']!;
    await expect(recordGoalValue(store, users['board.hartford']!, hartford, { goalId: 'g1', value: 55, asOf: '2026-02-01', note: '' })).rejects.toMatchObject({ status: 403 });
    await expect(recordGoalValue(store, users['editor.bridgeport']!, hartford, { goalId: 'g1', value: 55, asOf: '2026-02-01', note: '' })).rejects.toMatchObject({ status: 403 });
    await expect(recordGoalValue(store, users['editor.hartford']!, hartford, { goalId: 'g9', value: 55, asOf: '2026-02-01', note: '' })).rejects.toMatchObject({ issues: { goalId: expect.any(String) } });
    await expect(recordGoalValue(store, users['editor.hartford']!, hartford, { goalId: 'g1', value: 55, asOf: '2099-01-01', note: '' })).rejects.toMatchObject({ issues: { asOf: 'Not in the future.' } });
    await expect(recordGoalValue(store, users['editor.bridgeport']!, plans['0150011']!, { goalId: 'g1', value: 55, asOf: '2026-02-01', note: '' })).rejects.toMatchObject({ status: 409 });
    await expect(setImplementation(store, users['editor.hartford']!, hartford, { strategyId: 'k3-reading', status: 'done', note: '' })).rejects.toMatchObject({ issues: { status: expect.any(String) } });
    // The district gives evidence; only the state reviews; a condition the approval does not have is not there.
    await expect(reviewConditionItem(store, users['superintendent.meriden']!, meriden, { item: 2, met: true })).rejects.toMatchObject({ status: 403 });
    await expect(addConditionEvidence(store, users['superintendent.meriden']!, meriden, { item: 3, evidence: 'x' })).rejects.toMatchObject({ status: 404 });
    await addConditionEvidence(store, users['superintendent.meriden']!, meriden, { item: 2, evidence: 'October and November sent on time.' });
    await reviewConditionItem(store, users.reviewer!, meriden, { item: 2, met: false });
    const m = (await progressOf(store.db, meriden))!;
    expect(m.conditions[1]).toMatchObject({ met: false, evidence: 'October and November sent on time.' });
    expect((await auditOf(store.db, `plan:${meriden}`)).map((e) => e.action)).toEqual(expect.arrayContaining(['progress.condition-evidence', 'progress.condition-reviewed']));
  });
});
