import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fiscalYear } from '../time/fiscal-year.ts';
import { eventStudy } from './event-study.ts';
import { nearestNeighbours } from './matching.ts';
import { pooledMeasure, type GroupRecord } from './pooled.ts';

describe('matching on size and demographics', () => {
  // [enrollment, % FRPL, % EL]
  const values = new Map<string, number[]>([
    ['T1', [10_000, 70, 20]],
    ['T2', [1_000, 40, 5]],
    ['C1', [9_000, 65, 18]], // near T1
    ['C2', [11_000, 72, 21]], // near T1
    ['C3', [1_100, 42, 6]], // near T2
    ['C4', [1_000, 10, 1]],
    ['C5', [50_000, 5, 1]],
  ]);

  it('picks the nearest candidates by scaled distance, nearest first, and reports balance', () => {
    const m = nearestNeighbours(['T1', 'T2'], ['C1', 'C2', 'C3', 'C4', 'C5'], values, undefined, 2);
    expect(m.matches.get('T1')).toEqual(['C2', 'C1']);
    expect(m.matches.get('T2')?.[0]).toBe('C3');
    expect(m.unmatched).toEqual([]);
    const frpl = m.balance.find((b) => b.measure === 'pct_frpl')!;
    expect(frpl.cohort).toBe(55);
    expect(Math.abs(frpl.matched - frpl.cohort)).toBeLessThan(Math.abs(frpl.all - frpl.cohort));
  });

  it('enrollment enters as its logarithm: 1,000 is as far from 10,000 as 10,000 from 100,000', () => {
    const v = new Map<string, number[]>([['T', [10_000, 50, 5]], ['A', [1_000, 50, 5]], ['B', [100_000, 50, 5]], ['C', [20_000, 50, 5]]]);
    const m = nearestNeighbours(['T'], ['A', 'B', 'C'], v, undefined, 3);
    // C is nearest; A and B tie on log distance, and the tie goes to the lower code.
    expect(m.matches.get('T')).toEqual(['C', 'A', 'B']);
  });

  it('a cohort district without a covariate is left out and named; candidates without one are not used', () => {
    const v = new Map(values);
    v.set('T3', [Number.NaN, 50, 5]);
    v.set('C6', [10_000, Number.NaN, 20]);
    const m = nearestNeighbours(['T1', 'T3'], ['C1', 'C6'], v, undefined, 3);
    expect(m.unmatched).toEqual(['T3']);
    expect(m.matches.get('T1')).toEqual(['C1']);
    expect(m.k).toBe(1);
  });

  it('property: every match is a candidate, never more than k, and the order does not depend on the input order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 10, max: 60_000 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 60 })), { minLength: 4, maxLength: 25 }), fc.integer({ min: 1, max: 4 }), (rows, k) => {
        const v = new Map(rows.map((r, i) => [`D${String(i).padStart(2, '0')}`, r as number[]]));
        const codes = [...v.keys()];
        const cohort = codes.filter((_, i) => i % 3 === 0);
        const pool = codes.filter((_, i) => i % 3 !== 0);
        const a = nearestNeighbours(cohort, pool, v, undefined, k);
        const b = nearestNeighbours([...cohort].reverse(), [...pool].reverse(), v, undefined, k);
        expect([...b.matches]).toEqual([...a.matches]);
        for (const ms of a.matches.values()) {
          expect(ms.length).toBe(Math.min(k, pool.length));
          for (const c of ms) expect(pool).toContain(c);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('in the event study, matched districts carry the comparison: a cohort compared with its look-alikes gives their known change', () => {
    const grad = pooledMeasure('graduation_4yr');
    const record: GroupRecord = { firstDesignated: new Map([['T1', fiscalYear(2018)], ['T2', fiscalYear(2018)]]), lists: new Map() };
    const years = ['2015-16', '2016-17', '2017-18', '2018-19'];
    const row = (code: string, schoolYear: string, graduates: number) => ({ code, schoolYear, values: { graduation_4yr_graduates: graduates, graduation_4yr_cohort: 100 } });
    // The cohort rises 10 points after designation; its look-alikes (C1-C3) rise 6, the unlike ones (C4, C5) stay.
    const rows = [
      ...years.flatMap((y, i) => [row('T1', y, i < 2 ? 50 : 60), row('T2', y, i < 2 ? 50 : 60)]),
      ...years.flatMap((y, i) => ['C1', 'C2', 'C3'].map((c) => row(c, y, i < 2 ? 70 : 76))),
      ...years.flatMap((y) => ['C4', 'C5'].map((c) => row(c, y, 90))),
    ];
    const covariates = new Map([...values].filter(([c]) => c !== 'T3'));
    const matched = eventStudy(grad, fiscalYear(2018), record, rows, { replicates: 199, covariates });
    const all = eventStudy(grad, fiscalYear(2018), record, rows, { replicates: 199 });
    if (!matched.estimable || !all.estimable) throw new Error('estimable');
    expect(matched.comparison).toMatchObject({ kind: 'matched', k: 3, unmatched: 0 });
    // T1 → C2, C1, C3 (all rose 6); T2 → C3, C4 (stayed), C1: five of the six matches rose 6, so the
    // comparison rose 5 and the matched DiD is 10 − 5 = 5. All five never designated: 3 of 5 rose 6, so 10 − 3.6 = 6.4.
    expect(all.comparison.kind).toBe('all');
    expect(all.did.estimate).toBeCloseTo(10 - (3 * 6) / 5, 9);
    expect(matched.did.estimate).toBeCloseTo(5, 9);
    expect(matched.districts).toEqual({ alliance: 2, other: 4 });
  });
});
