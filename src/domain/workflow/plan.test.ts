/**
 * The plan workflow as a pure state machine: transitions by role, prerequisites, and properties
 * over random sequences of actions by random people — no illegal state is ever reachable.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES, type Grant, type Role, DISTRICT_ROLES } from '../auth/permissions.ts';
import { availableActions, canTransition, isEditable, PLAN_ACTIONS, TRANSITIONS, type PlanAction, type PlanFacts, type PlanState } from './plan.ts';

const HARTFORD = '0640011';
/** The person acting in the property test; the committee, once assigned, is that person. */
const ACTOR = 7;
const OTHER = '0150011';
const grant = (role: Role, district: string | null = DISTRICT_ROLES.has(role) ? HARTFORD : null): Grant => ({ role, districtCode: district });

const plan = (over: Partial<PlanFacts> = {}): PlanFacts => ({
  state: 'draft',
  districtCode: HARTFORD,
  boardApproved: false,
  certified: false,
  budgetBalanced: false,
  contentComplete: true,
  reviewersAssigned: false,
  fundsReleased: false,
  amendment: false,
  ...over,
});

describe('plan transitions', () => {
  it('a district editor saves a draft but cannot submit; the superintendent submits once the board approved and certified', () => {
    const editor = [grant('district-editor')];
    const rep = [grant('district-representative')];
    expect(canTransition(editor, plan(), 'save')).toEqual({ ok: true, to: 'draft' });
    expect(canTransition(editor, plan(), 'submit')).toMatchObject({ ok: false, code: 'forbidden' });
    expect(canTransition(rep, plan(), 'submit')).toMatchObject({ ok: false, code: 'prerequisite', reason: /board of education/ });
    expect(canTransition(rep, plan({ boardApproved: true, budgetBalanced: true }), 'submit')).toMatchObject({ ok: false, reason: /certify/ });
    expect(canTransition(rep, plan({ boardApproved: true, budgetBalanced: true, certified: true }), 'submit')).toEqual({ ok: true, to: 'submitted' });
  });

  it('another district\'s people cannot touch the plan', () => {
    const other = [grant('district-representative', OTHER)];
    expect(canTransition(other, plan(), 'save')).toMatchObject({ ok: false, code: 'forbidden' });
    expect(availableActions(other, plan({ boardApproved: true, certified: true, budgetBalanced: true }))).toEqual([]);
  });

  it('a submitted plan is locked; the state reviews, sends it back, and the district resubmits', () => {
    const staff = [grant('program-staff')];
    const rep = [grant('district-representative')];
    expect(canTransition(rep, plan({ state: 'submitted' }), 'save')).toMatchObject({ ok: false, code: 'wrong-state' });
    expect(canTransition(staff, plan({ state: 'submitted' }), 'assign-reviewers')).toEqual({ ok: true, to: 'in-review' });
    expect(canTransition(staff, plan({ state: 'in-review', reviewersAssigned: true }), 'request-revisions')).toEqual({ ok: true, to: 'revisions-requested' });
    expect(canTransition(rep, plan({ state: 'revisions-requested' }), 'save')).toEqual({ ok: true, to: 'revisions-requested' });
    expect(canTransition(rep, plan({ state: 'revisions-requested', boardApproved: true, certified: true, budgetBalanced: true }), 'resubmit')).toEqual({ ok: true, to: 'in-review' });
  });

  it('only the commissioner decides, only on a recommended plan, and funds are released once', () => {
    const staff = [grant('program-staff')];
    const comm = [grant('commissioner')];
    expect(canTransition(staff, plan({ state: 'recommended' }), 'approve')).toMatchObject({ ok: false, code: 'forbidden' });
    expect(canTransition(comm, plan({ state: 'in-review' }), 'approve')).toMatchObject({ ok: false, code: 'wrong-state' });
    expect(canTransition(comm, plan({ state: 'recommended' }), 'approve-with-conditions')).toEqual({ ok: true, to: 'approved-with-conditions' });
    expect(canTransition(comm, plan({ state: 'approved' }), 'release-funds')).toEqual({ ok: true, to: 'approved' });
    expect(canTransition(comm, plan({ state: 'approved', fundsReleased: true }), 'release-funds')).toMatchObject({ ok: false, reason: /already been released/ });
    expect(canTransition(comm, plan({ state: 'denied' }), 'release-funds')).toMatchObject({ ok: false, code: 'wrong-state' });
  });
});

// ---- Properties over random histories ------------------------------------------------------

interface World extends PlanFacts {
  readonly approvedOnce: boolean;
  readonly releases: number;
  readonly submittedEver: boolean;
}

/** Applies an action's effects the way the service does (facts the machine does not set itself). */
function apply(w: World, action: PlanAction, to: PlanState): World {
  const next: World = { ...w, state: to };
  switch (action) {
    case 'save':
      return { ...next, boardApproved: false, certified: false };
    case 'record-board-approval':
      return { ...next, boardApproved: true };
    case 'certify':
      return { ...next, certified: true };
    case 'submit':
    case 'resubmit':
      return { ...next, submittedEver: true };
    case 'assign-reviewers':
      return { ...next, reviewersAssigned: true, committee: [ACTOR] };
    case 'approve':
    case 'approve-with-conditions':
      // An approval (of an amendment too) leaves the release as it was: once per cycle.
      return { ...next, approvedOnce: true };
    case 'release-funds':
      return { ...next, fundsReleased: true, releases: w.releases + 1 };
    case 'start-amendment':
      return { ...next, amendment: true, boardApproved: false, certified: false };
    default:
      return next;
  }
}

