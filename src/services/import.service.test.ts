/**
 * Importers on the real files in ../shared/data (present in CI and beside a developer's checkout),
 * on SQLite and PostgreSQL: counts, spot values, re-import as a no-op, and all-or-nothing.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, SHARED_DATA } from '../../tests/support/dialects.ts';
import type { Store } from '../data/database.ts';
import { listDesignations } from '../data/designation.repository.ts';
import { getDistrict, schoolsOf } from '../data/district.repository.ts';
import { listEcsGrants } from '../data/ecs.repository.ts';
import { listImports } from '../data/import-log.repository.ts';
import { ImportFailure } from '../data/importers/index.ts';
import { accountabilityOf } from '../data/accountability.repository.ts';
import { measureForYear, measuresOfDistrict } from '../data/measure.repository.ts';
import { districtCode } from '../domain/district.ts';
import { areaScores } from '../domain/ngas.ts';
import { importFile } from './import.service.ts';
import { districtProfile } from './public.service.ts';
import { fiscalYear, schoolYear } from '../domain/time/fiscal-year.ts';

const shared = fileURLToPath(SHARED_DATA);
const haveShared = existsSync(shared);
if (!haveShared) console.warn(`The real data files are not at ${shared}: the import tests on them are skipped. Set ALLIANCE_SHARED_DATA to the data folder to run them.`);
const f = (p: string) => join(shared, p);
const tmp = mkdtempSync(join(tmpdir(), 'alliance-import-'));

async function tableCounts(store: Store): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['district', 'district_name', 'school', 'district_year_measure', 'accountability_result', 'ecs_grant', 'designation', 'town', 'import_log'] as const) {
    const r = await store.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
}

describe.skipIf(!haveShared).each(dialects)('importing the real files ($name)', (dialect) => {
  let store: Store;
  beforeAll(async () => {
    store = await dialect.open();
  });
  afterAll(async () => dialect.close(store));

  it('imports the education directory: districts and their schools', async () => {
    const r = await importFile(store, 'directory', f('directory/ct-education-directory.csv'));
    expect(r.status).toBe('imported');
    const hartford = await getDistrict(store.db, districtCode('0640011'));
    expect(hartford).toMatchObject({ name: 'Hartford School District', orgType: 'local', townCode: 64 });
    const schools = await schoolsOf(store.db, districtCode('1350011'));
    expect(schools.some((s) => s.name === 'Turn of River School' && s.grades === '6-8')).toBe(true);
  });

  it('imports EdSight enrollment exports with title lines, ="…" codes, a Total row and suppressed cells', async () => {
    const r = await importFile(store, 'edsight', f('enrollment/enrollment-all-students-2024-25.csv'));
    expect(r.rows).toBeGreaterThan(190);
    expect(r.notes.join(' ')).toMatch(/Department of Mental Health/);
    const enrollment = await measureForYear(store.db, 'enrollment', schoolYear('2024-25'));
    expect(enrollment.get(districtCode('2850013'))).toBe(1090);
    expect(enrollment.get(districtCode('1690011'))).toBe(756);
  });

  it('detects the kind of an EdSight export by itself (auto)', async () => {
    const r = await importFile(store, 'auto', f('edsight-2017/smarter-balanced__2015-16_ela-and-math_all-students_all-grades-combined.csv'));
    expect(r.kind).toBe('smarter-balanced');
    const amistad = await measuresOfDistrict(store.db, districtCode('2790013'));
    expect(amistad.find((m) => m.measure === 'sbac_math_level3plus_pct' && m.schoolYear === '2015-16')?.value).toBe(47.5);
    expect(amistad.find((m) => m.measure === 'sbac_ela_participation_pct')?.value).toBe(99.3);
  });

  it('imports both NGAS layouts: data.ct.gov h28j-iix5 (113 columns) and the EdSight export (120)', async () => {
    const a = await importFile(store, 'ngas', f('formats/ngas_datactgov_h28j-iix5_export_SAMPLE.csv'));
    const b = await importFile(store, 'ngas', f('formats/ngas_edsight_export_2024-25_SAMPLE.csv'));
    expect(a.rows + b.rows).toBe(5);
    const state = await accountabilityOf(store.db, '0000000');
    expect(state[0]).toMatchObject({ schoolYear: '2014-15', totalPoints: 951.4, totalPossiblePoints: 1250, accountabilityIndex: 76.1 });
    const ansonia = (await accountabilityOf(store.db, '0020011'))[0]!;
    expect(ansonia.accountabilityIndex).toBeCloseTo(68.9903831, 6);
    expect(ansonia.indicators.ind1ela_all_rate).toBeCloseTo(60.69993639, 6);
    expect(ansonia.indicators.ind7possiblepoints).toBe(50);
    // The areas add up to the published totals: every point is in one area.
    const areas = areaScores(ansonia.indicators);
    expect(areas.reduce((a, x) => a + x.points, 0)).toBeCloseTo(862.3797887, 4);
    expect(areas.reduce((a, x) => a + x.possible, 0)).toBe(1250);
    const branford = (await accountabilityOf(store.db, '0140011'))[0]!;
    const branfordAreas = areaScores(branford.indicators);
    expect(branfordAreas.reduce((a, x) => a + x.points, 0)).toBeCloseTo(1095.135326, 4);
    expect(branfordAreas.reduce((a, x) => a + x.possible, 0)).toBe(1450);
    // The district page shows them beside the state's for the same year.
    const profile = (await districtProfile(store, districtCode('0020011'), fiscalYear(2026)))!;
    expect(profile.areas!.schoolYear).toBe('2014-15');
    expect(profile.areas!.district.find((a) => a.id === 'achievement')!.percent).toBeCloseTo(((80.93324852 + 76.19178524 + 68.95862969 + 64.71379838 + 62.44665483 + 58.08288288) / 600) * 100, 6);
    expect(profile.areas!.state!.find((a) => a.id === 'graduation-4')!.percent).toBeCloseTo(92.6, 6);
    expect(branford).toMatchObject({ schoolYear: '2024-25', totalPossiblePoints: 1450 });
    expect(branford.accountabilityIndex).toBeCloseTo(75.526574, 6);
    expect((await measureForYear(store.db, 'accountability_index', schoolYear('2024-25'))).get(districtCode('0690011'))).toBeCloseTo(70.142201, 6);
  });

  it('imports CSDE\'s ECS file in cents, with the split, and re-importing it changes nothing', async () => {
    const file = f('ecs/town_year_ecs_entitlement_FY2012-FY2027.csv');
    const r = await importFile(store, 'ecs', file);
    expect(r.rows).toBe(2704);
    expect(r.notes.join(' ')).toMatch(/Washington FY2016/);
    const grants = await listEcsGrants(store.db);
    const ansonia2013 = grants.find((g) => g.townCode === 2 && g.fiscalYear === 2013)!;
    expect(ansonia2013.entitlementCents).toBe(1_557_138_300);
    expect(ansonia2013.published).toEqual({ allianceCents: 53_971_500, educationDiversityCents: null, nonAllianceCents: 1_503_166_800 });
    expect(grants.find((g) => g.townCode === 2 && g.fiscalYear === 2026)!.published).toBeNull();
    const before = await tableCounts(store);
    const again = await importFile(store, 'ecs', file);
    expect(again.status).toBe('unchanged');
    expect(await tableCounts(store)).toEqual(before);
  });

  it('imports the designation record and the named graduation file (skipping its page-text rows)', async () => {
    await importFile(store, 'enrollment-demographics', f('enrollment/district_year_enrollment.csv'));
    const d = await importFile(store, 'designations', f('designations/alliance_designations.csv'));
    expect(d.rows).toBe(36);
    const record = await listDesignations(store.db);
    expect(record.filter((x) => x.firstFiscalYear === 2013)).toHaveLength(30);
    const g = await importFile(store, 'graduation', f('outcomes/graduation_4yr.csv'));
    expect(g.skipped).toBe(14);
    const hartford = await measuresOfDistrict(store.db, districtCode('0640011'));
    expect(hartford.find((m) => m.measure === 'graduation_4yr_rate' && m.schoolYear === '2024-25')?.value).toBe(85.3);
    expect(hartford.find((m) => m.measure === 'graduation_4yr_rate_high_needs')).toBeDefined();
  });

  it('imports the three Smarter Balanced layouts: one year, by high needs (Y/N, carried-down cells), and the trend with a pair of columns per year', async () => {
    const year = await importFile(store, 'edsight', f('outcomes/sbac-all-students-2017-18.csv'));
    expect(year.notes[0]).toBe('Smarter Balanced, 2017-18, all students.');
    const needs = await importFile(store, 'auto', f('outcomes/sbac-high-needs-2024-25.csv'));
    const trend = await importFile(store, 'smarter-balanced', f('outcomes/sbac_trend_all-students_2018-19_2024-25.csv'));
    expect(trend.notes.join(' ')).toMatch(/No test in 2019-20 and 2020-21/);
    const value = async (code: string, measure: string, y: string) => (await measureForYear(store.db, measure, schoolYear(y))).get(districtCode(code));
    // Woodstock, 2017-18 and 2024-25 (the files' last rows); Achievement First Bridgeport's Math
    // rows carry the district and subject down from the ELA row above.
    expect(await value('1690011', 'sbac_math_level3plus_count', '2017-18')).toBe(278);
    expect(await value('1690011', 'sbac_math_scored', '2017-18')).toBe(570);
    expect(await value('1690011', 'sbac_math_level1_pct', '2017-18')).toBe(19.5);
    expect(await value('1690011', 'sbac_math_level3plus_count_high_needs', '2024-25')).toBe(41);
    expect(await value('1690011', 'sbac_ela_scored_non_high_needs', '2024-25')).toBe(326);
    expect(await value('2850013', 'sbac_math_level3plus_pct_high_needs', '2024-25')).toBe(20.3);
    expect(await value('2850013', 'sbac_math_level3plus_pct', '2021-22')).toBe(26.4);
    expect(await value('2850013', 'sbac_ela_scored', '2024-25')).toBe(527);
    expect(await value('2850013', 'sbac_ela_scored', '2020-21')).toBeUndefined();
    // Level percentages by group are not stored for the needs groups: only the rate and counts.
    expect(await value('1690011', 'sbac_math_level1_pct_high_needs', '2024-25')).toBeUndefined();
    expect(year.rows + needs.rows + trend.rows).toBeGreaterThan(10_000);
  });

  it('refuses a Smarter Balanced file whose needs cell is not Y or N, or whose first row carries on from nothing, and keeps nothing of it', async () => {
    const lines = readFileSync(f('outcomes/sbac-high-needs-2023-24.csv'), 'utf8').split('\n');
    const header = lines.findIndex((l) => l.startsWith('"District","District Code"'));
    const first = header + 1;
    lines[first + 1] = lines[first + 1]!.replace(',"Y",', ',"maybe",');
    const bad = join(tmp, 'sbac-bad.csv');
    writeFileSync(bad, lines.join('\n'));
    const before = await tableCounts(store);
    const err = await importFile(store, 'smarter-balanced', bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFailure);
    expect((err as ImportFailure).issues[0]).toMatchObject({ file: 'sbac-bad.csv', line: first + 2, column: 'High Needs (F/R, EL or SWD)' });
    expect((err as ImportFailure).issues[0]!.reason).toMatch(/neither Y nor N/);
    const orphan = [...lines.slice(0, first), lines[first + 1]!.replace('"maybe"', '"Y"'), ...lines.slice(first + 2)];
    writeFileSync(bad, orphan.join('\n'));
    const err2 = await importFile(store, 'smarter-balanced', bad).catch((e: unknown) => e);
    expect((err2 as ImportFailure).issues[0]!.reason).toMatch(/no district comes before it/);
    expect(await tableCounts(store)).toEqual(before);
  });

  it('refuses a file with one bad row, names file, line and column, and changes nothing', async () => {
    const lines = readFileSync(f('ecs/town_year_ecs_entitlement_FY2012-FY2027.csv'), 'utf8').split('\n');
    lines[500] = lines[500]!.replace(/,(\d+),/, ',12x45,');
    lines.push('999,999,NOWHERE,2020,1,,,');
    const bad = join(tmp, 'ecs-bad.csv');
    writeFileSync(bad, lines.join('\n'));
    const before = await tableCounts(store);
    const err = await importFile(store, 'ecs', bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFailure);
    const issues = (err as ImportFailure).issues;
    expect(issues.length).toBe(2);
    expect(issues[0]).toMatchObject({ file: 'ecs-bad.csv', line: 501, column: 'district_code' });
    expect(issues[1]).toMatchObject({ file: 'ecs-bad.csv', column: 'town_code' });
    expect(issues[1]!.reason).toMatch(/not a Connecticut town number/);
    expect(await tableCounts(store)).toEqual(before);
    expect((await listImports(store.db)).some((i) => i.fileName === 'ecs-bad.csv')).toBe(false);
  });
});
