/**
 * Proposals seen but not enacted, each a scenario over the enacted law with its source cited.
 * They live apart from `cgs-10-262u/` because they are not law.
 */
import { proposal } from '../../rules/citation.ts';
import { POLICY_BRIEF_2025, RB_1458_2025 } from '../cgs-10-262u/citations.ts';
import type { ScenarioSpec } from './scenario.ts';

export const rb1458: ScenarioSpec = {
  id: 'rb-1458-2025',
  title: '2025 Raised Bill 1458: the 15 lowest, with "legacy alliance districts"',
  description:
    'Renames the designation, designates the 15 lowest and keeps earlier designees in a "legacy alliance district" category.',
  base: 'pa-22-118',
  cite: RB_1458_2025,
  lowestCount: 15,
  categoryNames: { byRank: 'opportunity district', earlierDesignee: 'legacy alliance district' },
};

export const scoreThreshold: ScenarioSpec = {
  id: 'score-threshold',
  title: 'A score threshold instead of a count (index at or below 70)',
  description:
    'Designates every eligible district with an accountability index at or below 70.0 instead of a fixed number. The brief names no number; 70 is illustrative and the simulator lets you change it.',
  base: 'pa-22-118',
  cite: { ...POLICY_BRIEF_2025, subsection: 'recommendation: points threshold' },
  selection: { kind: 'score', atOrBelow: 70 },
};

export const percentileThreshold: ScenarioSpec = {
  id: 'percentile-threshold',
  title: 'A percentile threshold instead of a count (lowest 20%)',
  description: 'Designates the lowest 20% of eligible districts by index. 20% is illustrative.',
  base: 'pa-22-118',
  cite: { ...POLICY_BRIEF_2025, subsection: 'recommendation: percentile threshold' },
  selection: { kind: 'percentile', percent: 20 },
};

export const noSizeFloor: ScenarioSpec = {
  id: 'no-size-floor',
  title: 'No size floor',
  description: 'Drops the 1,000-student floor, so small districts with low scores can be designated.',
  base: 'pa-22-118',
  cite: { ...POLICY_BRIEF_2025, subsection: 'finding: the size floor excludes districts with lower scores' },
  minEnrollment: null,
};

export const offRamp: ScenarioSpec = {
  id: 'exit-after-3-years',
  title: 'An off-ramp: earlier designees leave after 3 years above the cutoff',
  description: 'An earlier designee leaves once it has been above the cutoff for 3 consecutive data years.',
  base: 'pa-22-118',
  cite: { ...POLICY_BRIEF_2025, subsection: 'recommendation: an off-ramp for districts that meet targets' },
  exitAfterYears: 3,
};

export const continueFy2028: ScenarioSpec = {
  id: 'continue-pa-22-118',
  title: 'Continue PA 22-118 for FY2028-FY2032',
  description:
    'No Act designates alliance districts for FY2028 on (PA 23-208 asked for recommendations by July 1, 2027). This scenario applies the current rule — 33 lowest plus earlier designees — to the next five years.',
  base: 'pa-22-118',
  cite: proposal('PA 23-208 (study)', { note: 'Asked for recommendations to reduce the number of alliance districts by July 1, 2027; enacts no rule for FY2028.' }),
  grandfathering: { first: 2013, last: 2027 },
  fiscalYears: { first: 2028, last: 2032 },
};

/** Every proposal, in the order the site and `alliance laws` list them. */
export const PROPOSALS: readonly ScenarioSpec[] = [rb1458, scoreThreshold, percentileThreshold, noSizeFloor, offRamp, continueFy2028];

export function proposalById(id: string): ScenarioSpec | undefined {
  return PROPOSALS.find((p) => p.id === id);
}

export * from './scenario.ts';
