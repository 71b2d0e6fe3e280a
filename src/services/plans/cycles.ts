/**
 * Cycles: the state opens one per fiscal year (districts from the designation record,
 * allocations from the withholding rule), keeps its schedule, and gives a district a later date
 * for one of its milestones.
 */
import { inTransaction, type Store } from '../../data/database.ts';
import { cycleIdOfFiscalYear, getCycle, insertCycle, updateScheduleIf } from '../../data/cycle.repository.ts';
import { listDesignations } from '../../data/designation.repository.ts';
import { appendEvent } from '../../data/plan-event.repository.ts';
import { getVersion, insertPlan, insertVersion, latestApprovedPlanBefore, plansOfCycle, updateExtensionsIf } from '../../data/plan.repository.ts';
import { can, PERMISSIONS } from '../../domain/auth/permissions.ts';
import { connecticut, designatedIn } from '../../domain/law/cgs-10-262u/index.ts';
import type { FiscalYear } from '../../domain/time/fiscal-year.ts';
import { EMPTY_CONTENT } from '../../domain/workflow/content.ts';
import { DEFAULT_SETTINGS, settingsProblem, type Cycle, type CycleSettings } from '../../domain/workflow/cycle.ts';
import { DEADLINE_LABELS, DEADLINES, extensionProblem, planOptional, RESPONSIBLE, TRACKED_DEADLINES, type DeadlineName, type Deadlines } from '../../domain/workflow/deadlines.ts';
import { isPlanMilestone, scheduleOf, scheduleProblem, type Milestone, type Schedule } from '../../domain/workflow/schedule.ts';
import { appendAudit } from '../audit.service.ts';
import type { User } from '../auth.service.ts';
import { queueMail } from '../mail.service.ts';
import { runWithholding } from '../withholding.service.ts';
import { actorOf, contentHash, now, requireCycle, requirePlan, WorkflowError, ConflictError } from './core.ts';
import { districtNotice, planDeadlines } from './notices.ts';

export { getCycle, listCycles } from '../../data/cycle.repository.ts';

/** The schedule a form or a caller gives: the plan's five dates and the state's own milestones, in date order after them. */
export function buildSchedule(deadlines: Deadlines, milestones: readonly Milestone[] = []): Schedule {
  const own = milestones.filter((m) => !isPlanMilestone(m.id)).map((m) => ({ id: m.id, label: m.label.trim(), actor: m.actor, date: m.date }));
  return scheduleOf(deadlines, [...own].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id)));
}

function checkSchedule(schedule: Schedule): void {
  const problem = scheduleProblem(schedule);
  if (problem) throw new WorkflowError('invalid', problem.message, 400, { milestone: problem.milestone });
}

/**
 * Opens the cycle for a fiscal year: one plan per alliance district, each with the amount
 * withheld from it that year (the withholding rule on the ECS data).
 */
