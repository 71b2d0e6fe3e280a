/**
 * Supports assigned to a plan on every dialect: only the state assigns, once per support, to an
 * owner who can see the plan; the district gives evidence once (two at once: one wins); the state
 * returns it with a note or accepts it; a support the state carries out itself is marked done;
 * the sweep reminds the owner and escalates what is overdue; every step is in the audit chain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../tests/support/dialects.ts';
import type { Store } from '../../data/database.ts';
import { loadEmbedded } from '../../data/embedded.ts';
import { auditOf, verifyAudit } from '../audit.service.ts';
import { userByEmail, type User } from '../auth.service.ts';
import { DEMO_DOMAIN, seedDemo } from '../demo.service.ts';
import { outbox } from '../mail.service.ts';
import { monitoringOf } from '../monitoring/index.ts';
import { sweepDeadlines } from '../plans/index.ts';
import { assignSupport, decideSupport, submitSupportEvidence, supportsOfPlan } from './assignments.ts';

describe.each(dialects)('supports assigned to a plan ($name)', (dialect) => {
  let store: Store;
  let meriden: number;
  const users: Record<string, User> = {};
  beforeAll(async () => {
    store = await dialect.open();
    await loadEmbedded(store);
    await seedDemo(store, {});
    for (const who of ['reviewer', 'reviewer2', 'superintendent.meriden', 'editor.hartford', 'admin']) users[who] = (await userByEmail(store.db, `${who}@${DEMO_DOMAIN}`))!;
    meriden = Number((await store.db.selectFrom('plan').select('id').where('district_code', '=', '0800011').executeTakeFirstOrThrow()).id);
  }, 180_000);
  afterAll(async () => dialect.close(store));

  it('the state assigns, once, to someone who can see the plan; the district cannot assign', async () => {
    const rep = users['superintendent.meriden']!;
    const ask = { supportId: 'fidelity-evidence', ownerId: rep.id, dueOn: '2026-01-15', note: 'Attendance by school, quarter 2.' };
    await expect(assignSupport(store, rep, meriden, ask, '2026-01-01')).rejects.toMatchObject({ status: 403 });
    await expect(assignSupport(store, users.reviewer!, meriden, { ...ask, ownerId: users['editor.hartford']!.id }, '2026-01-01')).rejects.toMatchObject({ issues: { ownerId: expect.any(String) } });
    await expect(assignSupport(store, users.reviewer!, meriden, { ...ask, supportId: 'free-lunch' }, '2026-01-01')).rejects.toMatchObject({ issues: { supportId: expect.any(String) } });
    await expect(assignSupport(store, users.reviewer!, meriden, { ...ask, dueOn: '2025-12-01' }, '2026-01-01')).rejects.toMatchObject({ issues: { dueOn: 'From today.' } });
    const a = await assignSupport(store, users.reviewer!, meriden, ask, '2026-01-01');
    expect(a).toMatchObject({ status: 'open', tier: 2, supportId: 'fidelity-evidence' });
    await expect(assignSupport(store, users.reviewer2!, meriden, ask, '2026-01-01')).rejects.toMatchObject({ status: 409, message: /assigned to this plan already/ });
  });

  it('the sweep reminds the owner before it is due and escalates it once overdue', async () => {
    const [a] = await supportsOfPlan(store.db, meriden, '2026-01-01');
    // Assigned on January 1 (this test's clock).
    await store.db.updateTable('support_assignment').set({ created_at: '2026-01-01T15:00:00.000Z' }).where('id', '=', a!.id).execute();
    const seen = new Set((await outbox(store.db, 10_000)).map((m) => m.id));
    await sweepDeadlines(store, { today: '2026-01-12' });
    await sweepDeadlines(store, { today: '2026-01-12' });
    await sweepDeadlines(store, { today: '2026-01-20' });
    const fresh = (await outbox(store.db, 10_000)).filter((m) => !seen.has(m.id) && /the support "Quarterly/.test(m.subject));
    expect(fresh.filter((m) => m.subject.startsWith('Reminder')).map((m) => m.to)).toEqual([`superintendent.meriden@${DEMO_DOMAIN}`]);
    expect(fresh.filter((m) => m.subject.startsWith('Overdue')).map((m) => m.to).sort()).toEqual([`admin@${DEMO_DOMAIN}`, `superintendent.meriden@${DEMO_DOMAIN}`]);
    expect((await supportsOfPlan(store.db, meriden, '2026-01-20'))[0]!.overdue).toBe(true);
  });

  it('evidence once (two at once: one wins), returned with a note, given again, accepted; a support of the state\'s own is marked done', async () => {
    const rep = users['superintendent.meriden']!;
    const [a] = await supportsOfPlan(store.db, meriden);
    const both = await Promise.allSettled([submitSupportEvidence(store, rep, a!.id, { evidence: 'Attendance by school for October to December.' }), submitSupportEvidence(store, rep, a!.id, { evidence: 'The same, sent twice by mistake.' })]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    await expect(decideSupport(store, users.reviewer!, a!.id, { accept: false, note: '' })).rejects.toMatchObject({ issues: { note: expect.any(String) } });
    await expect(decideSupport(store, rep, a!.id, { accept: true, note: '' })).rejects.toMatchObject({ status: 403 });
    expect(await decideSupport(store, users.reviewer!, a!.id, { accept: false, note: 'November is missing for two schools.' })).toMatchObject({ status: 'open', decisionNote: 'November is missing for two schools.' });
    await submitSupportEvidence(store, rep, a!.id, { evidence: 'All three months for every school, attached to the district portal.' });
    expect(await decideSupport(store, users.reviewer!, a!.id, { accept: true, note: '' })).toMatchObject({ status: 'accepted' });
    await expect(submitSupportEvidence(store, rep, a!.id, { evidence: 'More evidence after acceptance.' })).rejects.toMatchObject({ status: 409 });
    // A site visit is the state's to carry out: no evidence from the district, marked done from open.
    const visit = await assignSupport(store, users.reviewer!, meriden, { supportId: 'site-visits', ownerId: users.reviewer!.id, dueOn: '2099-03-01', note: '' });
    await expect(submitSupportEvidence(store, users.reviewer!, visit.id, { evidence: 'There is nothing for anyone to give here.' })).rejects.toMatchObject({ status: 409, message: /the state's to carry out/ });
    expect(await decideSupport(store, users.reviewer!, visit.id, { accept: true, note: 'Visited on March 1.' })).toMatchObject({ status: 'accepted' });
    const view = await monitoringOf(store.db, rep, meriden);
    expect(view.supports.map((s) => [s.supportId, s.status])).toEqual([
      ['fidelity-evidence', 'accepted'],
      ['site-visits', 'accepted'],
    ]);
    expect((await auditOf(store.db, `plan:${meriden}`)).map((e) => e.action)).toEqual(expect.arrayContaining(['support.assigned', 'support.evidence', 'support.returned', 'support.accepted']));
    expect((await verifyAudit(store)).ok).toBe(true);
  });
});
