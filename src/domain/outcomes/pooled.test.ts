import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { fiscalYear, schoolYear } from '../time/fiscal-year.ts';
import { groupOf, pooledMeasure, pooledSeries, ratioOf, type GroupRecord } from './pooled.ts';

const fy = fiscalYear;
// A designated in FY2013, B in FY2018; C and D never. FY2013-FY2017 lists hold A; FY2018+ A and B.
const record: GroupRecord = {
  firstDesignated: new Map([['A', fy(2013)], ['B', fy(2018)]]),
  lists: new Map([2013, 2014, 2015, 2016, 2017, 2018, 2019].map((y) => [fy(y), new Set(y >= 2018 ? ['A', 'B'] : ['A'])])),
};
const grad = pooledMeasure('graduation_4yr');
const row = (code: string, sy: string, graduates: number, cohort: number) => ({ code, schoolYear: sy, values: { graduation_4yr_graduates: graduates, graduation_4yr_cohort: cohort } });

describe('pooled series', () => {
  it('pools: the sum of graduates over the sum of cohorts, not the mean of district rates', () => {
    // A: 50 of 100; B: 9 of 10. Pooled 59/110 = 53.6%; the mean of rates would be 70%.
    const s = pooledSeries(grad, { kind: 'ever' }, record, [row('A', '2018-19', 50, 100), row('B', '2018-19', 9, 10), row('C', '2018-19', 90, 100), row('D', '2018-19', 0, 0)], fy(2019), fy(2019));
    expect(s.years).toHaveLength(1);
    const y = s.years[0]!;
    expect(y.alliance).toEqual({ numerator: 59, denominator: 110, rate: 59 / 110, districts: 2, fromPercent: 0 });
    expect(y.other).toEqual({ numerator: 90, denominator: 100, rate: 0.9, districts: 1, fromPercent: 0 });
    expect(y.gapPoints).toBeCloseTo((59 / 110 - 0.9) * 100, 10);
    // D's cohort of 0 has no rate and is not a district of the group.
    expect(s.districts.map((d) => d.code)).toEqual(['A', 'B', 'C']);
  });

  it('membership is a named choice: ever, that year\'s list, or one cohort against the never designated', () => {
    const sy = schoolYear('2015-16');
    expect(['A', 'B', 'C'].map((c) => groupOf({ kind: 'ever' }, record, c, sy))).toEqual(['alliance', 'alliance', 'other']);
    expect(['A', 'B', 'C'].map((c) => groupOf({ kind: 'that-year' }, record, c, sy))).toEqual(['alliance', 'other', 'other']);
    expect(['A', 'B', 'C'].map((c) => groupOf({ kind: 'that-year' }, record, c, schoolYear('2011-12')))).toEqual([null, null, null]);
    expect(['A', 'B', 'C'].map((c) => groupOf({ kind: 'cohort', firstFiscalYear: fy(2018) }, record, c, sy))).toEqual([null, 'alliance', 'other']);
    const s = pooledSeries(grad, { kind: 'cohort', firstFiscalYear: fy(2018) }, record, [row('A', '2015-16', 1, 2), row('B', '2015-16', 3, 4), row('C', '2015-16', 5, 6)], fy(2016), fy(2016));
    expect(s.years[0]!.alliance?.numerator).toBe(3);
    expect(s.years[0]!.other?.numerator).toBe(5);
    expect(s.membershipText).toContain('FY2018');
  });

  it('Smarter Balanced: the count where published, else scored tests × the percentage, rounded; a suppressed count is left out and counted', () => {
    const m = pooledMeasure('sbac_ela');
    expect(ratioOf(m, { sbac_ela_scored: 200, sbac_ela_level3plus_count: 81 })).toEqual({ numerator: 81, denominator: 200, fromPercent: false });
    expect(ratioOf(m, { sbac_ela_scored: 333, sbac_ela_level3plus_pct: 45.1 })).toEqual({ numerator: 150, denominator: 333, fromPercent: true });
    expect(ratioOf(m, { sbac_ela_scored: 12 })).toBe('no-numerator');
    expect(ratioOf(m, { sbac_ela_level3plus_pct: 50 })).toBeNull();
    const s = pooledSeries(m, { kind: 'ever' }, record, [
      { code: 'A', schoolYear: '2018-19', values: { sbac_ela_scored: 333, sbac_ela_level3plus_pct: 45.1 } },
      { code: 'C', schoolYear: '2018-19', values: { sbac_ela_scored: 12 } },
    ], fy(2019), fy(2021));
    expect(s.leftOut).toBe(1);
    expect(s.years.map((y) => [y.schoolYear, y.alliance?.fromPercent ?? null, y.gap !== null])).toEqual([['2018-19', 1, false], ['2019-20', null, true], ['2020-21', null, true]]);
    expect(s.years[1]!.gap).toMatch(/COVID-19/);
  });

  it('refuses an unknown measure and a period that runs backwards', () => {
    expect(() => pooledMeasure('graduation_5yr')).toThrow(/graduation_4yr, graduation_4yr_high_needs/);
    expect(() => pooledSeries(grad, { kind: 'ever' }, record, [], fy(2020), fy(2019))).toThrow(DomainError);
  });

  it('property: a group\'s pooled rate lies between its lowest and highest district rate, and the sums add up', () => {
    const district = fc.record({ code: fc.constantFrom('A', 'B', 'C', 'D', 'E'), cohort: fc.integer({ min: 1, max: 5000 }), share: fc.double({ min: 0, max: 1, noNaN: true }) });
    fc.assert(
      fc.property(fc.uniqueArray(district, { selector: (d) => d.code, minLength: 1 }), (ds) => {
        const rows = ds.map((d) => row(d.code, '2018-19', Math.round(d.cohort * d.share), d.cohort));
        const s = pooledSeries(grad, { kind: 'ever' }, record, rows, fy(2019), fy(2019));
        const y = s.years[0]!;
        for (const g of ['alliance', 'other'] as const) {
          const mine = rows.filter((r) => groupOf({ kind: 'ever' }, record, r.code, schoolYear('2018-19')) === g);
          const gy = y[g];
          if (!mine.length) {
            expect(gy).toBeNull();
            continue;
          }
          const rates = mine.map((r) => r.values.graduation_4yr_graduates / r.values.graduation_4yr_cohort);
          expect(gy!.rate!).toBeGreaterThanOrEqual(Math.min(...rates) - 1e-12);
          expect(gy!.rate!).toBeLessThanOrEqual(Math.max(...rates) + 1e-12);
          expect(gy!.denominator).toBe(mine.reduce((t, r) => t + r.values.graduation_4yr_cohort, 0));
        }
      }),
    );
  });
});
