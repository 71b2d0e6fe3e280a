/**
 * Designation of alliance districts, C.G.S. § 10-262u(a), in CSDE's four steps:
 *   1. local and regional districts only;
 *   2. at least 1,000 students in the data year of the index;
 *   3. rank by the index, low to high, and take the N lowest;
 *   4. add every earlier designee the first three steps did not select.
 * Then the Opportunity (educational reform) districts: alliance districts among the ten lowest
 * when all towns are ranked, § 10-262u(a)(4).
 */
import { type DistrictCode, type OrgType, ORG_TYPE_LABELS, orgTypeOf } from '../../district.ts';
import { DomainError, MissingDataError } from '../../errors.ts';
import { formatCitation, type Citation } from '../../rules/citation.ts';
import type { RuleContext } from '../../rules/law.ts';
import type { Segment } from '../../rules/parameter.ts';
import type { TraceStep } from '../../rules/trace.ts';
import { formatFiscalYear, fiscalYearOf, type FiscalYear, type SchoolYear } from '../../time/fiscal-year.ts';
import { CGS_A1_A, CGS_A1_B, CGS_A4, CSDE_STEPS } from './citations.ts';
import { grandfatherEligibility, missingData, opportunityRanking, ties, type OpportunityRankingOption, type TiesOption } from './options.ts';
import {
  categoryNames,
  exitAfterYears,
  grandfatherWindow,
  indexMeasure,
  lowestCount,
  minEnrollment,
  opportunityCount,
  selection,
  type IndexMeasure,
  type Selection,
} from './parameters.ts';

/** What the rule knows about one district in the data year. */
export interface DistrictFacts {
  readonly code: DistrictCode;
  readonly name: string;
  /** Defaults to the type the code gives. */
  readonly orgType?: OrgType;
  readonly enrollment: number | null;
  /** The index values available, by measure; the law says which one it ranks by. */
  readonly indices: Readonly<Partial<Record<IndexMeasure, number | null>>>;
}

/** A designation on record: the fiscal year a district was first designated, and by which Act. */
export interface PriorDesignation {
  readonly code: DistrictCode;
  readonly firstFiscalYear: FiscalYear;
  /** Last fiscal year designated, if the designation ended; null or absent = still designated. */
  readonly lastFiscalYear?: FiscalYear | null;
  readonly act: string;
}

export interface YearFacts {
  readonly dataYear: SchoolYear;
  readonly districts: readonly DistrictFacts[];
}

export interface DesignationInput {
  readonly dataYear: SchoolYear;
  readonly districts: readonly DistrictFacts[];
  readonly prior: readonly PriorDesignation[];
  /** Earlier data years, newest first, used only by an off-ramp rule. */
  readonly history?: readonly YearFacts[];
}

export type IneligibleReason = 'org_type' | 'missing_enrollment' | 'min_enrollment' | 'missing_index';
export type Basis = 'rank' | 'grandfathered';

export interface DistrictDesignation {
  readonly districtCode: DistrictCode;
  readonly name: string;
  readonly orgType: OrgType;
  readonly eligible: boolean;
  readonly ineligibleReasons: readonly IneligibleReason[];
  /** Rank among eligible districts by index, 1 = lowest; ties share a rank. */
  readonly rank: number | null;
  readonly accountabilityIndex: number | null;
  readonly enrollment: number | null;
  readonly designated: boolean;
  readonly basis: Basis | null;
  /** What the law calls this district's designation ("alliance district"), null if not designated. */
  readonly category: string | null;
  readonly opportunityDistrict: boolean;
  /** Rank in the Opportunity-district ranking, if the district is in it. */
  readonly opportunityRank: number | null;
  readonly priorDesignation: PriorDesignation | null;
  readonly trace: readonly TraceStep[];
}

export interface DesignationResult {
  readonly fiscalYear: FiscalYear;
  readonly dataYear: SchoolYear;
  readonly indexMeasure: IndexMeasure;
  readonly selection: Selection;
  /** How many the selection takes (N for a count, the computed k for a percentile; null for a score). */
  readonly selectCount: number | null;
  /** The highest index designated by rank (the cutoff score), null if none. */
  readonly cutoffIndex: number | null;
  readonly options: Readonly<Record<string, string>>;
  readonly counts: {
    readonly districts: number;
    readonly eligible: number;
    readonly byRank: number;
    readonly grandfathered: number;
    readonly designated: number;
    readonly opportunity: number;
  };
  /**
   * How many Opportunity districts each reading of "the ten lowest when all towns are ranked"
   * gives on this data (the option "opportunity-ranking"): the chosen one, and the others beside it.
   */
  readonly opportunityReadings: readonly { readonly reading: OpportunityRankingOption; readonly label: string; readonly count: number; readonly isDefault: boolean; readonly chosen: boolean }[];
  /** Sorted: ranked districts by rank, then the rest by code. */
  readonly districts: readonly DistrictDesignation[];
  /** The steps that apply to every district: parameters and options in force. */
  readonly trace: readonly TraceStep[];
}

