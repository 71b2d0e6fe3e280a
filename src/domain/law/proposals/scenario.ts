/**
 * A what-if scenario: a few plain changes to the designation law, applied as a pure
 * transformation of the baseline (`withOverrides`). Proposals in this folder and scenarios a
 * user writes (a file for `alliance designate --scenario`, the simulator's URL) share the shape.
 */
import { DomainError } from '../../errors.ts';
import { formatCitation, type Citation } from '../../rules/citation.ts';
import { versionById, versionsOf, withOverrides, type Law, type Overrides, type RuleVersion } from '../../rules/law.ts';
import { fiscalYearEnd, fiscalYearStart, type FiscalYear } from '../../time/fiscal-year.ts';
import { formatPeriod, overlaps, period } from '../../time/period.ts';
import { DESIGNATION, WITHHOLDING } from '../cgs-10-262u/index.ts';
import {
  categoryNames,
  exitAfterYears,
  grandfatherWindow,
  lowestCount,
  minEnrollment,
  opportunityCount,
  selection,
  type CategoryNames,
  type GrandfatherWindow,
  type Selection,
} from '../cgs-10-262u/parameters.ts';

export interface ScenarioSpec {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  /** The enacted version the scenario changes: "pa-22-118" (the default). */
  readonly base?: string;
  readonly cite?: Citation;
  /** The N of "N lowest". */
  readonly lowestCount?: number;
  /** Select by a score or percentile threshold instead of a count. */
  readonly selection?: Selection;
  /** Minimum enrollment; null removes the size floor. */
  readonly minEnrollment?: number | null;
  /** false: no earlier designees are kept; a window keeps designees from those years. */
  readonly grandfathering?: boolean | { readonly first: number; readonly last: number };
  /** Earlier designees leave after this many consecutive years above the cutoff. */
  readonly exitAfterYears?: number | null;
  readonly opportunityCount?: number;
  readonly categoryNames?: CategoryNames;
  /** Named readings of the law's ambiguities: { ties: 'exclude-all' }. */
  readonly options?: Readonly<Record<string, string>>;
  /**
   * Apply the scenario to fiscal years no Act covers yet (e.g. FY2028-FY2032): the base
   * version's procedure is extended to these years, with the scenario's changes.
   */
  readonly fiscalYears?: { readonly first: number; readonly last: number };
}

function check(cond: boolean, field: string, message: string): void {
  if (!cond) throw new DomainError('invalid_scenario', `Scenario field "${field}": ${message}`, { field });
}

/** Checks the values make sense (the shape is checked at the edge, with zod). */
export function validateScenario(spec: ScenarioSpec): void {
  check(/^[a-z0-9][a-z0-9-]{0,62}$/.test(spec.id), 'id', 'use lowercase letters, digits and hyphens (e.g. "count-20")');
  if (spec.lowestCount !== undefined) check(Number.isInteger(spec.lowestCount) && spec.lowestCount >= 0 && spec.lowestCount <= 100000, 'lowestCount', 'a whole number of districts, 0 or more');
  if (spec.minEnrollment !== undefined && spec.minEnrollment !== null) {
    check(Number.isFinite(spec.minEnrollment) && spec.minEnrollment >= 0, 'minEnrollment', 'a number of students, 0 or more, or null for no floor');
  }
  if (spec.selection?.kind === 'percentile') {
    check(spec.selection.percent > 0 && spec.selection.percent <= 100, 'selection.percent', 'a percentage above 0 and at most 100');
  }
  if (spec.selection?.kind === 'score') check(Number.isFinite(spec.selection.atOrBelow), 'selection.atOrBelow', 'an index score');
  if (spec.exitAfterYears !== undefined && spec.exitAfterYears !== null) {
    check(Number.isInteger(spec.exitAfterYears) && spec.exitAfterYears >= 1 && spec.exitAfterYears <= 20, 'exitAfterYears', 'a whole number of years from 1 to 20');
  }
  if (spec.opportunityCount !== undefined) check(Number.isInteger(spec.opportunityCount) && spec.opportunityCount >= 0, 'opportunityCount', 'a whole number, 0 or more');
  if (typeof spec.grandfathering === 'object') {
    check(spec.grandfathering.first <= spec.grandfathering.last, 'grandfathering', 'first must not be after last');
  }
  if (spec.fiscalYears) {
    check(
      Number.isInteger(spec.fiscalYears.first) && Number.isInteger(spec.fiscalYears.last) && spec.fiscalYears.first <= spec.fiscalYears.last,
      'fiscalYears',
      'first and last fiscal years, first not after last',
    );
  }
}

/** The citation of a user's scenario, unless it carries its own. */
export function scenarioCitation(spec: ScenarioSpec): Citation {
  return spec.cite ?? { kind: 'Scenario', id: spec.title, note: spec.description ?? 'A what-if scenario; not law.' };
}

