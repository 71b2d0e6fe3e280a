import { parseArgs } from 'node:util';
import { renderTrace } from '../../domain/rules/trace.ts';
import { formatFiscalYear, parseFiscalYear } from '../../domain/time/fiscal-year.ts';
import { runWithholding } from '../../services/withholding.service.ts';
import { type CliContext, UsageError } from '../context.ts';
import { csv, money, parseFormat, table } from '../format.ts';
import { withholdingJson, withholdingRows, withholdingTable } from '../../services/result-views.ts';

export const withholdingHelp = `Usage: alliance withholding --fiscal-year <YYYY> [options]

Splits each town's ECS entitlement into the alliance portion (withheld until the commissioner
approves the district's plan, C.G.S. § 10-262u(c)) and the rest, with the reason for each.

  --fiscal-year <YYYY>   the fiscal year (FY2013-FY2027; e.g. 2026)
  --format <f>           table (default), json or csv
  --all                  list all 169 towns in the table, not just the alliance districts
  --explain <town>       explain one town's split step by step (name or town number)
  -h, --help             this help

Examples:
  alliance withholding --fiscal-year 2026
  alliance withholding --fiscal-year 2018 --explain Torrington
  alliance withholding --fiscal-year 2025 --format csv > fy2025.csv

Exit codes: 0 done; 2 usage; 3 no rule in force or data missing.`;

export async function withholding(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'fiscal-year': { type: 'string' },
      format: { type: 'string', default: 'table' },
      all: { type: 'boolean', default: false },
      explain: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    ctx.io.out(withholdingHelp);
    return 0;
  }
  if (!values['fiscal-year']) throw new UsageError('Say which fiscal year: --fiscal-year <YYYY>.', withholdingHelp);
  const format = parseFormat(values.format, ['table', 'json', 'csv'] as const);
  const fy = parseFiscalYear(values['fiscal-year']);
  const run = await runWithholding(await ctx.store(), fy);
  const towns = run.result.towns;
  if (values.explain) {
    const key = values.explain.trim().toLowerCase();
    const t = towns.find((x) => x.town.toLowerCase() === key || String(x.townCode) === key || x.districtCode === key);
    if (!t) throw new UsageError(`No town "${values.explain}" in FY${fy}'s ECS data.`);
    if (format === 'json') ctx.io.out(JSON.stringify(withholdingRows(run, { trace: true }).find((r) => r.townCode === t.townCode), null, 2));
    else {
      ctx.io.out(`${t.town}, ${formatFiscalYear(fy)} (${run.versionTitle})\n`);
      ctx.io.out(renderTrace([...run.result.trace.slice(0, 1), ...t.trace]));
    }
    return 0;
  }
  if (format === 'json') {
    ctx.io.out(JSON.stringify(withholdingJson(run, { trace: true }), null, 2));
    return 0;
  }
  if (format === 'csv') {
    const t = withholdingTable(withholdingRows(run));
    ctx.io.out(csv(t.columns, t.rows).trimEnd());
    return 0;
  }
  const rows = values.all ? towns : towns.filter((t) => t.designated);
  ctx.io.out(`ECS withholding for alliance plans, ${formatFiscalYear(fy)} — ${run.versionTitle}\n`);
  ctx.io.out(
    table(rows, [
      { header: 'Town', value: (t) => t.town },
      { header: 'District', value: (t) => t.districtCode },
      { header: 'Entitlement', value: (t) => money(t.entitlementCents), align: 'right' },
      { header: 'Base', value: (t) => (t.baseFiscalYear ? `FY${t.baseFiscalYear} ${money(t.baseCents)}` : ''), align: 'right' },
      { header: 'Alliance (withheld)', value: (t) => money(t.allianceCents), align: 'right' },
      { header: 'Ed. diversity', value: (t) => (t.educationDiversityCents ? money(t.educationDiversityCents) : ''), align: 'right' },
      {
        header: 'CSDE published',
        value: (t) => {
          const p = run.published.get(t.townCode);
          if (!p) return '';
          return p.allianceCents === t.allianceCents ? 'matches' : `differs: ${money(p.allianceCents)}`;
        },
      },
    ]),
  );
  const tot = run.result.totals;
  ctx.io.out(`\n${tot.designatedTowns} alliance districts; ${money(tot.allianceCents)} withheld for alliance plans of ${money(tot.entitlementCents)} in ECS entitlements.${run.published.size ? '' : ' CSDE has published no split for this year: these are computed.'}`);
  return 0;
}
