/**
 * Progress on the approved plan: values to date of its goals (entered by the district or the
 * state, each with its date and source), each goal's status by the stated rule, each strategy's
 * implementation status, and the conditions of an approval as tracked items — the district gives
 * evidence, the state reviews each as met or not. Each change is in the audit trail.
 */
import { inTransaction, type Store } from '../../data/database.ts';
import type { Executor } from '../../data/batch.ts';
import { eventsOf } from '../../data/plan-event.repository.ts';
import { conditionRecordsOf, goalValuesOf, insertGoalValue, reviewCondition, setConditionEvidence, setStrategyStatus, strategyStatusesOf, type ConditionRecord, type StrategyStatuses } from '../../data/progress.repository.ts';
import { can, PERMISSIONS } from '../../domain/auth/permissions.ts';
import { fiscalYearToSchoolYear, isCalendarDate, type IsoDate } from '../../domain/time/fiscal-year.ts';
import type { Intervention, PlanContent, Strategy } from '../../domain/workflow/content.ts';
import type { Cycle } from '../../domain/workflow/cycle.ts';
import { approvingDecision } from '../../domain/workflow/events.ts';
import { actionStepId, conditionItems, goalProgress, IMPLEMENTATION, importedValue, INDICATOR_SOURCES, type GoalProgress, type GoalValue, type ImportedGoalValue, type Implementation, type IndicatorSource } from '../../domain/workflow/progress.ts';
import { accountabilityOf } from '../../data/accountability.repository.ts';
import { measuresOfDistrict } from '../../data/measure.repository.ts';
import type { DistrictCode } from '../../domain/district.ts';
import { elapsedShare } from '../../domain/workflow/spending.ts';
import { appendAudit } from '../audit.service.ts';
import type { User } from '../auth.service.ts';
import { activeActor, actorOf, now, requireCycle, requirePlan, requireVersion, WorkflowError } from '../plans/core.ts';
import type { PlanRow } from '../../data/plan.repository.ts';
import { CommandInputError } from '../plans/run.ts';

async function approvedPlan(trx: Executor, user: User, planId: number, may: (u: User, district: string) => boolean): Promise<{ p: PlanRow & { approved_version: number } }> {
  const p = await requirePlan(trx, planId);
  const actor = await activeActor(trx, user);
  if (!may(actor, p.district_code)) throw new WorkflowError('forbidden', 'You cannot report progress on this district\'s plan.', 403);
  if (p.approved_version === null) throw new WorkflowError('not_allowed', 'Progress is tracked on the approved plan: this plan is not approved yet.', 409);
  return { p: p as PlanRow & { approved_version: number } };
}

const districtOrState = (u: User, d: string) => can(u.grants, PERMISSIONS.reportProgressOwn, d) || can(u.grants, PERMISSIONS.monitorPlanAny, d);

/** A value to date of one of the approved plan's goals. */
export async function recordGoalValue(store: Store, user: User, planId: number, input: { goalId: string; value: number; asOf: string; note: string }, today = new Date().toISOString().slice(0, 10)): Promise<void> {
  if (!Number.isFinite(input.value)) throw new CommandInputError('The value must be a number.', { value: 'A number.' });
  if (!isCalendarDate(input.asOf)) throw new CommandInputError('Give the date the value is as of (YYYY-MM-DD).', { asOf: 'A date.' });
  if (input.asOf > today) throw new CommandInputError(`${input.asOf} is in the future: record a value once it is known.`, { asOf: 'Not in the future.' });
  await inTransaction(store, async (trx) => {
    const { p } = await approvedPlan(trx, user, planId, districtOrState);
    const approved = await requireVersion(trx, planId, p.approved_version);
    const goal = approved.content.goals.find((g) => g.id === input.goalId);
    if (!goal) throw new CommandInputError('That is not a goal of the approved plan.', { goalId: 'Choose a goal.' });
    const at = now();
    await insertGoalValue(trx, planId, { goalId: goal.id, value: input.value, asOf: input.asOf, source: 'entered', note: input.note.trim().slice(0, 1000) }, user.id, at);
    await appendAudit(trx, { actor: actorOf(user), action: 'progress.goal-value', subject: `plan:${planId}`, details: { district: p.district_code, goal: goal.id, value: input.value, asOf: input.asOf } });
  });
}

