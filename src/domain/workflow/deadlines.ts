/**
 * Deadlines of a cycle: which one a plan is working toward at its stage, who must act, and which
 * notice is due today — a reminder some days before, an escalation once it has passed. Pure:
 * the sweep job (src/services/plans/notices.ts) records each notice once.
 */
import type { IsoDate } from '../time/fiscal-year.ts';
import type { PlanState } from './plan.ts';

export const DEADLINES = ['draft', 'board', 'submission', 'review', 'decision'] as const;
export type DeadlineName = (typeof DEADLINES)[number];
export type Deadlines = Readonly<Record<DeadlineName, string>>;

export const DEADLINE_LABELS: Readonly<Record<DeadlineName, string>> = {
  draft: 'the draft plan',
  board: "the local board's approval",
  submission: 'submission to the state',
  review: "the state's review",
  decision: "the commissioner's decision",
};

/** Who must act before a deadline. */
export type Responsible = 'district' | 'reviewers' | 'commissioner';

export const RESPONSIBLE: Readonly<Record<DeadlineName, Responsible>> = {
  draft: 'district',
  board: 'district',
  submission: 'district',
  review: 'reviewers',
  decision: 'commissioner',
};

/** The deadlines a plan can be working toward (pendingDeadline); the draft date is a milestone only. */
export const TRACKED_DEADLINES: readonly DeadlineName[] = ['board', 'submission', 'review', 'decision'];

/** Days before a deadline that a reminder goes out, when a cycle does not say otherwise. */
export const DEFAULT_REMINDER_DAYS: readonly number[] = [7, 1];

/**
 * The deadline a plan is working toward: a district plan before its board's vote needs the
 * board; after it, submission; a submitted plan awaits the review, a recommended one the
 * decision; a decided plan none.
 */
export function pendingDeadline(state: PlanState, boardApprovedCurrentVersion: boolean): DeadlineName | null {
  switch (state) {
    case 'draft':
    case 'revisions-requested':
      return boardApprovedCurrentVersion ? 'submission' : 'board';
    case 'submitted':
    case 'in-review':
      return 'review';
    case 'recommended':
      return 'decision';
    default:
      return null;
  }
}

export type NoticeKind = `reminder-${number}` | 'escalation';

const DAY = 86_400_000;

function days(from: IsoDate | string, to: IsoDate | string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/**
 * The notice due today for a deadline, or null: an escalation the day after it passes (unless it
 * had already passed when the cycle opened: nobody could have met it); before it, the reminder
 * of the smallest window today falls in (7 days, then 1 day, by default). Each is sent once; a
 * reminder window missed while the system was down is not sent late.
 */
export function noticeDue(deadline: IsoDate | string, today: IsoDate | string, cycleOpenedOn: IsoDate | string, reminderDays: readonly number[] = DEFAULT_REMINDER_DAYS): NoticeKind | null {
  const left = days(today, deadline);
  if (left < 0) return deadline >= cycleOpenedOn ? 'escalation' : null;
  const windows = [...reminderDays].filter((d) => Number.isInteger(d) && d > 0).sort((a, b) => a - b);
  const window = windows.find((d) => left <= d && left > 0);
  // The smallest window today falls in: at 1 day left the 7-day reminder is stale.
  return window === undefined ? null : `reminder-${window}`;
}

/** The text of a notice for a milestone (its label: "submission to the state", "the fall monitoring meeting"). */
export function noticeText(kind: NoticeKind, what: string, date: string, district: string, fiscalYear: number, consequence = 'The withheld funds cannot be released until the plan is approved.'): { subject: string; body: string } {
  if (kind === 'escalation') {
    return {
      subject: `Overdue: ${what} for ${district} (FY${fiscalYear})`,
      body: `The deadline for ${what} for ${district}'s FY${fiscalYear} Alliance plan was ${date}, and it has not happened yet. ${consequence}\n`,
    };
  }
  const n = Number(kind.slice('reminder-'.length));
  return {
    subject: `Reminder: ${what} for ${district} is due ${n === 1 ? 'tomorrow' : `in ${n} days`} (${date})`,
    body: `The deadline for ${what} for ${district}'s FY${fiscalYear} Alliance plan is ${date}.\n`,
  };
}

/**
 * Whether a plan is optional: nothing is withheld from the district this year and the cycle's
 * policy (an open question the statute leaves to the state) makes its plan optional. The
 * district's own deadlines then carry no reminders and nothing is overdue; the state's still do
 * once it files.
 */
export function planOptional(allocationCents: number, policy: 'plan-required' | 'plan-optional'): boolean {
  return allocationCents === 0 && policy === 'plan-optional';
}

/** A district's own later dates for some of a cycle's deadlines (extensions the state granted). */
export type DeadlineExtensions = Readonly<Partial<Record<DeadlineName, string>>>;

const isDate = (d: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

/** The deadlines that hold for one district: the cycle's, with its extensions in their place. */
export function effectiveDeadlines(cycle: Deadlines, extensions: DeadlineExtensions = {}): Deadlines {
  const out = { ...cycle };
  for (const d of DEADLINES) {
    const e = extensions[d];
    if (e && isDate(e) && e > cycle[d]) out[d] = e;
  }
  return out;
}

/** What is wrong with a cycle's deadlines (real dates, in the order the work happens), or null. */
export function deadlinesProblem(d: Record<DeadlineName, string>): { deadline: DeadlineName; message: string } | null {
  for (const name of DEADLINES) {
    if (!isDate(d[name] ?? '')) return { deadline: name, message: `The deadline for ${DEADLINE_LABELS[name]} must be a date (YYYY-MM-DD).` };
  }
  for (let i = 1; i < DEADLINES.length; i++) {
    const before = DEADLINES[i - 1]!;
    const name = DEADLINES[i]!;
    if (d[name] < d[before]) return { deadline: name, message: `The deadline for ${DEADLINE_LABELS[name]} (${d[name]}) is before the one for ${DEADLINE_LABELS[before]} (${d[before]}).` };
  }
  return null;
}

/**
 * Whether `date` can extend `deadline` for one district that already has `extensions`: a real
 * date, later than the date the district has now, and leaving its deadlines in order (a later
 * board date past the submission date would make submission overdue at once — extend the later
 * deadlines first). Null when it can.
 */
export function extensionProblem(cycle: Deadlines, extensions: DeadlineExtensions, deadline: string, date: string): string | null {
  if (!(DEADLINES as readonly string[]).includes(deadline)) return `"${deadline}" is not one of the cycle's deadlines.`;
  const name = deadline as DeadlineName;
  if (!isDate(date)) return 'Give the new date as YYYY-MM-DD.';
  const now = effectiveDeadlines(cycle, extensions);
  if (date <= now[name]) return `An extension must be later than the district's deadline for ${DEADLINE_LABELS[name]} now (${now[name]}).`;
  const order = deadlinesProblem({ ...now, [name]: date });
  if (order) return `${order.message} Extend the later deadline first.`;
  return null;
}
