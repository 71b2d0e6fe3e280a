/**
 * Tiered support for alliance districts — a proposal, not law. The 2024-25 policy brief's first
 * recommendation (seed 001) asks CSDE to "implement the tiered support already defined in the
 * state's plan" so that "districts with greater needs receive greater resources", and lists the
 * supports; Massachusetts' framework for district accountability and assistance is its model.
 * No Act sets tiers for alliance districts, so every threshold here is a dated parameter of a
 * named proposal, changeable by a scenario like the designation law's. The inputs are the
 * district's annual progress review, its accountability index and its trend, and how long it
 * has been designated; the result is a tier with its reasons step by step (a trace) and the
 * catalogue of supports that tier brings. Pure.
 */
import type { Citation } from '../rules/citation.ts';
import { defineLaw, type LawOption, type RuleVersion } from '../rules/law.ts';
import { parameter } from '../rules/parameter.ts';
import { isoDate } from '../time/fiscal-year.ts';
import { period } from '../time/period.ts';
import type { ReviewDecision } from '../workflow/annual-review.ts';

export const BRIEF_RECOMMENDATION_1: Citation = {
  kind: 'Proposal',
  id: 'Alliance District policy brief (2024-25)',
  subsection: 'recommendation 1, "Implementing a tiered-system of support model for the Alliance District program"',
  note: 'The brief names the supports, not the thresholds that assign them: those are this proposal\'s, stated as parameters.',
};

export const CT_ESSA_PLAN: Citation = {
  kind: 'Guidance',
  id: 'Connecticut consolidated state ESSA plan (August 4, 2017)',
  subsection: 'tiered system of support',
  url: 'https://portal.ct.gov/-/media/sde/essa/august_4_ct_consolidated_state_essa_plan.pdf',
};

export const TIERS = [1, 2, 3, 4] as const;
export type Tier = (typeof TIERS)[number];

/** A support the state gives or requires (the brief's list), and the lowest tier that brings it. */
export interface Support {
  readonly id: string;
  readonly tier: Tier;
  readonly label: string;
  /** The district's part: what it must show the state (null for what the state does alone). */
  readonly evidence: string | null;
}

/** The catalogue, from the brief's recommendation 1; each tier brings its own and those below. */
export const SUPPORTS: readonly Support[] = [
  { id: 'monitoring', tier: 1, label: 'Three monitoring meetings a year, with spend-down and progress tracking', evidence: null },
  { id: 'program-review', tier: 2, label: 'CSDE/district in-depth program review', evidence: 'The district\'s self-assessment for the review' },
  { id: 'training-targets', tier: 2, label: 'Mandatory training modules in targets not met, focused on evidence-based interventions to meet subgroup needs', evidence: 'Attendance of the modules by the district\'s leaders' },
  { id: 'training-fidelity', tier: 2, label: 'Mandatory training modules in fidelity of implementation, progress monitoring, and culturally responsive pedagogy', evidence: 'Attendance of the modules by the district\'s leaders' },
  { id: 'fidelity-evidence', tier: 2, label: 'Quarterly "Evidence for Fidelity of Implementation" for target(s) not met', evidence: 'The quarter\'s evidence of fidelity of implementation' },
  { id: 'needs-assessment', tier: 3, label: 'State-directed needs assessment with stakeholder input from whole school populations on target(s) not met', evidence: 'The needs assessment and its stakeholder input' },
  { id: 'plan-revision', tier: 3, label: 'CSDE-directed district plan revision', evidence: 'The revised plan' },
  { id: 'site-visits', tier: 3, label: 'CSDE site visit, monitoring, and evaluation, including central office and CSDE walkthroughs of schools', evidence: null },
  { id: 'decision-pathway', tier: 4, label: 'State structured decision-making pathway: reconstitution, consolidation or closure, restructuring the school governance council, or restructuring school board governance', evidence: 'The district\'s response to the pathway the state chose' },
];

export const TIER_LABELS: Readonly<Record<Tier, string>> = {
  1: 'Tier 1 — universal support',
  2: 'Tier 2 — targeted support',
  3: 'Tier 3 — intensive support',
  4: 'Tier 4 — structured decision pathways',
};

/** The supports a tier brings: its own and every lower tier's. */
export function supportsOf(tier: Tier): readonly Support[] {
  return SUPPORTS.filter((s) => s.tier <= tier);
}

/** From FY2026, the first year the system reviews a year after approval. */
const from = isoDate('2025-07-01');
const proposal = { from, value: 0, cite: BRIEF_RECOMMENDATION_1 };

