/**
 * Districts, the names they have been published under, their towns and schools.
 */
import type { DistrictCode, OrgType } from '../domain/district.ts';
import { upsertRows, type Executor } from './batch.ts';

export interface District {
  readonly code: DistrictCode;
  readonly name: string;
  readonly orgType: OrgType;
  readonly townCode: number | null;
  readonly memberTowns: readonly number[] | null;
}

export interface Town {
  readonly code: number;
  readonly name: string;
}

export interface School {
  readonly code: string;
  readonly districtCode: DistrictCode;
  readonly name: string;
  readonly orgType: string;
  readonly town: string | null;
  readonly grades: string | null;
}

/** How names are compared: case, punctuation and spacing do not matter. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9#]+/g, ' ')
    .trim();
}

const districtRow = (d: District, importId: number | null) => ({
  code: d.code,
  name: d.name,
  org_type: d.orgType,
  town_code: d.townCode,
  member_towns: d.memberTowns ? JSON.stringify(d.memberTowns) : null,
  import_id: importId,
});

const schoolRow = (s: School, importId: number | null) => ({ code: s.code, district_code: s.districtCode, name: s.name, org_type: s.orgType, town: s.town, grades: s.grades, import_id: importId });

/** Adds districts and updates known ones — all but their member towns, which only setMemberTowns sets. */
export async function upsertDistricts(db: Executor, districts: readonly District[], importId: number | null): Promise<void> {
  await upsertRows(
    db,
    'district',
    districts.map((d) => districtRow(d, importId)),
    ['code'],
    ['name', 'org_type', 'town_code', 'import_id'],
  );
}

/** Adds districts not yet known, leaving known ones (and their names) as they are. */
export async function insertMissingDistricts(db: Executor, districts: readonly District[], importId: number | null): Promise<void> {
  await upsertRows(
    db,
    'district',
    districts.map((d) => districtRow(d, importId)),
    ['code'],
    [],
  );
}

export async function setMemberTowns(db: Executor, code: DistrictCode, towns: readonly number[]): Promise<void> {
  await db.updateTable('district').set({ member_towns: JSON.stringify(towns) }).where('code', '=', code).execute();
}

export async function addDistrictNames(db: Executor, names: readonly { name: string; code: DistrictCode }[]): Promise<void> {
  const unique = new Map<string, { name_key: string; name: string; district_code: string }>();
  for (const n of names) unique.set(nameKey(n.name), { name_key: nameKey(n.name), name: n.name, district_code: n.code });
  await upsertRows(db, 'district_name', [...unique.values()], ['name_key'], ['name', 'district_code']);
}

/** Every known name → code, for matching files that name districts without codes. */
export async function districtCodesByName(db: Executor): Promise<Map<string, DistrictCode>> {
  const rows = await db.selectFrom('district_name').select(['name_key', 'district_code']).execute();
  const out = new Map<string, DistrictCode>();
  for (const r of rows) out.set(r.name_key, r.district_code as DistrictCode);
  const districts = await db.selectFrom('district').select(['name', 'code']).execute();
  for (const d of districts) if (!out.has(nameKey(d.name))) out.set(nameKey(d.name), d.code as DistrictCode);
  return out;
}

function toDistrict(r: { code: string; name: string; org_type: string; town_code: number | null; member_towns: string | null }): District {
  return {
    code: r.code as DistrictCode,
    name: r.name,
    orgType: r.org_type as OrgType,
    townCode: r.town_code,
    memberTowns: r.member_towns ? (JSON.parse(r.member_towns) as number[]) : null,
  };
}

export async function listDistricts(db: Executor): Promise<District[]> {
  const rows = await db.selectFrom('district').select(['code', 'name', 'org_type', 'town_code', 'member_towns']).orderBy('code').execute();
  return rows.map(toDistrict);
}

export async function getDistrict(db: Executor, code: DistrictCode): Promise<District | undefined> {
  const r = await db
    .selectFrom('district')
    .select(['code', 'name', 'org_type', 'town_code', 'member_towns'])
    .where('code', '=', code)
    .executeTakeFirst();
  return r ? toDistrict(r) : undefined;
}

export async function upsertTowns(db: Executor, towns: readonly Town[]): Promise<void> {
  await upsertRows(db, 'town', towns.map((t) => ({ code: t.code, name: t.name })), ['code'], ['name']);
}

export async function listTowns(db: Executor): Promise<Town[]> {
  return db.selectFrom('town').select(['code', 'name']).orderBy('code').execute();
}

export async function upsertSchools(db: Executor, schools: readonly School[], importId: number | null): Promise<void> {
  await upsertRows(
    db,
    'school',
    schools.map((s) => schoolRow(s, importId)),
    ['code'],
    ['district_code', 'name', 'org_type', 'town', 'grades', 'import_id'],
  );
}

/** Adds schools not yet known, leaving known ones as they are. */
export async function insertMissingSchools(db: Executor, schools: readonly School[], importId: number | null): Promise<void> {
  await upsertRows(
    db,
    'school',
    schools.map((s) => schoolRow(s, importId)),
    ['code'],
    [],
  );
}

/** How many schools the directory lists for each of these districts (0 for one it lists none for). */
export async function schoolCounts(db: Executor, districtCodes: readonly DistrictCode[]): Promise<Map<DistrictCode, number>> {
  const counts = new Map<DistrictCode, number>(districtCodes.map((c) => [c, 0]));
  if (!districtCodes.length) return counts;
  const rows = await db.selectFrom('school').select(['district_code']).select((eb) => eb.fn.countAll<number | string>().as('n')).where('district_code', 'in', [...districtCodes]).groupBy('district_code').execute();
  for (const r of rows) counts.set(r.district_code as DistrictCode, Number(r.n));
  return counts;
}

export async function schoolsOf(db: Executor, districtCode: DistrictCode): Promise<School[]> {
  const rows = await db.selectFrom('school').selectAll().where('district_code', '=', districtCode).orderBy('name').execute();
  return rows.map((r) => ({
    code: r.code,
    districtCode: r.district_code as DistrictCode,
    name: r.name,
    orgType: r.org_type,
    town: r.town,
    grades: r.grades,
  }));
}
