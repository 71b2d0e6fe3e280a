/**
 * Monitoring meetings on every dialect: who may schedule, propose and record; a stale form and a
 * second record are refused; a follow-up is done once, even by two people at once; the sweep
 * reminds and escalates follow-ups to their owners and treats a held meeting as its milestone met.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../tests/support/dialects.ts';
import type { Store } from '../../data/database.ts';
import { loadEmbedded } from '../../data/embedded.ts';
import { auditOf, verifyAudit } from '../audit.service.ts';
import { revokeRole, userByEmail, type User } from '../auth.service.ts';
import { DEMO_DOMAIN, seedDemo } from '../demo.service.ts';
import { outbox } from '../mail.service.ts';
import { changeCycleSchedule, getCycle, planView, sweepDeadlines, WorkflowError } from '../plans/index.ts';
import { budgetInForce, completeFollowUp, monitoringBoard, monitoringOf, progressOf, proposeAgendaItem, recordMeeting, scheduleMeeting, spendingOf } from './index.ts';
import { spendDownOn } from './spending.ts';
import { spentOfPlans } from '../../data/expenditure.repository.ts';
import { getPlan } from '../../data/plan.repository.ts';
import type { IsoDate } from '../../domain/time/fiscal-year.ts';

describe.each(dialects)('monitoring meetings ($name)', (dialect) => {
  let store: Store;
  let cycleId: number;
  const users: Record<string, User> = {};
  const planOf = async (code: string) => Number((await store.db.selectFrom('plan').select('id').where('district_code', '=', code).where('cycle_id', '=', cycleId).executeTakeFirstOrThrow()).id);
  const fall = { id: 'fall-monitoring-meeting', label: 'Fall monitoring meeting', actor: 'district' as const, date: '2025-11-12' };
  const winter = { id: 'winter-monitoring-meeting', label: 'Winter monitoring meeting', actor: 'district' as const, date: '2026-01-21' };

  beforeAll(async () => {
    store = await dialect.open();
    await loadEmbedded(store);
    cycleId = (await seedDemo(store, {}, { monitoring: false })).cycle;
    for (const who of ['admin', 'reviewer', 'reviewer2', 'commissioner', 'editor.hartford', 'superintendent.hartford', 'board.hartford', 'editor.bridgeport']) users[who] = (await userByEmail(store.db, `${who}@${DEMO_DOMAIN}`))!;
    const cycle = (await getCycle(store.db, cycleId))!;
    await changeCycleSchedule(store, users.admin!, cycleId, { deadlines: cycle.deadlines, milestones: [fall, winter], reason: 'The monitoring year.', expectedRowVersion: cycle.rowVersion });
  }, 120_000);
  afterAll(async () => dialect.close(store));

  it('the state schedules a meeting of an approved plan, once per milestone; the district cannot, nor can a draft be monitored', async () => {
    const hartford = await planOf('0640011');
    await expect(scheduleMeeting(store, users['editor.hartford']!, hartford, { title: 'Fall monitoring meeting', scheduledOn: fall.date, milestoneId: fall.id })).rejects.toMatchObject({ status: 403 });
    await expect(scheduleMeeting(store, users.reviewer!, await planOf('0830011'), { title: 'Fall', scheduledOn: fall.date })).rejects.toMatchObject({ status: 409, message: /once the plan is approved/ });
    await expect(scheduleMeeting(store, users.reviewer!, hartford, { title: 'Fall', scheduledOn: fall.date, milestoneId: 'board' })).rejects.toThrow(/not one of the cycle's own milestones/);
    await expect(scheduleMeeting(store, users.reviewer!, hartford, { title: ' ', scheduledOn: fall.date })).rejects.toThrow(/title/);
    const m = await scheduleMeeting(store, users.reviewer!, hartford, { title: 'Fall monitoring meeting', scheduledOn: fall.date, milestoneId: fall.id });
    expect(m).toMatchObject({ planId: hartford, milestoneId: fall.id, heldOn: null, agenda: [] });
    await expect(scheduleMeeting(store, users.reviewer2!, hartford, { title: 'Again', scheduledOn: fall.date, milestoneId: fall.id })).rejects.toMatchObject({ status: 409, message: /already has a meeting for that milestone/ });
    expect((await outbox(store.db)).find((x) => x.to === `editor.hartford@${DEMO_DOMAIN}` && /Monitoring meeting on 2025-11-12/.test(x.subject))).toBeTruthy();
    expect((await planView(store.db, users.reviewer!, hartford)).events.at(-1)).toMatchObject({ kind: 'meeting-scheduled', meetingId: m.id });
  });

  it('the agenda is collaborative: the district and the state propose items, both land when proposed at once; another district is refused', async () => {
    const hartford = await planOf('0640011');
    const first = (await monitoringOf(store.db, users.reviewer!, hartford)).meetings[0]!;
    await Promise.all([
      proposeAgendaItem(store, users['editor.hartford']!, first.id, { text: 'Chronic absenteeism in the two K-3 schools' }),
      proposeAgendaItem(store, users.reviewer!, first.id, { text: 'Spend-down of the reading interventionists line' }),
    ]);
    const m = (await monitoringOf(store.db, users.reviewer!, hartford)).meetings[0]!;
    expect(m.agenda.map((a) => [a.by, a.text]).sort()).toEqual([
      ['district', 'Chronic absenteeism in the two K-3 schools'],
      ['state', 'Spend-down of the reading interventionists line'],
    ]);
    expect(new Set(m.agenda.map((a) => a.id)).size).toBe(2);
    await expect(proposeAgendaItem(store, users['editor.bridgeport']!, m.id, { text: 'x' })).rejects.toMatchObject({ status: 403 });
    await expect(proposeAgendaItem(store, users['board.hartford']!, m.id, { text: 'x' })).rejects.toMatchObject({ status: 403 });
    await expect(proposeAgendaItem(store, users['editor.hartford']!, m.id, { text: '  ' })).rejects.toThrow(/Write the agenda item/);
  });

  it('the record of a held meeting: checked by field, owners who can see the plan, recorded once', async () => {
    const hartford = await planOf('0640011');
    const m = (await monitoringOf(store.db, users.reviewer!, hartford)).meetings[0]!;
    const editor = users['editor.hartford']!.id;
    const good = { heldOn: '2025-11-12', attendees: ['Emery Editor', 'Riley Reviewer'], minutes: 'Reviewed attendance and the spend-down; reading block on schedule.', decisions: 'Keep the tier 3 block.', followUps: [{ text: 'Send the attendance data by school', ownerId: editor, dueOn: '2025-11-26' }, { text: 'Check the interventionists line', ownerId: users.reviewer!.id, dueOn: '2025-12-10' }], expectedRowVersion: m.rowVersion };
    await expect(recordMeeting(store, users.reviewer!, m.id, { ...good, heldOn: '2025-11-20' }, '2025-11-15')).rejects.toMatchObject({ issues: { heldOn: expect.stringMatching(/in the future/) } });
    await expect(recordMeeting(store, users.reviewer!, m.id, { ...good, attendees: [' '], minutes: 'ok', followUps: [{ text: '', ownerId: 0, dueOn: '2025-11-01' }] }, '2025-11-15')).rejects.toMatchObject({
      issues: { attendees: expect.any(String), minutes: expect.any(String), 'followUps.0.text': expect.any(String), 'followUps.0.ownerId': expect.any(String), 'followUps.0.dueOn': 'A follow-up is due after the meeting.' },
    });
    await expect(recordMeeting(store, users.reviewer!, m.id, { ...good, followUps: [{ text: 'x', ownerId: users['editor.bridgeport']!.id, dueOn: '2025-12-01' }] }, '2025-11-15')).rejects.toMatchObject({ issues: { 'followUps.0.ownerId': expect.any(String) } });
    await expect(recordMeeting(store, users['superintendent.hartford']!, m.id, good, '2025-11-15')).rejects.toMatchObject({ status: 403 });
    const held = await recordMeeting(store, users.reviewer!, m.id, good, '2025-11-15');
    expect(held).toMatchObject({ heldOn: '2025-11-12', attendees: ['Emery Editor', 'Riley Reviewer'], decisions: 'Keep the tier 3 block.' });
    await expect(recordMeeting(store, users.reviewer2!, m.id, { ...good, expectedRowVersion: held.rowVersion }, '2025-11-15')).rejects.toMatchObject({ status: 409, message: /record stands/ });
    await expect(proposeAgendaItem(store, users['editor.hartford']!, m.id, { text: 'Late item' })).rejects.toMatchObject({ status: 409, message: /agenda is closed/ });
    const view = await monitoringOf(store.db, users['board.hartford']!, hartford, '2025-11-30');
    expect(view.meetings[0]).toMatchObject({ status: 'held' });
    expect(view.meetings[0]!.followUps.map((f) => [f.ownerName, f.status])).toEqual([
      ['Emery Editor', 'overdue'],
      ['Riley Reviewer', 'open'],
    ]);
    expect(view).toMatchObject({ openFollowUps: 2, overdueFollowUps: 1 });
    await expect(monitoringOf(store.db, users['editor.bridgeport']!, hartford)).rejects.toMatchObject({ status: 403 });
  });

  it('the sweep reminds a follow-up\'s owner, escalates it once passed (to the administrators too), and treats the held meeting as its milestone met', async () => {
    const hartford = await planOf('0640011');
    // The follow-ups were recorded on the meeting's day (this test's clock is 2025's).
    await store.db.updateTable('follow_up').set({ created_at: '2025-11-12T20:00:00.000Z' }).where('plan_id', '=', hartford).execute();
    const sent = async () => (await outbox(store.db, 10_000)).map((x) => x.id);
    const before = new Set(await sent());
    await sweepDeadlines(store, { today: '2025-11-19' });
    await sweepDeadlines(store, { today: '2025-11-19' });
    const fresh = (await outbox(store.db, 10_000)).filter((x) => !before.has(x.id));
    expect(fresh.filter((x) => x.to === `editor.hartford@${DEMO_DOMAIN}` && /Reminder: the follow-up "Send the attendance data by school" for Hartford/.test(x.subject))).toHaveLength(1);
    // Hartford's fall meeting is held: no reminder of it; another district's is not, so it is reminded.
    expect(fresh.some((x) => /Fall monitoring meeting/.test(x.subject) && x.to === `editor.hartford@${DEMO_DOMAIN}`)).toBe(false);
    const before2 = new Set(await sent());
    await sweepDeadlines(store, { today: '2025-11-27' });
    const late = (await outbox(store.db, 10_000)).filter((x) => !before2.has(x.id) && /Overdue: the follow-up "Send the attendance data/.test(x.subject));
    expect(late.map((x) => x.to).sort()).toEqual([`admin@${DEMO_DOMAIN}`, `editor.hartford@${DEMO_DOMAIN}`]);
    expect(late[0]!.body).toMatch(/agreed at a monitoring meeting/);
    const notices = await store.db.selectFrom('deadline_notice').select(['deadline', 'kind']).where('plan_id', '=', hartford).where('deadline', 'like', 'follow-up:%').execute();
    expect(notices.map((n) => n.kind).sort()).toEqual(['escalation', 'reminder-7']);
  });

  it('a follow-up is done once: by its owner or the state, not by others, and of two at once exactly one is recorded', async () => {
    const hartford = await planOf('0640011');
    const [mine, theirs] = (await monitoringOf(store.db, users.reviewer!, hartford)).meetings[0]!.followUps;
    await expect(completeFollowUp(store, users['board.hartford']!, mine!.id, { note: 'x' })).rejects.toMatchObject({ status: 403 });
    await expect(completeFollowUp(store, users['superintendent.hartford']!, theirs!.id, { note: 'x' })).rejects.toMatchObject({ status: 403 });
    const outcomes = await Promise.allSettled([completeFollowUp(store, users['editor.hartford']!, mine!.id, { note: 'Sent by e-mail.' }), completeFollowUp(store, users.reviewer!, mine!.id, { note: 'Received.' })]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect((outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(WorkflowError);
    const view = await monitoringOf(store.db, users.reviewer!, hartford);
    expect(view.meetings[0]!.followUps[0]).toMatchObject({ status: 'done' });
    expect((await planView(store.db, users.reviewer!, hartford)).events.filter((e) => e.kind === 'follow-up-done')).toHaveLength(1);
  });

  it('a permission holds only while its reason holds: a reviewer whose role was removed cannot record', async () => {
    const hartford = await planOf('0640011');
    const m = await scheduleMeeting(store, users.reviewer2!, hartford, { title: 'Winter monitoring meeting', scheduledOn: winter.date, milestoneId: winter.id });
    await revokeRole(store, 'admin', users.reviewer2!.id, { role: 'program-staff', districtCode: null });
    await expect(recordMeeting(store, users.reviewer2!, m.id, { heldOn: '2026-01-21', attendees: ['R'], minutes: 'Held as planned, everything reviewed.', decisions: '', followUps: [], expectedRowVersion: m.rowVersion }, '2026-01-22')).rejects.toMatchObject({ status: 403 });
    const audit = await auditOf(store.db, `plan:${hartford}`);
    expect(audit.filter((e) => e.action.startsWith('monitoring.')).map((e) => e.action)).toEqual(expect.arrayContaining(['monitoring.meeting-scheduled', 'monitoring.agenda-item-proposed', 'monitoring.meeting-recorded', 'monitoring.follow-up-done']));
    expect((await verifyAudit(store)).ok).toBe(true);
  });
});

describe.each(dialects)('the demo\'s monitoring year ($name)', (dialect) => {
  let store: Store;
  beforeAll(async () => {
    store = await dialect.open();
    await loadEmbedded(store);
    await seedDemo(store, {});
  }, 120_000);
  afterAll(async () => dialect.close(store));

  it('Hartford: the fall and winter meetings held with agendas and follow-ups (one done, one overdue), the spring meeting scheduled', async () => {
    const reviewer = (await userByEmail(store.db, `reviewer@${DEMO_DOMAIN}`))!;
    const hartford = Number((await store.db.selectFrom('plan').select('id').where('district_code', '=', '0640011').executeTakeFirstOrThrow()).id);
    const view = await monitoringOf(store.db, reviewer, hartford, '2026-03-01');
    expect(view.meetings.map((m) => [m.milestoneId, m.status])).toEqual([
      ['fall-monitoring-meeting', 'held'],
      ['winter-monitoring-meeting', 'held'],
      ['spring-monitoring-meeting', 'scheduled'],
    ]);
    expect(view.meetings[0]!.agenda.map((a) => a.by)).toEqual(['district', 'state']);
    expect(view.meetings.flatMap((m) => m.followUps.map((f) => f.status))).toEqual(['done', 'overdue', 'open']);
    expect(view).toMatchObject({ openFollowUps: 2, overdueFollowUps: 1 });
    // Two quarters of spending; intervention materials (supplies) lag and are flagged, nothing else.
    expect(view.spending.reports.map((r) => r.period)).toEqual(['Q1 (July–September 2025)', 'Q2 (October–December 2025)']);
    expect(view.spending.spendDown!.areas.filter((a) => a.flags.length).map((a) => a.area)).toEqual(['supplies']);
    // The staff's board: the two approved plans needing attention, Hartford (an overdue follow-up,
    // supplies flagged, a goal off track) and Meriden (a condition not yet met); Hartford's review not yet.
    const cycle = Number((await store.db.selectFrom('cycle').select('id').where('fiscal_year', '=', 2026).executeTakeFirstOrThrow()).id);
    const board = await monitoringBoard(store.db, cycle, '2026-03-01' as IsoDate);
    expect(board.map((r) => [r.districtCode, r.attention])).toEqual([
      ['0640011', true],
      ['0800011', true],
    ]);
    expect(board[0]).toMatchObject({ meetings: { held: 2, scheduled: 1, overdue: 0 }, nextMeeting: '2026-04-15', followUps: { open: 2, overdue: 1 }, flaggedAreas: 1, goalsOffTrack: 1, review: null });
    expect(board[1]).toMatchObject({ conditionsUnmet: 1, meetings: { held: 1 } });
    expect((await verifyAudit(store)).ok).toBe(true);
  });

  it("the board's figures are each plan's own, on any day (it reads totals for all plans at once, a plan's page reads its rows)", async () => {
    const cycle = Number((await store.db.selectFrom('cycle').select('id').where('fiscal_year', '=', 2026).executeTakeFirstOrThrow()).id);
    // Before the year, mid-first-quarter (some reported rows are later), after the reports, after the year.
    for (const day of ['2025-06-30', '2025-08-20', '2026-03-01', '2026-08-01'] as IsoDate[]) {
      for (const row of await monitoringBoard(store.db, cycle, day)) {
        const spending = (await spendingOf(store.db, row.planId, day)).spendDown!;
        const progress = (await progressOf(store.db, row.planId))!;
        expect({ day, flagged: row.flaggedAreas, offTrack: row.goalsOffTrack, unmet: row.conditionsUnmet }).toEqual({
          day,
          flagged: spending.areas.filter((a) => a.flags.length).length,
          offTrack: progress.goals.filter((g) => g.status === 'off-track').length,
          unmet: progress.conditions.filter((c) => c.met !== true).length,
        });
      }
    }
    // And the spend-down itself, line by line and area by area, from the totals as from the rows.
    const hartford = Number((await store.db.selectFrom('plan').select('id').where('district_code', '=', '0640011').executeTakeFirstOrThrow()).id);
    const p = (await getPlan(store.db, hartford))!;
    const c = (await getCycle(store.db, p.cycle_id))!;
    for (const day of ['2025-08-20', '2026-03-01'] as IsoDate[]) {
      const own = (await spendingOf(store.db, hartford, day)).spendDown!;
      const { totals, latest } = (await spentOfPlans(store.db, [hartford], day)).get(hartford)!;
      const fromTotals = spendDownOn(await budgetInForce(store.db, p), totals, latest, c, day);
      expect(own.areas.some((a) => a.spentCents > 0)).toBe(true);
      expect({ areas: fromTotals.areas, lines: fromTotals.lines, asOf: fromTotals.asOf, spent: fromTotals.total.spentCents }).toEqual({ areas: own.areas, lines: own.lines, asOf: own.asOf, spent: own.total.spentCents });
    }
  });
});
