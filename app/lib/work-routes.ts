/**
 * Every page, form action and API call of the signed-in area, with the permission it needs and
 * what it is scoped to. Loaders and actions check this table (`permissionFor`), and the
 * permission-matrix test walks it: every route × every role × own and other district. A route
 * that is not in this table fails that test.
 */
import { PERMISSIONS, type Permission } from '../../src/domain/auth/permissions.ts';
import { TRANSITIONS, type PlanAction } from '../../src/domain/workflow/plan.ts';

export type Scope = 'none' | 'plan' | 'self';

export interface WorkRoute {
  readonly id: string;
  readonly method: 'GET' | 'POST';
  /** Path template; :id is a plan (or cycle) id. */
  readonly path: string;
  /** For a POST: the form's intent. */
  readonly intent?: string;
  /** null: any signed-in person. */
  readonly permission: Permission | null;
  readonly scope: Scope;
}

const P = PERMISSIONS;

/** The workflow actions a plan page and the API accept, each with the transition's own permission. */
export const PLAN_INTENTS: readonly PlanAction[] = [
  'save',
  'record-board-approval',
  'certify',
  'submit',
  'assign-reviewers',
  'score',
  'request-revisions',
  'recommend',
  'approve',
  'approve-with-conditions',
  'deny',
  'release-funds',
  'start-amendment',
];

