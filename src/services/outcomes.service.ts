/**
 * Who attends alliance districts, from the record and the data: for a school year, the districts
 * on that fiscal year's official list (the record, not a computation) and every district's
 * enrollment and group counts (EdSight, in the embedded dataset).
 */
import type { Store } from '../data/database.ts';
import { yearsWithMeasure } from '../data/measure.repository.ts';
import { MissingDataError } from '../domain/errors.ts';
import { GROUPS, headlineFigures, type HeadlineFigures } from '../domain/outcomes/headline.ts';
import { schoolYearToFiscalYear, type SchoolYear } from '../domain/time/fiscal-year.ts';
import { officialList } from './public.service.ts';

export interface Headline extends HeadlineFigures {
  readonly fiscalYear: number;
  /** The school years the page can show (enrollment imported and an official list for the year), newest first. */
  readonly years: readonly string[];
}

/** The school years with enrollment data and an official list, newest first. */
async function headlineYears(store: Store): Promise<SchoolYear[]> {
  const out: SchoolYear[] = [];
  for (const sy of await yearsWithMeasure(store.db, 'enrollment')) if (await officialList(store, schoolYearToFiscalYear(sy))) out.push(sy);
  return out;
}

export async function headlineFor(store: Store, requested?: SchoolYear): Promise<Headline> {
  const years = await headlineYears(store);
  const sy = requested ?? years[0];
  if (!sy || !years.includes(sy)) throw new MissingDataError(`No figures for ${requested ?? 'any school year'}: they need the year's enrollment and an official list of alliance districts. Years with both: ${years.join(', ') || 'none'}.`, { schoolYear: requested ?? null });
  const fy = schoolYearToFiscalYear(sy);
  const official = (await officialList(store, fy))!;
  const alliance = new Set(official.list.entries.map((e) => e.code as string));
  const measures = ['enrollment', ...GROUPS.map((g) => `n_${g}`)];
  const rows = await store.db.selectFrom('district_year_measure').select(['district_code', 'measure', 'value']).where('school_year', '=', sy).where('measure', 'in', measures).execute();
  const byDistrict = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const d = byDistrict.get(r.district_code) ?? {};
    d[r.measure] = Number(r.value);
    byDistrict.set(r.district_code, d);
  }
  const districts = [...byDistrict].map(([code, m]) => ({ code, enrollment: m.enrollment ?? null, counts: Object.fromEntries(GROUPS.map((g) => [g, m[`n_${g}`] ?? null])) }));
  return { ...headlineFigures(sy, districts, alliance), fiscalYear: fy, years };
}
