/**
 * Monitoring meetings of an approved plan: the state schedules them (one per milestone of the
 * cycle's schedule, or one more for a district), the district and the state propose agenda
 * items, the state records the meeting (who attended, minutes, decisions, follow-ups with owners
 * and due dates), and a follow-up's owner — or the state — marks it done. Each is one
 * transaction with its audit row and a line on the plan's history; a stale meeting form is
 * refused, and a follow-up is done once.
 */
import { inTransaction, type Store } from '../../data/database.ts';
import type { Executor } from '../../data/batch.ts';
import { completeFollowUpIfOpen, followUpsOfPlans, getFollowUp, getMeeting, insertFollowUp, insertMeeting, meetingsOfPlan, updateMeetingIf } from '../../data/monitoring.repository.ts';
import { appendEvent } from '../../data/plan-event.repository.ts';
import { isUniqueViolation } from '../../data/plan.repository.ts';
import { userNames } from '../../data/user.repository.ts';
import { can, PERMISSIONS } from '../../domain/auth/permissions.ts';
import { followUpStatus, meetingRecordProblems, meetingScheduleProblem, meetingStatus, type FollowUp, type FollowUpStatus, type Meeting, type MeetingRecord, type MeetingStatus } from '../../domain/workflow/monitoring.ts';
import { isPlanMilestone } from '../../domain/workflow/schedule.ts';
import { appendAudit } from '../audit.service.ts';
import { userById, type User } from '../auth.service.ts';
import { queueMail } from '../mail.service.ts';
import { activeActor, actorOf, ConflictError, now, requireCycle, requirePlan, WorkflowError } from '../plans/core.ts';
import { districtNotice } from '../plans/notices.ts';
import { CommandInputError } from '../plans/run.ts';
import { spendingOf, type SpendingView } from './spending.ts';
import { conditionsOfPlan, progressOf, type ProgressView } from './progress.ts';
import { reviewCondition } from '../../data/progress.repository.ts';
import { insertUpload, type PreparedUpload } from '../upload.service.ts';
import { budgetInForce, revisionsOf, type BudgetRevision } from './revisions.ts';
import { annualReviewOf, type AnnualReview } from './annual-review.ts';
import { supportsOfPlan, type AssignedSupport } from '../support/assignments.ts';
import type { BudgetLine } from '../../domain/workflow/budget.ts';
import type { IsoDate } from '../../domain/time/fiscal-year.ts';

const todayUtc = () => new Date().toISOString().slice(0, 10);

function requireMonitor(actor: User, districtCode: string): void {
  if (!can(actor.grants, PERMISSIONS.monitorPlanAny, districtCode)) throw new WorkflowError('forbidden', 'Only the state\'s program staff monitor a district\'s plan (and never their own district\'s).', 403);
}

async function requireMeeting(db: Executor, id: number): Promise<Meeting> {
  const m = await getMeeting(db, id);
  if (!m) throw new WorkflowError('not_found', `There is no meeting ${id}.`, 404);
  return m;
}

