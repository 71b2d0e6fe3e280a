/**
 * What the public sees of plans: each approved plan of a district, its narrative, goals and
 * strategies, the budget by funding area, the decision and the release of funds, spending to
 * date by funding area and each goal's progress.
 */
import type { Executor } from '../../data/batch.ts';
import { getCycle } from '../../data/cycle.repository.ts';
import { eventsOf } from '../../data/plan-event.repository.ts';
import { publishedPlansOf } from '../../data/plan.repository.ts';
import { cents, type Cents } from '../../domain/money/cents.ts';
import type { FiscalYear } from '../../domain/time/fiscal-year.ts';
import { summariseBudget, type BudgetSummary, type FundingArea } from '../../domain/workflow/budget.ts';
import type { IsoDate } from '../../domain/time/fiscal-year.ts';
import { spendingOf } from '../monitoring/spending.ts';
import { progressOf } from '../monitoring/progress.ts';
import type { GoalStatus } from '../../domain/workflow/progress.ts';
import type { PlanContent } from '../../domain/workflow/content.ts';
import { approvingDecision } from '../../domain/workflow/events.ts';
import { requireVersion } from './core.ts';

export interface PublishedPlan {
  readonly fiscalYear: FiscalYear;
  readonly planId: number;
  readonly decision: 'approved' | 'approved-with-conditions';
  readonly conditions: string | null;
  readonly narrative: string;
  readonly goals: PlanContent['goals'];
  readonly strategies: PlanContent['strategies'];
  readonly budgetByArea: BudgetSummary['byArea'];
  readonly totalCents: Cents;
  /** The release of the funds: its date, the amount and who approved the plan (their account id). */
  readonly release: { date: string; amountCents: number; approvedBy: number | null } | null;
  /** Spending to date against the approved budget, by funding area (null before any is reported). */
  readonly spending: { readonly asOf: string; readonly reports: number; readonly byArea: readonly { area: FundingArea; budgetedCents: number; spentCents: number; spentShare: number }[] } | null;
  /** Each goal's progress to date: its latest value (with date and source) and its status by the stated rule. */
  readonly progress: readonly PublicGoalProgress[];
}

export interface PublicGoalProgress {
  readonly goalId: string;
  readonly indicator: string;
  readonly description: string;
  readonly baseline: number;
  readonly target: number;
  readonly latest: { readonly value: number; readonly asOf: string; readonly source: 'entered' | 'imported'; readonly note: string } | null;
  readonly status: GoalStatus;
  /** The rule that set the status, in words (English; the pages say it in each language). */
  readonly rule: string;
}

async function publicProgress(db: Executor, planId: number): Promise<PublicGoalProgress[]> {
  const p = await progressOf(db, planId);
  return (p?.goals ?? []).map((g) => ({ goalId: g.goal.id, indicator: g.goal.indicator, description: g.goal.description, baseline: g.goal.baseline, target: g.goal.target, latest: g.latest, status: g.status, rule: g.rule }));
}

async function publicSpending(db: Executor, planId: number): Promise<PublishedPlan['spending']> {
  const s = await spendingOf(db, planId, new Date().toISOString().slice(0, 10) as IsoDate);
  if (!s.spendDown || !s.reports.length) return null;
  return { asOf: s.spendDown.asOf, reports: s.reports.length, byArea: s.spendDown.areas.map((a) => ({ area: a.area, budgetedCents: a.budgetedCents, spentCents: a.spentCents, spentShare: a.spentShare })) };
}

/** The approved plans of a district, for its public page: the narrative and the budget by area. */
export async function publishedPlans(db: Executor, districtCode: string): Promise<PublishedPlan[]> {
  const out: PublishedPlan[] = [];
  for (const p of await publishedPlansOf(db, districtCode)) {
    if (p.approved_version === null) continue;
    const cycle = (await getCycle(db, p.cycle_id))!;
    const v = await requireVersion(db, p.id, p.approved_version);
    const events = await eventsOf(db, p.id);
    const decision = approvingDecision(events);
    const release = events.findLast((e) => e.kind === 'release');
    const summary = summariseBudget(v.budget, cents(p.allocation_cents), cycle.settings.substantialMajority);
    out.push({
      fiscalYear: cycle.fiscalYear,
      planId: p.id,
      decision: decision?.decision === 'approve-with-conditions' ? 'approved-with-conditions' : 'approved',
      conditions: decision?.conditions ?? null,
      narrative: v.content.narrative,
      goals: v.content.goals,
      strategies: v.content.strategies,
      budgetByArea: summary.byArea,
      totalCents: summary.totalCents,
      release: release && release.kind === 'release' ? { date: release.date, amountCents: release.amountCents, approvedBy: release.approvedBy } : null,
      spending: await publicSpending(db, p.id),
      progress: await publicProgress(db, p.id),
    });
  }
  return out.sort((a, b) => b.fiscalYear - a.fiscalYear);
}
