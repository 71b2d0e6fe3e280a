/**
 * The annual cycle: the state opens it (districts from the designation record, allocations from
 * the withholding rule), districts draft their plans and budgets, the board approves, the
 * authorized representative certifies and submits, the state reviews and recommends, the
 * commissioner decides, and approval releases the withheld funds. Every operation is one
 * transaction that checks the state machine, refuses a stale edit (optimistic concurrency),
 * keeps every version, and appends to the audit trail.
 */
import { createHash } from 'node:crypto';
import { inTransaction, type Store } from '../data/database.ts';
import type { Executor } from '../data/batch.ts';
import { listDesignations } from '../data/designation.repository.ts';
import { getDistrict, listDistricts, schoolsOf } from '../data/district.repository.ts';
import { canonicalJson } from '../domain/audit/chain.ts';
import { actingFor, can, holdsDistrictRole, PERMISSIONS, visibleDistricts, type Grant, type Permission } from '../domain/auth/permissions.ts';
import type { DistrictCode } from '../domain/district.ts';
import { connecticut, designatedIn } from '../domain/law/cgs-10-262u/index.ts';
import { cents, type Cents } from '../domain/money/cents.ts';
import { isCalendarDate, type FiscalYear, type IsoDate } from '../domain/time/fiscal-year.ts';
import { cycleDateProblem, releaseProblem } from '../domain/workflow/release.ts';
import { summariseBudget, type BudgetLine, type BudgetSummary } from '../domain/workflow/budget.ts';
import { DEADLINE_LABELS, DEADLINES, deadlinesProblem, effectiveDeadlines, extensionProblem, pendingDeadline, planOptional, RESPONSIBLE, TRACKED_DEADLINES, type DeadlineExtensions, type DeadlineName, type Deadlines } from '../domain/workflow/deadlines.ts';
import { contentComplete, contentIssues, EMPTY_CONTENT, type ContentIssue, type PlanContent } from '../domain/workflow/content.ts';
import { DEFAULT_RUBRIC, SCORE_MAX, SCORE_MIN, scoreSummary, type RubricSection } from '../domain/workflow/rubric.ts';
import { availableActions, canTransition, type PlanAction, type PlanFacts, type PlanState } from '../domain/workflow/plan.ts';
import { appendAudit } from './audit.service.ts';
import { ConflictError, WorkflowError } from './workflow-errors.ts';
import { discardPrepared, insertUpload, type PreparedUpload } from './upload.service.ts';
import { userById, type User } from './auth.service.ts';
import { queueMail } from './mail.service.ts';
import { runWithholding } from './withholding.service.ts';

export type { Deadlines };

export interface CycleSettings {
  /** The share of the budget that must go to new or extended reform efforts. */
  readonly substantialMajority: number;
  /** A district with nothing withheld: must it still file a plan? (An open policy question.) */
  readonly noAllocationPolicy: 'plan-required' | 'plan-optional';
  /** The sections reviewers score; the default follows the statute's requirements. */
  readonly rubric: readonly RubricSection[];
  /** Days before a deadline that reminders go out. */
  readonly reminderDays?: readonly number[];
}

export const DEFAULT_SETTINGS: CycleSettings = { substantialMajority: 0.5, noAllocationPolicy: 'plan-optional', rubric: DEFAULT_RUBRIC };

export { ConflictError, WorkflowError } from './workflow-errors.ts';

const now = () => new Date().toISOString();
const actorOf = (u: User) => `user:${u.id}`;
export const contentHash = (content: PlanContent, budget: readonly BudgetLine[]) => createHash('sha256').update(canonicalJson({ content, budget })).digest('hex');

export interface Cycle {
  readonly id: number;
  readonly fiscalYear: FiscalYear;
  readonly title: string;
  readonly status: string;
  readonly deadlines: Deadlines;
  readonly settings: CycleSettings;
  readonly rowVersion: number;
  /** When it was opened (an ISO timestamp). */
  readonly openedAt: string;
}

function toCycle(r: { id: number; fiscal_year: number; title: string; status: string; deadlines: string; settings: string; row_version: number; created_at: string }): Cycle {
  return {
    id: Number(r.id),
    fiscalYear: r.fiscal_year as FiscalYear,
    title: r.title,
    status: r.status,
    deadlines: JSON.parse(r.deadlines) as Deadlines,
    settings: { ...DEFAULT_SETTINGS, ...(JSON.parse(r.settings) as Partial<CycleSettings>) },
    rowVersion: Number(r.row_version),
    openedAt: r.created_at,
  };
}

/** A plan's deadlines: the cycle's, with the district's extensions in their place. */
export function planDeadlines(cycle: Cycle, deadlineExtensions: string | null | undefined): { deadlines: Deadlines; extensions: DeadlineExtensions } {
  const extensions = JSON.parse(deadlineExtensions || '{}') as DeadlineExtensions;
  return { deadlines: effectiveDeadlines(cycle.deadlines, extensions), extensions };
}

/**
 * Moves a cycle's deadlines (for every district), with the reason; refused if someone changed the
 * cycle since it was read. The districts are told of any change to a deadline of theirs.
 */
