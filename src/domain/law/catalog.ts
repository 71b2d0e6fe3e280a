/**
 * The rulesets a person can ask for by id — the enacted designation rules and the proposals —
 * and how a request ("--law pa-22-118", "--fiscal-year 2025", a scenario) resolves to a law, a
 * rule version and the date it is evaluated on. Designations are made once per cycle, so a
 * fiscal year resolves to the start of the cycle in force then.
 */
import { DomainError, NoRuleInForceError } from '../errors.ts';
import type { Citation } from '../rules/citation.ts';
import { versionById, type Law } from '../rules/law.ts';
import { fiscalYearOf, fiscalYearStart, formatFiscalYear, type FiscalYear, type IsoDate } from '../time/fiscal-year.ts';
import type { Period } from '../time/period.ts';
import { connecticut, DESIGNATION, designationVersionFor, designationVersions } from './cgs-10-262u/index.ts';
import { applyScenario, describeScenario, PROPOSALS, proposalById, type ScenarioSpec } from './proposals/index.ts';

export type RulesetStatus = 'enacted' | 'proposed' | 'scenario';

export interface RulesetInfo {
  readonly id: string;
  readonly title: string;
  readonly status: RulesetStatus;
  readonly cite: Citation;
  /** The fiscal years it designates for. */
  readonly period: Period;
  readonly description: string;
  /** For a proposal or scenario: the enacted version it changes. */
  readonly base?: string;
}

export interface ResolvedRuleset {
  readonly info: RulesetInfo;
  readonly law: Law;
  readonly versionId: string;
  /** The date the designation is evaluated on: the first day of its cycle. */
  readonly date: IsoDate;
  readonly cycle: { readonly first: FiscalYear; readonly last: FiscalYear | null };
  readonly scenario?: ScenarioSpec;
}

/** Every enacted designation rule and every proposal, oldest first. */
export function listRulesets(baseline: Law = connecticut): RulesetInfo[] {
  const enacted: RulesetInfo[] = designationVersions(baseline).map((v) => ({
    id: v.id,
    title: v.title,
    status: 'enacted',
    cite: v.act,
    period: v.period,
    description: v.clause,
  }));
  const proposed = PROPOSALS.map((p) => resolveScenario(baseline, p, 'proposed').info);
  return [...enacted, ...proposed];
}

function cycleOf(period: Period): { first: FiscalYear; last: FiscalYear | null } {
  return {
    first: fiscalYearOf(period.from),
    last: period.until === null ? null : ((fiscalYearOf(period.until) - 1) as FiscalYear),
  };
}

function resolveScenario(baseline: Law, spec: ScenarioSpec, status: RulesetStatus): ResolvedRuleset {
  const law = applyScenario(baseline, spec);
  const versionId = spec.fiscalYears ? spec.id : (spec.base ?? 'pa-22-118');
  const version = versionById(law, DESIGNATION, versionId)!;
  return {
    info: {
      id: spec.id,
      title: spec.title,
      status,
      cite: law.origin!.cite,
      period: version.period,
      description: spec.description ? `${spec.description} — ${describeScenario(spec)}` : describeScenario(spec),
      base: spec.base ?? 'pa-22-118',
    },
    law,
    versionId,
    date: version.period.from,
    cycle: cycleOf(version.period),
    scenario: spec,
  };
}

/** The message when no enacted rule covers a fiscal year, pointing to scenarios. */
export function noRuleMessage(fy: FiscalYear): string {
  const ids = PROPOSALS.filter((p) => p.fiscalYears && p.fiscalYears.first <= fy && fy <= p.fiscalYears.last).map((p) => p.id);
  return (
    `No Act designates alliance districts for ${formatFiscalYear(fy)}. ` +
    (fy >= 2028
      ? 'The last enacted cycle (PA 22-118) ends with FY2027, and PA 23-208 only asked for recommendations by July 1, 2027. '
      : 'The program began in FY2013 (PA 12-116). ') +
    (ids.length ? `You can explore a scenario instead: ${ids.map((i) => `--law ${i}`).join(', ')}.` : 'You can explore a scenario instead.')
  );
}

export interface RulesetRequest {
  /** An enacted version ("pa-22-118") or a proposal id. */
  readonly law?: string;
  readonly fiscalYear?: FiscalYear;
  readonly scenario?: ScenarioSpec;
}

/** Resolves a request to the law, version and date to evaluate; errors say what to do instead. */
export function resolveRuleset(request: RulesetRequest, baseline: Law = connecticut): ResolvedRuleset {
  if (request.scenario) {
    const resolved = resolveScenario(baseline, request.scenario, 'scenario');
    if (request.fiscalYear !== undefined) {
      const v = designationVersionFor(resolved.law, request.fiscalYear);
      return { ...resolved, versionId: v.id, date: v.period.from, cycle: cycleOf(v.period) };
    }
    return resolved;
  }
  if (request.law) {
    const enacted = versionById(baseline, DESIGNATION, request.law);
    if (enacted) {
      return {
        info: { id: enacted.id, title: enacted.title, status: 'enacted', cite: enacted.act, period: enacted.period, description: enacted.clause },
        law: baseline,
        versionId: enacted.id,
        date: enacted.period.from,
        cycle: cycleOf(enacted.period),
      };
    }
    const p = proposalById(request.law);
    if (p) return resolveScenario(baseline, p, 'proposed');
    const known = listRulesets(baseline).map((r) => r.id);
    throw new DomainError('unknown_law', `There is no law or proposal "${request.law}". Known: ${known.join(', ')}.`, {
      law: request.law,
      known,
    });
  }
  if (request.fiscalYear !== undefined) {
    let v;
    try {
      v = designationVersionFor(baseline, request.fiscalYear);
    } catch (e) {
      if (e instanceof NoRuleInForceError) {
        throw new NoRuleInForceError('the designation of alliance districts', fiscalYearStart(request.fiscalYear), noRuleMessage(request.fiscalYear));
      }
      throw e;
    }
    return {
      info: { id: v.id, title: v.title, status: 'enacted', cite: v.act, period: v.period, description: v.clause },
      law: baseline,
      versionId: v.id,
      date: v.period.from,
      cycle: cycleOf(v.period),
    };
  }
  throw new DomainError('missing_law', 'Say which law to apply: a law id (e.g. pa-22-118) or a fiscal year (e.g. 2025).');
}
