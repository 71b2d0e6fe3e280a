/**
 * Runs a designation: resolves the law (enacted, proposed or a scenario), chooses the data year,
 * reads the data, evaluates the rule with its trace, and stores the run (law date, code version,
 * inputs hash, result) so it can be found and replayed.
 */
import { createHash } from 'node:crypto';
import type { Store } from '../data/database.ts';
import { listDesignations } from '../data/designation.repository.ts';
import { listDistricts } from '../data/district.repository.ts';
import { measureForYear, yearsWithMeasure } from '../data/measure.repository.ts';
import { findRuleRun, insertRuleRun } from '../data/rule-run.repository.ts';
import { type DistrictCode } from '../domain/district.ts';
import { MissingDataError } from '../domain/errors.ts';
import { resolveRuleset, type RulesetInfo, type RulesetRequest } from '../domain/law/catalog.ts';
import {
  DESIGNATION,
  measureLabel,
  type DesignationInput,
  type DesignationResult,
  type DistrictFacts,
  type PriorDesignation,
  type YearFacts,
} from '../domain/law/cgs-10-262u/index.ts';
import { dataYear as dataYearParam, exitAfterYears, indexMeasure, type IndexMeasure } from '../domain/law/cgs-10-262u/parameters.ts';
import { evaluate, ruleContext, type Law } from '../domain/rules/law.ts';
import type { TraceStep } from '../domain/rules/trace.ts';
import type { FiscalYear, SchoolYear } from '../domain/time/fiscal-year.ts';
import { CODE_VERSION } from './version.ts';

export interface DesignationRequest extends RulesetRequest {
  readonly dataYear?: SchoolYear;
  /** Store the run in rule_run (default true). */
  readonly record?: boolean;
}

export interface DesignationRun {
  readonly ruleset: RulesetInfo;
  readonly versionId: string;
  readonly lawDate: string;
  readonly cycle: { readonly first: FiscalYear; readonly last: FiscalYear | null };
  readonly dataYear: SchoolYear;
  readonly dataYearSource: 'requested' | 'law' | 'latest-available';
  readonly result: DesignationResult;
  /** Steps about the run itself (law, data year), then the rule's own trace. */
  readonly trace: readonly TraceStep[];
  readonly inputsSha256: string;
  readonly runId: number | null;
  /** The law applied (the baseline, or the scenario derived from it). */
  readonly law: Law;
}

