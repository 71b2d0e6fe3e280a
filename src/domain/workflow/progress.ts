/**
 * Progress-monitoring tracking (seed 004; Georgia's CLIP progress tool as the model): each goal of
 * the approved plan gets values to date, each with its date and source; a status says whether the
 * goal is on track, at risk or off track by a stated rule; each strategy has an implementation
 * status; and the conditions of an approval are tracked items, met or not, with evidence. Pure.
 */
import type { Goal } from './content.ts';

export interface GoalValue {
  readonly goalId: string;
  readonly value: number;
  /** The date the value is as of (YYYY-MM-DD). */
  readonly asOf: string;
  /** "entered" by a person, or "imported" from data the system holds. */
  readonly source: 'entered' | 'imported';
  readonly note: string;
}

export type GoalStatus = 'on-track' | 'at-risk' | 'off-track' | 'no-data';

/** The rule's tolerances: progress within `onTrackPoints` of the year's pace is on track, within `atRiskPoints` at risk. */
export interface ProgressRule {
  readonly onTrackPoints: number;
  readonly atRiskPoints: number;
}

export const DEFAULT_PROGRESS_RULE: ProgressRule = { onTrackPoints: 10, atRiskPoints: 25 };

export interface GoalProgress {
  readonly goal: Goal;
  readonly latest: GoalValue | null;
  readonly status: GoalStatus;
  /** How far from baseline to target the latest value is (0 = baseline, 1 = target); null without data. */
  readonly progress: number | null;
  /** How far it should be by the latest value's date, on a straight line from baseline to target over the year. */
  readonly expected: number | null;
  /** The rule, in words, with its numbers. */
  readonly rule: string;
}

/**
 * A goal's status from its latest value: the share of the way from baseline to target it has come
 * (the target may be below the baseline, e.g. chronic absenteeism), against the share of the year
 * gone on that value's date. On track within `onTrackPoints` of that pace (or past the target), at
 * risk within `atRiskPoints`, else off track.
 */
export function goalProgress(goal: Goal, values: readonly GoalValue[], elapsedShareOn: (date: string) => number, rule: ProgressRule = DEFAULT_PROGRESS_RULE): GoalProgress {
  const mine = values.filter((v) => v.goalId === goal.id).sort((a, b) => a.asOf.localeCompare(b.asOf));
  const latest = mine.at(-1) ?? null;
  const words = `on track within ${rule.onTrackPoints} points of a straight line from baseline to target over the year, at risk within ${rule.atRiskPoints}`;
  if (!latest) return { goal, latest, status: 'no-data', progress: null, expected: null, rule: words };
  const span = goal.target - goal.baseline;
  const progress = span === 0 ? (latest.value === goal.target ? 1 : 0) : (latest.value - goal.baseline) / span;
  const expected = elapsedShareOn(latest.asOf);
  const behind = (expected - progress) * 100;
  const status: GoalStatus = progress >= 1 || behind <= rule.onTrackPoints ? 'on-track' : behind <= rule.atRiskPoints ? 'at-risk' : 'off-track';
  return { goal, latest, status, progress, expected, rule: words };
}

export const IMPLEMENTATION = ['not-started', 'in-progress', 'implemented'] as const;
export type Implementation = (typeof IMPLEMENTATION)[number];

/** The conditions of an approval as items: one per line (or per ";" on one line), numbered from 1. */
export function conditionItems(conditions: string | null): { readonly index: number; readonly text: string }[] {
  if (!conditions?.trim()) return [];
  const parts = conditions.includes('\n') ? conditions.split(/\r?\n/) : conditions.split(';');
  return parts
    .map((t) => t.trim().replace(/^[-*•\d.)\s]+/, '').trim())
    .filter(Boolean)
    .map((text, i) => ({ index: i + 1, text }));
}
