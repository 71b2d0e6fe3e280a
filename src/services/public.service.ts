/**
 * What the public site and the open-data API show, assembled from the rules and the data:
 * who is designated now and why, the districts with their figures, each district's profile,
 * the designation explorer with comparisons, what-if scenarios and their fiscal effect.
 * Everything here is plain data (no React); the web pages and the API render it.
 */
import type { Store } from '../data/database.ts';
import { listDesignations, type DesignationRecord } from '../data/designation.repository.ts';
import { getDistrict, listDistricts, listTowns, type District } from '../data/district.repository.ts';
import { listEcsGrants } from '../data/ecs.repository.ts';
import { listImports } from '../data/import-log.repository.ts';
import { measureForYear, measuresOfDistrict, yearsWithMeasure } from '../data/measure.repository.ts';
import { accountabilityOf, STATE_CODE } from '../data/accountability.repository.ts';
import { areaScores, type AreaScore } from '../domain/ngas.ts';
import type { DistrictCode } from '../domain/district.ts';
import { NoRuleInForceError } from '../domain/errors.ts';
import { listRulesets, type RulesetInfo } from '../domain/law/catalog.ts';
import {
  connecticut,
  cycleInfo,
  designationVersionFor,
  designationVersions,
  officialDesignation,
  officialStatus,
  type CycleInfo,
  type OfficialBasis,
  type OfficialDesignation,
  type RecordEntry,
  WITHHOLDING,
  type DesignationResult,
  type DistrictDesignation,
  type PriorDesignation,
  type TownGrants,
  type WithholdingInput,
  type WithholdingResult,
} from '../domain/law/cgs-10-262u/index.ts';
import type { ScenarioSpec } from '../domain/law/proposals/index.ts';
import type { Cents } from '../domain/money/cents.ts';
import { evaluate, type Law } from '../domain/rules/law.ts';
import type { TraceStep } from '../domain/rules/trace.ts';
import { fiscalYearOf, fiscalYearStart, type FiscalYear, type IsoDate, type SchoolYear } from '../domain/time/fiscal-year.ts';
import { runDesignation, type DesignationRun } from './designation.service.ts';
import { runWithholding } from './withholding.service.ts';
import { actName, computationLabel, floorBelow } from './result-views.ts';

/** The fiscal year a date falls in (today by default). */
export function currentFiscalYear(now: Date = new Date()): FiscalYear {
  return fiscalYearOf(now.toISOString().slice(0, 10) as IsoDate);
}

/** The record of designations, as the domain reads it (with the evidence for each). */
function toRecord(rows: readonly DesignationRecord[]): RecordEntry[] {
  return rows.map((r) => ({ code: r.districtCode, firstFiscalYear: r.firstFiscalYear, act: r.act, evidence: r.evidence }));
}

/** The official list for a fiscal year with the districts' names; null when no Act designates for it. */
export async function officialList(store: Store, fy: FiscalYear, known?: readonly District[]): Promise<{ list: OfficialDesignation; names: Map<string, string> } | null> {
  const [record, districts] = await Promise.all([listDesignations(store.db), known ?? listDistricts(store.db)]);
  const names = new Map(districts.map((d) => [d.code as string, d.name]));
  try {
    return { list: officialDesignation(connecticut, fy, toRecord(record)), names };
  } catch (e) {
    if (e instanceof NoRuleInForceError) return null;
    throw e;
  }
}

/** The official list of the cycle an enacted rule version governs (its first fiscal year's). */
export async function officialListOfCycle(store: Store, versionId: string): Promise<{ list: OfficialDesignation; names: Map<string, string> } | null> {
  const version = designationVersions(connecticut).find((v) => v.id === versionId);
  return version ? officialList(store, fiscalYearOf(version.period.from)) : null;
}

export interface DesignatedNow {
  readonly fiscalYear: FiscalYear;
  /** The enacted rule in force, or null when none is (FY2028 on). */
  readonly law: { readonly id: string; readonly title: string; readonly citation: string } | null;
  readonly districts: readonly { code: DistrictCode; name: string; townCode: number | null; firstFiscalYear: FiscalYear; act: string }[];
  readonly cohorts: readonly { firstFiscalYear: FiscalYear; act: string; count: number }[];
}

