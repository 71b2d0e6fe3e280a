/**
 * The brief's headline figure reproduced from the embedded data (seed 001: "227,273 students,
 * 44.3% of the state" in 2023-24), on every dialect; a year without the data is said so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../tests/support/dialects.ts';
import type { Store } from '../data/database.ts';
import { loadEmbedded } from '../data/embedded.ts';
import { MissingDataError } from '../domain/errors.ts';
import { schoolYear } from '../domain/time/fiscal-year.ts';
import { headlineFor } from './outcomes.service.ts';

describe.each(dialects)('headline figures ($name)', (dialect) => {
  let store: Store;
  beforeAll(async () => {
    store = await dialect.open();
    await loadEmbedded(store);
  }, 120_000);
  afterAll(async () => dialect.close(store));

  it('2023-24: 227,273 students in the 36 alliance districts, 44.3% of the state, as the brief says', async () => {
    const h = await headlineFor(store, schoolYear('2023-24'));
    expect(h).toMatchObject({ fiscalYear: 2024, allianceDistricts: 36, enrollment: { alliance: 227_273, districtsWithout: 0 } });
    expect(Math.round(h.enrollment.share! * 1000) / 10).toBe(44.3);
    const ell = h.groups.find((g) => g.group === 'ell')!;
    expect(ell.shareOfState).toBeGreaterThan(h.enrollment.share!);
    expect(ell.districtsCounted).toBeGreaterThan(30);
    expect(h.notInData).toEqual(['high-needs']);
    expect(h.years[0]).toBe('2025-26');
  });

  it('a year without an official list or enrollment is said so', async () => {
    await expect(headlineFor(store, schoolYear('2030-31'))).rejects.toBeInstanceOf(MissingDataError);
  });
});
