/**
 * Next Generation Accountability results as published: one row per school year, district and
 * school (school '0000000' = the district as a whole; district '0000000' = the state), with
 * every indicator kept.
 */
import type { SchoolYear } from '../domain/time/fiscal-year.ts';
import type { Selectable } from 'kysely';
import { upsertRows, type Executor } from './batch.ts';
import type { AccountabilityResultTable } from './schema.ts';

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

/**
 * Indicators are stored as a JSON array of values, in the order of a layout (the list of
 * indicator keys) stored once in `indicator_layout`: a ten-year file repeats the same 100 keys
 * 50,000 times otherwise.
 */
export interface PackedIndicators {
  readonly layoutId: number;
  /** A JSON array with one value per key of the layout. */
  readonly valuesJson: string;
}

/** A result to write: indicators as an object, or already packed (importers build the JSON). */
export type AccountabilityWrite = Omit<AccountabilityResult, 'indicators'> & {
  readonly indicators: AccountabilityResult['indicators'] | PackedIndicators;
};

/** The id of the layout with these keys, created if new. */
export async function layoutId(db: Executor, keys: readonly string[]): Promise<number> {
  const text = JSON.stringify(keys);
  const found = await db.selectFrom('indicator_layout').select('id').where('keys', '=', text).executeTakeFirst();
  if (found) return Number(found.id);
  const r = await db.insertInto('indicator_layout').values({ keys: text }).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

function isPacked(x: AccountabilityWrite['indicators']): x is PackedIndicators {
  return typeof (x as PackedIndicators).layoutId === 'number' && typeof (x as PackedIndicators).valuesJson === 'string';
}

export async function upsertAccountability(db: Executor, rows: readonly AccountabilityWrite[], importId: number | null): Promise<void> {
  const layouts = new Map<string, number>();
  const packed: PackedIndicators[] = [];
  for (const r of rows) {
    if (isPacked(r.indicators)) {
      packed.push(r.indicators);
      continue;
    }
    const keys = Object.keys(r.indicators);
    const k = keys.join('\u0000');
    let id = layouts.get(k);
    if (id === undefined) layouts.set(k, (id = await layoutId(db, keys)));
    packed.push({ layoutId: id, valuesJson: JSON.stringify(keys.map((key) => (r.indicators as Record<string, unknown>)[key])) });
  }
  await upsertRows(
    db,
    'accountability_result',
    rows.map((r, i) => ({
      school_year: r.schoolYear,
      district_code: r.districtCode,
      school_code: r.schoolCode,
      school_name: r.schoolName,
      category: r.category,
      total_points: r.totalPoints,
      total_possible_points: r.totalPossiblePoints,
      accountability_index: r.accountabilityIndex,
      layout_id: packed[i]!.layoutId,
      indicators: packed[i]!.valuesJson,
      import_id: importId,
    })),
    ['school_year', 'district_code', 'school_code'],
    ['school_name', 'category', 'total_points', 'total_possible_points', 'accountability_index', 'layout_id', 'indicators', 'import_id'],
  );
}

/** A stored result as read back (without the import it came from). */
type Row = Omit<Selectable<AccountabilityResultTable>, 'import_id'>;

async function unpack(db: Executor, rows: readonly Row[]): Promise<AccountabilityResult[]> {
  const ids = [...new Set(rows.map((r) => Number(r.layout_id)))];
  const layouts = new Map<number, string[]>();
  if (ids.length) {
    for (const l of await db.selectFrom('indicator_layout').selectAll().where('id', 'in', ids).execute()) {
      layouts.set(Number(l.id), JSON.parse(l.keys) as string[]);
    }
  }
  return rows.map((r) => {
    const keys = layouts.get(Number(r.layout_id)) ?? [];
    const values = JSON.parse(r.indicators) as (number | string | null)[];
    const indicators: Record<string, number | string | null> = {};
    keys.forEach((k, i) => (indicators[k] = values[i] ?? null));
    return {
      schoolYear: r.school_year as SchoolYear,
      districtCode: r.district_code,
      schoolCode: r.school_code,
      schoolName: r.school_name,
      category: r.category,
      totalPoints: r.total_points,
      totalPossiblePoints: r.total_possible_points,
      accountabilityIndex: r.accountability_index,
      indicators,
    };
  });
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
  return unpack(db, rows);
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
  return unpack(db, rows);
}

/** Every result, for the embedded dataset's dump. */
export async function listAccountability(db: Executor): Promise<AccountabilityResult[]> {
  const rows = await db.selectFrom('accountability_result').selectAll().orderBy('school_year').orderBy('district_code').orderBy('school_code').execute();
  return unpack(db, rows);
}

export async function countAccountability(db: Executor): Promise<number> {
  const r = await db.selectFrom('accountability_result').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Each district's whole-district accountability index in a school year (districts without one are left out). */
export async function districtIndexes(db: Executor, schoolYear: SchoolYear): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('accountability_result')
    .select(['district_code', 'accountability_index'])
    .where('school_year', '=', schoolYear)
    .where('school_code', '=', WHOLE_DISTRICT)
    .where('district_code', '!=', STATE_CODE)
    .where('accountability_index', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.district_code, Number(r.accountability_index)]));
}
