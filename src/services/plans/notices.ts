/**
 * What the workflow tells people: the messages to a district's contacts, and the deadline sweep —
 * for every plan of every open cycle, the notice due today for each milestone of the cycle's
 * schedule (a reminder before, an escalation after the plan's own milestones) is queued in the
 * outbox once, recorded in `deadline_notice` in the same transaction, so a sweep that runs twice,
 * or on two servers, or after a restart, sends nothing twice.
 */
import type { Executor } from '../../data/batch.ts';
import { inTransaction, type Store } from '../../data/database.ts';
import { listCycles } from '../../data/cycle.repository.ts';
import { listDistricts } from '../../data/district.repository.ts';
import { followUpsOfPlans, meetingsOfPlans } from '../../data/monitoring.repository.ts';
import { assignmentsOfPlans, type SupportAssignment } from '../../data/support.repository.ts';
import { SUPPORTS } from '../../domain/support/tiers.ts';
import { noticeRecorded, recordNotice } from '../../data/notice.repository.ts';
import { plansOfCycle, type PlanRow } from '../../data/plan.repository.ts';
import { activePeople, districtPeople, peopleWithRole, type Person } from '../../data/user.repository.ts';
import type { Cycle } from '../../domain/workflow/cycle.ts';
import { DEFAULT_REMINDER_DAYS, effectiveDeadlines, noticeDue, noticeText, pendingDeadline, planOptional, type DeadlineExtensions, type Deadlines, type NoticeKind } from '../../domain/workflow/deadlines.ts';
import type { FollowUp, Meeting } from '../../domain/workflow/monitoring.ts';
import type { PlanState } from '../../domain/workflow/plan.ts';
import { otherMilestones, type MilestoneActor } from '../../domain/workflow/schedule.ts';
import { appendAudit } from '../audit.service.ts';
import { queueMail, type Mail } from '../mail.service.ts';

/** A notice to the district's editors and representatives, each greeted by name. */
export async function districtNotice(db: Executor, districtCode: string, subject: string, body: string): Promise<Mail[]> {
  return (await districtPeople(db, districtCode)).map((r) => ({ to: r.email, subject, body: `Hello ${r.name},\n\n${body}`, kind: 'notice' }));
}

/** A plan's deadlines: the cycle's, with the district's extensions in their place. */
export function planDeadlines(cycle: Cycle, deadlineExtensions: string | null | undefined): { deadlines: Deadlines; extensions: DeadlineExtensions } {
  const extensions = JSON.parse(deadlineExtensions || '{}') as DeadlineExtensions;
  return { deadlines: effectiveDeadlines(cycle.deadlines, extensions), extensions };
}

