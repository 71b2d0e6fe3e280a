import { parseArgs } from 'node:util';
import { renderTrace } from '../../domain/rules/trace.ts';
import { parseFiscalYear } from '../../domain/time/fiscal-year.ts';
import { tierScenario } from '../../services/support/tier-scenario.ts';
import { tiersFor } from '../../services/support/tiers.ts';
import { type CliContext, UsageError } from '../context.ts';
import { readJsonOrYaml } from '../files.ts';
import { csv, parseFormat, table } from '../format.ts';

export const tiersHelp = `Usage: alliance tiers --fiscal-year <YYYY> [options]

Puts each district with an approved plan in a tier of support, by the tiered-support proposal
after the 2024-25 policy brief (recommendation 1) — its year's annual review, its accountability
index and trend, its years at tier 3 — with the reasons and the supports each tier brings.
A proposal, not law: its thresholds are parameters a scenario can change.

  --fiscal-year <YYYY>   the plan cycle (e.g. 2026)
  --scenario <file>      other thresholds or readings (JSON or YAML), e.g.
                           id: strict
                           title: Tier 4 after two years
                           parameters: { tiers.tier4-years: 2 }
                           options: { tiers.no-review: tier-1 }
  --explain <district>   one district's tier step by step (name or code)
  --format <f>           table (default), json or csv
  -h, --help             this help

Exit codes: 0 done; 2 usage; 3 no cycle or no tier rule in force.`;

export async function tiers(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { 'fiscal-year': { type: 'string' }, scenario: { type: 'string' }, explain: { type: 'string' }, format: { type: 'string', default: 'table' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    ctx.io.out(tiersHelp);
    return 0;
  }
  if (!values['fiscal-year']) throw new UsageError('Say which plan cycle: --fiscal-year <YYYY>.', tiersHelp);
  const format = parseFormat(values.format, ['table', 'json', 'csv'] as const);
  const fy = parseFiscalYear(values['fiscal-year']);
  let law;
  if (values.scenario) {
    const parsed = tierScenario(readJsonOrYaml(values.scenario, 'scenario'));
    if (!parsed.ok) throw new UsageError(`The scenario file ${values.scenario} has problems:\n  ${parsed.issues.join('\n  ')}`);
    law = parsed.law;
  }
  const run = await tiersFor((await ctx.store()).db, fy, law);
  const heading = `${run.law.scenario ? `Scenario "${run.law.title}" — a computation over` : 'Tiers by'} ${run.version.title}, FY${fy}`;
  if (values.explain) {
    const key = values.explain.trim().toLowerCase();
    const row = run.rows.find((r) => r.districtCode === key.padStart(7, '0') || r.districtName.toLowerCase() === key || r.districtName.toLowerCase().startsWith(key));
    if (!row) throw new UsageError(`No district "${values.explain}" has an approved FY${fy} plan.`);
    if (format === 'json') ctx.io.out(JSON.stringify(row, null, 2));
    else ctx.io.out(`${row.districtName}: ${row.label}\n${heading}\n\n${renderTrace(row.trace)}\n\nSupports:\n${row.supports.map((s) => ` - ${s.label}`).join('\n') || ' (none yet)'}`);
    return 0;
  }
  if (format === 'json') {
    ctx.io.out(JSON.stringify(run, null, 2));
    return 0;
  }
  if (format === 'csv') {
    ctx.io.out(csv(['districtCode', 'district', 'tier', 'supports'], run.rows.map((r) => [r.districtCode, r.districtName, r.tier, r.supports.map((s) => s.id).join(' ')])));
    return 0;
  }
  ctx.io.out(`${heading}\n`);
  ctx.io.out(
    table(run.rows, [
      { header: 'District', value: (r) => r.districtName },
      { header: 'Tier', value: (r) => (r.tier === null ? '—' : String(r.tier)) },
      { header: 'Why', value: (r) => r.trace.filter((s) => s.value !== undefined && s.rule !== 'tier.result').map((s) => s.text).at(-1) ?? r.label },
    ]),
  );
  if (!run.rows.length) ctx.io.out('\nNo plan of this cycle is approved yet.');
  return 0;
}
