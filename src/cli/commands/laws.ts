import { parseArgs } from 'node:util';
import { listRulesets } from '../../domain/law/catalog.ts';
import { connecticut } from '../../domain/law/cgs-10-262u/index.ts';
import { ALL_PARAMETERS } from '../../domain/law/cgs-10-262u/parameters.ts';
import { ALL_OPTIONS } from '../../domain/law/cgs-10-262u/options.ts';
import { formatCitation } from '../../domain/rules/citation.ts';
import { segments, type Parameter } from '../../domain/rules/parameter.ts';
import { formatFiscalYear, fiscalYearOf } from '../../domain/time/fiscal-year.ts';
import { formatPeriod } from '../../domain/time/period.ts';
import type { CliContext } from '../context.ts';
import { parseFormat } from '../format.ts';

export const lawsHelp = `Usage: alliance laws [--parameters] [--format table|json]

Lists every enacted designation rule and every proposal, with dates and citations.
  --parameters   also list every parameter the statute sets, each dated value with its citation,
                 and the named options where the law is ambiguous
  --format       table (default) or json`;

function show(v: unknown): string {
  if (v === null) return 'none';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export async function laws(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { parameters: { type: 'boolean' }, format: { type: 'string', default: 'table' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) {
    ctx.io.out(lawsHelp);
    return 0;
  }
  const rulesets = listRulesets(connecticut);
  const params = (ALL_PARAMETERS as readonly Parameter<unknown>[]).map((p) => ({
    id: p.id,
    label: p.label,
    unit: p.unit ?? null,
    values: segments(p).map((s) => ({ from: s.period.from, until: s.period.until, value: s.value, citation: formatCitation(s.cite), cite: s.cite, note: s.note ?? null })),
  }));
  if (parseFormat(values.format, ['table', 'json'] as const) === 'json') {
    ctx.io.out(
      JSON.stringify(
        {
          rulesets: rulesets.map((r) => ({ ...r, citation: formatCitation(r.cite) })),
          ...(values.parameters ? { parameters: params, options: ALL_OPTIONS } : {}),
        },
        null,
        2,
      ),
    );
    return 0;
  }
  for (const status of ['enacted', 'proposed'] as const) {
    ctx.io.out(status === 'enacted' ? 'Enacted designation rules (C.G.S. § 10-262u)\n' : '\nProposals and scenarios (not law)\n');
    for (const r of rulesets.filter((x) => x.status === status)) {
      const last = r.period.until ? formatFiscalYear((fiscalYearOf(r.period.until) - 1) as never) : 'on';
      ctx.io.out(`  ${r.id.padEnd(22)} ${r.title}`);
      ctx.io.out(`  ${''.padEnd(22)} ${formatFiscalYear(fiscalYearOf(r.period.from))}–${last} (${formatPeriod(r.period)}); ${formatCitation(r.cite)}`);
    }
  }
  ctx.io.out('\n  FY2028 on: no Act designates alliance districts (PA 23-208 asked for recommendations by July 1, 2027).');
  if (values.parameters) {
    ctx.io.out('\nParameters (each value in force from its date until the next)\n');
    for (const p of params) {
      ctx.io.out(`  ${p.label} [${p.id}]`);
      for (const v of p.values) ctx.io.out(`    ${formatPeriod({ from: v.from, until: v.until })}: ${show(v.value)}${p.unit ? ` ${p.unit}` : ''} — ${v.citation}`);
    }
    ctx.io.out('\nOptions where the law is ambiguous (default first)\n');
    for (const o of ALL_OPTIONS) {
      ctx.io.out(`  ${o.label} [${o.id}]: ${o.question}`);
      for (const c of o.choices) ctx.io.out(`    ${c.value === o.default ? '*' : ' '} ${c.value}: ${c.label}`);
    }
  }
  return 0;
}
