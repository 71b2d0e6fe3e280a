/**
 * Each alliance district's distance to exit under the off-ramp proposal
 * (src/domain/support/off-ramp.ts), read from the record: the designation law's ranking on every
 * data year with the index (a computation, each year ranked by the law in force for the fiscal
 * year), the signed annual reviews of its plans, and the ECS withheld for it — so the fiscal
 * effect of the exits is the alliance portion that would no longer be withheld.
 */
import type { Store } from '../../data/database.ts';
import { annualReviewsOfPlans } from '../../data/annual-review.repository.ts';
import { listCycles } from '../../data/cycle.repository.ts';
import { listDistricts } from '../../data/district.repository.ts';
import { yearsWithMeasure } from '../../data/measure.repository.ts';
import { plansOfCycle } from '../../data/plan.repository.ts';
import { resolveRuleset } from '../../domain/law/catalog.ts';
import { indexMeasure } from '../../domain/law/cgs-10-262u/parameters.ts';
import { evaluate, ruleContext, type Law } from '../../domain/rules/law.ts';
import type { Trace } from '../../domain/rules/trace.ts';
import { OFF_RAMP, OFF_RAMP_RULE, type OffRampCriterion, type OffRampInput, type OffRampOutcome } from '../../domain/support/off-ramp.ts';
import { addDays, fiscalYearEnd, type FiscalYear, type SchoolYear } from '../../domain/time/fiscal-year.ts';
import type { ReviewFacts } from '../../domain/workflow/annual-review.ts';
import { runDesignation } from '../designation.service.ts';
import { runWithholding } from '../withholding.service.ts';

export interface OffRampRow {
  readonly districtCode: string;
  readonly districtName: string;
  readonly exits: boolean;
  readonly criteria: readonly OffRampCriterion[];
  readonly inputs: OffRampInput;
  readonly trace: Trace;
  /** The alliance portion of its ECS withheld this fiscal year (what an exit would no longer withhold). */
  readonly allianceCents: number;
}

export interface OffRampRun {
  readonly fiscalYear: FiscalYear;
  readonly law: { readonly id: string; readonly title: string; readonly scenario: boolean };
  /** The data years ranked, newest first (a computation by the designation law in force). */
  readonly dataYears: readonly SchoolYear[];
  readonly rows: readonly OffRampRow[];
  /** What the exits would do to the amount withheld. */
  readonly effect: { readonly exiting: number; readonly withheldCents: number; readonly releasedCents: number };
}

/** The newest data years the ranking reads: as many as the criterion needs, and at most ten. */
const MAX_YEARS = 10;

export async function offRampFor(store: Store, fiscalYear: FiscalYear, law: Law = OFF_RAMP): Promise<OffRampRun> {
  const date = addDays(fiscalYearEnd(fiscalYear), -1);
  // The alliance districts of the year and what is withheld for each (the record and the law).
  const withholding = await runWithholding(store, fiscalYear);
  const alliance = withholding.result.towns.filter((t) => t.designated);
  const names = new Map((await listDistricts(store.db)).map((d) => [d.code as string, d.name]));
  // The ranking of every data year the designation law's measure has, by the law in force for the fiscal year.
  const resolved = resolveRuleset({ fiscalYear });
  const measure = ruleContext(resolved.law, resolved.date as never).param(indexMeasure).value;
  const years = (await yearsWithMeasure(store.db, measure)).slice(0, MAX_YEARS);
  const ranking = new Map<string, OffRampInput['ranking'][number][]>();
  for (const dataYear of years) {
    const run = await runDesignation(store, { fiscalYear, dataYear, record: false });
    for (const d of run.result.districts) {
      const list = ranking.get(d.districtCode) ?? [];
      list.push({ dataYear, rank: d.rank, byRank: d.basis === 'rank', selectCount: run.result.selectCount });
      ranking.set(d.districtCode, list);
    }
  }
  // The reviews of each district's plans, newest first.
  const reviews = new Map<string, OffRampInput['reviews'][number][]>();
  for (const c of (await listCycles(store.db)).filter((x) => x.fiscalYear <= fiscalYear).sort((a, b) => b.fiscalYear - a.fiscalYear)) {
    const plans = (await plansOfCycle(store.db, c.id)).filter((p) => p.approved_version !== null);
    const byPlan = await annualReviewsOfPlans(store.db, plans.map((p) => p.id));
    for (const p of plans) {
      const r = byPlan.get(p.id);
      if (!r) continue;
      const g = (JSON.parse(r.facts) as ReviewFacts).goals;
      const total = Object.values(g).reduce((s, n) => s + n, 0);
      const notMet = (g['off-track'] ?? 0) + (g['at-risk'] ?? 0) + (g['no-data'] ?? 0);
      const list = reviews.get(p.district_code) ?? [];
      list.push({ fiscalYear: c.fiscalYear, targetsMet: total > 0 && notMet === 0, goalsNotMet: notMet, goalsTotal: total });
      reviews.set(p.district_code, list);
    }
  }
  const rows: OffRampRow[] = alliance.map((t) => {
    const input: OffRampInput = { districtCode: t.districtCode, ranking: ranking.get(t.districtCode) ?? [], reviews: reviews.get(t.districtCode) ?? [] };
    const e = evaluate<OffRampInput, OffRampOutcome>(law, OFF_RAMP_RULE, date, input);
    return { districtCode: t.districtCode, districtName: names.get(t.districtCode) ?? t.town, exits: e.value.exits, criteria: e.value.criteria, inputs: input, trace: e.trace, allianceCents: t.allianceCents };
  });
  rows.sort((a, b) => Number(b.exits) - Number(a.exits) || distance(a) - distance(b) || a.districtName.localeCompare(b.districtName));
  const withheldCents = rows.reduce((s, r) => s + r.allianceCents, 0);
  const releasedCents = rows.filter((r) => r.exits).reduce((s, r) => s + r.allianceCents, 0);
  return { fiscalYear, law: { id: law.id, title: law.title, scenario: Boolean(law.origin) }, dataYears: years, rows, effect: { exiting: rows.filter((r) => r.exits).length, withheldCents, releasedCents } };
}

/** Years still missing across the criteria: the nearest to exit first. */
function distance(r: OffRampRow): number {
  return r.criteria.reduce((s, c) => s + Math.max(0, c.need - c.have), 0);
}
