/**
 * The tables, as Kysely sees them. snake_case here and in SQL; repositories map to camelCase.
 * Money columns end in `_cents` and hold integers; dates and times are ISO strings so SQLite and
 * PostgreSQL store and return the same text.
 */
import type { Generated } from 'kysely';

export interface ImportLogTable {
  id: Generated<number>;
  kind: string;
  file_name: string;
  file_sha256: string;
  rows: number;
  skipped: number;
  imported_at: string;
  note: string | null;
}

export interface TownTable {
  code: number;
  name: string;
}

export interface DistrictTable {
  code: string;
  name: string;
  org_type: string;
  town_code: number | null;
  /** Towns a regional district serves, as a JSON array of town codes; null if not known. */
  member_towns: string | null;
  import_id: number | null;
}

/** Every name a district has been published under, so name-only files can be matched. */
export interface DistrictNameTable {
  name_key: string;
  name: string;
  district_code: string;
}

export interface SchoolTable {
  code: string;
  district_code: string;
  name: string;
  org_type: string;
  town: string | null;
  grades: string | null;
  import_id: number | null;
}

export interface DistrictYearMeasureTable {
  district_code: string;
  school_year: string;
  measure: string;
  value: number;
  import_id: number | null;
}

export interface AccountabilityResultTable {
  school_year: string;
  /** '0000000' is the state of Connecticut. */
  district_code: string;
  /** '0000000' for the district as a whole. */
  school_code: string;
  school_name: string;
  category: string | null;
  total_points: number | null;
  total_possible_points: number | null;
  accountability_index: number | null;
  /** The indicator keys, in the order of `indicators`. */
  layout_id: number;
  /** Every indicator's value, a JSON array in the order of the layout's keys. */
  indicators: string;
  import_id: number | null;
}

export interface IndicatorLayoutTable {
  id: Generated<number>;
  /** JSON array of indicator keys ("ind1ela_all_rate", …). */
  keys: string;
}

export interface EcsGrantTable {
  town_code: number;
  fiscal_year: number;
  entitlement_cents: number;
  /** CSDE's published split, where it exists (FY2013-FY2025); null otherwise. */
  alliance_cents: number | null;
  education_diversity_cents: number | null;
  non_alliance_cents: number | null;
  import_id: number | null;
}

export interface DesignationTable {
  district_code: string;
  /** The fiscal year the district was first designated. */
  fiscal_year: number;
  act: string;
  basis: string;
  evidence: string | null;
  import_id: number | null;
}

export interface RuleRunTable {
  id: Generated<number>;
  kind: string;
  law_id: string;
  version_id: string;
  law_date: string;
  fiscal_year: number;
  data_year: string | null;
  code_version: string;
  inputs_sha256: string;
  parameters: string;
  result: string;
  created_at: string;
}

export interface AppUserTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  /** active | invited | disabled */
  status: string;
  failed_attempts: Generated<number>;
  locked_until: string | null;
  created_at: string;
  row_version: Generated<number>;
}

export interface UserGrantTable {
  id: Generated<number>;
  user_id: number;
  role: string;
  district_code: string | null;
  created_at: string;
}

export interface SessionTable {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
  /** The ID token of a session opened through the identity provider (migration 007), for signing out there too. */
  oidc_id_token: string | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  email: string;
  ip: string;
  at: string;
  success: number;
}

/** Invitations, password resets and personal access tokens: only a hash of each token is kept. */
export interface UserTokenTable {
  id: Generated<number>;
  user_id: number;
  /** invitation | reset | access */
  kind: string;
  token_hash: string;
  name: string | null;
  created_at: string;
  expires_at: string | null;
  used_at: string | null;
  last_used_at: string | null;
  /** An access token's scope: read | workflow (migration 010); null for other kinds (and older tokens: workflow). */
  scope: string | null;
  /** When the token was revoked (by its owner, a password reset or the account being disabled). */
  revoked_at: string | null;
}

/** A password-reset request, recorded before it is worked through (migration 010). */
export interface ResetRequestTable {
  id: Generated<number>;
  email: string;
  /** The site's public address the link is built from (PUBLIC_URL). */
  base_url: string;
  at: string;
  processed_at: string | null;
}

export interface CycleTable {
  id: Generated<number>;
  fiscal_year: number;
  title: string;
  status: string;
  /** JSON: { draft, board, submission, review, decision } ISO dates. */
  deadlines: string;
  /** JSON: { substantialMajority, noAllocationPolicy, uploadStorage }. */
  settings: string;
  /** JSON: the milestones [{ id, label, actor, date }] (migration 011); null only before it ran. */
  schedule: string | null;
  created_at: string;
  row_version: Generated<number>;
}