export async function changeCycleDeadlines(store: Store, user: User, cycleId: number, input: { deadlines: Deadlines; reason: string; expectedRowVersion: number }): Promise<Cycle> {
  if (!can(user.grants, PERMISSIONS.manageCycleAny)) throw new WorkflowError('forbidden', 'Only a state administrator can change a cycle\'s deadlines.', 403);
  const problem = deadlinesProblem(input.deadlines);
  if (problem) throw new WorkflowError('invalid', problem.message, 400);
  const reason = input.reason.trim();
  if (!reason) throw new WorkflowError('invalid', 'Say why the deadlines change (the districts are told).', 400);
  return inTransaction(store, async (trx) => {
    const before = await getCycle(trx, cycleId);
    if (!before) throw new WorkflowError('not_found', `There is no cycle ${cycleId}.`, 404);
    if (before.status !== 'open') throw new WorkflowError('not_allowed', 'The cycle is closed.', 409);
    const deadlines = Object.fromEntries(DEADLINES.map((d) => [d, input.deadlines[d]])) as Record<DeadlineName, string>;
    const r = await trx
      .updateTable('cycle')
      .set({ deadlines: JSON.stringify(deadlines), row_version: before.rowVersion + 1 })
      .where('id', '=', cycleId)
      .where('row_version', '=', input.expectedRowVersion)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) {
      throw new ConflictError('Someone else changed this cycle since you opened it. Nothing was saved; reload to see its deadlines now.', [
        `Its deadlines now: ${DEADLINES.map((d) => `${d} ${before.deadlines[d]}`).join(', ')}.`,
      ]);
    }
    const changed = DEADLINES.filter((d) => before.deadlines[d] !== deadlines[d]);
    await appendAudit(trx, { actor: actorOf(user), action: 'cycle.deadlines-changed', subject: `cycle:${cycleId}`, details: { from: before.deadlines, to: deadlines, changed, reason } });
    // Each district still drafting hears of the change to *its* dates: its own extensions still
    // hold, and a plan that is optional (nothing withheld) has no district deadline at all.
    const after = { ...before, deadlines };
    const plans = await trx.selectFrom('plan').select(['district_code', 'allocation_cents', 'deadline_extensions']).where('cycle_id', '=', cycleId).where('state', 'in', ['draft', 'revisions-requested']).execute();
    for (const p of plans) {
      if (planOptional(Number(p.allocation_cents), before.settings.noAllocationPolicy)) continue;
      const was = planDeadlines(before, p.deadline_extensions).deadlines;
      const is = planDeadlines(after, p.deadline_extensions).deadlines;
      const lines = TRACKED_DEADLINES.filter((d) => RESPONSIBLE[d] === 'district' && was[d] !== is[d]).map((d) => `- ${DEADLINE_LABELS[d]}: ${is[d]} (was ${was[d]})`);
      if (!lines.length) continue;
      for (const m of await districtContacts(trx, p.district_code, `FY${before.fiscalYear} Alliance plan deadlines changed`, `The state changed deadlines of the FY${before.fiscalYear} cycle for your district:\n\n${lines.join('\n')}\n\nWhy: ${reason}\n`)) await queueMail(trx, m);
    }
    return (await getCycle(trx, cycleId))!;
  });
}

/**
 * Gives one district a later date for one deadline, with the reason: recorded on its plan's
 * history and in the audit trail, and told to the district. The sweep and the board then use that
 * date. Not an edit of the plan: its row version stays, so the district's open forms stay valid;
 * two extensions at once are kept apart by checking the extensions read are still there.
 */
export async function extendDeadline(store: Store, user: User, planId: number, input: { deadline: string; date: string; reason: string }): Promise<void> {
  if (!can(user.grants, PERMISSIONS.manageCycleAny)) throw new WorkflowError('forbidden', 'Only a state administrator can extend a deadline.', 403);
  const reason = input.reason.trim();
  if (!reason) throw new WorkflowError('invalid', 'Say why the deadline is extended (the district is told).', 400);
  await inTransaction(store, async (trx) => {
    const p = await loadPlan(trx, planId);
    const cycle = (await getCycle(trx, p.cycle_id))!;
    const { deadlines: before, extensions } = planDeadlines(cycle, p.deadline_extensions);
    const problem = extensionProblem(cycle.deadlines, extensions, input.deadline, input.date);
    if (problem) throw new WorkflowError('invalid', problem, 400);
    const deadline = input.deadline as DeadlineName;
    const next = JSON.stringify({ ...extensions, [deadline]: input.date });
    const r = await trx.updateTable('plan').set({ deadline_extensions: next }).where('id', '=', planId).where('deadline_extensions', '=', p.deadline_extensions).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new ConflictError('Someone else extended a deadline of this plan at the same moment. Nothing was saved; reload and try again.', []);
    const data = { deadline, from: before[deadline], to: input.date, reason };
    await trx.insertInto('plan_event').values({ plan_id: planId, version: p.current_version, kind: 'deadline-extended', user_id: user.id, on_behalf_of: null, data: JSON.stringify(data), at: now() }).execute();
    await appendAudit(trx, { actor: actorOf(user), action: 'plan.deadline-extended', subject: `plan:${planId}`, details: { district: p.district_code, ...data } });
    for (const m of await districtContacts(trx, p.district_code, `FY${cycle.fiscalYear} Alliance plan: deadline extended`, `The state extended the deadline for ${DEADLINE_LABELS[deadline]} to ${input.date} (it was ${before[deadline]}).\n\nWhy: ${reason}\n`)) {
      await queueMail(trx, m);
    }
  });
}

export async function listCycles(db: Executor): Promise<Cycle[]> {
  return (await db.selectFrom('cycle').selectAll().orderBy('fiscal_year', 'desc').execute()).map(toCycle);
}

export async function getCycle(db: Executor, id: number): Promise<Cycle | null> {
  const r = await db.selectFrom('cycle').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toCycle(r) : null;
}

/**
 * Opens the cycle for a fiscal year: one plan per alliance district, each with the amount
 * withheld from it that year (the withholding rule on the ECS data).
 */
