/**
 * The evaluation report on the embedded data, on every dialect: every measure's section, the
 * pandemic periods pooled from the yearly sums, ECS withheld per student against the policy
 * brief (227,273 students in FY2024's alliance districts; about $453M withheld in FY2025), and
 * the rank-cutoff statement naming why it cannot be estimated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../tests/support/dialects.ts';
import type { Store } from '../data/database.ts';
import { loadEmbedded } from '../data/embedded.ts';
import { measureForYear } from '../data/measure.repository.ts';
import { DomainError } from '../domain/errors.ts';
import { POOLED_MEASURES } from '../domain/outcomes/pooled.ts';
import { fiscalYear, fiscalYearToSchoolYear, schoolYear } from '../domain/time/fiscal-year.ts';
import { evaluationReport, rdCycles } from './evaluation-report.service.ts';
import { upsertAccountability } from '../data/accountability.repository.ts';
import { officialList } from './public.service.ts';
import { renderEvaluationHtml } from '../report/evaluation-html.ts';

describe.each(dialects)('evaluation report ($name)', (dialect) => {
  let store: Store;
  beforeAll(async () => {
    store = await dialect.open();
    await loadEmbedded(store);
  }, 120_000);
  afterAll(async () => dialect.close(store));

  it('all measures FY2012-FY2025, with periods, withheld per student and the cutoff statement', async () => {
    const r = await evaluationReport(store, { from: fiscalYear(2012), to: fiscalYear(2025), membership: { kind: 'ever' } });
    expect(r.kind).toBe('computation');
    expect(r.sections.map((s) => s.series.measure.id)).toEqual(POOLED_MEASURES.map((m) => m.id));
    // Periods pool the yearly sums: before the pandemic, graduation's alliance numerator is the sum of 2011-12 .. 2018-19.
    const grad = r.sections[0]!;
    const before = grad.periods.find((p) => p.period.id === 'before')!;
    const yearly = grad.series.years.filter((y) => y.schoolYear <= '2018-19');
    expect(before.years).toHaveLength(8);
    expect(before.alliance!.numerator).toBe(yearly.reduce((n, y) => n + y.alliance!.numerator, 0));
    // Smarter Balanced has no test in the pandemic years, so that period is empty rather than zero.
    const ela = r.sections.find((s) => s.series.measure.id === 'sbac_ela')!;
    expect(ela.periods.find((p) => p.period.id === 'during')!.alliance).toBeNull();
    // Each district's first and last year, named.
    expect(grad.series.districts.find((d) => d.code === '0640011')?.name).toMatch(/Hartford/);

    const fy2024 = r.withheld.years.find((y) => y.fiscalYear === 2024)!;
    expect(fy2024.designatedTowns).toBe(36);
    // The brief's figure: 227,273 students in the alliance districts in 2023-24.
    expect(fy2024.students).toBe(227_273);
    // The same students, counted from the official list rather than the withholding run.
    const official = (await officialList(store, fiscalYear(2024)))!;
    const enrollment = await measureForYear(store.db, 'enrollment', fiscalYearToSchoolYear(fiscalYear(2024)));
    expect(official.list.entries.reduce((n, e) => n + (enrollment.get(e.code) ?? 0), 0)).toBe(fy2024.students);
    expect(fy2024.perStudentCents).toBe(Math.round(fy2024.withheldCents / fy2024.students!));
    // About $453M withheld in FY2025 (DOMAIN.md § 3).
    const fy2025 = r.withheld.years.find((y) => y.fiscalYear === 2025)!;
    expect(fy2025.withheldCents / 100).toBeGreaterThan(452_000_000);
    expect(fy2025.withheldCents / 100).toBeLessThan(454_000_000);
    expect(r.withheld.years[0]!.fiscalYear).toBe(2013);

    expect(r.rd.cycles.map((c) => [c.cohort, c.why])).toEqual([
      [2013, 'data-year-unknown'],
      [2018, 'index-not-imported'],
      [2023, 'data-year-unknown'],
    ]);
    expect(r.rd.cycles[1]!.reason).toMatch(/2015-16.*h28j-iix5/);

    // The midpoint review of the FY2023-FY2027 cycle, without tiers (not published).
    if (r.midpoint.review === null) throw new Error(`the midpoint review should be made: ${r.midpoint.reason}`);
    expect(r.midpoint.review.fiscalYear).toBe(2026);
    expect(r.midpoint.review.rows).toHaveLength(36);
    expect(r.midpoint.review.rows.some((x) => 'tier' in x)).toBe(false);

    const html = renderEvaluationHtml(r);
    expect(html).toContain('Midpoint review</h2>');
    expect(html).toContain('<nav aria-labelledby="toc">');
    for (const s of r.sections) expect(html).toContain(`>${s.series.measure.label.en}</h2>`);
    expect(html).toContain('It cannot be estimated on this data.');
    expect(html).toContain(r.version.data);
    // One chart per measure; Smarter Balanced's lines break at the two untested years (a second "M" in each path).
    expect(html.match(/<svg /g)).toHaveLength(r.sections.length);
    const elaHtml = html.slice(html.indexOf('id="m-sbac-ela"'));
    expect(/<path d="(M[^"]*)" fill="none"/.exec(elaHtml)![1]!.match(/M/g)).toHaveLength(2);
  }, 240_000);

  it('the cutoff statement follows the data: an index imported for the FY2018 ranking year is counted, and no figure is made up', async () => {
    const before = (await rdCycles(store)).find((c) => c.cohort === 2018)!;
    expect(before.why).toBe('index-not-imported');
    const rows = (n: number, from: number) =>
      Array.from({ length: n }, (_, i) => ({ schoolYear: schoolYear('2015-16'), districtCode: String(from + i).padStart(5, '0') + '11', schoolCode: '0000000', schoolName: 'District', category: 'DistrictTot', totalPoints: null, totalPossiblePoints: null, accountabilityIndex: 50 + (i % 40), indicators: {} }));
    await upsertAccountability(store.db, rows(40, 100), null);
    expect((await rdCycles(store)).find((c) => c.cohort === 2018)).toMatchObject({ why: 'too-few', indexDistricts: 40 });
    await upsertAccountability(store.db, rows(80, 200), null);
    const now = (await rdCycles(store)).find((c) => c.cohort === 2018)!;
    expect(now).toMatchObject({ why: 'not-estimated', indexDistricts: 120, estimable: false });
    expect(now.reason).toMatch(/no figure is given/);
    await store.db.deleteFrom('accountability_result').where('school_year', '=', '2015-16').execute();
  }, 60_000);

  it('a chosen set of measures; an unknown measure is refused by name', async () => {
    const r = await evaluationReport(store, { measures: ['sbac_math', 'graduation_4yr'], membership: { kind: 'that-year' } });
    expect(r.sections.map((s) => s.series.measure.id)).toEqual(['sbac_math', 'graduation_4yr']);
    expect(r.membershipText).toMatch(/official list/);
    await expect(evaluationReport(store, { measures: ['graduation_4yr', 'attendance'], membership: { kind: 'ever' } })).rejects.toThrow(DomainError);
    await expect(evaluationReport(store, { measures: ['attendance'], membership: { kind: 'ever' } })).rejects.toThrow(/"attendance"/);
  }, 240_000);
});
