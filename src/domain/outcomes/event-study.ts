/**
 * The event-study / difference-in-differences estimate for one designation cohort (issue 10):
 * how the gap between the cohort's districts and the never-designated districts changed from the
 * year before designation (the base year). For each school year k,
 *   effect(k) = [rate_alliance(k) − rate_other(k)] − [rate_alliance(base) − rate_other(base)],
 * with group rates pooled (Σ numerators / Σ denominators). The DiD is the mean effect over the
 * years from designation on; the pre-trend check is the mean effect over the years before the
 * base (near zero if the groups moved together before designation).
 *
 * Uncertainty: a cluster bootstrap over districts — each replicate draws the cohort's districts
 * and the comparison districts with replacement (a district keeps all its years) and recomputes
 * everything; the interval is the 2.5th to 97.5th percentile of the replicates. A seeded
 * generator makes the figures reproducible.
 *
 * The comparison is a named choice, stated with the result: every never-designated district
 * (`all`), or (`matched`, when base-year covariates are given) each cohort district's nearest
 * never-designated districts by size and demographics ({@link nearestNeighbours}). With matching,
 * the bootstrap draws cohort districts together with their matches. Pure.
 */
import { DomainError } from '../errors.ts';
import { fiscalYearToSchoolYear, schoolYearToFiscalYear, type FiscalYear, type SchoolYear } from '../time/fiscal-year.ts';
import { MATCH_K, nearestNeighbours, type Balance } from './matching.ts';
import { groupOf, ratioOf, type DistrictYear, type GroupRecord, type PooledMeasure } from './pooled.ts';

export interface Interval {
  /** Percentage points. */
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
}

export interface EventYear extends Interval {
  readonly schoolYear: SchoolYear;
  /** Years since designation: 0 is the first designated year, −1 the base year. */
  readonly k: number;
}

/** Who the cohort is compared with. */
export type Comparison =
  | { readonly kind: 'all' }
  | {
      readonly kind: 'matched';
      /** Comparison districts per cohort district. */
      readonly k: number;
      /** Cohort districts left out for want of a covariate in the base year. */
      readonly unmatched: number;
      /** Covariate means: the cohort, its matches, and every candidate. */
      readonly balance: readonly Balance[];
    };

export type EventStudy =
  | {
      readonly cohort: FiscalYear;
      readonly comparison: Comparison;
      readonly estimable: true;
      readonly base: SchoolYear;
      readonly districts: { readonly alliance: number; readonly other: number };
      readonly years: readonly EventYear[];
      /** Mean effect over the designated years. */
      readonly did: Interval & { readonly years: number };
      /** Mean effect over the years before the base; null with no such year. */
      readonly preTrend: (Interval & { readonly years: number }) | null;
      readonly replicates: number;
      readonly seed: number;
      /** Fewer than {@link FEW} districts in the cohort: a bootstrap over so few is a rough guide only. */
      readonly fewDistricts: boolean;
    }
  | { readonly cohort: FiscalYear; readonly comparison: Comparison; readonly estimable: false; readonly why: 'no-base' | 'too-few' | 'no-post'; readonly base: SchoolYear; readonly reason: string };

/** Below this many districts in the cohort, the intervals are flagged as rough. */
export const FEW = 10;

/** mulberry32: a small seeded generator, so a replicate set is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The p-quantile (0-1) of sorted values, by linear interpolation between order statistics. */
export function quantile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (h - lo);
}

type Panel = ReadonlyMap<string, readonly [number, number]>[]; // per district: year index → [num, den]

