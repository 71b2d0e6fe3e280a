/**
 * Repositories round-trip on every dialect: what goes in comes out the same, upserts replace,
 * money stays exact integers (PostgreSQL bigint included), and the import log refuses a duplicate.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from '../../tests/support/dialects.ts';
import { districtCode } from '../domain/district.ts';
import { cents } from '../domain/money/cents.ts';
import { fiscalYear, schoolYear } from '../domain/time/fiscal-year.ts';
import { accountabilityOf, schoolResults, upsertAccountability } from './accountability.repository.ts';
import type { Store } from './database.ts';
import { listDesignations, upsertDesignations } from './designation.repository.ts';
import {
  addDistrictNames,
  districtCodesByName,
  getDistrict,
  insertMissingDistricts,
  listDistricts,
  listTowns,
  nameKey,
  schoolsOf,
  upsertDistricts,
  upsertSchools,
  upsertTowns,
} from './district.repository.ts';
import { listEcsGrants, upsertEcsGrants } from './ecs.repository.ts';
import { findImport, insertImport, listImports } from './import-log.repository.ts';
import { measureForYear, measuresOfDistrict, upsertMeasures, yearsWithMeasure } from './measure.repository.ts';
import { countRuleRuns, findRuleRun, insertRuleRun } from './rule-run.repository.ts';

const HARTFORD = districtCode('0640011');
const REGION_1 = districtCode('2010012');

describe.each(dialects)('repositories ($name)', (dialect) => {
  let store: Store;
  beforeEach(async () => {
    store = await dialect.open();
  });
  afterEach(async () => dialect.close(store));

  it('districts: upsert replaces, insert-missing keeps, names match whatever their case and punctuation', async () => {
    await upsertDistricts(store.db, [{ code: HARTFORD, name: 'Hartford SD', orgType: 'local', townCode: 64, memberTowns: null }], null);
    await upsertDistricts(store.db, [{ code: HARTFORD, name: 'Hartford School District', orgType: 'local', townCode: 64, memberTowns: null }], null);
    await insertMissingDistricts(
      store.db,
      [
        { code: HARTFORD, name: 'Should not replace', orgType: 'local', townCode: 64, memberTowns: null },
        { code: REGION_1, name: 'Regional School District 01', orgType: 'regional', townCode: null, memberTowns: [25, 30] },
      ],
      null,
    );
    expect(await getDistrict(store.db, HARTFORD)).toEqual({ code: HARTFORD, name: 'Hartford School District', orgType: 'local', townCode: 64, memberTowns: null });
    expect((await listDistricts(store.db)).map((d) => d.code)).toEqual([HARTFORD, REGION_1]);
    expect((await getDistrict(store.db, REGION_1))?.memberTowns).toEqual([25, 30]);
    await addDistrictNames(store.db, [{ name: 'Hartford Public Schools', code: HARTFORD }]);
    const byName = await districtCodesByName(store.db);
    expect(byName.get(nameKey('HARTFORD public-schools'))).toBe(HARTFORD);
    expect(byName.get(nameKey('hartford school district'))).toBe(HARTFORD);
  });

  it('towns and schools', async () => {
    await upsertTowns(store.db, [{ code: 64, name: 'Hartford' }, { code: 2, name: 'Ansonia' }]);
    expect(await listTowns(store.db)).toEqual([{ code: 2, name: 'Ansonia' }, { code: 64, name: 'Hartford' }]);
    await upsertSchools(store.db, [{ code: '0646111', districtCode: HARTFORD, name: 'Bulkeley High School', orgType: 'Public Schools', town: 'Hartford', grades: '9-12' }], null);
    expect(await schoolsOf(store.db, HARTFORD)).toEqual([{ code: '0646111', districtCode: HARTFORD, name: 'Bulkeley High School', orgType: 'Public Schools', town: 'Hartford', grades: '9-12' }]);
  });

  it('measures: exact floats back, newest year first, upsert replaces', async () => {
    const sy = schoolYear('2024-25');
    await upsertMeasures(store.db, [
      { districtCode: HARTFORD, schoolYear: sy, measure: 'accountability_index', value: 58.98798702 },
      { districtCode: HARTFORD, schoolYear: schoolYear('2023-24'), measure: 'accountability_index', value: 57.1 },
    ], null);
    await upsertMeasures(store.db, [{ districtCode: HARTFORD, schoolYear: sy, measure: 'accountability_index', value: 58.98798702123456 }], null);
    expect((await measureForYear(store.db, 'accountability_index', sy)).get(HARTFORD)).toBe(58.98798702123456);
    expect(await yearsWithMeasure(store.db, 'accountability_index')).toEqual(['2024-25', '2023-24']);
    expect((await measuresOfDistrict(store.db, HARTFORD)).map((m) => m.schoolYear)).toEqual(['2023-24', '2024-25']);
  });

  it('ECS grants keep integer cents exactly, beyond 32 bits, and a missing split stays null', async () => {
    const big = cents(2 ** 40 + 7);
    await upsertEcsGrants(store.db, [
      { townCode: 64, fiscalYear: fiscalYear(2013), entitlementCents: big, published: { allianceCents: cents(480_811_100), educationDiversityCents: null, nonAllianceCents: cents(big - 480_811_100) } },
      { townCode: 64, fiscalYear: fiscalYear(2026), entitlementCents: cents(22_667_424_500), published: null },
    ], null);
    const grants = await listEcsGrants(store.db);
    expect(grants[0]).toEqual({ townCode: 64, fiscalYear: 2013, entitlementCents: big, published: { allianceCents: 480_811_100, educationDiversityCents: null, nonAllianceCents: big - 480_811_100 } });
    expect(typeof grants[0]!.entitlementCents).toBe('number');
    expect(grants[1]!.published).toBeNull();
  });

  it('accountability results keep every indicator', async () => {
    const sy = schoolYear('2014-15');
    await upsertAccountability(store.db, [
      { schoolYear: sy, districtCode: '0020011', schoolCode: '0000000', schoolName: 'District', category: 'DistrictTot', totalPoints: 862.38, totalPossiblePoints: 1250, accountabilityIndex: 68.99, indicators: { ind1ela_all_rate: 60.7, supporttype: null, flag: 'Y' } },
      { schoolYear: sy, districtCode: '0020011', schoolCode: '0021111', schoolName: 'Ansonia High School', category: 'SchoolTot', totalPoints: null, totalPossiblePoints: null, accountabilityIndex: null, indicators: {} },
    ], null);
    const [district] = await accountabilityOf(store.db, '0020011');
    expect(district).toMatchObject({ accountabilityIndex: 68.99, indicators: { ind1ela_all_rate: 60.7, supporttype: null, flag: 'Y' } });
    expect((await schoolResults(store.db, '0020011', sy)).map((s) => s.schoolName)).toEqual(['Ansonia High School']);
  });

  it('designations and rule runs', async () => {
    await upsertDesignations(store.db, [{ districtCode: HARTFORD, firstFiscalYear: fiscalYear(2013), act: 'PA 12-116', basis: 'rank', evidence: 'CSDE 2012' }], null);
    expect(await listDesignations(store.db)).toEqual([{ districtCode: HARTFORD, firstFiscalYear: 2013, act: 'PA 12-116', basis: 'rank', evidence: 'CSDE 2012' }]);
    const run = {
      kind: 'designation' as const,
      lawId: 'pa-22-118',
      versionId: 'pa-22-118',
      lawDate: '2022-07-01',
      fiscalYear: 2023,
      dataYear: '2024-25',
      codeVersion: 'test@1',
      inputsSha256: 'abc',
      parameters: { options: { ties: 'include-all' } },
      result: { counts: { designated: 39 } },
      createdAt: '2026-11-29T00:00:00.000Z',
    };
    const id = await insertRuleRun(store.db, run);
    expect(await findRuleRun(store.db, 'designation', 'pa-22-118', 'abc', 'test@1')).toEqual({ ...run, id });
    expect(await findRuleRun(store.db, 'designation', 'pa-22-118', 'abc', 'test@2')).toBeUndefined();
    expect(await countRuleRuns(store.db)).toBe(1);
  });

  it('the import log finds a file by kind and hash, and refuses the same file twice', async () => {
    const entry = { kind: 'ecs', fileName: 'ecs.csv', fileSha256: 'f00', rows: 10, skipped: 0, importedAt: '2026-11-29T00:00:00.000Z', note: null };
    const id = await insertImport(store.db, entry);
    expect(await findImport(store.db, 'ecs', 'f00')).toEqual({ ...entry, id });
    expect(await findImport(store.db, 'ngas', 'f00')).toBeUndefined();
    await expect(insertImport(store.db, entry)).rejects.toThrow();
    expect(await listImports(store.db)).toHaveLength(1);
  });
});
