import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, withOverrides } from '../rules/law.ts';
import { isoDate } from '../time/fiscal-year.ts';
import { BRIEF_RECOMMENDATION_1, supportsOf, TIER_RULE, TIERED_SUPPORT, type TierInput, type TierOutcome } from './tiers.ts';

const on = isoDate('2026-06-30');
const review = (over: Partial<NonNullable<TierInput['review']>> = {}): NonNullable<TierInput['review']> => ({ decision: 'continue', goalsNotMet: 0, goalsNoData: 0, goalsTotal: 4, conditionsUnmet: 0, ...over });
const input = (over: Partial<TierInput> = {}): TierInput => ({ districtCode: '0640011', review: review(), index: null, yearsAtTier3Before: 0, ...over });
const tierOf = (i: TierInput, law = TIERED_SUPPORT) => evaluate<TierInput, TierOutcome>(law, TIER_RULE, on, i);

describe('tiered support (a proposal after the 2024-25 policy brief)', () => {
  it('the thresholds, each at its edge', () => {
    expect(tierOf(input()).value.tier).toBe(1);
    expect(tierOf(input({ review: review({ goalsNotMet: 1 }) })).value.tier).toBe(2);
    // Half the goals not met is tier 3; just under half is not.
    expect(tierOf(input({ review: review({ goalsNotMet: 2 }) })).value.tier).toBe(3);
    expect(tierOf(input({ review: review({ goalsNotMet: 4, goalsTotal: 9 }) })).value.tier).toBe(2);
    expect(tierOf(input({ review: review({ conditionsUnmet: 1 }) })).value.tier).toBe(2);
    expect(tierOf(input({ review: review({ decision: 'continue-with-conditions' }) })).value.tier).toBe(2);
    expect(tierOf(input({ review: review({ decision: 'refer-for-support' }) })).value.tier).toBe(3);
  });

  it('a fall of the index by more than 2 points raises the tier by one, to at most 3; exactly 2 does not', () => {
    const idx = (to: number) => ({ value: to, year: '2024-25', prior: { value: 60, year: '2023-24' } });
    expect(tierOf(input({ index: idx(57.9) })).value.tier).toBe(2);
    expect(tierOf(input({ index: idx(58) })).value.tier).toBe(1);
    expect(tierOf(input({ review: review({ goalsNotMet: 1 }), index: idx(50) })).value.tier).toBe(3);
    expect(tierOf(input({ review: review({ goalsNotMet: 3 }), index: idx(50) })).value.tier).toBe(3);
    // No earlier index: said, not guessed.
    const t = tierOf(input({ index: { value: 55, year: '2024-25', prior: null } })).trace;
    expect(t.find((s) => s.rule === 'tier.index-trend')!.text).toMatch(/no index a year before it is imported/);
  });

  it('tier 3 for three consecutive years brings tier 4, a structured decision pathway', () => {
    const three = review({ decision: 'refer-for-support' });
    expect(tierOf(input({ review: three, yearsAtTier3Before: 1 })).value.tier).toBe(3);
    const four = tierOf(input({ review: three, yearsAtTier3Before: 2 })).value;
    expect(four.tier).toBe(4);
    expect(four.supports.map((s) => s.id)).toContain('decision-pathway');
  });

  it('without a review the tier waits (the named option), or is tier 1 where a scenario says so', () => {
    expect(tierOf(input({ review: null })).value).toEqual({ tier: null, supports: [] });
    const law = withOverrides(TIERED_SUPPORT, { id: 't1', title: 'Tier 1 until reviewed', cite: { kind: 'Scenario', id: 't1' }, options: { 'tiers.no-review': 'tier-1' } });
    expect(tierOf(input({ review: null }), law).value.tier).toBe(1);
  });

  it('a scenario changes a threshold, and the trace cites it', () => {
    const law = withOverrides(TIERED_SUPPORT, { id: 'strict', title: 'Tier 4 after two years', cite: { kind: 'Scenario', id: 'strict' }, parameters: { 'tiers.tier4-years': { value: 2 } } });
    const r = tierOf(input({ review: review({ decision: 'refer-for-support' }), yearsAtTier3Before: 1 }), law);
    expect(r.value.tier).toBe(4);
    expect(r.trace.find((s) => s.rule === 'tier.persistent')!.cite).toMatchObject({ kind: 'Scenario', id: 'strict' });
  });

  it('every step of every result says why, with a citation where a number or a choice is applied', () => {
    const r = tierOf(input({ review: review({ goalsNotMet: 1, goalsNoData: 1 }), index: { value: 50, year: '2024-25', prior: { value: 49, year: '2023-24' } } }));
    expect(r.trace.map((s) => s.rule)).toEqual([TIER_RULE, 'tier.goals', 'tier.goals-no-data', 'tier.index-trend', 'tier.result']);
    expect(r.trace[0]!.cite).toEqual(BRIEF_RECOMMENDATION_1);
    for (const s of r.trace.filter((x) => x.value !== undefined)) expect(s.cite, s.rule).toBeDefined();
  });

  it('a tier brings its own supports and every lower tier\'s', () => {
    expect(supportsOf(1).map((s) => s.id)).toEqual(['monitoring']);
    expect(supportsOf(3).length).toBeGreaterThan(supportsOf(2).length);
    for (const s of supportsOf(2)) expect(supportsOf(3)).toContain(s);
  });

  it('more goals not met, a worse decision or a falling index never lowers the tier (property)', () => {
    const decisions = ['continue', 'continue-with-conditions', 'refer-for-support'] as const;
    const arb = fc.record({
      total: fc.integer({ min: 1, max: 8 }),
      notMet: fc.integer({ min: 0, max: 8 }),
      conditions: fc.integer({ min: 0, max: 3 }),
      decision: fc.integer({ min: 0, max: 2 }),
      prior: fc.double({ min: 20, max: 90, noNaN: true }),
      change: fc.double({ min: -10, max: 10, noNaN: true }),
      before: fc.integer({ min: 0, max: 4 }),
    });
    fc.assert(
      fc.property(arb, (a) => {
        const notMet = Math.min(a.notMet, a.total);
        const make = (n: number, d: number, change: number) =>
          tierOf(input({ review: review({ goalsTotal: a.total, goalsNotMet: n, conditionsUnmet: a.conditions, decision: decisions[d]! }), index: { value: a.prior + change, year: '2024-25', prior: { value: a.prior, year: '2023-24' } }, yearsAtTier3Before: a.before })).value.tier!;
        const base = make(notMet, a.decision, a.change);
        expect(make(Math.min(notMet + 1, a.total), a.decision, a.change)).toBeGreaterThanOrEqual(base);
        expect(make(notMet, Math.min(a.decision + 1, 2), a.change)).toBeGreaterThanOrEqual(base);
        expect(make(notMet, a.decision, a.change - 5)).toBeGreaterThanOrEqual(base);
      }),
      { numRuns: 300 },
    );
  });
});
