/**
 * The off-ramp read from the record on every dialect: every FY2026 alliance district with its
 * distance to exit (the 2024-25 ranking by PA 22-118, the signed reviews), nobody exiting under
 * the proposal's three years; under a scenario of one ranked year and no reviewed years, the
 * districts out of the lowest 33 exit and the effect is exactly their withheld alliance portions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../tests/support/dialects.ts';
import type { Store } from '../../data/database.ts';
import { loadEmbedded } from '../../data/embedded.ts';
import { withOverrides } from '../../domain/rules/law.ts';
import { OFF_RAMP } from '../../domain/support/off-ramp.ts';
import { fiscalYear } from '../../domain/time/fiscal-year.ts';
import { seedDemo } from '../demo.service.ts';
import { runWithholding } from '../withholding.service.ts';
import { offRampFor } from './off-ramp.ts';

describe.each(dialects)('the off-ramp from the record ($name)', (dialect) => {
  let store: Store;
  beforeAll(async () => {
    store = await dialect.open();
    await loadEmbedded(store);
    await seedDemo(store, {});
  }, 180_000);
  afterAll(async () => dialect.close(store));

  it('every alliance district of FY2026 with its distance to exit; none exits under the proposal', async () => {
    const run = await offRampFor(store, fiscalYear(2026));
    const withholding = await runWithholding(store, fiscalYear(2026));
    expect(run.rows).toHaveLength(withholding.result.towns.filter((t) => t.designated).length);
    expect(run.dataYears).toEqual(['2024-25']);
    expect(run.effect).toMatchObject({ exiting: 0, releasedCents: 0 });
    expect(run.effect.withheldCents).toBe(withholding.result.towns.filter((t) => t.designated).reduce((s, t) => s + t.allianceCents, 0));
    const meriden = run.rows.find((r) => r.districtCode === '0800011')!;
    // Its year is reviewed, but its goals have no values: not met.
    expect(meriden.inputs.reviews).toEqual([{ fiscalYear: 2026, targetsMet: false, goalsNotMet: 2, goalsTotal: 2 }]);
    expect(meriden.criteria[1]).toEqual({ id: 'targets-met', holds: false, have: 0, need: 3 });
    expect(meriden.trace.at(-1)!.text).toMatch(/^Not yet: /);
  });

  it('a scenario: one year out of the lowest 33 and no reviewed year needed; the effect is the exiting districts\' withheld portions', async () => {
    const law = withOverrides(OFF_RAMP, { id: 'one-year', title: 'One year', cite: { kind: 'Scenario', id: 'one-year' }, parameters: { 'off-ramp.years-out-of-lowest': { value: 1 }, 'off-ramp.years-targets-met': { value: 0 } } });
    const run = await offRampFor(store, fiscalYear(2026), law);
    const exiting = run.rows.filter((r) => r.exits);
    expect(exiting.length).toBeGreaterThan(0);
    for (const r of exiting) expect(r.inputs.ranking[0]).toMatchObject({ dataYear: '2024-25', byRank: false, rank: expect.any(Number) });
    for (const r of run.rows.filter((x) => !x.exits)) expect(r.inputs.ranking[0]?.byRank !== false || r.inputs.ranking[0]?.rank === null).toBe(true);
    expect(run.effect.releasedCents).toBe(exiting.reduce((s, r) => s + r.allianceCents, 0));
    expect(run.law).toMatchObject({ id: 'one-year', scenario: true });
  });
});
