/**
 * An off-ramp for alliance districts — a proposal, not law. The 2024-25 policy brief finds "there
 * is no off-ramp for districts to exit the Alliance District program" and recommends (2) "an
 * off-ramp process for districts to exit the program once they reach targets". The criteria here
 * are a named proposal's parameters: out of the N lowest for K consecutive data years (the
 * designation law's own ranking), and the plan's targets met for K consecutive reviewed years.
 * For each district the result says which criteria hold and which do not, by how much — its
 * distance to exit — with a trace. Pure.
 */
import type { Citation } from '../rules/citation.ts';
import { defineLaw, type RuleVersion } from '../rules/law.ts';
import { parameter } from '../rules/parameter.ts';
import { isoDate } from '../time/fiscal-year.ts';
import { period } from '../time/period.ts';

export const BRIEF_RECOMMENDATION_2: Citation = {
  kind: 'Proposal',
  id: 'Alliance District policy brief (2024-25)',
  subsection: 'recommendation 2, "Create an off-ramp process for districts to exit the program once they reach targets"',
  note: 'The brief asks for an off-ramp, not for these numbers: they are this proposal\'s, stated as parameters.',
};

const from = isoDate('2025-07-01');

/** Consecutive data years out of the lowest-ranked N (not designated by rank) that an exit needs. */
export const yearsOutOfLowest = parameter<number>({ id: 'off-ramp.years-out-of-lowest', label: 'Consecutive data years out of the lowest-ranked', unit: 'years', values: [{ from, value: 3, cite: BRIEF_RECOMMENDATION_2 }] });
/** Consecutive reviewed years with every goal of the plan met that an exit needs. */
export const yearsTargetsMet = parameter<number>({ id: 'off-ramp.years-targets-met', label: 'Consecutive reviewed years with the plan\'s targets met', unit: 'years', values: [{ from, value: 3, cite: BRIEF_RECOMMENDATION_2 }] });

export interface OffRampInput {
  readonly districtCode: string;
  /** The designation ranking by data year, newest first: whether the district was among the lowest-ranked designated by rank. */
  readonly ranking: readonly { readonly dataYear: string; readonly rank: number | null; readonly byRank: boolean; readonly selectCount: number | null }[];
  /** The annual reviews by fiscal year, newest first: whether every goal was met (on track). */
  readonly reviews: readonly { readonly fiscalYear: number; readonly targetsMet: boolean; readonly goalsNotMet: number; readonly goalsTotal: number }[];
}

export interface OffRampCriterion {
  readonly id: 'out-of-lowest' | 'targets-met';
  readonly holds: boolean;
  /** Consecutive years it holds so far (newest first), and the years it needs. */
  readonly have: number;
  readonly need: number;
}

export interface OffRampOutcome {
  readonly exits: boolean;
  readonly criteria: readonly OffRampCriterion[];
}

export const OFF_RAMP_RULE = 'off-ramp';

/** How many of the newest entries in a row satisfy `ok`. */
function streak<T>(list: readonly T[], ok: (x: T) => boolean): number {
  let n = 0;
  for (const x of list) {
    if (!ok(x)) break;
    n++;
  }
  return n;
}

const offRampVersion: RuleVersion<OffRampInput, OffRampOutcome> = {
  id: 'brief-2025-off-ramp',
  rule: OFF_RAMP_RULE,
  title: 'An off-ramp after the 2024-25 policy brief (a proposal)',
  act: BRIEF_RECOMMENDATION_2,
  period: period(from, null),
  clause: 'Create an off-ramp process for districts to exit the program once they reach targets.',
  compute(input, ctx) {
    const k1 = ctx.param(yearsOutOfLowest);
    const k2 = ctx.param(yearsTargetsMet);
    // A year counts when the district is ranked and not among those designated by rank; a year it
    // is not ranked (no index, or not eligible) shows nothing either way, and breaks the run.
    const out = streak(input.ranking, (r) => r.rank !== null && !r.byRank);
    const years = input.ranking.length;
    ctx.trace.step({
      rule: 'off-ramp.out-of-lowest',
      text:
        years === 0
          ? `No data year is ranked for the district: out of the lowest-ranked 0 of the ${k1.value} years an exit needs.`
          : `Out of the lowest-ranked in the latest ${out} consecutive data year${out === 1 ? '' : 's'} (${years} ranked: ${input.ranking.map((r) => `${r.dataYear} ${r.byRank ? `rank ${r.rank}, designated by rank` : r.rank === null ? 'not ranked, so the year does not count' : `rank ${r.rank}`}`).join('; ')}); an exit needs ${k1.value}.`,
      value: out >= k1.value,
      inputs: { have: out, need: k1.value, years },
      cite: k1.cite,
    });
    const met = streak(input.reviews, (r) => r.targetsMet);
    ctx.trace.step({
      rule: 'off-ramp.targets-met',
      text:
        input.reviews.length === 0
          ? `No year of the district's plans is reviewed yet: targets met in 0 of the ${k2.value} years an exit needs.`
          : `The plan's targets met in the latest ${met} consecutive reviewed year${met === 1 ? '' : 's'} (${input.reviews.map((r) => `FY${r.fiscalYear}: ${r.targetsMet ? 'all met' : `${r.goalsNotMet} of ${r.goalsTotal} not met`}`).join('; ')}); an exit needs ${k2.value}.`,
      value: met >= k2.value,
      inputs: { have: met, need: k2.value },
      cite: k2.cite,
    });
    const criteria: OffRampCriterion[] = [
      { id: 'out-of-lowest', holds: out >= k1.value, have: out, need: k1.value },
      { id: 'targets-met', holds: met >= k2.value, have: met, need: k2.value },
    ];
    const exits = criteria.every((c) => c.holds);
    ctx.trace.step({ rule: 'off-ramp.result', text: exits ? 'Both criteria hold: the district would exit the program.' : `Not yet: ${criteria.filter((c) => !c.holds).map((c) => `${c.need - c.have} more year${c.need - c.have === 1 ? '' : 's'} ${c.id === 'out-of-lowest' ? 'out of the lowest-ranked' : 'with the targets met'}`).join(' and ')}.`, value: exits, cite: BRIEF_RECOMMENDATION_2 });
    return { exits, criteria };
  },
};

export const OFF_RAMP = defineLaw({
  id: 'off-ramp',
  title: 'An off-ramp for alliance districts (a proposal after the 2024-25 policy brief)',
  parameters: [yearsOutOfLowest, yearsTargetsMet],
  options: [],
  versions: [offRampVersion],
});
