/**
 * The evaluation's pooled series (issue 10): for a measure and a period, the rate of the alliance
 * districts and of the others by school year, from the designation record (the groups) and the
 * imported data (the values). A computation, labelled with the data and code versions so anyone
 * can reproduce it.
 */
import type { Store } from '../data/database.ts';
import { listDesignations } from '../data/designation.repository.ts';
import { listDistricts } from '../data/district.repository.ts';
import { measuresByName } from '../data/measure.repository.ts';
import { MissingDataError } from '../domain/errors.ts';
import { eventStudy, type EventStudy } from '../domain/outcomes/event-study.ts';
import { MATCH_COVARIATES } from '../domain/outcomes/matching.ts';
import { pooledMeasure, pooledSeries, type DistrictYear, type GroupRecord, type Membership, type PooledSeries } from '../domain/outcomes/pooled.ts';
import { fiscalYearRange, fiscalYearToSchoolYear, schoolYearToFiscalYear, type FiscalYear, type SchoolYear } from '../domain/time/fiscal-year.ts';
import { officialList } from './public.service.ts';
import { dataVersion } from './store.service.ts';
import { CODE_VERSION } from './version.ts';

export interface EvaluationSeries extends PooledSeries {
  readonly kind: 'computation';
  readonly names: Readonly<Record<string, string>>;
  readonly version: { readonly code: string; readonly data: string };
  /**
   * For each designation cohort, the change in its gap against the never designated since the year
   * before designation: first against matched comparison districts, then against all of them.
   */
  readonly estimates: readonly EventStudy[];
  readonly method: string;
}

export const METHOD =
  'Event study / difference in differences for each cohort: the gap between the cohort’s districts and the comparison districts (pooled rates) in each year, minus the gap in the year before designation, in percentage points. DiD is the mean over the designated years; the pre-trend check is the mean over the years before the base (near zero when the groups moved together before designation). Two comparisons: matched — for each cohort district, the 3 never-designated districts nearest to it in the base year by enrollment (log), % free or reduced-price meals and % English learners, each scaled by its standard deviation, with replacement; and all never-designated districts. 95% intervals from a cluster bootstrap over districts (999 replicates, seeded; with matching, a cohort district is drawn with its matches). The alliance districts were chosen for low results, so a change can also reflect regression toward the mean; matching on demographics does not remove that.';

/** The groups' record: each designated district's first fiscal year and each fiscal year's official list. */
export async function groupRecord(store: Store, from: FiscalYear, to: FiscalYear): Promise<GroupRecord> {
  const [record, districts] = await Promise.all([listDesignations(store.db), listDistricts(store.db)]);
  const firstDesignated = new Map<string, FiscalYear>();
  for (const r of record) {
    const prev = firstDesignated.get(r.districtCode);
    if (prev === undefined || r.firstFiscalYear < prev) firstDesignated.set(r.districtCode, r.firstFiscalYear);
  }
  const lists = new Map<FiscalYear, Set<string>>();
  for (const fy of fiscalYearRange(from, to)) {
    const official = await officialList(store, fy, districts);
    if (official) lists.set(fy, new Set(official.list.entries.map((e) => e.code as string)));
  }
  return { firstDesignated, lists };
}

const inPeriod = (sy: string, from: FiscalYear, to: FiscalYear) => {
  const fy = schoolYearToFiscalYear(sy as SchoolYear);
  return fy >= from && fy <= to;
};

export interface EvaluationQuery {
  readonly measure: string;
  /** The period in fiscal years (FY2025 = 2024-25); by default the years the data has. */
  readonly from?: FiscalYear;
  readonly to?: FiscalYear;
  readonly membership: Membership;
}

