/**
 * The midpoint review on the embedded data and the demo, on every dialect: FY2026, after three
 * years of the FY2023-FY2027 cycle; each of the 36 districts' change since 2021-22 read from the
 * imported values; the demo's Meriden with its tier; the distance to exit; what the data lacks
 * said in notes; a year outside every cycle an error, never an empty review.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../tests/support/dialects.ts';
import type { Store } from '../data/database.ts';
import { loadEmbedded } from '../data/embedded.ts';
import { measureForYear } from '../data/measure.repository.ts';
import { NoRuleInForceError } from '../domain/errors.ts';
import { fiscalYear, schoolYear } from '../domain/time/fiscal-year.ts';
import { seedDemo } from './demo.service.ts';
import { midpointReview } from './midpoint-review.service.ts';

describe.each(dialects)('midpoint review ($name)', (dialect) => {
  let store: Store;
  beforeAll(async () => {
    store = await dialect.open();
    await loadEmbedded(store);
    await seedDemo(store, {});
  }, 180_000);
  afterAll(async () => dialect.close(store));

  it('FY2026: the 36 districts since 2021-22, with the demo’s tiers and each distance to exit', async () => {
    const r = await midpointReview(store);
    expect(r).toMatchObject({ kind: 'computation', fiscalYear: 2026, cycle: { first: 2023, last: 2027 }, yearsCompleted: 3, baseYear: '2021-22', latestYear: '2024-25' });
    expect(r.rows).toHaveLength(36);
    const hartford = r.rows.find((x) => x.code === '0640011')!;
    expect(hartford.firstDesignated).toBe(2013);
    expect(hartford.yearsInProgram).toBe(14);
    // The change is the imported values' difference, not a recomputation.
    const [base, latest] = await Promise.all([measureForYear(store.db, 'graduation_4yr_rate', schoolYear('2021-22')), measureForYear(store.db, 'graduation_4yr_rate', schoolYear('2024-25'))]);
    const grad = hartford.changes.find((c) => c.measure === 'graduation_4yr_rate')!;
    expect(grad.base).toEqual({ schoolYear: '2021-22', value: base.get('0640011' as never) });
    expect(grad.change).toBeCloseTo(latest.get('0640011' as never)! - base.get('0640011' as never)!, 9);
    // The index has one year only (2024-25): a value, no change.
    const index = hartford.changes.find((c) => c.measure === 'accountability_index')!;
    expect(index.latest!.schoolYear).toBe('2024-25');
    expect(index.change).toBeNull();
    // Tiers from the demo cycle's reviews: Meriden in tier 2; districts without a plan say so.
    expect(r.rows.find((x) => x.code === '0800011')!.tier).toMatchObject({ tier: 2 });
    expect(r.rows.filter((x) => x.tier === null).length).toBeGreaterThan(30);
    expect(r.notes.join(' ')).toMatch(/have no approved plan in the FY2026 cycle/);
    expect(r.notes.join(' ')).toMatch(/Chronic absenteeism.*2011-12 to 2015-16/);
    // Every district has a distance to exit under the off-ramp proposal.
    expect(r.rows.every((x) => x.exit !== null && x.exit.criteria.length === 2)).toBe(true);
  }, 240_000);

  it('another year of the cycle; outside every cycle is an error', async () => {
    const r = await midpointReview(store, fiscalYear(2025));
    expect(r.yearsCompleted).toBe(2);
    expect(r.notes.join(' ')).toMatch(/No distance to exit/);
    await expect(midpointReview(store, fiscalYear(2028))).rejects.toThrow(NoRuleInForceError);
  }, 120_000);
});
