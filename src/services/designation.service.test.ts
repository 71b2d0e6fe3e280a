/**
 * The designation service on both dialects, from the embedded dataset: the data year it picks
 * and says why, missing data, and stored runs (one per law, inputs and code version).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../tests/support/dialects.ts';
import type { Store } from '../data/database.ts';
import { loadEmbedded } from '../data/embedded.ts';
import { countRuleRuns } from '../data/rule-run.repository.ts';
import { MissingDataError } from '../domain/errors.ts';
import { fiscalYear, schoolYear } from '../domain/time/fiscal-year.ts';
import { runDesignation } from './designation.service.ts';

describe.each(dialects)('designation service ($name)', (dialect) => {
  let store: Store;
  beforeAll(async () => {
    store = await dialect.open();
    await loadEmbedded(store);
  }, 120_000);
  afterAll(async () => dialect.close(store));

  it('re-runs PA 22-118 on the latest data and says which year it chose and why', async () => {
    const run = await runDesignation(store, { fiscalYear: fiscalYear(2026) });
    expect(run.ruleset.id).toBe('pa-22-118');
    expect(run.dataYear).toBe('2024-25');
    expect(run.dataYearSource).toBe('latest-available');
    expect(run.trace[0]!.text).toMatch(/do not record which year's data/);
    // 33 by rank on 2024-25 data; the 36 designees all stay (6 of them as earlier designees).
    expect(run.result.counts).toMatchObject({ byRank: 33, grandfathered: 6, designated: 39 });
    const designated = new Set(run.result.districts.filter((d) => d.designated).map((d) => d.name));
    for (const name of ['Plymouth School District', 'Griswold School District', 'Watertown School District']) expect(designated.has(name), name).toBe(true);
  });

  it('stores one run per law, inputs and code version', async () => {
    const before = await countRuleRuns(store.db);
    const a = await runDesignation(store, { law: 'no-size-floor' });
    const b = await runDesignation(store, { law: 'no-size-floor' });
    expect(a.runId).not.toBeNull();
    expect(b.runId).toBe(a.runId);
    expect(await countRuleRuns(store.db)).toBe(before + 1);
    await runDesignation(store, { law: 'no-size-floor', record: false });
    expect(await countRuleRuns(store.db)).toBe(before + 1);
  });

  it('names the missing data: the 2015-16 index PA 17-2 used, the DPI PA 12-116 used', async () => {
    await expect(runDesignation(store, { fiscalYear: fiscalYear(2018) })).rejects.toThrow(MissingDataError);
    await expect(runDesignation(store, { fiscalYear: fiscalYear(2018) })).rejects.toThrow(/accountability index for 2015-16.*Years with data: 2024-25/);
    await expect(runDesignation(store, { law: 'pa-12-116' })).rejects.toThrow(/District Performance Index/);
    await expect(runDesignation(store, { law: 'pa-22-118', dataYear: schoolYear('2019-20') })).rejects.toThrow(/2019-20/);
  });
});
