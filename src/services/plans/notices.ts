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
import { noticeRecorded, recordNotice } from '../../data/notice.repository.ts';
import { plansOfCycle, type PlanRow } from '../../data/plan.repository.ts';
import { activePeople, districtPeople, peopleWithRole, type Person } from '../../data/user.repository.ts';
import type { Cycle } from '../../domain/workflow/cycle.ts';
import { DEFAULT_REMINDER_DAYS, effectiveDeadlines, noticeDue, noticeText, pendingDeadline, planOptional, type DeadlineExtensions, type Deadlines, type NoticeKind } from '../../domain/workflow/deadlines.ts';
import type { PlanState } from '../../domain/workflow/plan.ts';
import { otherMilestones, type Milestone, type MilestoneActor } from '../../domain/workflow/schedule.ts';
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

async function recipients(db: Executor, plan: PlanRow, actor: MilestoneActor, kind: NoticeKind): Promise<Person[]> {
  let rows: Person[] = [];
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

/**
 * The milestones a plan faces today: the one of the plan's five its stage is working toward (the
 * district's own later date where the state extended it), and the state's own milestones that
 * the district or the reviewers act by (a monitoring meeting, a report due). The state's own
 * milestones are reminded, not escalated: nothing records yet when they are met.
 */
function milestonesFacing(cycle: Cycle, p: PlanRow): { milestone: Milestone; escalates: boolean }[] {
  const out: { milestone: Milestone; escalates: boolean }[] = [];
  const optional = planOptional(Number(p.allocation_cents), cycle.settings.noAllocationPolicy);
  const pending = pendingDeadline(p.state as PlanState, p.board_approved_version === p.current_version);
  if (pending) {
    const m = cycle.schedule.find((x) => x.id === pending)!;
    const date = planDeadlines(cycle, p.deadline_extensions).deadlines[pending];
    if (!(m.actor === 'district' && optional)) out.push({ milestone: { ...m, date }, escalates: true });
  }
  for (const m of otherMilestones(cycle.schedule)) {
    if (m.actor !== 'district' && m.actor !== 'reviewers') continue;
    if (m.actor === 'district' && optional) continue;
    out.push({ milestone: m, escalates: false });
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
    for (const p of await plansOfCycle(store.db, cycle.id)) {
      for (const { milestone, escalates } of milestonesFacing(cycle, p)) {
        const { date } = milestone;
        const kind = date ? noticeDue(date, today, opened, reminderDays) : null;
        if (!kind || (kind === 'escalation' && !escalates)) continue;
        const sent = await inTransaction(store, async (trx) => {
          const n = { planId: p.id, milestone: milestone.id, kind, date };
          if (await noticeRecorded(trx, n)) return null;
          await recordNotice(trx, { ...n, at: new Date().toISOString() });
          const district = names.get(p.district_code) ?? p.district_code;
          const text = noticeText(kind, milestone.label, date, district, cycle.fiscalYear);
          const to = await recipients(trx, p, milestone.actor, kind);
          for (const r of to) await queueMail(trx, { to: r.email, subject: text.subject, body: `Hello ${r.name},\n\n${text.body}`, kind: kind === 'escalation' ? 'escalation' : 'reminder' });
          await appendAudit(trx, { actor: 'system:deadlines', action: kind === 'escalation' ? 'deadline.escalated' : 'deadline.reminded', subject: `plan:${p.id}`, details: { deadline: milestone.id, date, kind, recipients: to.length } });
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
