/**
 * The program's figures as its documents quote them, beside what this system computes from its
 * own data — so a reader sees both and which is which. OLR's December 2017 report (2017-R-0321)
 * quotes "$140.6 million of the almost $1.9 billion in ECS aid" for FY2017 from SDE's data of the
 * time, an early estimate; CSDE's final FY2017 split gives less. It also quotes, as CSDE's page
 * does, "more than 200,000 students in 410 schools". The system's figures are computed here,
 * never written down: the FY2017 alliance portion by the withholding rule from CSDE's
 * entitlements (and checked against CSDE's published split), students from the enrollment of the
 * year, schools from the state directory this system holds.
 */
import type { Store } from '../data/database.ts';
import { schoolCounts } from '../data/district.repository.ts';
import { measureForYear, yearsWithMeasure } from '../data/measure.repository.ts';
import { MissingDataError, NoRuleInForceError } from '../domain/errors.ts';
import { cents, type Cents } from '../domain/money/cents.ts';
import { fiscalYear, fiscalYearToSchoolYear, type FiscalYear, type SchoolYear } from '../domain/time/fiscal-year.ts';
import { officialList } from './public.service.ts';
import { runWithholding } from './withholding.service.ts';

/** What a document says, and where. */
export interface QuotedFigure {
  readonly text: string;
  readonly source: string;
}

/** OLR report 2017-R-0321 (December 21, 2017), citing SDE's FY2017 data; the same as seed 000. */
export const OLR_2017_ECS: QuotedFigure = { text: '$140.6 million of the almost $1.9 billion in ECS aid', source: 'OLR report 2017-R-0321 (December 2017), citing SDE’s FY2017 data' };
/** OLR report 2017-R-0321, "according to SDE", and CSDE's Alliance Districts page (seeds 000 and 003). */
export const CSDE_SERVED: QuotedFigure = { text: 'more than 200,000 students in 410 schools', source: 'CSDE’s Alliance Districts page; OLR report 2017-R-0321' };

export interface EcsReconciliation {
  readonly fiscalYear: FiscalYear;
  /** The alliance portion this system computes for the year, all towns. */
  readonly computedAllianceCents: Cents;
  /** The sum of CSDE's final published split for the year, where the database has it. */
  readonly publishedAllianceCents: Cents | null;
  /** All ECS entitlements of the year (the "almost $1.9 billion"). */
  readonly entitlementCents: Cents;
  readonly districts: number;
}

export interface ServedReconciliation {
  readonly fiscalYear: FiscalYear;
  /** The alliance districts of the year, from the record. */
  readonly districts: number;
  /** The enrollment year counted: the fiscal year's own school year if the database has it, else the latest. */
  readonly schoolYear: SchoolYear | null;
  readonly students: number | null;
  /** Schools the state directory held here lists for those districts (the directory is one snapshot, not a series). */
  readonly schools: number;
}

export interface Reconciliation {
  readonly ecs: EcsReconciliation | null;
  readonly served: ServedReconciliation | null;
}

/** The quoted FY2017 figures' counterparts, computed from the data in the database. */
export async function reconcileQuotedFigures(store: Store, fy: FiscalYear = fiscalYear(2017)): Promise<Reconciliation> {
  let ecs: EcsReconciliation | null = null;
  try {
    const run = await runWithholding(store, fy);
    const published = [...run.published.values()].reduce((a, p) => a + p.allianceCents, 0);
    ecs = {
      fiscalYear: fy,
      computedAllianceCents: run.result.totals.allianceCents,
      publishedAllianceCents: run.published.size ? cents(published) : null,
      entitlementCents: run.result.totals.entitlementCents,
      districts: run.result.totals.designatedTowns,
    };
  } catch (e) {
    // No rule in force or no entitlements for the year: the page shows the quote alone.
    if (!(e instanceof NoRuleInForceError) && !(e instanceof MissingDataError)) throw e;
  }
  const official = await officialList(store, fy);
  let served: ServedReconciliation | null = null;
  if (official) {
    const codes = official.list.entries.map((e) => e.code);
    const years = await yearsWithMeasure(store.db, 'enrollment');
    const own = fiscalYearToSchoolYear(fy);
    const year = years.includes(own) ? own : (years[0] ?? null);
    const enrollment = year ? await measureForYear(store.db, 'enrollment', year) : null;
    const schools = await schoolCounts(store.db, codes);
    served = {
      fiscalYear: fy,
      districts: codes.length,
      schoolYear: year,
      students: enrollment ? codes.reduce((a, c) => a + (enrollment.get(c) ?? 0), 0) : null,
      schools: [...schools.values()].reduce((a, b) => a + b, 0),
    };
  }
  return { ecs, served };
}
