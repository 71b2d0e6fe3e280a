/**
 * The evaluation report (issue 10): every pooled measure's series and cohort estimates for a
 * period, the results before, during and after the pandemic, the ECS aid withheld per student,
 * and what the data allows around the rank cutoff — one view model that the CLI prints as JSON,
 * renders as HTML and prints to PDF from that HTML. A computation on the imported data, with the
 * code and data versions.
 */
import { districtIndexes } from '../data/accountability.repository.ts';
import type { Store } from '../data/database.ts';
import { ecsFiscalYears } from '../data/ecs.repository.ts';
import { measureForYear } from '../data/measure.repository.ts';
import { DomainError, MissingDataError, NoRuleInForceError } from '../domain/errors.ts';
import { connecticut, cycles } from '../domain/law/cgs-10-262u/index.ts';
import type { Cents } from '../domain/money/cents.ts';
import { periodSummaries, type PeriodSummary } from '../domain/outcomes/periods.ts';
import { POOLED_MEASURES, type Membership } from '../domain/outcomes/pooled.ts';
import { fiscalYearToSchoolYear, type FiscalYear, type SchoolYear } from '../domain/time/fiscal-year.ts';
import { evaluationSeries, METHOD, type EvaluationSeries } from './evaluation.service.ts';
import { dataVersion } from './store.service.ts';
import { CODE_VERSION } from './version.ts';
import { runWithholding } from './withholding.service.ts';
import { midpointReview, type MidpointReview } from './midpoint-review.service.ts';

export interface ReportQuery {
  /** Measure ids ({@link POOLED_MEASURES}); by default all of them. */
  readonly measures?: readonly string[];
  readonly from?: FiscalYear;
  readonly to?: FiscalYear;
  readonly membership: Membership;
}

export interface ReportSection {
  readonly series: Omit<EvaluationSeries, 'districts'> & {
    /** Each district's rate in the first and the last year of the period it has data for. */
    readonly districts: readonly DistrictEnds[];
  };
  readonly periods: readonly PeriodSummary[];
}

export interface DistrictEnds {
  readonly code: string;
  readonly name: string;
  /** Its group in the last year it has data. */
  readonly group: 'alliance' | 'other' | null;
  readonly first: { readonly schoolYear: SchoolYear; readonly rate: number | null; readonly denominator: number };
  readonly last: { readonly schoolYear: SchoolYear; readonly rate: number | null; readonly denominator: number };
}

export interface WithheldYear {
  readonly fiscalYear: FiscalYear;
  readonly withheldCents: Cents;
  readonly designatedTowns: number;
  /** Students enrolled in the designated districts that school year (those with a count). */
  readonly students: number | null;
  readonly perStudentCents: Cents | null;
}

/** Why a regression-discontinuity estimate around a cycle's rank cutoff can or cannot be made. */
export interface RdCycle {
  readonly cohort: FiscalYear;
  readonly act: string;
  readonly lowestCount: number;
  readonly dataYear: SchoolYear | null;
  /** Districts with a whole-district index for the data year in the database. */
  readonly indexDistricts: number;
  readonly estimable: false;
  /**
   * not-estimated: the index is imported for enough districts, but this version has no estimator
   * around the cutoff yet — said so, never shown as a number.
   */
  readonly why: 'data-year-unknown' | 'index-not-imported' | 'too-few' | 'not-estimated';
  readonly reason: string;
}

export interface EvaluationReport {
  readonly kind: 'computation';
  readonly title: string;
  readonly from: FiscalYear;
  readonly to: FiscalYear;
  readonly membership: Membership;
  readonly membershipText: string;
  readonly sections: readonly ReportSection[];
  readonly withheld: { readonly years: readonly WithheldYear[]; readonly notes: readonly string[] };
  readonly rd: { readonly statement: string; readonly cycles: readonly RdCycle[] };
  /**
   * The latest cycle's midpoint review, without the tiers (set in the work area from the annual
   * reviews, not published); null with the reason when it cannot be made.
   */
  readonly midpoint: { readonly review: Omit<MidpointReview, 'rows'> & { readonly rows: readonly Omit<MidpointReview['rows'][number], 'tier'>[] } } | { readonly review: null; readonly reason: string };
  readonly method: string;
  readonly limits: readonly string[];
  readonly version: { readonly code: string; readonly data: string };
}