export interface PlanTable {
  id: Generated<number>;
  cycle_id: number;
  district_code: string;
  allocation_cents: number;
  state: string;
  current_version: number;
  approved_version: number | null;
  board_approved_version: number | null;
  certified_version: number | null;
  /** JSON array of reviewer user ids. */
  reviewers: string;
  funds_released: Generated<number>;
  amendment: Generated<number>;
  published: Generated<number>;
  updated_at: string;
  row_version: Generated<number>;
  /** JSON: the district's later dates for some deadlines (migration 008). */
  deadline_extensions: Generated<string>;
}

export interface PlanVersionTable {
  id: Generated<number>;
  plan_id: number;
  version: number;
  /** JSON PlanContent. */
  content: string;
  /** JSON BudgetLine[]. */
  budget: string;
  content_hash: string;
  created_by: number;
  created_at: string;
}

/** Everything that happens to a plan besides its content: board approvals, certifications, scores, comments, decisions, releases. */
export interface PlanEventTable {
  id: Generated<number>;
  plan_id: number;
  version: number;
  kind: string;
  user_id: number;
  on_behalf_of: number | null;
  data: string;
  at: string;
}

/** A monitoring meeting of a plan (migration 012); agenda and attendees are JSON. */
export interface MonitoringMeetingTable {
  id: Generated<number>;
  plan_id: number;
  milestone_id: string | null;
  title: string;
  scheduled_on: string;
  held_on: string | null;
  attendees: Generated<string>;
  agenda: Generated<string>;
  minutes: Generated<string>;
  decisions: Generated<string>;
  /** The minutes as a file of the plan (migration 017), beside or instead of the text. */
  minutes_upload_id: number | null;
  created_by: number;
  created_at: string;
  row_version: Generated<number>;
}

/** A follow-up of a monitoring meeting: an owner, a due date, done or not (migration 012). */
export interface FollowUpTable {
  id: Generated<number>;
  meeting_id: number;
  plan_id: number;
  text: string;
  owner_id: number;
  due_on: string;
  done_on: string | null;
  done_by: number | null;
  done_note: Generated<string>;
  created_at: string;
}

/** An imported ledger export of a plan: one per file (by hash) and plan (migration 013). */
export interface ExpenditureReportTable {
  id: Generated<number>;
  plan_id: number;
  period: string;
  file_name: string;
  sha256: string;
  rows: number;
  total_cents: number;
  uploaded_by: number;
  at: string;
}

/** One expenditure of a report, in the plan's terms (migration 013). */
export interface ExpenditureTable {
  id: Generated<number>;
  report_id: number;
  plan_id: number;
  /** The row of the file it came from. */
  row_no: number;
  spent_on: string;
  line_id: string | null;
  area: string | null;
  object_code: string;
  amount_cents: number;
  description: string;
}

/** A district's mapping of its ledger export's columns (JSON LedgerMapping, migration 013). */
export interface LedgerMappingTable {
  district_code: string;
  mapping: string;
  updated_by: number;
  at: string;
}

/** A value to date of a plan's goal (migration 014). */
export interface GoalValueTable {
  id: Generated<number>;
  plan_id: number;
  goal_id: string;
  value: number;
  as_of: string;
  source: string;
  note: Generated<string>;
  recorded_by: number;
  at: string;
}

/** A strategy's implementation status (migration 014). */
export interface StrategyStatusTable {
  plan_id: number;
  strategy_id: string;
  status: string;
  note: Generated<string>;
  updated_by: number;
  at: string;
}

/** A condition of an approval, as a tracked item: the district's evidence and the state's review (migration 014). */
export interface PlanConditionTable {
  plan_id: number;
  item: number;
  evidence: Generated<string>;
  /** 1 met, 0 not met, null not reviewed yet. */
  met: number | null;
  reviewed_by: number | null;
  /** The monitoring meeting that reviewed it (migration 017); null when reviewed outside one. */
  meeting_id: number | null;
  at: string;
}

/** A revision of an approved plan's budget (migration 015): JSON transfers; recorded | pending | approved | denied. */
export interface BudgetRevisionTable {
  id: Generated<number>;
  plan_id: number;
  number: number;
  transfers: string;
  reason: string;
  status: string;
  requested_by: number;
  decided_by: number | null;
  at: string;
  decided_at: string | null;
}

