import { parseArgs } from 'node:util';
import { districtCode } from '../../domain/district.ts';
import { formatCitation } from '../../domain/rules/citation.ts';
import { renderTrace } from '../../domain/rules/trace.ts';
import { parseFiscalYear, schoolYear, formatFiscalYear } from '../../domain/time/fiscal-year.ts';
import { formatPeriod } from '../../domain/time/period.ts';
import { runDesignation, type DesignationRun } from '../../services/designation.service.ts';
import { parseScenario } from '../../services/scenario-schema.ts';
import { readJsonOrYaml } from '../files.ts';
import type { ScenarioSpec } from '../../domain/law/proposals/index.ts';
import { type CliContext, UsageError } from '../context.ts';
import { csv, number, parseFormat, table } from '../format.ts';
import { computationLabel, designationJson, designationRows, designationTable, lawOfRun, officialJson, officialRows, officialTable } from '../../services/result-views.ts';
import { officialList } from '../../services/public.service.ts';
import { NoRuleInForceError } from '../../domain/errors.ts';

export const designateHelp = `Usage: alliance designate (--law <id> | --fiscal-year <YYYY>) [options]

Designates alliance districts under an enacted law or a proposal, on a year's data, and
explains every result.

  --law <id>             an enacted law (pa-12-116, pa-17-2, pa-22-118) or a proposal id
                         (see: alliance laws)
  --fiscal-year <YYYY>   the enacted law in force that fiscal year (e.g. 2025 → PA 22-118)
  --data-year <YYYY-YY>  the school year of the data (default: the year the law used, if
                         recorded, else the latest year in the database)
  --scenario <file>      a what-if scenario (JSON or YAML) over an enacted law
  --format <f>           table (default), json or csv
  --all                  list every district in the table, not just the designated and the
                         next ten
  --explain <code>       explain one district's result step by step (7-digit code)
  --official             the official list for --fiscal-year instead: the record of what the
                         state decided (not a computation), with how each district is on it
  -h, --help             this help

Without --official every result is a computation: what the rule gives on the data year, which
can differ from the official list (PA 22-118 on 2024-25 data selects 39; the state designated 36).

Examples:
  alliance designate --fiscal-year 2025 --official
  alliance designate --fiscal-year 2025
  alliance designate --law pa-22-118 --data-year 2024-25 --format json
  alliance designate --law rb-1458-2025 --explain 0640011
  alliance designate --scenario my-scenario.yaml

Exit codes: 0 done; 2 usage; 3 no rule in force or data missing.`;

function readScenario(path: string): ScenarioSpec {
  const value = readJsonOrYaml(path, 'scenario');
  const parsed = parseScenario(value);
  if (!parsed.ok) throw new UsageError(`The scenario file ${path} has problems:\n  ${parsed.issues.join('\n  ')}`);
  return parsed.value;
}

