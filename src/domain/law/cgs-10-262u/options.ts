/**
 * Where § 10-262u leaves a question open, the answer is a named option with the statute's (or
 * CSDE's) reading as the default. A scenario may choose another reading; the trace says which
 * reading was used.
 */
import type { LawOption } from '../../rules/law.ts';
import { CGS_A1, CGS_A1_B, CGS_A4, CSDE_FY2018_LIST, CSDE_STEPS } from './citations.ts';

export type TiesOption = 'include-all' | 'exclude-all' | 'fail';
export type MissingDataOption = 'not-ranked' | 'fail';
export type OpportunityRankingOption = 'all-towns' | 'eligible-districts' | 'alliance-districts';
export type GrandfatherEligibilityOption = 'not-required' | 'required';

export const ties: LawOption<TiesOption> = {
  id: 'ties',
  label: 'Ties at the cutoff',
  question:
    'If districts tie on the index at the last place of the count (e.g. the 33rd and 34th have the same score), who is designated?',
  choices: [
    { value: 'include-all', label: 'Designate every district tied at the cutoff (the list may exceed the count)' },
    { value: 'exclude-all', label: 'Designate none of the districts tied across the cutoff (the list may fall short of the count)' },
    { value: 'fail', label: 'Stop and ask: the designation cannot be made until someone decides' },
  ],
  default: 'include-all',
  cite: { ...CGS_A1, note: 'The statute speaks of the towns "with the thirty-three lowest accountability index scores": equal scores are one score, so every town with one of those scores is included.' },
};

export const missingData: LawOption<MissingDataOption> = {
  id: 'missing-data',
  label: 'A district missing its index or enrollment',
  question: 'A local or regional district has no index (or no enrollment count) for the data year. Is it ranked?',
  choices: [
    { value: 'not-ranked', label: 'It cannot be ranked: it is listed as not eligible, with the reason' },
    { value: 'fail', label: 'Stop: the designation cannot be made on incomplete data' },
  ],
  default: 'not-ranked',
  cite: { ...CSDE_STEPS, note: 'CSDE ranks districts by their index in the data year; a district without one cannot be placed.' },
};

export const opportunityRanking: LawOption<OpportunityRankingOption> = {
  id: 'opportunity-ranking',
  label: 'Ranking for Opportunity (educational reform) districts',
  question:
    'Are the ten lowest counted among all towns (so fewer than ten may be alliance districts), among the districts eligible to be alliance districts, or among the alliance districts themselves (always ten)?',
  choices: [
    { value: 'all-towns', label: 'Among all local and regional districts with an index ("when all towns are ranked"); only those that are alliance districts count, so there may be fewer than ten' },
    { value: 'eligible-districts', label: 'Among districts eligible to be alliance districts (at least 1,000 students)' },
    { value: 'alliance-districts', label: 'The ten lowest-ranked alliance districts (always ten, if there are ten)' },
  ],
  default: 'all-towns',
  cite: { ...CGS_A4, note: 'The statute: "among the ten lowest accountability index scores when all towns are ranked".' },
};

export const grandfatherEligibility: LawOption<GrandfatherEligibilityOption> = {
  id: 'grandfather-eligibility',
  label: 'Earlier designees and the eligibility steps',
  question: 'Must an earlier designee still meet steps 1-2 (district type, 1,000 students) to stay designated?',
  choices: [
    { value: 'not-required', label: 'No: an earlier designee stays designated whatever its size now' },
    { value: 'required', label: 'Yes: an earlier designee below 1,000 students leaves' },
  ],
  default: 'not-required',
  cite: {
    ...CGS_A1_B,
    note: 'Subparagraph (B) keeps any district "previously designated"; Winchester and Thompson are below 1,000 students and remain designated (CSDE\'s list).',
  },
};

/** Cited evidence that the default reading matches practice. */
export const GRANDFATHER_EVIDENCE = CSDE_FY2018_LIST;

export const ALL_OPTIONS = [ties, missingData, opportunityRanking, grandfatherEligibility] as const;
