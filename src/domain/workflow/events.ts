/**
 * What happens on a plan, as data: each kind of event with the fields it carries. Stored as a
 * kind and a JSON object; read back through `decodeEvent`, so a view never probes
 * `typeof data.body` — it switches on the kind and the compiler knows the fields.
 */

export type DecisionKind = 'revisions-requested' | 'recommended' | 'approve' | 'approve-with-conditions' | 'deny';

export type PlanEventData =
  | { readonly kind: 'comment'; readonly body: string; readonly section: string | null; readonly internal: boolean; readonly parentId: number | null }
  | { readonly kind: 'score'; readonly section: string; readonly score: number; readonly comment: string }
  | { readonly kind: 'decision'; readonly decision: DecisionKind; readonly message: string | null; readonly conditions: string | null }
  | {
      readonly kind: 'board-approval';
      readonly meetingDate: string;
      readonly votesFor: number;
      readonly votesAgainst: number;
      readonly abstentions: number;
      readonly minutesUploadId: number | null;
      readonly minutesName: string | null;
      readonly minutesSha256: string | null;
    }
  | { readonly kind: 'certification'; readonly typedName: string; readonly contentHash: string; readonly assurances: boolean }
  | { readonly kind: 'submission' }
  | { readonly kind: 'reviewers'; readonly reviewers: readonly number[] }
  | { readonly kind: 'release'; readonly date: string; readonly amountCents: number; readonly approvedBy: number | null }
  | { readonly kind: 'amendment' }
  | { readonly kind: 'deadline-extended'; readonly deadline: string; readonly from: string; readonly to: string; readonly reason: string }
  | { readonly kind: 'meeting-scheduled'; readonly meetingId: number; readonly title: string; readonly scheduledOn: string }
  | { readonly kind: 'meeting-held'; readonly meetingId: number; readonly title: string; readonly heldOn: string; readonly followUps: number }
  | { readonly kind: 'follow-up-done'; readonly followUpId: number; readonly text: string; readonly note: string }
  | { readonly kind: 'annual-review'; readonly decision: 'continue' | 'continue-with-conditions' | 'refer-for-support'; readonly reason: string }
  | { readonly kind: 'budget-revised'; readonly revisionId: number; readonly number: number; readonly status: 'recorded' | 'pending' | 'approved' | 'denied'; readonly reason: string }
  | { readonly kind: 'expenditures-imported'; readonly reportId: number; readonly period: string; readonly fileName: string; readonly rows: number; readonly totalCents: number }
  /** A kind this version of the system does not know (kept, shown by its name, never guessed at). */
  | { readonly kind: 'other'; readonly name: string };

export type PlanEventKind = Exclude<PlanEventData['kind'], 'other'>;

export const PLAN_EVENT_KINDS: readonly PlanEventKind[] = ['comment', 'score', 'decision', 'board-approval', 'certification', 'submission', 'reviewers', 'release', 'amendment', 'deadline-extended', 'meeting-scheduled', 'meeting-held', 'follow-up-done', 'expenditures-imported', 'budget-revised', 'annual-review'];

const DECISIONS: readonly DecisionKind[] = ['revisions-requested', 'recommended', 'approve', 'approve-with-conditions', 'deny'];

/** The stored form: the kind in its column, the rest as a JSON object. */
export function encodeEvent(e: Exclude<PlanEventData, { kind: 'other' }>): { kind: PlanEventKind; data: string } {
  const { kind, ...rest } = e;
  return { kind, data: JSON.stringify(rest) };
}

type Raw = Record<string, unknown>;
const str = (r: Raw, k: string): string => (typeof r[k] === 'string' ? (r[k] as string) : '');
const strOrNull = (r: Raw, k: string): string | null => (typeof r[k] === 'string' && r[k] !== '' ? (r[k] as string) : null);
const num = (r: Raw, k: string): number => (typeof r[k] === 'number' && Number.isFinite(r[k]) ? (r[k] as number) : 0);
const numOrNull = (r: Raw, k: string): number | null => (typeof r[k] === 'number' && Number.isFinite(r[k]) ? (r[k] as number) : null);

