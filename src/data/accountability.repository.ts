/**
 * Next Generation Accountability results as published: one row per school year, district and
 * school (school '0000000' = the district as a whole; district '0000000' = the state), with
 * every indicator kept.
 */
import type { SchoolYear } from '../domain/time/fiscal-year.ts';
import { upsertRows, type Executor } from './batch.ts';

export const STATE_CODE = '0000000';
export const WHOLE_DISTRICT = '0000000';

export interface AccountabilityResult {
  readonly schoolYear: SchoolYear;
  readonly districtCode: string;
  readonly schoolCode: string;
  readonly schoolName: string;
  readonly category: string | null;
  readonly totalPoints: number | null;
  readonly totalPossiblePoints: number | null;
  readonly accountabilityIndex: number | null;
  readonly indicators: Readonly<Record<string, number | string | null>>;
}

export async function upsertAccountability(db: Executor, rows: readonly AccountabilityResult[], importId: number | null): Promise<void> {
  await upsertRows(
    db,
    'accountability_result',
    rows.map((r) => ({
      school_year: r.schoolYear,
      district_code: r.districtCode,
      school_code: r.schoolCode,
      school_name: r.schoolName,
      category: r.category,
      total_points: r.totalPoints,
      total_possible_points: r.totalPossiblePoints,
      accountability_index: r.accountabilityIndex,
      indicators: JSON.stringify(r.indicators),
      import_id: importId,
    })),
    ['school_year', 'district_code', 'school_code'],
    ['school_name', 'category', 'total_points', 'total_possible_points', 'accountability_index', 'indicators', 'import_id'],
  );
}

type Row = {
  school_year: string;
  district_code: string;
  school_code: string;
  school_name: string;
  category: string | null;
  total_points: number | null;
  total_possible_points: number | null;
  accountability_index: number | null;
  indicators: string;
};

function toResult(r: Row): AccountabilityResult {
  return {
    schoolYear: r.school_year as SchoolYear,
    districtCode: r.district_code,
    schoolCode: r.school_code,
    schoolName: r.school_name,
    category: r.category,
    totalPoints: r.total_points,
    totalPossiblePoints: r.total_possible_points,
    accountabilityIndex: r.accountability_index,
    indicators: JSON.parse(r.indicators) as Record<string, number | string | null>,
  };
}

/** District-level (and state) results for a district, or the state with code '0000000'. */
export async function accountabilityOf(db: Executor, districtCode: string): Promise<AccountabilityResult[]> {
  const rows = await db
    .selectFrom('accountability_result')
    .selectAll()
    .where('district_code', '=', districtCode)
    .where('school_code', '=', WHOLE_DISTRICT)
    .orderBy('school_year')
    .execute();
  return rows.map(toResult);
}

/** Every school's results in one district and year. */
export async function schoolResults(db: Executor, districtCode: string, schoolYear: SchoolYear): Promise<AccountabilityResult[]> {
  const rows = await db
    .selectFrom('accountability_result')
    .selectAll()
    .where('district_code', '=', districtCode)
    .where('school_year', '=', schoolYear)
    .where('school_code', '!=', WHOLE_DISTRICT)
    .orderBy('school_name')
    .execute();
  return rows.map(toResult);
}

export async function countAccountability(db: Executor): Promise<number> {
  const r = await db.selectFrom('accountability_result').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
