/**
 * One view model per result, shared by the CLI, the open-data API and the pages: a designation
 * computation (a rule applied to a year's data), the official list (the record), and the ECS
 * withholding split — each as rows with the same fields everywhere, and as a table (the same
 * columns in CSV, Excel and the terminal). A computation says that it is one, in words.
 */
import { formatCitation } from '../domain/rules/citation.ts';
import type { TraceStep } from '../domain/rules/trace.ts';
import type { OfficialDesignation } from '../domain/law/cgs-10-262u/index.ts';
import { formatFiscalYear } from '../domain/time/fiscal-year.ts';
import type { DesignationRun } from './designation.service.ts';
import type { WithholdingRun } from './withholding.service.ts';

export type Cell = string | number | boolean | null;
export interface Table {
  readonly columns: string[];
  readonly rows: Cell[][];
}

interface Column<R> {
  readonly name: string;
  readonly value: (row: R) => Cell;
}

function tableOf<R>(columns: readonly Column<R>[], rows: readonly R[]): Table {
  return { columns: columns.map((c) => c.name), rows: rows.map((r) => columns.map((c) => c.value(r))) };
}

// ---- Designation computations ---------------------------------------------------------------

export interface DesignationRow {
  readonly districtCode: string;
  readonly name: string;
  readonly orgType: string;
  readonly eligible: boolean;
  readonly ineligibleReasons: readonly string[];
  readonly rank: number | null;
  readonly accountabilityIndex: number | null;
  readonly enrollment: number | null;
  /** Selected by the rule on this data (a computation, not the official list). */
  readonly designated: boolean;
  readonly basis: 'rank' | 'grandfathered' | null;
  readonly category: string | null;
  readonly opportunityDistrict: boolean;
  readonly opportunityRank: number | null;
  readonly priorDesignation: { readonly code: string; readonly firstFiscalYear: number; readonly act: string } | null;
  /** The fiscal year the record says the district was first designated, if ever. */
  readonly firstDesignatedFiscalYear: number | null;
  readonly trace?: readonly TraceStep[];
}

/** A law's short name, from its title: "PA 22-118", "2025 Raised Bill 1458". */
export function actName(ruleset: { readonly title: string }): string {
  return ruleset.title.split(':')[0]!.trim();
}

/** What a computation is, in one sentence: "PA 22-118 applied to 2024-25 data — a computation, not the official list." */
export function computationLabel(run: Pick<DesignationRun, 'ruleset' | 'dataYear'>): string {
  return `If ${actName(run.ruleset)} were applied to ${run.dataYear} data — a computation, not the official list of alliance districts.`;
}

/**
 * The size floor a district is now below (CSDE's step 2, failed on the data year), read from its
 * trace; null when it passes, no floor applies or its enrollment is unknown. An earlier designee
 * the law keeps can be below it: "as an earlier designee (now below 1,000 students)".
 */
export function floorBelow(trace: readonly TraceStep[]): number | null {
  const s = trace.find((x) => x.rule === 'eligibility.min-enrollment');
  return s && s.value === false && typeof s.inputs?.minimum === 'number' ? s.inputs.minimum : null;
}

export function designationRows(run: DesignationRun, options: { trace?: boolean } = {}): DesignationRow[] {
  return run.result.districts.map((d) => ({
    districtCode: d.districtCode,
    name: d.name,
    orgType: d.orgType,
    eligible: d.eligible,
    ineligibleReasons: d.ineligibleReasons,
    rank: d.rank,
    accountabilityIndex: d.accountabilityIndex,
    enrollment: d.enrollment,
    designated: d.designated,
    basis: d.basis,
    category: d.category,
    opportunityDistrict: d.opportunityDistrict,
    opportunityRank: d.opportunityRank,
    priorDesignation: d.priorDesignation ? { code: d.priorDesignation.code, firstFiscalYear: d.priorDesignation.firstFiscalYear, act: d.priorDesignation.act } : null,
    firstDesignatedFiscalYear: d.priorDesignation?.firstFiscalYear ?? null,
    ...(options.trace ? { trace: d.trace } : {}),
  }));
}

const DESIGNATION_COLUMNS: readonly Column<DesignationRow>[] = [
  { name: 'districtCode', value: (r) => r.districtCode },
  { name: 'name', value: (r) => r.name },
  { name: 'orgType', value: (r) => r.orgType },
  { name: 'eligible', value: (r) => r.eligible },
  { name: 'ineligibleReasons', value: (r) => r.ineligibleReasons.join(' ') },
  { name: 'rank', value: (r) => r.rank },
  { name: 'accountabilityIndex', value: (r) => r.accountabilityIndex },
  { name: 'enrollment', value: (r) => r.enrollment },
  { name: 'designated', value: (r) => r.designated },
  { name: 'basis', value: (r) => r.basis },
  { name: 'category', value: (r) => r.category },
  { name: 'opportunityDistrict', value: (r) => r.opportunityDistrict },
  { name: 'opportunityRank', value: (r) => r.opportunityRank },
  { name: 'firstDesignatedFiscalYear', value: (r) => r.firstDesignatedFiscalYear },
];

export function designationTable(rows: readonly DesignationRow[]): Table {
  return tableOf(DESIGNATION_COLUMNS, rows);
}

/** The law a run applied, as data. */
export function lawOfRun(run: DesignationRun) {
  return {
    id: run.ruleset.id,
    title: run.ruleset.title,
    status: run.ruleset.status,
    citation: formatCitation(run.ruleset.cite),
    cite: run.ruleset.cite,
    versionId: run.versionId,
    lawDate: run.lawDate,
    fiscalYears: { first: run.cycle.first, last: run.cycle.last },
    ...(run.ruleset.base ? { base: run.ruleset.base } : {}),
  };
}