export async function evaluationSeries(store: Store, q: EvaluationQuery): Promise<EvaluationSeries> {
  const measure = pooledMeasure(q.measure);
  const stored = [measure.numerator, measure.denominator, ...(measure.fromPercent ? [measure.fromPercent] : [])];
  const [values, districts, data, covariateRows] = await Promise.all([measuresByName(store.db, stored), listDistricts(store.db), dataVersion(store), measuresByName(store.db, MATCH_COVARIATES.map((c) => c.measure))]);
  if (values.length === 0) throw new MissingDataError(`No ${measure.label.en.toLowerCase()} data is imported (it needs the measures ${stored.join(', ')}).`, { measure: measure.id });
  // measuresByName orders by school year.
  const from = q.from ?? schoolYearToFiscalYear(values[0]!.schoolYear);
  const to = q.to ?? schoolYearToFiscalYear(values.at(-1)!.schoolYear);
  const record = await groupRecord(store, from, to);
  if (q.membership.kind === 'cohort' && ![...record.firstDesignated.values()].includes(q.membership.firstFiscalYear)) {
    const cohorts = [...new Set(record.firstDesignated.values())].sort((a, b) => a - b);
    throw new MissingDataError(`No district was first designated for FY${q.membership.firstFiscalYear}. The record's cohorts: ${cohorts.map((c) => `FY${c}`).join(', ')}.`, { cohort: q.membership.firstFiscalYear });
  }
  const byKey = new Map<string, { code: string; schoolYear: string; values: Record<string, number> }>();
  for (const v of values) {
    const key = `${v.districtCode}:${v.schoolYear}`;
    const row = byKey.get(key) ?? { code: v.districtCode, schoolYear: v.schoolYear, values: {} };
    row.values[v.measure] = Number(v.value);
    byKey.set(key, row);
  }
  const rows: DistrictYear[] = [...byKey.values()];
  const series = pooledSeries(measure, q.membership, record, rows, from, to);
  const shown = new Set(series.districts.map((s) => s.code));
  const names = Object.fromEntries(districts.filter((d) => shown.has(d.code)).map((d) => [d.code, d.name]));
  const cohorts = [...new Set(record.firstDesignated.values())].sort((a, b) => a - b);
  const inRange = rows.filter((r) => inPeriod(r.schoolYear, from, to));
  const estimates = cohorts.flatMap((c) => [eventStudy(measure, c, record, inRange, { covariates: baseYearCovariates(covariateRows, c) }), eventStudy(measure, c, record, inRange)]);
  return { kind: 'computation', ...series, names, version: { code: CODE_VERSION, data }, estimates, method: METHOD };
}

/** Each district's matching covariates in the year before the cohort's designation. */
function baseYearCovariates(rows: readonly { districtCode: string; schoolYear: string; measure: string; value: number | string }[], cohort: FiscalYear): Map<string, number[]> {
  const base = fiscalYearToSchoolYear((cohort - 1) as FiscalYear);
  const out = new Map<string, number[]>();
  for (const r of rows) {
    if (r.schoolYear !== base) continue;
    const i = MATCH_COVARIATES.findIndex((c) => c.measure === r.measure);
    const v = out.get(r.districtCode) ?? MATCH_COVARIATES.map(() => Number.NaN);
    v[i] = Number(r.value);
    out.set(r.districtCode, v);
  }
  return out;
}

/** The series as a table (CSV, Excel, the CLI): one row per school year and group. */
export function evaluationTable(s: PooledSeries): { columns: string[]; rows: (string | number | null)[][] } {
  return {
    columns: ['schoolYear', 'fiscalYear', 'group', 'numerator', 'denominator', 'rate', 'districts', 'numeratorsFromPercent', 'gapPoints', 'noDataReason', 'comparability'],
    rows: s.years.flatMap((y) =>
      (['alliance', 'other'] as const).map((g) => {
        const v = y[g];
        return [y.schoolYear, y.fiscalYear, g, v?.numerator ?? null, v?.denominator ?? null, v?.rate ?? null, v?.districts ?? 0, v?.fromPercent ?? 0, y.gapPoints, y.gap, y.note];
      }),
    ),
  };
}
