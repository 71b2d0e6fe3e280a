/**
 * The midpoint review (issue 10): in the third year of a five-year designation cycle, for each
 * district on the year's official list, what changed since the year before the cycle began, its
 * tier of support (when the year has a plan cycle with reviews) and its distance to exit under the
 * off-ramp proposal. A computation on the record and the data; what it cannot say is said.
 */
import type { Store } from '../data/database.ts';
import { measuresByName } from '../data/measure.repository.ts';
import { MissingDataError, NoRuleInForceError } from '../domain/errors.ts';
import { connecticut, cycles } from '../domain/law/cgs-10-262u/index.ts';
import { changeSince, MIDPOINT_MEASURES, type Change } from '../domain/outcomes/midpoint.ts';
import type { OffRampCriterion } from '../domain/support/off-ramp.ts';
import type { Tier } from '../domain/support/tiers.ts';
import { fiscalYear as toFiscalYear, fiscalYearToSchoolYear, type FiscalYear, type SchoolYear } from '../domain/time/fiscal-year.ts';
import { officialList } from './public.service.ts';
import { offRampFor } from './support/off-ramp.ts';
import { tiersFor } from './support/tiers.ts';
import { dataVersion } from './store.service.ts';
import { CODE_VERSION } from './version.ts';

export interface MidpointRow {
  readonly code: string;
  readonly name: string;
  readonly firstDesignated: FiscalYear;
  /** Fiscal years in the program up to and including the review's. */
  readonly yearsInProgram: number;
  readonly changes: readonly Change[];
  readonly tier: { readonly tier: Tier | null; readonly label: string } | null;
  readonly exit: { readonly exits: boolean; readonly criteria: readonly OffRampCriterion[] } | null;
}

export interface MidpointReview {
  readonly kind: 'computation';
  readonly fiscalYear: FiscalYear;
  readonly cycle: { readonly first: FiscalYear; readonly last: FiscalYear; readonly act: string };
  /** Fiscal years of the cycle completed before the review's (3 is the midpoint of five). */
  readonly yearsCompleted: number;
  readonly baseYear: SchoolYear;
  readonly latestYear: SchoolYear;
  readonly rows: readonly MidpointRow[];
  /** What the review could not include, and why. */
  readonly notes: readonly string[];
  readonly version: { readonly code: string; readonly data: string };
}

/**
 * The review in fiscal year `fy`, of the cycle containing it, on the data of the school years
 * completed before it. Default: the latest cycle's midpoint, after its first three years (FY2026
 * for FY2023–FY2027, on data to 2024-25). NoRuleInForceError outside every enacted cycle.
 */
export async function midpointReview(store: Store, fy?: FiscalYear, options: { readonly tiers?: boolean } = {}): Promise<MidpointReview> {
  const all = cycles(connecticut);
  const target = fy ?? toFiscalYear(all.at(-1)!.first + 3);
  const cycle = all.find((c) => c.first <= target && target <= c.last);
  if (!cycle) throw new NoRuleInForceError('a designation cycle', `FY${target}`, `No enacted cycle covers FY${target}: the cycles run ${all.map((c) => `FY${c.first}–FY${c.last}`).join(', ')}.`);
  const official = await officialList(store, target);
  if (!official) throw new MissingDataError(`There is no official list for FY${target}.`, { fiscalYear: target });
  const baseYear = fiscalYearToSchoolYear(toFiscalYear(cycle.first - 1));
  const latestYear = fiscalYearToSchoolYear(toFiscalYear(target - 1));
  const codes = new Set(official.list.entries.map((e) => e.code as string));
  const byDistrict = new Map<string, Map<string, Map<string, number>>>();
  for (const v of await measuresByName(store.db, MIDPOINT_MEASURES.map((m) => m.measure))) {
    if (!codes.has(v.districtCode)) continue;
    const d = byDistrict.get(v.districtCode) ?? new Map<string, Map<string, number>>();
    const m = d.get(v.measure) ?? new Map<string, number>();
    m.set(v.schoolYear, Number(v.value));
    d.set(v.measure, m);
    byDistrict.set(v.districtCode, d);
  }
  const notes: string[] = [];
  // Tiers are read from the annual reviews in the work area; the public report leaves them out (ADR 016), so it need not compute them.
  const tiers = options.tiers === false ? null : await tiersFor(store.db, target).catch((e: unknown) => {
    if (e instanceof MissingDataError || e instanceof NoRuleInForceError) {
      notes.push(`No tiers: ${e.message}`);
      return null;
    }
    throw e;
  });
  const offRamp = await offRampFor(store, target).catch((e: unknown) => {
    if (e instanceof MissingDataError || e instanceof NoRuleInForceError) {
      notes.push(`No distance to exit: ${e.message}`);
      return null;
    }
    throw e;
  });
  if (tiers && tiers.rows.length < codes.size) notes.push(`${codes.size - tiers.rows.length} of the ${codes.size} districts have no approved plan in the FY${target} cycle, so no tier.`);
  const tierOf = new Map((tiers?.rows ?? []).map((r) => [r.districtCode, { tier: r.tier, label: r.label }]));
  const exitOf = new Map((offRamp?.rows ?? []).map((r) => [r.districtCode, { exits: r.exits, criteria: r.criteria }]));
  for (const m of MIDPOINT_MEASURES) {
    const years = [...byDistrict.values()].flatMap((d) => [...(d.get(m.measure)?.keys() ?? [])]);
    if (!years.some((y) => y >= baseYear && y <= latestYear)) notes.push(`${m.label.en}: the data has no value from ${baseYear} to ${latestYear}${years.length ? ` (its years: ${[...new Set(years)].sort()[0]} to ${[...new Set(years)].sort().at(-1)})` : ''}.`);
  }
  const rows: MidpointRow[] = official.list.entries
    .map((e) => {
      const values = byDistrict.get(e.code) ?? new Map<string, Map<string, number>>();
      return {
        code: e.code as string,
        name: official.names.get(e.code) ?? e.code,
        firstDesignated: e.firstFiscalYear,
        yearsInProgram: target - e.firstFiscalYear + 1,
        changes: MIDPOINT_MEASURES.map((m) => changeSince(m, values.get(m.measure) ?? new Map(), baseYear, latestYear)),
        tier: tierOf.get(e.code) ?? null,
        exit: exitOf.get(e.code) ?? null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    kind: 'computation',
    fiscalYear: target,
    cycle: { first: cycle.first, last: cycle.last, act: cycle.citation },
    yearsCompleted: target - cycle.first,
    baseYear,
    latestYear,
    rows,
    notes,
    version: { code: CODE_VERSION, data: await dataVersion(store) },
  };
}