export async function openCycle(store: Store, user: User, input: { fiscalYear: FiscalYear; deadlines: Deadlines; settings?: Partial<CycleSettings>; title?: string }): Promise<Cycle> {
  if (!can(user.grants, PERMISSIONS.manageCycleAny)) throw new WorkflowError('forbidden', 'Only a state administrator can open a cycle.', 403);
  const fy = input.fiscalYear;
  const settings = { ...DEFAULT_SETTINGS, ...input.settings };
  if (!(settings.substantialMajority > 0 && settings.substantialMajority <= 1)) throw new WorkflowError('invalid_settings', 'The substantial-majority share must be above 0% and at most 100%.', 400);
  if (!settings.rubric.length || new Set(settings.rubric.map((r) => r.id)).size !== settings.rubric.length) throw new WorkflowError('invalid_settings', 'The rubric needs at least one section, each with its own title.', 400);
  const problem = deadlinesProblem(input.deadlines);
  if (problem) throw new WorkflowError('invalid', problem.message, 400);
  const withholding = await runWithholding(store, fy);
  const record = await listDesignations(store.db);
  const designated = designatedIn(connecticut, fy, record.map((r) => ({ code: r.districtCode, firstFiscalYear: r.firstFiscalYear, act: r.act })));
  const allocation = new Map(withholding.result.towns.map((t) => [t.districtCode, t.allianceCents]));
  return inTransaction(store, async (trx) => {
    if (await trx.selectFrom('cycle').select('id').where('fiscal_year', '=', fy).executeTakeFirst()) {
      throw new WorkflowError('duplicate_cycle', `The FY${fy} cycle is already open.`, 409);
    }
    const c = await trx
      .insertInto('cycle')
      .values({ fiscal_year: fy, title: input.title ?? `FY${fy} Alliance District plans`, status: 'open', deadlines: JSON.stringify(input.deadlines), settings: JSON.stringify(settings), created_at: now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const cycleId = Number(c.id);
    for (const code of [...designated.keys()].sort()) {
      const p = await trx
        .insertInto('plan')
        .values({ cycle_id: cycleId, district_code: code, allocation_cents: allocation.get(code) ?? 0, state: 'draft', current_version: 1, approved_version: null, board_approved_version: null, certified_version: null, reviewers: '[]', updated_at: now() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('plan_version').values({ plan_id: Number(p.id), version: 1, content: JSON.stringify(EMPTY_CONTENT), budget: '[]', content_hash: contentHash(EMPTY_CONTENT, []), created_by: user.id, created_at: now() }).execute();
    }
    await appendAudit(trx, { actor: actorOf(user), action: 'cycle.opened', subject: `cycle:${cycleId}`, details: { fiscalYear: fy, plans: designated.size, deadlines: input.deadlines, settings } });
    return (await getCycle(trx, cycleId))!;
  });
}

interface PlanRow {
  id: number;
  cycle_id: number;
  district_code: string;
  allocation_cents: number;
  state: string;
  current_version: number;
  approved_version: number | null;
  board_approved_version: number | null;
  certified_version: number | null;
  reviewers: string;
  funds_released: number;
  amendment: number;
  published: number;
  updated_at: string;
  row_version: number;
  deadline_extensions: string;
}

async function loadPlan(db: Executor, planId: number): Promise<PlanRow> {
  const r = await db.selectFrom('plan').selectAll().where('id', '=', planId).executeTakeFirst();
  if (!r) throw new WorkflowError('not_found', `There is no plan ${planId}.`, 404);
  return { ...r, id: Number(r.id), allocation_cents: Number(r.allocation_cents), row_version: Number(r.row_version) } as PlanRow;
}

async function loadVersion(db: Executor, planId: number, version: number): Promise<{ content: PlanContent; budget: BudgetLine[]; hash: string; createdAt: string; createdBy: number }> {
  const v = await db.selectFrom('plan_version').selectAll().where('plan_id', '=', planId).where('version', '=', version).executeTakeFirst();
  if (!v) throw new WorkflowError('not_found', `Plan ${planId} has no version ${version}.`, 404);
  return { content: JSON.parse(v.content) as PlanContent, budget: JSON.parse(v.budget) as BudgetLine[], hash: v.content_hash, createdAt: v.created_at, createdBy: Number(v.created_by) };
}

function facts(p: PlanRow, budget: BudgetSummary, contentOk: boolean): PlanFacts {
  return {
    state: p.state as PlanState,
    districtCode: p.district_code,
    boardApproved: p.board_approved_version === p.current_version,
    certified: p.certified_version === p.current_version,
    budgetBalanced: budget.balanced,
    contentComplete: contentOk,
    reviewersAssigned: (JSON.parse(p.reviewers) as number[]).length > 0,
    committee: JSON.parse(p.reviewers) as number[],
    fundsReleased: Boolean(p.funds_released),
    amendment: Boolean(p.amendment),
  };
}

export interface PlanEvent {
  readonly id: number;
  readonly version: number;
  readonly kind: string;
  readonly userId: number;
  readonly userName: string;
  readonly onBehalfOf: number | null;
  readonly onBehalfOfName: string | null;
  readonly data: Record<string, unknown>;
  readonly at: string;
}

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

/** The district's schools in the state directory, by name (what interventions and budget lines name). */
async function schoolNames(db: Executor, districtCode: string): Promise<string[]> {
  return (await schoolsOf(db, districtCode as DistrictCode)).map((x) => x.name);
}

/** Everything about a plan that the person may see, with the actions open to them. */
export async function planView(db: Executor, user: User, planId: number): Promise<PlanView> {
  const p = await loadPlan(db, planId);
  if (!can(user.grants, PERMISSIONS.viewPlanOwn, p.district_code)) throw new WorkflowError('forbidden', 'You cannot see this district\'s plan.', 403);
  const cycle = (await getCycle(db, p.cycle_id))!;
  const v = await loadVersion(db, planId, p.current_version);
  const strategies = new Set(v.content.strategies.map((s) => s.id));
  const schools = await schoolNames(db, p.district_code);
  const summary = summariseBudget(v.budget, cents(p.allocation_cents), cycle.settings.substantialMajority, strategies, schools);
  const issues = contentIssues(v.content, schools);
  const f = facts(p, summary, contentComplete(issues));
  const internal = can(user.grants, PERMISSIONS.reviewPlanAny, p.district_code);
  const events = await db
    .selectFrom('plan_event')
    .leftJoin('app_user', 'app_user.id', 'plan_event.user_id')
    .leftJoin('app_user as principal', 'principal.id', 'plan_event.on_behalf_of')
    .select(['plan_event.id', 'plan_event.version', 'plan_event.kind', 'plan_event.user_id', 'plan_event.on_behalf_of', 'plan_event.data', 'plan_event.at', 'app_user.name', 'principal.name as onBehalfOfName'])
    .where('plan_event.plan_id', '=', planId)
    .orderBy('plan_event.id')
    .execute();
  const versions = await db.selectFrom('plan_version').select(['version', 'created_at', 'created_by', 'content_hash']).where('plan_id', '=', planId).orderBy('version').execute();
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
    facts: f,
    actions: availableActions(user.grants, f, user.id),
    reviewers: JSON.parse(p.reviewers) as number[],
    events: events
      .map((e) => ({ id: Number(e.id), version: Number(e.version), kind: e.kind, userId: Number(e.user_id), userName: e.name ?? `user ${e.user_id}`, onBehalfOf: e.on_behalf_of === null ? null : Number(e.on_behalf_of), onBehalfOfName: e.onBehalfOfName ?? null, data: JSON.parse(e.data) as Record<string, unknown>, at: e.at }))
      // Reviewers' scores and internal notes are the state's; districts see their comments and decisions.
      .filter((e) => internal || !(e.kind === 'score' || (e.kind === 'comment' && e.data.internal === true))),
    versions: versions.map((x) => ({ version: Number(x.version), createdAt: x.created_at, createdBy: Number(x.created_by), hash: x.content_hash })),
    published: Boolean(p.published),
    scores: internal ? scoreSummary(cycle.settings.rubric, events.filter((e) => e.kind === 'score').map((e) => JSON.parse(e.data) as { section: string; score: number })) : [],
  };
}

interface Step {
  readonly action: PlanAction;
  readonly expectedRowVersion?: number;
  /** Changes to the plan row besides state and row version. */
  readonly update?: Partial<Pick<PlanRow, 'current_version' | 'approved_version' | 'board_approved_version' | 'certified_version' | 'reviewers' | 'funds_released' | 'amendment' | 'published'>>;
  /** `data` may be computed after `before` ran (e.g. the id of a file stored with the step). */
  readonly event?: { kind: string; data: Record<string, unknown> | (() => Record<string, unknown>) };
  /** `details` may be computed after `before` ran (e.g. the amount a release recorded). */
  readonly audit: { action: string; details?: Record<string, unknown> | (() => Record<string, unknown>) };
  /** A permission a delegate may exercise: the step is then recorded as on the delegating person's behalf. */
  readonly onBehalfOf?: Permission;
  /** Extra work in the same transaction, after the checks (e.g. a new version). */
  readonly before?: (trx: Executor, p: PlanRow, v: { content: PlanContent; budget: BudgetLine[]; hash: string }, acting: { grants: readonly Grant[]; onBehalfOf: number | null }) => Promise<Partial<PlanRow> | void>;
  /** Messages to queue, read through the transaction (on SQLite the transaction holds the only connection). */
  readonly mail?: (trx: Executor, p: PlanRow) => Promise<{ to: string; subject: string; body: string; kind: string }[]>;
}

/** One workflow step: check, apply, record, audit — in one transaction. */
async function transact(store: Store, user: User, planId: number, step: Step): Promise<PlanRow> {
  return inTransaction(store, async (trx) => {
    const p = await loadPlan(trx, planId);
    if (step.expectedRowVersion !== undefined && step.expectedRowVersion !== p.row_version) {
      throw new ConflictError('Someone else changed this plan since you opened it. Nothing was saved; reload to see their changes.', await changesSince(trx, planId, p, can(user.grants, PERMISSIONS.reviewPlanAny, p.district_code)));
    }
    const cycle = (await getCycle(trx, p.cycle_id))!;
    const v = await loadVersion(trx, planId, p.current_version);
    const schools = await schoolNames(trx, p.district_code);
    const summary = summariseBudget(v.budget, cents(p.allocation_cents), cycle.settings.substantialMajority, new Set(v.content.strategies.map((s) => s.id)), schools);
    // The person's roles as they are now, read in this transaction: a role revoked, an account
    // disabled or a delegation ended since the page was loaded no longer counts.
    const actor = await userById(trx, user.id);
    if (!actor || actor.status !== 'active') throw new WorkflowError('forbidden', 'Your account is no longer active.', 403);
    const check = canTransition(actor.grants, facts(p, summary, contentComplete(contentIssues(v.content, schools))), step.action, actor.id);
    if (!check.ok) throw new WorkflowError(check.code === 'forbidden' ? 'forbidden' : 'not_allowed', check.reason, check.code === 'forbidden' ? 403 : 409);
    const onBehalfOf = step.onBehalfOf ? actingFor(actor.grants, step.onBehalfOf, p.district_code) : null;
    const extra = (await step.before?.(trx, p, v, { grants: actor.grants, onBehalfOf })) ?? {};
    const update = { ...step.update, ...extra, state: check.to, updated_at: now(), row_version: p.row_version + 1 };
    const r = await trx.updateTable('plan').set(update).where('id', '=', planId).where('row_version', '=', p.row_version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new ConflictError('Someone else changed this plan at the same moment. Nothing was saved; reload and try again.', []);
    const version = (update as Partial<PlanRow>).current_version ?? p.current_version;
    if (step.event) {
      await trx.insertInto('plan_event').values({ plan_id: planId, version, kind: step.event.kind, user_id: user.id, on_behalf_of: onBehalfOf, data: JSON.stringify(typeof step.event.data === 'function' ? step.event.data() : step.event.data), at: now() }).execute();
    }
    await appendAudit(trx, {
      actor: actorOf(user),
      onBehalfOf: onBehalfOf === null ? null : `user:${onBehalfOf}`,
      action: step.audit.action,
      subject: `plan:${planId}`,
      details: { district: p.district_code, version, from: p.state, to: check.to, ...(typeof step.audit.details === 'function' ? step.audit.details() : step.audit.details) },
    });
    for (const m of (await step.mail?.(trx, { ...p, ...update } as PlanRow)) ?? []) await queueMail(trx, m);
    return { ...p, ...update } as PlanRow;
  });
}

/**
 * What changed in the plan since the row version the person loaded (for the conflict message) —
 * only what the person may see: reviewers' scores and internal notes are listed for the state's
 * reviewers alone, so a refused save does not tell a district that they exist.
 */
async function changesSince(db: Executor, planId: number, now: PlanRow, internal: boolean): Promise<string[]> {
  const changes: string[] = [];
  const versions = await db.selectFrom('plan_version').select(['version', 'created_by', 'created_at']).where('plan_id', '=', planId).orderBy('version').execute();
  const events = (await db.selectFrom('plan_event').select(['kind', 'at', 'user_id', 'data']).where('plan_id', '=', planId).orderBy('id').execute()).filter(
    (e) => internal || !(e.kind === 'score' || (e.kind === 'comment' && (JSON.parse(e.data) as { internal?: boolean }).internal === true)),
  );
  changes.push(`The plan is now at version ${now.current_version} (state: ${now.state}); it changed since you loaded it.`);
  const ids = [...new Set([...versions.map((v) => Number(v.created_by)), ...events.map((e) => Number(e.user_id))])];
  const names = new Map(ids.length ? (await db.selectFrom('app_user').select(['id', 'name']).where('id', 'in', ids).execute()).map((u) => [Number(u.id), u.name]) : []);
  const by = (id: number | string) => names.get(Number(id)) ?? `user ${id}`;
  const when = (at: string) => `${at.slice(0, 16).replace('T', ' ')} UTC`;
  for (const v of versions.slice(-3)) changes.push(`Version ${v.version} saved ${when(v.created_at)} by ${by(v.created_by)}.`);
  for (const e of events.slice(-3)) changes.push(`${e.kind.replace(/-/g, ' ')} at ${when(e.at)} by ${by(e.user_id)}.`);
  return changes;
}

export interface DraftInput {
  readonly content: PlanContent;
  readonly budget: readonly BudgetLine[];
  /** The plan's row version when the person opened it. */
  readonly expectedRowVersion: number;
}

/** Saves the draft as a new version (every version is kept); the board approval and certification of an earlier version no longer apply. */
export async function saveDraft(store: Store, user: User, planId: number, input: DraftInput): Promise<PlanRow> {
  return transact(store, user, planId, {
    action: 'save',
    expectedRowVersion: input.expectedRowVersion,
    audit: { action: 'plan.saved' },
    async before(trx, p, v) {
      const hash = contentHash(input.content, input.budget);
      if (hash === v.hash) return {};
      const version = p.current_version + 1;
      await trx.insertInto('plan_version').values({ plan_id: planId, version, content: JSON.stringify(input.content), budget: JSON.stringify(input.budget), content_hash: hash, created_by: user.id, created_at: now() }).execute();
      return { current_version: version };
    },
  });
}

export interface BoardApproval {
  readonly meetingDate: string;
  readonly votesFor: number;
  readonly votesAgainst: number;
  readonly abstentions: number;
  /** Minutes already uploaded to this plan (the API), or null. */
  readonly minutesUploadId: number | null;
  /** Minutes that come with the vote: stored in the vote's own transaction, so a refused vote keeps no file. */
  readonly minutes?: PreparedUpload | null;
}

/** The meeting date and the vote, checked before anything is stored (the page checks them before keeping the minutes). */
export function checkBoardApproval(b: Pick<BoardApproval, 'meetingDate' | 'votesFor' | 'votesAgainst' | 'abstentions'>, today = new Date().toISOString().slice(0, 10)): void {
  if (!isCalendarDate(b.meetingDate)) throw new WorkflowError('invalid', 'Give the meeting date as a real calendar date (YYYY-MM-DD).', 400);
  if (b.meetingDate > today) throw new WorkflowError('invalid', `The meeting date ${b.meetingDate} is in the future: record the board's vote once it has been taken.`, 400);
  if (![b.votesFor, b.votesAgainst, b.abstentions].every((n) => Number.isInteger(n) && n >= 0 && n < 100)) throw new WorkflowError('invalid', 'Votes must be whole numbers.', 400);
  if (b.votesFor <= b.votesAgainst) throw new WorkflowError('invalid', 'The vote recorded does not approve the plan (more votes for than against are needed).', 400);
}

/**
 * The board's vote on the current version, with the minutes (a file of this plan; the page
 * requires them, the demo seed has none). The minutes' hash goes into the audit trail, so the
 * approval is tied to the exact file. Minutes that come with the vote are stored in the same
 * transaction: a vote refused (a stale form, a plan no longer editable) keeps no file.
 */
export async function recordBoardApproval(store: Store, user: User, planId: number, b: BoardApproval, expectedRowVersion?: number): Promise<PlanRow> {
  checkBoardApproval(b);
  let minutes: { id: number; name: string; sha256: string } | null = null;
  if (b.minutesUploadId !== null) {
    // Uploads never change once stored, so reading it before the transaction is safe.
    const u = await store.db.selectFrom('upload').select(['id', 'plan_id', 'name', 'sha256']).where('id', '=', b.minutesUploadId).executeTakeFirst();
    if (!u || u.plan_id === null || Number(u.plan_id) !== planId) throw new WorkflowError('invalid', 'The minutes must be a file uploaded to this plan.', 400);
    minutes = { id: Number(u.id), name: u.name, sha256: u.sha256 };
  }
  const vote = { meetingDate: b.meetingDate, votesFor: b.votesFor, votesAgainst: b.votesAgainst, abstentions: b.abstentions };
  try {
    return await transact(store, user, planId, {
      action: 'record-board-approval',
      ...(expectedRowVersion !== undefined ? { expectedRowVersion } : {}),
      audit: { action: 'plan.board-approved', details: () => ({ meetingDate: b.meetingDate, votes: [b.votesFor, b.votesAgainst, b.abstentions], ...(minutes ? { minutes: { upload: minutes.id, sha256: minutes.sha256 } } : {}) }) },
      event: { kind: 'board-approval', data: () => ({ ...vote, minutesUploadId: minutes?.id ?? null, ...(minutes ? { minutesName: minutes.name, minutesSha256: minutes.sha256 } : {}) }) },
      before: async (trx, p) => {
        const problem = cycleDateProblem('the meeting date', b.meetingDate, (await getCycle(trx, p.cycle_id))!.fiscalYear, new Date().toISOString().slice(0, 10) as IsoDate);
        if (problem) throw new WorkflowError('invalid', problem, 400);
        if (b.minutes) {
          const stored = await insertUpload(trx, user, { planId }, b.minutes);
          minutes = { id: stored.id, name: stored.name, sha256: stored.sha256 };
        }
        return { board_approved_version: p.current_version };
      },
    });
  } catch (e) {
    if (b.minutes) await discardPrepared(store.db, b.minutes);
    throw e;
  }
}

/** The in-system signature: the account, the typed name, the time and the hash of the exact version signed. */
export async function certify(store: Store, user: User, planId: number, typedName: string, expectedRowVersion?: number): Promise<PlanRow> {
  const typed = typedName.trim();
  if (typed.toLowerCase() !== user.name.trim().toLowerCase()) throw new WorkflowError('invalid', `Type your name exactly as on your account (${user.name}) to sign.`, 400);
  return transact(store, user, planId, {
    action: 'certify',
    ...(expectedRowVersion !== undefined ? { expectedRowVersion } : {}),
    audit: { action: 'plan.certified', details: { typedName: typed } },
    before: async (_trx, p, v) => {
      await _trx.insertInto('plan_event').values({ plan_id: planId, version: p.current_version, kind: 'certification', user_id: user.id, on_behalf_of: null, data: JSON.stringify({ typedName: typed, contentHash: v.hash, assurances: true }), at: now() }).execute();
      return { certified_version: p.current_version };
    },
  });
}

export async function submit(store: Store, user: User, planId: number, expectedRowVersion?: number): Promise<PlanRow> {
  const step: Step = {
    action: 'submit',
    ...(expectedRowVersion !== undefined ? { expectedRowVersion } : {}),
    audit: { action: 'plan.submitted' },
    event: { kind: 'submission', data: {} },
  };
  try {
    return await transact(store, user, planId, step);
  } catch (e) {
    // A plan sent back for revisions is resubmitted.
    if (e instanceof WorkflowError && e.code === 'not_allowed' && (await loadPlan(store.db, planId)).state === 'revisions-requested') {
      return transact(store, user, planId, { ...step, action: 'resubmit', audit: { action: 'plan.resubmitted' } });
    }
    throw e;
  }
}

/**
 * Names the plan's review committee: active program staff with no role in the district. Someone
 * not on the committee cannot add themselves to one that exists (the committee-only rule would
 * mean nothing otherwise); naming the first committee, they may include themselves.
 */
export async function assignReviewers(store: Store, user: User, planId: number, reviewerIds: readonly number[], expectedRowVersion?: number): Promise<PlanRow> {
  const ids = [...new Set(reviewerIds)];
  if (ids.length === 0) throw new WorkflowError('invalid', 'Choose at least one reviewer.', 400);
  return transact(store, user, planId, {
    action: 'assign-reviewers',
    ...(expectedRowVersion !== undefined ? { expectedRowVersion } : {}),
    update: { reviewers: JSON.stringify(ids) },
    audit: { action: 'plan.reviewers-assigned', details: { reviewers: ids } },
    event: { kind: 'reviewers', data: { reviewers: ids } },
    before: async (trx, p) => {
      const current = JSON.parse(p.reviewers) as number[];
      if (current.length && !current.includes(user.id) && ids.includes(user.id)) {
        throw new WorkflowError('forbidden', 'You are not on this plan\'s review committee, so you cannot add yourself to it; ask whoever leads the review.', 403);
      }
      for (const id of ids) {
        const r = await userById(trx, id);
        const ok = r && r.status === 'active' && r.grants.some((g) => g.delegatedBy === undefined && g.role === 'program-staff') && !holdsDistrictRole(r.grants, p.district_code);
        if (!ok) throw new WorkflowError('invalid', `Reviewer ${id} is not active program staff free of any role in this district; choose reviewers from the list.`, 400);
      }
    },
  });
}

/** A reviewer's score for one section of the cycle's rubric, with a comment. */
export async function score(store: Store, user: User, planId: number, input: { section: string; score: number; comment: string }, expectedRowVersion?: number): Promise<PlanRow> {
  const plan = await store.db.selectFrom('plan').select('cycle_id').where('id', '=', planId).executeTakeFirst();
  if (!plan) throw new WorkflowError('not_found', `There is no plan ${planId}.`, 404);
  const rubric = (await getCycle(store.db, plan.cycle_id))!.settings.rubric;
  if (!rubric.some((r) => r.id === input.section)) throw new WorkflowError('invalid', `"${input.section}" is not a section of this cycle's rubric.`, 400);
  if (!Number.isInteger(input.score) || input.score < SCORE_MIN || input.score > SCORE_MAX) throw new WorkflowError('invalid', `A rubric score is ${SCORE_MIN} to ${SCORE_MAX}.`, 400);
  return transact(store, user, planId, { action: 'score', ...(expectedRowVersion !== undefined ? { expectedRowVersion } : {}), audit: { action: 'plan.scored', details: { section: input.section, score: input.score } }, event: { kind: 'score', data: { ...input } } });
}

/** A comment in the plan's thread; internal ones stay with the state. */
export async function comment(store: Store, user: User, planId: number, input: { body: string; section?: string | null; internal?: boolean; parentId?: number | null }): Promise<void> {
  const body = input.body.trim();
  if (!body) throw new WorkflowError('invalid', 'Write the comment first.', 400);
  if (body.length > 5000) throw new WorkflowError('invalid', 'A comment is at most 5,000 characters.', 400);
  await inTransaction(store, async (trx) => {
    const p = await loadPlan(trx, planId);
    if (!can(user.grants, PERMISSIONS.commentPlanOwn, p.district_code)) throw new WorkflowError('forbidden', 'You cannot comment on this plan.', 403);
    const state = can(user.grants, PERMISSIONS.commentPlanAny, p.district_code) && can(user.grants, PERMISSIONS.reviewPlanAny, p.district_code);
    let internal = Boolean(input.internal) && state;
    if (input.parentId != null) {
      // A reply: to a comment of this plan that the person can see; a reply to an internal note stays internal.
      const parent = await trx.selectFrom('plan_event').select(['kind', 'data']).where('id', '=', input.parentId).where('plan_id', '=', planId).executeTakeFirst();
      const parentInternal = parent ? (JSON.parse(parent.data) as { internal?: boolean }).internal === true : false;
      if (!parent || parent.kind !== 'comment' || (parentInternal && !state)) throw new WorkflowError('invalid', 'There is no such comment to reply to.', 400);
      internal = internal || parentInternal;
    }
    await trx.insertInto('plan_event').values({ plan_id: planId, version: p.current_version, kind: 'comment', user_id: user.id, on_behalf_of: null, data: JSON.stringify({ body, section: input.section ?? null, internal, parentId: input.parentId ?? null }), at: now() }).execute();
    await appendAudit(trx, { actor: actorOf(user), action: 'plan.commented', subject: `plan:${planId}`, details: { internal, section: input.section ?? null } });
  });
}

export async function requestRevisions(store: Store, user: User, planId: number, message: string, expectedRowVersion?: number): Promise<PlanRow> {
  if (!message.trim()) throw new WorkflowError('invalid', 'Say what the district should revise.', 400);
  return transact(store, user, planId, {
    action: 'request-revisions',
    ...(expectedRowVersion !== undefined ? { expectedRowVersion } : {}),
    // A revised version needs the board and the certification again.
    update: { certified_version: null },
    audit: { action: 'plan.revisions-requested' },
    event: { kind: 'decision', data: { decision: 'revisions-requested', message: message.trim() } },
    mail: async (trx, p) => districtContacts(trx, p.district_code, 'Revisions requested on your Alliance plan', `The state has asked for revisions to your plan:\n\n${message.trim()}\n`),
  });
}

export async function recommend(store: Store, user: User, planId: number, note: string, expectedRowVersion?: number): Promise<PlanRow> {
  return transact(store, user, planId, { action: 'recommend', ...(expectedRowVersion !== undefined ? { expectedRowVersion } : {}), audit: { action: 'plan.recommended' }, event: { kind: 'decision', data: { decision: 'recommended', message: note.trim() } } });
}

export type Decision = 'approve' | 'approve-with-conditions' | 'deny';

/** The commissioner's decision (or a delegate's, recorded as on the commissioner's behalf). */
export async function decide(store: Store, user: User, planId: number, decision: Decision, input: { conditions?: string }, expectedRowVersion?: number): Promise<PlanRow> {
  if (decision === 'approve-with-conditions' && !input.conditions?.trim()) throw new WorkflowError('invalid', 'State the conditions of the approval.', 400);
  return transact(store, user, planId, {
    action: decision,
    ...(expectedRowVersion !== undefined ? { expectedRowVersion } : {}),
    // A delegate decides on the commissioner's behalf, and the record says so.
    onBehalfOf: PERMISSIONS.approvePlanAny,
    audit: { action: `plan.${decision === 'approve' ? 'approved' : decision === 'deny' ? 'denied' : 'approved-with-conditions'}`, details: { conditions: input.conditions ?? null } },
    event: { kind: 'decision', data: { decision, conditions: input.conditions?.trim() ?? null } },
    // The release stays as it was: an allocation is released once per cycle (ADR 011).
    before: async (_trx, p) => (decision === 'deny' ? {} : { approved_version: p.current_version, published: 1 }),
    mail: async (trx, p) => districtContacts(trx, p.district_code, `Your Alliance plan was ${decision === 'deny' ? 'not approved' : 'approved'}`, decision === 'deny' ? 'The commissioner did not approve the plan.\n' : `The commissioner approved the plan${input.conditions ? ` with conditions:\n\n${input.conditions}` : '.'}\n`),
  });
}

/** The release of a cycle's funds to a district, if there has been one. */
export async function releaseOf(db: Executor, cycleId: number, districtCode: string): Promise<{ amountCents: number; date: IsoDate; planId: number; at: string } | null> {
  const r = await db.selectFrom('fund_release').select(['amount_cents', 'released_on', 'plan_id', 'at']).where('cycle_id', '=', cycleId).where('district_code', '=', districtCode).executeTakeFirst();
  return r ? { amountCents: Number(r.amount_cents), date: r.released_on as IsoDate, planId: Number(r.plan_id), at: r.at } : null;
}

/** Whether a database refused a row because of a unique key (SQLite and PostgreSQL). */
function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * Records the release of the withheld amount: the date, the amount and the approving official —
 * in the release record (one per cycle and district: an allocation is released once, ADR 011),
 * on the plan's history, and in the audit row itself.
 */
export async function releaseFunds(store: Store, user: User, planId: number, input: { date: string; amountCents?: number }, expectedRowVersion?: number, today = new Date().toISOString().slice(0, 10) as IsoDate): Promise<PlanRow> {
  let recorded: { amountCents: number; approvedBy: number | null; approvedVersion: number | null } | null = null;
  try {
    return await transact(store, user, planId, {
      action: 'release-funds',
      ...(expectedRowVersion !== undefined ? { expectedRowVersion } : {}),
      update: { funds_released: 1 },
      onBehalfOf: PERMISSIONS.releaseFundsAny,
      audit: { action: 'funds.released', details: () => ({ date: input.date, ...recorded }) },
      before: async (trx, p, _v, { onBehalfOf }) => {
        const cycle = (await getCycle(trx, p.cycle_id))!;
        const dateProblem = cycleDateProblem('the release date', input.date, cycle.fiscalYear, today);
        if (dateProblem) throw new WorkflowError('invalid', dateProblem, 400);
        const amount = input.amountCents ?? p.allocation_cents;
        const problem = releaseProblem(amount, p.allocation_cents, await releaseOf(trx, p.cycle_id, p.district_code));
        if (problem) throw new WorkflowError(problem.startsWith('The funds') ? 'not_allowed' : 'invalid', problem, problem.startsWith('The funds') ? 409 : 400);
        const approval = await trx.selectFrom('plan_event').select(['user_id', 'on_behalf_of']).where('plan_id', '=', planId).where('kind', '=', 'decision').orderBy('id', 'desc').executeTakeFirst();
        const approvedBy = approval ? Number(approval.on_behalf_of ?? approval.user_id) : null;
        recorded = { amountCents: amount, approvedBy, approvedVersion: p.approved_version };
        await trx
          .insertInto('fund_release')
          .values({ cycle_id: p.cycle_id, district_code: p.district_code, plan_id: planId, amount_cents: amount, released_on: input.date, approved_version: p.approved_version, approved_by: approvedBy, recorded_by: user.id, on_behalf_of: onBehalfOf, at: now() })
          .execute();
        await trx.insertInto('plan_event').values({ plan_id: planId, version: p.current_version, kind: 'release', user_id: user.id, on_behalf_of: onBehalfOf, data: JSON.stringify({ date: input.date, amountCents: amount, approvedBy }), at: now() }).execute();
      },
    });
  } catch (e) {
    // Another release of the same cycle's funds was stored first (two requests at once).
    if (isUniqueViolation(e)) throw new WorkflowError('not_allowed', 'The funds for this cycle have already been released; an allocation is released once.', 409);
    throw e;
  }
}

/** Starts an amendment of an approved plan: a new draft version, reviewed on a lighter path. */
export async function startAmendment(store: Store, user: User, planId: number, expectedRowVersion?: number): Promise<PlanRow> {
  return transact(store, user, planId, {
    action: 'start-amendment',
    ...(expectedRowVersion !== undefined ? { expectedRowVersion } : {}),
    update: { amendment: 1, board_approved_version: null, certified_version: null, reviewers: '[]' },
    audit: { action: 'plan.amendment-started' },
    event: { kind: 'amendment', data: {} },
  });
}

async function districtContacts(db: Executor, districtCode: string, subject: string, body: string) {
  const rows = await db
    .selectFrom('user_grant')
    .innerJoin('app_user', 'app_user.id', 'user_grant.user_id')
    .select(['app_user.email', 'app_user.name'])
    .where('user_grant.district_code', '=', districtCode)
    .where('user_grant.role', 'in', ['district-editor', 'district-representative'])
    .where('app_user.status', '=', 'active')
    .execute();
  return [...new Map(rows.map((r) => [r.email, r])).values()].map((r) => ({ to: r.email, subject, body: `Hello ${r.name},\n\n${body}`, kind: 'notice' }));
}

export interface VersionDiff {
  readonly from: number;
  readonly to: number;
  readonly sections: readonly { section: string; changed: boolean; before: string; after: string }[];
  readonly budget: readonly { id: string; change: 'added' | 'removed' | 'changed'; before: BudgetLine | null; after: BudgetLine | null }[];
}

/** What changed between two versions: section by section, and line by line in the budget. */
export async function diffVersions(db: Executor, planId: number, from: number, to: number): Promise<VersionDiff> {
  const a = await loadVersion(db, planId, from);
  const b = await loadVersion(db, planId, to);
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
  /** The next deadline for this plan's stage and whether it has passed. */
  /** The deadline the plan faces next; `extended` when it is the district's own later date. */
  readonly nextDeadline: { readonly name: keyof Deadlines; readonly date: string; readonly overdue: boolean; readonly extended: boolean } | null;
}

/** The staff board: every district's stage in a cycle, with the deadline it faces. */
export async function cycleBoard(db: Executor, cycleId: number, today = new Date().toISOString().slice(0, 10)): Promise<BoardRow[]> {
  const cycle = await getCycle(db, cycleId);
  if (!cycle) throw new WorkflowError('not_found', `There is no cycle ${cycleId}.`, 404);
  const plans = await db.selectFrom('plan').selectAll().where('cycle_id', '=', cycleId).orderBy('district_code').execute();
  const names = new Map((await listDistricts(db)).map((d) => [d.code as string, d.name]));
  return plans.map((p) => {
    const state = p.state as PlanState;
    const deadlineName = pendingDeadline(state, p.board_approved_version === p.current_version);
    const optional = planOptional(Number(p.allocation_cents), cycle.settings.noAllocationPolicy);
    const { deadlines } = planDeadlines(cycle, p.deadline_extensions);
    const date = deadlineName ? deadlines[deadlineName] : null;
    const extended = deadlineName ? deadlines[deadlineName] !== cycle.deadlines[deadlineName] : false;
    return {
      planId: Number(p.id),
      districtCode: p.district_code,
      districtName: names.get(p.district_code) ?? p.district_code,
      state,
      allocationCents: cents(Number(p.allocation_cents)),
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
  readonly release: { date: string; amountCents: number } | null;
}

/** The approved plans of a district, for its public page: the narrative and the budget by area. */
export async function publishedPlans(db: Executor, districtCode: string): Promise<PublishedPlan[]> {
  const plans = await db.selectFrom('plan').selectAll().where('district_code', '=', districtCode).where('published', '=', 1).execute();
  const out: PublishedPlan[] = [];
  for (const p of plans) {
    if (p.approved_version === null) continue;
    const cycle = (await getCycle(db, p.cycle_id))!;
    const v = await loadVersion(db, Number(p.id), p.approved_version);
    const events = await db.selectFrom('plan_event').select(['kind', 'data']).where('plan_id', '=', Number(p.id)).where('kind', 'in', ['decision', 'release']).orderBy('id', 'desc').execute();
    const decision = events.map((e) => ({ kind: e.kind, data: JSON.parse(e.data) as Record<string, unknown> })).find((e) => e.kind === 'decision' && (e.data.decision === 'approve' || e.data.decision === 'approve-with-conditions'));
    const release = events.find((e) => e.kind === 'release');
    const summary = summariseBudget(v.budget, cents(Number(p.allocation_cents)), cycle.settings.substantialMajority);
    out.push({
      fiscalYear: cycle.fiscalYear,
      planId: Number(p.id),
      decision: decision?.data.decision === 'approve-with-conditions' ? 'approved-with-conditions' : 'approved',
      conditions: (decision?.data.conditions as string | null | undefined) ?? null,
      narrative: v.content.narrative,
      goals: v.content.goals,
      strategies: v.content.strategies,
      budgetByArea: summary.byArea,
      totalCents: summary.totalCents,
      release: release ? (JSON.parse(release.data) as { date: string; amountCents: number }) : null,
    });
  }
  return out.sort((a, b) => b.fiscalYear - a.fiscalYear);
}
