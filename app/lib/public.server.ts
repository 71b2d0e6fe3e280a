/**
 * The public pages' data, computed once per data version (see store.server.ts).
 */
import { data } from 'react-router';
import { publishedPlans } from '../../src/services/plans/index.ts';
import { offRampFor } from '../../src/services/support/off-ramp.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { schoolYear, type SchoolYear } from '../../src/domain/time/fiscal-year.ts';
import type { ScenarioSpec } from '../../src/domain/law/proposals/index.ts';
import type { DesignationRun } from '../../src/services/designation.service.ts';
import { actName, computationLabel, designationRows, floorBelow, officialJson } from '../../src/services/result-views.ts';
import type { OfficialDesignation } from '../../src/domain/law/cgs-10-262u/index.ts';
import { resolveRuleset } from '../../src/domain/law/catalog.ts';
import type { TraceStep } from '../../src/domain/rules/trace.ts';
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
  compareSets,
  officialBaseline,
  officialListOfCycle,
  rulesets,
  runScenario,
  setOfOfficial,
  setOfRun,
  currentFiscalYear,
  designatedNow,
  districtProfile,
  districtRows,
  importsForAbout,
  studentsServed,
  withheldByYear,
} from '../../src/services/public.service.ts';
import { cached } from './store.server.ts';
import { CSDE_SERVED, OLR_2017_ECS, reconcileQuotedFigures } from '../../src/services/reconciliation.service.ts';

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
    return profile ? { ...profile, plans: await publishedPlans(store.db, code), offRamp: await offRampOf(code, fy) } : null;
  });
}

/**
 * The district's distance to exit under the off-ramp proposal this fiscal year (null when it is
 * not an alliance district, or no rule covers the year): computed once for every district.
 */
async function offRampOf(code: DistrictCode, fy: ReturnType<typeof fiscalYearNow>) {
  const run = await cached(`off-ramp:${fy}`, async (store) => {
    try {
      return await offRampFor(store, fy);
    } catch (e) {
      if (e instanceof DomainError) return null;
      throw e;
    }
  });
  const row = run?.rows.find((r) => r.districtCode === code);
  if (!run || !row) return null;
  const need = (id: string) => row.criteria.find((c) => c.id === id)!;
  return { fiscalYear: run.fiscalYear, law: run.law, dataYears: run.dataYears, exits: row.exits, criteria: row.criteria, allianceCents: row.allianceCents, outOfLowest: need('out-of-lowest'), targetsMet: need('targets-met') };
}


/** A designation run reduced to what the explorer shows (no traces): always labelled a computation. */
export function summarise(run: DesignationRun) {
  return {
    kind: 'computation' as const,
    label: computationLabel(run),
    law: { id: run.ruleset.id, title: run.ruleset.title, status: run.ruleset.status, cycle: run.cycle, act: actName(run.ruleset) },
    dataYear: run.dataYear,
    dataYearSource: run.dataYearSource,
    cutoffIndex: run.result.cutoffIndex,
    selectCount: run.result.selectCount,
    counts: run.result.counts,
    opportunityReadings: run.result.opportunityReadings,
    districts: designationRows(run, { trace: true })
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
        firstDesignatedFiscalYear: d.firstDesignatedFiscalYear,
        belowFloor: floorBelow(d.trace ?? []),
      })),
  };
}

/** An official list as the pages show it: the record, with names, labelled as such. */
export function officialView(official: { list: OfficialDesignation; names: ReadonlyMap<string, string> }) {
  const j = officialJson(official.list, official.names);
  return { kind: j.kind, label: j.description, fiscalYear: j.fiscalYear, cycle: j.cycle, counts: j.counts, trace: j.trace, districts: j.districts };
}

/**
 * Why a rule could not be run on the data there is, and how to bring the data in: the measure and
 * year it needs (for the page to say in its language) and the English message (the API's).
 */
export interface MissingData {
  readonly message: string;
  readonly measure: string | null;
  readonly dataYear: string | null;
  readonly available: readonly string[];
}

