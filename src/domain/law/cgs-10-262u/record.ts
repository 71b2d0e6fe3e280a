/**
 * The official designation — what the state decided — as distinct from a computation (what a
 * rule gives on some year's data). The record says which districts were first designated in
 * which fiscal year and by which Act; the law in force says which of them a cycle keeps
 * (§ 10-262u(a)(1)(B)). Nothing here ranks anything: an official list is read from the record,
 * never re-derived from today's data.
 */
import type { DistrictCode } from '../../district.ts';
import { formatCitation, type Citation } from '../../rules/citation.ts';
import type { Law } from '../../rules/law.ts';
import { valueAt } from '../../rules/parameter.ts';
import type { TraceStep } from '../../rules/trace.ts';
import { fiscalYear, fiscalYearOf, formatFiscalYear, type FiscalYear, type SchoolYear } from '../../time/fiscal-year.ts';
import { CGS_A1_B } from './citations.ts';
import type { PriorDesignation } from './designation.ts';
import { dataYear as dataYearParam, grandfatherWindow, lowestCount } from './parameters.ts';
import { designatedIn, designationVersionFor, designationVersions, type DesignationVersion } from './index.ts';

/** How a district is on a cycle's official list. */
export type OfficialBasis =
  /** First designated in this cycle (by the cycle's ranking). */
  | 'designated-this-cycle'
  /** Designated in an earlier cycle and kept by the law in force (§ 10-262u(a)(1)(B)). */
  | 'earlier-designee';

export interface OfficialEntry {
  readonly code: DistrictCode;
  readonly firstFiscalYear: FiscalYear;
  /** The Act that first designated it, as the record writes it. */
  readonly act: string;
  readonly basis: OfficialBasis;
  readonly evidence: string | null;
}

/** A cycle of designation: the rule version, its Act and its fiscal years. */
export interface CycleInfo {
  readonly versionId: string;
  readonly title: string;
  readonly citation: string;
  readonly first: FiscalYear;
  readonly last: FiscalYear;
  /** How many the cycle's rule designates by rank. */
  readonly lowestCount: number;
  /** The school year of the data the state ranked on, if the sources record it. */
  readonly dataYear: SchoolYear | null;
  /** Why the data year is (or is not) known. */
  readonly dataYearNote: string | null;
  /** Earlier designees the cycle keeps: designated in these fiscal years. */
  readonly keeps: { readonly first: FiscalYear; readonly last: FiscalYear } | null;
}

/** The official list of alliance districts for a fiscal year: the record, not a computation. */
export interface OfficialDesignation {
  readonly kind: 'record';
  readonly fiscalYear: FiscalYear;
  readonly cycle: CycleInfo;
  readonly entries: readonly OfficialEntry[];
  readonly counts: { readonly designated: number; readonly designatedThisCycle: number; readonly earlierDesignees: number };
  /** How the list follows from the record and the law, step by step. */
  readonly trace: readonly TraceStep[];
}

/** A record entry with its evidence. */
export type RecordEntry = PriorDesignation & { readonly evidence?: string | null };

const RECORD_CITE: Citation = { kind: 'Data', id: 'the designation record', note: 'Which districts were first designated in which fiscal year, by which Act, with the evidence for each (dataset/connecticut, from the sources listed in its NOTICE).' };

/** The cycle a rule version governs. */
export function cycleInfo(law: Law, version: DesignationVersion): CycleInfo {
  const first = fiscalYearOf(version.period.from);
  const last = fiscalYear(fiscalYearOf(version.period.until!) - 1);
  const window = valueAt(law.parameters.get(grandfatherWindow.id) as typeof grandfatherWindow ?? grandfatherWindow, version.period.from).value;
  const dataYear = valueAt(law.parameters.get(dataYearParam.id) as typeof dataYearParam ?? dataYearParam, version.period.from);
  const count = valueAt(law.parameters.get(lowestCount.id) as typeof lowestCount ?? lowestCount, version.period.from).value;
  return {
    versionId: version.id,
    title: version.title,
    citation: formatCitation(version.act),
    first,
    last,
    lowestCount: count,
    dataYear: dataYear.value,
    dataYearNote: dataYear.note ?? null,
    keeps: window,
  };
}

/** Every cycle the law has, oldest first. */
export function cycles(law: Law): CycleInfo[] {
  return designationVersions(law).map((v) => cycleInfo(law, v));
}

/**
 * The official list for a fiscal year, from the record and the law in force that year
 * (NoRuleInForceError when none is: FY2028 on).
 */