const article = (noun: string) => (/^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`);

/** 1234567 → "1,234,567"; 70.6512 → "70.65". Plain and fast: traces are written for thousands of districts. */
function fmt(n: number | null): string {
  if (n === null) return 'none';
  if (!Number.isInteger(n)) return n.toFixed(2);
  const s = String(Math.abs(n));
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += ',';
    out += s[i];
  }
  return n < 0 ? `-${out}` : out;
}

function paramStep<T>(rule: string, label: string, seg: Segment<T>, shown: string): TraceStep {
  return { rule, text: `${label}: ${shown}.${seg.note ? ` (${seg.note})` : ''}`, value: shown, cite: seg.cite };
}

interface Ranked {
  readonly facts: DistrictFacts;
  readonly index: number;
}

/** Sorts low to high by index; equal indices by code so the order is stable and reproducible. */
function sortByIndex(list: Ranked[]): Ranked[] {
  return list.sort((a, b) => a.index - b.index || (a.facts.code < b.facts.code ? -1 : a.facts.code > b.facts.code ? 1 : 0));
}

/** Competition ranks (1, 2, 2, 4) over a sorted list. */
function competitionRanks(sorted: readonly Ranked[]): Map<DistrictCode, number> {
  const ranks = new Map<DistrictCode, number>();
  let rank = 0;
  let previous: number | undefined;
  sorted.forEach((r, i) => {
    if (previous === undefined || r.index !== previous) rank = i + 1;
    previous = r.index;
    ranks.set(r.facts.code, rank);
  });
  return ranks;
}

export interface Cut {
  /** How many districts are selected: always the first `size` of the sorted list. */
  readonly size: number;
  /** Districts tied across the cutoff, if any. */
  readonly tiedAtCutoff: readonly DistrictCode[];
  readonly cutoffIndex: number | null;
  readonly count: number | null;
}

/**
 * Takes the `count` lowest of a sorted list, applying the ties reading when the last place is
 * shared with districts beyond it.
 */
export function cutLowest(sorted: readonly Ranked[], count: number, tiesReading: TiesOption, what: string): Cut {
  if (count <= 0 || sorted.length === 0) return { size: 0, tiedAtCutoff: [], cutoffIndex: null, count };
  if (sorted.length <= count) return { size: sorted.length, tiedAtCutoff: [], cutoffIndex: sorted[sorted.length - 1]!.index, count };
  const last = sorted[count - 1]!.index;
  if (last !== sorted[count]!.index) return { size: count, tiedAtCutoff: [], cutoffIndex: last, count };
  let first = count - 1;
  while (first > 0 && sorted[first - 1]!.index === last) first--;
  let end = count;
  while (end < sorted.length && sorted[end]!.index === last) end++;
  const tied = sorted.slice(first, end).map((r) => r.facts.code);
  if (tiesReading === 'fail') {
    throw new DomainError(
      'tie_at_cutoff',
      `${tied.length} districts tie at the cutoff of ${what} (index ${fmt(last)}): ${tied.join(', ')}. The law does not say who is designated; choose how to treat ties (option "ties").`,
      { tied, index: last },
    );
  }
  if (tiesReading === 'include-all') return { size: end, tiedAtCutoff: tied, cutoffIndex: last, count };
  return { size: first, tiedAtCutoff: tied, cutoffIndex: first > 0 ? sorted[first - 1]!.index : null, count };
}

/** Applies a selection (count, score or percentile) to the sorted eligible districts. */
export function select(sorted: readonly Ranked[], how: Selection, count: number, tiesReading: TiesOption): Cut {
  switch (how.kind) {
    case 'count':
      return cutLowest(sorted, count, tiesReading, `the ${count} lowest`);
    case 'percentile': {
      const k = Math.ceil((sorted.length * how.percent) / 100);
      return cutLowest(sorted, k, tiesReading, `the lowest ${how.percent}%`);
    }
    case 'score': {
      let size = 0;
      while (size < sorted.length && sorted[size]!.index <= how.atOrBelow) size++;
      return { size, tiedAtCutoff: [], cutoffIndex: size ? sorted[size - 1]!.index : null, count: null };
    }
  }
}

function describeSelection(how: Selection, count: number): string {
  switch (how.kind) {
    case 'count':
      return `the ${count} lowest`;
    case 'percentile':
      return `the lowest ${how.percent}% of eligible districts`;
    case 'score':
      return `every eligible district with an index at or below ${how.atOrBelow}`;
  }
}

interface Eligibility {
  readonly type: OrgType;
  readonly eligible: boolean;
  readonly reasons: readonly IneligibleReason[];
  readonly index: number | null;
}

const NO_REASONS: readonly IneligibleReason[] = Object.freeze([]);

/** Steps 1-2 and the index: decided here, explained later by `eligibilitySteps`. */
function checkEligibility(
  f: DistrictFacts,
  measure: IndexMeasure,
  floor: number | null,
  dataYear: SchoolYear,
  failOnMissing: boolean,
): Eligibility {
  const type = f.orgType ?? orgTypeOf(f.code);
  const localOrRegional = type === 'local' || type === 'regional';
  const raw = f.indices[measure];
  const index = raw === undefined || raw === null || !Number.isFinite(raw) ? null : raw;
  const typeOk = localOrRegional;
  const enrollmentKnown = f.enrollment !== null;
  const sizeOk = enrollmentKnown && (floor === null || f.enrollment! >= floor);
  if (typeOk && sizeOk && index !== null) return { type, eligible: true, reasons: NO_REASONS, index };
  if (failOnMissing && localOrRegional) {
    if (!enrollmentKnown) throw new MissingDataError(`${f.name} (${f.code}) has no enrollment count for ${dataYear}.`, { code: f.code, dataYear });
    if (index === null) {
      throw new MissingDataError(`${f.name} (${f.code}) has no ${measureLabel(measure)} for ${dataYear}.`, { code: f.code, dataYear, measure });
    }
  }
  const reasons: IneligibleReason[] = [];
  if (!typeOk) reasons.push('org_type');
  if (!enrollmentKnown) reasons.push('missing_enrollment');
  else if (!sizeOk) reasons.push('min_enrollment');
  if (index === null) reasons.push('missing_index');
  return { type, eligible: false, reasons, index };
}

function eligibilitySteps(f: DistrictFacts, e: Eligibility, measure: IndexMeasure, floor: Segment<number | null>, dataYear: SchoolYear): TraceStep[] {
  const steps: TraceStep[] = [];
  const localOrRegional = e.type === 'local' || e.type === 'regional';
  steps.push({
    rule: 'eligibility.org-type',
    text: localOrRegional
      ? `Step 1: ${f.name} is a ${ORG_TYPE_LABELS[e.type]}, so it can be designated.`
      : `Step 1: ${f.name} is ${article(ORG_TYPE_LABELS[e.type])}; only local and regional districts can be designated.`,
    value: localOrRegional,
    inputs: { orgType: e.type, code: f.code },
    cite: CSDE_STEPS,
  });
  if (f.enrollment === null) {
    steps.push({
      rule: 'eligibility.min-enrollment',
      text: `Step 2: no enrollment count for ${dataYear}, so the size test cannot be passed.`,
      value: false,
      cite: floor.cite,
    });
  } else if (floor.value !== null) {
    const ok = f.enrollment >= floor.value;
    steps.push({
      rule: 'eligibility.min-enrollment',
      text: `Step 2: ${fmt(f.enrollment)} students in ${dataYear} ${ok ? '≥' : '<'} ${fmt(floor.value)}${ok ? '' : ', too few to be eligible'}.`,
      value: ok,
      inputs: { enrollment: f.enrollment, minimum: floor.value },
      cite: floor.cite,
    });
  } else {
    steps.push({ rule: 'eligibility.min-enrollment', text: 'Step 2: no size floor applies.', value: true, cite: floor.cite });
  }
  if (e.index === null) {
    steps.push({
      rule: 'eligibility.index',
      text: `No ${measureLabel(measure)} for ${dataYear}, so the district cannot be ranked.`,
      value: false,
      cite: CSDE_STEPS,
    });
  }
  return steps;
}

export function measureLabel(m: IndexMeasure): string {
  return m === 'accountability_index' ? 'accountability index' : 'District Performance Index';
}

function priorCounts(p: PriorDesignation, window: { first: FiscalYear; last: FiscalYear }): boolean {
  const last = p.lastFiscalYear ?? Number.POSITIVE_INFINITY;
  return p.firstFiscalYear <= window.last && last >= window.first;
}

/** How step 4 went for an earlier designee not selected by rank. */
type PriorOutcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'also-ranked' }
  | { readonly kind: 'outside-window' }
  | { readonly kind: 'must-be-eligible' }
  | { readonly kind: 'exited'; readonly years: readonly string[] }
  | { readonly kind: 'kept'; readonly exitNotYet: string | null };

const NO_PRIOR: PriorOutcome = { kind: 'none' };
const ALSO_RANKED: PriorOutcome = { kind: 'also-ranked' };
const OUTSIDE_WINDOW: PriorOutcome = { kind: 'outside-window' };
const MUST_BE_ELIGIBLE: PriorOutcome = { kind: 'must-be-eligible' };

/** What every district's explanation shares, computed once per run. */
interface ExplainContext {
  readonly fy: FiscalYear;
  readonly measure: IndexMeasure;
  readonly dataYear: SchoolYear;
  readonly floorSeg: Segment<number | null>;
  readonly eligibleCount: number;
  readonly selectionText: string;
  readonly cutoffIndex: number | null;
  readonly tied: ReadonlySet<DistrictCode>;
  readonly rankCite: Citation;
  readonly window: { first: FiscalYear; last: FiscalYear } | null;
  readonly windowCite: Citation;
  readonly exitCite: Citation;
  readonly exitYears: number | null;
  readonly oppPoolSize: number;
  readonly oppCount: number;
  readonly oppReading: string;
  readonly oppCite: Citation;
}

/**
 * One district's result. The decision is made when the rule runs; the explanation (`trace`) is
 * written the first time someone reads it — a national run decides 13,000 districts, and most
 * explanations are never read. JSON output includes the trace.
 */
class DesignationOutcome implements DistrictDesignation {
  readonly districtCode: DistrictCode;
  readonly name: string;
  readonly orgType: OrgType;
  readonly eligible: boolean;
  readonly ineligibleReasons: readonly IneligibleReason[];
  readonly accountabilityIndex: number | null;
  readonly enrollment: number | null;
  readonly opportunityRank: number | null;
  readonly priorDesignation: PriorDesignation | null;
  readonly rank: number | null;
  readonly designated: boolean;
  readonly basis: Basis | null;
  readonly category: string | null;
  readonly opportunityDistrict: boolean;
  readonly #byRank: boolean;
  readonly #facts: DistrictFacts;
  readonly #check: Eligibility;
  readonly #inTen: boolean;
  readonly #outcome: PriorOutcome;
  readonly #ctx: ExplainContext;
  #trace: readonly TraceStep[] | undefined;

  constructor(
    f: DistrictFacts,
    c: Eligibility,
    rank: number | null,
    byRank: boolean,
    designated: boolean,
    basis: Basis | null,
    category: string | null,
    opportunityDistrict: boolean,
    oppRank: number | null,
    inTen: boolean,
    prior: PriorDesignation | null,
    outcome: PriorOutcome,
    ctx: ExplainContext,
  ) {
    this.districtCode = f.code;
    this.name = f.name;
    this.orgType = c.type;
    this.eligible = c.eligible;
    this.ineligibleReasons = c.reasons;
    this.rank = rank;
    this.designated = designated;
    this.basis = basis;
    this.category = category;
    this.opportunityDistrict = opportunityDistrict;
    this.#byRank = byRank;
    this.accountabilityIndex = c.index;
    this.enrollment = f.enrollment;
    this.opportunityRank = oppRank;
    this.priorDesignation = prior;
    this.#facts = f;
    this.#check = c;
    this.#inTen = inTen;
    this.#outcome = outcome;
    this.#ctx = ctx;
  }

  get trace(): readonly TraceStep[] {
    this.#trace ??= this.#explain();
    return this.#trace;
  }

  toJSON(): object {
    return { ...this, trace: this.trace };
  }

  #explain(): TraceStep[] {
    const x = this.#ctx;
    const c = this.#check;
    const steps = eligibilitySteps(this.#facts, c, x.measure, x.floorSeg, x.dataYear);
    if (c.eligible) {
      const isTied = x.tied.has(this.districtCode);
      steps.push({
        rule: 'designation.rank',
        text: this.#byRank
          ? `Step 3: ${measureLabel(x.measure)} ${fmt(c.index)} ranks ${this.rank} of ${x.eligibleCount} eligible districts, within ${x.selectionText}${isTied ? ' (tied at the cutoff; all tied districts included)' : ''}: selected.`
          : `Step 3: ${measureLabel(x.measure)} ${fmt(c.index)} ranks ${this.rank} of ${x.eligibleCount} eligible districts, not within ${x.selectionText}${x.cutoffIndex !== null ? ` (cutoff ${fmt(x.cutoffIndex)})` : ''}${isTied ? '; tied at the cutoff and the ties reading excludes it' : ''}.`,
        value: this.#byRank,
        inputs: { index: c.index, rank: this.rank, cutoffIndex: x.cutoffIndex },
        cite: x.rankCite,
      });
    }
    if (this.priorDesignation) steps.push(...priorSteps(this.priorDesignation, this.#outcome, c.eligible, x.window, x.windowCite, x.exitCite, x.exitYears));
    if (this.opportunityRank !== null && (this.#inTen || this.designated)) {
      const pool = x.oppReading === 'all-towns' ? 'towns' : x.oppReading === 'alliance-districts' ? 'alliance districts' : 'eligible districts';
      steps.push({
        rule: 'designation.opportunity',
        text: this.#inTen
          ? this.designated
            ? `Ranks ${this.opportunityRank} of ${x.oppPoolSize} ${pool}, among the ${x.oppCount} lowest: an Opportunity (educational reform) district.`
            : `Ranks ${this.opportunityRank} of ${x.oppPoolSize} ${pool}, among the ${x.oppCount} lowest, but it is not an alliance district, so it is not an Opportunity district.`
          : `Ranks ${this.opportunityRank} of ${x.oppPoolSize} ${pool}, not among the ${x.oppCount} lowest: not an Opportunity district.`,
        value: this.opportunityDistrict,
        cite: x.oppCite,
      });
    }
    steps.push({
      rule: 'designation.result',
      // A computation, worded as one: what this rule gives on this data, not what the state decided.
      text: this.designated
        ? `Result: on ${x.dataYear} data, this rule selects it as ${article(this.category!)} (${this.basis === 'rank' ? 'by rank' : 'as an earlier designee'}).`
        : `Result: on ${x.dataYear} data, this rule does not select it.`,
      value: this.designated,
    });
    return steps;
  }
}

/**
 * The designation rule shared by the enacted versions: the versions differ in the parameters in
 * force on their dates (30 or 33, the grandfather window), not in the procedure.
 */
export function designate(input: DesignationInput, ctx: RuleContext): DesignationResult {
  const fy = fiscalYearOf(ctx.date);
  const countSeg = ctx.param(lowestCount);
  const selectionSeg = ctx.param(selection);
  const floorSeg = ctx.param(minEnrollment);
  const windowSeg = ctx.param(grandfatherWindow);
  const measureSeg = ctx.param(indexMeasure);
  const oppSeg = ctx.param(opportunityCount);
  const exitSeg = ctx.param(exitAfterYears);
  const namesSeg = ctx.param(categoryNames);
  const tiesReading = ctx.option(ties);
  const missingReading = ctx.option(missingData);
  const oppReading = ctx.option(opportunityRanking);
  const gfReading = ctx.option(grandfatherEligibility);
  const measure = measureSeg.value;
  const how = selectionSeg.value;

  const t = ctx.trace;
  t.step(paramStep('designation.index-measure', 'Ranked by', measureSeg, `${measureLabel(measure)} for ${input.dataYear}`));
  t.step(paramStep('designation.selection', 'Selection', selectionSeg, describeSelection(how, countSeg.value)));
  if (how.kind === 'count') t.step(paramStep('designation.lowest-count', 'Number designated by rank', countSeg, String(countSeg.value)));
  t.step(paramStep('designation.min-enrollment', 'Minimum enrollment', floorSeg, floorSeg.value === null ? 'none' : fmt(floorSeg.value)));
  t.step(
    paramStep(
      'designation.grandfather-window',
      'Earlier designees kept',
      windowSeg,
      windowSeg.value ? `districts designated ${formatFiscalYear(windowSeg.value.first)}–${formatFiscalYear(windowSeg.value.last)}` : 'none',
    ),
  );
  if (exitSeg.value !== null) {
    t.step(paramStep('designation.exit-after-years', 'Off-ramp', exitSeg, `after ${exitSeg.value} consecutive years above the cutoff`));
  }
  for (const o of [ties, missingData, opportunityRanking, grandfatherEligibility]) {
    const chosen = ctx.option(o);
    const label = o.choices.find((c) => c.value === chosen)?.label ?? chosen;
    t.step({
      rule: `option.${o.id}`,
      text: `${o.label}: ${label}${chosen === o.default ? ' (default reading)' : ' (scenario reading, not the default)'}.`,
      value: chosen,
      cite: o.cite,
    });
  }

  // Steps 1-2 and the index for every district.
  const failOnMissing = missingReading === 'fail';
  const checks = new Map<DistrictCode, Eligibility>();
  const eligibleList: Ranked[] = [];
  for (const f of input.districts) {
    if (checks.has(f.code)) throw new DomainError('duplicate_district', `District ${f.code} appears twice in the input`, { code: f.code });
    const e = checkEligibility(f, measure, floorSeg.value, input.dataYear, failOnMissing);
    checks.set(f.code, e);
    if (e.eligible) eligibleList.push({ facts: f, index: e.index! });
  }

  // Step 3: rank the eligible and select.
  const eligible = sortByIndex(eligibleList);
  const cut = select(eligible, how, countSeg.value, tiesReading);
  const tied = new Set(cut.tiedAtCutoff);
  t.step({
    rule: 'designation.rank',
    text:
      `Step 3: ${eligible.length} eligible districts ranked by ${measureLabel(measure)}, lowest first; ${cut.size} selected` +
      (cut.cutoffIndex !== null ? ` (cutoff index ${fmt(cut.cutoffIndex)})` : '') +
      (cut.tiedAtCutoff.length ? `; ${cut.tiedAtCutoff.length} tied at the cutoff: ${cut.tiedAtCutoff.join(', ')}` : '') +
      '.',
    value: cut.size,
    cite: how.kind === 'count' ? countSeg.cite : selectionSeg.cite,
  });

  // Step 4: earlier designees.
  const priorByCode = new Map<DistrictCode, PriorDesignation>();
  for (const p of input.prior) {
    const existing = priorByCode.get(p.code);
    if (!existing || p.firstFiscalYear < existing.firstFiscalYear) priorByCode.set(p.code, p);
  }
  const historyCuts = exitSeg.value !== null ? historyCutoffs(input.history ?? [], how, countSeg.value, tiesReading, measure, floorSeg.value) : [];

  // Steps 3-4 decided for every district; the Opportunity ranking follows (one reading ranks
  // the alliance districts themselves, so it needs the designations first).
  const window = windowSeg.value;
  interface Decided {
    readonly f: DistrictFacts;
    readonly c: Eligibility;
    readonly rank: number | null;
    readonly byRank: boolean;
    readonly designated: boolean;
    readonly basis: Basis | null;
    readonly prior: PriorDesignation | null;
    readonly outcome: PriorOutcome;
  }
  const decideDesignation = (f: DistrictFacts, c: Eligibility, rank: number | null, byRank: boolean): Decided => {
    let designated = byRank;
    let basis: Basis | null = byRank ? 'rank' : null;
    const prior = priorByCode.get(f.code) ?? null;
    let outcome: PriorOutcome = NO_PRIOR;
    if (prior && prior.firstFiscalYear < fy) {
      if (byRank) outcome = ALSO_RANKED;
      else if (window === null || !priorCounts(prior, window)) outcome = OUTSIDE_WINDOW;
      else if (gfReading === 'required' && !c.eligible) outcome = MUST_BE_ELIGIBLE;
      else {
        const exit = exitSeg.value !== null ? yearsAboveCutoff(f.code, c.index, cut.cutoffIndex, historyCuts, exitSeg.value) : null;
        if (exit && exit.exits) outcome = { kind: 'exited', years: exit.years };
        else {
          outcome = { kind: 'kept', exitNotYet: exit ? exit.reason : null };
          designated = true;
          basis = 'grandfathered';
        }
      }
    }
    return { f, c, rank, byRank, designated, basis, prior, outcome };
  };
  // Ranked districts in rank order (the sorted list), then the rest by code.
  const decided: Decided[] = [];
  let rank = 0;
  for (let i = 0; i < eligible.length; i++) {
    const r = eligible[i]!;
    if (i === 0 || r.index !== eligible[i - 1]!.index) rank = i + 1;
    decided.push(decideDesignation(r.facts, checks.get(r.facts.code)!, rank, i < cut.size));
  }
  const rest = input.districts.filter((f) => !checks.get(f.code)!.eligible);
  rest.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (const f of rest) decided.push(decideDesignation(f, checks.get(f.code)!, null, false));

  // Opportunity ranking: every district with an index sorted once; each reading filters it.
  const withIndex: Ranked[] = [];
  const designatedCodes = new Set<DistrictCode>();
  for (const d of decided) {
    if (d.designated) designatedCodes.add(d.f.code);
    if (d.c.index !== null) withIndex.push({ facts: d.f, index: d.c.index });
  }
  const byIndex = sortByIndex(withIndex);
  const oppTies = tiesReading === 'fail' ? 'include-all' : tiesReading;
  const opportunityUnder = (reading: OpportunityRankingOption) => {
    const pool = byIndex.filter((r) => {
      const c = checks.get(r.facts.code)!;
      return reading === 'eligible-districts' ? c.eligible : reading === 'alliance-districts' ? designatedCodes.has(r.facts.code) : c.type === 'local' || c.type === 'regional';
    });
    const oppCut = cutLowest(pool, oppSeg.value, oppTies, `the ${oppSeg.value} lowest`);
    const selected = new Set(pool.slice(0, oppCut.size).map((r) => r.facts.code));
    let count = 0;
    for (const code of selected) if (designatedCodes.has(code)) count++;
    return { pool, selected, count };
  };
  const opp = opportunityUnder(oppReading);
  const oppRanks = competitionRanks(opp.pool);

  // Shared text for the explanations, computed once.
  const selectionText = describeSelection(how, countSeg.value);
  const rankCite = how.kind === 'count' ? { ...CGS_A1_A, note: `${formatCitation(countSeg.cite)}: ${countSeg.value} lowest` } : selectionSeg.cite;
  const oppCite = { ...CGS_A4, note: `${formatCitation(oppSeg.cite)}: ${oppSeg.value} lowest; the reading of "when all towns are ranked" is the option "${opportunityRanking.id}"` };

  const shared: ExplainContext = {
    fy,
    measure,
    dataYear: input.dataYear,
    floorSeg,
    eligibleCount: eligible.length,
    selectionText,
    cutoffIndex: cut.cutoffIndex,
    tied,
    rankCite,
    window,
    windowCite: windowSeg.cite,
    exitCite: exitSeg.cite,
    exitYears: exitSeg.value,
    oppPoolSize: opp.pool.length,
    oppCount: oppSeg.value,
    oppReading,
    oppCite,
  };
  const results: DistrictDesignation[] = decided.map((d) => {
    const oppRank = oppRanks.get(d.f.code) ?? null;
    const inTen = oppRank !== null && opp.selected.has(d.f.code);
    const category = d.basis === 'rank' ? namesSeg.value.byRank : d.basis === 'grandfathered' ? namesSeg.value.earlierDesignee : null;
    return new DesignationOutcome(d.f, d.c, d.rank, d.byRank, d.designated, d.basis, category, d.designated && inTen, oppRank, inTen, d.prior, d.outcome, shared);
  });

  let byRankCount = 0;
  let gfCount = 0;
  let oppCount = 0;
  for (const r of results) {
    if (r.basis === 'rank') byRankCount++;
    else if (r.basis === 'grandfathered') gfCount++;
    if (r.opportunityDistrict) oppCount++;
  }
  const designatedCount = byRankCount + gfCount;
  let readings: DesignationResult['opportunityReadings'] | undefined;
  t.step({
    rule: 'designation.result',
    text: `On ${input.dataYear} data this rule selects ${designatedCount} alliance districts (for a cycle starting ${formatFiscalYear(fy)}): ${byRankCount} by rank and ${gfCount} earlier designees; ${oppCount} Opportunity districts under the reading chosen.`,
    value: designatedCount,
  });

  return {
    fiscalYear: fy,
    dataYear: input.dataYear,
    indexMeasure: measure,
    selection: how,
    selectCount: cut.count,
    cutoffIndex: cut.cutoffIndex,
    options: { ties: tiesReading, 'missing-data': missingReading, 'opportunity-ranking': oppReading, 'grandfather-eligibility': gfReading },
    counts: {
      districts: results.length,
      eligible: eligible.length,
      byRank: byRankCount,
      grandfathered: gfCount,
      designated: designatedCount,
      opportunity: oppCount,
    },
    districts: results,
    trace: t.steps,
    // Worked out when read (a national run rarely asks): each reading filters the same sorted list.
    get opportunityReadings() {
      return (readings ??= opportunityRanking.choices.map((ch) => ({
        reading: ch.value,
        label: ch.label,
        count: ch.value === oppReading ? oppCount : opportunityUnder(ch.value).count,
        isDefault: ch.value === opportunityRanking.default,
        chosen: ch.value === oppReading,
      })));
    },
  };
}

function priorSteps(
  prior: PriorDesignation,
  outcome: PriorOutcome,
  eligible: boolean,
  window: { first: FiscalYear; last: FiscalYear } | null,
  windowCite: Citation,
  exitCite: Citation,
  exitYears: number | null,
): TraceStep[] {
  const since = `${formatFiscalYear(prior.firstFiscalYear)} (${prior.act})`;
  switch (outcome.kind) {
    case 'none':
      return [];
    case 'also-ranked':
      return [{ rule: 'designation.grandfather', text: `Also designated from ${since}; this rule selects it by rank as well.`, value: true, cite: CGS_A1_B }];
    case 'outside-window':
      return [{ rule: 'designation.grandfather', text: `Step 4: designated from ${since}, but this law keeps no designees from then.`, value: false, cite: windowCite }];
    case 'must-be-eligible':
      return [
        {
          rule: 'designation.grandfather',
          text: `Step 4: designated from ${since}, but under the reading chosen an earlier designee must still pass steps 1-2, and it does not.`,
          value: false,
          cite: grandfatherEligibility.cite,
        },
      ];
    case 'exited':
      return [
        {
          rule: 'designation.exit',
          text: `Off-ramp: above the cutoff in each of the last ${exitYears} data years (${outcome.years.join(', ')}), so it leaves the program.`,
          value: false,
          cite: exitCite,
        },
      ];
    case 'kept': {
      const steps: TraceStep[] = [
        {
          rule: 'designation.grandfather',
          text: `Step 4: designated from ${since} and kept as an earlier designee (${formatFiscalYear(window!.first)}–${formatFiscalYear(window!.last)})${eligible ? '' : ', although it no longer passes steps 1-2'}.`,
          value: true,
          cite: windowCite,
        },
      ];
      if (outcome.exitNotYet !== null) steps.push({ rule: 'designation.exit', text: `Off-ramp: not yet — ${outcome.exitNotYet}.`, value: false, cite: exitCite });
      return steps;
    }
  }
}

interface YearCut {
  readonly dataYear: SchoolYear;
  readonly cut: Cut;
  readonly indexByCode: ReadonlyMap<DistrictCode, number | null>;
}

function historyCutoffs(
  history: readonly YearFacts[],
  how: Selection,
  count: number,
  tiesReading: TiesOption,
  measure: IndexMeasure,
  floor: number | null,
): YearCut[] {
  return history.map((year) => {
    const indexByCode = new Map<DistrictCode, number | null>();
    const ranked: Ranked[] = [];
    for (const f of year.districts) {
      const e = checkEligibility(f, measure, floor, year.dataYear, false);
      indexByCode.set(f.code, e.index);
      if (e.eligible) ranked.push({ facts: f, index: e.index! });
    }
    return { dataYear: year.dataYear, cut: select(sortByIndex(ranked), how, count, tiesReading === 'fail' ? 'include-all' : tiesReading), indexByCode };
  });
}

/** Whether a district was above the cutoff in the current and the previous years-1 data years. */
function yearsAboveCutoff(
  code: DistrictCode,
  index: number | null,
  cutoff: number | null,
  history: readonly YearCut[],
  years: number,
): { exits: boolean; years: string[]; reason: string } {
  const above: string[] = [];
  if (index === null || cutoff === null || index <= cutoff) {
    return { exits: false, years: above, reason: 'it is not above the cutoff in the data year' };
  }
  above.push('the data year');
  for (const h of history.slice(0, years - 1)) {
    const i = h.indexByCode.get(code);
    if (i === undefined || i === null || h.cut.cutoffIndex === null) {
      return { exits: false, years: above, reason: `no index or cutoff for ${h.dataYear}` };
    }
    if (i <= h.cut.cutoffIndex) return { exits: false, years: above, reason: `it was within the cutoff in ${h.dataYear}` };
    above.push(h.dataYear);
  }
  if (above.length < years) {
    return { exits: false, years: above, reason: `only ${above.length} of ${years} years of data are available` };
  }
  return { exits: true, years: above, reason: '' };
}

