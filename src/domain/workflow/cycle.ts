/**
 * A cycle: one fiscal year's round of plans, with its schedule and its settings.
 */
import type { FiscalYear } from '../time/fiscal-year.ts';
import { DEFAULT_RUBRIC, type RubricSection } from './rubric.ts';
import type { Deadlines } from './deadlines.ts';
import type { Schedule } from './schedule.ts';
import type { SpendDownRules } from './spending.ts';

export interface CycleSettings {
  /** The share of the budget that must go to new or extended reform efforts. */
  readonly substantialMajority: number;
  /** A district with nothing withheld: must it still file a plan? (An open policy question.) */
  readonly noAllocationPolicy: 'plan-required' | 'plan-optional';
  /** The sections reviewers score; the default follows the statute's requirements. */
  readonly rubric: readonly RubricSection[];
  /** Days before a deadline that reminders go out. */
  readonly reminderDays?: readonly number[];
  /** The spend-down flags' thresholds (DEFAULT_SPEND_DOWN_RULES when not set). */
  readonly spendDown?: SpendDownRules;
  /** A budget revision moving more than this share of a funding area needs the state's approval (0.1 when not set). */
  readonly revisionThreshold?: number;
}

export const DEFAULT_SETTINGS: CycleSettings = { substantialMajority: 0.5, noAllocationPolicy: 'plan-optional', rubric: DEFAULT_RUBRIC };

export interface Cycle {
  readonly id: number;
  readonly fiscalYear: FiscalYear;
  readonly title: string;
  readonly status: string;
  /** Every milestone of the cycle, the plan's five first. */
  readonly schedule: Schedule;
  /** The plan's five dates (read from the schedule). */
  readonly deadlines: Deadlines;
  readonly settings: CycleSettings;
  readonly rowVersion: number;
  /** When it was opened (an ISO timestamp). */
  readonly openedAt: string;
}

/** What is wrong with a cycle's settings, or null. */
export function settingsProblem(s: CycleSettings): string | null {
  if (!(s.substantialMajority > 0 && s.substantialMajority <= 1)) return 'The substantial-majority share must be above 0% and at most 100%.';
  if (!s.rubric.length || new Set(s.rubric.map((r) => r.id)).size !== s.rubric.length) return 'The rubric needs at least one section, each with its own title.';
  return null;
}