/** Below this many districts with an index in the data year, a local regression around the cutoff has too little to work on. */
export const RD_MIN_DISTRICTS = 100;

export const LIMITS: readonly string[] = [
  'These figures describe; they do not prove that the program caused a change. The alliance districts were chosen because their results were low, so some of any rise afterwards can be a return toward the average that would have happened anyway (regression toward the mean).',
  'The comparison districts are the districts never designated. They are smaller, richer and have fewer English learners; matching on size and demographics narrows the difference but does not remove it, and the largest cities have no close look-alike.',
  'Other programs reached the same districts in the same years (the Commissioner’s Network, Priority School District grants, federal pandemic aid), so an estimate is of everything that happened to the cohort, not of the Alliance grant alone.',
  'No statewide tests were given in 2019-20 and EdSight has no results for 2020-21; graduation continued but under pandemic rules. Smarter Balanced 2014-15 counts grade 11, later years do not.',
  'Rates are pooled: the sum of graduates over the sum of cohorts (or students meeting the standard over students tested), so large districts weigh more, as they enrol more students. Suppressed small counts are left out of the sums and counted in the report.',
];

export const RD_STATEMENT =
  'A regression-discontinuity estimate compares districts just inside the rank cutoff (designated) with districts just outside it (not designated), which would separate the program from the low results that put a district in it. It needs every district’s index in the year the state ranked on.';