export function officialDesignation(law: Law, fy: FiscalYear, record: readonly RecordEntry[]): OfficialDesignation {
  const version = designationVersionFor(law, fy);
  const cycle = cycleInfo(law, version);
  const kept = designatedIn(law, fy, record);
  const evidence = new Map(record.map((r) => [`${r.code}|${r.firstFiscalYear}`, r.evidence ?? null]));
  const entries: OfficialEntry[] = [...kept.values()]
    .map((p) => ({
      code: p.code,
      firstFiscalYear: p.firstFiscalYear,
      act: p.act,
      basis: p.firstFiscalYear >= cycle.first ? ('designated-this-cycle' as const) : ('earlier-designee' as const),
      evidence: evidence.get(`${p.code}|${p.firstFiscalYear}`) ?? null,
    }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const designatedThisCycle = entries.filter((e) => e.basis === 'designated-this-cycle').length;
  const earlierDesignees = entries.length - designatedThisCycle;
  const span = `${formatFiscalYear(cycle.first)}–${formatFiscalYear(cycle.last)}`;
  const trace: TraceStep[] = [
    {
      rule: 'record.cycle',
      text: `${formatFiscalYear(fy)} falls in the ${span} cycle of ${cycle.citation} (${version.title}).`,
      value: version.id,
      cite: version.act,
    },
    {
      rule: 'record.data-year',
      text: cycle.dataYear
        ? `The state ranked districts on ${cycle.dataYear} data for this cycle.`
        : `The sources do not record which year's data the state ranked on for this cycle${cycle.dataYearNote ? ` (${cycle.dataYearNote})` : ''}.`,
      value: cycle.dataYear,
    },
    {
      rule: 'record.list',
      text:
        `The record lists ${entries.length} alliance districts for ${formatFiscalYear(fy)}: ${designatedThisCycle} first designated in this cycle` +
        (cycle.keeps ? ` and ${earlierDesignees} designated earlier and kept as earlier designees (districts designated ${formatFiscalYear(cycle.keeps.first)}–${formatFiscalYear(cycle.keeps.last)}).` : '.'),
      value: entries.length,
      cite: cycle.keeps ? CGS_A1_B : RECORD_CITE,
    },
  ];
  return { kind: 'record', fiscalYear: fy, cycle, entries, counts: { designated: entries.length, designatedThisCycle, earlierDesignees }, trace };
}

/** One district's official status for a fiscal year, explained from the record. */
export interface OfficialStatus {
  readonly fiscalYear: FiscalYear;
  readonly designated: boolean;
  readonly entry: OfficialEntry | null;
  /** The district's first designation on the record, if any (even when not designated this year). */
  readonly firstDesignation: RecordEntry | null;
  readonly steps: readonly TraceStep[];
}

export function officialStatus(law: Law, fy: FiscalYear, code: DistrictCode, name: string, record: readonly RecordEntry[]): OfficialStatus {
  const list = officialDesignation(law, fy, record);
  const mine = record.filter((r) => r.code === code).sort((a, b) => a.firstFiscalYear - b.firstFiscalYear);
  const entry = list.entries.find((e) => e.code === code) ?? null;
  // Explained from the designation that puts it on this list (a district could be on the record twice).
  const first = (entry ? mine.find((r) => r.firstFiscalYear === entry.firstFiscalYear) : undefined) ?? mine[0] ?? null;
  const c = list.cycle;
  const span = `${formatFiscalYear(c.first)}–${formatFiscalYear(c.last)}`;
  // Every step carries its values (inputs) as well as its English sentence, so a page can say it in
  // another language from the data.
  const cycleInputs = { law: c.citation, first: c.first, last: c.last };
  const steps: TraceStep[] = [];
  if (!first) {
    steps.push({ rule: 'record.absent', text: `${name} is not on the record of designations for any cycle since the program began in FY2013.`, value: false, cite: RECORD_CITE });
  } else {
    steps.push({
      rule: 'record.first',
      text: `${name} was first designated an alliance district for ${formatFiscalYear(first.firstFiscalYear)}, under ${first.act}.${first.evidence ? ` (Evidence: ${first.evidence}.)` : ''}`,
      value: first.firstFiscalYear,
      inputs: { fiscalYear: first.firstFiscalYear, act: first.act },
      cite: RECORD_CITE,
    });
    if (entry?.basis === 'earlier-designee' && c.keeps) {
      steps.push({
        rule: 'record.kept',
        text: `${c.citation}, in force for ${span}, keeps every district designated ${formatFiscalYear(c.keeps.first)}–${formatFiscalYear(c.keeps.last)} as an alliance district, whatever its index now; ${name} is one.`,
        value: true,
        inputs: { ...cycleInputs, keepsFirst: c.keeps.first, keepsLast: c.keeps.last },
        cite: CGS_A1_B,
      });
    } else if (entry?.basis === 'designated-this-cycle') {
      steps.push({ rule: 'record.this-cycle', text: `That designation is this cycle's own (${span}, ${c.citation}).`, value: true, inputs: cycleInputs, cite: c.keeps ? CGS_A1_B : RECORD_CITE });
    } else if (first.firstFiscalYear > fy) {
      steps.push({ rule: 'record.later', text: `That is after ${formatFiscalYear(fy)}.`, value: false, inputs: { fiscalYear: fy } });
    } else {
      steps.push({ rule: 'record.not-kept', text: `${c.citation}, in force for ${span}, does not keep districts designated then.`, value: false, inputs: cycleInputs, cite: c.keeps ? CGS_A1_B : RECORD_CITE });
    }
  }
  steps.push({
    rule: 'record.result',
    text: entry ? `Officially: an alliance district for ${formatFiscalYear(fy)}.` : `Officially: not an alliance district for ${formatFiscalYear(fy)}.`,
    value: Boolean(entry),
    inputs: { fiscalYear: fy },
  });
  return { fiscalYear: fy, designated: Boolean(entry), entry, firstDesignation: first, steps };
}