/** Applies a scenario to a law, returning a new law; the baseline is not touched. */
export function applyScenario(law: Law, spec: ScenarioSpec): Law {
  validateScenario(spec);
  const baseId = spec.base ?? 'pa-22-118';
  const baseVersion = versionById(law, DESIGNATION, baseId);
  if (!baseVersion) {
    throw new DomainError('unknown_law', `Scenario "${spec.id}" is based on "${baseId}", which is not an enacted designation rule`, { base: baseId });
  }
  const cite = scenarioCitation(spec);
  const versions: RuleVersion<unknown, unknown>[] = [];
  let from = undefined as ReturnType<typeof fiscalYearStart> | undefined;
  let until = undefined as ReturnType<typeof fiscalYearEnd> | undefined;
  if (spec.fiscalYears) {
    from = fiscalYearStart(spec.fiscalYears.first as FiscalYear);
    until = fiscalYearEnd(spec.fiscalYears.last as FiscalYear);
    const p = period(from, until);
    const clash = versionsOf(law, DESIGNATION).find((v) => overlaps(v.period, p));
    if (clash) {
      throw new DomainError(
        'invalid_scenario',
        `Scenario "${spec.id}": fiscal years FY${spec.fiscalYears.first}-FY${spec.fiscalYears.last} overlap ${clash.title} (${formatPeriod(clash.period)}). Use "fiscalYears" only for years no Act covers; to change the current cycle, leave it out.`,
        { field: 'fiscalYears' },
      );
    }
    versions.push({ ...baseVersion, id: spec.id, title: spec.title, act: cite, period: p, clause: `${spec.description ?? spec.title} (a scenario over ${baseVersion.title}; not law)` });
    const withholdingBase = versionById(law, WITHHOLDING, baseId);
    if (withholdingBase) versions.push({ ...withholdingBase, id: spec.id, title: `${spec.title}: withholding`, act: cite, period: p });
  }
  // Over an extended period every parameter the rules read must have a value: carry the base
  // version's values forward, then apply the scenario's own changes.
  const at = baseVersion.period.from;
  const carry = (id: string): unknown => {
    const p = law.parameters.get(id);
    if (!p) return undefined;
    const seg = p.values.filter((v) => v.from <= at).at(-1);
    return seg?.value;
  };
  const parameters: Record<string, { value: unknown; from?: typeof from; until?: typeof until; note?: string }> = {};
  const put = (id: string, value: unknown) => {
    parameters[id] = { value, ...(from ? { from } : {}), ...(until ? { until } : {}) };
  };
  if (spec.fiscalYears) {
    for (const id of law.parameters.keys()) {
      const v = carry(id);
      if (v !== undefined) parameters[id] = { value: v, from: from!, until: until!, note: `Carried forward from ${baseVersion.title} by scenario "${spec.title}".` };
    }
  }
  if (spec.lowestCount !== undefined) put(lowestCount.id, spec.lowestCount);
  if (spec.selection !== undefined) put(selection.id, spec.selection);
  if (spec.minEnrollment !== undefined) put(minEnrollment.id, spec.minEnrollment);
  if (spec.exitAfterYears !== undefined) put(exitAfterYears.id, spec.exitAfterYears);
  if (spec.opportunityCount !== undefined) put(opportunityCount.id, spec.opportunityCount);
  if (spec.categoryNames !== undefined) put(categoryNames.id, spec.categoryNames);
  if (spec.grandfathering !== undefined) {
    const window: GrandfatherWindow =
      spec.grandfathering === false
        ? null
        : spec.grandfathering === true
          ? ((carry(grandfatherWindow.id) as GrandfatherWindow) ?? null)
          : { first: spec.grandfathering.first as FiscalYear, last: spec.grandfathering.last as FiscalYear };
    put(grandfatherWindow.id, window);
  }
  const overrides: Overrides = {
    id: spec.id,
    title: spec.title,
    cite,
    ...(spec.description ? { description: spec.description } : {}),
    parameters,
    ...(spec.options ? { options: spec.options } : {}),
    versions,
  };
  return withOverrides(law, overrides);
}

/** One line naming what a scenario changes, for listings. */
export function describeScenario(spec: ScenarioSpec): string {
  const parts: string[] = [];
  if (spec.lowestCount !== undefined) parts.push(`${spec.lowestCount} lowest`);
  if (spec.selection?.kind === 'score') parts.push(`index at or below ${spec.selection.atOrBelow}`);
  if (spec.selection?.kind === 'percentile') parts.push(`lowest ${spec.selection.percent}%`);
  if (spec.minEnrollment !== undefined) parts.push(spec.minEnrollment === null ? 'no size floor' : `at least ${spec.minEnrollment} students`);
  if (spec.grandfathering === false) parts.push('no earlier designees kept');
  if (spec.exitAfterYears != null) parts.push(`off-ramp after ${spec.exitAfterYears} years above the cutoff`);
  if (spec.categoryNames) parts.push(`"${spec.categoryNames.byRank}" and "${spec.categoryNames.earlierDesignee}"`);
  if (spec.fiscalYears) parts.push(`for FY${spec.fiscalYears.first}-FY${spec.fiscalYears.last}`);
  if (spec.options) for (const [k, v] of Object.entries(spec.options)) parts.push(`${k}: ${v}`);
  const source = spec.cite ? ` — ${formatCitation(spec.cite)}` : '';
  return `${parts.join('; ') || 'no changes'} (over ${spec.base ?? 'pa-22-118'})${source}`;
}
