/**
 * The annual Alliance plan as a state machine (DOMAIN.md § 4): the district drafts it, the local
 * board approves it, the authorized representative certifies and submits it (locking it), the
 * state reviews it — possibly sending it back for revisions — and recommends it, and the
 * commissioner approves (with or without conditions) or denies it; approval releases the withheld
 * funds. After approval, amendments follow the same path, lighter. Every transition is checked
 * here, purely: who may, from which state, and with which prerequisites.
 */
import { can, PERMISSIONS, type Grant, type Permission } from '../auth/permissions.ts';

export const PLAN_STATES = [
  'draft',
  'submitted',
  'in-review',
  'revisions-requested',
  'recommended',
  'approved',
  'approved-with-conditions',
  'denied',
] as const;
export type PlanState = (typeof PLAN_STATES)[number];

export const PLAN_ACTIONS = [
  'save',
  'record-board-approval',
  'certify',
  'submit',
  'assign-reviewers',
  'score',
  'request-revisions',
  'resubmit',
  'recommend',
  'approve',
  'approve-with-conditions',
  'deny',
  'release-funds',
  'start-amendment',
] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

/** What the machine needs to know about a plan to decide a transition. */
export interface PlanFacts {
  readonly state: PlanState;
  readonly districtCode: string;
  /** The board approved the version now current. */
  readonly boardApproved: boolean;
  /** The authorized representative certified the version now current (its content hash). */
  readonly certified: boolean;
  /** The budget's total equals the allocation and every line is valid. */
  readonly budgetBalanced: boolean;
  /** The plan's content has no errors (needs, goals, strategies, interventions, narrative). */
  readonly contentComplete: boolean;
  readonly reviewersAssigned: boolean;
  /**
   * The plan's review committee (user ids). Scoring and recommending are the committee's
   * (ADR 011); a plan with no committee (an amendment on the lighter path) may be recommended by
   * any program staff.
   */
  readonly committee?: readonly number[];
  /** Funds already released for this plan's approval. */
  readonly fundsReleased: boolean;
  /** This version amends an approved plan (the lighter path). */
  readonly amendment: boolean;
}

export interface Transition {
  readonly permission: Permission;
  readonly from: readonly PlanState[];
  /** The state after; null = unchanged. */
  readonly to: PlanState | null;
  /** Prerequisites, each with the message shown when it is not met. */
  readonly requires?: readonly { readonly check: (p: PlanFacts) => boolean; readonly message: string }[];
  /** Who among those with the permission may act (e.g. only the review committee), with the refusal. */
  readonly actor?: { readonly check: (p: PlanFacts, actorId: number | null) => boolean; readonly message: string };
}

/** On the committee, or — when the plan has none — anyone with the permission. */
const onCommittee = (p: PlanFacts, actorId: number | null) => !p.committee?.length || (actorId !== null && p.committee.includes(actorId));

const P = PERMISSIONS;
const EDITABLE: readonly PlanState[] = ['draft', 'revisions-requested'];
const DECIDED: readonly PlanState[] = ['approved', 'approved-with-conditions', 'denied'];

