/**
 * The plan workflow end to end in the services, on SQLite and PostgreSQL: the demo cycle, every
 * step's permission and state checks, revisions and resubmission, conflicting edits, the release
 * of funds, publication, amendments with a diff, and the audit chain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../tests/support/dialects.ts';
import type { Store } from '../../data/database.ts';
import { loadEmbedded } from '../../data/embedded.ts';
import { auditOf, verifyAudit } from '../audit.service.ts';
import { createUser, userByEmail, type User } from '../auth.service.ts';
import { DEMO_DOMAIN, seedDemo } from '../demo.service.ts';
import { outbox } from '../mail.service.ts';
import { sweepDeadlines } from './index.ts';
import { fiscalYear, type IsoDate } from '../../domain/time/fiscal-year.ts';
import {
  assignReviewers,
  certify,
  changeCycleSchedule,
  comment,
  ConflictError,
  cycleBoard,
  decide,
  diffVersions,
  extendDeadline,
  getCycle,
  planView,
  publishedPlans,
  recommend,
  recordBoardApproval,
  openCycle,
  releaseFunds,
  saveDraft,
  score,
  startAmendment,
  submit,
  WorkflowError,
} from './index.ts';

describe.each(dialects)('the plan workflow ($name)', (dialect) => {
  let store: Store;
  let cycleId: number;
  const users: Record<string, User> = {};
  const planOf = async (code: string) => Number((await store.db.selectFrom('plan').select('id').where('district_code', '=', code).where('cycle_id', '=', cycleId).executeTakeFirstOrThrow()).id);

  beforeAll(async () => {
    store = await dialect.open();
    await loadEmbedded(store);
    cycleId = (await seedDemo(store, {}, { monitoring: false })).cycle;
    for (const who of ['admin', 'reviewer', 'reviewer2', 'commissioner', 'editor.hartford', 'superintendent.hartford', 'board.hartford', 'superintendent.multi', 'editor.bridgeport']) {
      users[who] = (await userByEmail(store.db, `${who}@${DEMO_DOMAIN}`))!;
    }
  }, 120_000);
  afterAll(async () => dialect.close(store));

  it('the demo cycle has a plan per alliance district, with the amount withheld from each, in several states', async () => {
    const board = await cycleBoard(store.db, cycleId);
    expect(board).toHaveLength(36);
    const hartford = board.find((b) => b.districtCode === '0640011')!;
    expect(hartford).toMatchObject({ state: 'approved', fundsReleased: true, allocationCents: (226_674_245 - 187_974_890) * 100 });
    expect(board.find((b) => b.districtCode === '0590011')).toMatchObject({ allocationCents: 0, optional: true, nextDeadline: null }); // Groton: nothing withheld, plan optional
    expect(new Set(board.map((b) => b.state))).toEqual(new Set(['approved', 'in-review', 'revisions-requested', 'draft']));
    expect(board.find((b) => b.districtCode === '0020011')!.nextDeadline).toMatchObject({ name: 'submission', overdue: true });
    expect(board.find((b) => b.districtCode === '0830011')!.nextDeadline).toMatchObject({ name: 'board', overdue: true });
  });

  it('approval publishes the narrative and the budget by area; the release records date, amount and official', async () => {
    const [pub] = await publishedPlans(store.db, '0640011');
    expect(pub).toMatchObject({ fiscalYear: 2026, decision: 'approved', release: { date: '2025-10-03', amountCents: (226_674_245 - 187_974_890) * 100, approvedBy: users.commissioner!.id } });
    expect(pub!.narrative).toMatch(/reading interventionists/);
    expect(pub!.budgetByArea.reduce((a, x) => a + x.cents, 0)).toBe(pub!.totalCents);
    expect(await publishedPlans(store.db, '0150011')).toEqual([]);
  });

  it('people only see and change their own district\'s plan; the state sees all; a viewer only reads', async () => {
    const hartford = await planOf('0640011');
    const bridgeport = await planOf('0150011');
    await expect(planView(store.db, users['editor.bridgeport']!, hartford)).rejects.toThrow(/cannot see/);
    expect((await planView(store.db, users.reviewer!, hartford)).districtName).toBe('Hartford School District');
    const viewer = await planView(store.db, users['board.hartford']!, hartford);
    expect(viewer.actions).toEqual([]);
    const bpt = await planView(store.db, users['editor.bridgeport']!, bridgeport);
    await expect(saveDraft(store, users['editor.bridgeport']!, bridgeport, { content: bpt.content, budget: bpt.budget, expectedRowVersion: bpt.rowVersion })).rejects.toThrow(/in review; it cannot be changed now/);
    await expect(decide(store, users.reviewer!, bridgeport, 'approve', {})).rejects.toMatchObject({ status: 403 });
    // District people do not see reviewers' scores.
    expect((await planView(store.db, users['superintendent.hartford']!, hartford)).events.some((e) => e.kind === 'score')).toBe(false);
    expect((await planView(store.db, users.reviewer!, hartford)).events.some((e) => e.kind === 'score')).toBe(true);
  });

  it('revisions requested: the district sees why, revises, the board and the signature are needed again, it resubmits', async () => {
    const id = await planOf('0020011');
    const rep = users['superintendent.multi']!;
    let v = await planView(store.db, rep, id);
    expect(v.state).toBe('revisions-requested');
    expect((v.events.find((e) => e.kind === 'decision')! as { message: string | null }).message).toMatch(/attendance coordinators/);
    const content = { ...v.content, interventions: [...v.content.interventions, { school: 'Mead School', tier: 2 as const, description: 'Small-group math.' }] };
    await saveDraft(store, rep, id, { content, budget: v.budget, expectedRowVersion: v.rowVersion });
    await expect(submit(store, rep, id)).rejects.toThrow(/board of education must approve the revised version/);
    await recordBoardApproval(store, rep, id, { meetingDate: '2025-09-02', votesFor: 6, votesAgainst: 0, abstentions: 0, minutesUploadId: null });
    await expect(certify(store, rep, id, 'Somebody Else')).rejects.toThrow(/Type your name exactly/);
    await certify(store, rep, id, 'morgan multi');
    await submit(store, rep, id);
    v = await planView(store.db, rep, id);
    expect(v.state).toBe('in-review');
    expect(v.versions.length).toBeGreaterThan(2);
  });

  it('interventions name the district\'s schools from the directory: an unknown one is worth checking but does not block signing', async () => {
    const id = await planOf('0020011');
    const v = await planView(store.db, users.reviewer!, id);
    expect(v.schools).toEqual(['Ansonia High School', 'Ansonia Middle School', 'Mead School', 'Prendergast School']);
    // The demo's tier 3 reading block is in Ansonia's K-3 schools, so nothing is flagged.
    expect(v.content.interventions.filter((x) => x.tier === 3).map((x) => x.school)).toEqual(['Mead School', 'Prendergast School']);
    expect(v.contentIssues).toEqual([]);

    const draft = await planOf('0370011'); // Derby, certified but not submitted
    const rep = users['superintendent.multi']!;
    const d = await planView(store.db, rep, draft);
    const typo = { ...d.content, interventions: [...d.content.interventions, { school: 'Riverside Acadmy', tier: 2 as const, description: 'Tutoring.' }] };
    await saveDraft(store, rep, draft, { content: typo, budget: d.budget.map((l, i) => (i === 0 ? { ...l, school: 'Nowhere School' } : l)), expectedRowVersion: d.rowVersion });
    const after = await planView(store.db, rep, draft);
    expect(after.contentIssues).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringContaining('"Riverside Acadmy") is not one of the district') })]);
    expect(after.budgetSummary.issues).toEqual(expect.arrayContaining([expect.objectContaining({ severity: 'warning', field: 'school', message: expect.stringContaining('"Nowhere School"') })]));
    expect(after.facts).toMatchObject({ budgetBalanced: true, contentComplete: true }); // only warnings

    // Tier 3 for "All schools" is an error, and the plan can no longer be signed until it names them.
    const all = { ...after.content, interventions: after.content.interventions.map((x) => (x.tier === 3 ? { ...x, school: 'All schools' } : x)) };
    await saveDraft(store, rep, draft, { content: all, budget: after.budget, expectedRowVersion: after.rowVersion });
    const blocked = await planView(store.db, rep, draft);
    expect(blocked.contentIssues.filter((i) => i.severity === 'error').map((i) => i.message)).toEqual(expect.arrayContaining([expect.stringMatching(/tier 3 is for the lowest-performing schools/)]));
    expect(blocked.facts).toMatchObject({ budgetBalanced: true, contentComplete: false });
    await recordBoardApproval(store, rep, draft, { meetingDate: '2025-08-20', votesFor: 5, votesAgainst: 1, abstentions: 0, minutesUploadId: null });
    await expect(certify(store, rep, draft, rep.name)).rejects.toThrow(/still lacks something/);
    await saveDraft(store, rep, draft, { content: d.content, budget: d.budget, expectedRowVersion: (await planView(store.db, rep, draft)).rowVersion });
  });

  it('two people saving the same plan: the second gets a conflict naming what changed, and nothing is lost', async () => {
    const id = await planOf('0370011');
    const rep = users['superintendent.multi']!;
    const a = await planView(store.db, rep, id);
    const b = await planView(store.db, rep, id);
    await saveDraft(store, rep, id, { content: { ...a.content, narrative: `${a.content.narrative} First editor's sentence.` }, budget: a.budget, expectedRowVersion: a.rowVersion });
    const err = await saveDraft(store, rep, id, { content: { ...b.content, narrative: 'Second editor overwrote everything.' }, budget: b.budget, expectedRowVersion: b.rowVersion }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).status).toBe(409);
    expect((err as ConflictError).changes.join(' ')).toMatch(/version \d+ saved/i);
    const now = await planView(store.db, rep, id);
    expect(now.content.narrative).toMatch(/First editor's sentence\.$/);
    // Saving changed the content: the earlier board approval and signature no longer apply.
    expect(now.facts.boardApproved).toBe(false);
    expect(now.facts.certified).toBe(false);
  });

  it('a budget that does not add up blocks certification, with the difference named', async () => {
    const id = await planOf('0830011'); // Middletown, an untouched draft
    const rep = users.admin!;
    await expect(planView(store.db, rep, id)).resolves.toBeTruthy();
    const editor = users['superintendent.multi']!;
    await expect(planView(store.db, editor, id)).rejects.toMatchObject({ status: 403 });
    const v = await planView(store.db, users.reviewer!, id);
    expect(v.budgetSummary.balanced).toBe(false);
    expect(v.budgetSummary.issues.some((i) => /allocation is/.test(i.message))).toBe(true);
  });

  it('the state gives one district a later deadline: the board, the plan and the reminders follow it, and the district is told', async () => {
    const middletown = await planOf('0830011');
    const admin = users.admin!;
    const before = await planView(store.db, admin, middletown);
    expect(before.deadlines.board).toBe('2025-08-01');
    await expect(extendDeadline(store, users.reviewer!, middletown, { deadline: 'board', date: '2025-08-20', reason: 'Storm' })).rejects.toMatchObject({ status: 403 });
    await expect(extendDeadline(store, admin, middletown, { deadline: 'board', date: '2025-07-20', reason: 'Storm' })).rejects.toThrow(/later than the district's deadline/);
    await expect(extendDeadline(store, admin, middletown, { deadline: 'board', date: '2025-08-20', reason: ' ' })).rejects.toThrow(/Say why/);
    // A board date past the submission date would make submission overdue at once: that first.
    await expect(extendDeadline(store, admin, middletown, { deadline: 'board', date: '2025-08-20', reason: 'Storm' })).rejects.toThrow(/Extend the later deadline first/);
    await extendDeadline(store, admin, middletown, { deadline: 'submission', date: '2025-08-29', reason: 'The board meeting was postponed by the storm.' });
    await extendDeadline(store, admin, middletown, { deadline: 'board', date: '2025-08-20', reason: 'The board meeting was postponed by the storm.' });
    await expect(extendDeadline(store, admin, middletown, { deadline: 'submission', date: '2025-08-25', reason: 'Shorter' })).rejects.toThrow(/now \(2025-08-29\)/);
    const after = await planView(store.db, admin, middletown);
    expect(after.deadlines).toEqual({ ...before.deadlines, board: '2025-08-20', submission: '2025-08-29' });
    expect(after.extensions).toEqual({ board: '2025-08-20', submission: '2025-08-29' });
    expect(after.rowVersion).toBe(before.rowVersion); // not an edit of the plan: open forms stay valid
    expect(after.events.at(-1)).toMatchObject({ kind: 'deadline-extended', deadline: 'board', from: '2025-08-01', to: '2025-08-20', reason: 'The board meeting was postponed by the storm.' });
    expect((await cycleBoard(store.db, cycleId, '2025-08-10')).find((b) => b.districtCode === '0830011')!.nextDeadline).toEqual({ name: 'board', date: '2025-08-20', overdue: false, extended: true });
    expect((await cycleBoard(store.db, cycleId, '2025-08-10')).find((b) => b.districtCode === '0020011')!.nextDeadline).toMatchObject({ extended: false });
    // The sweep reminds Middletown of its own date, a week before it.
    await sweepDeadlines(store, { today: '2025-08-13' });
    const notice = await store.db.selectFrom('deadline_notice').selectAll().where('plan_id', '=', middletown).executeTakeFirst();
    expect(notice).toMatchObject({ deadline: 'board', kind: 'reminder-7', deadline_date: '2025-08-20' });
    // A district with people is told.
    const bridgeport = await planOf('0150011');
    await extendDeadline(store, admin, bridgeport, { deadline: 'submission', date: '2025-08-29', reason: 'A new superintendent started.' });
    expect((await outbox(store.db)).find((m) => m.to === `editor.bridgeport@${DEMO_DOMAIN}` && /deadline extended/.test(m.subject))?.body).toMatch(/submission to the state to 2025-08-29 \(it was 2025-08-15\)[\s\S]*A new superintendent started/);
  });

  it('the state moves a cycle\'s deadlines for everyone, in order, and a stale form does not overwrite a newer change', async () => {
    const admin = users.admin!;
    // Someone for Groton, whose plan is optional (nothing withheld): no district deadline binds it.
    const groton = await createUser(store, 'admin', { email: 'editor.groton@example.org', name: 'Gale Groton', grants: [{ role: 'district-editor', districtCode: '0590011' }] });
    // And someone for Middletown, drafting, whose own submission date (2025-08-29) is later than the new one.
    const middletown = await createUser(store, 'admin', { email: 'editor.middletown@example.org', name: 'Mel Middletown', grants: [{ role: 'district-editor', districtCode: '0830011' }] });
    await store.db.updateTable('app_user').set({ status: 'active' }).where('id', 'in', [groton.user.id, middletown.user.id]).execute();
    const cycle = (await getCycle(store.db, cycleId))!;
    const moved = { ...cycle.deadlines, submission: '2025-08-22', review: '2025-09-22' };
    await expect(changeCycleSchedule(store, users.reviewer!, cycleId, { deadlines: moved, reason: 'x', expectedRowVersion: cycle.rowVersion })).rejects.toMatchObject({ status: 403 });
    await expect(changeCycleSchedule(store, admin, cycleId, { deadlines: { ...moved, review: '2025-08-01' }, reason: 'x', expectedRowVersion: cycle.rowVersion })).rejects.toThrow(/is before the one for submission/);
    const changed = await changeCycleSchedule(store, admin, cycleId, { deadlines: moved, reason: 'The state portal was down for a week.', expectedRowVersion: cycle.rowVersion });
    expect(changed.deadlines).toEqual(moved);
    expect(changed.rowVersion).toBe(cycle.rowVersion + 1);
    await expect(changeCycleSchedule(store, admin, cycleId, { deadlines: cycle.deadlines, reason: 'Undo', expectedRowVersion: cycle.rowVersion })).rejects.toBeInstanceOf(ConflictError);
    expect((await getCycle(store.db, cycleId))!.deadlines).toEqual(moved);
    const [event] = (await auditOf(store.db, `cycle:${cycleId}`)).filter((e) => e.action === 'cycle.deadlines-changed');
    expect(event!.details).toMatchObject({ changed: ['submission', 'review'], reason: 'The state portal was down for a week.' });
    // Districts still drafting hear of the change to their dates; Middletown keeps its own later
    // submission date, so it is told nothing; Groton, with an optional plan, neither.
    const told = (await outbox(store.db)).filter((m) => /deadlines changed/.test(m.subject));
    expect(told.find((m) => m.to === `superintendent.multi@${DEMO_DOMAIN}`)?.body).toMatch(/submission to the state: 2025-08-22 \(was 2025-08-15\)/);
    expect(told.filter((m) => m.to === 'editor.middletown@example.org' || m.to === 'editor.groton@example.org')).toEqual([]);
    expect((await planView(store.db, admin, await planOf('0150011'))).deadlines.submission).toBe('2025-08-29');
    await changeCycleSchedule(store, admin, cycleId, { deadlines: cycle.deadlines, reason: 'Back to the published dates.', expectedRowVersion: changed.rowVersion });
  });

  it('the state adds its own milestones to the schedule: each district is told, reminded before the date by the sweep once, and never escalated', async () => {
    const admin = users.admin!;
    const cycle = (await getCycle(store.db, cycleId))!;
    const fall = { id: 'fall-monitoring-meeting', label: 'Fall monitoring meeting', actor: 'district' as const, date: '2025-11-12' };
    const winter = { id: 'winter-review', label: 'Winter review of progress', actor: 'reviewers' as const, date: '2026-01-20' };
    await expect(changeCycleSchedule(store, admin, cycleId, { deadlines: cycle.deadlines, milestones: [{ ...fall, date: '2025-11-31' }], reason: 'Monitoring', expectedRowVersion: cycle.rowVersion })).rejects.toThrow(/date of "Fall monitoring meeting"/);
    const changed = await changeCycleSchedule(store, admin, cycleId, { deadlines: cycle.deadlines, milestones: [winter, fall], reason: 'The monitoring year.', expectedRowVersion: cycle.rowVersion });
    // In date order after the plan's five; the five are unchanged.
    expect(changed.schedule.slice(5)).toEqual([fall, winter]);
    expect(changed.deadlines).toEqual(cycle.deadlines);
    // A change of the five dates alone keeps the state's milestones.
    const again = await changeCycleSchedule(store, admin, cycleId, { deadlines: cycle.deadlines, reason: 'Same dates.', expectedRowVersion: changed.rowVersion });
    expect(again.schedule.slice(5).map((m) => m.id)).toEqual([fall.id, winter.id]);
    // Hartford (approved, not drafting) hears of the new milestone it acts by, not of the reviewers'.
    const told = (await outbox(store.db)).filter((m) => m.to === `editor.hartford@${DEMO_DOMAIN}` && /deadlines changed/.test(m.subject));
    expect(told[0]?.body).toMatch(/Fall monitoring meeting: 2025-11-12 \(new\)/);
    expect(told[0]?.body).not.toMatch(/Winter review/);
    // A week before: reminded once, however often the sweep runs.
    const before = await outbox(store.db, 10_000);
    await sweepDeadlines(store, { today: '2025-11-05' });
    await sweepDeadlines(store, { today: '2025-11-05' });
    const reminders = (await outbox(store.db, 10_000)).filter((m) => !before.some((b) => b.id === m.id) && /Reminder: Fall monitoring meeting/.test(m.subject));
    expect(reminders.filter((m) => m.to === `editor.hartford@${DEMO_DOMAIN}`)).toHaveLength(1);
    expect(reminders.find((m) => m.to === `editor.hartford@${DEMO_DOMAIN}`)!.subject).toBe('Reminder: Fall monitoring meeting for Hartford School District is due in 7 days (2025-11-12)');
    const hartford = await planOf('0640011');
    expect(await store.db.selectFrom('deadline_notice').select(['deadline', 'kind']).where('plan_id', '=', hartford).where('deadline', '=', fall.id).execute()).toEqual([{ deadline: fall.id, kind: 'reminder-7' }]);
    // After the date nothing escalates: nothing records yet when a meeting is held.
    await sweepDeadlines(store, { today: '2025-11-20' });
    expect(await store.db.selectFrom('deadline_notice').select('kind').where('deadline', '=', fall.id).where('kind', '=', 'escalation').execute()).toEqual([]);
    const now = (await getCycle(store.db, cycleId))!;
    await changeCycleSchedule(store, admin, cycleId, { deadlines: now.deadlines, milestones: [], reason: 'Back to the plan\'s dates.', expectedRowVersion: now.rowVersion });
  });

  it('an amendment of an approved plan: a new version, a diff against the approved one, the lighter path', async () => {
    const id = await planOf('0640011');
    const rep = users['superintendent.hartford']!;
    await startAmendment(store, rep, id);
    let v = await planView(store.db, rep, id);
    expect(v.state).toBe('draft');
    expect(v.facts.amendment).toBe(true);
    const budget = v.budget.map((l) => (l.id === 'b6' ? { ...l, description: 'Intervention materials and books' } : l));
    await saveDraft(store, rep, id, { content: v.content, budget, expectedRowVersion: v.rowVersion });
    v = await planView(store.db, rep, id);
    const diff = await diffVersions(store.db, id, v.approvedVersion!, v.version);
    expect(diff.budget).toEqual([expect.objectContaining({ id: 'b6', change: 'changed' })]);
    expect(diff.sections.every((s) => !s.changed)).toBe(true);
    await recordBoardApproval(store, rep, id, { meetingDate: '2026-01-10', votesFor: 5, votesAgainst: 0, abstentions: 0, minutesUploadId: null });
    await certify(store, rep, id, rep.name);
    await submit(store, rep, id);
    // Lighter path: the state may recommend without a committee.
    await recommend(store, users.reviewer!, id, 'Amendment within the approved strategies.');
    await decide(store, users.commissioner!, id, 'approve-with-conditions', { conditions: 'Report book purchases at the next monitoring meeting.' });
    const [pub] = await publishedPlans(store.db, '0640011');
    expect(pub).toMatchObject({ decision: 'approved-with-conditions', conditions: /monitoring meeting/ });
  });

  it('comments thread with the district; internal notes stay with the state', async () => {
    const id = await planOf('0150011');
    await comment(store, users.reviewer!, id, { body: 'Please name the schools for tier 3.', section: 'interventions' });
    await comment(store, users.reviewer!, id, { body: 'Internal: check last year\'s spend-down.', internal: true });
    const asked = (await planView(store.db, users.reviewer!, id)).events.filter((e) => e.kind === 'comment');
    const [question, note] = [asked.at(-2)!, asked.at(-1)!];
    await comment(store, users['editor.bridgeport']!, id, { body: 'Will do: Roosevelt and Hall.', parentId: question.id });
    const district = await planView(store.db, users['editor.bridgeport']!, id);
    expect(district.events.flatMap((e) => (e.kind === 'comment' ? [[e.body, e.parentId]] : []))).toEqual([
      ['Please name the schools for tier 3.', null],
      ['Will do: Roosevelt and Hall.', question.id],
    ]);
    // The district cannot reply to (or learn of) an internal note; a reply to one stays internal.
    await expect(comment(store, users['editor.bridgeport']!, id, { body: 'guess', parentId: note.id })).rejects.toThrow(/no such comment/);
    await comment(store, users.reviewer2!, id, { body: 'Spend-down was 94%.', parentId: note.id });
    expect((await planView(store.db, users['editor.bridgeport']!, id)).events.some((e) => e.kind === 'comment' && e.body === 'Spend-down was 94%.')).toBe(false);
    const state = await planView(store.db, users.reviewer!, id);
    expect(state.events.filter((e) => e.kind === 'comment')).toHaveLength(4);
    await expect(comment(store, users['superintendent.hartford']!, id, { body: 'not mine' })).rejects.toMatchObject({ status: 403 });
  });

  it('scoring and recommending are the committee\'s, and nobody outside it can join it on their own', async () => {
    const id = await planOf('0150011'); // Bridgeport: in review, committee [reviewer]
    const outsider = users.reviewer2!;
    await expect(score(store, outsider, id, { section: 'budget', score: 4, comment: 'x' })).rejects.toMatchObject({ status: 403, message: /review committee/ });
    await expect(recommend(store, outsider, id, 'x')).rejects.toMatchObject({ status: 403, message: /review committee/ });
    await expect(assignReviewers(store, outsider, id, [outsider.id])).rejects.toMatchObject({ status: 403, message: /cannot add yourself/ });
    // Only active program staff free of a role in the district can be named.
    await expect(assignReviewers(store, users.admin!, id, [users['editor.bridgeport']!.id])).rejects.toMatchObject({ status: 400 });
    await expect(assignReviewers(store, users.admin!, id, [987_654])).rejects.toMatchObject({ status: 400 });
    expect((await planView(store.db, users.admin!, id)).reviewers).toEqual([users.reviewer!.id]);
    expect((await planView(store.db, outsider, id)).actions).not.toContain('score');
  });

  it('a refused save tells the district what changed, but not that internal notes or scores exist', async () => {
    const id = await planOf('0150011'); // in review, with internal notes (above)
    const stale = await planView(store.db, users['editor.bridgeport']!, id);
    await score(store, users.reviewer!, id, { section: 'budget', score: 2, comment: 'Thin on costs.' });
    await comment(store, users.reviewer!, id, { body: 'Internal: compare with last year.', internal: true });
    const district = (await saveDraft(store, users['editor.bridgeport']!, id, { content: stale.content, budget: stale.budget, expectedRowVersion: stale.rowVersion }).catch((e: unknown) => e)) as ConflictError;
    expect(district).toBeInstanceOf(ConflictError);
    expect(district.changes.join(' ')).not.toMatch(/score/i);
    // The events it lists are the last ones the district can see (the internal note is not among them).
    const seen = (await planView(store.db, users['editor.bridgeport']!, id)).events.slice(-3).map((e) => `${e.kind.replace(/-/g, ' ')} by ${e.userName}`);
    expect(district.changes.filter((c) => / at .* by /.test(c)).map((c) => c.replace(/ at .* by /, ' by ').replace(/\.$/, ''))).toEqual(seen);
    // The state's reviewers are shown them.
    const staff = (await recommend(store, users.reviewer!, id, 'x', stale.rowVersion).catch((e: unknown) => e)) as ConflictError;
    expect(staff.changes.join(' ')).toMatch(/score/);
  });

  it('money moves once: after an amendment is approved again, a second release of the cycle\'s funds is refused', async () => {
    const id = await planOf('0640011'); // released in the demo, then amended and approved again above
    const v = await planView(store.db, users.commissioner!, id);
    expect(v.state).toBe('approved-with-conditions');
    expect(v.facts.fundsReleased).toBe(true);
    expect(v.actions).not.toContain('release-funds');
    await expect(releaseFunds(store, users.commissioner!, id, { date: '2026-02-01' })).rejects.toThrow(/already been released/);
    expect((await planView(store.db, users.commissioner!, id)).events.filter((e) => e.kind === 'release')).toHaveLength(1);
    expect(await store.db.selectFrom('fund_release').select('amount_cents').where('plan_id', '=', id).execute()).toHaveLength(1);
    await expect(releaseFunds(store, users.commissioner!, await planOf('0150011'), { date: '2026-02-02' })).rejects.toBeInstanceOf(WorkflowError);
    // The release's audit row carries the amount itself, and who approved.
    const [audited] = (await auditOf(store.db, `plan:${id}`)).filter((e) => e.action === 'funds.released');
    expect(audited!.details).toMatchObject({ date: '2025-10-03', amountCents: (226_674_245 - 187_974_890) * 100, approvedBy: users.commissioner!.id });
  });

  it('two releases of the same funds at the same moment: exactly one is recorded', async () => {
    const id = await planOf('1510011'); // Waterbury: taken to approval here
    const v = await planView(store.db, users.admin!, id);
    // Straight to a recommended plan (the path to it is tested above); then approved.
    await store.db.updateTable('plan').set({ state: 'recommended' }).where('id', '=', id).execute();
    await decide(store, users.commissioner!, id, 'approve', {});
    // Dates are real calendar dates in the cycle's reach.
    await expect(releaseFunds(store, users.commissioner!, id, { date: '9999-99-99' })).rejects.toThrow(/real calendar date/);
    await expect(releaseFunds(store, users.commissioner!, id, { date: '2999-01-01' })).rejects.toThrow(/between 2024-07-01 and 2027-06-30/);
    await expect(releaseFunds(store, users.commissioner!, id, { date: '2026-07-01' }, undefined, '2026-06-01' as IsoDate)).rejects.toThrow(/in the future/);
    const results = await Promise.allSettled([
      releaseFunds(store, users.commissioner!, id, { date: '2025-11-01' }),
      releaseFunds(store, users.admin!, id, { date: '2025-11-02' }),
      releaseFunds(store, users.commissioner!, id, { date: '2025-11-03' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as WorkflowError).status).toBe(409);
    expect(await store.db.selectFrom('fund_release').select('id').where('plan_id', '=', id).execute()).toHaveLength(1);
    expect((await planView(store.db, users.admin!, id)).events.filter((e) => e.kind === 'release')).toHaveLength(1);
    expect((await auditOf(store.db, `plan:${id}`)).filter((e) => e.action === 'funds.released')).toHaveLength(1);
    expect(v.allocationCents).toBeGreaterThan(0);
    // The database itself holds the rule, whatever path writes: a second release row is refused.
    const first = await store.db.selectFrom('fund_release').selectAll().where('plan_id', '=', id).executeTakeFirstOrThrow();
    const { id: _id, ...again } = first;
    await expect(store.db.insertInto('fund_release').values({ ...again, released_on: '2025-11-04', at: new Date().toISOString() }).execute()).rejects.toThrow();
  });

  it('a board meeting is dated on a real day that has passed', async () => {
    const id = await planOf('1510011');
    const bpt = await planOf('0150011');
    await expect(recordBoardApproval(store, users['editor.bridgeport']!, bpt, { meetingDate: '2025-02-30', votesFor: 5, votesAgainst: 0, abstentions: 0, minutesUploadId: null })).rejects.toThrow(/real calendar date/);
    await expect(recordBoardApproval(store, users['editor.bridgeport']!, bpt, { meetingDate: '2999-01-01', votesFor: 5, votesAgainst: 0, abstentions: 0, minutesUploadId: null })).rejects.toThrow(/in the future/);
    expect(((await planView(store.db, users.admin!, id)).events.find((e) => e.kind === 'release')! as { date: string }).date).toMatch(/^2025-11-0[123]$/);
  });

  it('every change is in the audit trail, chained; decisions and revisions reached the district by e-mail', async () => {
    const check = await verifyAudit(store);
    expect(check.ok).toBe(true);
    const events = await auditOf(store.db, `plan:${await planOf('0640011')}`);
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['plan.saved', 'plan.board-approved', 'plan.certified', 'plan.submitted', 'plan.reviewers-assigned', 'plan.recommended', 'plan.approved', 'funds.released', 'plan.amendment-started']),
    );
    const mail = await outbox(store.db);
    expect(mail.some((m) => m.to === `superintendent.multi@${DEMO_DOMAIN}` && /Revisions requested/.test(m.subject))).toBe(true);
    expect(mail.some((m) => m.to === `superintendent.hartford@${DEMO_DOMAIN}` && /approved/.test(m.subject))).toBe(true);
  });

  it('scores follow the cycle’s own rubric; the committee sees the means, the district does not', async () => {
    const hartford = await planOf('0640011');
    const reviewerView = await planView(store.db, users.reviewer!, hartford);
    expect(reviewerView.scores.find((x) => x.id === 'budget')).toMatchObject({ mean: 3, count: 1 });
    expect((await planView(store.db, users['superintendent.hartford']!, hartford)).scores).toEqual([]);

    const rubric = [
      { id: 'family', label: 'Family engagement', lookFor: 'Families are partners.' },
      { id: 'budget', label: 'Budget', lookFor: 'Costs follow the strategies.' },
    ];
    const fy2027 = await openCycle(store, users.admin!, { fiscalYear: fiscalYear(2027), deadlines: { draft: '2026-07-15', board: '2026-08-01', submission: '2026-08-15', review: '2026-09-15', decision: '2026-10-01' }, settings: { rubric } });
    expect(fy2027.settings.rubric).toEqual(rubric);
    const id = Number((await store.db.selectFrom('plan').select('id').where('cycle_id', '=', fy2027.id).where('district_code', '=', '0640011').executeTakeFirstOrThrow()).id);
    await expect(score(store, users.reviewer!, id, { section: 'goals', score: 3, comment: '' })).rejects.toThrow(/not a section of this cycle's rubric/);
    await expect(openCycle(store, users.admin!, { fiscalYear: fiscalYear(2028), deadlines: fy2027.deadlines, settings: { rubric: [] } })).rejects.toThrow(/at least one section/);
  });
});
