import { describe, expect, it } from 'vitest';
import type { FiscalYear, SchoolYear } from '../time/fiscal-year.ts';
import { periodSummaries } from './periods.ts';
import type { SeriesYear } from './pooled.ts';

const year = (sy: string, a: [number, number] | null, o: [number, number] | null): SeriesYear => ({
  schoolYear: sy as SchoolYear,
  fiscalYear: (Number(sy.slice(0, 4)) + 1) as FiscalYear,
  alliance: a ? { numerator: a[0], denominator: a[1], rate: a[0] / a[1], districts: 1, fromPercent: 0 } : null,
  other: o ? { numerator: o[0], denominator: o[1], rate: o[0] / o[1], districts: 1, fromPercent: 0 } : null,
  gapPoints: null,
  gap: null,
  note: null,
});

describe('periodSummaries', () => {
  const years = [
    year('2017-18', [60, 100], [90, 100]),
    year('2018-19', [140, 200], [170, 200]),
    year('2019-20', null, null),
    year('2020-21', [70, 100], null),
    year('2021-22', [75, 100], [85, 100]),
    year('2022-23', [80, 100], [88, 100]),
  ];
  const [before, during, after] = periodSummaries({ years });

  it('pools over the period, not the mean of yearly rates', () => {
    // (60 + 140) / (100 + 200) = 66.7%, where the mean of 60% and 70% would be 65%.
    expect(before!.years).toEqual(['2017-18', '2018-19']);
    expect(before!.alliance).toEqual({ numerator: 200, denominator: 300, rate: 200 / 300 });
    expect(before!.other!.rate).toBeCloseTo(260 / 300, 12);
    expect(before!.gapPoints).toBeCloseTo((200 / 300 - 260 / 300) * 100, 9);
  });

  it('counts only years where both groups have data', () => {
    expect(during!.years).toEqual([]);
    expect(during!.alliance).toBeNull();
    expect(during!.gapPoints).toBeNull();
  });

  it('opens the last period to the end of the series', () => {
    expect(after!.years).toEqual(['2021-22', '2022-23']);
    expect(after!.gapPoints).toBeCloseTo(-9, 9);
  });
});