/**
 * An event as stored, read back into its type. Fields missing from older rows take their empty
 * value (a decision stored before conditions were kept has `conditions: null`); a kind not known
 * here is `other`, with its name.
 */
export function decodeEvent(kind: string, json: string): PlanEventData {
  let r: Raw;
  try {
    const parsed: unknown = JSON.parse(json);
    r = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Raw) : {};
  } catch {
    r = {};
  }
  switch (kind) {
    case 'comment':
      return { kind, body: str(r, 'body'), section: strOrNull(r, 'section'), internal: r.internal === true, parentId: numOrNull(r, 'parentId') };
    case 'score':
      return { kind, section: str(r, 'section'), score: num(r, 'score'), comment: str(r, 'comment') };
    case 'decision': {
      const decision = DECISIONS.find((d) => d === r.decision);
      if (!decision) return { kind: 'other', name: kind };
      return { kind, decision, message: strOrNull(r, 'message'), conditions: strOrNull(r, 'conditions') };
    }
    case 'board-approval':
      return {
        kind,
        meetingDate: str(r, 'meetingDate'),
        votesFor: num(r, 'votesFor'),
        votesAgainst: num(r, 'votesAgainst'),
        abstentions: num(r, 'abstentions'),
        minutesUploadId: numOrNull(r, 'minutesUploadId'),
        minutesName: strOrNull(r, 'minutesName'),
        minutesSha256: strOrNull(r, 'minutesSha256'),
      };
    case 'certification':
      return { kind, typedName: str(r, 'typedName'), contentHash: str(r, 'contentHash'), assurances: r.assurances === true };
    case 'submission':
    case 'amendment':
      return { kind };
    case 'reviewers':
      return { kind, reviewers: Array.isArray(r.reviewers) ? r.reviewers.filter((x): x is number => Number.isInteger(x)) : [] };
    case 'release':
      return { kind, date: str(r, 'date'), amountCents: num(r, 'amountCents'), approvedBy: numOrNull(r, 'approvedBy') };
    case 'deadline-extended':
      return { kind, deadline: str(r, 'deadline'), from: str(r, 'from'), to: str(r, 'to'), reason: str(r, 'reason') };
    case 'meeting-scheduled':
      return { kind, meetingId: num(r, 'meetingId'), title: str(r, 'title'), scheduledOn: str(r, 'scheduledOn') };
    case 'meeting-held':
      return { kind, meetingId: num(r, 'meetingId'), title: str(r, 'title'), heldOn: str(r, 'heldOn'), followUps: num(r, 'followUps') };
    case 'follow-up-done':
      return { kind, followUpId: num(r, 'followUpId'), text: str(r, 'text'), note: str(r, 'note') };
    case 'annual-review': {
      const decision = (['continue', 'continue-with-conditions', 'refer-for-support'] as const).find((x) => x === r.decision);
      return decision ? { kind, decision, reason: str(r, 'reason') } : { kind: 'other', name: kind };
    }
    case 'budget-revised': {
      const status = (['recorded', 'pending', 'approved', 'denied'] as const).find((x) => x === r.status);
      if (!status) return { kind: 'other', name: kind };
      return { kind, revisionId: num(r, 'revisionId'), number: num(r, 'number'), status, reason: str(r, 'reason') };
    }
    case 'expenditures-imported':
      return { kind, reportId: num(r, 'reportId'), period: str(r, 'period'), fileName: str(r, 'fileName'), rows: num(r, 'rows'), totalCents: num(r, 'totalCents') };
    default:
      return { kind: 'other', name: kind };
  }
}

/** Events the state keeps to itself: reviewers' scores and internal notes. */
export function isInternalEvent(e: PlanEventData): boolean {
  return e.kind === 'score' || (e.kind === 'comment' && e.internal);
}

/** The decision that approved the plan, if any (the latest approving one). */
export function approvingDecision<E extends PlanEventData>(events: readonly E[]): Extract<E, { kind: 'decision' }> | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.kind === 'decision' && (e.decision === 'approve' || e.decision === 'approve-with-conditions')) return e as Extract<E, { kind: 'decision' }>;
  }
  return undefined;
}
