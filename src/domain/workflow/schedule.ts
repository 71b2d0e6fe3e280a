/**
 * A cycle's schedule as data: a list of milestones, each with an id, a label, who acts and a
 * date. The five plan milestones (draft, board, submission, review, decision) are always there
 * and in that order; a state adds its own — "fall monitoring meeting", "Q2 expenditure report
 * due" — and the deadline sweep, the staff board and the reminders read them all from here.
 */
import { DEADLINE_LABELS, DEADLINES, RESPONSIBLE, deadlinesProblem, type DeadlineName, type Deadlines, type Responsible } from './deadlines.ts';

/** Who acts by a milestone: the district, the plan's reviewers, the commissioner, or the state's administrators. */
export type MilestoneActor = Responsible | 'state';

export const MILESTONE_ACTORS: readonly MilestoneActor[] = ['district', 'reviewers', 'commissioner', 'state'];

export interface Milestone {
  /** A short name, unique in the cycle (lower-case letters, digits and hyphens). */
  readonly id: string;
  readonly label: string;
  readonly actor: MilestoneActor;
  /** YYYY-MM-DD. */
  readonly date: string;
}

export type Schedule = readonly Milestone[];

/** Whether a milestone is one of the plan's five (the state machine knows when they are met). */
export const isPlanMilestone = (id: string): id is DeadlineName => (DEADLINES as readonly string[]).includes(id);

/** A schedule from the plan's five dates, with the state's own milestones after them. */
export function scheduleOf(deadlines: Deadlines, extra: readonly Milestone[] = []): Schedule {
  return [...DEADLINES.map((d) => ({ id: d, label: DEADLINE_LABELS[d], actor: RESPONSIBLE[d], date: deadlines[d] })), ...extra.filter((m) => !isPlanMilestone(m.id))];
}

/** The plan's five dates, read from a schedule (a schedule missing one is refused by scheduleProblem). */
export function deadlinesOf(schedule: Schedule): Deadlines {
  const at = new Map(schedule.map((m) => [m.id, m.date]));
  return Object.fromEntries(DEADLINES.map((d) => [d, at.get(d) ?? ''])) as Deadlines;
}

/** The state's own milestones (all but the plan's five). */
export const otherMilestones = (schedule: Schedule): Milestone[] => schedule.filter((m) => !isPlanMilestone(m.id));

/** A milestone's id from its label: "Fall monitoring meeting" → "fall-monitoring-meeting". */
export function milestoneId(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

const isDate = (d: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

/** What is wrong with a schedule, or null: every milestone named, dated and with someone to act; the plan's five there and in order. */
export function scheduleProblem(schedule: Schedule): { milestone: string; message: string } | null {
  const seen = new Set<string>();
  for (const m of schedule) {
    if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(m.id)) return { milestone: m.id, message: `A milestone needs a short name of letters, digits and hyphens ("${m.id.slice(0, 40)}" is not one).` };
    if (seen.has(m.id)) return { milestone: m.id, message: `Two milestones are called "${m.label || m.id}"; give each its own name.` };
    seen.add(m.id);
    if (!m.label.trim() || m.label.length > 120) return { milestone: m.id, message: 'Every milestone needs a label of at most 120 characters.' };
    if (!MILESTONE_ACTORS.includes(m.actor)) return { milestone: m.id, message: `Say who acts by "${m.label}".` };
    if (!isDate(m.date)) return { milestone: m.id, message: `The date of "${m.label}" must be a date (YYYY-MM-DD).` };
  }
  const missing = DEADLINES.find((d) => !seen.has(d));
  if (missing) return { milestone: missing, message: `The schedule needs the date for ${DEADLINE_LABELS[missing]}.` };
  const order = deadlinesProblem(deadlinesOf(schedule));
  return order ? { milestone: order.deadline, message: order.message } : null;
}
