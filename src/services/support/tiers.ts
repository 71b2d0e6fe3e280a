/**
 * Each approved plan's district in a tier of support, by the tiered-support rules
 * (src/domain/support/tiers.ts) or a scenario of them: the inputs are read from the record — the
 * year's annual review, the accountability index and the one a year before, the tiers of the
 * years before — and every result carries its trace. One view model for the CLI, the API and
 * the staff page.
 */
import { annualReviewsOfPlans } from '../../data/annual-review.repository.ts';
import type { Executor } from '../../data/batch.ts';
import { listCycles } from '../../data/cycle.repository.ts';
import { listDistricts } from '../../data/district.repository.ts';
import { plansOfCycle } from '../../data/plan.repository.ts';
import { MissingDataError, NoRuleInForceError } from '../../domain/errors.ts';
import { evaluate, versionAt, type Law } from '../../domain/rules/law.ts';
import type { Trace } from '../../domain/rules/trace.ts';
import { TIER_LABELS, TIER_RULE, TIERED_SUPPORT, type Support, type Tier, type TierInput, type TierOutcome } from '../../domain/support/tiers.ts';
import { addDays, fiscalYearEnd, fiscalYearToSchoolYear, type FiscalYear } from '../../domain/time/fiscal-year.ts';
import type { ReviewDecision, ReviewFacts } from '../../domain/workflow/annual-review.ts';

export interface TierRow {
  readonly planId: number;
  readonly districtCode: string;
  readonly districtName: string;
  readonly tier: Tier | null;
  /** "Tier 2 — targeted support", or what the tier waits for. */
  readonly label: string;
  readonly supports: readonly Support[];
  readonly inputs: TierInput;
  readonly trace: Trace;
}

export interface TiersRun {
  readonly fiscalYear: FiscalYear;
  readonly law: { readonly id: string; readonly title: string; readonly scenario: boolean };
  readonly version: { readonly id: string; readonly title: string };
  /** The districts of the cycle's approved plans, by tier (highest first), then by name. */
  readonly rows: readonly TierRow[];
}

const reviewInput = (decision: ReviewDecision, facts: ReviewFacts): NonNullable<TierInput['review']> => {
  const g = facts.goals;
  const total = Object.values(g).reduce((s, n) => s + n, 0);
  return { decision, goalsNotMet: (g['off-track'] ?? 0) + (g['at-risk'] ?? 0), goalsNoData: g['no-data'] ?? 0, goalsTotal: total, conditionsUnmet: Math.max(0, facts.conditions.total - facts.conditions.met) };
};

/**
 * The tiers of the cycle for `fiscalYear`, under `law` (the proposal, or a scenario of it). The
 * years before are computed too, for "consecutive years at tier 3"; a year no tier rule covers
 * counts as none. NoRuleInForceError when no version is in force for `fiscalYear`.
 */
export async function tiersFor(db: Executor, fiscalYear: FiscalYear, law: Law = TIERED_SUPPORT): Promise<TiersRun> {
  const cycles = (await listCycles(db)).filter((c) => c.fiscalYear <= fiscalYear).sort((a, b) => a.fiscalYear - b.fiscalYear);
  const target = cycles.find((c) => c.fiscalYear === fiscalYear);
  if (!target) throw new MissingDataError(`There is no FY${fiscalYear} plan cycle: tiers are set on a cycle's approved plans and their annual reviews.`, { fiscalYear });
  // The rule in force at the year's end (when the year is reviewed): none is an error, never a tier.
  const inForce = versionAt(law, TIER_RULE, addDays(fiscalYearEnd(fiscalYear), -1));
  const version = { id: inForce.id as string, title: inForce.title as string };
  const names = new Map((await listDistricts(db)).map((d) => [d.code as string, d.name]));
  const index = await indexByDistrict(db);
  let atTier3 = new Map<string, number>();
  let lastYear: number | null = null;
  let rows: TierRow[] = [];
  for (const cycle of cycles) {
    const plans = (await plansOfCycle(db, cycle.id)).filter((p) => p.approved_version !== null);
    const reviews = await annualReviewsOfPlans(db, plans.map((p) => p.id));
    // The index the year's review sees: the latest imported for a school year up to the plan's,
    // and the school year before it, if imported too.
    const sy = fiscalYearToSchoolYear(cycle.fiscalYear);
    const date = addDays(fiscalYearEnd(cycle.fiscalYear), -1);
    const consecutive = lastYear === cycle.fiscalYear - 1 ? atTier3 : new Map<string, number>();
    const next = new Map<string, number>();
    const out: TierRow[] = [];
    for (const p of plans) {
      const r = reviews.get(p.id);
      const years = (index.get(p.district_code) ?? []).filter((x) => x.year <= sy);
      const latest = years.at(-1);
      const priorYear = latest ? `${Number(latest.year.slice(0, 4)) - 1}-${latest.year.slice(2, 4)}` : null;
      const prior = latest ? (years.find((x) => x.year === priorYear) ?? null) : null;
      const input: TierInput = {
        districtCode: p.district_code,
        review: r ? reviewInput(r.decision as ReviewDecision, JSON.parse(r.facts) as ReviewFacts) : null,
        index: latest ? { value: latest.value, year: latest.year, prior: prior ? { value: prior.value, year: prior.year } : null } : null,
        yearsAtTier3Before: consecutive.get(p.district_code) ?? 0,
      };
      let outcome: TierOutcome;
      let trace: Trace;
      try {
        const e = evaluate<TierInput, TierOutcome>(law, TIER_RULE, date, input);
        outcome = e.value;
        trace = e.trace;
      } catch (err) {
        if (err instanceof NoRuleInForceError && cycle.fiscalYear !== fiscalYear) continue;
        throw err;
      }
      if (outcome.tier !== null && outcome.tier >= 3) next.set(p.district_code, input.yearsAtTier3Before + 1);
      out.push({
        planId: p.id,
        districtCode: p.district_code,
        districtName: names.get(p.district_code) ?? p.district_code,
        tier: outcome.tier,
        label: outcome.tier === null ? 'Not set yet: the year is not reviewed' : TIER_LABELS[outcome.tier],
        supports: outcome.supports,
        inputs: input,
        trace,
      });
    }
    atTier3 = next;
    lastYear = cycle.fiscalYear;
    rows = out;
  }
  rows.sort((a, b) => (b.tier ?? 0) - (a.tier ?? 0) || a.districtName.localeCompare(b.districtName));
  return { fiscalYear, law: { id: law.id, title: law.title, scenario: Boolean(law.origin) }, version, rows };
}

/** Each district's accountability index by school year, oldest first (the measure the importers keep). */
async function indexByDistrict(db: Executor): Promise<Map<string, { year: string; value: number }[]>> {
  const rows = await db.selectFrom('district_year_measure').select(['district_code', 'school_year', 'value']).where('measure', '=', 'accountability_index').orderBy('school_year').execute();
  const out = new Map<string, { year: string; value: number }[]>();
  for (const r of rows) {
    const list = out.get(r.district_code) ?? [];
    list.push({ year: r.school_year, value: Number(r.value) });
    out.set(r.district_code, list);
  }
  return out;
}
