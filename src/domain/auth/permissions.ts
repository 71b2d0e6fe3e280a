/**
 * Who may do what. Permissions are strings `action:entity:access` (`submit:plan:own`,
 * `approve:plan:any`); roles are sets of them; a person holds roles, each either for the whole
 * state or for one district. `can` is checked on the server for every page, form action and API
 * call — the route table declares which permission each one needs.
 */

export const ROLES = [
  'state-admin',
  'program-staff',
  'commissioner',
  'district-editor',
  'district-representative',
  'district-viewer',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  'state-admin': 'State administrator',
  'program-staff': 'Program staff / reviewer',
  commissioner: 'Commissioner (approver)',
  'district-editor': 'District editor',
  'district-representative': 'District authorized representative (superintendent)',
  'district-viewer': 'District read-only',
};

/** Roles that belong to one district; the others are statewide. */
export const DISTRICT_ROLES: ReadonlySet<Role> = new Set(['district-editor', 'district-representative', 'district-viewer']);

export type Access = 'own' | 'any';
export type Permission = `${string}:${string}:${Access}`;

export const PERMISSIONS = {
  viewPlanOwn: 'view:plan:own',
  viewPlanAny: 'view:plan:any',
  editPlanOwn: 'edit:plan:own',
  recordBoardOwn: 'record-board:plan:own',
  certifyPlanOwn: 'certify:plan:own',
  submitPlanOwn: 'submit:plan:own',
  commentPlanOwn: 'comment:plan:own',
  commentPlanAny: 'comment:plan:any',
  reviewPlanAny: 'review:plan:any',
  assignReviewersAny: 'assign-reviewers:plan:any',
  requestRevisionsAny: 'request-revisions:plan:any',
  recommendPlanAny: 'recommend:plan:any',
  approvePlanAny: 'approve:plan:any',
  releaseFundsAny: 'release:funds:any',
  manageCycleAny: 'manage:cycle:any',
  manageUsersAny: 'manage:users:any',
  viewAuditAny: 'view:audit:any',
  viewBoardAny: 'view:board:any',
  viewOutboxAny: 'view:outbox:any',
  manageTokensOwn: 'manage:tokens:own',
  delegateApprovalAny: 'delegate:approval:any',
  /** The state's monitoring of an approved plan: schedule and record meetings, assign follow-ups. */
  monitorPlanAny: 'monitor:plan:any',
  /** A district proposes items for its monitoring meetings' agendas. */
  proposeAgendaOwn: 'propose-agenda:plan:own',
  /** A district reports its spending: imports its ledger export against the approved budget. */
  reportSpendingOwn: 'report-spending:plan:own',
  /** A district reports progress: values of its goals, its strategies' implementation, evidence for conditions. */
  reportProgressOwn: 'report-progress:plan:own',
} as const satisfies Record<string, Permission>;

export type KnownPermission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];

const P = PERMISSIONS;

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly KnownPermission[]>> = {
  'state-admin': [
    P.viewPlanAny,
    P.commentPlanAny,
    P.assignReviewersAny,
    P.manageCycleAny,
    P.manageUsersAny,
    P.viewAuditAny,
    P.viewBoardAny,
    P.viewOutboxAny,
    P.releaseFundsAny,
    P.manageTokensOwn,
    P.monitorPlanAny,
  ],
  'program-staff': [
    P.viewPlanAny,
    P.commentPlanAny,
    P.reviewPlanAny,
    P.requestRevisionsAny,
    P.recommendPlanAny,
    P.assignReviewersAny,
    P.viewAuditAny,
    P.viewBoardAny,
    P.manageTokensOwn,
    P.monitorPlanAny,
  ],
  commissioner: [P.viewPlanAny, P.commentPlanAny, P.approvePlanAny, P.releaseFundsAny, P.viewAuditAny, P.viewBoardAny, P.manageTokensOwn, P.delegateApprovalAny],
  'district-editor': [P.viewPlanOwn, P.editPlanOwn, P.commentPlanOwn, P.recordBoardOwn, P.manageTokensOwn, P.proposeAgendaOwn, P.reportSpendingOwn, P.reportProgressOwn],
  'district-representative': [P.viewPlanOwn, P.editPlanOwn, P.commentPlanOwn, P.recordBoardOwn, P.certifyPlanOwn, P.submitPlanOwn, P.manageTokensOwn, P.proposeAgendaOwn, P.reportSpendingOwn, P.reportProgressOwn],
  'district-viewer': [P.viewPlanOwn],
};

/** A role a person holds: statewide (districtCode null) or for one district. */
export interface Grant {
  readonly role: Role;
  readonly districtCode: string | null;
  /**
   * Set when the role is held for a while on someone else's behalf (the commissioner's
   * delegation): that person's user id. Actions taken with it are recorded as on their behalf;
   * a delegated role cannot be delegated again.
   */
  readonly delegatedBy?: number;
}