/**
 * Reads each goal's value for the plan's school year from the data the system has imported, where
 * the indicator is there (INDICATOR_SOURCES), and records it as an imported value dated the
 * school year's last day. Reading again records nothing new; a goal whose data is not imported
 * yet is said so, with the latest year that is.
 */
export async function readGoalValuesFromData(store: Store, user: User, planId: number): Promise<ImportedGoalValue[]> {
  return inTransaction(store, async (trx) => {
    const { p } = await approvedPlan(trx, user, planId, districtOrState);
    const approved = await requireVersion(trx, planId, p.approved_version);
    const cycle = await requireCycle(trx, p.cycle_id);
    const year = fiscalYearToSchoolYear(cycle.fiscalYear);
    const results = await accountabilityOf(trx, p.district_code);
    const measures = await measuresOfDistrict(trx, p.district_code as DistrictCode);
    const existing = await goalValuesOf(trx, planId);
    const valueIn = (source: IndicatorSource, sy: string): number | null => {
      if (source.kind === 'measure') return measures.find((m) => m.measure === source.measure && m.schoolYear === sy)?.value ?? null;
      const r = results.find((x) => x.schoolYear === sy);
      const v = !r ? null : source.key === 'accountability_index' ? r.accountabilityIndex : r.indicators[source.key];
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    };
    const years = [...new Set([...results.map((r) => r.schoolYear as string), ...measures.map((m) => m.schoolYear as string)])].sort().reverse();
    const out: ImportedGoalValue[] = [];
    const at = now();
    for (const goal of approved.content.goals) {
      const sources = INDICATOR_SOURCES[goal.indicator] ?? [];
      const found = sources.map((s) => ({ s, v: valueIn(s, year) })).find((x) => x.v !== null);
      if (!found) {
        out.push({ goalId: goal.id, outcome: 'no-data', latestYear: years.find((sy) => sources.some((s) => valueIn(s, sy) !== null)) ?? null });
        continue;
      }
      const v = importedValue(goal.id, year, found.v!, found.s);
      const same = existing.some((e) => e.goalId === goal.id && e.source === 'imported' && e.asOf === v.asOf && e.value === v.value);
      if (!same) await insertGoalValue(trx, planId, v, user.id, at);
      out.push({ goalId: goal.id, outcome: same ? 'unchanged' : 'recorded', value: v.value, asOf: v.asOf, source: v.note });
    }
    const recorded = out.filter((o) => o.outcome === 'recorded');
    if (recorded.length) await appendAudit(trx, { actor: actorOf(user), action: 'progress.goal-values-imported', subject: `plan:${planId}`, details: { district: p.district_code, schoolYear: year, values: recorded.map((o) => ({ goal: o.goalId, value: (o as { value: number }).value })) } });
    return out;
  });
}

/** A strategy's or an action step's implementation status (not started, in progress, implemented), with a note. */
export async function setImplementation(store: Store, user: User, planId: number, input: { strategyId: string; status: string; note: string }): Promise<void> {
  if (!(IMPLEMENTATION as readonly string[]).includes(input.status)) throw new CommandInputError('Choose not started, in progress or implemented.', { status: 'Choose one.' });
  await inTransaction(store, async (trx) => {
    const { p } = await approvedPlan(trx, user, planId, districtOrState);
    const approved = await requireVersion(trx, planId, p.approved_version);
    const known = approved.content.strategies.some((s) => s.id === input.strategyId) || approved.content.interventions.some((_, n) => actionStepId(n) === input.strategyId);
    if (!known) throw new CommandInputError('That is not a strategy or an action step of the approved plan.', { strategyId: 'Choose a strategy or an action step.' });
    await setStrategyStatus(trx, planId, input.strategyId, input.status as Implementation, input.note.trim().slice(0, 1000), user.id, now());
    await appendAudit(trx, { actor: actorOf(user), action: 'progress.strategy-status', subject: `plan:${planId}`, details: { district: p.district_code, strategy: input.strategyId, status: input.status } });
  });
}

/** The conditions of the plan's approving decision, numbered. */
export async function conditionsOfPlan(db: Executor, planId: number) {
  return conditionItems(approvingDecision(await eventsOf(db, planId))?.conditions ?? null);
}

