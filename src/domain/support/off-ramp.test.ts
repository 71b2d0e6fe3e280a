import { describe, expect, it } from 'vitest';
import { evaluate, withOverrides } from '../rules/law.ts';
import { isoDate } from '../time/fiscal-year.ts';
import { OFF_RAMP, OFF_RAMP_RULE, type OffRampInput, type OffRampOutcome } from './off-ramp.ts';

const on = isoDate('2026-06-30');
const year = (dataYear: string, rank: number | null, byRank: boolean) => ({ dataYear, rank, byRank, selectCount: 33 });
const review = (fiscalYear: number, targetsMet: boolean) => ({ fiscalYear, targetsMet, goalsNotMet: targetsMet ? 0 : 1, goalsTotal: 3 });
const run = (i: Partial<OffRampInput>, law = OFF_RAMP) => evaluate<OffRampInput, OffRampOutcome>(law, OFF_RAMP_RULE, on, { districtCode: '0640011', ranking: [], reviews: [], ...i });

describe('the off-ramp (a proposal after the 2024-25 policy brief)', () => {
  it('exits only when both criteria hold for their years; says how far each is', () => {
    const out3 = [year('2024-25', 40, false), year('2023-24', 38, false), year('2022-23', 36, false)];
    const met3 = [review(2026, true), review(2025, true), review(2024, true)];
    expect(run({ ranking: out3, reviews: met3 }).value.exits).toBe(true);
    const short = run({ ranking: out3.slice(0, 2), reviews: met3 }).value;
    expect(short.exits).toBe(false);
    expect(short.criteria).toEqual([
      { id: 'out-of-lowest', holds: false, have: 2, need: 3 },
      { id: 'targets-met', holds: true, have: 3, need: 3 },
    ]);
    expect(run({ ranking: out3.slice(0, 2), reviews: met3 }).trace.at(-1)!.text).toBe('Not yet: 1 more year out of the lowest-ranked.');
  });

  it('a year among the lowest, or not ranked, breaks the run; so does a year with a target not met', () => {
    const r = run({ ranking: [year('2024-25', 40, false), year('2023-24', 20, true), year('2022-23', 40, false)], reviews: [review(2026, true), review(2025, false), review(2024, true)] }).value;
    expect(r.criteria.map((c) => c.have)).toEqual([1, 1]);
    expect(run({ ranking: [year('2024-25', null, false)] }).value.criteria[0]!.have).toBe(0);
    expect(run({}).trace.map((s) => s.text).join(' ')).toMatch(/No data year is ranked.*No year of the district's plans is reviewed yet/);
  });

  it('a scenario shortens the years, and its citation travels with the step', () => {
    const law = withOverrides(OFF_RAMP, { id: 'two', title: 'Two years', cite: { kind: 'Scenario', id: 'two' }, parameters: { 'off-ramp.years-out-of-lowest': { value: 1 }, 'off-ramp.years-targets-met': { value: 1 } } });
    const r = run({ ranking: [year('2024-25', 40, false)], reviews: [review(2026, true)] }, law);
    expect(r.value.exits).toBe(true);
    expect(r.trace.find((s) => s.rule === 'off-ramp.out-of-lowest')!.cite).toMatchObject({ kind: 'Scenario' });
  });
});
