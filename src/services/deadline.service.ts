/**
 * The deadline sweep: for every plan of every open cycle, the notice due today for the deadline
 * it is working toward (a reminder before, an escalation after) is queued in the outbox — once,
 * recorded in `deadline_notice` in the same transaction, so a sweep that runs twice, or on two
 * servers, or after a restart, sends nothing twice.
 */
import type { Executor } from '../data/batch.ts';
import { inTransaction, type Store } from '../data/database.ts';
import { listDistricts } from '../data/district.repository.ts';
import { DEFAULT_REMINDER_DAYS, noticeDue, noticeText, pendingDeadline, planOptional, RESPONSIBLE, type DeadlineName, type NoticeKind } from '../domain/workflow/deadlines.ts';
import type { PlanState } from '../domain/workflow/plan.ts';
import { appendAudit } from './audit.service.ts';
import { queueMail } from './mail.service.ts';
import { listCycles, planDeadlines } from './workflow.service.ts';

/** Today's date where the program runs (deadlines are Connecticut dates). */
export function programToday(now = new Date(), timeZone = 'America/New_York'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export interface SweepResult {
  readonly notices: number;
  readonly messages: number;
}

async function recipients(db: Executor, plan: { district_code: string; reviewers: string }, deadline: DeadlineName, kind: NoticeKind): Promise<{ email: string; name: string }[]> {
  const who = RESPONSIBLE[deadline];
  const people = db.selectFrom('user_grant').innerJoin('app_user', 'app_user.id', 'user_grant.user_id').select(['app_user.id', 'app_user.email', 'app_user.name']).where('app_user.status', '=', 'active');
  let rows: { id: number; email: string; name: string }[] = [];
  if (who === 'district') rows = await people.where('user_grant.district_code', '=', plan.district_code).where('user_grant.role', 'in', ['district-editor', 'district-representative']).execute();
  if (who === 'commissioner') rows = await people.where('user_grant.role', '=', 'commissioner').execute();
  if (who === 'reviewers') {
    const assigned = (JSON.parse(plan.reviewers) as number[]).filter(Number.isInteger);
    rows = await (assigned.length ? people.where('app_user.id', 'in', assigned) : people.where('user_grant.role', '=', 'program-staff')).execute();
  }
  // An escalation also goes to the state's administrators, who follow up.
  if (kind === 'escalation') rows.push(...(await people.where('user_grant.role', '=', 'state-admin').execute()));
  return [...new Map(rows.map((r) => [r.email, { email: r.email, name: r.name }])).values()];
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
    const plans = await store.db.selectFrom('plan').select(['id', 'district_code', 'state', 'board_approved_version', 'current_version', 'reviewers', 'allocation_cents', 'deadline_extensions']).where('cycle_id', '=', cycle.id).execute();
    for (const p of plans) {
      const deadline = pendingDeadline(p.state as PlanState, p.board_approved_version === p.current_version);
      if (!deadline) continue;
      if (RESPONSIBLE[deadline] === 'district' && planOptional(Number(p.allocation_cents), cycle.settings.noAllocationPolicy)) continue;
      // The district's own later date when the state extended it (a new date, so notices start afresh).
      const date = planDeadlines(cycle, p.deadline_extensions).deadlines[deadline];
      const kind = date ? noticeDue(date, today, opened, reminderDays) : null;
      if (!kind || !date) continue;
      const sent = await inTransaction(store, async (trx) => {
        const exists = await trx.selectFrom('deadline_notice').select('id').where('plan_id', '=', Number(p.id)).where('deadline', '=', deadline).where('kind', '=', kind).where('deadline_date', '=', date).executeTakeFirst();
        if (exists) return null;
        await trx.insertInto('deadline_notice').values({ plan_id: Number(p.id), deadline, kind, deadline_date: date, at: new Date().toISOString() }).execute();
        const district = names.get(p.district_code) ?? p.district_code;
        const text = noticeText(kind, deadline, date, district, cycle.fiscalYear);
        const to = await recipients(trx, p, deadline, kind);
        for (const r of to) await queueMail(trx, { to: r.email, subject: text.subject, body: `Hello ${r.name},\n\n${text.body}`, kind: kind === 'escalation' ? 'escalation' : 'reminder' });
        await appendAudit(trx, { actor: 'system:deadlines', action: kind === 'escalation' ? 'deadline.escalated' : 'deadline.reminded', subject: `plan:${p.id}`, details: { deadline, date, kind, recipients: to.length } });
        return to.length;
      });
      // A notice with nobody to tell is still recorded and audited (the escalation shows who is missing).
      if (sent === null) continue;
      notices += 1;
      messages += sent;
    }
  }
  return { notices, messages };
}