/** The district's evidence that a condition of its approval is met. */
export async function addConditionEvidence(store: Store, user: User, planId: number, input: { item: number; evidence: string }): Promise<void> {
  const evidence = input.evidence.trim().slice(0, 5000);
  if (!evidence) throw new CommandInputError('Describe the evidence first.', { evidence: 'Required.' });
  await inTransaction(store, async (trx) => {
    const { p } = await approvedPlan(trx, user, planId, (u, d) => can(u.grants, PERMISSIONS.reportProgressOwn, d));
    if (!(await conditionsOfPlan(trx, planId)).some((c) => c.index === input.item)) throw new WorkflowError('not_found', 'The approval has no such condition.', 404);
    await setConditionEvidence(trx, planId, input.item, evidence, now());
    await appendAudit(trx, { actor: actorOf(user), action: 'progress.condition-evidence', subject: `plan:${planId}`, details: { district: p.district_code, condition: input.item } });
  });
}

/** The state's review of a condition: met, or not (yet). */
export async function reviewConditionItem(store: Store, user: User, planId: number, input: { item: number; met: boolean }): Promise<void> {
  await inTransaction(store, async (trx) => {
    const { p } = await approvedPlan(trx, user, planId, (u, d) => can(u.grants, PERMISSIONS.monitorPlanAny, d));
    if (!(await conditionsOfPlan(trx, planId)).some((c) => c.index === input.item)) throw new WorkflowError('not_found', 'The approval has no such condition.', 404);
    await reviewCondition(trx, planId, input.item, input.met, user.id, now());
    await appendAudit(trx, { actor: actorOf(user), action: 'progress.condition-reviewed', subject: `plan:${planId}`, details: { district: p.district_code, condition: input.item, met: input.met } });
  });
}

export interface ProgressView {
  readonly goals: readonly GoalProgress[];
  readonly strategies: readonly (Strategy & { readonly implementation: Implementation; readonly note: string })[];
  /** The plan's interventions as action steps, each with its implementation status. */
  readonly actionSteps: readonly (Intervention & { readonly id: string; readonly implementation: Implementation; readonly note: string })[];
  readonly conditions: readonly ({ readonly index: number; readonly text: string } & Omit<ConditionRecord, 'item' | 'at'>)[];
}

/** Progress on the approved plan, or null before it is approved. */
export async function progressOf(db: Executor, planId: number): Promise<ProgressView | null> {
  const p = await requirePlan(db, planId);
  if (p.approved_version === null) return null;
  const cycle = await requireCycle(db, p.cycle_id);
  return progressFrom({
    cycle,
    content: (await requireVersion(db, planId, p.approved_version)).content,
    values: await goalValuesOf(db, planId),
    statuses: await strategyStatusesOf(db, planId),
    records: await conditionRecordsOf(db, planId),
    conditions: await conditionsOfPlan(db, planId),
  });
}

/** What the progress of an approved plan is made of (read for one plan, or for many by the board). */
export interface ProgressFacts {
  readonly cycle: Cycle;
  readonly content: PlanContent;
  readonly values: readonly GoalValue[];
  readonly statuses: StrategyStatuses;
  readonly records: ReadonlyMap<number, ConditionRecord>;
  readonly conditions: ReturnType<typeof conditionItems>;
}

export function progressFrom(f: ProgressFacts): ProgressView {
  return {
    goals: f.content.goals.map((g) => goalProgress(g, f.values, (d) => elapsedShare(f.cycle.fiscalYear, d as IsoDate))),
    strategies: f.content.strategies.map((s) => ({ ...s, implementation: f.statuses.get(s.id)?.status ?? 'not-started', note: f.statuses.get(s.id)?.note ?? '' })),
    actionSteps: f.content.interventions.map((i, n) => {
      const id = actionStepId(n);
      return { id, ...i, implementation: f.statuses.get(id)?.status ?? 'not-started', note: f.statuses.get(id)?.note ?? '' };
    }),
    conditions: f.conditions.map((c) => ({ ...c, evidence: f.records.get(c.index)?.evidence ?? '', met: f.records.get(c.index)?.met ?? null, meetingId: f.records.get(c.index)?.meetingId ?? null })),
  };
}
