/**
 * The Next Generation Accountability System's indicators grouped into areas, and each area's
 * points earned over points possible — "index by area against its target", as EdSight shows it.
 * The index itself is the percentage of points earned across all available indicators.
 */

export interface IndicatorArea {
  readonly id: string;
  readonly label: string;
  /** Pairs of [points key, possible-points key] in the NGAS files (keys normalised by the importer). */
  readonly parts: readonly (readonly [string, string])[];
}

/** Indicators 1-12 (participation, indicator 3, earns no points). */
export const INDICATOR_AREAS: readonly IndicatorArea[] = [
  {
    id: 'achievement',
    label: 'Academic achievement (performance index: ELA, math, science; all students and high needs)',
    parts: [
      ['ind1ela_all_points', 'ind1ela_all_possiblepoints'],
      ['ind1ela_hn_points', 'ind1ela_hn_possiblepoints'],
      ['ind1math_all_points', 'ind1math_all_possiblepoints'],
      ['ind1math_hn_points', 'ind1math_hn_possiblepoints'],
      ['ind1sci_all_points', 'ind1sci_all_possiblepoints'],
      ['ind1sci_hn_points', 'ind1sci_hn_possiblepoints'],
    ],
  },
  {
    id: 'growth',
    label: 'Academic growth (ELA and math; all students and high needs; English learners\' progress)',
    parts: [
      ['ind2ela_all_points', 'ind2ela_all_possiblepoints'],
      ['ind2math_all_points', 'ind2math_all_possiblepoints'],
      ['ind2ela_hn_points', 'ind2ela_hn_possiblepoints'],
      ['ind2math_hn_points', 'ind2math_hn_possiblepoints'],
      ['ind2lep_ltcy_points', 'ind2lep_ltcy_possiblepoints'],
      ['ind2lep_oral_points', 'ind2lep_oral_possiblepoints'],
    ],
  },
  {
    id: 'absenteeism',
    label: 'Chronic absenteeism (all students and high needs)',
    parts: [
      ['ind4points', 'ind4possiblepoints'],
      ['ind4hnpoints', 'ind4hnpossiblepoints'],
    ],
  },
  { id: 'coursework', label: 'Preparation for postsecondary and career readiness: coursework', parts: [['ind5points', 'ind5possiblepoints']] },
  { id: 'exams', label: 'Preparation for postsecondary and career readiness: exams', parts: [['ind6points', 'ind6possiblepoints']] },
  { id: 'on-track', label: 'On track to high school graduation (ninth grade)', parts: [['ind7points', 'ind7possiblepoints']] },
  { id: 'graduation-4', label: 'Four-year graduation, all students', parts: [['ind8points', 'ind8possiblepoints']] },
  { id: 'graduation-6', label: 'Six-year graduation, high needs', parts: [['ind9points', 'ind9possiblepoints']] },
  { id: 'entrance', label: 'Postsecondary entrance', parts: [['ind10points', 'ind10possiblepoints']] },
  { id: 'fitness', label: 'Physical fitness', parts: [['ind11points', 'ind11possiblepoints']] },
  { id: 'arts', label: 'Arts access', parts: [['ind12points', 'ind12possiblepoints']] },
];

export interface AreaScore {
  readonly id: string;
  readonly label: string;
  readonly points: number;
  readonly possible: number;
  /** points / possible, 0-100. */
  readonly percent: number;
}

/** Each area with points possible in these indicators; areas without any are left out. */
export function areaScores(indicators: Readonly<Record<string, number | string | null>>): AreaScore[] {
  const out: AreaScore[] = [];
  for (const area of INDICATOR_AREAS) {
    let points = 0;
    let possible = 0;
    for (const [p, pp] of area.parts) {
      const a = indicators[p];
      const b = indicators[pp];
      if (typeof a === 'number' && typeof b === 'number' && b > 0) {
        points += a;
        possible += b;
      }
    }
    if (possible > 0) out.push({ id: area.id, label: area.label, points, possible, percent: (points / possible) * 100 });
  }
  return out;
}
