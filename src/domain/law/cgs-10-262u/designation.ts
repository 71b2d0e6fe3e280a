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
import { formatCitation } from '../../rules/citation.ts';
import type { RuleContext } from '../../rules/law.ts';
import type { Segment } from '../../rules/parameter.ts';
import type { TraceStep } from '../../rules/trace.ts';
import { formatFiscalYear, fiscalYearOf, type FiscalYear, type SchoolYear } from '../../time/fiscal-year.ts';
import { CGS_A1_A, CGS_A1_B, CGS_A4, CSDE_STEPS } from './citations.ts';
import { grandfatherEligibility, missingData, opportunityRanking, ties, type TiesOption } from './options.ts';
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
  /** Sorted: ranked districts by rank, then the rest by code. */
  readonly districts: readonly DistrictDesignation[];
  /** The steps that apply to every district: parameters and options in force. */
  readonly trace: readonly TraceStep[];
}

const article = (noun: string) => (/^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`);

const fmt = (n: number | null) => (n === null ? 'none' : Number.isInteger(n) ? n.toLocaleString('en-US') : n.toFixed(2));

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
  /** Districts selected. */
  readonly selected: ReadonlySet<DistrictCode>;
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
  if (count <= 0 || sorted.length === 0) return { selected: new Set(), tiedAtCutoff: [], cutoffIndex: null, count };
  if (sorted.length <= count) {
    return { selected: new Set(sorted.map((r) => r.facts.code)), tiedAtCutoff: [], cutoffIndex: sorted[sorted.length - 1]!.index, count };
  }
  const last = sorted[count - 1]!.index;
  const next = sorted[count]!.index;
  if (last !== next) {
    return { selected: new Set(sorted.slice(0, count).map((r) => r.facts.code)), tiedAtCutoff: [], cutoffIndex: last, count };
  }
  const tied = sorted.filter((r) => r.index === last).map((r) => r.facts.code);
  const below = sorted.filter((r) => r.index < last).map((r) => r.facts.code);
  if (tiesReading === 'fail') {
    throw new DomainError(
      'tie_at_cutoff',
      `${tied.length} districts tie at the cutoff of ${what} (index ${fmt(last)}): ${tied.join(', ')}. The law does not say who is designated; choose how to treat ties (option "ties").`,
      { tied, index: last },
    );
  }
  if (tiesReading === 'include-all') {
    return { selected: new Set([...below, ...tied]), tiedAtCutoff: tied, cutoffIndex: last, count };
  }
  const cutoffIndex = below.length ? sorted[below.length - 1]!.index : null;
  return { selected: new Set(below), tiedAtCutoff: tied, cutoffIndex, count };
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
      const chosen = sorted.filter((r) => r.index <= how.atOrBelow);
      return {
        selected: new Set(chosen.map((r) => r.facts.code)),
        tiedAtCutoff: [],
        cutoffIndex: chosen.length ? chosen[chosen.length - 1]!.index : null,
        count: null,
      };
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
  readonly eligible: boolean;
  readonly reasons: IneligibleReason[];
  readonly index: number | null;
  readonly steps: TraceStep[];
}

function checkEligibility(
  f: DistrictFacts,
  measure: IndexMeasure,
  floor: Segment<number | null>,
  dataYear: SchoolYear,
  failOnMissing: boolean,
): Eligibility {
  const type = f.orgType ?? orgTypeOf(f.code);
  const reasons: IneligibleReason[] = [];
  const steps: TraceStep[] = [];
  const localOrRegional = type === 'local' || type === 'regional';
  steps.push({
    rule: 'eligibility.org-type',
    text: localOrRegional
      ? `Step 1: ${f.name} is a ${ORG_TYPE_LABELS[type]}, so it can be designated.`
      : `Step 1: ${f.name} is a ${ORG_TYPE_LABELS[type]}; only local and regional districts can be designated.`,
    value: localOrRegional,
    inputs: { orgType: type, code: f.code },
    cite: CSDE_STEPS,
  });
  if (!localOrRegional) reasons.push('org_type');

  if (f.enrollment === null) {
    if (failOnMissing && localOrRegional) {
      throw new MissingDataError(`${f.name} (${f.code}) has no enrollment count for ${dataYear}.`, { code: f.code, dataYear });
    }
    reasons.push('missing_enrollment');
    steps.push({
      rule: 'eligibility.min-enrollment',
      text: `Step 2: no enrollment count for ${dataYear}, so the size test cannot be passed.`,
      value: false,
      cite: floor.cite,
    });
  } else if (floor.value !== null) {
    const ok = f.enrollment >= floor.value;
    if (!ok) reasons.push('min_enrollment');
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

  const raw = f.indices[measure];
  const index = raw === undefined || raw === null || !Number.isFinite(raw) ? null : raw;
  if (index === null) {
    if (failOnMissing && localOrRegional) {
      throw new MissingDataError(`${f.name} (${f.code}) has no ${measureLabel(measure)} for ${dataYear}.`, {
        code: f.code,
        dataYear,
        measure,
      });
    }
    reasons.push('missing_index');
    steps.push({
      rule: 'eligibility.index',
      text: `No ${measureLabel(measure)} for ${dataYear}, so the district cannot be ranked.`,
      value: false,
      cite: CSDE_STEPS,
    });
  }
  return { eligible: reasons.length === 0, reasons, index, steps };
}

export function measureLabel(m: IndexMeasure): string {
  return m === 'accountability_index' ? 'accountability index' : 'District Performance Index';
}

function priorCounts(p: PriorDesignation, window: { first: FiscalYear; last: FiscalYear }): boolean {
  const last = p.lastFiscalYear ?? Number.POSITIVE_INFINITY;
  return p.firstFiscalYear <= window.last && last >= window.first;
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
  const seen = new Set<DistrictCode>();
  for (const f of input.districts) {
    if (seen.has(f.code)) throw new DomainError('duplicate_district', `District ${f.code} appears twice in the input`, { code: f.code });
    seen.add(f.code);
    checks.set(f.code, checkEligibility(f, measure, floorSeg, input.dataYear, failOnMissing));
  }

  // Step 3: rank the eligible and select.
  const eligible = sortByIndex(
    input.districts.filter((f) => checks.get(f.code)!.eligible).map((f) => ({ facts: f, index: checks.get(f.code)!.index! })),
  );
  const ranks = competitionRanks(eligible);
  const cut = select(eligible, how, countSeg.value, tiesReading);
  t.step({
    rule: 'designation.rank',
    text:
      `Step 3: ${eligible.length} eligible districts ranked by ${measureLabel(measure)}, lowest first; ${cut.selected.size} selected` +
      (cut.cutoffIndex !== null ? ` (cutoff index ${fmt(cut.cutoffIndex)})` : '') +
      (cut.tiedAtCutoff.length ? `; ${cut.tiedAtCutoff.length} tied at the cutoff: ${cut.tiedAtCutoff.join(', ')}` : '') +
      '.',
    value: cut.selected.size,
    cite: how.kind === 'count' ? countSeg.cite : selectionSeg.cite,
  });

  // Step 4: earlier designees.
  const priorByCode = new Map<DistrictCode, PriorDesignation>();
  for (const p of input.prior) {
    const existing = priorByCode.get(p.code);
    if (!existing || p.firstFiscalYear < existing.firstFiscalYear) priorByCode.set(p.code, p);
  }
  const historyCuts = exitSeg.value !== null ? historyCutoffs(input.history ?? [], how, countSeg.value, tiesReading, measure, floorSeg) : [];

  // Opportunity ranking.
  const oppPool = sortByIndex(
    input.districts
      .filter((f) => {
        const c = checks.get(f.code)!;
        if (c.index === null) return false;
        if (oppReading === 'eligible-districts') return c.eligible;
        const type = f.orgType ?? orgTypeOf(f.code);
        return type === 'local' || type === 'regional';
      })
      .map((f) => ({ facts: f, index: checks.get(f.code)!.index! })),
  );
  const oppRanks = competitionRanks(oppPool);
  const oppCut = cutLowest(oppPool, oppSeg.value, tiesReading === 'fail' ? 'include-all' : tiesReading, `the ${oppSeg.value} lowest towns`);

  const results: DistrictDesignation[] = input.districts.map((f) => {
    const c = checks.get(f.code)!;
    const steps: TraceStep[] = [...c.steps];
    const rank = ranks.get(f.code) ?? null;
    const byRank = cut.selected.has(f.code);
    if (c.eligible) {
      steps.push({
        rule: 'designation.rank',
        text: byRank
          ? `Step 3: ${measureLabel(measure)} ${fmt(c.index)} ranks ${rank} of ${eligible.length} eligible districts, within ${describeSelection(how, countSeg.value)}${cut.tiedAtCutoff.includes(f.code) ? ' (tied at the cutoff; all tied districts included)' : ''}: designated.`
          : `Step 3: ${measureLabel(measure)} ${fmt(c.index)} ranks ${rank} of ${eligible.length} eligible districts, not within ${describeSelection(how, countSeg.value)}${cut.cutoffIndex !== null ? ` (cutoff ${fmt(cut.cutoffIndex)})` : ''}${cut.tiedAtCutoff.includes(f.code) ? '; tied at the cutoff and the ties reading excludes it' : ''}.`,
        value: byRank,
        inputs: { index: c.index, rank, cutoffIndex: cut.cutoffIndex },
        cite: how.kind === 'count' ? { ...CGS_A1_A, note: `${formatCitation(countSeg.cite)}: ${countSeg.value} lowest` } : selectionSeg.cite,
      });
    }

    let designated = byRank;
    let basis: Basis | null = byRank ? 'rank' : null;
    const prior = priorByCode.get(f.code) ?? null;
    const window = windowSeg.value;
    if (!byRank && prior && prior.firstFiscalYear < fy) {
      const counts = window !== null && priorCounts(prior, window);
      if (!counts) {
        steps.push({
          rule: 'designation.grandfather',
          text: `Step 4: designated from ${formatFiscalYear(prior.firstFiscalYear)} (${prior.act}), but this law keeps no designees from then.`,
          value: false,
          cite: windowSeg.cite,
        });
      } else if (gfReading === 'required' && !c.eligible) {
        steps.push({
          rule: 'designation.grandfather',
          text: `Step 4: designated from ${formatFiscalYear(prior.firstFiscalYear)} (${prior.act}), but under the reading chosen an earlier designee must still pass steps 1-2, and it does not.`,
          value: false,
          cite: grandfatherEligibility.cite,
        });
      } else {
        const exit = exitSeg.value !== null ? yearsAboveCutoff(f.code, c.index, cut.cutoffIndex, historyCuts, exitSeg.value) : null;
        if (exit && exit.exits) {
          steps.push({
            rule: 'designation.exit',
            text: `Off-ramp: above the cutoff in each of the last ${exitSeg.value} data years (${exit.years.join(', ')}), so it leaves the program.`,
            value: false,
            cite: exitSeg.cite,
          });
        } else {
          designated = true;
          basis = 'grandfathered';
          steps.push({
            rule: 'designation.grandfather',
            text: `Step 4: designated from ${formatFiscalYear(prior.firstFiscalYear)} (${prior.act}) and kept as an earlier designee (${formatFiscalYear(window!.first)}–${formatFiscalYear(window!.last)})${c.eligible ? '' : ', although it no longer passes steps 1-2'}.`,
            value: true,
            cite: windowSeg.cite,
          });
          if (exit) {
            steps.push({
              rule: 'designation.exit',
              text: `Off-ramp: not yet — ${exit.reason}.`,
              value: false,
              cite: exitSeg.cite,
            });
          }
        }
      }
    } else if (byRank && prior && prior.firstFiscalYear < fy) {
      steps.push({
        rule: 'designation.grandfather',
        text: `Also designated from ${formatFiscalYear(prior.firstFiscalYear)} (${prior.act}); designated now by rank.`,
        value: true,
        cite: CGS_A1_B,
      });
    }

    const oppRank = oppRanks.get(f.code) ?? null;
    const inTen = oppCut.selected.has(f.code);
    const opportunityDistrict = designated && inTen;
    if (oppRank !== null && (inTen || designated)) {
      steps.push({
        rule: 'designation.opportunity',
        text: inTen
          ? designated
            ? `Ranks ${oppRank} of ${oppPool.length} ${oppReading === 'all-towns' ? 'towns' : 'eligible districts'}, among the ${oppSeg.value} lowest: an Opportunity (educational reform) district.`
            : `Ranks ${oppRank} of ${oppPool.length} towns, among the ${oppSeg.value} lowest, but it is not an alliance district, so it is not an Opportunity district.`
          : `Ranks ${oppRank} of ${oppPool.length} ${oppReading === 'all-towns' ? 'towns' : 'eligible districts'}, not among the ${oppSeg.value} lowest: not an Opportunity district.`,
        value: opportunityDistrict,
        cite: { ...CGS_A4, note: `${formatCitation(oppSeg.cite)}: ${oppSeg.value} lowest` },
      });
    }
    steps.push({
      rule: 'designation.result',
      text: designated
        ? `Result: designated ${article(basis === 'rank' ? namesSeg.value.byRank : namesSeg.value.earlierDesignee)} for ${formatFiscalYear(fy)} (${basis === 'rank' ? 'by rank' : 'as an earlier designee'}).`
        : `Result: not designated for ${formatFiscalYear(fy)}.`,
      value: designated,
    });

    return {
      districtCode: f.code,
      name: f.name,
      orgType: f.orgType ?? orgTypeOf(f.code),
      eligible: c.eligible,
      ineligibleReasons: c.reasons,
      rank,
      accountabilityIndex: c.index,
      enrollment: f.enrollment,
      designated,
      basis,
      category: basis === 'rank' ? namesSeg.value.byRank : basis === 'grandfathered' ? namesSeg.value.earlierDesignee : null,
      opportunityDistrict,
      opportunityRank: oppRank,
      priorDesignation: prior,
      trace: steps,
    };
  });

  results.sort((a, b) => {
    if (a.rank !== null && b.rank !== null) return a.rank - b.rank || (a.districtCode < b.districtCode ? -1 : 1);
    if (a.rank !== null) return -1;
    if (b.rank !== null) return 1;
    return a.districtCode < b.districtCode ? -1 : a.districtCode > b.districtCode ? 1 : 0;
  });

  const byRankCount = results.filter((r) => r.basis === 'rank').length;
  const gfCount = results.filter((r) => r.basis === 'grandfathered').length;
  const designatedCount = byRankCount + gfCount;
  const oppCount = results.filter((r) => r.opportunityDistrict).length;
  t.step({
    rule: 'designation.result',
    text: `${designatedCount} alliance districts for ${formatFiscalYear(fy)}: ${byRankCount} by rank and ${gfCount} earlier designees; ${oppCount} Opportunity districts.`,
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
  };
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
  floor: Segment<number | null>,
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