/** The annual progress review of a plan (migration 016): the facts (JSON) and the signed decision. */
export interface AnnualReviewTable {
  plan_id: number;
  facts: string;
  decision: string;
  reason: string;
  conditions: Generated<string>;
  signed_by: number;
  typed_name: string;
  reviewed_on: string;
  at: string;
}

/** A release of withheld funds: one per cycle and district (migration 009). */
export interface FundReleaseTable {
  id: Generated<number>;
  cycle_id: number;
  district_code: string;
  plan_id: number;
  amount_cents: number;
  /** The date the funds were released (YYYY-MM-DD). */
  released_on: string;
  approved_version: number | null;
  /** Who approved the plan (the commissioner, also when a delegate decided). */
  approved_by: number | null;
  recorded_by: number;
  on_behalf_of: number | null;
  at: string;
}

export interface UploadTable {
  id: Generated<number>;
  sha256: string;
  name: string;
  media_type: string;
  size: number;
  /** db | disk */
  storage: string;
  /** The bytes, when stored in the database. */
  content: Uint8Array | null;
  /** When stored on disk: the file under UPLOAD_DIR, named by its hash ("ab/abcd…"). */
  path: string | null;
  uploaded_by: number;
  at: string;
  /** The plan the file belongs to (migration 003); null for none. */
  plan_id: number | null;
  /** The cycle whose guidance document this is (migration 006); null for none. */
  cycle_id: number | null;
}

export interface AuditEventTable {
  seq: number;
  at: string;
  actor: string;
  on_behalf_of: string | null;
  action: string;
  subject: string;
  details: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface OutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  body: string;
  kind: string;
  created_at: string;
  sent_at: string | null;
  error: string | null;
  /** Delivery attempts so far; after a few the message is left for a person to look at. */
  attempts: Generated<number>;
}

export interface DeadlineNoticeTable {
  id: Generated<number>;
  plan_id: number;
  deadline: string;
  /** reminder-<days> | escalation */
  kind: string;
  /** The deadline's date when the notice went out: a moved deadline earns fresh notices. */
  deadline_date: string;
  at: string;
}

export interface DelegationTable {
  id: Generated<number>;
  /** The commissioner who delegates. */
  from_user_id: number;
  to_user_id: number;
  /** First and last day (inclusive) the delegation holds. */
  starts_on: string;
  ends_on: string;
  reason: string;
  created_at: string;
  revoked_at: string | null;
}

export interface JobTable {
  id: Generated<number>;
  kind: string;
  dedupe_key: string;
  run_at: string;
  payload: string;
  status: string;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: string;
}

/** A support of the tiered-support catalogue assigned to a plan (migration 018): open → submitted → accepted (or back to open). */
export interface SupportAssignmentTable {
  id: Generated<number>;
  plan_id: number;
  support_id: string;
  tier: number;
  owner_id: number;
  due_on: string;
  note: Generated<string>;
  status: Generated<string>;
  evidence: Generated<string>;
  submitted_by: number | null;
  submitted_at: string | null;
  decided_by: number | null;
  decided_at: string | null;
  decision_note: Generated<string>;
  assigned_by: number;
  created_at: string;
}

export interface Database {
  import_log: ImportLogTable;
  town: TownTable;
  district: DistrictTable;
  district_name: DistrictNameTable;
  school: SchoolTable;
  district_year_measure: DistrictYearMeasureTable;
  accountability_result: AccountabilityResultTable;
  indicator_layout: IndicatorLayoutTable;
  ecs_grant: EcsGrantTable;
  designation: DesignationTable;
  rule_run: RuleRunTable;
  app_user: AppUserTable;
  user_grant: UserGrantTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  user_token: UserTokenTable;
  reset_request: ResetRequestTable;
  cycle: CycleTable;
  plan: PlanTable;
  plan_version: PlanVersionTable;
  plan_event: PlanEventTable;
  fund_release: FundReleaseTable;
  upload: UploadTable;
  audit_event: AuditEventTable;
  audit_head: AuditHeadTable;
  outbox: OutboxTable;
  deadline_notice: DeadlineNoticeTable;
  monitoring_meeting: MonitoringMeetingTable;
  follow_up: FollowUpTable;
  expenditure_report: ExpenditureReportTable;
  expenditure: ExpenditureTable;
  ledger_mapping: LedgerMappingTable;
  goal_value: GoalValueTable;
  strategy_status: StrategyStatusTable;
  plan_condition: PlanConditionTable;
  budget_revision: BudgetRevisionTable;
  annual_review: AnnualReviewTable;
  support_assignment: SupportAssignmentTable;
  delegation: DelegationTable;
  job: JobTable;
}
