/**
 * The midpoint review (issue 10; the 2024-25 brief's evaluation plan): three years into a
 * five-year designation, each district's results now against the year before the cycle began.
 * This file holds the measures the review reads and the change between two years, saying when
 * the base year has no value and a later one stands in. Pure.
 */
import type { SchoolYear } from '../time/fiscal-year.ts';

export interface MidpointMeasure {
  readonly measure: string;
  readonly label: { readonly en: string; readonly es: string };
  /** Whether a rise is good news (chronic absenteeism: a fall is). */
  readonly higherIsBetter: boolean;
}

export const MIDPOINT_MEASURES: readonly MidpointMeasure[] = [
  { measure: 'graduation_4yr_rate', label: { en: 'Four-year graduation rate (%)', es: 'Tasa de graduación en cuatro años (%)' }, higherIsBetter: true },
  { measure: 'sbac_ela_level3plus_pct', label: { en: 'Smarter Balanced ELA, met or exceeded (%)', es: 'Smarter Balanced ELA, alcanzó o superó (%)' }, higherIsBetter: true },
  { measure: 'sbac_math_level3plus_pct', label: { en: 'Smarter Balanced math, met or exceeded (%)', es: 'Smarter Balanced matemáticas, alcanzó o superó (%)' }, higherIsBetter: true },
  { measure: 'chronic_absenteeism_pct', label: { en: 'Chronic absenteeism (%)', es: 'Ausentismo crónico (%)' }, higherIsBetter: false },
  { measure: 'accountability_index', label: { en: 'Accountability index', es: 'Índice de rendición de cuentas' }, higherIsBetter: true },
];

export interface YearValue {
  readonly schoolYear: SchoolYear;
  readonly value: number;
}

export interface Change {
  readonly measure: string;
  /** The base year's value; when it has none, the first later year with one (baseShifted). */
  readonly base: YearValue | null;
  readonly baseShifted: boolean;
  /** The latest year up to `latest` with a value. */
  readonly latest: YearValue | null;
  /** latest − base, when both exist and are different years. */
  readonly change: number | null;
  /** Whether the change is good news by the measure's direction; null without a change. */
  readonly better: boolean | null;
}

/** The change in one measure from `base` to `latest` (school years), from a district's values by year. */
export function changeSince(m: MidpointMeasure, values: ReadonlyMap<string, number>, base: SchoolYear, latest: SchoolYear): Change {
  const years = [...values.keys()].filter((y) => y >= base && y <= latest).sort();
  const first = years[0];
  const last = years.at(-1);
  const baseValue = first === undefined ? null : { schoolYear: first as SchoolYear, value: values.get(first)! };
  const latestValue = last === undefined ? null : { schoolYear: last as SchoolYear, value: values.get(last)! };
  const change = baseValue && latestValue && baseValue.schoolYear !== latestValue.schoolYear ? latestValue.value - baseValue.value : null;
  return {
    measure: m.measure,
    base: baseValue,
    baseShifted: baseValue !== null && baseValue.schoolYear !== base,
    latest: latestValue,
    change,
    better: change === null || change === 0 ? null : (change > 0) === m.higherIsBetter,
  };
}
