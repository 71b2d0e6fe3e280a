/**
 * Pooled outcome series for the evaluation (issue 10; DOMAIN.md §§ 6-7): per school year, the
 * rate of a group of districts is the sum of the numerators over the sum of the denominators
 * (graduates over cohort, students meeting the standard over students with scored tests) — never
 * the mean of district rates, which would weigh a district of 40 students like one of 20,000.
 * Who counts as "alliance" is a named choice ({@link MEMBERSHIPS}), stated with the result. Pure.
 */
import { fiscalYearRange, fiscalYearToSchoolYear, schoolYearToFiscalYear, type FiscalYear, type SchoolYear } from '../time/fiscal-year.ts';
import { DomainError } from '../errors.ts';

/** A measure the evaluation pools: which stored measures give its numerator and denominator. */
export interface PooledMeasure {
  readonly id: string;
  readonly label: { readonly en: string; readonly es: string };
  readonly numerator: string;
  readonly denominator: string;
  /**
   * Where the count is not published (the Smarter Balanced trend file gives a percentage), the
   * numerator is the denominator times this percentage, rounded to a whole student.
   */
  readonly fromPercent?: string;
  /** School years with no data for a known reason. */
  readonly gaps?: readonly { readonly schoolYear: string; readonly reason: string }[];
  /** School years whose figures are not comparable with the others', and why. */
  readonly breaks?: readonly { readonly schoolYear: string; readonly note: string }[];
  /** How the rate is formed, in words. */
  readonly definition: string;
}

const NO_TESTS = [
  { schoolYear: '2019-20', reason: 'No statewide Smarter Balanced tests were given in 2019-20 (COVID-19 school closures).' },
  { schoolYear: '2020-21', reason: 'EdSight has no Smarter Balanced results for 2020-21 (COVID-19; the source data notes the test was not administered).' },
] as const;

function sbac(subject: 'ela' | 'math', suffix: '' | '_high_needs'): PooledMeasure {
  const name = subject === 'ela' ? { en: 'English language arts', es: 'artes del lenguaje en inglés' } : { en: 'mathematics', es: 'matemáticas' };
  const who = suffix ? { en: ', high-needs students', es: ', estudiantes con altas necesidades' } : { en: '', es: '' };
  return {
    id: `sbac_${subject}${suffix}`,
    label: { en: `Smarter Balanced ${name.en}: met or exceeded the standard${who.en}`, es: `Smarter Balanced, ${name.es}: alcanzó o superó el estándar${who.es}` },
    numerator: `sbac_${subject}_level3plus_count${suffix}`,
    denominator: `sbac_${subject}_scored${suffix}`,
    fromPercent: `sbac_${subject}_level3plus_pct${suffix}`,
    gaps: NO_TESTS,
    // 2014-15 scored tests are ~17% above 2015-16's outside the alliance districts (7 grades over 6).
    breaks: [{ schoolYear: '2014-15', note: 'Grade 11 took Smarter Balanced in 2014-15 only (the SAT replaced it from 2015-16), so 2014-15 counts one more grade than the later years.' }],
    definition: 'Students at level 3 or 4 over students with scored tests, summed over the group’s districts. Where EdSight publishes only the percentage (the 2018-19 to 2024-25 trend file), the count is the scored tests times the percentage, rounded to a whole student.',
  };
}

function graduation(suffix: '' | '_high_needs'): PooledMeasure {
  return {
    id: `graduation_4yr${suffix}`,
    label: suffix ? { en: 'Four-year graduation rate, high-needs students', es: 'Tasa de graduación en cuatro años, estudiantes con altas necesidades' } : { en: 'Four-year graduation rate', es: 'Tasa de graduación en cuatro años' },
    numerator: `graduation_4yr_graduates${suffix}`,
    denominator: `graduation_4yr_cohort${suffix}`,
    definition: 'Graduates within four years over the students in the cohort, summed over the group’s districts (districts without a high school have no cohort and do not count).',
  };
}