export async function designate(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      law: { type: 'string' },
      'fiscal-year': { type: 'string' },
      'data-year': { type: 'string' },
      scenario: { type: 'string' },
      format: { type: 'string', default: 'table' },
      all: { type: 'boolean', default: false },
      explain: { type: 'string' },
      official: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    ctx.io.out(designateHelp);
    return 0;
  }
  if (!values.law && !values['fiscal-year'] && !values.scenario) throw new UsageError('Say which law: --law <id> or --fiscal-year <YYYY> (or --scenario <file>).', designateHelp);
  if (values.law && values['fiscal-year']) throw new UsageError('Use --law or --fiscal-year, not both.', designateHelp);
  const format = parseFormat(values.format, ['table', 'json', 'csv'] as const);
  const fy = values['fiscal-year'] ? parseFiscalYear(values['fiscal-year']) : undefined;
  const dataYear = values['data-year'] ? schoolYear(values['data-year']) : undefined;
  const explain = values.explain ? districtCode(values.explain) : undefined;
  const scenario = values.scenario ? readScenario(values.scenario) : undefined;

  if (values.official) {
    if (fy === undefined || values.law || values.scenario || dataYear || explain) throw new UsageError('--official takes --fiscal-year <YYYY> (and --format) only: the record is not a rule applied to data.', designateHelp);
    const official = await officialList(await ctx.store(), fy);
    if (!official) throw new NoRuleInForceError('designation of alliance districts', `FY${fy}`, `No Act designates alliance districts for FY${fy}, so there is no official list.`);
    const rows = officialRows(official.list, official.names);
    if (format === 'json') ctx.io.out(JSON.stringify(officialJson(official.list, official.names), null, 2));
    else if (format === 'csv') {
      const t = officialTable(rows);
      ctx.io.out(csv(t.columns, t.rows).trimEnd());
    } else {
      ctx.io.out(`The official list of alliance districts for FY${fy} (the record, not a computation)`);
      ctx.io.out(renderTrace(official.list.trace));
      ctx.io.out('');
      ctx.io.out(
        table(rows, [
          { header: 'Code', value: (r) => r.districtCode },
          { header: 'District', value: (r) => r.name },
          { header: 'First designated', value: (r) => `FY${r.firstDesignatedFiscalYear} (${r.act})` },
          { header: 'On the list as', value: (r) => (r.basis === 'designated-this-cycle' ? 'designated in this cycle' : 'an earlier designee the law keeps') },
        ]),
      );
    }
    return 0;
  }

  const store = await ctx.store();
  const run = await runDesignation(store, {
    ...(values.law ? { law: values.law } : {}),
    ...(fy !== undefined ? { fiscalYear: fy } : {}),
    ...(dataYear ? { dataYear } : {}),
    ...(scenario ? { scenario } : {}),
  });

  if (explain) {
    const d = run.result.districts.find((x) => x.districtCode === explain);
    if (!d) throw new UsageError(`District ${explain} has no data for ${run.dataYear} and is not on the designation record.`);
    if (format === 'json') {
      const row = designationRows(run, { trace: true }).find((x) => x.districtCode === explain)!;
      ctx.io.out(JSON.stringify({ kind: 'computation', description: computationLabel(run), law: lawOfRun(run), dataYear: run.dataYear, trace: run.trace, district: row }, null, 2));
    } else {
      ctx.io.out(`${d.name} (${d.districtCode}) under ${run.ruleset.title}, ${run.dataYear} data`);
      ctx.io.out(`${computationLabel(run)}\n`);
      ctx.io.out('The law and data used:');
      ctx.io.out(renderTrace(run.trace));
      ctx.io.out(`\n${d.name}:`);
      ctx.io.out(renderTrace(d.trace));
    }
    return 0;
  }

  if (format === 'json') {
    ctx.io.out(JSON.stringify(designationJson(run, { trace: true }), null, 2));
    return 0;
  }
  if (format === 'csv') {
    const t = designationTable(designationRows(run));
    ctx.io.out(csv(t.columns, t.rows).trimEnd());
    return 0;
  }
  printTable(run, values.all!, ctx);
  return 0;
}

function printTable(run: DesignationRun, all: boolean, ctx: CliContext): void {
  const r = run.result;
  const out = ctx.io.out;
  out(`${run.ruleset.title}`);
  out(computationLabel(run));
  out(`${run.ruleset.status === 'enacted' ? formatCitation(run.ruleset.cite) : `${run.ruleset.status}: ${formatCitation(run.ruleset.cite)}`}; designates for ${formatFiscalYear(run.cycle.first)}${run.cycle.last ? `–${formatFiscalYear(run.cycle.last)}` : ' on'} (${formatPeriod(run.ruleset.period)})`);
  out(`Data: ${r.dataYear} ${r.indexMeasure === 'accountability_index' ? 'accountability index' : 'District Performance Index'} (${run.dataYearSource === 'latest-available' ? 'latest year available; the law does not fix one' : run.dataYearSource === 'law' ? 'the year CSDE used' : 'as requested'})\n`);
  const ranked = r.districts.filter((d) => d.rank !== null);
  const lastByRank = ranked.reduce((acc, d, i) => (d.basis === 'rank' ? i : acc), -1);
  const nearCutoff = new Set(ranked.slice(0, lastByRank + 11).map((d) => d.districtCode));
  const rows = all ? r.districts : r.districts.filter((d) => d.designated || nearCutoff.has(d.districtCode));
  out(
    table(rows, [
      { header: 'Rank', value: (d) => (d.rank === null ? '—' : String(d.rank)), align: 'right' },
      { header: 'Code', value: (d) => d.districtCode },
      { header: 'District', value: (d) => d.name },
      { header: 'Index', value: (d) => number(d.accountabilityIndex, 1), align: 'right' },
      { header: 'Students', value: (d) => number(d.enrollment), align: 'right' },
      {
        header: 'Result',
        value: (d) =>
          d.designated
            ? `DESIGNATED (${d.basis === 'rank' ? 'rank' : 'earlier designee'})${d.opportunityDistrict ? ', Opportunity' : ''}`
            : d.eligible
              ? 'not designated'
              : `not eligible: ${d.ineligibleReasons.join(', ').replace(/_/g, ' ')}`,
      },
    ]),
  );
  out('');
  out(`${r.counts.designated} designated: ${r.counts.byRank} by rank${r.cutoffIndex !== null ? ` (cutoff index ${number(r.cutoffIndex, 2)})` : ''} + ${r.counts.grandfathered} earlier designees; ${r.counts.opportunity} Opportunity districts; ${r.counts.eligible} of ${r.counts.districts} districts eligible.`);
  if (!all) out('(--all lists every district; --explain <code> shows why; --format json gives every trace.)');
}
