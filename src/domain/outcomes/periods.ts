/**
 * Before, during and after the pandemic (issue 10): a pooled series summed over the school years
 * of each period — Σ numerators over Σ denominators across the period's years, per group — and
 * the gap in each. The periods are named and dated here, not chosen silently: schools closed in
 * March 2020, no statewide tests were given in 2019-20 and EdSight has none for 2020-21. Pure.
 */
import type { SchoolYear } from '../time/fiscal-year.ts';
import type { PooledSeries } from './pooled.ts';

export interface Period {
  readonly id: 'before' | 'during' | 'after';
  readonly label: { readonly en: string; readonly es: string };
  /** First and last school year, inclusive; null is open. */
  readonly first: SchoolYear | null;
  readonly last: SchoolYear | null;
}

export const PANDEMIC_PERIODS: readonly Period[] = [
  { id: 'before', label: { en: 'Before the pandemic (to 2018-19)', es: 'Antes de la pandemia (hasta 2018-19)' }, first: null, last: '2018-19' as SchoolYear },
  { id: 'during', label: { en: 'Pandemic years (2019-20 and 2020-21)', es: 'Años de la pandemia (2019-20 y 2020-21)' }, first: '2019-20' as SchoolYear, last: '2020-21' as SchoolYear },
  { id: 'after', label: { en: 'After the pandemic (from 2021-22)', es: 'Después de la pandemia (desde 2021-22)' }, first: '2021-22' as SchoolYear, last: null },
];

export interface PeriodGroup {
  readonly numerator: number;
  readonly denominator: number;
  readonly rate: number | null;
}

export interface PeriodSummary {
  readonly period: Period;
  /** The school years of the series that fall in the period and have data for both groups. */
  readonly years: readonly SchoolYear[];
  readonly alliance: PeriodGroup | null;
  readonly other: PeriodGroup | null;
  /** alliance − other, percentage points. */
  readonly gapPoints: number | null;
}

const inPeriod = (p: Period, sy: string) => (p.first === null || sy >= p.first) && (p.last === null || sy <= p.last);

/**
 * Each period's pooled rates. Only years where both groups have data count, so the two groups
 * are summed over the same years.
 */
export function periodSummaries(series: Pick<PooledSeries, 'years'>, periods: readonly Period[] = PANDEMIC_PERIODS): PeriodSummary[] {
  return periods.map((period) => {
    const years = series.years.filter((y) => inPeriod(period, y.schoolYear) && y.alliance && y.other && y.alliance.denominator > 0 && y.other.denominator > 0);
    const sum = (g: 'alliance' | 'other'): PeriodGroup | null => {
      if (!years.length) return null;
      let n = 0;
      let d = 0;
      for (const y of years) {
        n += y[g]!.numerator;
        d += y[g]!.denominator;
      }
      return { numerator: n, denominator: d, rate: d > 0 ? n / d : null };
    };
    const alliance = sum('alliance');
    const other = sum('other');
    const gapPoints = alliance?.rate != null && other?.rate != null ? (alliance.rate - other.rate) * 100 : null;
    return { period, years: years.map((y) => y.schoolYear), alliance, other, gapPoints };
  });
}