function estimate(alliance: Panel, other: Panel, years: number, baseIndex: number): (number | null)[] {
  const sums = (panel: Panel) => {
    const n = new Float64Array(years);
    const d = new Float64Array(years);
    for (const district of panel) for (const [yi, [num, den]] of district) {
      n[Number(yi)]! += num;
      d[Number(yi)]! += den;
    }
    return [...n].map((x, i) => (d[i]! > 0 ? x / d[i]! : null));
  };
  const a = sums(alliance);
  const o = sums(other);
  const gap = a.map((x, i) => (x === null || o[i] === null ? null : x - o[i]!));
  const base = gap[baseIndex];
  return gap.map((g) => (g === null || base == null ? null : (g - base) * 100));
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

export function eventStudy(
  measure: PooledMeasure,
  cohort: FiscalYear,
  record: GroupRecord,
  rows: readonly DistrictYear[],
  opts: {
    readonly replicates?: number;
    readonly seed?: number;
    /** Base-year covariates by district (MATCH_COVARIATES order): compare with matched districts instead of all. */
    readonly covariates?: ReadonlyMap<string, readonly number[]>;
  } = {},
): EventStudy {
  const replicates = opts.replicates ?? 999;
  const seed = opts.seed ?? 20_130_701;
  if (!Number.isInteger(replicates) || replicates < 99) throw new DomainError('invalid_input', `A bootstrap needs at least 99 replicates (got ${replicates}).`, { replicates });
  const membership = { kind: 'cohort', firstFiscalYear: cohort } as const;
  const yearList = [...new Set(rows.filter((r) => ratioOf(measure, r.values) !== null).map((r) => r.schoolYear))].sort();
  const base = fiscalYearToSchoolYear((cohort - 1) as FiscalYear);
  const baseIndex = yearList.indexOf(base);
  // Until the matching runs (it needs the panel), a matched study says only its kind and k: a study
  // refused for want of a base year has no balance to report.
  let comparison: Comparison = opts.covariates ? { kind: 'matched', k: MATCH_K, unmatched: 0, balance: [] } : { kind: 'all' };
  if (baseIndex < 0) {
    return { cohort, comparison, estimable: false, why: 'no-base', base, reason: `The data has no values of “${measure.label.en}” for ${base}, the year before the cohort was first designated (FY${cohort}), so there is no base year to measure the change from.` };
  }
  const byDistrict = { alliance: new Map<string, Map<string, [number, number]>>(), other: new Map<string, Map<string, [number, number]>>() };
  for (const r of rows) {
    const yi = yearList.indexOf(r.schoolYear);
    if (yi < 0) continue;
    const ratio = ratioOf(measure, r.values);
    if (ratio === null || ratio === 'no-numerator') continue;
    const g = groupOf(membership, record, r.code, r.schoolYear as SchoolYear);
    if (!g) continue;
    const m = byDistrict[g].get(r.code) ?? new Map<string, [number, number]>();
    m.set(String(yi), [ratio.numerator, ratio.denominator]);
    byDistrict[g].set(r.code, m);
  }
  // Clusters for the bootstrap: with matching, a cohort district with its matches; else each district alone.
  let clusters: { alliance: Panel; other: Panel[] } | null = null;
  let alliance: Panel = [...byDistrict.alliance.values()];
  let other: Panel = [...byDistrict.other.values()];
  if (opts.covariates) {
    const m = nearestNeighbours([...byDistrict.alliance.keys()], [...byDistrict.other.keys()], opts.covariates);
    comparison = { kind: 'matched', k: m.k, unmatched: m.unmatched.length, balance: m.balance };
    const heads = [...m.matches.keys()];
    clusters = { alliance: heads.map((c) => byDistrict.alliance.get(c)!), other: heads.map((c) => m.matches.get(c)!.map((o) => byDistrict.other.get(o)!)) };
    alliance = clusters.alliance;
    other = [...new Set([...m.matches.values()].flat())].map((o) => byDistrict.other.get(o)!);
  }
  if (alliance.length < 2 || other.length < 2) {
    return { cohort, comparison, estimable: false, why: 'too-few', base, reason: `Too few districts with values of “${measure.label.en}”${comparison.kind === 'matched' ? ' and the covariates for matching' : ''}: ${alliance.length} in the FY${cohort} cohort and ${other.length} never designated (at least 2 of each are needed).` };
  }
  const post = yearList.map((y, i) => (schoolYearToFiscalYear(y as SchoolYear) >= cohort ? i : -1)).filter((i) => i >= 0);
  const pre = yearList.map((_, i) => i).filter((i) => i < baseIndex);
  if (!post.length) return { cohort, comparison, estimable: false, why: 'no-post', base, reason: `The data has no values of “${measure.label.en}” from FY${cohort} on, the years the cohort was designated.` };
  const summary = (effects: (number | null)[], idx: number[]) => {
    const xs = idx.map((i) => effects[i]).filter((x): x is number => x !== null);
    return xs.length ? mean(xs) : null;
  };
  // With matching, the comparison is the matches with their multiplicity (a district matched twice counts twice).
  const point = clusters ? estimate(clusters.alliance, clusters.other.flat(), yearList.length, baseIndex) : estimate(alliance, other, yearList.length, baseIndex);
  const draws: (number | null)[][] = [];
  const random = seededRandom(seed);
  const draw = (n: number) => Array.from({ length: n }, () => Math.floor(random() * n));
  const resample = (panel: Panel) => draw(panel.length).map((i) => panel[i]!);
  for (let b = 0; b < replicates; b++) {
    let e: (number | null)[];
    if (clusters) {
      const picked = draw(clusters.alliance.length);
      e = estimate(picked.map((i) => clusters.alliance[i]!), picked.flatMap((i) => clusters.other[i]!), yearList.length, baseIndex);
    } else e = estimate(resample(alliance), resample(other), yearList.length, baseIndex);
    draws.push([...e, summary(e, post), summary(e, pre)]);
  }
  const interval = (col: number, est: number): Interval => {
    const xs = draws.map((d) => d[col]).filter((x): x is number => x !== null).sort((a, b) => a - b);
    return { estimate: est, low: quantile(xs, 0.025), high: quantile(xs, 0.975) };
  };
  const n = yearList.length;
  const did = summary(point, post)!;
  const preTrend = summary(point, pre);
  return {
    cohort,
    comparison,
    estimable: true,
    base: base as SchoolYear,
    districts: { alliance: alliance.length, other: other.length },
    years: yearList.flatMap((y, i) => (point[i] === null ? [] : [{ schoolYear: y as SchoolYear, k: schoolYearToFiscalYear(y as SchoolYear) - cohort, ...interval(i, point[i]!) }])),
    did: { ...interval(n, did), years: post.length },
    preTrend: preTrend === null ? null : { ...interval(n + 1, preTrend), years: pre.length },
    replicates,
    seed,
    fewDistricts: alliance.length < FEW,
  };
}