/** Tier 2 from this many of the plan's goals not met in the year's review (off track or at risk). */
export const tier2GoalsNotMet = parameter<number>({ id: 'tiers.tier2-goals-not-met', label: 'Goals not met that bring tier 2', unit: 'goals', values: [{ ...proposal, value: 1 }] });
/** Tier 3 from this share of the goals not met. */
export const tier3ShareNotMet = parameter<number>({ id: 'tiers.tier3-share-not-met', label: 'Share of goals not met that brings tier 3', unit: 'share', values: [{ ...proposal, value: 0.5 }] });
/** A fall of the accountability index by more than this many points from the year before raises the tier by one (to at most 3). */
export const indexDeclinePoints = parameter<number>({ id: 'tiers.index-decline-points', label: 'Fall of the accountability index that raises the tier', unit: 'index points', values: [{ ...proposal, value: 2 }] });
/** Tier 4 after this many consecutive years at tier 3 or above (this year included). */
export const tier4Years = parameter<number>({ id: 'tiers.tier4-years', label: 'Consecutive years at tier 3 that bring tier 4', unit: 'years', values: [{ ...proposal, value: 3 }] });

export const noReviewOption: LawOption<'tier-1' | 'undetermined'> = {
  id: 'tiers.no-review',
  label: 'A district without an annual review',
  question: 'What tier is a district whose year has not been reviewed yet?',
  choices: [
    { value: 'undetermined', label: 'None yet: the tier waits for the review' },
    { value: 'tier-1', label: 'Tier 1 until the review says otherwise' },
  ],
  default: 'undetermined',
  cite: BRIEF_RECOMMENDATION_1,
};

/** What the rule reads about one district. */
export interface TierInput {
  readonly districtCode: string;
  /** The year's annual progress review, if recorded. */
  readonly review: {
    readonly decision: ReviewDecision;
    readonly goalsNotMet: number;
    readonly goalsNoData: number;
    readonly goalsTotal: number;
    readonly conditionsUnmet: number;
  } | null;
  /** The latest accountability index and the one a year before, where imported. */
  readonly index: { readonly value: number; readonly year: string; readonly prior: { readonly value: number; readonly year: string } | null } | null;
  /** Consecutive years at tier 3 or above before this one (0 if none or unknown). */
  readonly yearsAtTier3Before: number;
}

export interface TierOutcome {
  /** Null when the tier cannot be set yet (no review, and the option says to wait). */
  readonly tier: Tier | null;
  readonly supports: readonly Support[];
}

export const TIER_RULE = 'tier';

