/**
 * What people read about plans: one plan with the actions open to the person, the staff board of
 * a cycle, the plans a person works on, and the difference between two versions.
 */
import type { Executor } from '../../data/batch.ts';
import { listCycles } from '../../data/cycle.repository.ts';
import { getDistrict, listDistricts } from '../../data/district.repository.ts';
import { eventsOf, type StoredPlanEvent } from '../../data/plan-event.repository.ts';
import { listVersions, plansOfCycle } from '../../data/plan.repository.ts';
import { canonicalJson } from '../../domain/audit/chain.ts';
import { can, PERMISSIONS, visibleDistricts } from '../../domain/auth/permissions.ts';
import type { DistrictCode } from '../../domain/district.ts';
import { cents, type Cents } from '../../domain/money/cents.ts';
import type { BudgetLine, BudgetSummary } from '../../domain/workflow/budget.ts';
import type { ContentIssue, PlanContent } from '../../domain/workflow/content.ts';
import type { Cycle } from '../../domain/workflow/cycle.ts';
import { pendingDeadline, planOptional, RESPONSIBLE, type DeadlineExtensions, type Deadlines } from '../../domain/workflow/deadlines.ts';
import { isInternalEvent } from '../../domain/workflow/events.ts';
import { availableActions, type PlanAction, type PlanFacts, type PlanState } from '../../domain/workflow/plan.ts';
import { scoreSummary } from '../../domain/workflow/rubric.ts';
import type { User } from '../auth.service.ts';
import { planState, requireCycle, requirePlan, requireVersion, reviewersOf, WorkflowError } from './core.ts';
import { planDeadlines } from './notices.ts';

/** An event on a plan's history: who, when, at which version, and what (typed by its kind). */
export type PlanEvent = StoredPlanEvent;

export interface PlanView {
  readonly id: number;
  readonly cycle: Cycle;
  readonly districtCode: DistrictCode;
  readonly districtName: string;
  readonly state: PlanState;
  readonly allocationCents: Cents;
  readonly rowVersion: number;
  readonly version: number;
  readonly approvedVersion: number | null;
  readonly content: PlanContent;
  readonly budget: readonly BudgetLine[];
  readonly contentHash: string;
  readonly budgetSummary: BudgetSummary;
  readonly contentIssues: readonly ContentIssue[];
  /** The district's schools in the state directory (what the forms offer for interventions and budget lines). */
  readonly schools: readonly string[];
  /** The deadlines that hold for this district (the cycle's, with its extensions), and the extensions. */
  readonly deadlines: Deadlines;
  readonly extensions: DeadlineExtensions;
  readonly facts: PlanFacts;
  readonly actions: readonly PlanAction[];
  readonly reviewers: readonly number[];
  readonly events: readonly PlanEvent[];
  readonly versions: readonly { version: number; createdAt: string; createdBy: number; hash: string }[];
  readonly published: boolean;
  /** The reviewers' scores per rubric section (the state's people only; empty for others). */
  readonly scores: readonly { id: string; label: string; mean: number | null; count: number }[];
}

/** Everything about a plan that the person may see, with the actions open to them. */
export async function planView(db: Executor, user: User, planId: number): Promise<PlanView> {
  const p = await requirePlan(db, planId);
  if (!can(user.grants, PERMISSIONS.viewPlanOwn, p.district_code)) throw new WorkflowError('forbidden', 'You cannot see this district\'s plan.', 403);
  const { cycle, version: v, schools, summary, issues, facts } = await planState(db, p);
  const internal = can(user.grants, PERMISSIONS.reviewPlanAny, p.district_code);
  const events = await eventsOf(db, planId);
  const district = await getDistrict(db, p.district_code as DistrictCode);
  return {
    id: p.id,
    cycle,
    districtCode: p.district_code as DistrictCode,
    districtName: district?.name ?? p.district_code,
    state: p.state as PlanState,
    allocationCents: cents(p.allocation_cents),
    rowVersion: p.row_version,
    version: p.current_version,
    approvedVersion: p.approved_version,
    content: v.content,
    budget: v.budget,
    contentHash: v.hash,
    budgetSummary: summary,
    contentIssues: issues,
    schools,
    ...planDeadlines(cycle, p.deadline_extensions),
    facts,
    actions: availableActions(user.grants, facts, user.id),
    reviewers: reviewersOf(p),
    // Reviewers' scores and internal notes are the state's; districts see their comments and decisions.
    events: events.filter((e) => internal || !isInternalEvent(e)),
    versions: await listVersions(db, planId),
    published: Boolean(p.published),
    scores: internal ? scoreSummary(cycle.settings.rubric, events.flatMap((e) => (e.kind === 'score' ? [{ section: e.section, score: e.score }] : []))) : [],
  };
}