/** A designation computation as JSON: the same for `alliance designate --format json` and /api/v1/designations. */
export function designationJson(run: DesignationRun, options: { trace?: boolean } = {}) {
  return {
    kind: 'computation' as const,
    description: computationLabel(run),
    law: lawOfRun(run),
    dataYear: run.dataYear,
    dataYearSource: run.dataYearSource,
    indexMeasure: run.result.indexMeasure,
    selection: run.result.selection,
    cutoffIndex: run.result.cutoffIndex,
    options: run.result.options,
    opportunityReadings: run.result.opportunityReadings,
    counts: run.result.counts,
    runId: run.runId,
    inputsSha256: run.inputsSha256,
    trace: run.trace,
    districts: designationRows(run, options),
  };
}

// ---- The official list (the record) ---------------------------------------------------------

export interface OfficialRow {
  readonly districtCode: string;
  readonly name: string;
  readonly firstDesignatedFiscalYear: number;
  readonly act: string;
  /** designated-this-cycle | earlier-designee */
  readonly basis: string;
  readonly evidence: string | null;
}

export function officialRows(list: OfficialDesignation, names: ReadonlyMap<string, string>): OfficialRow[] {
  return list.entries.map((e) => ({ districtCode: e.code, name: names.get(e.code) ?? e.code, firstDesignatedFiscalYear: e.firstFiscalYear, act: e.act, basis: e.basis, evidence: e.evidence }));
}

const OFFICIAL_COLUMNS: readonly Column<OfficialRow>[] = [
  { name: 'districtCode', value: (r) => r.districtCode },
  { name: 'name', value: (r) => r.name },
  { name: 'firstDesignatedFiscalYear', value: (r) => r.firstDesignatedFiscalYear },
  { name: 'act', value: (r) => r.act },
  { name: 'basis', value: (r) => r.basis },
  { name: 'evidence', value: (r) => r.evidence },
];

export function officialTable(rows: readonly OfficialRow[]): Table {
  return tableOf(OFFICIAL_COLUMNS, rows);
}

export function officialJson(list: OfficialDesignation, names: ReadonlyMap<string, string>) {
  return {
    kind: 'record' as const,
    description: `The official list of alliance districts for ${formatFiscalYear(list.fiscalYear)}, from the record of designations and the law in force (${list.cycle.citation}).`,
    fiscalYear: list.fiscalYear,
    cycle: list.cycle,
    counts: list.counts,
    trace: list.trace,
    districts: officialRows(list, names),
  };
}

// ---- ECS withholding -----------------------------------------------------------------------

export interface WithholdingRow {
  readonly town: string;
  readonly townCode: number;
  readonly districtCode: string;
  readonly designated: boolean;
  readonly firstDesignatedFiscalYear: number | null;
  readonly entitlementCents: number;
  readonly baseFiscalYear: number | null;
  readonly baseCents: number | null;
  readonly allianceCents: number;
  readonly educationDiversityCents: number;
  readonly nonAllianceCents: number;
  /** CSDE's published alliance portion, where CSDE published a split for the year. */
  readonly publishedAllianceCents: number | null;
  readonly trace?: readonly TraceStep[];
}

export function withholdingRows(run: WithholdingRun, options: { trace?: boolean } = {}): WithholdingRow[] {
  return run.result.towns.map((t) => ({
    town: t.town,
    townCode: t.townCode,
    districtCode: t.districtCode,
    designated: t.designated,
    firstDesignatedFiscalYear: t.firstDesignatedFiscalYear,
    entitlementCents: t.entitlementCents,
    baseFiscalYear: t.baseFiscalYear,
    baseCents: t.baseCents,
    allianceCents: t.allianceCents,
    educationDiversityCents: t.educationDiversityCents,
    nonAllianceCents: t.nonAllianceCents,
    publishedAllianceCents: run.published.get(t.townCode)?.allianceCents ?? null,
    ...(options.trace ? { trace: t.trace } : {}),
  }));
}

const WITHHOLDING_COLUMNS: readonly Column<WithholdingRow>[] = [
  { name: 'town', value: (r) => r.town },
  { name: 'townCode', value: (r) => r.townCode },
  { name: 'districtCode', value: (r) => r.districtCode },
  { name: 'designated', value: (r) => r.designated },
  { name: 'firstDesignatedFiscalYear', value: (r) => r.firstDesignatedFiscalYear },
  { name: 'entitlementCents', value: (r) => r.entitlementCents },
  { name: 'baseFiscalYear', value: (r) => r.baseFiscalYear },
  { name: 'baseCents', value: (r) => r.baseCents },
  { name: 'allianceCents', value: (r) => r.allianceCents },
  { name: 'educationDiversityCents', value: (r) => r.educationDiversityCents },
  { name: 'nonAllianceCents', value: (r) => r.nonAllianceCents },
  { name: 'publishedAllianceCents', value: (r) => r.publishedAllianceCents },
];

export function withholdingTable(rows: readonly WithholdingRow[]): Table {
  return tableOf(WITHHOLDING_COLUMNS, rows);
}

/** The split as JSON: the same for `alliance withholding --format json` and /api/v1/withholding. */
export function withholdingJson(run: WithholdingRun, options: { trace?: boolean } = {}) {
  return {
    fiscalYear: run.fiscalYear,
    law: { id: run.versionId, title: run.versionTitle },
    published: run.published.size > 0,
    totals: run.result.totals,
    trace: run.result.trace,
    towns: withholdingRows(run, options),
  };
}
