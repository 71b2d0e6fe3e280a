/**
 * The simulator's form turned into a scenario, checked with the scenario schema (server only:
 * the schema library stays out of the pages' JavaScript).
 */
import type { ScenarioSpec } from '../../src/domain/law/proposals/index.ts';
import { parseScenario } from '../../src/services/scenario-schema.ts';
import { describe, ENACTED_BASES, TIES, type ScenarioForm } from './scenario-query.ts';

function num(value: string, field: string, issues: string[]): number | undefined {
  if (value === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) {
    issues.push(`${field}: "${value}" is not a number`);
    return undefined;
  }
  return n;
}

/** The scenario the form describes, or the issues that prevent it. */
export function toScenario(form: ScenarioForm): { ok: true; spec: ScenarioSpec; noRuleYear: number | null } | { ok: false; issues: string[] } {
  const issues: string[] = [];
  if (!(ENACTED_BASES as readonly string[]).includes(form.base)) issues.push(`base: choose one of ${ENACTED_BASES.join(', ')}`);
  if (!['count', 'score', 'percentile'].includes(form.sel)) issues.push('sel: choose count, score or percentile');
  if (!TIES.includes(form.ties)) issues.push(`ties: choose one of ${TIES.join(', ')}`);
  const count = num(form.count, 'count', issues);
  const score = num(form.score, 'score', issues);
  const percent = num(form.percent, 'percent', issues);
  const floor = num(form.floor, 'floor', issues);
  const exit = num(form.exit, 'exit', issues);
  const fy = num(form.fy, 'fy', issues);
  if (fy !== undefined && (!Number.isInteger(fy) || fy < 2013 || fy > 2100)) issues.push('fy: a fiscal year from 2013');
  if (issues.length) return { ok: false, issues };
  const noRuleYear = fy !== undefined && fy >= 2028 ? fy : null;
  const selection =
    form.sel === 'score' ? { kind: 'score' as const, atOrBelow: score ?? NaN } : form.sel === 'percentile' ? { kind: 'percentile' as const, percent: percent ?? NaN } : { kind: 'count' as const };
  const raw: Record<string, unknown> = {
    id: 'web-scenario',
    title: describe(form),
    base: form.base,
    selection,
    ...(form.sel === 'count' ? { lowestCount: count ?? 33 } : {}),
    minEnrollment: floor ?? null,
    grandfathering: form.keep ? (noRuleYear ? { first: 2013, last: noRuleYear - 1 } : true) : false,
    exitAfterYears: exit ?? null,
    options: { ties: form.ties },
    ...(noRuleYear ? { fiscalYears: { first: noRuleYear, last: noRuleYear + 4 } } : {}),
  };
  const parsed = parseScenario(raw);
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  return { ok: true, spec: parsed.value, noRuleYear };
}

