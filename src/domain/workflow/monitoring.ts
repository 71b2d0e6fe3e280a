/**
 * The year after approval, first part: monitoring meetings (three a year — fall, winter, spring —
 * and more where the state adds them), each with a collaborative agenda (items proposed by the
 * district and by the state), who attended, minutes, decisions, and follow-ups with an owner and
 * a due date, tracked to done (seed 004: "monitoring meetings three times a year — progress
 * monitoring tracking, a collaborative agenda, fiscal spend down and revisions"; DOMAIN.md § 6).
 * Pure: the services store them and the sweep reminds.
 */
import type { Milestone } from './schedule.ts';

/** The three meetings a year, as milestones a cycle's schedule can carry (the state sets the dates). */
export const MONITORING_MILESTONES: readonly Pick<Milestone, 'id' | 'label' | 'actor'>[] = [
  { id: 'fall-monitoring-meeting', label: 'Fall monitoring meeting', actor: 'district' },
  { id: 'winter-monitoring-meeting', label: 'Winter monitoring meeting', actor: 'district' },
  { id: 'spring-monitoring-meeting', label: 'Spring monitoring meeting', actor: 'district' },
];

export interface AgendaItem {
  readonly id: string;
  /** Who proposed it: the district's people or the state's. */
  readonly by: 'district' | 'state';
  readonly userId: number;
  readonly text: string;
}

export interface Meeting {
  readonly id: number;
  readonly planId: number;
  /** The schedule's milestone this meeting holds (null for one the state added for this district alone). */
  readonly milestoneId: string | null;
  readonly title: string;
  readonly scheduledOn: string;
  readonly heldOn: string | null;
  readonly attendees: readonly string[];
  readonly agenda: readonly AgendaItem[];
  readonly minutes: string;
  /** The minutes as a file of the plan, when the state attached one. */
  readonly minutesUploadId: number | null;
  readonly decisions: string;
  readonly rowVersion: number;
}

export interface FollowUp {
  readonly id: number;
  readonly meetingId: number;
  readonly planId: number;
  readonly text: string;
  /** The person who owns it (a district's or the state's). */
  readonly ownerId: number;
  readonly dueOn: string;
  readonly doneOn: string | null;
  readonly doneNote: string;
  /** When it was recorded (an ISO timestamp): it could not be met, nor escalated, before. */
  readonly recordedAt: string;
}

export type MeetingStatus = 'held' | 'scheduled' | 'overdue';
export type FollowUpStatus = 'done' | 'open' | 'overdue';

/** Held; scheduled (its date not passed); overdue (its date passed and nothing recorded). */
export function meetingStatus(m: Pick<Meeting, 'heldOn' | 'scheduledOn'>, today: string): MeetingStatus {
  if (m.heldOn) return 'held';
  return m.scheduledOn < today ? 'overdue' : 'scheduled';
}

export function followUpStatus(f: Pick<FollowUp, 'doneOn' | 'dueOn'>, today: string): FollowUpStatus {
  if (f.doneOn) return 'done';
  return f.dueOn < today ? 'overdue' : 'open';
}

const isDate = (d: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

export interface MeetingRecord {
  readonly heldOn: string;
  readonly attendees: readonly string[];
  readonly minutes: string;
  /** The minutes come as a file too: then the text may be a summary, or nothing. */
  readonly minutesAttached?: boolean;
  readonly decisions: string;
  readonly followUps: readonly { readonly text: string; readonly ownerId: number; readonly dueOn: string }[];
  /** Conditions of the approval the meeting reviewed, each found met or not yet. */
  readonly conditionReviews?: readonly { readonly item: number; readonly met: boolean }[];
}

/** What is wrong with the record of a meeting, by field, or null: it was held on a real day that has passed, someone attended, the minutes say what happened (in text or a file), each follow-up has an owner and a due date after the meeting, each condition is reviewed once. */
export function meetingRecordProblems(r: MeetingRecord, today: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  if (!isDate(r.heldOn)) out.heldOn = 'Give the date the meeting was held (YYYY-MM-DD).';
  else if (r.heldOn > today) out.heldOn = `The meeting date ${r.heldOn} is in the future: record the meeting once it has been held.`;
  if (!r.attendees.some((a) => a.trim())) out.attendees = 'Name who attended (one per line).';
  if (!r.minutesAttached && r.minutes.trim().length < 20) out.minutes = 'Write the minutes (what was discussed, a few sentences at least), or attach them as a file.';
  const items = (r.conditionReviews ?? []).map((c) => c.item);
  if (new Set(items).size !== items.length) out.conditionReviews = 'Review each condition once.';
  r.followUps.forEach((f, i) => {
    if (!f.text.trim()) out[`followUps.${i}.text`] = 'Say what is to be done.';
    if (!Number.isInteger(f.ownerId) || f.ownerId <= 0) out[`followUps.${i}.ownerId`] = 'Choose who owns it.';
    if (!isDate(f.dueOn)) out[`followUps.${i}.dueOn`] = 'Give the due date (YYYY-MM-DD).';
    else if (isDate(r.heldOn) && f.dueOn < r.heldOn) out[`followUps.${i}.dueOn`] = 'A follow-up is due after the meeting.';
  });
  return Object.keys(out).length ? out : null;
}

/** What is wrong with a meeting to schedule, or null. */
export function meetingScheduleProblem(m: { title: string; scheduledOn: string }): string | null {
  if (!m.title.trim() || m.title.length > 120) return 'Give the meeting a title of at most 120 characters.';
  if (!isDate(m.scheduledOn)) return 'Give the meeting date (YYYY-MM-DD).';
  return null;
}
