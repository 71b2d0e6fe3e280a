/**
 * Comparison districts matched on size and demographics (issue 10): for each district of a
 * designation cohort, the k never-designated districts nearest to it in the base year (the year
 * before designation), by the Euclidean distance over covariates each scaled by its standard
 * deviation across the districts matched and the candidates (log enrollment, % eligible for
 * free or reduced-price meals, % English learners). Matching is with replacement: a comparison
 * district near several cohort districts counts once for each. Ties go to the lower district
 * code, so the same data always gives the same matches. Pure.
 */

/** A covariate the matching uses: the stored measure and how its value enters the distance. */
export interface Covariate {
  readonly measure: string;
  readonly label: { readonly en: string; readonly es: string };
  readonly transform: 'log' | 'none';
}

export const MATCH_COVARIATES: readonly Covariate[] = [
  { measure: 'enrollment', label: { en: 'enrollment', es: 'matrícula' }, transform: 'log' },
  { measure: 'pct_frpl', label: { en: '% free or reduced-price meals', es: '% con comidas gratuitas o a precio reducido' }, transform: 'none' },
  { measure: 'pct_ell', label: { en: '% English learners', es: '% estudiantes de inglés' }, transform: 'none' },
];

/** How many comparison districts each cohort district is matched with. */
export const MATCH_K = 3;

export interface Balance {
  readonly measure: string;
  /** Mean over the cohort's matched districts (raw values, e.g. students and percent). */
  readonly cohort: number;
  /** Mean over the matched comparison districts, each counted as often as it was matched. */
  readonly matched: number;
  /** Mean over every candidate (all never-designated districts with the covariates). */
  readonly all: number;
}

export interface Matching {
  /** Each cohort district with covariates → its k nearest candidates, nearest first. */
  readonly matches: ReadonlyMap<string, readonly string[]>;
  /** Cohort districts left out for want of a covariate in the base year. */
  readonly unmatched: readonly string[];
  readonly balance: readonly Balance[];
  readonly k: number;
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : Number.NaN);
function sd(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
}

/** Distances equal but for floating-point noise are ties (then the lower code goes first). */
const roundOff = (d: number) => Math.round(d * 1e9) / 1e9;

/**
 * Match each cohort district with its k nearest candidates.
 * @param values district code → raw covariate values in {@link MATCH_COVARIATES} order (missing ones absent)
 */
export function nearestNeighbours(cohort: readonly string[], candidates: readonly string[], values: ReadonlyMap<string, readonly number[]>, covariates: readonly Covariate[] = MATCH_COVARIATES, k = MATCH_K): Matching {
  const complete = (code: string) => {
    const v = values.get(code);
    return v !== undefined && v.length === covariates.length && v.every((x, i) => Number.isFinite(x) && (covariates[i]!.transform !== 'log' || x > 0));
  };
  const treated = [...cohort].filter(complete).sort();
  const pool = [...candidates].filter(complete).sort();
  const scaled = (code: string) => values.get(code)!.map((x, i) => (covariates[i]!.transform === 'log' ? Math.log(x) : x));
  const points = new Map([...treated, ...pool].map((c) => [c, scaled(c)]));
  const scales = covariates.map((_, i) => sd([...treated, ...pool].map((c) => points.get(c)![i]!)) || 1);
  const matches = new Map<string, string[]>();
  const kk = Math.min(k, pool.length);
  for (const t of treated) {
    const p = points.get(t)!;
    // Keep the k nearest in one pass (no sort of the whole pool: it is large at national scale).
    const best: { c: string; d: number }[] = [];
    for (const c of pool) {
      const q = points.get(c)!;
      let sq = 0;
      for (let i = 0; i < q.length; i++) sq += ((q[i]! - p[i]!) / scales[i]!) ** 2;
      const d = roundOff(Math.sqrt(sq));
      // The pool is sorted by code, so an equal distance never displaces an earlier (lower) code.
      if (best.length === kk && d >= best[kk - 1]!.d) continue;
      let at = best.length;
      while (at > 0 && best[at - 1]!.d > d) at--;
      best.splice(at, 0, { c, d });
      if (best.length > kk) best.pop();
    }
    matches.set(t, best.map((r) => r.c));
  }
  const used = [...matches.values()].flat();
  const balance = covariates.map((cv, i) => ({
    measure: cv.measure,
    cohort: mean(treated.map((c) => values.get(c)![i]!)),
    matched: mean(used.map((c) => values.get(c)![i]!)),
    all: mean(pool.map((c) => values.get(c)![i]!)),
  }));
  return { matches, unmatched: cohort.filter((c) => !complete(c)).sort(), balance, k: kk };
}
