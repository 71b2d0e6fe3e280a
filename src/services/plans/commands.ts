/**
 * The plan commands: a district drafts, its board approves, its representative signs and
 * submits; the state's reviewers score, comment, send back or recommend; the commissioner
 * decides; approval's funds are released once; an approved plan can be amended. Each is one
 * `transact` step: the state machine checks it, a stale edit is refused, every version is kept
 * and the audit trail gets a row.
 */
import { inTransaction, type Store } from '../../data/database.ts';
import { appendEvent, eventOf, latestDecider } from '../../data/plan-event.repository.ts';
import { getPlan, insertRelease, insertVersion, isUniqueViolation, releaseOf, type PlanRow } from '../../data/plan.repository.ts';
import { can, holdsDistrictRole, PERMISSIONS } from '../../domain/auth/permissions.ts';
import type { BudgetLine } from '../../domain/workflow/budget.ts';
import type { PlanContent } from '../../domain/workflow/content.ts';
import { SCORE_MAX, SCORE_MIN } from '../../domain/workflow/rubric.ts';
import { cycleDateProblem, releaseProblem } from '../../domain/workflow/release.ts';
import { isCalendarDate, type IsoDate } from '../../domain/time/fiscal-year.ts';
import { appendAudit } from '../audit.service.ts';
import { userById, type User } from '../auth.service.ts';
import { discardPrepared, insertUpload, uploadOfPlan, type PreparedUpload } from '../upload.service.ts';
import { actorOf, contentHash, now, requireCycle, requirePlan, reviewersOf, transact, WorkflowError, type Step } from './core.ts';
import { districtNotice } from './notices.ts';

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
      await insertVersion(trx, { planId, version, content: input.content, budget: input.budget, hash, createdBy: user.id, at: now() });
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
    minutes = await uploadOfPlan(store.db, b.minutesUploadId, planId);
    if (!minutes) throw new WorkflowError('invalid', 'The minutes must be a file uploaded to this plan.', 400);
  }
  const vote = { meetingDate: b.meetingDate, votesFor: b.votesFor, votesAgainst: b.votesAgainst, abstentions: b.abstentions };
  try {
    return await transact(store, user, planId, {
      action: 'record-board-approval',
      expectedRowVersion,
      audit: { action: 'plan.board-approved', details: () => ({ meetingDate: b.meetingDate, votes: [b.votesFor, b.votesAgainst, b.abstentions], ...(minutes ? { minutes: { upload: minutes.id, sha256: minutes.sha256 } } : {}) }) },
      event: () => ({ kind: 'board-approval', ...vote, minutesUploadId: minutes?.id ?? null, minutesName: minutes?.name ?? null, minutesSha256: minutes?.sha256 ?? null }),
      before: async (trx, p, _v, { cycle }) => {
        const problem = cycleDateProblem('the meeting date', b.meetingDate, cycle.fiscalYear, new Date().toISOString().slice(0, 10) as IsoDate);
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
    expectedRowVersion,
    audit: { action: 'plan.certified', details: { typedName: typed } },
    before: async (trx, p, v) => {
      await appendEvent(trx, { planId, version: p.current_version, userId: user.id, onBehalfOf: null, at: now(), event: { kind: 'certification', typedName: typed, contentHash: v.hash, assurances: true } });
      return { certified_version: p.current_version };
    },
  });
}

export async function submit(store: Store, user: User, planId: number, expectedRowVersion?: number): Promise<PlanRow> {
  const step: Step = { action: 'submit', expectedRowVersion, audit: { action: 'plan.submitted' }, event: { kind: 'submission' } };
  try {
    return await transact(store, user, planId, step);
  } catch (e) {
    // A plan sent back for revisions is resubmitted.
    if (e instanceof WorkflowError && e.code === 'not_allowed' && (await getPlan(store.db, planId))?.state === 'revisions-requested') {
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
    expectedRowVersion,
    update: { reviewers: JSON.stringify(ids) },
    audit: { action: 'plan.reviewers-assigned', details: { reviewers: ids } },
    event: { kind: 'reviewers', reviewers: ids },
    before: async (trx, p) => {
      const current = reviewersOf(p);
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
  const plan = await requirePlan(store.db, planId);
  const rubric = (await requireCycle(store.db, plan.cycle_id)).settings.rubric;
  if (!rubric.some((r) => r.id === input.section)) throw new WorkflowError('invalid', `"${input.section}" is not a section of this cycle's rubric.`, 400);
  if (!Number.isInteger(input.score) || input.score < SCORE_MIN || input.score > SCORE_MAX) throw new WorkflowError('invalid', `A rubric score is ${SCORE_MIN} to ${SCORE_MAX}.`, 400);
  return transact(store, user, planId, { action: 'score', expectedRowVersion, audit: { action: 'plan.scored', details: { section: input.section, score: input.score } }, event: { kind: 'score', section: input.section, score: input.score, comment: input.comment } });
}

/** A comment in the plan's thread; internal ones stay with the state. */
export async function comment(store: Store, user: User, planId: number, input: { body: string; section?: string | null; internal?: boolean; parentId?: number | null }): Promise<void> {
  const body = input.body.trim();
  if (!body) throw new WorkflowError('invalid', 'Write the comment first.', 400);
  if (body.length > 5000) throw new WorkflowError('invalid', 'A comment is at most 5,000 characters.', 400);
  await inTransaction(store, async (trx) => {
    const p = await requirePlan(trx, planId);
    if (!can(user.grants, PERMISSIONS.commentPlanOwn, p.district_code)) throw new WorkflowError('forbidden', 'You cannot comment on this plan.', 403);
    const state = can(user.grants, PERMISSIONS.commentPlanAny, p.district_code) && can(user.grants, PERMISSIONS.reviewPlanAny, p.district_code);
    let internal = Boolean(input.internal) && state;
    if (input.parentId != null) {
      // A reply: to a comment of this plan that the person can see; a reply to an internal note stays internal.
      const parent = await eventOf(trx, planId, input.parentId);
      if (!parent || parent.kind !== 'comment' || (parent.internal && !state)) throw new WorkflowError('invalid', 'There is no such comment to reply to.', 400);
      internal = internal || parent.internal;
    }
    await appendEvent(trx, { planId, version: p.current_version, userId: user.id, onBehalfOf: null, at: now(), event: { kind: 'comment', body, section: input.section ?? null, internal, parentId: input.parentId ?? null } });
    await appendAudit(trx, { actor: actorOf(user), action: 'plan.commented', subject: `plan:${planId}`, details: { internal, section: input.section ?? null } });
  });
}

export async function requestRevisions(store: Store, user: User, planId: number, message: string, expectedRowVersion?: number): Promise<PlanRow> {
  if (!message.trim()) throw new WorkflowError('invalid', 'Say what the district should revise.', 400);
  return transact(store, user, planId, {
    action: 'request-revisions',
    expectedRowVersion,
    // A revised version needs the board and the certification again.
    update: { certified_version: null },
    audit: { action: 'plan.revisions-requested' },
    event: { kind: 'decision', decision: 'revisions-requested', message: message.trim(), conditions: null },
    mail: async (trx, p) => districtNotice(trx, p.district_code, 'Revisions requested on your Alliance plan', `The state has asked for revisions to your plan:\n\n${message.trim()}\n`),
  });
}

export async function recommend(store: Store, user: User, planId: number, note: string, expectedRowVersion?: number): Promise<PlanRow> {
  return transact(store, user, planId, { action: 'recommend', expectedRowVersion, audit: { action: 'plan.recommended' }, event: { kind: 'decision', decision: 'recommended', message: note.trim() || null, conditions: null } });
}

export type Decision = 'approve' | 'approve-with-conditions' | 'deny';

/** The commissioner's decision (or a delegate's, recorded as on the commissioner's behalf). */
export async function decide(store: Store, user: User, planId: number, decision: Decision, input: { conditions?: string | undefined }, expectedRowVersion?: number): Promise<PlanRow> {
  const conditions = input.conditions?.trim() || null;
  if (decision === 'approve-with-conditions' && !conditions) throw new WorkflowError('invalid', 'State the conditions of the approval.', 400);
  return transact(store, user, planId, {
    action: decision,
    expectedRowVersion,
    // A delegate decides on the commissioner's behalf, and the record says so.
    onBehalfOf: PERMISSIONS.approvePlanAny,
    audit: { action: `plan.${decision === 'approve' ? 'approved' : decision === 'deny' ? 'denied' : 'approved-with-conditions'}`, details: { conditions: input.conditions ?? null } },
    event: { kind: 'decision', decision, message: null, conditions },
    // The release stays as it was: an allocation is released once per cycle (ADR 011).
    before: async (_trx, p) => (decision === 'deny' ? {} : { approved_version: p.current_version, published: 1 }),
    mail: async (trx, p) => districtNotice(trx, p.district_code, `Your Alliance plan was ${decision === 'deny' ? 'not approved' : 'approved'}`, decision === 'deny' ? 'The commissioner did not approve the plan.\n' : `The commissioner approved the plan${input.conditions ? ` with conditions:\n\n${input.conditions}` : '.'}\n`),
  });
}

/**
 * Records the release of the withheld amount: the date, the amount and the approving official —
 * in the release record (one per cycle and district: an allocation is released once, ADR 011),
 * on the plan's history, and in the audit row itself.
 */
export async function releaseFunds(store: Store, user: User, planId: number, input: { date: string; amountCents?: number | undefined }, expectedRowVersion?: number, today = new Date().toISOString().slice(0, 10) as IsoDate): Promise<PlanRow> {
  let recorded: { amountCents: number; approvedBy: number | null; approvedVersion: number | null } | null = null;
  try {
    return await transact(store, user, planId, {
      action: 'release-funds',
      expectedRowVersion,
      update: { funds_released: 1 },
      onBehalfOf: PERMISSIONS.releaseFundsAny,
      audit: { action: 'funds.released', details: () => ({ date: input.date, ...recorded }) },
      before: async (trx, p, _v, { onBehalfOf, cycle }) => {
        const dateProblem = cycleDateProblem('the release date', input.date, cycle.fiscalYear, today);
        if (dateProblem) throw new WorkflowError('invalid', dateProblem, 400);
        const amount = input.amountCents ?? p.allocation_cents;
        const problem = releaseProblem(amount, p.allocation_cents, await releaseOf(trx, p.cycle_id, p.district_code));
        if (problem) throw new WorkflowError(problem.startsWith('The funds') ? 'not_allowed' : 'invalid', problem, problem.startsWith('The funds') ? 409 : 400);
        const approvedBy = await latestDecider(trx, planId);
        recorded = { amountCents: amount, approvedBy, approvedVersion: p.approved_version };
        await insertRelease(trx, { cycleId: p.cycle_id, districtCode: p.district_code, planId, amountCents: amount, date: input.date, approvedVersion: p.approved_version, approvedBy, recordedBy: user.id, onBehalfOf, at: now() });
        await appendEvent(trx, { planId, version: p.current_version, userId: user.id, onBehalfOf, at: now(), event: { kind: 'release', date: input.date, amountCents: amount, approvedBy } });
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
    expectedRowVersion,
    update: { amendment: 1, board_approved_version: null, certified_version: null, reviewers: '[]' },
    audit: { action: 'plan.amendment-started' },
    event: { kind: 'amendment' },
  });
}