export async function openCycle(store: Store, user: User, input: { fiscalYear: FiscalYear; deadlines: Deadlines; milestones?: readonly Milestone[]; settings?: Partial<CycleSettings>; title?: string }): Promise<Cycle> {
  if (!can(user.grants, PERMISSIONS.manageCycleAny)) throw new WorkflowError('forbidden', 'Only a state administrator can open a cycle.', 403);
  const fy = input.fiscalYear;
  const settings = { ...DEFAULT_SETTINGS, ...input.settings };
  const problem = settingsProblem(settings);
  if (problem) throw new WorkflowError('invalid_settings', problem, 400);
  const schedule = buildSchedule(input.deadlines, input.milestones);
  checkSchedule(schedule);
  const withholding = await runWithholding(store, fy);
  const record = await listDesignations(store.db);
  const designated = designatedIn(connecticut, fy, record.map((r) => ({ code: r.districtCode, firstFiscalYear: r.firstFiscalYear, act: r.act })));
  const allocation = new Map(withholding.result.towns.map((t) => [t.districtCode, t.allianceCents]));
  return inTransaction(store, async (trx) => {
    if ((await cycleIdOfFiscalYear(trx, fy)) !== null) throw new WorkflowError('duplicate_cycle', `The FY${fy} cycle is already open.`, 409);
    const at = now();
    const cycleId = await insertCycle(trx, { fiscalYear: fy, title: input.title ?? `FY${fy} Alliance District plans`, schedule, settings, at });
    const carried: string[] = [];
    for (const code of [...designated.keys()].sort()) {
      const planId = await insertPlan(trx, { cycleId, districtCode: code, allocationCents: allocation.get(code) ?? 0, at });
      // A district's new plan starts from its last approved plan: goals, strategies and the
      // budget's structure, as a draft to revise (the amounts against the new allocation).
      const prior = await latestApprovedPlanBefore(trx, code, fy);
      const from = prior ? await getVersion(trx, prior.id, prior.approved_version!) : null;
      const content = from?.content ?? EMPTY_CONTENT;
      const budget = from?.budget ?? [];
      if (from) carried.push(code);
      await insertVersion(trx, { planId, version: 1, content, budget, hash: contentHash(content, budget), createdBy: user.id, at });
    }
    await appendAudit(trx, { actor: actorOf(user), action: 'cycle.opened', subject: `cycle:${cycleId}`, details: { fiscalYear: fy, plans: designated.size, carriedForward: carried, deadlines: input.deadlines, schedule, settings } });
    return (await getCycle(trx, cycleId))!;
  });
}

/**
 * Changes a cycle's schedule (for every district): the plan's five dates and the state's own
 * milestones, with the reason; refused if someone changed the cycle since it was read. The
 * districts are told of any change to a date of theirs.
 */
export async function changeCycleSchedule(store: Store, user: User, cycleId: number, input: { deadlines: Deadlines; milestones?: readonly Milestone[]; reason: string; expectedRowVersion: number }): Promise<Cycle> {
  if (!can(user.grants, PERMISSIONS.manageCycleAny)) throw new WorkflowError('forbidden', 'Only a state administrator can change a cycle\'s deadlines.', 403);
  const reason = input.reason.trim();
  return inTransaction(store, async (trx) => {
    const before = await requireCycle(trx, cycleId);
    // Milestones not given stay as they are (a form that shows only the five dates keeps the rest).
    const schedule = buildSchedule(input.deadlines, input.milestones ?? before.schedule);
    checkSchedule(schedule);
    if (!reason) throw new WorkflowError('invalid', 'Say why the deadlines change (the districts are told).', 400);
    if (before.status !== 'open') throw new WorkflowError('not_allowed', 'The cycle is closed.', 409);
    if (!(await updateScheduleIf(trx, cycleId, input.expectedRowVersion, schedule))) {
      throw new ConflictError('Someone else changed this cycle since you opened it. Nothing was saved; reload to see its deadlines now.', [`Its deadlines now: ${before.schedule.map((m) => `${m.id} ${m.date}`).join(', ')}.`]);
    }
    const after = (await getCycle(trx, cycleId))!;
    const changed = DEADLINES.filter((d) => before.deadlines[d] !== after.deadlines[d]);
    const was = new Map(before.schedule.map((m) => [m.id, m]));
    const milestonesChanged = after.schedule.filter((m) => !isPlanMilestone(m.id) && (was.get(m.id)?.date !== m.date || was.get(m.id)?.label !== m.label));
    const removed = before.schedule.filter((m) => !isPlanMilestone(m.id) && !after.schedule.some((x) => x.id === m.id));
    await appendAudit(trx, { actor: actorOf(user), action: 'cycle.deadlines-changed', subject: `cycle:${cycleId}`, details: { from: before.deadlines, to: after.deadlines, changed, milestones: { changed: milestonesChanged, removed: removed.map((m) => m.id) }, reason } });
    // Each district still drafting hears of the change to *its* dates: its own extensions still
    // hold, and a plan that is optional (nothing withheld) has no district deadline at all.
    const ownLines = [
      ...milestonesChanged.filter((m) => m.actor === 'district').map((m) => `- ${m.label}: ${m.date}${was.get(m.id) ? ` (was ${was.get(m.id)!.date})` : ' (new)'}`),
      ...removed.filter((m) => m.actor === 'district').map((m) => `- ${m.label}: removed (was ${m.date})`),
    ];
    for (const p of await plansOfCycle(trx, cycleId)) {
      if (planOptional(Number(p.allocation_cents), before.settings.noAllocationPolicy)) continue;
      const drafting = p.state === 'draft' || p.state === 'revisions-requested';
      const wasDates = planDeadlines(before, p.deadline_extensions).deadlines;
      const isDates = planDeadlines(after, p.deadline_extensions).deadlines;
      const lines = [...(drafting ? TRACKED_DEADLINES.filter((d) => RESPONSIBLE[d] === 'district' && wasDates[d] !== isDates[d]).map((d) => `- ${DEADLINE_LABELS[d]}: ${isDates[d]} (was ${wasDates[d]})`) : []), ...ownLines];
      if (!lines.length) continue;
      for (const m of await districtNotice(trx, p.district_code, `FY${before.fiscalYear} Alliance plan deadlines changed`, `The state changed deadlines of the FY${before.fiscalYear} cycle for your district:\n\n${lines.join('\n')}\n\nWhy: ${reason}\n`)) await queueMail(trx, m);
    }
    return after;
  });
}

