/**
 * Properties of the designation rule over random districts (fast-check):
 * - without a tie at the cutoff, the count designated = min(N, eligible) + grandfathered;
 * - an ineligible district is never ranked and never designated by rank;
 * - lowering a designated district's index never removes it;
 * - raising a district's index never adds it by rank.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { districtCode } from '../../district.ts';
import { evaluate } from '../../rules/law.ts';
import { fiscalYear, schoolYear } from '../../time/fiscal-year.ts';
import { connecticut, DESIGNATION, type DesignationInput, type DesignationResult, type DistrictFacts, type PriorDesignation } from './index.ts';
import { CYCLE_FY2023 } from './parameters.ts';

// Mostly local districts (suffix 11), so that large fields have more than 33 eligible.
const SUFFIXES = ['11', '11', '11', '11', '11', '11', '12', '13', '14', '16', '22'];

const districtArb = (i: number) =>
  fc.record({
    suffix: fc.constantFrom(...SUFFIXES),
    enrollment: fc.oneof({ arbitrary: fc.integer({ min: 200, max: 30000 }), weight: 6 }, { arbitrary: fc.constantFrom(999, 1000, 1001), weight: 2 }, { arbitrary: fc.constant(null), weight: 1 }),
    // Indices on a coarse grid so ties happen often.
    index: fc.oneof({ arbitrary: fc.integer({ min: 300, max: 700 }).map((n) => n / 10), weight: 6 }, { arbitrary: fc.integer({ min: 30, max: 70 }), weight: 3 }, { arbitrary: fc.constant(null), weight: 1 }),
    prior: fc.constantFrom<(number | null)[]>(null, null, null, 2013, 2018),
  }).map((r): { facts: DistrictFacts; prior: PriorDesignation | null } => {
    const code = districtCode(`${String(i + 1).padStart(3, '0')}00${r.suffix}`);
    return {
      facts: { code, name: `D${i}`, enrollment: r.enrollment, indices: { accountability_index: r.index } },
      prior: r.prior === null ? null : { code, firstFiscalYear: fiscalYear(r.prior), act: 'earlier' },
    };
  });

// Small fields, and fields larger than the 33 designated so the cutoff (and ties at it) is reached.
const inputArb = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 70, max: 140 })).chain((n) =>
  fc.tuple(...Array.from({ length: n }, (_, i) => districtArb(i))).map((list): DesignationInput => ({
    dataYear: schoolYear('2024-25'),
    districts: list.map((d) => d.facts),
    prior: list.flatMap((d) => (d.prior ? [d.prior] : [])),
  })),
);

const run = (input: DesignationInput) =>
  evaluate<DesignationInput, DesignationResult>(connecticut, DESIGNATION, CYCLE_FY2023, input).value;

const N = 33;

describe('designation properties (PA 22-118)', () => {
  it('designated = min(33, eligible) + grandfathered when nobody ties at the cutoff', () => {
    const seen = { cutWithoutTie: 0, tie: 0 };
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = run(input);
        // A tie at the cutoff, read off the input (not the result): the 33rd and 34th lowest
        // indices among the eligible districts are equal.
        const indexOf = new Map(input.districts.map((d) => [d.code as string, d.indices.accountability_index]));
        const eligible = r.districts.filter((d) => d.eligible).map((d) => indexOf.get(d.districtCode)!).sort((a, b) => a! - b!);
        expect(eligible).toHaveLength(r.counts.eligible);
        const tieAtCutoff = eligible.length > N && eligible[N - 1] === eligible[N];
        if (tieAtCutoff) seen.tie += 1;
        else if (eligible.length > N) seen.cutWithoutTie += 1;
        if (!tieAtCutoff) {
          expect(r.counts.byRank).toBe(Math.min(N, eligible.length));
          expect(r.counts.designated).toBe(Math.min(N, eligible.length) + r.counts.grandfathered);
        } else {
          // With ties the default reading includes every tied district: never fewer than N.
          expect(r.counts.byRank).toBeGreaterThan(N);
        }
        expect(r.districts.filter((d) => d.designated).length).toBe(r.counts.designated);
      }),
      { numRuns: 400 },
    );
    // Both sides of the cutoff were exercised: a cut with no tie, and a tie.
    expect(seen.cutWithoutTie).toBeGreaterThan(0);
    expect(seen.tie).toBeGreaterThan(0);
  });

  it('an ineligible district is never ranked, and every grandfathered district was designated before', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const priorCodes = new Set(input.prior.map((p) => p.code));
        for (const d of run(input).districts) {
          if (!d.eligible) {
            expect(d.rank).toBeNull();
            expect(d.basis).not.toBe('rank');
            expect(d.ineligibleReasons.length).toBeGreaterThan(0);
          } else {
            expect(d.rank).not.toBeNull();
          }
          if (d.basis === 'grandfathered') expect(priorCodes.has(d.districtCode)).toBe(true);
          if (d.opportunityDistrict) expect(d.designated).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('lowering a designated district\'s index never removes it; raising an undesignated one never adds it by rank', () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), fc.double({ min: 0.01, max: 50, noNaN: true }), (input, pick, delta) => {
        if (input.districts.length === 0) return;
        const before = run(input);
        const target = input.districts[pick % input.districts.length]!;
        const was = before.districts.find((d) => d.districtCode === target.code)!;
        const idx = target.indices.accountability_index;
        if (idx === null || idx === undefined) return;
        const change = (v: number): DesignationInput => ({
          ...input,
          districts: input.districts.map((d) => (d.code === target.code ? { ...d, indices: { accountability_index: v } } : d)),
        });
        if (was.designated) {
          const after = run(change(idx - delta)).districts.find((d) => d.districtCode === target.code)!;
          expect(after.designated).toBe(true);
        } else {
          const after = run(change(idx + delta)).districts.find((d) => d.districtCode === target.code)!;
          expect(after.basis).not.toBe('rank');
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never changes its input and gives the same answer twice', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const copy = structuredClone(input);
        const a = run(input);
        expect(input).toEqual(copy);
        expect(run(input)).toEqual(a);
      }),
      { numRuns: 50 },
    );
  });
});

