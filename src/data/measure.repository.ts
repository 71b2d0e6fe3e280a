/**
 * District-year measures in long form: (district, school year, measure) → value. Enrollment,
 * the accountability index, chronic absenteeism, graduation, assessment results, demographics.
 */
import type { DistrictCode } from '../domain/district.ts';
import type { SchoolYear } from '../domain/time/fiscal-year.ts';
import { upsertRows, type Executor } from './batch.ts';

export interface Measure {
  readonly districtCode: DistrictCode;
  readonly schoolYear: SchoolYear;
  readonly measure: string;
  readonly value: number;
}

export async function upsertMeasures(db: Executor, measures: readonly Measure[], importId: number | null): Promise<void> {
  await upsertRows(
    db,
    'district_year_measure',
    measures.map((m) => ({ district_code: m.districtCode, school_year: m.schoolYear, measure: m.measure, value: m.value, import_id: importId })),
    ['district_code', 'school_year', 'measure'],
    ['value', 'import_id'],
  );
}

/** One measure for every district in a school year. */
export async function measureForYear(db: Executor, measure: string, schoolYear: SchoolYear): Promise<Map<DistrictCode, number>> {
  const rows = await db
    .selectFrom('district_year_measure')
    .select(['district_code', 'value'])
    .where('measure', '=', measure)
    .where('school_year', '=', schoolYear)
    .execute();
  return new Map(rows.map((r) => [r.district_code as DistrictCode, r.value]));
}

/** The school years that have a measure, newest first. */
export async function yearsWithMeasure(db: Executor, measure: string): Promise<SchoolYear[]> {
  const rows = await db
    .selectFrom('district_year_measure')
    .select('school_year')
    .distinct()
    .where('measure', '=', measure)
    .orderBy('school_year', 'desc')
    .execute();
  return rows.map((r) => r.school_year as SchoolYear);
}

/** Every measure of one district, oldest year first. */
export async function measuresOfDistrict(db: Executor, code: DistrictCode): Promise<Measure[]> {
  const rows = await db
    .selectFrom('district_year_measure')
    .select(['district_code', 'school_year', 'measure', 'value'])
    .where('district_code', '=', code)
    .orderBy('school_year')
    .orderBy('measure')
    .execute();
  return rows.map((r) => ({ districtCode: r.district_code as DistrictCode, schoolYear: r.school_year as SchoolYear, measure: r.measure, value: r.value }));
}

/** Every value of the given measures, for every district and year. */
export async function measuresByName(db: Executor, measures: readonly string[]): Promise<Measure[]> {
  if (measures.length === 0) return [];
  const rows = await db
    .selectFrom('district_year_measure')
    .select(['district_code', 'school_year', 'measure', 'value'])
    .where('measure', 'in', measures)
    .orderBy('school_year')
    .orderBy('district_code')
    .execute();
  return rows.map((r) => ({ districtCode: r.district_code as DistrictCode, schoolYear: r.school_year as SchoolYear, measure: r.measure, value: r.value }));
}
