/**
 * Golden test: the withholding rule reproduces CSDE's published alliance split for all 169 towns,
 * FY2013-FY2025, to the dollar — on SQLite and PostgreSQL, from the embedded dataset — and
 * computes FY2026-FY2027, which CSDE's file leaves blank.
 *
 * The one town that does not match, and why: Washington, FY2016 — CSDE's non-alliance portion is
 * $1 less than its entitlement (Washington is not an alliance district; the alliance portion, $0,
 * matches). The engine pays the whole entitlement as non-alliance.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../tests/support/dialects.ts';
import type { Store } from '../data/database.ts';
import { loadEmbedded } from '../data/embedded.ts';
import { NoRuleInForceError } from '../domain/errors.ts';
import { fiscalYear, fiscalYearRange } from '../domain/time/fiscal-year.ts';
import { runWithholding } from './withholding.service.ts';

const KNOWN_MISMATCHES = ['WASHINGTON FY2016 nonAlliance: engine 22193600, CSDE 22193500'];

describe.each(dialects)('withholding golden test ($name)', (dialect) => {
  let store: Store;
  beforeAll(async () => {
    store = await dialect.open();
    await loadEmbedded(store);
  }, 120_000);
  afterAll(async () => dialect.close(store));

  it('matches CSDE\'s split for every town FY2013-FY2025, except the one named', async () => {
    const mismatches: string[] = [];
    let compared = 0;
    for (const fy of fiscalYearRange(fiscalYear(2013), fiscalYear(2025))) {
      const run = await runWithholding(store, fy);
      expect(run.result.towns.length, `towns in FY${fy}`).toBe(169);
      for (const t of run.result.towns) {
        const p = run.published.get(t.townCode);
        expect(p, `${t.town} FY${fy} published`).toBeDefined();
        compared++;
        const check = (what: string, engine: number, csde: number) => {
          if (engine !== csde) mismatches.push(`${t.town.toUpperCase()} FY${fy} ${what}: engine ${engine}, CSDE ${csde}`);
        };
        check('alliance', t.allianceCents, p!.allianceCents);
        check('educationDiversity', t.educationDiversityCents, p!.educationDiversityCents ?? 0);
        check('nonAlliance', t.nonAllianceCents, p!.nonAllianceCents);
      }
    }
    expect(compared).toBe(169 * 13);
    expect(mismatches).toEqual(KNOWN_MISMATCHES);
  });

  it('totals match the record: $39.5M in FY2013 (CSDE 2012), $135.3M in FY2017, about $453M in FY2025', async () => {
    expect((await runWithholding(store, fiscalYear(2013))).result.totals.allianceCents).toBe(3_949_999_800);
    expect((await runWithholding(store, fiscalYear(2017))).result.totals.allianceCents).toBe(13_527_108_600);
    expect((await runWithholding(store, fiscalYear(2025))).result.totals.allianceCents).toBe(45_301_943_700);
  });

  it('the FY2018 holdback keeps the alliance portion at FY2017 entitlement minus base (Torrington, a new FY2018 designee)', async () => {
    const t = (await runWithholding(store, fiscalYear(2018))).result.towns.find((x) => x.town === 'Torrington')!;
    // FY2017 entitlement 24,482,865 − FY2012 base 23,933,343 = 549,522 (the FY2018 entitlement would give 404,212).
    expect(t.allianceCents).toBe(54_952_200);
    expect(t.trace.some((s) => s.rule === 'withholding.increase' && /FY2017/.test(s.text))).toBe(true);
  });

  it('computes FY2026 and FY2027, which CSDE left blank', async () => {
    const fy26 = await runWithholding(store, fiscalYear(2026));
    const town = (name: string) => fy26.result.towns.find((x) => x.town === name)!;
    expect(town('Ansonia').allianceCents).toBe((21_332_353 - 15_031_668) * 100); // 6,300,685 over the FY2012 base
    expect(town('Hartford').allianceCents).toBe((226_674_245 - 187_974_890) * 100);
    expect(town('Stratford').baseFiscalYear).toBe(2022); // a 2022 designee: FY2022 base
    expect(town('Stratford').allianceCents).toBe((30_304_368 - 25_147_955) * 100);
    expect(town('Enfield').allianceCents).toBe(0); // FY2026 = FY2022 grant: nothing withheld, still designated
    expect(town('Enfield').designated).toBe(true);
    expect(town('Avon').designated).toBe(false);
    expect(town('Avon').nonAllianceCents).toBe(town('Avon').entitlementCents);
    expect(fy26.result.totals.educationDiversityCents).toBe(0); // the carve-out is shown for FY2024-FY2025 only
    const fy27 = await runWithholding(store, fiscalYear(2027));
    expect(fy27.result.totals.designatedTowns).toBe(36);
  });

  it('FY2028 has no rule in force; FY2012 is before the program', async () => {
    await expect(runWithholding(store, fiscalYear(2028))).rejects.toThrow(NoRuleInForceError);
    await expect(runWithholding(store, fiscalYear(2028))).rejects.toThrow(/No Act designates alliance districts for FY2028/);
    await expect(runWithholding(store, fiscalYear(2012))).rejects.toThrow(/began in FY2013/);
  });
});
