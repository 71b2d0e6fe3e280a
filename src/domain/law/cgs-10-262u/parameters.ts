/**
 * Every number C.G.S. § 10-262u and the Acts that amended it set, as dated series with their
 * citations. Periods are half-open; a series ends where no Act speaks (July 1, 2027 for the
 * designation rules: nothing is enacted for FY2028 on).
 */
import { parameter } from '../../rules/parameter.ts';
import type { IsoDate, SchoolYear, FiscalYear } from '../../time/fiscal-year.ts';
import {
  CGS_A1,
  CGS_A1_B,
  CGS_A4,
  CGS_B,
  CGS_C,
  CSDE_ECS_SPLIT,
  CSDE_STEPS,
  PA_12_116,
  PA_17_2_JSS,
  PA_22_118,
} from './citations.ts';

const d = (s: string) => s as IsoDate;
const fy = (n: number) => n as FiscalYear;

/** FY2013 starts 2012-07-01; FY2018 2017-07-01; FY2023 2022-07-01; FY2028 2027-07-01. */
export const CYCLE_FY2013 = d('2012-07-01');
export const CYCLE_FY2018 = d('2017-07-01');
export const CYCLE_FY2023 = d('2022-07-01');
export const NO_RULE_FROM = d('2027-07-01');

/** How districts are chosen from the ranking. The enacted law always uses a fixed count. */
export type Selection =
  | { readonly kind: 'count' }
  | { readonly kind: 'score'; readonly atOrBelow: number }
  | { readonly kind: 'percentile'; readonly percent: number };

/** Which measure the ranking uses. */
export type IndexMeasure = 'district_performance_index' | 'accountability_index';

/** Earlier designees kept on the list: designated in any fiscal year first..last. */
export type GrandfatherWindow = { readonly first: FiscalYear; readonly last: FiscalYear } | null;

/** "among the towns with the thirty lowest …" — the N of "N lowest". */
export const lowestCount = parameter<number>({
  id: 'designation.lowest-count',
  label: 'Number of lowest-scoring districts designated',
  unit: 'districts',
  values: [
    { from: CYCLE_FY2013, value: 30, cite: PA_12_116 },
    { from: CYCLE_FY2018, value: 30, cite: PA_17_2_JSS },
    { from: CYCLE_FY2023, until: NO_RULE_FROM, value: 33, cite: PA_22_118 },
  ],
});

/** How the ranking selects. Enacted law: the fixed count above. Scenarios may use a threshold. */
export const selection = parameter<Selection>({
  id: 'designation.selection',
  label: 'How districts are selected from the ranking',
  values: [
    { from: CYCLE_FY2013, value: { kind: 'count' }, cite: PA_12_116 },
    { from: CYCLE_FY2018, value: { kind: 'count' }, cite: PA_17_2_JSS },
    { from: CYCLE_FY2023, until: NO_RULE_FROM, value: { kind: 'count' }, cite: PA_22_118 },
  ],
});

/** CSDE step 2: at least 1,000 students in the index's data year. null = no floor. */
export const minEnrollment = parameter<number | null>({
  id: 'designation.min-enrollment',
  label: 'Minimum enrollment in the data year',
  unit: 'students',
  values: [
    {
      from: CYCLE_FY2013,
      value: 1000,
      cite: CSDE_STEPS,
      note: 'The 1,000-student floor is documented for FY2018 on; that CSDE applied it in 2012 is assumed, not sourced.',
    },
    { from: CYCLE_FY2018, until: NO_RULE_FROM, value: 1000, cite: CSDE_STEPS },
  ],
});

/** Step 4: earlier designees who stay designated though no longer among the lowest. */
export const grandfatherWindow = parameter<GrandfatherWindow>({
  id: 'designation.grandfather-window',
  label: 'Earlier designees kept on the list (fiscal years designated)',
  values: [
    { from: CYCLE_FY2013, value: null, cite: PA_12_116, note: 'The program began in FY2013: there were no earlier designees.' },
    { from: CYCLE_FY2018, value: { first: fy(2013), last: fy(2017) }, cite: PA_17_2_JSS },
    { from: CYCLE_FY2023, until: NO_RULE_FROM, value: { first: fy(2013), last: fy(2022) }, cite: { ...CGS_A1_B, note: 'as amended by PA 22-118' } },
  ],
});

/** § 10-262u(b): a designation lasts five years. */
export const termYears = parameter<number>({
  id: 'designation.term-years',
  label: 'Length of a designation',
  unit: 'fiscal years',
  values: [
    { from: CYCLE_FY2013, value: 5, cite: PA_12_116 },
    { from: CYCLE_FY2018, value: 5, cite: PA_17_2_JSS },
    { from: CYCLE_FY2023, until: NO_RULE_FROM, value: 5, cite: CGS_B },
  ],
});

/** The measure the ranking uses: the DPI in 2012, the accountability index from FY2018. */
export const indexMeasure = parameter<IndexMeasure>({
  id: 'designation.index-measure',
  label: 'Performance measure used for the ranking',
  values: [
    {
      from: CYCLE_FY2013,
      value: 'district_performance_index',
      cite: PA_12_116,
      note: 'CSDE\'s 2012 presentation: "Using a district performance index".',
    },
    { from: CYCLE_FY2018, value: 'accountability_index', cite: PA_17_2_JSS },
    { from: CYCLE_FY2023, until: NO_RULE_FROM, value: 'accountability_index', cite: CGS_A1 },
  ],
});

/**
 * The school year of the data the ranking used, where a source records it. null: the sources
 * at hand do not say; the caller must choose one and the trace says so.
 */
