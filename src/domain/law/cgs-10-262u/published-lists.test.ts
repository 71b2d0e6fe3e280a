/**
 * The published record follows from the law: the FY2018 list from the FY2013 list and the 30
 * lowest; the FY2023 list from the earlier designees and the 33 lowest. The real index values
 * for 2015-16 are not at hand, so the ranking is built to agree with the published list (the
 * 30 lowest are those the report says were ranked), with every other district above them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import { districtCode, type DistrictCode } from '../../district.ts';
import { evaluate } from '../../rules/law.ts';
import { fiscalYear, schoolYear } from '../../time/fiscal-year.ts';
import { connecticut, DESIGNATION, type DesignationInput, type DesignationResult, type DistrictFacts, type PriorDesignation } from './index.ts';
import { CYCLE_FY2018, CYCLE_FY2023 } from './parameters.ts';

const lists = parse(readFileSync(new URL('./cases/published-lists.yaml', import.meta.url), 'utf8')) as {
  fy2013: { code: string; name: string }[];
  fy2018: { keptFromFy2013: string[]; new: string[]; total: number };
  fy2023: { new: string[]; total: number };
};
const fy2013 = lists.fy2013.map((d) => districtCode(d.code));
const fy2018New = lists.fy2018.new.map((c) => districtCode(c));
const kept2018 = new Set(lists.fy2018.keptFromFy2013.map((c) => districtCode(c)));
const fy2023New = lists.fy2023.new.map((c) => districtCode(c));

/** Ranked districts first (indices 40, 41, …), then 60 other local districts above them. */
function ranking(lowest: readonly DistrictCode[], others: readonly DistrictCode[]): DistrictFacts[] {
  const out: DistrictFacts[] = lowest.map((code, i) => ({ code, name: code, enrollment: 5000, indices: { accountability_index: 40 + i } }));
  others.forEach((code, i) => out.push({ code, name: code, enrollment: 5000, indices: { accountability_index: 80 + i * 0.1 } }));
  for (let i = 0; out.length < 120; i++) {
    const code = districtCode(`7${String(i).padStart(3, '0')}011`);
    out.push({ code, name: code, enrollment: 5000, indices: { accountability_index: 90 + i * 0.1 } });
  }
  return out;
}

const prior = (codes: readonly DistrictCode[], fy: number, act: string): PriorDesignation[] =>
  codes.map((code) => ({ code, firstFiscalYear: fiscalYear(fy), act }));

describe('the published lists follow from the law', () => {
  it('FY2013: 30 districts', () => expect(new Set(fy2013).size).toBe(30));

  it('FY2018 = the 30 lowest + FY2013 designees no longer among them = 33 (PA 17-2 JSS § 224)', () => {
    const lowest30 = [...fy2013.filter((c) => !kept2018.has(c)), ...fy2018New];
    expect(lowest30.length).toBe(30);
    const result = evaluate<DesignationInput, DesignationResult>(connecticut, DESIGNATION, CYCLE_FY2018, {
      dataYear: schoolYear('2015-16'),
      districts: ranking(lowest30, [...kept2018]),
      prior: prior(fy2013, 2013, 'PA 12-116'),
    }).value;
    const designated = result.districts.filter((d) => d.designated);
    expect(designated.length).toBe(lists.fy2018.total);
    expect(new Set(designated.filter((d) => d.basis === 'grandfathered').map((d) => d.districtCode))).toEqual(kept2018);
    for (const c of fy2018New) expect(result.districts.find((d) => d.districtCode === c)?.basis).toBe('rank');
  });

  it('FY2023 = the 33 lowest + FY2013-FY2022 designees = 36, whichever 30 earlier designees rank among the 33 (PA 22-118)', () => {
    const earlier = [...fy2013, ...fy2018New];
    fc.assert(
      fc.property(fc.shuffledSubarray(earlier, { minLength: 30, maxLength: 30 }), (ranked30) => {
        const lowest33 = [...ranked30, ...fy2023New];
        const rest = earlier.filter((c) => !ranked30.includes(c));
        const result = evaluate<DesignationInput, DesignationResult>(connecticut, DESIGNATION, CYCLE_FY2023, {
          dataYear: schoolYear('2021-22'),
          districts: ranking(lowest33, rest),
          prior: [...prior(fy2013, 2013, 'PA 12-116'), ...prior(fy2018New, 2018, 'PA 17-2 JSS')],
        }).value;
        expect(result.counts.designated).toBe(lists.fy2023.total);
        expect(result.counts.byRank).toBe(33);
        expect(result.counts.grandfathered).toBe(3);
      }),
      { numRuns: 50 },
    );
  });
});
