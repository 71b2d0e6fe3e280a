/**
 * What the public site shows, computed on both dialects from the embedded dataset: the official
 * status now, students served, money withheld by year, the districts table, a district's
 * profile, and comparisons with their fiscal effect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../tests/support/dialects.ts';
import type { Store } from '../data/database.ts';
import { loadEmbedded } from '../data/embedded.ts';
import { districtCode } from '../domain/district.ts';
import { fiscalYear } from '../domain/time/fiscal-year.ts';
import { runDesignation } from './designation.service.ts';
import { compareDesignations, designatedNow, districtProfile, districtRows, fiscalEffect, studentsServed, withheldByYear } from './public.service.ts';

describe.each(dialects)('public figures ($name)', (dialect) => {
  let store: Store;
  beforeAll(async () => {
    store = await dialect.open();
    await loadEmbedded(store);
  }, 120_000);
  afterAll(async () => dialect.close(store));

  it('the official status for FY2026: 36 districts in three cohorts, under PA 22-118', async () => {
    const now = await designatedNow(store, fiscalYear(2026));
    expect(now.law?.id).toBe('pa-22-118');
    expect(now.districts).toHaveLength(36);
    expect(now.cohorts.map((c) => [c.firstFiscalYear, c.count])).toEqual([
      [2013, 30],
      [2018, 3],
      [2023, 3],
    ]);
    const fy2016 = await designatedNow(store, fiscalYear(2016));
    expect(fy2016.districts).toHaveLength(30);
    const fy2028 = await designatedNow(store, fiscalYear(2028));
    expect(fy2028.law).toBeNull();
    expect(fy2028.districts).toHaveLength(0);
  });

  it('students served: the 36 districts\' share of all public school districts', async () => {
    const now = await designatedNow(store, fiscalYear(2026));
    const s = (await studentsServed(store, now.districts.map((d) => d.code)))!;
    expect(s.schoolYear).toBe('2025-26');
    // Recomputed from the enrollment file: the sum over the 36 codes and over all districts.
    expect(s.students).toBeGreaterThan(200_000);
    expect(s.share).toBeGreaterThan(0.4);
    expect(s.share).toBeLessThan(0.48);
    expect(s.students / s.total).toBeCloseTo(s.share, 10);
  });

  it('money withheld by fiscal year, FY2013-FY2027, the published years marked', async () => {
    const years = await withheldByYear(store);
    expect(years.map((y) => y.fiscalYear)).toEqual(Array.from({ length: 15 }, (_, i) => 2013 + i));
    expect(years[0]).toMatchObject({ allianceCents: 3_949_999_800, designatedTowns: 30, published: true });
    expect(years.find((y) => y.fiscalYear === 2026)!.published).toBe(false);
  });

  it('the districts table: index, rank, enrollment, status and the amount withheld', async () => {
    const rows = await districtRows(store, fiscalYear(2026));
    const hartford = rows.find((r) => r.code === '0640011')!;
    expect(hartford).toMatchObject({ alliance: true, firstFiscalYear: 2013, rank: 4, indexYear: '2024-25' });
    expect(hartford.withheldCents).toBe((226_674_245 - 187_974_890) * 100);
    const avon = rows.find((r) => r.name === 'Avon School District')!;
    expect(avon).toMatchObject({ alliance: false, firstFiscalYear: null, withheldCents: 0 });
    expect(rows.filter((r) => r.alliance)).toHaveLength(36);
  });

  it('a district profile: history by cycle, the reasons, measures and money; null for no such district', async () => {
    const p = (await districtProfile(store, districtCode('1430011'), fiscalYear(2026)))!;
    expect(p.district.name).toBe('Torrington School District');
    expect(p.cycles.map((c) => [c.versionId, c.designated, c.how])).toEqual([
      ['pa-12-116', false, 'no'],
      ['pa-17-2', true, 'first'],
      ['pa-22-118', true, 'kept'],
    ]);
    expect(p.rerun!.trace.at(-1)!.rule).toBe('designation.result');
    expect(p.measures.enrollment!.length).toBeGreaterThan(10);
    expect(p.money.find((m) => m.fiscalYear === 2018)!.allianceCents).toBe(54_952_200);
    expect(await districtProfile(store, districtCode('9990011'), fiscalYear(2026))).toBeNull();
  });

  it('comparing two laws names who enters and leaves and what the withheld total becomes', async () => {
    const a = await runDesignation(store, { law: 'pa-22-118', record: false });
    const b = await runDesignation(store, { law: 'rb-1458-2025', record: false });
    const c = await compareDesignations(store, a.result, b.result, a.law, b.law);
    // RB 1458, applied to the same cycle, keeps designees from before FY2023 (as legacy districts)
    // and ranks 15. Leaving: the three new by rank under PA 22-118 on 2024-25 data (Griswold,
    // Plymouth, Watertown) and the two FY2023 designees ranked below 15th (Enfield 27th,
    // Stratford 28th), who are not earlier designees of their own cycle. Plainfield (14th) stays.
    expect(c.leave.map((d) => d.name).sort()).toEqual([
      'Enfield School District',
      'Griswold School District',
      'Plymouth School District',
      'Stratford School District',
      'Watertown School District',
    ]);
    expect(c.enter).toEqual([]);
    expect(c.fiscal!.fiscalYear).toBe(2027);
    expect(c.fiscal!.bCents).toBeLessThan(c.fiscal!.aCents);
    // The same rule on its own designation gives the official FY2027 total.
    const official = await fiscalEffect(store, a.result, fiscalYear(2027), a.law);
    expect(official.allianceCents).toBe(c.fiscal!.aCents);
  });
});
