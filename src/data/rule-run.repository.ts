/**
 * Stored rule runs: the law and version, the law date, the code version, a hash of the inputs,
 * the parameters and the result, so a run can be found again and replayed.
 */
import type { Executor } from './batch.ts';

export interface RuleRun {
  readonly id: number;
  readonly kind: 'designation' | 'withholding';
  readonly lawId: string;
  readonly versionId: string;
  readonly lawDate: string;
  readonly fiscalYear: number;
  readonly dataYear: string | null;
  readonly codeVersion: string;
  readonly inputsSha256: string;
  readonly parameters: unknown;
  readonly result: unknown;
  readonly createdAt: string;
}

export async function insertRuleRun(db: Executor, run: Omit<RuleRun, 'id'>): Promise<number> {
  const r = await db
    .insertInto('rule_run')
    .values({
      kind: run.kind,
      law_id: run.lawId,
      version_id: run.versionId,
      law_date: run.lawDate,
      fiscal_year: run.fiscalYear,
      data_year: run.dataYear,
      code_version: run.codeVersion,
      inputs_sha256: run.inputsSha256,
      parameters: JSON.stringify(run.parameters),
      result: JSON.stringify(run.result),
      created_at: run.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

/** The latest run of the same kind, law and inputs, if any. */
export async function findRuleRun(db: Executor, kind: string, lawId: string, inputsSha256: string, codeVersion: string): Promise<RuleRun | undefined> {
  const r = await db
    .selectFrom('rule_run')
    .selectAll()
    .where('kind', '=', kind)
    .where('law_id', '=', lawId)
    .where('inputs_sha256', '=', inputsSha256)
    .where('code_version', '=', codeVersion)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    id: Number(r.id),
    kind: r.kind as RuleRun['kind'],
    lawId: r.law_id,
    versionId: r.version_id,
    lawDate: r.law_date,
    fiscalYear: r.fiscal_year,
    dataYear: r.data_year,
    codeVersion: r.code_version,
    inputsSha256: r.inputs_sha256,
    parameters: JSON.parse(r.parameters),
    result: JSON.parse(r.result),
    createdAt: r.created_at,
  };
}

export async function countRuleRuns(db: Executor): Promise<number> {
  const r = await db.selectFrom('rule_run').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
