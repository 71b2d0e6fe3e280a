/**
 * The public pages' data, computed once per data version (see store.server.ts).
 */
import { data } from 'react-router';
import { publishedPlans } from '../../src/services/workflow.service.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { schoolYear, type SchoolYear } from '../../src/domain/time/fiscal-year.ts';
import type { ScenarioSpec } from '../../src/domain/law/proposals/index.ts';
import type { DesignationRun } from '../../src/services/designation.service.ts';
import { runDesignation } from '../../src/services/designation.service.ts';
import { yearsWithMeasure } from '../../src/data/measure.repository.ts';
import { connecticut, designationVersions } from '../../src/domain/law/cgs-10-262u/index.ts';
import { ALL_OPTIONS } from '../../src/domain/law/cgs-10-262u/options.ts';
import { ALL_PARAMETERS } from '../../src/domain/law/cgs-10-262u/parameters.ts';
import { formatCitation } from '../../src/domain/rules/citation.ts';
import { segments } from '../../src/domain/rules/parameter.ts';
import { formatPeriod } from '../../src/domain/time/period.ts';
import mapData from '../../dataset/connecticut/towns-map.json' with { type: 'json' };
import type { DistrictCode } from '../../src/domain/district.ts';
import type { FiscalYear } from '../../src/domain/time/fiscal-year.ts';
import {
  compareDesignations,
  rulesets,
  runScenario,
  currentFiscalYear,
  designatedNow,
  districtProfile,
  districtRows,
  importsForAbout,
  studentsServed,
  withheldByYear,
} from '../../src/services/public.service.ts';
import { cached } from './store.server.ts';

export const townMap = mapData as { width: number; height: number; towns: { townCode: number; name: string; path: string; x: number; y: number }[] };

export function fiscalYearNow(): FiscalYear {
  return currentFiscalYear();
}

export async function overviewData() {
  const fy = fiscalYearNow();
  return cached(`overview:${fy}`, async (store) => {
    const now = await designatedNow(store, fy);
    const [students, withheld] = await Promise.all([studentsServed(store, now.districts.map((d) => d.code)), withheldByYear(store)]);
    return { now, students, withheld };
  });
}

export async function districtsData() {
  const fy = fiscalYearNow();
  return { fiscalYear: fy, rows: await cached(`districts:${fy}`, (store) => districtRows(store, fy)) };
}

export async function districtData(code: DistrictCode) {
  const fy = fiscalYearNow();
  return cached(`district:${fy}:${code}`, async (store) => {
    const profile = await districtProfile(store, code, fy);
    return profile ? { ...profile, plans: await publishedPlans(store.db, code) } : null;
  });
}


/** A designation run reduced to what the explorer shows (no traces). */
export function summarise(run: DesignationRun) {
  return {
    law: { id: run.ruleset.id, title: run.ruleset.title, status: run.ruleset.status, cycle: run.cycle },
    dataYear: run.dataYear,
    dataYearSource: run.dataYearSource,
    cutoffIndex: run.result.cutoffIndex,
    selectCount: run.result.selectCount,
    counts: run.result.counts,
    districts: run.result.districts
      .filter((d) => d.rank !== null || d.designated || ((d.orgType === 'local' || d.orgType === 'regional') && !d.eligible))
      .map((d) => ({
        code: d.districtCode,
        name: d.name,
        rank: d.rank,
        index: d.accountabilityIndex,
        enrollment: d.enrollment,
        eligible: d.eligible,
        reasons: d.ineligibleReasons,
        designated: d.designated,
        basis: d.basis,
        category: d.category,
        opportunity: d.opportunityDistrict,
      })),
  };
}

/** Turns rule errors into the HTTP answers a reader understands (400 or 404, with the reason). */
export async function asHttp<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof DomainError) {
      const status = e.code === 'missing_data' ? 404 : 400;
      throw data(e.message, { status });
    }
    throw e;
  }
}

export function parseSchoolYearParam(value: string | null): SchoolYear | undefined {
  if (value === null || value === '') return undefined;
  try {
    return schoolYear(value);
  } catch (e) {
    throw data((e as Error).message, { status: 400 });
  }
}

export async function indexYears(): Promise<SchoolYear[]> {
  return cached('index-years', (store) => yearsWithMeasure(store.db, 'accountability_index'));
}

export async function designationsData(law: string, dataYear: SchoolYear | undefined, compare: string | undefined) {
  return asHttp(() =>
    cached(`designations:${law}:${dataYear ?? ''}:${compare ?? ''}`, async (store) => {
      const a = await runDesignation(store, { law, ...(dataYear ? { dataYear } : {}), record: false });
      const b = compare ? await runDesignation(store, { law: compare, dataYear: a.dataYear, record: false }) : null;
      const comparison = b ? await compareDesignations(store, a.result, b.result, a.law, b.law) : null;
      return { a: summarise(a), b: b ? summarise(b) : null, comparison, rulesets: rulesets().map((r) => ({ id: r.id, title: r.title, status: r.status })) };
    }),
  );
}

export async function scenarioData(spec: ScenarioSpec, dataYear: SchoolYear | undefined) {
  return asHttp(() =>
    cached(`scenario:${JSON.stringify(spec)}:${dataYear ?? ''}`, async (store) => {
      const run = await runScenario(store, spec, dataYear);
      const base = await runDesignation(store, { law: spec.base ?? 'pa-22-118', dataYear: run.dataYear, record: false }).catch(() => null);
      const comparison = base ? await compareDesignations(store, base.result, run.result, base.law, run.law) : null;
      return { run: summarise(run), base: base ? summarise(base) : null, comparison, trace: run.trace };
    }),
  );
}

/** The law as this site applies it, parameter by parameter, and the files behind the pages. */
export async function aboutData() {
  return cached('about', async (store) => {
    const show = (v: unknown) => (v === null ? 'none' : typeof v === 'object' ? JSON.stringify(v) : String(v));
    const imports = await importsForAbout(store);
    return {
      versions: designationVersions(connecticut).map((v) => ({ id: v.id, title: v.title, period: formatPeriod(v.period), citation: formatCitation(v.act), note: v.act.note ?? null, clause: v.clause })),
      parameters: (ALL_PARAMETERS as readonly { id: string; label: string; unit?: string; values: readonly unknown[] }[]).map((p) => ({
        id: p.id,
        label: p.label,
        unit: p.unit ?? '',
        values: segments(p as never).map((s) => ({ period: formatPeriod(s.period), value: show(s.value), citation: formatCitation(s.cite), note: s.note ?? s.cite.note ?? null })),
      })),
      options: ALL_OPTIONS.map((o) => ({ id: o.id, label: o.label, question: o.question, default: o.default, choices: o.choices, citation: formatCitation(o.cite), note: o.cite.note ?? null })),
      imports: imports.map((i) => ({ kind: i.kind, file: i.fileName, at: i.importedAt.slice(0, 10), rows: i.rows, note: i.note })),
    };
  });
}
