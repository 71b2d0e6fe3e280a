/**
 * What every plan command shares: the plan read with its cycle and current version, the facts the
 * state machine decides on, and `transact` — check, apply, record, audit, in one transaction.
 */
import { createHash } from 'node:crypto';
import { inTransaction, type Store } from '../../data/database.ts';
import type { Executor } from '../../data/batch.ts';
import { getCycle } from '../../data/cycle.repository.ts';
import { schoolsOf } from '../../data/district.repository.ts';
import { appendEvent, eventsOf } from '../../data/plan-event.repository.ts';
import { getPlan, getVersion, listVersions, updatePlanIf, type PlanRow, type PlanUpdate, type PlanVersion } from '../../data/plan.repository.ts';
import { userNames } from '../../data/user.repository.ts';
import { canonicalJson } from '../../domain/audit/chain.ts';
import { actingFor, can, PERMISSIONS, type Grant, type Permission } from '../../domain/auth/permissions.ts';
import type { DistrictCode } from '../../domain/district.ts';
import { cents } from '../../domain/money/cents.ts';
import { summariseBudget, type BudgetLine, type BudgetSummary } from '../../domain/workflow/budget.ts';
import { contentComplete, contentIssues, type PlanContent } from '../../domain/workflow/content.ts';
import type { Cycle } from '../../domain/workflow/cycle.ts';
import { isInternalEvent, type PlanEventData } from '../../domain/workflow/events.ts';
import { canTransition, type PlanAction, type PlanFacts, type PlanState } from '../../domain/workflow/plan.ts';
import { appendAudit } from '../audit.service.ts';
import { userById, type User } from '../auth.service.ts';
import { queueMail, type Mail } from '../mail.service.ts';
import { ConflictError, WorkflowError } from '../workflow-errors.ts';

export { ConflictError, WorkflowError };
export type { PlanRow };

export const now = () => new Date().toISOString();
export const actorOf = (u: { id: number }) => `user:${u.id}`;
export const contentHash = (content: PlanContent, budget: readonly BudgetLine[]) => createHash('sha256').update(canonicalJson({ content, budget })).digest('hex');

export async function requirePlan(db: Executor, planId: number): Promise<PlanRow> {
  const p = await getPlan(db, planId);
  if (!p) throw new WorkflowError('not_found', `There is no plan ${planId}.`, 404);
  return p;
}

export async function requireCycle(db: Executor, cycleId: number): Promise<Cycle> {
  const c = await getCycle(db, cycleId);
  if (!c) throw new WorkflowError('not_found', `There is no cycle ${cycleId}.`, 404);
  return c;
}

export async function requireVersion(db: Executor, planId: number, version: number): Promise<PlanVersion> {
  const v = await getVersion(db, planId, version);
  if (!v) throw new WorkflowError('not_found', `Plan ${planId} has no version ${version}.`, 404);
  return v;
}

/** The district's schools in the state directory, by name (what interventions and budget lines name). */
export async function schoolNames(db: Executor, districtCode: string): Promise<string[]> {
  return (await schoolsOf(db, districtCode as DistrictCode)).map((x) => x.name);
}

/**
 * The person as they are now, read in the transaction: a role revoked, an account disabled or a
 * delegation ended since the page was loaded no longer counts (a permission holds only while its
 * reason holds).
 */
export async function activeActor(trx: Executor, user: User): Promise<User> {
  const actor = await userById(trx, user.id);
  if (!actor || actor.status !== 'active') throw new WorkflowError('forbidden', 'Your account is no longer active.', 403);
  return actor;
}

export const reviewersOf = (p: PlanRow): number[] => JSON.parse(p.reviewers) as number[];

export function facts(p: PlanRow, budget: BudgetSummary, contentOk: boolean): PlanFacts {
  const committee = reviewersOf(p);
  return {
    state: p.state as PlanState,
    districtCode: p.district_code,
    boardApproved: p.board_approved_version === p.current_version,
    certified: p.certified_version === p.current_version,
    budgetBalanced: budget.balanced,
    contentComplete: contentOk,
    reviewersAssigned: committee.length > 0,
    committee,
    fundsReleased: Boolean(p.funds_released),
    amendment: Boolean(p.amendment),
  };
}

/** A plan with what the state machine needs: its cycle, its current version, the budget's summary and the facts. */
export async function planState(db: Executor, p: PlanRow) {
  const cycle = (await getCycle(db, p.cycle_id))!;
  const v = await requireVersion(db, p.id, p.current_version);
  const schools = await schoolNames(db, p.district_code);
  const summary = summariseBudget(v.budget, cents(p.allocation_cents), cycle.settings.substantialMajority, new Set(v.content.strategies.map((s) => s.id)), schools);
  const issues = contentIssues(v.content, schools);
  return { cycle, version: v, schools, summary, issues, facts: facts(p, summary, contentComplete(issues)) };
}