/**
 * Gives one district a later date for one of the plan's deadlines, with the reason: recorded on
 * its plan's history and in the audit trail, and told to the district. The sweep and the board
 * then use that date. Not an edit of the plan: its row version stays, so the district's open
 * forms stay valid; two extensions at once are kept apart by checking the extensions read are
 * still there.
 */
export async function extendDeadline(store: Store, user: User, planId: number, input: { deadline: string; date: string; reason: string }): Promise<void> {
  if (!can(user.grants, PERMISSIONS.manageCycleAny)) throw new WorkflowError('forbidden', 'Only a state administrator can extend a deadline.', 403);
  const reason = input.reason.trim();
  if (!reason) throw new WorkflowError('invalid', 'Say why the deadline is extended (the district is told).', 400);
  await inTransaction(store, async (trx) => {
    const p = await requirePlan(trx, planId);
    const cycle = await requireCycle(trx, p.cycle_id);
    const { deadlines: before, extensions } = planDeadlines(cycle, p.deadline_extensions);
    const problem = extensionProblem(cycle.deadlines, extensions, input.deadline, input.date);
    if (problem) throw new WorkflowError('invalid', problem, 400);
    const deadline = input.deadline as DeadlineName;
    if (!(await updateExtensionsIf(trx, planId, p.deadline_extensions, JSON.stringify({ ...extensions, [deadline]: input.date })))) {
      throw new ConflictError('Someone else extended a deadline of this plan at the same moment. Nothing was saved; reload and try again.', []);
    }
    const data = { deadline, from: before[deadline], to: input.date, reason };
    await appendEvent(trx, { planId, version: p.current_version, userId: user.id, onBehalfOf: null, at: now(), event: { kind: 'deadline-extended', ...data } });
    await appendAudit(trx, { actor: actorOf(user), action: 'plan.deadline-extended', subject: `plan:${planId}`, details: { district: p.district_code, ...data } });
    for (const m of await districtNotice(trx, p.district_code, `FY${cycle.fiscalYear} Alliance plan: deadline extended`, `The state extended the deadline for ${DEADLINE_LABELS[deadline]} to ${input.date} (it was ${before[deadline]}).\n\nWhy: ${reason}\n`)) {
      await queueMail(trx, m);
    }
  });
}