export const dataYear = parameter<SchoolYear | null>({
  id: 'designation.data-year',
  label: 'School year of the data used for the ranking',
  values: [
    { from: CYCLE_FY2013, value: null, cite: PA_12_116, note: 'The DPI year CSDE used in 2012 is not recorded in the sources at hand.' },
    {
      from: CYCLE_FY2018,
      value: '2015-16' as SchoolYear,
      cite: CSDE_STEPS,
      note: 'CSDE designated the FY2018 cohort on 2015-16 accountability data.',
    },
    {
      from: CYCLE_FY2023,
      until: NO_RULE_FROM,
      value: null,
      cite: PA_22_118,
      note: 'The data year CSDE used for the FY2023 cohort is not recorded in the sources at hand.',
    },
  ],
});

/** § 10-262u(a)(4): the ten lowest when all towns are ranked are educational reform (Opportunity) districts. */
export const opportunityCount = parameter<number>({
  id: 'designation.opportunity-count',
  label: 'Number of lowest-ranked towns that are Opportunity (educational reform) districts',
  unit: 'districts',
  values: [
    { from: CYCLE_FY2013, until: NO_RULE_FROM, value: 10, cite: CGS_A4 },
  ],
});

/**
 * An off-ramp: a district designated only because it was designated before leaves once it has
 * been above the cutoff for this many consecutive data years. null = no off-ramp (the law today).
 */
export const exitAfterYears = parameter<number | null>({
  id: 'designation.exit-after-years',
  label: 'Years above the cutoff after which an earlier designee leaves',
  unit: 'years',
  values: [
    { from: CYCLE_FY2013, value: null, cite: PA_12_116 },
    { from: CYCLE_FY2018, value: null, cite: PA_17_2_JSS },
    { from: CYCLE_FY2023, until: NO_RULE_FROM, value: null, cite: { ...CGS_A1_B, note: 'Earlier designees stay designated; there is no off-ramp.' } },
  ],
});

/** What the law calls a designated district and an earlier designee kept on the list. */
export type CategoryNames = { readonly byRank: string; readonly earlierDesignee: string };

export const categoryNames = parameter<CategoryNames>({
  id: 'designation.category-names',
  label: 'Names of the designations',
  values: [
    { from: CYCLE_FY2013, until: NO_RULE_FROM, value: { byRank: 'alliance district', earlierDesignee: 'alliance district' }, cite: CGS_A1 },
  ],
});

/**
 * § 10-262u(c): the base year whose grant is not withheld. Read at the start of the fiscal year
 * a district was first designated: FY2012 for districts first designated FY2013-FY2022, FY2022
 * for the districts first designated in FY2023.
 */
export const withholdingBaseYear = parameter<FiscalYear>({
  id: 'withholding.base-fiscal-year',
  label: 'Base fiscal year of the ECS grant (by year first designated)',
  unit: 'fiscal year',
  values: [
    { from: CYCLE_FY2013, value: fy(2012), cite: PA_12_116 },
    { from: CYCLE_FY2018, value: fy(2012), cite: PA_17_2_JSS, note: 'As under the prior authorisation: increases over the FY2012 grant.' },
    { from: CYCLE_FY2023, until: NO_RULE_FROM, value: fy(2022), cite: { ...CGS_C, note: 'as amended by PA 22-118: the FY2022 grant for districts first designated in 2022' } },
  ],
});

/**
 * FY2018: the state's holdback reduced ECS grants after the split was set. CSDE's published
 * split keeps each alliance portion at the increase of the FY2017 entitlement over the base and
 * takes the whole reduction from the non-alliance part. The fiscal year whose entitlement sets
 * the alliance portion: the year itself, except FY2018 when it is FY2017.
 */
export const allianceEntitlementYearOffset = parameter<number>({
  id: 'withholding.entitlement-year-offset',
  label: 'Fiscal year whose entitlement sets the alliance portion (offset from the year)',
  unit: 'years',
  values: [
    { from: CYCLE_FY2013, value: 0, cite: CGS_C },
    {
      from: CYCLE_FY2018,
      value: -1,
      cite: CSDE_ECS_SPLIT,
      note: 'FY2018 holdback: CSDE\'s split holds every alliance portion at FY2017 entitlement minus base; the Act that ordered the holdback is not in the sources at hand.',
    },
    { from: d('2018-07-01'), until: NO_RULE_FROM, value: 0, cite: CGS_C },
  ],
});

/**
 * FY2024-FY2025: CSDE's split carves an "education diversity" portion out of each alliance
 * district's increase, in amounts CSDE set per town. true = the carve-out applies.
 */
export const educationDiversityCarveOut = parameter<boolean>({
  id: 'withholding.education-diversity-carve-out',
  label: 'Education-diversity portion carved out of the increase',
  values: [
    { from: CYCLE_FY2013, value: false, cite: CGS_C },
    {
      from: d('2023-07-01'),
      value: true,
      cite: CSDE_ECS_SPLIT,
      note: 'Visible in CSDE\'s FY2024 and FY2025 split; the amounts are CSDE\'s per town, and the Act behind them is not in the sources at hand.',
    },
    { from: d('2025-07-01'), until: NO_RULE_FROM, value: false, cite: CGS_C, note: 'No carve-out is shown for FY2026 or later.' },
  ],
});

/** Every parameter of this statute, for the law, the hygiene test and the /about page. */
export const ALL_PARAMETERS = [
  lowestCount,
  selection,
  minEnrollment,
  grandfatherWindow,
  termYears,
  indexMeasure,
  dataYear,
  opportunityCount,
  exitAfterYears,
  categoryNames,
  withholdingBaseYear,
  allianceEntitlementYearOffset,
  educationDiversityCarveOut,
] as const;
