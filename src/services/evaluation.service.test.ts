/**
 * The evaluation's pooled series on the embedded data, on every dialect: the sums reproduce the
 * source file (graduation_4yr.csv, FY2024: 35,995 graduates of 40,460 in the cohort, one district
 * with a suppressed count), the groups follow the record, and the Smarter Balanced gap years are named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../tests/support/dialects.ts';
import type { Store } from '../data/database.ts';
import { loadEmbedded } from '../data/embedded.ts';
import { DomainError, MissingDataError } from '../domain/errors.ts';
import { fiscalYear } from '../domain/time/fiscal-year.ts';
import { evaluationSeries } from './evaluation.service.ts';

describe.each(dialects)('evaluation series ($name)', (dialect) => {
  let store: Store;
  beforeAll(async () => {
    store = await dialect.open();
    await loadEmbedded(store);
  }, 120_000);
  afterAll(async () => dialect.close(store));

  it('graduation FY2012-FY2025: the two groups add up to the source file, and the alliance rate is below the others every year', async () => {
    const s = await evaluationSeries(store, { measure: 'graduation_4yr', from: fiscalYear(2012), to: fiscalYear(2025), membership: { kind: 'ever' } });
    expect(s.kind).toBe('computation');
    expect(s.years).toHaveLength(14);
    const y2024 = s.years.find((y) => y.fiscalYear === 2024)!;
    expect(y2024.alliance!.numerator + y2024.other!.numerator).toBe(35_995);
    // The suppressed district (46 in the cohort, no count) is left out of the sums, not counted as 0 graduates.
    expect(y2024.alliance!.denominator + y2024.other!.denominator).toBe(40_460 - 46);
    for (const y of s.years) {
      expect(y.alliance!.rate!).toBeLessThan(y.other!.rate!);
      expect(y.gapPoints!).toBeLessThan(0);
    }
    expect(s.version.data).not.toBe('');
    // One event study per cohort of the record; FY2013's base year is 2011-12, the first year of the data.
    // Each cohort twice: against matched districts, then against all never designated.
    expect(s.estimates.map((e) => [e.cohort, e.comparison.kind])).toEqual([[2013, 'matched'], [2013, 'all'], [2018, 'matched'], [2018, 'all'], [2023, 'matched'], [2023, 'all']]);
    const matched = s.estimates[0]!;
    if (!matched.estimable || matched.comparison.kind !== 'matched') throw new Error('the FY2013 matched study should be estimable');
    // At most 3 matches for each of the cohort's districts; the matches are closer to the cohort than all never-designated districts are.
    expect(matched.districts.other).toBeLessThanOrEqual(3 * matched.districts.alliance);
    expect(matched.districts.alliance + matched.comparison.unmatched).toBe(s.estimates[1]!.estimable ? s.estimates[1]!.districts.alliance : -1);
    for (const b of matched.comparison.balance) expect(Math.abs(b.matched - b.cohort)).toBeLessThan(Math.abs(b.all - b.cohort));
    const first = s.estimates[1]!;
    if (!first.estimable) throw new Error(first.reason);
    expect(first.base).toBe('2011-12');
    expect(first.districts.alliance).toBeGreaterThan(25);
    expect(first.did.low).toBeLessThanOrEqual(first.did.estimate);
    expect(first.did.high).toBeGreaterThanOrEqual(first.did.estimate);
    expect(first.preTrend).toBeNull();
    expect(s.estimates.slice(2).every((e) => e.estimable && e.fewDistricts)).toBe(true);
    expect(Object.keys(s.names).length).toBe(s.districts.length);
  });

  it('that year\'s list: no alliance group before FY2013; 36 districts on the FY2024 list, of which those with a high school count', async () => {
    const s = await evaluationSeries(store, { measure: 'graduation_4yr', from: fiscalYear(2012), to: fiscalYear(2024), membership: { kind: 'that-year' } });
    expect(s.years[0]!.alliance).toBeNull();
    expect(s.years[0]!.other).toBeNull();
    const y2024 = s.years.at(-1)!;
    expect(y2024.alliance!.districts).toBeGreaterThan(25);
    expect(y2024.alliance!.districts).toBeLessThanOrEqual(36);
  });

  it('Smarter Balanced ELA 2014-15 to 2024-25: counts then percentages, and the two pandemic years named', async () => {
    const s = await evaluationSeries(store, { measure: 'sbac_ela', from: fiscalYear(2015), to: fiscalYear(2025), membership: { kind: 'cohort', firstFiscalYear: fiscalYear(2013) } });
    const gaps = s.years.filter((y) => y.gap);
    expect(gaps.map((y) => y.schoolYear)).toEqual(['2019-20', '2020-21']);
    const first = s.years[0]!;
    expect(first.alliance!.fromPercent).toBe(0);
    // 2014-15 tested grade 11 too: about 7 grades over 6 outside the alliance districts, and said so.
    const ratio = first.other!.denominator / s.years[1]!.other!.denominator;
    expect(ratio).toBeGreaterThan(1.1);
    expect(ratio).toBeLessThan(1.25);
    expect(first.note).toMatch(/Grade 11/);
    expect(s.years.filter((y) => y.note)).toHaveLength(1);
    const last = s.years.at(-1)!;
    expect(last.alliance!.fromPercent).toBe(last.alliance!.districts);
    expect(last.alliance!.rate!).toBeGreaterThan(0.1);
    expect(last.alliance!.rate!).toBeLessThan(last.other!.rate!);
    // No test before 2014-15: the FY2013 cohort has no base year, and the study says so.
    expect(s.estimates[0]).toMatchObject({ cohort: 2013, estimable: false, why: 'no-base', base: '2011-12' });
  });

  it('an unknown measure or cohort is a clear error', async () => {
    await expect(evaluationSeries(store, { measure: 'nope', from: fiscalYear(2015), to: fiscalYear(2025), membership: { kind: 'ever' } })).rejects.toBeInstanceOf(DomainError);
    await expect(evaluationSeries(store, { measure: 'sbac_math', from: fiscalYear(2015), to: fiscalYear(2025), membership: { kind: 'cohort', firstFiscalYear: fiscalYear(2014) } })).rejects.toThrow(MissingDataError);
  });
});