function sha256(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** Which measure and data year a resolved law uses; the data year is chosen and explained. */
export async function chooseDataYear(
  store: Store,
  law: Law,
  date: string,
  requested: SchoolYear | undefined,
): Promise<{ measure: IndexMeasure; dataYear: SchoolYear; source: DesignationRun['dataYearSource']; step: TraceStep }> {
  const ctx = ruleContext(law, date as never);
  const measureSeg = ctx.param(indexMeasure);
  const measure = measureSeg.value;
  const lawYear = ctx.param(dataYearParam);
  const available = await yearsWithMeasure(store.db, measure);
  if (requested) {
    return {
      measure,
      dataYear: requested,
      source: 'requested',
      step: { rule: 'designation.data-year', text: `Data year ${requested}, as requested.`, value: requested, cite: lawYear.cite },
    };
  }
  if (lawYear.value) {
    return {
      measure,
      dataYear: lawYear.value,
      source: 'law',
      step: { rule: 'designation.data-year', text: `Data year ${lawYear.value}, the year CSDE used for this cycle.`, value: lawYear.value, cite: lawYear.cite },
    };
  }
  const latest = available[0];
  if (!latest) {
    throw new MissingDataError(
      `There is no ${measureLabel(measure)} in the database for any year. Import it first (for the accountability index: alliance import ngas <file from data.ct.gov dataset h28j-iix5>).`,
      { measure },
    );
  }
  return {
    measure,
    dataYear: latest,
    source: 'latest-available',
    step: {
      rule: 'designation.data-year',
      text: `Data year ${latest}: the sources do not record which year's data this cycle used, so the latest year with an ${measureLabel(measure)} is used (choose another with --data-year).${lawYear.note ? ` ${lawYear.note}` : ''}`,
      value: latest,
      cite: lawYear.cite,
    },
  };
}

/** Facts for every district with data in the year (or on the designation record). */
async function facts(store: Store, measure: IndexMeasure, year: SchoolYear, include: ReadonlySet<DistrictCode>): Promise<DistrictFacts[]> {
  const [districts, index, enrollment] = await Promise.all([
    listDistricts(store.db),
    measureForYear(store.db, measure, year),
    measureForYear(store.db, 'enrollment', year),
  ]);
  return districts
    .filter((d) => index.has(d.code) || enrollment.has(d.code) || include.has(d.code))
    .map((d) => ({
      code: d.code,
      name: d.name,
      orgType: d.orgType,
      enrollment: enrollment.get(d.code) ?? null,
      indices: { [measure]: index.get(d.code) ?? null },
    }));
}

export async function runDesignation(store: Store, request: DesignationRequest): Promise<DesignationRun> {
  const resolved = resolveRuleset(request);
  const chosen = await chooseDataYear(store, resolved.law, resolved.date, request.dataYear);
  const available = await yearsWithMeasure(store.db, chosen.measure);
  if (!available.includes(chosen.dataYear)) {
    throw new MissingDataError(
      `There is no ${measureLabel(chosen.measure)} for ${chosen.dataYear} in the database, so ${resolved.info.title} cannot be applied to it. ` +
        (available.length ? `Years with data: ${available.join(', ')}. ` : '') +
        (chosen.measure === 'accountability_index'
          ? 'Import that year from data.ct.gov dataset h28j-iix5 (alliance import ngas <file>) or choose another --data-year.'
          : 'The District Performance Index used in 2012 is not in the sources at hand; import it with alliance import measures <file>.'),
      { measure: chosen.measure, dataYear: chosen.dataYear, available },
    );
  }
  const record = await listDesignations(store.db);
  const prior: PriorDesignation[] = record.map((r) => ({ code: r.districtCode, firstFiscalYear: r.firstFiscalYear, act: r.act }));
  const priorCodes = new Set(prior.map((p) => p.code));
  const districts = await facts(store, chosen.measure, chosen.dataYear, priorCodes);

  let history: YearFacts[] = [];
  const exit = ruleContext(resolved.law, resolved.date).param(exitAfterYears).value;
  if (exit !== null) {
    const earlier = available.filter((y) => y < chosen.dataYear).slice(0, exit - 1);
    history = await Promise.all(earlier.map(async (y) => ({ dataYear: y, districts: await facts(store, chosen.measure, y, priorCodes) })));
  }

  const input: DesignationInput = { dataYear: chosen.dataYear, districts, prior, history };
  const evaluation = evaluate<DesignationInput, DesignationResult>(resolved.law, DESIGNATION, resolved.date, input, resolved.versionId);
  const inputsSha256 = sha256({ law: resolved.info.id, scenario: resolved.scenario ?? null, options: resolved.law.optionValues, input });
  const trace = [chosen.step, ...evaluation.trace];
  let runId: number | null = null;
  if (request.record !== false) {
    // The same law, inputs and code give the same result: keep one stored run for them.
    const existing = await findRuleRun(store.db, 'designation', resolved.info.id, inputsSha256, CODE_VERSION);
    runId = existing
      ? existing.id
      : await insertRuleRun(store.db, {
      kind: 'designation',
      lawId: resolved.info.id,
      versionId: resolved.versionId,
      lawDate: resolved.date,
      fiscalYear: resolved.cycle.first,
      dataYear: chosen.dataYear,
      codeVersion: CODE_VERSION,
      inputsSha256,
      parameters: { scenario: resolved.scenario ?? null, options: resolved.law.optionValues },
          result: summary(evaluation.value),
          createdAt: new Date().toISOString(),
        });
  }
  return {
    ruleset: resolved.info,
    versionId: resolved.versionId,
    lawDate: resolved.date,
    cycle: resolved.cycle,
    dataYear: chosen.dataYear,
    dataYearSource: chosen.source,
    result: evaluation.value,
    trace,
    inputsSha256,
    runId,
    law: resolved.law,
  };
}

/** What a stored run keeps: enough to compare and replay, without every trace. */
function summary(r: DesignationResult) {
  return {
    fiscalYear: r.fiscalYear,
    dataYear: r.dataYear,
    cutoffIndex: r.cutoffIndex,
    counts: r.counts,
    designated: r.districts.filter((d) => d.designated).map((d) => ({ code: d.districtCode, basis: d.basis, rank: d.rank, opportunity: d.opportunityDistrict })),
  };
}