function missingOf(e: unknown): MissingData | null {
  if (!(e instanceof DomainError) || e.code !== 'missing_data') return null;
  const info = e.info as { measure?: unknown; dataYear?: unknown; available?: unknown };
  return {
    message: e.message,
    measure: typeof info.measure === 'string' ? info.measure : null,
    dataYear: typeof info.dataYear === 'string' ? info.dataYear : null,
    available: Array.isArray(info.available) ? info.available.map(String) : [],
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

/**
 * The explorer: the official list of the law's cycle (the record), the law applied to a year's
 * data (a computation, labelled), the difference between the two, and optionally a second law
 * on the same data. A law whose data is missing still answers: it says which data it needs and
 * shows the official list.
 */
export async function designationsData(law: string, dataYear: SchoolYear | undefined, compare: string | undefined) {
  return asHttp(() =>
    cached(`designations:${law}:${dataYear ?? ''}:${compare ?? ''}`, async (store) => {
      const info = resolveRuleset({ law }).info;
      const baseline = await officialBaseline(store, info);
      let a: DesignationRun | null = null;
      let missing: MissingData | null = null;
      try {
        a = await runDesignation(store, { law, ...(dataYear ? { dataYear } : {}), record: false });
      } catch (e) {
        missing = missingOf(e);
        if (!missing) throw e;
      }
      const index = a ? new Map(a.result.districts.map((d) => [d.districtCode as string, d.accountabilityIndex])) : new Map<string, number | null>();
      const vsOfficial = a && baseline ? await compareSets(store, setOfOfficial(baseline, index), setOfRun(a)) : null;
      const b = a && compare ? await runDesignation(store, { law: compare, dataYear: a.dataYear, record: false }).catch((e: unknown) => (missingOf(e) ? null : Promise.reject(e))) : null;
      const comparison = a && b ? await compareSets(store, setOfRun(a), setOfRun(b)) : null;
      return {
        info: { id: info.id, title: info.title, status: info.status, act: actName(info) },
        a: a ? summarise(a) : null,
        missing,
        official: baseline ? officialView(baseline) : null,
        vsOfficial,
        b: b ? summarise(b) : null,
        comparison,
        rulesets: rulesets().map((r) => ({ id: r.id, title: r.title, status: r.status })),
      };
    }),
  );
}

export type Baseline = 'official' | 'rerun';

/**
 * The simulator: a scenario applied to a year's data, against a baseline that says what it is —
 * the official list of the base law's cycle (the default) or the base rule applied to the same
 * data. A scenario whose data is missing says which data it needs.
 */
export async function scenarioData(spec: ScenarioSpec, dataYear: SchoolYear | undefined, baseline: Baseline = 'official') {
  return asHttp(() =>
    cached(`scenario:${JSON.stringify(spec)}:${dataYear ?? ''}:${baseline}`, async (store) => {
      const baseId = spec.base ?? 'pa-22-118';
      const official = await officialListOfCycle(store, baseId);
      let run: DesignationRun | null = null;
      let missing: MissingData | null = null;
      try {
        run = await runScenario(store, spec, dataYear);
      } catch (e) {
        missing = missingOf(e);
        if (!missing) throw e;
      }
      if (!run) return { run: null, missing, baseline, official: official ? officialView(official) : null, base: null, comparison: null, trace: [] as TraceStep[] };
      const index = new Map(run.result.districts.map((d) => [d.districtCode as string, d.accountabilityIndex]));
      const rerun = baseline === 'rerun' ? await runDesignation(store, { law: baseId, dataYear: run.dataYear, record: false }).catch(() => null) : null;
      const against = baseline === 'rerun' ? (rerun ? setOfRun(rerun) : null) : official ? setOfOfficial(official, index) : null;
      const comparison = against ? await compareSets(store, against, setOfRun(run, 'scenario')) : null;
      return { run: summarise(run), missing, baseline, official: official ? officialView(official) : null, base: rerun ? summarise(rerun) : null, comparison, trace: run.trace };
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
      quoted: { ...(await reconcileQuotedFigures(store)), ecsQuote: OLR_2017_ECS, servedQuote: CSDE_SERVED },
    };
  });
}
