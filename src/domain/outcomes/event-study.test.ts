import { describe, expect, it } from 'vitest';
import { fiscalYear } from '../time/fiscal-year.ts';
import { eventStudy, quantile, seededRandom } from './event-study.ts';
import { pooledMeasure, type GroupRecord } from './pooled.ts';

const grad = pooledMeasure('graduation_4yr');
// A1, A2 first designated for FY2018; B1 for FY2013 (left out of the FY2018 study); O1-O3 never.
const record: GroupRecord = { firstDesignated: new Map([['A1', fiscalYear(2018)], ['A2', fiscalYear(2018)], ['B1', fiscalYear(2013)]]), lists: new Map() };
const row = (code: string, schoolYear: string, graduates: number, cohort: number) => ({ code, schoolYear, values: { graduation_4yr_graduates: graduates, graduation_4yr_cohort: cohort } });
const YEARS = ['2015-16', '2016-17', '2017-18', '2018-19'];

describe('event study / difference in differences', () => {
  it('a known result: the cohort rises 10 points after designation while the others stay, so the DiD is +10 and the pre-trend 0, with no spread when districts are alike', () => {
    const rows = [
      ...YEARS.map((y, i) => row('A1', y, i < 2 ? 40 : 50, 100)),
      ...YEARS.map((y, i) => row('A2', y, i < 2 ? 80 : 100, 200)),
      ...YEARS.flatMap((y) => [row('O1', y, 70, 100), row('O2', y, 140, 200), row('O3', y, 35, 50)]),
      ...YEARS.map((y) => row('B1', y, 1, 100)),
    ];
    const e = eventStudy(grad, fiscalYear(2018), record, rows, { replicates: 199 });
    if (!e.estimable) throw new Error(e.reason);
    expect(e.base).toBe('2016-17');
    expect(e.districts).toEqual({ alliance: 2, other: 3 });
    expect(e.fewDistricts).toBe(true);
    expect(e.years.map((y) => [y.schoolYear, y.k, Math.round(y.estimate * 1e9) / 1e9])).toEqual([['2015-16', -2, 0], ['2016-17', -1, 0], ['2017-18', 0, 10], ['2018-19', 1, 10]]);
    expect(e.did.estimate).toBeCloseTo(10, 9);
    expect(e.did.low).toBeCloseTo(10, 9);
    expect(e.did.high).toBeCloseTo(10, 9);
    expect(e.did.years).toBe(2);
    expect(e.preTrend).toMatchObject({ years: 1 });
    expect(e.preTrend!.estimate).toBeCloseTo(0, 9);
  });

  it('districts that differ give an interval around the estimate, the same on every run with the same seed', () => {
    const rows = [
      ...YEARS.map((y, i) => row('A1', y, i < 2 ? 40 : 60, 100)),
      ...YEARS.map((y, i) => row('A2', y, i < 2 ? 80 : 84, 200)),
      ...YEARS.flatMap((y, i) => [row('O1', y, 70 + i, 100), row('O2', y, 150 - i * 2, 200), row('O3', y, 35, 50)]),
    ];
    const a = eventStudy(grad, fiscalYear(2018), record, rows, { replicates: 499, seed: 7 });
    const b = eventStudy(grad, fiscalYear(2018), record, rows, { replicates: 499, seed: 7 });
    expect(a).toEqual(b);
    if (!a.estimable) throw new Error(a.reason);
    expect(a.did.low).toBeLessThan(a.did.estimate);
    expect(a.did.high).toBeGreaterThan(a.did.estimate);
    expect(a.did.high - a.did.low).toBeGreaterThan(1);
  });

  it('says why it cannot estimate: no base year in the data, too few districts; refuses too few replicates', () => {
    const rows = YEARS.flatMap((y) => [row('A1', y, 1, 2), row('A2', y, 1, 2), row('O1', y, 1, 2), row('O2', y, 1, 2)]);
    const noBase = eventStudy(grad, fiscalYear(2013), { ...record, firstDesignated: new Map([['A1', fiscalYear(2013)], ['A2', fiscalYear(2013)]]) }, rows);
    expect(noBase).toMatchObject({ estimable: false, reason: expect.stringMatching(/no values of “Four-year graduation rate” for 2011-12, the year before/) });
    const few = eventStudy(grad, fiscalYear(2018), record, rows.filter((r) => r.code !== 'O2'));
    expect(few).toMatchObject({ estimable: false, reason: expect.stringMatching(/2 in the FY2018 cohort and 1 never designated/) });
    expect(() => eventStudy(grad, fiscalYear(2018), record, rows, { replicates: 10 })).toThrow(/at least 99/);
  });

  it('quantiles as R\'s default (type 7), and a seeded generator that is uniform', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.025)).toBeCloseTo(1.075, 12);
    expect(quantile([1, 2, 3, 4], 0.975)).toBeCloseTo(3.925, 12);
    expect(quantile([5], 0.3)).toBe(5);
    const r = seededRandom(42);
    const xs = Array.from({ length: 20_000 }, r);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(Math.abs(xs.reduce((s, x) => s + x, 0) / xs.length - 0.5)).toBeLessThan(0.01);
    expect(seededRandom(42)()).toBe(xs[0]);
  });
});