/** Today's date where the program runs (deadlines are Connecticut dates). */
export function programToday(now = new Date(), timeZone = 'America/New_York'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export interface SweepResult {
  readonly notices: number;
  readonly messages: number;
}

async function recipients(db: Executor, plan: PlanRow, actor: MilestoneActor | { readonly person: number }, kind: NoticeKind): Promise<Person[]> {
  let rows: Person[] = [];
  if (typeof actor === 'object') rows = await activePeople(db, [actor.person]);
  if (actor === 'district') rows = await districtPeople(db, plan.district_code);
  if (actor === 'commissioner') rows = await peopleWithRole(db, ['commissioner']);
  if (actor === 'state') rows = await peopleWithRole(db, ['state-admin']);
  if (actor === 'reviewers') {
    const assigned = (JSON.parse(plan.reviewers) as number[]).filter(Number.isInteger);
    rows = assigned.length ? await activePeople(db, assigned) : await peopleWithRole(db, ['program-staff']);
  }
  // An escalation also goes to the state's administrators, who follow up.
  if (kind === 'escalation') rows.push(...(await peopleWithRole(db, ['state-admin'])));
  return [...new Map(rows.map((r) => [r.email, r])).values()];
}

/** A notice the sweep may send: what, by when, to whom, whether it escalates once passed, and what is at stake. */
interface Facing {
  readonly key: string;
  readonly label: string;
  readonly date: string;
  readonly to: MilestoneActor | { readonly person: number };
  readonly escalates: boolean;
  readonly consequence?: string;
  /** From when it could be met (an escalation is owed only for what could have been): the cycle's opening, or the meeting that agreed a follow-up. */
  readonly since?: string;
}

/**
 * What a plan faces today: the one of the plan's five its stage is working toward (the district's
 * own later date where the state extended it); the state's own milestones the district or the
 * reviewers act by, unless the plan's meeting for it is held — escalated once passed only where a
 * meeting is scheduled for it (the meeting records that it is met); and each open follow-up of
 * its monitoring meetings, to its owner.
 */
function facing(cycle: Cycle, p: PlanRow, meetings: readonly Meeting[], followUps: readonly FollowUp[], supports: readonly SupportAssignment[] = []): Facing[] {
  const out: Facing[] = [];
  const optional = planOptional(Number(p.allocation_cents), cycle.settings.noAllocationPolicy);
  const pending = pendingDeadline(p.state as PlanState, p.board_approved_version === p.current_version);
  if (pending) {
    const m = cycle.schedule.find((x) => x.id === pending)!;
    const date = planDeadlines(cycle, p.deadline_extensions).deadlines[pending];
    if (!(m.actor === 'district' && optional)) out.push({ key: m.id, label: m.label, date, to: m.actor, escalates: true });
  }
  for (const m of otherMilestones(cycle.schedule)) {
    if (m.actor !== 'district' && m.actor !== 'reviewers') continue;
    if (m.actor === 'district' && optional) continue;
    const meeting = meetings.find((x) => x.planId === p.id && x.milestoneId === m.id);
    if (meeting?.heldOn) continue;
    out.push({ key: m.id, label: m.label, date: m.date, to: m.actor, escalates: Boolean(meeting), consequence: 'The monitoring meeting has not been recorded as held.' });
  }
  for (const f of followUps) {
    if (f.planId !== p.id || f.doneOn) continue;
    // Owed from the later of the meeting and the day it was recorded (a meeting recorded late
    // does not escalate what was already past due when the system heard of it).
    const held = meetings.find((m) => m.id === f.meetingId)?.heldOn ?? '';
    const recorded = programToday(new Date(f.recordedAt));
    out.push({ since: held > recorded ? held : recorded, key: `follow-up:${f.id}`, label: `the follow-up "${f.text.length > 80 ? `${f.text.slice(0, 77)}…` : f.text}"`, date: f.dueOn, to: { person: f.ownerId }, escalates: true, consequence: 'It was agreed at a monitoring meeting; mark it done on the plan\'s monitoring page once it is.' });
  }
  // Each support of the district's tier still open (no evidence given yet), to its owner, owed from its assignment.
  for (const a of supports) {
    if (a.planId !== p.id || a.status !== 'open') continue;
    const s = SUPPORTS.find((x) => x.id === a.supportId);
    if (!s) continue;
    out.push({ since: programToday(new Date(a.createdAt)), key: `support:${a.id}`, label: `the support "${s.label.length > 80 ? `${s.label.slice(0, 77)}…` : s.label}"`, date: a.dueOn, to: { person: a.ownerId }, escalates: true, consequence: s.evidence ? `The state assigned it to the district's tier of support; give the evidence (${s.evidence.toLowerCase()}) on the plan's monitoring page.` : 'The state assigned it to the district\'s tier of support.' });
  }
  return out;
}

/** Queues today's reminders and escalations; safe to run any number of times. */
export async function sweepDeadlines(store: Store, options: { today?: string } = {}): Promise<SweepResult> {
  const today = options.today ?? programToday();
  const names = new Map((await listDistricts(store.db)).map((d) => [d.code as string, d.name]));
  let notices = 0;
  let messages = 0;
  for (const cycle of (await listCycles(store.db)).filter((c) => c.status === 'open')) {
    const opened = programToday(new Date(cycle.openedAt));
    const reminderDays = cycle.settings.reminderDays?.length ? cycle.settings.reminderDays : DEFAULT_REMINDER_DAYS;
    const plans = await plansOfCycle(store.db, cycle.id);
    const meetings = await meetingsOfPlans(store.db, plans.map((p) => p.id));
    const followUps = await followUpsOfPlans(store.db, plans.map((p) => p.id));
    const supports = [...(await assignmentsOfPlans(store.db, plans.map((p) => p.id))).values()].flat();
    for (const p of plans) {
      for (const item of facing(cycle, p, meetings, followUps, supports)) {
        const { date } = item;
        const kind = date ? noticeDue(date, today, item.since ?? opened, reminderDays) : null;
        if (!kind || (kind === 'escalation' && !item.escalates)) continue;
        const sent = await inTransaction(store, async (trx) => {
          const n = { planId: p.id, milestone: item.key, kind, date };
          if (await noticeRecorded(trx, n)) return null;
          await recordNotice(trx, { ...n, at: new Date().toISOString() });
          const district = names.get(p.district_code) ?? p.district_code;
          const text = noticeText(kind, item.label, date, district, cycle.fiscalYear, item.consequence);
          const to = await recipients(trx, p, item.to, kind);
          for (const r of to) await queueMail(trx, { to: r.email, subject: text.subject, body: `Hello ${r.name},\n\n${text.body}`, kind: kind === 'escalation' ? 'escalation' : 'reminder' });
          await appendAudit(trx, { actor: 'system:deadlines', action: kind === 'escalation' ? 'deadline.escalated' : 'deadline.reminded', subject: `plan:${p.id}`, details: { deadline: item.key, date, kind, recipients: to.length } });
          return to.length;
        });
        // A notice with nobody to tell is still recorded and audited (the escalation shows who is missing).
        if (sent === null) continue;
        notices += 1;
        messages += sent;
      }
    }
  }
  return { notices, messages };
}