export interface VersionDiff {
  readonly from: number;
  readonly to: number;
  readonly sections: readonly { section: string; changed: boolean; before: string; after: string }[];
  readonly budget: readonly { id: string; change: 'added' | 'removed' | 'changed'; before: BudgetLine | null; after: BudgetLine | null }[];
}

/** What changed between two versions: section by section, and line by line in the budget. */
export async function diffVersions(db: Executor, planId: number, from: number, to: number): Promise<VersionDiff> {
  const a = await requireVersion(db, planId, from);
  const b = await requireVersion(db, planId, to);
  const keys: (keyof PlanContent)[] = ['needsAssessment', 'goals', 'strategies', 'interventions', 'narrative'];
  const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v, null, 1));
  const sections = keys.map((k) => ({ section: k, changed: canonicalJson(a.content[k]) !== canonicalJson(b.content[k]), before: show(a.content[k]), after: show(b.content[k]) }));
  const before = new Map(a.budget.map((l) => [l.id, l]));
  const after = new Map(b.budget.map((l) => [l.id, l]));
  const budget: VersionDiff['budget'][number][] = [];
  for (const [id, l] of after) {
    const old = before.get(id);
    if (!old) budget.push({ id, change: 'added', before: null, after: l });
    else if (canonicalJson(old) !== canonicalJson(l)) budget.push({ id, change: 'changed', before: old, after: l });
  }
  for (const [id, l] of before) if (!after.has(id)) budget.push({ id, change: 'removed', before: l, after: null });
  return { from, to, sections, budget };
}

export interface BoardRow {
  readonly planId: number;
  readonly districtCode: string;
  readonly districtName: string;
  readonly state: PlanState;
  readonly allocationCents: Cents;
  readonly version: number;
  readonly boardApproved: boolean;
  readonly certified: boolean;
  readonly fundsReleased: boolean;
  readonly updatedAt: string;
  /** Nothing withheld and the cycle makes such plans optional: no district deadline applies. */
  readonly optional: boolean;
  /** The deadline the plan faces next; `extended` when it is the district's own later date. */
  readonly nextDeadline: { readonly name: keyof Deadlines; readonly date: string; readonly overdue: boolean; readonly extended: boolean } | null;
}

/** The staff board: every district's stage in a cycle, with the deadline it faces. */
export async function cycleBoard(db: Executor, cycleId: number, today = new Date().toISOString().slice(0, 10)): Promise<BoardRow[]> {
  const cycle = await requireCycle(db, cycleId);
  const plans = await plansOfCycle(db, cycleId);
  const names = new Map((await listDistricts(db)).map((d) => [d.code as string, d.name]));
  return plans.map((p) => {
    const state = p.state as PlanState;
    const deadlineName = pendingDeadline(state, p.board_approved_version === p.current_version);
    const optional = planOptional(p.allocation_cents, cycle.settings.noAllocationPolicy);
    const { deadlines } = planDeadlines(cycle, p.deadline_extensions);
    const date = deadlineName ? deadlines[deadlineName] : null;
    const extended = deadlineName ? deadlines[deadlineName] !== cycle.deadlines[deadlineName] : false;
    return {
      planId: p.id,
      districtCode: p.district_code,
      districtName: names.get(p.district_code) ?? p.district_code,
      state,
      allocationCents: cents(p.allocation_cents),
      version: p.current_version,
      boardApproved: p.board_approved_version === p.current_version,
      certified: p.certified_version === p.current_version,
      fundsReleased: Boolean(p.funds_released),
      updatedAt: p.updated_at,
      nextDeadline: deadlineName && date && !(optional && RESPONSIBLE[deadlineName] === 'district') ? { name: deadlineName, date, overdue: date < today, extended } : null,
      optional,
    };
  });
}

/** Plans a person can work on (their districts', or all for the state). */
export async function plansFor(db: Executor, user: User): Promise<BoardRow[]> {
  const visible = visibleDistricts(user.grants);
  const out: BoardRow[] = [];
  for (const c of await listCycles(db)) {
    for (const row of await cycleBoard(db, c.id)) if (visible === null || visible.includes(row.districtCode)) out.push(row);
  }
  return out;
}
