/**
 * Progress-monitoring tracking (seed 004; Georgia's CLIP progress tool as the model): each goal of
 * the approved plan gets values to date, each with its date and source; a status says whether the
 * goal is on track, at risk or off track by a stated rule; each strategy has an implementation
 * status; and the conditions of an approval are tracked items, met or not, with evidence. Pure.
 */
import { addDays, fiscalYearEnd, schoolYearToFiscalYear, type SchoolYear } from '../time/fiscal-year.ts';
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

/**
 * Where the data the system imports holds a plan indicator, district-wide, by school year: the
 * Next Generation Accountability results (data.ct.gov h28j-iix5 / EdSight exports; indicator
 * keys as the importer canonicalises them) or a district-year measure (EdSight outcomes). The
 * first source with a value wins, in this order.
 */
export type IndicatorSource =
  | { readonly kind: 'accountability'; readonly key: string; readonly label: string }
  | { readonly kind: 'measure'; readonly measure: string; readonly label: string };

export const INDICATOR_SOURCES: Readonly<Record<Goal['indicator'], readonly IndicatorSource[]>> = {
  'accountability-index': [
    { kind: 'accountability', key: 'accountability_index', label: 'Next Generation Accountability System, district index' },
    { kind: 'measure', measure: 'accountability_index', label: 'District accountability index (CSDE)' },
  ],
  ela: [{ kind: 'accountability', key: 'ind1ela_all_rate', label: 'Next Generation Accountability System, indicator 1: ELA performance index, all students' }],
  math: [{ kind: 'accountability', key: 'ind1math_all_rate', label: 'Next Generation Accountability System, indicator 1: math performance index, all students' }],
  'chronic-absenteeism': [
    { kind: 'accountability', key: 'ind4rate', label: 'Next Generation Accountability System, indicator 4: chronic absenteeism, all students' },
    { kind: 'measure', measure: 'chronic_absenteeism_pct', label: 'EdSight chronic absenteeism (%)' },
  ],
  graduation: [
    { kind: 'measure', measure: 'graduation_4yr_rate', label: 'EdSight four-year cohort graduation rate (%)' },
    { kind: 'accountability', key: 'ind8rate', label: 'Next Generation Accountability System, indicator 8: four-year graduation, all students' },
  ],
};

/** What reading a goal's value from the imported data found. */
export type ImportedGoalValue =
  | { readonly goalId: string; readonly outcome: 'recorded' | 'unchanged'; readonly value: number; readonly asOf: string; readonly source: string }
  | { readonly goalId: string; readonly outcome: 'no-data'; readonly latestYear: string | null };

/**
 * A school year's value as a goal value: dated the last day of the school year it describes
 * (June 30), its note naming the data it came from.
 */
export function importedValue(goalId: string, schoolYear: SchoolYear, value: number, source: IndicatorSource): GoalValue {
  return { goalId, value, asOf: addDays(fiscalYearEnd(schoolYearToFiscalYear(schoolYear)), -1), source: 'imported', note: `${source.label}, ${schoolYear}` };
}

/**
 * The plan's action steps: its interventions, school by school (the steps that carry out the
 * strategies, as Georgia's CLIP tool tracks them), each with a stable id for its status.
 */
export const actionStepId = (index: number): string => `intervention:${index + 1}`;