const tierVersion: RuleVersion<TierInput, TierOutcome> = {
  id: 'brief-2025-tiers',
  rule: TIER_RULE,
  title: 'Tiered support after the 2024-25 policy brief (a proposal)',
  act: BRIEF_RECOMMENDATION_1,
  period: period(from, null),
  clause: 'Implement the tiered support already defined in the state\'s plan ... to ensure districts with greater needs receive greater resources.',
  compute(input, ctx) {
    const r = input.review;
    if (!r) {
      const choice = ctx.option(noReviewOption);
      ctx.trace.step({ rule: 'tier.no-review', text: choice === 'tier-1' ? 'The year is not reviewed yet: tier 1 until the review says otherwise (option "tiers.no-review").' : 'The year is not reviewed yet: the tier waits for the annual review (option "tiers.no-review").', value: choice === 'tier-1' ? 1 : null, inputs: { option: choice }, cite: noReviewOption.cite });
      const tier = choice === 'tier-1' ? 1 : null;
      return { tier, supports: tier ? supportsOf(tier) : [] };
    }
    const two = ctx.param(tier2GoalsNotMet);
    const three = ctx.param(tier3ShareNotMet);
    const share = r.goalsTotal ? r.goalsNotMet / r.goalsTotal : 0;
    let tier: Tier = 1;
    if (r.goalsTotal > 0 && share >= three.value) {
      tier = 3;
      ctx.trace.step({ rule: 'tier.goals', text: `${r.goalsNotMet} of ${r.goalsTotal} goals not met (${Math.round(share * 100)}%), at least ${Math.round(three.value * 100)}%: tier 3.`, value: 3, inputs: { notMet: r.goalsNotMet, total: r.goalsTotal, share, threshold: three.value }, cite: three.cite });
    } else if (r.goalsNotMet >= two.value) {
      tier = 2;
      ctx.trace.step({ rule: 'tier.goals', text: `${r.goalsNotMet} of ${r.goalsTotal} goals not met, at least ${two.value}: tier 2.`, value: 2, inputs: { notMet: r.goalsNotMet, total: r.goalsTotal, threshold: two.value }, cite: two.cite });
    } else {
      ctx.trace.step({ rule: 'tier.goals', text: `${r.goalsNotMet} of ${r.goalsTotal} goals not met, fewer than ${two.value}: tier 1 on the goals.`, value: 1, inputs: { notMet: r.goalsNotMet, total: r.goalsTotal, threshold: two.value }, cite: two.cite });
    }
    if (r.goalsNoData > 0) ctx.trace.step({ rule: 'tier.goals-no-data', text: `${r.goalsNoData} goal${r.goalsNoData === 1 ? ' has' : 's have'} no value to date: not counted as met or not met.`, inputs: { noData: r.goalsNoData } });
    if (r.conditionsUnmet > 0 && tier < 2) {
      tier = 2;
      ctx.trace.step({ rule: 'tier.conditions', text: `${r.conditionsUnmet} condition${r.conditionsUnmet === 1 ? '' : 's'} of the approval not met: tier 2.`, value: 2, inputs: { unmet: r.conditionsUnmet }, cite: BRIEF_RECOMMENDATION_1 });
    }
    if (r.decision === 'continue-with-conditions' && tier < 2) {
      tier = 2;
      ctx.trace.step({ rule: 'tier.continued-with-conditions', text: 'The annual review continued the funding with conditions: tier 2.', value: 2, inputs: { decision: r.decision }, cite: BRIEF_RECOMMENDATION_1 });
    }
    if (r.decision === 'refer-for-support' && tier < 3) {
      tier = 3;
      ctx.trace.step({ rule: 'tier.referred', text: 'The annual review referred the district for more intensive support: tier 3.', value: 3, inputs: { decision: r.decision }, cite: BRIEF_RECOMMENDATION_1 });
    }
    const decline = ctx.param(indexDeclinePoints);
    // The index as published, to one decimal (the inputs keep the full value).
    const one = (n: number) => String(Math.round(n * 10) / 10);
    if (!input.index || !input.index.prior) {
      ctx.trace.step({ rule: 'tier.index-trend', text: input.index ? `The accountability index is ${one(input.index.value)} (${input.index.year}); no index a year before it is imported, so no trend is read.` : 'No accountability index is imported for the district: no trend is read.', inputs: { index: input.index?.value ?? null } });
    } else {
      const fall = input.index.prior.value - input.index.value;
      if (fall > decline.value && tier < 3) {
        tier = (tier + 1) as Tier;
        ctx.trace.step({ rule: 'tier.index-trend', text: `The accountability index fell from ${one(input.index.prior.value)} (${input.index.prior.year}) to ${one(input.index.value)} (${input.index.year}), more than ${decline.value} points: one tier up, to tier ${tier}.`, value: tier, inputs: { from: input.index.prior.value, to: input.index.value, threshold: decline.value }, cite: decline.cite });
      } else if (fall > decline.value) {
        ctx.trace.step({ rule: 'tier.index-trend', text: `The accountability index fell from ${one(input.index.prior.value)} (${input.index.prior.year}) to ${one(input.index.value)} (${input.index.year}), more than ${decline.value} points; tier 3 is the most a fall raises to.`, inputs: { from: input.index.prior.value, to: input.index.value, threshold: decline.value }, cite: decline.cite });
      } else {
        ctx.trace.step({ rule: 'tier.index-trend', text: `The accountability index went from ${one(input.index.prior.value)} (${input.index.prior.year}) to ${one(input.index.value)} (${input.index.year}): no fall of more than ${decline.value} points.`, inputs: { from: input.index.prior.value, to: input.index.value, threshold: decline.value }, cite: decline.cite });
      }
    }
    if (tier >= 3) {
      const years = ctx.param(tier4Years);
      const consecutive = input.yearsAtTier3Before + 1;
      if (consecutive >= years.value) {
        tier = 4;
        ctx.trace.step({ rule: 'tier.persistent', text: `Tier 3 or above for ${consecutive} consecutive years, at least ${years.value}: tier 4, a structured decision pathway.`, value: 4, inputs: { years: consecutive, threshold: years.value }, cite: years.cite });
      } else {
        ctx.trace.step({ rule: 'tier.persistent', text: `Tier 3 or above for ${consecutive} consecutive year${consecutive === 1 ? '' : 's'}, fewer than ${years.value}: no decision pathway yet.`, inputs: { years: consecutive, threshold: years.value }, cite: years.cite });
      }
    }
    ctx.trace.step({ rule: 'tier.result', text: `${TIER_LABELS[tier]}.`, value: tier, cite: CT_ESSA_PLAN });
    return { tier, supports: supportsOf(tier) };
  },
};

/** The proposal as a law-like ruleset: dated parameters, a named option, one version. */
export const TIERED_SUPPORT = defineLaw({
  id: 'tiered-support',
  title: 'Tiered support for alliance districts (a proposal after the 2024-25 policy brief)',
  parameters: [tier2GoalsNotMet, tier3ShareNotMet, indexDeclinePoints, tier4Years],
  options: [noReviewOption],
  versions: [tierVersion],
});