export const POOLED_MEASURES: readonly PooledMeasure[] = [graduation(''), graduation('_high_needs'), sbac('ela', ''), sbac('ela', '_high_needs'), sbac('math', ''), sbac('math', '_high_needs')];

export function pooledMeasure(id: string): PooledMeasure {
  const m = POOLED_MEASURES.find((x) => x.id === id);
  if (!m) throw new DomainError('invalid_input', `Unknown measure "${id.slice(0, 60)}". The evaluation pools: ${POOLED_MEASURES.map((x) => x.id).join(', ')}.`, { measure: id });
  return m;
}

/**
 * Who is in the alliance group, and who is compared with it — the choice changes the answer, so
 * it is named and stated:
 * - `ever`: districts designated in any year of the record against districts never designated;
 *   the groups are the same every year, so a trend compares like with like (the default).
 * - `that-year`: the districts on that fiscal year's official list against every other district;
 *   years before the program (or without a list) have no alliance group.
 * - `cohort`: the districts first designated in one fiscal year (FY2013, FY2018, FY2023) against
 *   the districts never designated; other designees are left out.
 */
export type Membership = { readonly kind: 'ever' } | { readonly kind: 'that-year' } | { readonly kind: 'cohort'; readonly firstFiscalYear: FiscalYear };
export const MEMBERSHIPS = ['ever', 'that-year', 'cohort'] as const;

export function describeMembership(m: Membership): string {
  switch (m.kind) {
    case 'ever':
      return 'Alliance: every district designated in any year of the record; other: districts never designated. The same districts every year.';
    case 'that-year':
      return 'Alliance: the districts on that fiscal year’s official list; other: every other district. Years without an official list have no alliance group.';
    case 'cohort':
      return `Alliance: the districts first designated for FY${m.firstFiscalYear}; other: districts never designated. Districts first designated in other years are left out.`;
  }
}

export type Group = 'alliance' | 'other';

/** The record the groups are formed from: first fiscal year per designated district, and each year's official list. */
export interface GroupRecord {
  readonly firstDesignated: ReadonlyMap<string, FiscalYear>;
  readonly lists: ReadonlyMap<FiscalYear, ReadonlySet<string>>;
}

/** A district's group in a school year, or null when the choice leaves it out. */
export function groupOf(m: Membership, record: GroupRecord, code: string, sy: SchoolYear): Group | null {
  const first = record.firstDesignated.get(code);
  switch (m.kind) {
    case 'ever':
      return first === undefined ? 'other' : 'alliance';
    case 'that-year': {
      const list = record.lists.get(schoolYearToFiscalYear(sy));
      if (!list) return null;
      return list.has(code) ? 'alliance' : 'other';
    }
    case 'cohort':
      if (first === undefined) return 'other';
      return first === m.firstFiscalYear ? 'alliance' : null;
  }
}

/** One district's values for one school year, by stored measure name. */
export interface DistrictYear {
  readonly code: string;
  readonly schoolYear: string;
  readonly values: Readonly<Record<string, number>>;
}

export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
  /** numerator / denominator, 0-1; null when the denominator is 0. */
  readonly rate: number | null;
  /** How many of the numerators were formed from a percentage. */
  readonly fromPercent: number;
}

export interface GroupYear extends Ratio {
  readonly districts: number;
}

export interface SeriesYear {
  readonly schoolYear: SchoolYear;
  readonly fiscalYear: FiscalYear;
  readonly alliance: GroupYear | null;
  readonly other: GroupYear | null;
  /** alliance.rate − other.rate, in percentage points; null when either is missing. */
  readonly gapPoints: number | null;
  /** Why the year has no data, when the reason is known. */
  readonly gap: string | null;
  /** Why the year is not comparable with the others, when it is not. */
  readonly note: string | null;
}

export interface DistrictSeries {
  readonly code: string;
  readonly years: readonly (Ratio & { readonly schoolYear: SchoolYear; readonly group: Group | null })[];
}