const step = fc.record({
  role: fc.constantFrom(...ROLES),
  own: fc.boolean(),
  action: fc.constantFrom(...PLAN_ACTIONS),
  // Mostly a step someone could take now (so long histories reach decisions and releases);
  // sometimes any action by anyone (so refusals are exercised too).
  guided: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
  pick: fc.nat(),
  balanced: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
  complete: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
});

/** Each action open now on the own district's plan, once, with a role that may take it. */
function openSteps(world: PlanFacts): { role: Role; action: PlanAction }[] {
  const byAction = new Map<PlanAction, Role>();
  for (const role of ROLES) for (const action of availableActions([grant(role)], world, ACTOR)) if (!byAction.has(action)) byAction.set(action, role);
  // Repeating a vote or a signature already on this version changes nothing; unguided steps still try it.
  if (world.boardApproved) byAction.delete('record-board-approval');
  if (world.certified) byAction.delete('certify');
  return [...byAction].map(([action, role]) => ({ role, action }));
}

describe('workflow properties', () => {
  it('no sequence of actions by anyone reaches an illegal state', () => {
    const applied = new Map<PlanAction, number>();
    fc.assert(
      fc.property(fc.array(step, { minLength: 20, maxLength: 80 }), (steps) => {
        let w: World = { ...plan(), approvedOnce: false, releases: 0, submittedEver: false };
        let approvals = 0;
        for (const s of steps) {
          const world = { ...w, budgetBalanced: s.balanced, contentComplete: s.complete };
          const open = s.guided ? openSteps(world) : [];
          const chosen = open.length ? { ...open[s.pick % open.length]!, own: true } : s;
          const grants = [grant(chosen.role, DISTRICT_ROLES.has(chosen.role) ? (chosen.own ? HARTFORD : OTHER) : null)];
          const r = canTransition(grants, world, chosen.action, ACTOR);
          if (open.length) expect(r.ok).toBe(true); // what availableActions offers, canTransition allows
          if (!r.ok) continue;
          applied.set(chosen.action, (applied.get(chosen.action) ?? 0) + 1);
          // Whoever acted had the permission the table names, for this district.
          if (DISTRICT_ROLES.has(chosen.role)) expect(chosen.own).toBe(true);
          const before = w;
          w = apply(world, chosen.action, r.to);
          // Content changes only while editable.
          if (chosen.action === 'save') expect(isEditable(before.state)).toBe(true);
          // Submission needs the board, the certification, a balanced budget and a complete plan.
          if (chosen.action === 'submit' || chosen.action === 'resubmit') {
            expect(world.certified && world.budgetBalanced && world.contentComplete).toBe(true);
          }
          if (chosen.action === 'certify') expect(world.budgetBalanced && world.contentComplete).toBe(true);
          // A decision only follows a recommendation; an approval only follows a submission.
          if (['approve', 'approve-with-conditions', 'deny'].includes(chosen.action)) {
            expect(before.state).toBe('recommended');
            expect(before.submittedEver).toBe(true);
            expect(chosen.role).toBe('commissioner');
          }
          if (chosen.action === 'approve' || chosen.action === 'approve-with-conditions') approvals += 1;
          // Funds are released only after an approval, and once per approval.
          if (chosen.action === 'release-funds') {
            expect(w.approvedOnce).toBe(true);
            expect(['approved', 'approved-with-conditions']).toContain(w.state);
          }
        }
        // Money moves once: however many approvals (amendments re-approve), one release at most.
        expect(w.releases).toBeLessThanOrEqual(Math.min(1, approvals));
      }),
      { numRuns: 500 },
    );
    // The histories did reach the steps the properties are about.
    for (const a of ['submit', 'resubmit', 'recommend', 'approve', 'deny', 'release-funds', 'start-amendment'] as const) {
      expect(applied.get(a) ?? 0, a).toBeGreaterThan(10);
    }
  });

  it("scoring and recommending are the committee's; with no committee (an amendment) any program staff may recommend", () => {
    const staff = [grant('program-staff')];
    const inReview = plan({ state: 'in-review', reviewersAssigned: true, committee: [1, 2] });
    expect(canTransition(staff, inReview, 'score', 1)).toEqual({ ok: true, to: 'in-review' });
    expect(canTransition(staff, inReview, 'score', 3)).toMatchObject({ ok: false, code: 'forbidden', reason: /review committee/ });
    expect(canTransition(staff, inReview, 'recommend', 3)).toMatchObject({ ok: false, code: 'forbidden', reason: /review committee/ });
    expect(canTransition(staff, inReview, 'recommend', 2)).toEqual({ ok: true, to: 'recommended' });
    expect(canTransition(staff, plan({ state: 'submitted', amendment: true, committee: [] }), 'recommend', 3)).toEqual({ ok: true, to: 'recommended' });
    expect(availableActions(staff, inReview, 3)).not.toContain('score');
  });

  it('the district\'s own people never take the state\'s decisions on it, whatever statewide role they also hold', () => {
    const both = [grant('commissioner'), grant('district-viewer')];
    expect(canTransition(both, plan({ state: 'recommended' }), 'approve')).toMatchObject({ ok: false, code: 'forbidden' });
    expect(canTransition(both, plan({ state: 'recommended', districtCode: OTHER }), 'approve')).toEqual({ ok: true, to: 'approved' });
  });

  it('every transition names a permission some role has, and leaves from states that exist', () => {
    for (const [action, t] of Object.entries(TRANSITIONS)) {
      const roles = ROLES.filter((r) => canTransition([grant(r)], plan({ state: t.from[0]!, boardApproved: true, certified: true, budgetBalanced: true, reviewersAssigned: true }), action as PlanAction).ok);
      expect(roles.length, action).toBeGreaterThan(0);
    }
  });
});
