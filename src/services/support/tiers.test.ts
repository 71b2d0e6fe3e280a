/**
 * Tiers read from the record on every dialect: the demo's Meriden (its year reviewed, funding
 * continued with a condition) in tier 2; Hartford waiting for its review, then in tier 3 when the
 * review refers it; the index trend read from the imported measure; a scenario; no cycle.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../tests/support/dialects.ts';
import type { Store } from '../../data/database.ts';
import { loadEmbedded } from '../../data/embedded.ts';
import { upsertMeasures } from '../../data/measure.repository.ts';
import type { DistrictCode } from '../../domain/district.ts';
import { MissingDataError } from '../../domain/errors.ts';
import { withOverrides } from '../../domain/rules/law.ts';
import { TIERED_SUPPORT } from '../../domain/support/tiers.ts';
import { fiscalYear, schoolYear, type IsoDate } from '../../domain/time/fiscal-year.ts';
import { userByEmail } from '../auth.service.ts';
import { DEMO_DOMAIN, seedDemo } from '../demo.service.ts';
import { recordAnnualReview } from '../monitoring/index.ts';
import { tiersFor } from './tiers.ts';

describe.each(dialects)('tiers from the record ($name)', (dialect) => {
  let store: Store;
  beforeAll(async () => {
    store = await dialect.open();
    await loadEmbedded(store);
    await seedDemo(store, {});
  }, 180_000);
  afterAll(async () => dialect.close(store));

  it('Meriden in tier 2 from its review; Hartford waits for its own, then tier 3 when referred', async () => {
    const run = await tiersFor(store.db, fiscalYear(2026));
    expect(run.version.id).toBe('brief-2025-tiers');
    expect(run.rows.map((r) => [r.districtCode, r.tier])).toEqual([
      ['0800011', 2],
      ['0640011', null],
    ]);
    const meriden = run.rows[0]!;
    expect(meriden.inputs.review).toMatchObject({ decision: 'continue-with-conditions', conditionsUnmet: 1, goalsNoData: 2 });
    expect(meriden.trace.map((s) => s.rule)).toContain('tier.conditions');
    expect(meriden.supports.map((s) => s.id)).toEqual(['monitoring', 'program-review', 'training-targets', 'training-fidelity', 'fidelity-evidence']);
    expect(run.rows[1]!.label).toMatch(/not reviewed/);

    const reviewer = (await userByEmail(store.db, `reviewer@${DEMO_DOMAIN}`))!;
    await recordAnnualReview(store, reviewer, run.rows[1]!.planId, { decision: 'refer-for-support', reason: 'Chronic absenteeism did not move in the K-3 schools all year.', conditions: '', typedName: reviewer.name }, '2026-06-30' as IsoDate);
    // The index a year apart, as imported: a fall of 3 points is read, but tier 3 is already the most it raises to.
    await upsertMeasures(store.db, [
      { districtCode: '0640011' as DistrictCode, schoolYear: schoolYear('2023-24'), measure: 'accountability_index', value: 58.1 },
      { districtCode: '0640011' as DistrictCode, schoolYear: schoolYear('2024-25'), measure: 'accountability_index', value: 55.1 },
    ], null);
    const after = await tiersFor(store.db, fiscalYear(2026));
    const hartford = after.rows.find((r) => r.districtCode === '0640011')!;
    expect(hartford.tier).toBe(3);
    expect(hartford.inputs.index).toEqual({ value: 55.1, year: '2024-25', prior: { value: 58.1, year: '2023-24' } });
    // Half its goals not met (absenteeism off track) is tier 3 already; the referral agrees.
    expect(hartford.inputs.review).toMatchObject({ decision: 'refer-for-support', goalsNotMet: 1, goalsTotal: 2 });
    expect(hartford.trace.find((s) => s.rule === 'tier.goals')!.value).toBe(3);
    expect(hartford.trace.find((s) => s.rule === 'tier.index-trend')!.text).toMatch(/fell from 58.1 \(2023-24\) to 55.1 \(2024-25\)/);
    expect(hartford.trace.find((s) => s.rule === 'tier.persistent')!.text).toMatch(/1 consecutive year, fewer than 3/);
    expect(after.rows[0]!.districtCode).toBe('0640011');
  });

  it('a scenario is a scenario; a year with no cycle, or no rule, is said so', async () => {
    const law = withOverrides(TIERED_SUPPORT, { id: 'no-wait', title: 'Tier 1 until reviewed', cite: { kind: 'Scenario', id: 'no-wait' }, options: { 'tiers.no-review': 'tier-1' }, parameters: { 'tiers.tier3-share-not-met': { value: 0.9 } } });
    const run = await tiersFor(store.db, fiscalYear(2026), law);
    expect(run.law).toMatchObject({ id: 'no-wait', scenario: true });
    await expect(tiersFor(store.db, fiscalYear(2031))).rejects.toBeInstanceOf(MissingDataError);
  });
});
