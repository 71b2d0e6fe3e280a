/**
 * The 2024-25 policy brief's headline figures, computed from the data (seed 001; DOMAIN.md § 6):
 * students enrolled in alliance districts and their share of the state, the share of the state's
 * students of each group who attend an alliance district, and how many alliance districts have a
 * larger share of a group than the state. A group the data does not count (the unduplicated
 * "high needs" count) is said to be missing, never approximated. Pure.
 */

/** The groups the enrollment data counts, by their measures (n_* counts; the share is n over enrollment). */
export const GROUPS = ['ell', 'frpl', 'sped', 'black', 'hispanic', 'white', 'asian', 'two_or_more'] as const;
export type Group = (typeof GROUPS)[number];

/** Figures the brief gives that the data cannot: said so on the page. */
export const NOT_IN_DATA = ['high-needs'] as const;

export interface DistrictCounts {
  readonly code: string;
  readonly enrollment: number | null;
  readonly counts: Readonly<Partial<Record<Group, number | null>>>;
}

export interface GroupFigure {
  readonly group: Group;
  /** Students of the group in alliance districts, and in the state (districts with a count). */
  readonly alliance: number;
  readonly state: number;
  /** alliance / state. */
  readonly shareOfState: number | null;
  /** The group's share of the state's enrollment. */
  readonly stateShare: number | null;
  /** Alliance districts whose own share of the group is above the state's, of those with the count. */
  readonly districtsAbove: number;
  readonly districtsCounted: number;
}

export interface HeadlineFigures {
  readonly schoolYear: string;
  readonly allianceDistricts: number;
  readonly enrollment: { readonly alliance: number; readonly state: number; readonly share: number | null; readonly districtsWithout: number };
  readonly groups: readonly GroupFigure[];
  readonly notInData: typeof NOT_IN_DATA;
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/** The figures for one school year, from every district's counts and that year's alliance districts. */
export function headlineFigures(schoolYear: string, districts: readonly DistrictCounts[], alliance: ReadonlySet<string>): HeadlineFigures {
  const enrolled = districts.filter((d) => d.enrollment !== null && d.enrollment > 0);
  const stateEnrollment = sum(enrolled.map((d) => d.enrollment!));
  const allianceEnrollment = sum(enrolled.filter((d) => alliance.has(d.code)).map((d) => d.enrollment!));
  const groups = GROUPS.map((group): GroupFigure => {
    const counted = enrolled.filter((d) => typeof d.counts[group] === 'number');
    const state = sum(counted.map((d) => d.counts[group]!));
    const inAlliance = counted.filter((d) => alliance.has(d.code));
    const allianceCount = sum(inAlliance.map((d) => d.counts[group]!));
    const stateEnrolled = sum(counted.map((d) => d.enrollment!));
    const stateShare = stateEnrolled ? state / stateEnrolled : null;
    return {
      group,
      alliance: allianceCount,
      state,
      shareOfState: state ? allianceCount / state : null,
      stateShare,
      districtsAbove: stateShare === null ? 0 : inAlliance.filter((d) => d.counts[group]! / d.enrollment! > stateShare).length,
      districtsCounted: inAlliance.length,
    };
  });
  return {
    schoolYear,
    allianceDistricts: alliance.size,
    enrollment: { alliance: allianceEnrollment, state: stateEnrollment, share: stateEnrollment ? allianceEnrollment / stateEnrollment : null, districtsWithout: [...alliance].filter((c) => !enrolled.some((d) => d.code === c)).length },
    groups,
    notInData: NOT_IN_DATA,
  };
}