type NewEvent = Exclude<PlanEventData, { kind: 'other' }>;

export interface Step {
  readonly action: PlanAction;
  readonly expectedRowVersion?: number | undefined;
  /** Changes to the plan row besides state and row version. */
  readonly update?: PlanUpdate;
  /** The event to record; a function when it needs what `before` stored (e.g. the id of a file). */
  readonly event?: NewEvent | (() => NewEvent);
  /** `details` may be computed after `before` ran (e.g. the amount a release recorded). */
  readonly audit: { action: string; details?: Record<string, unknown> | (() => Record<string, unknown>) };
  /** A permission a delegate may exercise: the step is then recorded as on the delegating person's behalf. */
  readonly onBehalfOf?: Permission;
  /** Extra work in the same transaction, after the checks (e.g. a new version). */
  readonly before?: (trx: Executor, p: PlanRow, v: PlanVersion, acting: { grants: readonly Grant[]; onBehalfOf: number | null; cycle: Cycle }) => Promise<PlanUpdate | void>;
  /** Messages to queue, read through the transaction (on SQLite the transaction holds the only connection). */
  readonly mail?: (trx: Executor, p: PlanRow, cycle: Cycle) => Promise<Mail[]>;
}

/** One workflow step: check, apply, record, audit — in one transaction. */
export async function transact(store: Store, user: User, planId: number, step: Step): Promise<PlanRow> {
  return inTransaction(store, async (trx) => {
    const p = await requirePlan(trx, planId);
    if (step.expectedRowVersion !== undefined && step.expectedRowVersion !== p.row_version) {
      throw new ConflictError('Someone else changed this plan since you opened it. Nothing was saved; reload to see their changes.', await changesSince(trx, planId, p, can(user.grants, PERMISSIONS.reviewPlanAny, p.district_code)));
    }
    const { cycle, version: v, facts: f } = await planState(trx, p);
    const actor = await activeActor(trx, user);
    const check = canTransition(actor.grants, f, step.action, actor.id);
    if (!check.ok) throw new WorkflowError(check.code === 'forbidden' ? 'forbidden' : 'not_allowed', check.reason, check.code === 'forbidden' ? 403 : 409);
    const onBehalfOf = step.onBehalfOf ? actingFor(actor.grants, step.onBehalfOf, p.district_code) : null;
    const extra = (await step.before?.(trx, p, v, { grants: actor.grants, onBehalfOf, cycle })) ?? {};
    const update: PlanUpdate = { ...step.update, ...extra, state: check.to, updated_at: now(), row_version: p.row_version + 1 };
    if (!(await updatePlanIf(trx, planId, p.row_version, update))) throw new ConflictError('Someone else changed this plan at the same moment. Nothing was saved; reload and try again.', []);
    const version = update.current_version ?? p.current_version;
    if (step.event) await appendEvent(trx, { planId, version, userId: user.id, onBehalfOf, at: now(), event: typeof step.event === 'function' ? step.event() : step.event });
    await appendAudit(trx, {
      actor: actorOf(user),
      onBehalfOf: onBehalfOf === null ? null : `user:${onBehalfOf}`,
      action: step.audit.action,
      subject: `plan:${planId}`,
      details: { district: p.district_code, version, from: p.state, to: check.to, ...(typeof step.audit.details === 'function' ? step.audit.details() : step.audit.details) },
    });
    const after = { ...p, ...update } as PlanRow;
    for (const m of (await step.mail?.(trx, after, cycle)) ?? []) await queueMail(trx, m);
    return after;
  });
}

/**
 * What changed in the plan since the row version the person loaded (for the conflict message) —
 * only what the person may see: reviewers' scores and internal notes are listed for the state's
 * reviewers alone, so a refused save does not tell a district that they exist.
 */
async function changesSince(db: Executor, planId: number, current: PlanRow, internal: boolean): Promise<string[]> {
  const changes: string[] = [];
  const versions = await listVersions(db, planId);
  const events = (await eventsOf(db, planId)).filter((e) => internal || !isInternalEvent(e));
  changes.push(`The plan is now at version ${current.current_version} (state: ${current.state}); it changed since you loaded it.`);
  const names = await userNames(db, [...new Set([...versions.map((v) => v.createdBy), ...events.map((e) => e.userId)])]);
  const by = (id: number) => names.get(id) ?? `user ${id}`;
  const when = (at: string) => `${at.slice(0, 16).replace('T', ' ')} UTC`;
  for (const v of versions.slice(-3)) changes.push(`Version ${v.version} saved ${when(v.createdAt)} by ${by(v.createdBy)}.`);
  for (const e of events.slice(-3)) {
    const name = e.kind === 'other' ? e.name : e.kind;
    changes.push(`${name.replace(/-/g, ' ')} at ${when(e.at)} by ${by(e.userId)}.`);
  }
  return changes;
}