export interface PooledSeries {
  readonly measure: PooledMeasure;
  readonly membership: Membership;
  readonly membershipText: string;
  readonly from: FiscalYear;
  readonly to: FiscalYear;
  readonly years: readonly SeriesYear[];
  readonly districts: readonly DistrictSeries[];
  /** District-years with a denominator but no numerator (suppressed counts), left out of the sums. */
  readonly leftOut: number;
}

/** A district-year's numerator and denominator for the measure, or null when it has none. */
export function ratioOf(measure: PooledMeasure, values: Readonly<Record<string, number>>): { numerator: number; denominator: number; fromPercent: boolean } | 'no-numerator' | null {
  const den = values[measure.denominator];
  if (den === undefined || !Number.isFinite(den) || den <= 0) return null;
  const num = values[measure.numerator];
  if (num !== undefined && Number.isFinite(num)) return { numerator: num, denominator: den, fromPercent: false };
  const pct = measure.fromPercent ? values[measure.fromPercent] : undefined;
  if (pct !== undefined && Number.isFinite(pct)) return { numerator: Math.round((den * pct) / 100), denominator: den, fromPercent: true };
  return 'no-numerator';
}

const rate = (n: number, d: number) => (d > 0 ? n / d : null);

/** The pooled series of a measure, by group and school year, from every district's values. */
export function pooledSeries(measure: PooledMeasure, membership: Membership, record: GroupRecord, rows: readonly DistrictYear[], from: FiscalYear, to: FiscalYear): PooledSeries {
  if (to < from) throw new DomainError('invalid_input', `The period runs backwards: from FY${from} to FY${to}.`, { from, to });
  const years = fiscalYearRange(from, to);
  const inPeriod = new Set(years.map((fy) => fiscalYearToSchoolYear(fy) as string));
  const sums = new Map<string, { n: number; d: number; k: number; p: number }>();
  const perDistrict = new Map<string, (Ratio & { schoolYear: SchoolYear; group: Group | null })[]>();
  let leftOut = 0;
  for (const row of rows) {
    if (!inPeriod.has(row.schoolYear)) continue;
    const r = ratioOf(measure, row.values);
    if (r === null) continue;
    if (r === 'no-numerator') {
      leftOut++;
      continue;
    }
    const sy = row.schoolYear as SchoolYear;
    const group = groupOf(membership, record, row.code, sy);
    const list = perDistrict.get(row.code) ?? [];
    list.push({ schoolYear: sy, group, numerator: r.numerator, denominator: r.denominator, rate: rate(r.numerator, r.denominator), fromPercent: r.fromPercent ? 1 : 0 });
    perDistrict.set(row.code, list);
    if (!group) continue;
    const key = `${group}:${sy}`;
    const s = sums.get(key) ?? { n: 0, d: 0, k: 0, p: 0 };
    s.n += r.numerator;
    s.d += r.denominator;
    s.k++;
    if (r.fromPercent) s.p++;
    sums.set(key, s);
  }
  const groupYear = (g: Group, sy: string): GroupYear | null => {
    const s = sums.get(`${g}:${sy}`);
    return s ? { numerator: s.n, denominator: s.d, rate: rate(s.n, s.d), districts: s.k, fromPercent: s.p } : null;
  };
  return {
    measure,
    membership,
    membershipText: describeMembership(membership),
    from,
    to,
    years: years.map((fy): SeriesYear => {
      const sy = fiscalYearToSchoolYear(fy);
      const alliance = groupYear('alliance', sy);
      const other = groupYear('other', sy);
      const gapPoints = alliance?.rate != null && other?.rate != null ? (alliance.rate - other.rate) * 100 : null;
      const known = !alliance && !other ? (measure.gaps?.find((g) => g.schoolYear === sy)?.reason ?? null) : null;
      const note = measure.breaks?.find((b) => b.schoolYear === sy)?.note ?? null;
      return { schoolYear: sy, fiscalYear: fy, alliance, other, gapPoints, gap: known, note };
    }),
    districts: [...perDistrict].sort(([a], [b]) => a.localeCompare(b)).map(([code, ys]) => ({ code, years: ys.sort((a, b) => a.schoolYear.localeCompare(b.schoolYear)) })),
    leftOut,
  };
}