/** The official status for a fiscal year: the official list (the record and the law in force). */
export async function designatedNow(store: Store, fy: FiscalYear): Promise<DesignatedNow> {
  const districts = await listDistricts(store.db);
  const official = await officialList(store, fy, districts);
  const byCode = new Map(districts.map((d) => [d.code, d]));
  const law: DesignatedNow['law'] = official ? { id: official.list.cycle.versionId, title: official.list.cycle.title, citation: official.list.cycle.citation } : null;
  const list = (official?.list.entries ?? [])
    .map((p) => ({ code: p.code, name: byCode.get(p.code)?.name ?? p.code, townCode: byCode.get(p.code)?.townCode ?? null, firstFiscalYear: p.firstFiscalYear, act: p.act }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const cohorts = new Map<string, { firstFiscalYear: FiscalYear; act: string; count: number }>();
  for (const d of list) {
    const key = `${d.firstFiscalYear}|${d.act}`;
    const c = cohorts.get(key) ?? { firstFiscalYear: d.firstFiscalYear, act: d.act, count: 0 };
    c.count++;
    cohorts.set(key, c);
  }
  return { fiscalYear: fy, law, districts: list, cohorts: [...cohorts.values()].sort((a, b) => a.firstFiscalYear - b.firstFiscalYear) };
}


export interface StudentsServed {
  readonly schoolYear: SchoolYear;
  readonly students: number;
  readonly total: number;
  readonly share: number;
}

/** Students in the designated districts against all Connecticut public school districts, in the latest year with enrollment. */
export async function studentsServed(store: Store, designated: readonly DistrictCode[]): Promise<StudentsServed | null> {
  const years = await yearsWithMeasure(store.db, 'enrollment');
  for (const year of years) {
    const enrollment = await measureForYear(store.db, 'enrollment', year);
    if (enrollment.size < 100) continue;
    const total = [...enrollment.values()].reduce((a, b) => a + b, 0);
    const students = designated.reduce((a, code) => a + (enrollment.get(code) ?? 0), 0);
    return { schoolYear: year, students, total, share: total ? students / total : 0 };
  }
  return null;
}

export interface WithheldYear {
  readonly fiscalYear: FiscalYear;
  readonly allianceCents: Cents;
  readonly designatedTowns: number;
  /** Whether CSDE published a split for the year (and it matched). */
  readonly published: boolean;
}

/** Total withheld for alliance plans in each fiscal year the law and the data cover. */
export async function withheldByYear(store: Store): Promise<WithheldYear[]> {
  const years = [...new Set((await listEcsGrants(store.db)).map((g) => g.fiscalYear))].sort((a, b) => a - b);
  const out: WithheldYear[] = [];
  for (const fy of years) {
    try {
      const run = await runWithholding(store, fy);
      out.push({ fiscalYear: fy, allianceCents: run.result.totals.allianceCents, designatedTowns: run.result.totals.designatedTowns, published: run.published.size > 0 });
    } catch (e) {
      if (!(e instanceof NoRuleInForceError)) throw e;
    }
  }
  return out;
}

/** The latest school year with an accountability index, if any. */
export async function latestIndexYear(store: Store): Promise<SchoolYear | null> {
  return (await yearsWithMeasure(store.db, 'accountability_index'))[0] ?? null;
}

export interface DistrictRow {
  readonly code: DistrictCode;
  readonly name: string;
  readonly orgType: string;
  readonly townCode: number | null;
  readonly index: number | null;
  readonly indexYear: SchoolYear | null;
  /** Rank among eligible districts when the law in force is applied to the latest data. */
  readonly rank: number | null;
  readonly enrollment: number | null;
  readonly enrollmentYear: SchoolYear | null;
  readonly alliance: boolean;
  readonly firstFiscalYear: FiscalYear | null;
  readonly withheldCents: Cents | null;
}

/** Every district with data now (or on the designation record), with its figures. */
export async function districtRows(store: Store, fy: FiscalYear): Promise<DistrictRow[]> {
  const [districts, now, indexYear, enrollYears, record] = await Promise.all([
    listDistricts(store.db),
    designatedNow(store, fy),
    latestIndexYear(store),
    yearsWithMeasure(store.db, 'enrollment'),
    listDesignations(store.db),
  ]);
  const enrollmentYear = enrollYears[0] ?? null;
  const [index, enrollment] = await Promise.all([
    indexYear ? measureForYear(store.db, 'accountability_index', indexYear) : new Map<DistrictCode, number>(),
    enrollmentYear ? measureForYear(store.db, 'enrollment', enrollmentYear) : new Map<DistrictCode, number>(),
  ]);
  const ranks = new Map<DistrictCode, number>();
  const rerun = await rerunInForce(store);
  if (rerun) for (const d of rerun.result.districts) if (d.rank !== null) ranks.set(d.districtCode, d.rank);
  const withheld = new Map<DistrictCode, Cents>();
  try {
    const w = await runWithholding(store, fy);
    for (const t of w.result.towns) withheld.set(t.districtCode, t.allianceCents);
  } catch (e) {
    if (!(e instanceof NoRuleInForceError) && (e as { code?: string }).code !== 'missing_data') throw e;
  }
  const designated = new Map(now.districts.map((d) => [d.code, d]));
  const first = new Map<DistrictCode, FiscalYear>();
  for (const r of record) if (!first.has(r.districtCode) || r.firstFiscalYear < first.get(r.districtCode)!) first.set(r.districtCode, r.firstFiscalYear);
  return districts
    .filter((d) => index.has(d.code) || enrollment.has(d.code) || first.has(d.code))
    .map((d) => ({
      code: d.code,
      name: d.name,
      orgType: d.orgType,
      townCode: d.townCode,
      index: index.get(d.code) ?? null,
      indexYear: index.has(d.code) ? indexYear : null,
      rank: ranks.get(d.code) ?? null,
      enrollment: enrollment.get(d.code) ?? null,
      enrollmentYear: enrollment.has(d.code) ? enrollmentYear : null,
      alliance: designated.has(d.code),
      firstFiscalYear: first.get(d.code) ?? null,
      withheldCents: withheld.get(d.code) ?? null,
    }));
}

/**
 * The rule in force applied to the latest data (a re-run, not the official designation): the
 * last enacted version if the current year has none.
 */
export async function rerunInForce(store: Store): Promise<DesignationRun | null> {
  const versions = designationVersions(connecticut);
  const fy = currentFiscalYear();
  const version = versions.find((v) => fiscalYearStart(fy) >= v.period.from && (v.period.until === null || fiscalYearStart(fy) < v.period.until)) ?? versions.at(-1)!;
  try {
    return await runDesignation(store, { law: version.id, record: false });
  } catch (e) {
    if ((e as { code?: string }).code === 'missing_data') return null;
    throw e;
  }
}

export interface CycleRow {
  readonly versionId: string;
  readonly title: string;
  readonly citation: string;
  readonly first: FiscalYear;
  readonly last: FiscalYear;
  readonly designated: boolean;
  /** "first designated" | "kept as an earlier designee" | "not designated" */
  readonly how: 'first' | 'kept' | 'no';
}

export interface DistrictProfile {
  readonly district: District;
  readonly fiscalYear: FiscalYear;
  /** Officially an alliance district this fiscal year (the record), not a computation. */
  readonly alliance: boolean;
  readonly firstDesignation: { firstFiscalYear: FiscalYear; act: string; evidence: string | null } | null;
  /** The official status explained from the record: which cycle designated it and the rule that keeps it. */
  readonly official: { readonly kind: 'record'; readonly designated: boolean; readonly basis: OfficialBasis | null; readonly cycle: CycleInfo | null; readonly steps: readonly TraceStep[] };
  readonly cycles: readonly CycleRow[];
  /**
   * What the rule in force gives on the latest data — a computation, never the official status:
   * "If PA 22-118 were applied to 2024-25 data …".
   */
  readonly computation: {
    readonly kind: 'computation';
    readonly lawId: string;
    readonly law: string;
    /** The Act's short name, e.g. "PA 22-118". */
    readonly act: string;
    readonly dataYear: SchoolYear;
    readonly label: string;
    readonly result: Pick<DistrictDesignation, 'eligible' | 'ineligibleReasons' | 'rank' | 'accountabilityIndex' | 'enrollment' | 'designated' | 'basis' | 'opportunityDistrict' | 'opportunityRank'>;
    /** The size floor the district is below on this data (an earlier designee kept anyway), or null. */
    readonly belowFloor: number | null;
    /** The computation and the record disagree for this district. */
    readonly differsFromRecord: boolean;
    readonly trace: readonly TraceStep[];
    readonly lawTrace: readonly TraceStep[];
    readonly cutoffIndex: number | null;
    readonly medianIndex: number | null;
    readonly opportunityReadings: DesignationResult['opportunityReadings'];
  } | null;
  readonly measures: Readonly<Record<string, readonly { schoolYear: SchoolYear; value: number }[]>>;
  readonly indicators: readonly { schoolYear: SchoolYear; index: number | null; points: number | null; possible: number | null; indicators: Readonly<Record<string, number | string | null>> }[];
  readonly money: readonly { fiscalYear: FiscalYear; entitlementCents: Cents; allianceCents: Cents; baseFiscalYear: FiscalYear | null; published: boolean }[];
  /** Points earned over points possible by area, for the latest year with indicator detail, beside the state's. */
  readonly areas: { readonly schoolYear: SchoolYear; readonly district: readonly AreaScore[]; readonly state: readonly AreaScore[] | null } | null;
}

/** Everything the district page shows; null if there is no such district. */
export async function districtProfile(store: Store, code: DistrictCode, fy: FiscalYear): Promise<DistrictProfile | null> {
  const district = await getDistrict(store.db, code);
  if (!district) return null;
  const allRecords = await listDesignations(store.db);
  const record = allRecords.filter((r) => r.districtCode === code).sort((a, b) => a.firstFiscalYear - b.firstFiscalYear);
  const entries = toRecord(allRecords);
  let official: DistrictProfile['official'];
  try {
    const s = officialStatus(connecticut, fy, code, district.name, entries);
    official = { kind: 'record', designated: s.designated, basis: s.entry?.basis ?? null, cycle: cycleInfo(connecticut, designationVersionFor(connecticut, fy)), steps: s.steps };
  } catch (e) {
    if (!(e instanceof NoRuleInForceError)) throw e;
    official = { kind: 'record', designated: false, basis: null, cycle: null, steps: [{ rule: 'record.no-rule', text: `No Act designates alliance districts for FY${fy}, so no district is one officially.`, value: false, inputs: { fiscalYear: fy } }] };
  }
  // Each cycle's official list, read from the record: first designated then, kept, or neither.
  const cycles: CycleRow[] = designationVersions(connecticut).map((v) => {
    const c = cycleInfo(connecticut, v);
    const on = officialDesignation(connecticut, c.first, entries).entries.find((e) => e.code === code) ?? officialDesignation(connecticut, c.last, entries).entries.find((e) => e.code === code);
    return { versionId: v.id, title: v.title, citation: c.citation, first: c.first, last: c.last, designated: Boolean(on), how: !on ? 'no' : on.basis === 'designated-this-cycle' ? 'first' : 'kept' };
  });
  const rerun = await rerunInForce(store);
  const mine = rerun?.result.districts.find((d) => d.districtCode === code);
  const localIndices = rerun?.result.districts.filter((d) => (d.orgType === 'local' || d.orgType === 'regional') && d.accountabilityIndex !== null).map((d) => d.accountabilityIndex!) ?? [];
  const measures: Record<string, { schoolYear: SchoolYear; value: number }[]> = {};
  for (const m of await measuresOfDistrict(store.db, code)) (measures[m.measure] ??= []).push({ schoolYear: m.schoolYear, value: m.value });
  const indicators = (await accountabilityOf(store.db, code)).map((a) => ({
    schoolYear: a.schoolYear,
    index: a.accountabilityIndex,
    points: a.totalPoints,
    possible: a.totalPossiblePoints,
    indicators: a.indicators,
  }));
  const latestDetail = indicators.filter((r) => Object.keys(r.indicators).length > 0).at(-1);
  let areas: DistrictProfile['areas'] = null;
  if (latestDetail) {
    const stateRow = (await accountabilityOf(store.db, STATE_CODE)).find((r) => r.schoolYear === latestDetail.schoolYear);
    areas = { schoolYear: latestDetail.schoolYear, district: areaScores(latestDetail.indicators), state: stateRow ? areaScores(stateRow.indicators) : null };
  }
  const money: DistrictProfile['money'][number][] = [];
  if (district.townCode !== null) {
    for (const w of await withholdingSeries(store)) {
      const t = w.towns.get(district.townCode);
      if (t) money.push({ fiscalYear: w.fiscalYear, entitlementCents: t.entitlementCents, allianceCents: t.allianceCents, baseFiscalYear: t.baseFiscalYear, published: w.published });
    }
  }
  return {
    district,
    fiscalYear: fy,
    alliance: official.designated,
    firstDesignation: record[0] ? { firstFiscalYear: record[0].firstFiscalYear, act: record[0].act, evidence: record[0].evidence } : null,
    official,
    cycles,
    computation:
      rerun && mine
        ? {
            kind: 'computation',
            lawId: rerun.ruleset.id,
            law: rerun.ruleset.title,
            act: actName(rerun.ruleset),
            dataYear: rerun.dataYear,
            label: computationLabel(rerun),
            result: {
              eligible: mine.eligible,
              ineligibleReasons: mine.ineligibleReasons,
              rank: mine.rank,
              accountabilityIndex: mine.accountabilityIndex,
              enrollment: mine.enrollment,
              designated: mine.designated,
              basis: mine.basis,
              opportunityDistrict: mine.opportunityDistrict,
              opportunityRank: mine.opportunityRank,
            },
            belowFloor: floorBelow(mine.trace),
            differsFromRecord: mine.designated !== official.designated,
            trace: mine.trace,
            lawTrace: rerun.trace,
            cutoffIndex: rerun.result.cutoffIndex,
            medianIndex: median(localIndices),
            opportunityReadings: rerun.result.opportunityReadings,
          }
        : null,
    measures,
    indicators,
    money,
    areas,
  };
}

function median(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Every fiscal year's split, by town (for the district pages' money charts). */
export async function withholdingSeries(store: Store): Promise<{ fiscalYear: FiscalYear; published: boolean; towns: Map<number, WithholdingResult['towns'][number]> }[]> {
  const years = [...new Set((await listEcsGrants(store.db)).map((g) => g.fiscalYear))].sort((a, b) => a - b);
  const out = [];
  for (const fy of years) {
    try {
      const run = await runWithholding(store, fy);
      out.push({ fiscalYear: fy, published: run.published.size > 0, towns: new Map(run.result.towns.map((t) => [t.townCode, t])) });
    } catch (e) {
      if (!(e instanceof NoRuleInForceError)) throw e;
    }
  }
  return out;
}

/** What a set of designated districts is, as data (each page words it in its language). */
export type SetDescription =
  | { readonly kind: 'record'; readonly first: FiscalYear; readonly last: FiscalYear; readonly law: string }
  | { readonly kind: 'computation'; readonly act: string; readonly dataYear: SchoolYear }
  | { readonly kind: 'scenario'; readonly act: string; readonly dataYear: SchoolYear };

/** The description in English (the API and the CLI); pages word it in their own language. */
export function describeSet(d: SetDescription): string {
  return d.kind === 'record' ? `the official list for FY${d.first}–FY${d.last} (${d.law})` : d.kind === 'scenario' ? 'the scenario' : `${d.act} applied to ${d.dataYear} data`;
}

/** A set of designated districts to compare: an official list (the record) or a computation's selection. */
export interface DesignatedSet {
  readonly describe: SetDescription;
  readonly entries: ReadonlyMap<DistrictCode, { readonly name: string; readonly index: number | null; readonly prior: PriorDesignation }>;
  /** The withholding law its money is measured with. */
  readonly law: Law;
}

/** The districts a computation selects (new ones start with the rule's cycle; earlier designees keep their first year). */
export function setOfRun(run: Pick<DesignationRun, 'result' | 'law' | 'ruleset' | 'dataYear'>, kind: 'computation' | 'scenario' = 'computation'): DesignatedSet {
  const entries = new Map<DistrictCode, { name: string; index: number | null; prior: PriorDesignation }>();
  for (const d of run.result.districts) {
    if (!d.designated) continue;
    entries.set(d.districtCode, { name: d.name, index: d.accountabilityIndex, prior: d.priorDesignation ?? { code: d.districtCode, firstFiscalYear: run.result.fiscalYear, act: 'this rule' } });
  }
  return { describe: { kind, act: actName(run.ruleset), dataYear: run.dataYear }, entries, law: run.law };
}

/** The districts of an official list, with the index of a data year beside them (for the comparison's lists). */
export function setOfOfficial(official: { list: OfficialDesignation; names: ReadonlyMap<string, string> }, index: ReadonlyMap<string, number | null> = new Map()): DesignatedSet {
  const c = official.list.cycle;
  const entries = new Map<DistrictCode, { name: string; index: number | null; prior: PriorDesignation }>();
  for (const e of official.list.entries) entries.set(e.code, { name: official.names.get(e.code) ?? e.code, index: index.get(e.code) ?? null, prior: { code: e.code, firstFiscalYear: e.firstFiscalYear, act: e.act } });
  return { describe: { kind: 'record', first: c.first, last: c.last, law: c.citation }, entries, law: connecticut };
}

type Grants = { towns: Awaited<ReturnType<typeof listTowns>>; grants: Awaited<ReturnType<typeof listEcsGrants>> };

/** What a set of designations would withhold in a fiscal year: the withholding rule applied to them. */
function fiscalEffectOf({ towns, grants }: Grants, designated: ReadonlyMap<DistrictCode, PriorDesignation>, fy: FiscalYear, law: Law): Cents {
  const byTown = new Map<number, TownGrants & { entitlements: Map<FiscalYear, Cents>; educationDiversity: Map<FiscalYear, Cents> }>();
  for (const t of towns) byTown.set(t.code, { townCode: t.code, town: t.name, districtCode: `${String(t.code).padStart(3, '0')}0011` as DistrictCode, entitlements: new Map(), educationDiversity: new Map() });
  for (const g of grants) {
    const t = byTown.get(g.townCode);
    if (!t) continue;
    t.entitlements.set(g.fiscalYear, g.entitlementCents);
    if (g.published?.educationDiversityCents != null) t.educationDiversity.set(g.fiscalYear, g.published.educationDiversityCents);
  }
  const input: WithholdingInput = { towns: [...byTown.values()].filter((t) => t.entitlements.has(fy)), designated: new Map(designated) };
  return evaluate<WithholdingInput, WithholdingResult>(law, WITHHOLDING, fiscalYearStart(fy), input).value.totals.allianceCents;
}

/** The latest fiscal year a withholding rule covers among the years with ECS entitlements. */
function latestEffectYearOf(grants: Grants['grants']): FiscalYear | null {
  const years = [...new Set(grants.map((g) => g.fiscalYear))].sort((a, b) => b - a);
  return years.find((y) => y >= 2013 && y <= 2027) ?? null;
}

export interface Comparison {
  /** What each side is: the baseline (a) and the other (b) — a record, a computation or the scenario. */
  readonly a: { readonly describe: SetDescription; readonly label: string; readonly count: number };
  readonly b: { readonly describe: SetDescription; readonly label: string; readonly count: number };
  readonly enter: readonly { code: DistrictCode; name: string; index: number | null }[];
  readonly leave: readonly { code: DistrictCode; name: string; index: number | null }[];
  readonly fiscal: { fiscalYear: FiscalYear; aCents: Cents; bCents: Cents } | null;
}

/**
 * Who enters and leaves going from set A (the baseline) to set B, and the change in withheld
 * funds, measured on the latest entitlements the enacted withholding rule covers (FY2027 at most).
 */
export async function compareSets(store: Store, a: DesignatedSet, b: DesignatedSet): Promise<Comparison> {
  const pick = (from: DesignatedSet, not: DesignatedSet) =>
    [...from.entries].filter(([code]) => !not.entries.has(code)).map(([code, e]) => ({ code, name: e.name, index: e.index })).sort((x, y) => (x.index ?? Infinity) - (y.index ?? Infinity) || x.name.localeCompare(y.name));
  const [towns, grants] = await Promise.all([listTowns(store.db), listEcsGrants(store.db)]);
  const fy = latestEffectYearOf(grants);
  const money = (set: DesignatedSet, year: FiscalYear) => fiscalEffectOf({ towns, grants }, new Map([...set.entries].map(([k, v]) => [k, v.prior])), year, set.law);
  const side = (set: DesignatedSet) => ({ describe: set.describe, label: describeSet(set.describe), count: set.entries.size });
  return { a: side(a), b: side(b), enter: pick(b, a), leave: pick(a, b), fiscal: fy ? { fiscalYear: fy, aCents: money(a, fy), bCents: money(b, fy) } : null };
}

/**
 * The official list a law is measured against: for an enacted rule, its own cycle's list; for a
 * proposal or scenario, the list of the cycle it would replace (its base's), or — when no Act
 * designates for its years — the last official list there is.
 */
export async function officialBaseline(store: Store, law: { readonly status: string; readonly id: string; readonly base?: string }): Promise<{ list: OfficialDesignation; names: Map<string, string> } | null> {
  if (law.status === 'enacted') return officialListOfCycle(store, law.id);
  const base = law.base ?? designationVersions(connecticut).at(-1)!.id;
  return (await officialListOfCycle(store, base)) ?? officialListOfCycle(store, designationVersions(connecticut).at(-1)!.id);
}

/** The enacted rules and proposals, for pickers. */
export function rulesets(): RulesetInfo[] {
  return listRulesets(connecticut);
}

export async function runScenario(store: Store, spec: ScenarioSpec, dataYear?: SchoolYear): Promise<DesignationRun> {
  return runDesignation(store, { scenario: spec, ...(dataYear ? { dataYear } : {}), record: false });
}

export async function importsForAbout(store: Store) {
  return listImports(store.db);
}
