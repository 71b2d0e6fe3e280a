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
import { compareSets, designatedNow, districtProfile, districtRows, officialBaseline, officialList, setOfOfficial, setOfRun, studentsServed, withheldByYear } from './public.service.ts';

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
    expect(p.computation!.trace.at(-1)!.rule).toBe('designation.result');
    expect(p.official).toMatchObject({ kind: 'record', designated: true, basis: 'earlier-designee' });
    expect(p.measures.enrollment!.length).toBeGreaterThan(10);
    expect(p.money.find((m) => m.fiscalYear === 2018)!.allianceCents).toBe(54_952_200);
    expect(await districtProfile(store, districtCode('9990011'), fiscalYear(2026))).toBeNull();
  });

  it('the record and a computation are kept apart: Plymouth, Griswold and Watertown are selected by PA 22-118 on 2024-25 data, and are not alliance districts', async () => {
    for (const [code, name] of [['1110011', 'Plymouth'], ['0580011', 'Griswold'], ['1530011', 'Watertown']] as const) {
      const p = (await districtProfile(store, districtCode(code), fiscalYear(2027)))!;
      expect(p.district.name).toMatch(name);
      // Officially: not designated, explained from the record.
      expect(p.alliance).toBe(false);
      expect(p.official).toMatchObject({ kind: 'record', designated: false, basis: null });
      expect(p.official.steps.map((s) => s.text).join(' ')).toMatch(/not on the record of designations[\s\S]*Officially: not an alliance district for FY2027/);
      // The computation says what it is, and that it differs.
      expect(p.computation).toMatchObject({ kind: 'computation', lawId: 'pa-22-118', dataYear: '2024-25', differsFromRecord: true, result: { designated: true, basis: 'rank' } });
      expect(p.computation!.label).toBe('If PA 22-118 were applied to 2024-25 data — a computation, not the official list of alliance districts.');
      const sentences = [...p.official.steps, ...p.computation!.trace].map((s) => s.text).join(' ');
      expect(sentences).not.toMatch(/designated an alliance district for FY20\d\d/);
      expect(sentences).not.toMatch(/Result: designated/);
    }
    // An earlier designee's status names the cycle that designated it and the rule that keeps it.
    const winchester = (await districtProfile(store, districtCode('1620011'), fiscalYear(2027)))!;
    expect(winchester.official.steps.map((s) => s.text)).toEqual([
      expect.stringMatching(/^Winchester School District was first designated an alliance district for FY2013, under PA 12-116/),
      expect.stringMatching(/PA 22-118, in force for FY2023–FY2027, keeps every district designated FY2013–FY2022/),
      'Officially: an alliance district for FY2027.',
    ]);
    expect(winchester.computation).toMatchObject({ differsFromRecord: false, result: { designated: true, basis: 'grandfathered', ineligibleReasons: ['min_enrollment'] } });
    // The floor it is below, from its own step 2 (599 < 1,000): "as an earlier designee (now below 1,000 students)".
    expect(winchester.computation!.belowFloor).toBe(1000);
    expect(winchester.computation!.result.enrollment).toBeLessThan(1000);
    const hartford = (await districtProfile(store, districtCode('0640011'), fiscalYear(2027)))!;
    expect(hartford.computation!.belowFloor).toBeNull();
  });

  it('the official lists of the three cycles come from the record: 30, 33 and 36, whatever the data', async () => {
    const counts = [];
    for (const fy of [2013, 2018, 2023, 2027]) {
      const o = (await officialList(store, fiscalYear(fy)))!;
      counts.push([fy, o.list.counts.designated, o.list.counts.designatedThisCycle, o.list.counts.earlierDesignees]);
    }
    expect(counts).toEqual([
      [2013, 30, 30, 0],
      [2018, 33, 3, 30],
      [2023, 36, 3, 33],
      [2027, 36, 3, 33],
    ]);
    expect(await officialList(store, fiscalYear(2028))).toBeNull();
    // A proposal is measured against the list of the cycle it would replace.
    expect((await officialBaseline(store, { status: 'proposed', id: 'rb-1458-2025', base: 'pa-22-118' }))!.list.cycle.versionId).toBe('pa-22-118');
    expect((await officialBaseline(store, { status: 'enacted', id: 'pa-17-2' }))!.list.counts.designated).toBe(33);
  });

  it('the computation against the official list: three enter (Griswold, Plymouth, Watertown), none leave, and the money is measured on the record', async () => {
    const run = await runDesignation(store, { law: 'pa-22-118', record: false });
    const official = (await officialList(store, fiscalYear(2023)))!;
    const c = await compareSets(store, setOfOfficial(official), setOfRun(run));
    expect(c.a).toMatchObject({ describe: { kind: 'record', first: 2023, last: 2027, law: 'PA 22-118' }, count: 36, label: 'the official list for FY2023–FY2027 (PA 22-118)' });
    expect(c.b).toMatchObject({ describe: { kind: 'computation', act: 'PA 22-118', dataYear: '2024-25' }, count: 39, label: 'PA 22-118 applied to 2024-25 data' });
    expect(c.enter.map((d) => d.name).sort()).toEqual(['Griswold School District', 'Plymouth School District', 'Watertown School District']);
    expect(c.leave).toEqual([]);
    // The official list's FY2027 withholding is the one the withholding rule gives on the record.
    const years = await withheldByYear(store);
    expect(c.fiscal!.aCents).toBe(years.find((y) => y.fiscalYear === 2027)!.allianceCents);
    expect(c.fiscal!.bCents).toBeGreaterThan(c.fiscal!.aCents);
  });

  it('the Opportunity ranking is a named reading with the count under each: 7 "among all towns", 10 among the alliance districts', async () => {
    const run = await runDesignation(store, { law: 'pa-22-118', record: false });
    const readings = Object.fromEntries(run.result.opportunityReadings.map((r) => [r.reading, r]));
    expect(readings['all-towns']).toMatchObject({ isDefault: true, chosen: true });
    expect(readings['all-towns']!.count).toBe(run.result.counts.opportunity);
    expect(readings['all-towns']!.count).toBe(7); // 3 of the ten lowest towns on 2024-25 data are not alliance districts
    expect(readings['alliance-districts']!.count).toBe(10);
    expect(readings['eligible-districts']!.count).toBeGreaterThanOrEqual(readings['all-towns']!.count);
    const alt = await runDesignation(store, { scenario: { id: 'opp', title: 'Opportunity among alliance districts', base: 'pa-22-118', options: { 'opportunity-ranking': 'alliance-districts' } }, record: false });
    expect(alt.result.counts.opportunity).toBe(10);
    expect(alt.result.opportunityReadings.find((r) => r.chosen)!.reading).toBe('alliance-districts');
  });

  it('comparing two laws names who enters and leaves and what the withheld total becomes', async () => {
    const a = await runDesignation(store, { law: 'pa-22-118', record: false });
    const b = await runDesignation(store, { law: 'rb-1458-2025', record: false });
    const c = await compareSets(store, setOfRun(a), setOfRun(b));
    expect(c.a).toMatchObject({ label: 'PA 22-118 applied to 2024-25 data', count: 39 });
    expect(c.b).toMatchObject({ label: '2025 Raised Bill 1458 applied to 2024-25 data', describe: { kind: 'computation', act: '2025 Raised Bill 1458' } });
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
  });
});