export async function evaluationReport(store: Store, q: ReportQuery): Promise<EvaluationReport> {
  const ids = q.measures?.length ? q.measures : POOLED_MEASURES.map((m) => m.id);
  const unknown = ids.filter((id) => !POOLED_MEASURES.some((m) => m.id === id));
  if (unknown.length) throw new DomainError('invalid_input', `Unknown measure${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u.slice(0, 60)}"`).join(', ')}. The evaluation pools: ${POOLED_MEASURES.map((x) => x.id).join(', ')}.`, { measures: unknown });
  const sections: ReportSection[] = [];
  const skipped: string[] = [];
  for (const id of new Set(ids)) {
    try {
      const s = await evaluationSeries(store, { measure: id, membership: q.membership, ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}) });
      sections.push({ series: { ...s, districts: districtEnds(s) }, periods: periodSummaries(s) });
    } catch (e) {
      // A measure with no data is said so in the report; the others still are.
      if (e instanceof MissingDataError) skipped.push(e.message);
      else throw e;
    }
  }
  if (!sections.length) throw new MissingDataError(`None of the measures has data: ${skipped.join(' ')}`, { measures: ids });
  const from = q.from ?? (Math.min(...sections.map((s) => s.series.from)) as FiscalYear);
  const to = q.to ?? (Math.max(...sections.map((s) => s.series.to)) as FiscalYear);
  const [withheld, rd, data] = await Promise.all([withheldPerStudent(store, from, to), rdCycles(store), dataVersion(store)]);
  let midpoint: EvaluationReport['midpoint'];
  try {
    const review = await midpointReview(store, undefined, { tiers: false });
    midpoint = { review: { ...review, rows: review.rows.map(({ tier: _tier, ...row }) => row) } };
  } catch (e) {
    if (!(e instanceof MissingDataError || e instanceof NoRuleInForceError)) throw e;
    midpoint = { review: null, reason: e.message };
  }
  return {
    kind: 'computation',
    title: `The Alliance District program: outcomes, FY${from}–FY${to}`,
    from,
    to,
    membership: q.membership,
    membershipText: sections[0]!.series.membershipText,
    sections,
    withheld: { years: withheld.years, notes: [...withheld.notes, ...skipped] },
    rd: { statement: RD_STATEMENT, cycles: rd },
    midpoint,
    method: METHOD,
    limits: LIMITS,
    version: { code: CODE_VERSION, data },
  };
}

function districtEnds(s: EvaluationSeries): DistrictEnds[] {
  return s.districts.flatMap((d) => {
    const first = d.years[0];
    const last = d.years.at(-1);
    if (!first || !last) return [];
    return [{ code: d.code, name: s.names[d.code] ?? d.code, group: last.group, first: { schoolYear: first.schoolYear, rate: first.rate, denominator: first.denominator }, last: { schoolYear: last.schoolYear, rate: last.rate, denominator: last.denominator } }];
  });
}

/**
 * The ECS aid withheld from the alliance districts each fiscal year (the law as code on the
 * imported entitlements) over the students enrolled in them that school year.
 */
export async function withheldPerStudent(store: Store, from: FiscalYear, to: FiscalYear): Promise<{ years: WithheldYear[]; notes: string[] }> {
  const years: WithheldYear[] = [];
  const notes: string[] = [];
  for (const fy of await ecsFiscalYears(store.db)) {
    if (fy < from || fy > to) continue;
    let run;
    try {
      run = await runWithholding(store, fy);
    } catch (e) {
      if (e instanceof NoRuleInForceError || e instanceof MissingDataError) {
        if (fy >= 2013) notes.push(`FY${fy}: ${e.message}`);
        continue;
      }
      throw e;
    }
    const designated = run.result.towns.filter((t) => t.designated);
    const enrollment = await measureForYear(store.db, 'enrollment', fiscalYearToSchoolYear(fy));
    const counted = designated.filter((t) => enrollment.has(t.districtCode));
    const students = counted.length ? counted.reduce((n, t) => n + enrollment.get(t.districtCode)!, 0) : null;
    if (students !== null && counted.length < designated.length) notes.push(`FY${fy}: ${designated.length - counted.length} designated district${designated.length - counted.length === 1 ? ' has' : 's have'} no enrollment count; the students are those of the other ${counted.length}.`);
    const withheldCents = run.result.totals.allianceCents;
    // Students counted over the districts with a count only, so the withheld amount is theirs too.
    const countedCents = counted.reduce((n, t) => n + t.allianceCents, 0);
    years.push({
      fiscalYear: fy,
      withheldCents,
      designatedTowns: designated.length,
      students,
      perStudentCents: students ? (Math.round(countedCents / students) as Cents) : null,
    });
  }
  if (!years.length) notes.push(`No fiscal year from FY${from} to FY${to} has ECS entitlements and a designation rule in force.`);
  return { years, notes };
}

/** For each designation cycle, whether the index it ranked on is in the database. */
export async function rdCycles(store: Store): Promise<RdCycle[]> {
  const out: RdCycle[] = [];
  for (const c of cycles(connecticut)) {
    const base = { cohort: c.first, act: c.citation, lowestCount: c.lowestCount, dataYear: c.dataYear, estimable: false as const };
    if (!c.dataYear) {
      const dpi = c.first < 2016 ? ' Before 2015 the state ranked on the District Performance Index, which is not imported either.' : '';
      out.push({ ...base, indexDistricts: 0, why: 'data-year-unknown', reason: `The sources do not record which school year’s data the state ranked on for the FY${c.first} cycle, so the ranking cannot be rebuilt.${dpi}` });
      continue;
    }
    const n = (await districtIndexes(store.db, c.dataYear)).size;
    if (n === 0) out.push({ ...base, indexDistricts: 0, why: 'index-not-imported', reason: `The FY${c.first} cycle ranked on ${c.dataYear} accountability data; no district’s index for ${c.dataYear} is imported (the index history is data.ct.gov dataset h28j-iix5).` });
    else if (n < RD_MIN_DISTRICTS) out.push({ ...base, indexDistricts: n, why: 'too-few', reason: `Only ${n} districts have an index for ${c.dataYear}; a comparison around the cutoff needs at least ${RD_MIN_DISTRICTS}.` });
    else out.push({ ...base, indexDistricts: n, why: 'not-estimated', reason: `${n} districts have an index for ${c.dataYear}, enough to try; this version does not yet estimate around the cutoff, so no figure is given.` });
  }
  return out;
}