export const TRANSITIONS: Readonly<Record<PlanAction, Transition>> = {
  save: { permission: P.editPlanOwn, from: EDITABLE, to: null },
  'record-board-approval': { permission: P.recordBoardOwn, from: EDITABLE, to: null },
  certify: {
    permission: P.certifyPlanOwn,
    from: EDITABLE,
    to: null,
    requires: [
      { check: (p) => p.boardApproved, message: 'The local board of education must approve this version first.' },
      { check: (p) => p.budgetBalanced, message: 'The budget must add up to the allocation, with every line valid.' },
      { check: (p) => p.contentComplete, message: 'The plan still lacks something: see "Still needed before signing".' },
    ],
  },
  submit: {
    permission: P.submitPlanOwn,
    from: ['draft'],
    to: 'submitted',
    requires: [
      { check: (p) => p.boardApproved, message: 'The local board of education must approve this version first.' },
      { check: (p) => p.certified, message: 'The authorized representative must certify this exact version first.' },
      { check: (p) => p.budgetBalanced, message: 'The budget must add up to the allocation, with every line valid.' },
      { check: (p) => p.contentComplete, message: 'The plan still lacks something: see "Still needed before signing".' },
    ],
  },
  'assign-reviewers': { permission: P.assignReviewersAny, from: ['submitted', 'in-review'], to: 'in-review' },
  score: {
    permission: P.reviewPlanAny,
    from: ['in-review'],
    to: null,
    requires: [{ check: (p) => p.reviewersAssigned, message: 'Assign reviewers first.' }],
    actor: { check: onCommittee, message: "Only the plan's review committee scores it; ask to be assigned to the committee." },
  },
  'request-revisions': { permission: P.requestRevisionsAny, from: ['submitted', 'in-review', 'recommended'], to: 'revisions-requested' },
  resubmit: {
    permission: P.submitPlanOwn,
    from: ['revisions-requested'],
    to: 'in-review',
    requires: [
      { check: (p) => p.boardApproved || p.amendment, message: 'The local board of education must approve the revised version first.' },
      { check: (p) => p.certified, message: 'The authorized representative must certify the revised version first.' },
      { check: (p) => p.budgetBalanced, message: 'The budget must add up to the allocation, with every line valid.' },
      { check: (p) => p.contentComplete, message: 'The plan still lacks something: see "Still needed before signing".' },
    ],
  },
  recommend: {
    permission: P.recommendPlanAny,
    from: ['in-review', 'submitted'],
    to: 'recommended',
    requires: [{ check: (p) => p.reviewersAssigned || p.amendment, message: 'A review committee must review the plan first (amendments may go straight to a recommendation).' }],
    actor: { check: onCommittee, message: "Only the plan's review committee recommends it; ask to be assigned to the committee." },
  },
  approve: { permission: P.approvePlanAny, from: ['recommended'], to: 'approved' },
  'approve-with-conditions': { permission: P.approvePlanAny, from: ['recommended'], to: 'approved-with-conditions' },
  deny: { permission: P.approvePlanAny, from: ['recommended'], to: 'denied' },
  'release-funds': {
    permission: P.releaseFundsAny,
    from: ['approved', 'approved-with-conditions'],
    to: null,
    // Once per cycle, whatever happens to the plan after (ADR 011): an amendment's approval releases nothing more.
    requires: [{ check: (p) => !p.fundsReleased, message: 'The funds for this cycle have already been released; an allocation is released once.' }],
  },
  'start-amendment': { permission: P.editPlanOwn, from: ['approved', 'approved-with-conditions'], to: 'draft' },
};

export type TransitionCheck = { readonly ok: true; readonly to: PlanState } | { readonly ok: false; readonly reason: string; readonly code: 'forbidden' | 'wrong-state' | 'prerequisite' };

const STATE_LABELS: Readonly<Record<PlanState, string>> = {
  draft: 'a draft',
  submitted: 'submitted',
  'in-review': 'in review',
  'revisions-requested': 'sent back for revisions',
  recommended: 'recommended for approval',
  approved: 'approved',
  'approved-with-conditions': 'approved with conditions',
  denied: 'denied',
};

export function stateLabel(s: PlanState): string {
  return STATE_LABELS[s];
}

/** Whether `grants` (of the person `actorId`) may take `action` on the plan now, and the state it leads to. */
export function canTransition(grants: readonly Grant[], plan: PlanFacts, action: PlanAction, actorId: number | null = null): TransitionCheck {
  const t = TRANSITIONS[action];
  if (!can(grants, t.permission, plan.districtCode)) {
    return { ok: false, code: 'forbidden', reason: `You are not allowed to ${action.replace(/-/g, ' ')} this plan.` };
  }
  if (!t.from.includes(plan.state)) {
    return { ok: false, code: 'wrong-state', reason: `The plan is ${STATE_LABELS[plan.state]}; it cannot be ${action === 'save' ? 'changed' : `given "${action.replace(/-/g, ' ')}"`} now.` };
  }
  for (const r of t.requires ?? []) if (!r.check(plan)) return { ok: false, code: 'prerequisite', reason: r.message };
  if (t.actor && !t.actor.check(plan, actorId)) return { ok: false, code: 'forbidden', reason: t.actor.message };
  return { ok: true, to: t.to ?? plan.state };
}

/** Whether the district may still change the plan's content. */
export function isEditable(state: PlanState): boolean {
  return EDITABLE.includes(state);
}

/** Whether the commissioner has decided. */
export function isDecided(state: PlanState): boolean {
  return DECIDED.includes(state);
}

/** The actions a person could take on the plan now (for buttons and the API). */
export function availableActions(grants: readonly Grant[], plan: PlanFacts, actorId: number | null = null): PlanAction[] {
  return PLAN_ACTIONS.filter((a) => canTransition(grants, plan, a, actorId).ok);
}
