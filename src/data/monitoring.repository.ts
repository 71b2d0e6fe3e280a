/**
 * Monitoring meetings and their follow-ups. A meeting changes only at the row version read; a
 * follow-up is marked done once (the update asks that it is still open).
 */
import type { AgendaItem, FollowUp, Meeting } from '../domain/workflow/monitoring.ts';
import { byPlan, type Executor } from './batch.ts';

type MeetingRow = { id: number; plan_id: number; milestone_id: string | null; title: string; scheduled_on: string; held_on: string | null; attendees: string; agenda: string; minutes: string; minutes_upload_id: number | null; decisions: string; row_version: number };

const toMeeting = (r: MeetingRow): Meeting => ({
  id: Number(r.id),
  planId: Number(r.plan_id),
  milestoneId: r.milestone_id,
  title: r.title,
  scheduledOn: r.scheduled_on,
  heldOn: r.held_on,
  attendees: JSON.parse(r.attendees) as string[],
  agenda: JSON.parse(r.agenda) as AgendaItem[],
  minutes: r.minutes,
  minutesUploadId: r.minutes_upload_id === null ? null : Number(r.minutes_upload_id),
  decisions: r.decisions,
  rowVersion: Number(r.row_version),
});

type FollowUpRow = { id: number; meeting_id: number; plan_id: number; text: string; owner_id: number; due_on: string; done_on: string | null; done_note: string; created_at: string };

const toFollowUp = (r: FollowUpRow): FollowUp => ({ id: Number(r.id), meetingId: Number(r.meeting_id), planId: Number(r.plan_id), text: r.text, ownerId: Number(r.owner_id), dueOn: r.due_on, doneOn: r.done_on, doneNote: r.done_note, recordedAt: r.created_at });

export async function insertMeeting(db: Executor, m: { planId: number; milestoneId: string | null; title: string; scheduledOn: string; createdBy: number; at: string }): Promise<number> {
  const r = await db
    .insertInto('monitoring_meeting')
    .values({ plan_id: m.planId, milestone_id: m.milestoneId, title: m.title, scheduled_on: m.scheduledOn, held_on: null, created_by: m.createdBy, created_at: m.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function getMeeting(db: Executor, id: number): Promise<Meeting | null> {
  const r = await db.selectFrom('monitoring_meeting').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toMeeting(r) : null;
}

export async function meetingsOfPlan(db: Executor, planId: number): Promise<Meeting[]> {
  return (await db.selectFrom('monitoring_meeting').selectAll().where('plan_id', '=', planId).orderBy('scheduled_on').orderBy('id').execute()).map(toMeeting);
}

/** Every meeting of the plans given (the board and the sweep read a cycle's at once). */
export async function meetingsOfPlans(db: Executor, planIds: readonly number[]): Promise<Meeting[]> {
  if (!planIds.length) return [];
  return (await db.selectFrom('monitoring_meeting').selectAll().where('plan_id', 'in', [...planIds]).orderBy('scheduled_on').orderBy('id').execute()).map(toMeeting);
}

/** Only the dates of many plans' meetings and follow-ups (what a board counts), grouped by plan. */
export async function monitoringDatesOfPlans(db: Executor, planIds: readonly number[]): Promise<{ meetings: Map<number, { scheduledOn: string; heldOn: string | null }[]>; followUps: Map<number, { dueOn: string; doneOn: string | null }[]> }> {
  const meetings = await byPlan(planIds, (ids) => db.selectFrom('monitoring_meeting').select(['plan_id', 'scheduled_on', 'held_on']).where('plan_id', 'in', ids).execute(), (r) => Number(r.plan_id));
  const followUps = await byPlan(planIds, (ids) => db.selectFrom('follow_up').select(['plan_id', 'due_on', 'done_on']).where('plan_id', 'in', ids).execute(), (r) => Number(r.plan_id));
  return {
    meetings: new Map([...meetings].map(([id, rs]) => [id, rs.map((r) => ({ scheduledOn: r.scheduled_on, heldOn: r.held_on }))])),
    followUps: new Map([...followUps].map(([id, rs]) => [id, rs.map((r) => ({ dueOn: r.due_on, doneOn: r.done_on }))])),
  };
}

/** Applies the change if the meeting is still at the row version read; false if someone changed it since. */
export async function updateMeetingIf(db: Executor, id: number, expectedRowVersion: number, set: Partial<{ agenda: readonly AgendaItem[]; heldOn: string; attendees: readonly string[]; minutes: string; minutesUploadId: number | null; decisions: string; scheduledOn: string }>): Promise<boolean> {
  const r = await db
    .updateTable('monitoring_meeting')
    .set({
      ...(set.agenda ? { agenda: JSON.stringify(set.agenda) } : {}),
      ...(set.attendees ? { attendees: JSON.stringify(set.attendees) } : {}),
      ...(set.heldOn !== undefined ? { held_on: set.heldOn } : {}),
      ...(set.minutes !== undefined ? { minutes: set.minutes } : {}),
      ...(set.minutesUploadId !== undefined ? { minutes_upload_id: set.minutesUploadId } : {}),
      ...(set.decisions !== undefined ? { decisions: set.decisions } : {}),
      ...(set.scheduledOn !== undefined ? { scheduled_on: set.scheduledOn } : {}),
      row_version: expectedRowVersion + 1,
    })
    .where('id', '=', id)
    .where('row_version', '=', expectedRowVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertFollowUp(db: Executor, f: { meetingId: number; planId: number; text: string; ownerId: number; dueOn: string; at: string }): Promise<number> {
  const r = await db.insertInto('follow_up').values({ meeting_id: f.meetingId, plan_id: f.planId, text: f.text, owner_id: f.ownerId, due_on: f.dueOn, done_on: null, done_by: null, created_at: f.at }).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function getFollowUp(db: Executor, id: number): Promise<FollowUp | null> {
  const r = await db.selectFrom('follow_up').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toFollowUp(r) : null;
}

export async function followUpsOfPlans(db: Executor, planIds: readonly number[]): Promise<FollowUp[]> {
  if (!planIds.length) return [];
  return (await db.selectFrom('follow_up').selectAll().where('plan_id', 'in', [...planIds]).orderBy('due_on').orderBy('id').execute()).map(toFollowUp);
}

/** Marks a follow-up done if it is still open; false if it was done already (two people at once: one wins). */
export async function completeFollowUpIfOpen(db: Executor, id: number, done: { on: string; by: number; note: string }): Promise<boolean> {
  const r = await db.updateTable('follow_up').set({ done_on: done.on, done_by: done.by, done_note: done.note }).where('id', '=', id).where('done_on', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