/** Schedules a monitoring meeting of an approved plan; a milestone of the cycle's schedule is held once per plan. */
export async function scheduleMeeting(store: Store, user: User, planId: number, input: { title: string; scheduledOn: string; milestoneId?: string | null }): Promise<Meeting> {
  const problem = meetingScheduleProblem(input);
  if (problem) throw new WorkflowError('invalid', problem, 400);
  try {
    return await inTransaction(store, async (trx) => {
      const p = await requirePlan(trx, planId);
      requireMonitor(await activeActor(trx, user), p.district_code);
      if (p.approved_version === null) throw new WorkflowError('not_allowed', 'Monitoring starts once the plan is approved.', 409);
      const milestoneId = input.milestoneId?.trim() || null;
      if (milestoneId) {
        const cycle = await requireCycle(trx, p.cycle_id);
        if (isPlanMilestone(milestoneId) || !cycle.schedule.some((m) => m.id === milestoneId)) throw new WorkflowError('invalid', `"${milestoneId}" is not one of the cycle's own milestones.`, 400);
      }
      const id = await insertMeeting(trx, { planId, milestoneId, title: input.title.trim(), scheduledOn: input.scheduledOn, createdBy: user.id, at: now() });
      await appendEvent(trx, { planId, version: p.current_version, userId: user.id, onBehalfOf: null, at: now(), event: { kind: 'meeting-scheduled', meetingId: id, title: input.title.trim(), scheduledOn: input.scheduledOn } });
      await appendAudit(trx, { actor: actorOf(user), action: 'monitoring.meeting-scheduled', subject: `plan:${planId}`, details: { district: p.district_code, meeting: id, milestone: milestoneId, scheduledOn: input.scheduledOn } });
      for (const m of await districtNotice(trx, p.district_code, `Monitoring meeting on ${input.scheduledOn}`, `The state scheduled "${input.title.trim()}" for ${input.scheduledOn}. Propose items for its agenda on your plan's monitoring page.\n`)) await queueMail(trx, m);
      return (await getMeeting(trx, id))!;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new WorkflowError('duplicate', 'This district already has a meeting for that milestone.', 409);
    throw e;
  }
}

/**
 * An item for the meeting's agenda, proposed by the district's people or the state's, before the
 * meeting is held. Items are added, never replaced: two people proposing at once both land (the
 * item is appended to the agenda as it is when stored, not as it was when the page was read).
 */
export async function proposeAgendaItem(store: Store, user: User, meetingId: number, input: { text: string }): Promise<Meeting> {
  const text = input.text.trim();
  if (!text) throw new CommandInputError('Write the agenda item first.', { text: 'Required.' });
  if (text.length > 1000) throw new CommandInputError('An agenda item is at most 1,000 characters.', { text: 'At most 1,000 characters.' });
  return inTransaction(store, async (trx) => {
    const first = await requireMeeting(trx, meetingId);
    const p = await requirePlan(trx, first.planId);
    const actor = await activeActor(trx, user);
    const state = can(actor.grants, PERMISSIONS.monitorPlanAny, p.district_code);
    if (!state && !can(actor.grants, PERMISSIONS.proposeAgendaOwn, p.district_code)) throw new WorkflowError('forbidden', 'You cannot add to this meeting\'s agenda.', 403);
    const by = state ? ('state' as const) : ('district' as const);
    for (let attempt = 0, m = first; attempt < 5; attempt++, m = await requireMeeting(trx, meetingId)) {
      if (m.heldOn) throw new WorkflowError('not_allowed', 'The meeting has been held; its agenda is closed.', 409);
      const agenda = [...m.agenda, { id: `a${m.agenda.length + 1}`, by, userId: user.id, text }];
      if (!(await updateMeetingIf(trx, meetingId, m.rowVersion, { agenda }))) continue;
      await appendAudit(trx, { actor: actorOf(user), action: 'monitoring.agenda-item-proposed', subject: `plan:${p.id}`, details: { district: p.district_code, meeting: meetingId, by } });
      return (await getMeeting(trx, meetingId))!;
    }
    throw new ConflictError('The agenda is being changed by several people at this moment. Nothing was saved; try again.', []);
  });
}

/**
 * The record of a held meeting: who attended, the minutes, the decisions, and its follow-ups.
 * Recorded once (a second record is refused: the minutes are the record); every follow-up's
 * owner is an active person who can see the plan.
 */
export async function recordMeeting(store: Store, user: User, meetingId: number, input: MeetingRecord & { expectedRowVersion: number; minutesFile?: PreparedUpload | null }, today = todayUtc()): Promise<Meeting> {
  const problems = meetingRecordProblems({ ...input, minutesAttached: Boolean(input.minutesFile) }, today);
  if (problems) throw new CommandInputError(Object.keys(problems).length === 1 ? Object.values(problems)[0]! : 'Some fields need attention; nothing was recorded.', problems);
  return inTransaction(store, async (trx) => {
    const m = await requireMeeting(trx, meetingId);
    const p = await requirePlan(trx, m.planId);
    requireMonitor(await activeActor(trx, user), p.district_code);
    if (m.heldOn) throw new WorkflowError('not_allowed', `This meeting was recorded as held on ${m.heldOn}; its record stands.`, 409);
    for (const [i, f] of input.followUps.entries()) {
      const owner = await userById(trx, f.ownerId);
      if (!owner || owner.status !== 'active' || !can(owner.grants, PERMISSIONS.viewPlanOwn, p.district_code)) {
        throw new CommandInputError('A follow-up\'s owner must be an active person who can see this plan.', { [`followUps.${i}.ownerId`]: 'Choose someone from the list.' });
      }
    }
    const reviews = input.conditionReviews ?? [];
    if (reviews.length) {
      const conditions = await conditionsOfPlan(trx, p.id);
      for (const [i, r] of reviews.entries()) {
        if (!conditions.some((c) => c.index === r.item)) throw new CommandInputError('The approval has no such condition.', { [`conditionReviews.${i}.met`]: 'Not a condition of this approval.' });
      }
    }
    const attendees = input.attendees.map((a) => a.trim()).filter(Boolean);
    // The file is kept in the record's transaction: a refused record keeps no minutes.
    const minutesFile = input.minutesFile ? await insertUpload(trx, user, { planId: p.id }, input.minutesFile) : null;
    if (!(await updateMeetingIf(trx, meetingId, input.expectedRowVersion, { heldOn: input.heldOn, attendees, minutes: input.minutes.trim(), minutesUploadId: minutesFile?.id ?? null, decisions: input.decisions.trim() }))) {
      throw new ConflictError('Someone else changed this meeting since you opened it. Nothing was saved; reload to see it now.', m.agenda.map((a) => `Agenda: ${a.text}`));
    }
    for (const f of input.followUps) await insertFollowUp(trx, { meetingId, planId: p.id, text: f.text.trim(), ownerId: f.ownerId, dueOn: f.dueOn, at: now() });
    for (const r of reviews) await reviewCondition(trx, p.id, r.item, r.met, user.id, now(), meetingId);
    await appendEvent(trx, { planId: p.id, version: p.current_version, userId: user.id, onBehalfOf: null, at: now(), event: { kind: 'meeting-held', meetingId, title: m.title, heldOn: input.heldOn, followUps: input.followUps.length } });
    await appendAudit(trx, { actor: actorOf(user), action: 'monitoring.meeting-recorded', subject: `plan:${p.id}`, details: { district: p.district_code, meeting: meetingId, heldOn: input.heldOn, attendees: attendees.length, followUps: input.followUps.map((f) => ({ owner: f.ownerId, dueOn: f.dueOn })), ...(minutesFile ? { minutes: { upload: minutesFile.id, sha256: minutesFile.sha256 } } : {}), ...(reviews.length ? { conditions: reviews.map((r) => ({ item: r.item, met: r.met })) } : {}) } });
    return (await getMeeting(trx, meetingId))!;
  });
}

/** A follow-up done: by its owner, or by the state's program staff; once. */
export async function completeFollowUp(store: Store, user: User, followUpId: number, input: { note: string }, today = todayUtc()): Promise<FollowUp> {
  const note = input.note.trim().slice(0, 2000);
  return inTransaction(store, async (trx) => {
    const f = await getFollowUp(trx, followUpId);
    if (!f) throw new WorkflowError('not_found', `There is no follow-up ${followUpId}.`, 404);
    const p = await requirePlan(trx, f.planId);
    const actor = await activeActor(trx, user);
    const mayAct = (actor.id === f.ownerId && can(actor.grants, PERMISSIONS.viewPlanOwn, p.district_code)) || can(actor.grants, PERMISSIONS.monitorPlanAny, p.district_code);
    if (!mayAct) throw new WorkflowError('forbidden', 'Only the follow-up\'s owner, or the state\'s program staff, can mark it done.', 403);
    if (!(await completeFollowUpIfOpen(trx, followUpId, { on: today, by: user.id, note }))) throw new WorkflowError('not_allowed', `This follow-up was marked done already.`, 409);
    await appendEvent(trx, { planId: p.id, version: p.current_version, userId: user.id, onBehalfOf: null, at: now(), event: { kind: 'follow-up-done', followUpId, text: f.text, note } });
    await appendAudit(trx, { actor: actorOf(user), action: 'monitoring.follow-up-done', subject: `plan:${p.id}`, details: { district: p.district_code, followUp: followUpId, dueOn: f.dueOn, doneOn: today } });
    return (await getFollowUp(trx, followUpId))!;
  });
}

export interface MonitoringView {
  readonly planId: number;
  /** Spending against the approved budget on the day asked: the spend-down, the reports imported, the district's column mapping. */
  readonly spending: SpendingView;
  /** Progress on the approved plan's goals, strategies and conditions (null before approval). */
  readonly progress: ProgressView | null;
  /** The budget's revisions, and the budget in force (the approved one with those recorded or approved). */
  readonly revisions: readonly BudgetRevision[];
  readonly budgetInForce: readonly BudgetLine[];
  /** The year's review and its decision on continued funding, once recorded. */
  readonly annualReview: AnnualReview | null;
  readonly meetings: readonly (Meeting & { readonly status: MeetingStatus; readonly followUps: readonly (FollowUp & { readonly status: FollowUpStatus; readonly ownerName: string })[] })[];
  /** Supports of the district's tier the state assigned, with their evidence and status. */
  readonly supports: readonly AssignedSupport[];
  /** Follow-ups not done, overdue first. */
  readonly openFollowUps: number;
  readonly overdueFollowUps: number;
}

/** A plan's monitoring, for whoever may see the plan. */
export async function monitoringOf(db: Executor, user: User, planId: number, today = todayUtc()): Promise<MonitoringView> {
  const p = await requirePlan(db, planId);
  if (!can(user.grants, PERMISSIONS.viewPlanOwn, p.district_code)) throw new WorkflowError('forbidden', 'You cannot see this district\'s plan.', 403);
  const meetings = await meetingsOfPlan(db, planId);
  const followUps = await followUpsOfPlans(db, [planId]);
  const names = await userNames(db, [...new Set(followUps.map((f) => f.ownerId))]);
  const withStatus = followUps.map((f) => ({ ...f, status: followUpStatus(f, today), ownerName: names.get(f.ownerId) ?? `user ${f.ownerId}` }));
  return {
    planId,
    spending: await spendingOf(db, planId, today as IsoDate),
    progress: await progressOf(db, planId),
    revisions: await revisionsOf(db, planId),
    budgetInForce: await budgetInForce(db, p),
    annualReview: await annualReviewOf(db, planId),
    supports: await supportsOfPlan(db, planId, today),
    meetings: meetings.map((m) => ({ ...m, status: meetingStatus(m, today), followUps: withStatus.filter((f) => f.meetingId === m.id) })),
    openFollowUps: withStatus.filter((f) => f.status !== 'done').length,
    overdueFollowUps: withStatus.filter((f) => f.status === 'overdue').length,
  };
}