export const WORK_ROUTES: readonly WorkRoute[] = [
  { id: 'work.home', method: 'GET', path: '/work', permission: null, scope: 'none' },
  { id: 'work.plan', method: 'GET', path: '/work/plans/:id', permission: P.viewPlanOwn, scope: 'plan' },
  ...PLAN_INTENTS.map((intent): WorkRoute => ({ id: `work.plan.${intent}`, method: 'POST', path: '/work/plans/:id', intent, permission: TRANSITIONS[intent].permission, scope: 'plan' })),
  { id: 'work.plan.comment', method: 'POST', path: '/work/plans/:id', intent: 'comment', permission: P.commentPlanOwn, scope: 'plan' },
  { id: 'work.plan.extend-deadline', method: 'POST', path: '/work/plans/:id', intent: 'extend-deadline', permission: P.manageCycleAny, scope: 'plan' },
  { id: 'work.plan.diff', method: 'GET', path: '/work/plans/:id/diff', permission: P.viewPlanOwn, scope: 'plan' },
  { id: 'work.budget', method: 'GET', path: '/work/plans/:id/budget', permission: P.viewPlanOwn, scope: 'plan' },
  { id: 'work.budget.save', method: 'POST', path: '/work/plans/:id/budget', intent: 'save', permission: P.editPlanOwn, scope: 'plan' },
  { id: 'work.budget.import', method: 'POST', path: '/work/plans/:id/budget', intent: 'import', permission: P.editPlanOwn, scope: 'plan' },
  { id: 'work.budget.xlsx', method: 'GET', path: '/work/plans/:id/budget.xlsx', permission: P.viewPlanOwn, scope: 'plan' },
  { id: 'work.audit', method: 'GET', path: '/work/plans/:id/audit', permission: P.viewAuditAny, scope: 'plan' },
  // The year after approval: the plan's monitoring meetings and follow-ups.
  { id: 'work.monitoring', method: 'GET', path: '/work/plans/:id/monitoring', permission: P.viewPlanOwn, scope: 'plan' },
  { id: 'work.monitoring.schedule-meeting', method: 'POST', path: '/work/plans/:id/monitoring', intent: 'schedule-meeting', permission: P.monitorPlanAny, scope: 'plan' },
  { id: 'work.monitoring.propose-agenda-item', method: 'POST', path: '/work/plans/:id/monitoring', intent: 'propose-agenda-item', permission: P.proposeAgendaOwn, scope: 'plan' },
  { id: 'work.monitoring.add-agenda-item', method: 'POST', path: '/work/plans/:id/monitoring', intent: 'add-agenda-item', permission: P.monitorPlanAny, scope: 'plan' },
  { id: 'work.monitoring.record-meeting', method: 'POST', path: '/work/plans/:id/monitoring', intent: 'record-meeting', permission: P.monitorPlanAny, scope: 'plan' },
  // The owner or the state: checked on the follow-up itself, when it is done.
  { id: 'work.monitoring.record-goal-value', method: 'POST', path: '/work/plans/:id/monitoring', intent: 'record-goal-value', permission: P.reportProgressOwn, scope: 'plan' },
  { id: 'work.monitoring.assign-support', method: 'POST', path: '/work/plans/:id/monitoring', intent: 'assign-support', permission: P.monitorPlanAny, scope: 'plan' },
  { id: 'work.monitoring.submit-support-evidence', method: 'POST', path: '/work/plans/:id/monitoring', intent: 'submit-support-evidence', permission: P.viewPlanOwn, scope: 'plan' },
  { id: 'work.monitoring.decide-support', method: 'POST', path: '/work/plans/:id/monitoring', intent: 'decide-support', permission: P.monitorPlanAny, scope: 'plan' },
  { id: 'work.monitoring.read-goal-values', method: 'POST', path: '/work/plans/:id/monitoring', intent: 'read-goal-values', permission: P.reportProgressOwn, scope: 'plan' },
  { id: 'work.monitoring.set-implementation', method: 'POST', path: '/work/plans/:id/monitoring', intent: 'set-implementation', permission: P.reportProgressOwn, scope: 'plan' },
  { id: 'work.monitoring.add-condition-evidence', method: 'POST', path: '/work/plans/:id/monitoring', intent: 'add-condition-evidence', permission: P.reportProgressOwn, scope: 'plan' },
  { id: 'work.monitoring.review-condition', method: 'POST', path: '/work/plans/:id/monitoring', intent: 'review-condition', permission: P.monitorPlanAny, scope: 'plan' },
  { id: 'work.monitoring.request-revision', method: 'POST', path: '/work/plans/:id/monitoring', intent: 'request-revision', permission: P.reportSpendingOwn, scope: 'plan' },
  { id: 'work.monitoring.decide-revision', method: 'POST', path: '/work/plans/:id/monitoring', intent: 'decide-revision', permission: P.monitorPlanAny, scope: 'plan' },
  { id: 'work.monitoring.record-annual-review', method: 'POST', path: '/work/plans/:id/monitoring', intent: 'record-annual-review', permission: P.monitorPlanAny, scope: 'plan' },
  { id: 'work.monitoring.import-expenditures', method: 'POST', path: '/work/plans/:id/monitoring', intent: 'import-expenditures', permission: P.reportSpendingOwn, scope: 'plan' },
  { id: 'work.monitoring.complete-follow-up', method: 'POST', path: '/work/plans/:id/monitoring', intent: 'complete-follow-up', permission: P.viewPlanOwn, scope: 'plan' },
  // :upload is a file of plan :id; the permission is the plan's, checked before the file is looked up.
  { id: 'work.guidance', method: 'GET', path: '/work/plans/:id/guidance/:upload', permission: P.viewPlanOwn, scope: 'plan' },
  { id: 'work.upload', method: 'GET', path: '/work/plans/:id/uploads/:upload', permission: P.viewPlanOwn, scope: 'plan' },
  { id: 'work.cycles', method: 'GET', path: '/work/cycles', permission: P.viewBoardAny, scope: 'none' },
  { id: 'work.monitoring-board', method: 'GET', path: '/work/monitoring', permission: P.viewBoardAny, scope: 'none' },
  { id: 'work.tiers', method: 'GET', path: '/work/tiers', permission: P.viewBoardAny, scope: 'none' },
  { id: 'work.cycles.open', method: 'POST', path: '/work/cycles', intent: 'open', permission: P.manageCycleAny, scope: 'none' },
  { id: 'work.cycles.guidance', method: 'POST', path: '/work/cycles', intent: 'guidance', permission: P.manageCycleAny, scope: 'none' },
  { id: 'work.cycles.deadlines', method: 'POST', path: '/work/cycles', intent: 'deadlines', permission: P.manageCycleAny, scope: 'none' },
  { id: 'work.users', method: 'GET', path: '/work/users', permission: P.manageUsersAny, scope: 'none' },
  { id: 'work.users.invite', method: 'POST', path: '/work/users', intent: 'invite', permission: P.manageUsersAny, scope: 'none' },
  { id: 'work.users.grant', method: 'POST', path: '/work/users', intent: 'grant', permission: P.manageUsersAny, scope: 'none' },
  { id: 'work.users.revoke', method: 'POST', path: '/work/users', intent: 'revoke', permission: P.manageUsersAny, scope: 'none' },
  { id: 'work.users.disable', method: 'POST', path: '/work/users', intent: 'disable', permission: P.manageUsersAny, scope: 'none' },
  { id: 'work.users.enable', method: 'POST', path: '/work/users', intent: 'enable', permission: P.manageUsersAny, scope: 'none' },
  { id: 'work.delegation', method: 'GET', path: '/work/delegation', permission: P.delegateApprovalAny, scope: 'none' },
  { id: 'work.delegation.delegate', method: 'POST', path: '/work/delegation', intent: 'delegate', permission: P.delegateApprovalAny, scope: 'none' },
  { id: 'work.delegation.revoke', method: 'POST', path: '/work/delegation', intent: 'revoke', permission: P.delegateApprovalAny, scope: 'none' },
  { id: 'work.outbox', method: 'GET', path: '/work/outbox', permission: P.viewOutboxAny, scope: 'none' },
  { id: 'work.tokens', method: 'GET', path: '/work/tokens', permission: P.manageTokensOwn, scope: 'self' },
  { id: 'work.tokens.create', method: 'POST', path: '/work/tokens', intent: 'create', permission: P.manageTokensOwn, scope: 'self' },
  { id: 'work.tokens.revoke', method: 'POST', path: '/work/tokens', intent: 'revoke', permission: P.manageTokensOwn, scope: 'self' },
  { id: 'api.plans', method: 'GET', path: '/api/v1/plans', permission: null, scope: 'none' },
  { id: 'api.plan', method: 'GET', path: '/api/v1/plans/:id', permission: P.viewPlanOwn, scope: 'plan' },
  { id: 'api.plan.monitoring', method: 'GET', path: '/api/v1/plans/:id/monitoring', permission: P.viewPlanOwn, scope: 'plan' },
  ...PLAN_INTENTS.map((intent): WorkRoute => ({ id: `api.plan.${intent}`, method: 'POST', path: '/api/v1/plans/:id', intent, permission: TRANSITIONS[intent].permission, scope: 'plan' })),
  { id: 'api.plan.comment', method: 'POST', path: '/api/v1/plans/:id', intent: 'comment', permission: P.commentPlanOwn, scope: 'plan' },
  { id: 'api.plan.extend-deadline', method: 'POST', path: '/api/v1/plans/:id', intent: 'extend-deadline', permission: P.manageCycleAny, scope: 'plan' },
];

/** The declared permission for a route and intent; throws if the route is not declared. */
export function routeFor(method: 'GET' | 'POST', path: string, intent?: string): WorkRoute {
  const r = WORK_ROUTES.find((x) => x.method === method && x.path === path && (x.intent ?? undefined) === (intent ?? undefined));
  if (!r) throw new Error(`Route ${method} ${path}${intent ? ` (${intent})` : ''} is not declared in work-routes.ts`);
  return r;
}