/** Permissions a delegated role does not carry. */
const NOT_DELEGABLE: ReadonlySet<string> = new Set([P.delegateApprovalAny]);

/** The state's staff roles: the ones a delegate must hold, in person, for a delegation to hold. */
export const STATE_STAFF_ROLES: ReadonlySet<Role> = new Set(['state-admin', 'program-staff', 'commissioner']);

/**
 * The state's decisions on a district's plan and money. Nobody who holds a role in that district
 * takes them for it — not with their own statewide role, not with a delegated one: the reviewer,
 * the approver and the payer are never the district's own people (a conflict of interest).
 */
export const CONFLICTED_PERMISSIONS: ReadonlySet<string> = new Set([P.reviewPlanAny, P.recommendPlanAny, P.requestRevisionsAny, P.assignReviewersAny, P.approvePlanAny, P.releaseFundsAny, P.monitorPlanAny]);

/** Whether the grants include a role in the district (a district editor, representative or viewer there). */
export function holdsDistrictRole(grants: readonly Grant[], districtCode: string): boolean {
  return grants.some((g) => g.districtCode === districtCode && DISTRICT_ROLES.has(g.role));
}

/**
 * The grants that count now: a delegated role holds only while its holder is, in person, a member
 * of the state's staff (a delegate who loses the staff role loses the delegation with it).
 */
function inForce(grants: readonly Grant[]): readonly Grant[] {
  if (!grants.some((g) => g.delegatedBy !== undefined)) return grants;
  const staff = grants.some((g) => g.delegatedBy === undefined && STATE_STAFF_ROLES.has(g.role));
  return staff ? grants : grants.filter((g) => g.delegatedBy === undefined);
}

/**
 * On whose behalf a permission is exercised: null when the person holds it themselves, else the
 * delegating person's id (a delegated grant is used only when no own grant allows it).
 */
export function actingFor(grants: readonly Grant[], permission: Permission, districtCode: string | null = null): number | null {
  const own = grants.filter((g) => g.delegatedBy === undefined);
  if (can(own, permission, districtCode)) return null;
  const via = grants.find((g) => g.delegatedBy !== undefined && can([...own, g], permission, districtCode));
  return via?.delegatedBy ?? null;
}

/**
 * Whether the grants allow the permission on a record of `districtCode` (null: a record not
 * tied to a district). An `…:any` grant covers every district; `…:own` only the grant's district.
 * Asking for `x:y:own` is satisfied by `x:y:any` as well; an `own` record with no district
 * (one's own tokens) needs only the permission.
 */
export function can(grants: readonly Grant[], permission: Permission, districtCode: string | null = null): boolean {
  const [action, entity, access] = permission.split(':') as [string, string, Access];
  // The district's own people never take the state's decisions on it (their "any" grants do not reach it).
  const conflicted = districtCode !== null && holdsDistrictRole(grants, districtCode);
  for (const g of inForce(grants)) {
    for (const p of ROLE_PERMISSIONS[g.role]) {
      if (g.delegatedBy !== undefined && NOT_DELEGABLE.has(p)) continue;
      const [a, e, acc] = p.split(':') as [string, string, Access];
      if (a !== action || e !== entity) continue;
      if (acc === 'any') {
        if (conflicted && CONFLICTED_PERMISSIONS.has(p)) continue;
        return true;
      }
      if (access === 'own' && acc === 'own') {
        // A record of a district: the grant must be for that district. A record of no district
        // (e.g. one's own access tokens) is one's own.
        if (districtCode === null) return true;
        if (g.districtCode !== null && g.districtCode === districtCode) return true;
      }
    }
  }
  return false;
}

/** The districts a person can see plans for (null = all of them). */
export function visibleDistricts(grants: readonly Grant[]): readonly string[] | null {
  const held = inForce(grants);
  if (held.some((g) => ROLE_PERMISSIONS[g.role].includes(P.viewPlanAny))) return null;
  return [...new Set(held.filter((g) => g.districtCode !== null && ROLE_PERMISSIONS[g.role].includes(P.viewPlanOwn)).map((g) => g.districtCode!))];
}

/** Checks a grant is well formed: district roles need a district, statewide roles must not have one. */
export function grantProblem(g: Grant): string | null {
  if (!ROLES.includes(g.role)) return `Unknown role "${String(g.role)}".`;
  if (DISTRICT_ROLES.has(g.role) && !g.districtCode) return `The role "${ROLE_LABELS[g.role]}" needs a district.`;
  if (!DISTRICT_ROLES.has(g.role) && g.districtCode) return `The role "${ROLE_LABELS[g.role]}" is statewide; it cannot be limited to a district.`;
  return null;
}
