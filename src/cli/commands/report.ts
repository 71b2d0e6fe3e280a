import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { MATCH_COVARIATES } from '../../domain/outcomes/matching.ts';
import { MEMBERSHIPS, POOLED_MEASURES, type Membership } from '../../domain/outcomes/pooled.ts';
import { parseFiscalYear, type FiscalYear } from '../../domain/time/fiscal-year.ts';
import { evaluationReport } from '../../services/evaluation-report.service.ts';
import { evaluationSeries, evaluationTable } from '../../services/evaluation.service.ts';
import { midpointReview } from '../../services/midpoint-review.service.ts';
import { MIDPOINT_MEASURES, type Change } from '../../domain/outcomes/midpoint.ts';
import { renderEvaluationHtml } from '../../report/evaluation-html.ts';
import { chromiumPath, htmlToPdf, PdfError } from '../../report/pdf.ts';
import { type CliContext, UsageError } from '../context.ts';
import { csv, number, parseFormat, table } from '../format.ts';

export const reportHelp = `Usage: alliance report evaluation [options]
       alliance report midpoint [--fiscal-year <YYYY>] [--format table|json|csv]

midpoint: the review three years into a five-year designation cycle — for each district on the
year's official list, what changed since the year before the cycle began (graduation, Smarter
Balanced, chronic absenteeism, the accountability index, where the data has them), its tier of
support and its distance to exit (proposals). Default: the latest cycle's midpoint, after its
first three years (FY2026 for FY2023-FY2027, on data to 2024-25).

evaluation:

Outcomes of the alliance districts against the other districts, year by year, as pooled rates:
the sum of graduates over the sum of cohorts, the sum of students meeting the Smarter Balanced
standard over the sum of students with scored tests; for each designation cohort, the change in
its gap since the year before designation, with 95% intervals. A computation on the imported
data; the code and data versions are printed so the figures can be reproduced.

  --measure <m>        ${POOLED_MEASURES.map((m) => m.id).join(', ')}
                       repeat it (or separate with commas) for several; table and csv take one
                       (default graduation_4yr), json, html and pdf default to all of them
  --from <YYYY>        first fiscal year (2012 = school year 2011-12); default: the data's first
  --to <YYYY>          last fiscal year; default: the data's last
  --membership <m>     who counts as alliance: ever (default; designated in any year, against
                       never designated), that-year (on that year's official list, against the
                       rest), cohort (first designated in --cohort's year, against never designated)
  --cohort <YYYY>      with --membership cohort: 2013, 2018 or 2023
  --format <f>         table (default) or csv: one measure's series and estimates;
                       json, html or pdf: the whole report (contents, charts, every measure,
                       before and after the pandemic, ECS withheld per student, the rank cutoff,
                       method and limits, each district)
  --out <file>         write the report to this file (needed for pdf; html and json go to
                       standard output without it)
  -h, --help           this help

A PDF is printed by Chromium (CHROMIUM_PATH, else /usr/bin/chromium) from the same HTML.

Exit codes: 0 done; 1 Chromium missing or failed; 2 usage; 3 the data is missing.`;

export async function report(argv: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { 'fiscal-year': { type: 'string' }, measure: { type: 'string', multiple: true }, out: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, membership: { type: 'string', default: 'ever' }, cohort: { type: 'string' }, format: { type: 'string', default: 'table' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    ctx.io.out(reportHelp);
    return 0;
  }
  if (positionals[0] === 'midpoint' && positionals.length === 1) return midpoint(values, ctx);
  if (positionals[0] !== 'evaluation' || positionals.length > 1) throw new UsageError(`Say which report: alliance report evaluation, or alliance report midpoint${positionals.length ? ` (got "${positionals.join(' ')}")` : ''}.`, reportHelp);
  const format = parseFormat(values.format, ['table', 'json', 'csv', 'html', 'pdf'] as const);
  const measures = (values.measure ?? []).flatMap((m) => m.split(',')).map((m) => m.trim()).filter(Boolean);
  const year = (v: string | undefined): FiscalYear | undefined => (v ? parseFiscalYear(v) : undefined);
  let membership: Membership;
  const kind = values.membership;
  if (kind === 'ever' || kind === 'that-year') membership = { kind };
  else if (kind === 'cohort') {
    if (!values.cohort) throw new UsageError('--membership cohort needs --cohort <YYYY>, the fiscal year the cohort was first designated (2013, 2018 or 2023).', reportHelp);
    membership = { kind, firstFiscalYear: parseFiscalYear(values.cohort) };
  } else throw new UsageError(`--membership is one of ${MEMBERSHIPS.join(', ')} (got "${kind}").`, reportHelp);
  const from = year(values.from);
  const to = year(values.to);
  if (format === 'pdf' && !values.out) throw new UsageError('--format pdf needs --out <file>: a PDF is not written to a terminal.', reportHelp);
  if (values.out && (format === 'table' || format === 'csv')) throw new UsageError(`--out is for the report formats (json, html, pdf); ${format} goes to standard output.`, reportHelp);
  if (format === 'json' || format === 'html' || format === 'pdf') {
    const r = await evaluationReport(await ctx.store(), { measures, ...(from ? { from } : {}), ...(to ? { to } : {}), membership });
    if (format === 'json') return emit(ctx, values.out, JSON.stringify(r, null, 2));
    const html = renderEvaluationHtml(r);
    if (format === 'html') return emit(ctx, values.out, html);
    try {
      return emit(ctx, values.out, await htmlToPdf(html, { executablePath: chromiumPath(ctx.io.env), title: r.title }));
    } catch (e) {
      if (!(e instanceof PdfError)) throw e;
      ctx.io.err(`alliance: ${e.message}`);
      return 1;
    }
  }
  if (measures.length > 1) throw new UsageError(`--format ${format} shows one measure (got ${measures.join(', ')}); --format html, pdf or json give several.`, reportHelp);
  const s = await evaluationSeries(await ctx.store(), { measure: measures[0] ?? 'graduation_4yr', ...(from ? { from } : {}), ...(to ? { to } : {}), membership });
  const t = evaluationTable(s);
  if (format === 'csv') {
    ctx.io.out(csv(t.columns, t.rows));
    return 0;
  }
  const pct = (r: number | null | undefined) => (r == null ? '—' : `${number(r * 100, 1)}%`);
  ctx.io.out(`${s.measure.label.en}, FY${s.from}-FY${s.to} — a computation on the imported data\n${s.membershipText}\n${s.measure.definition}\n`);
  ctx.io.out(
    table(s.years, [
      { header: 'Year', value: (y) => y.schoolYear },
      { header: 'Alliance', value: (y) => pct(y.alliance?.rate), align: 'right' },
      { header: 'of', value: (y) => (y.alliance ? number(y.alliance.denominator) : ''), align: 'right' },
      { header: 'Other', value: (y) => pct(y.other?.rate), align: 'right' },
      { header: 'of', value: (y) => (y.other ? number(y.other.denominator) : ''), align: 'right' },
      { header: 'Gap (points)', value: (y) => (y.gapPoints === null ? '' : number(y.gapPoints, 1)), align: 'right' },
      { header: 'Note', value: (y) => y.gap ?? y.note ?? '' },
    ]),
  );
  ctx.io.out(`\nChange in the gap since the year before designation (percentage points, 95% interval):`);
  for (const e of s.estimates) {
    const against = e.comparison.kind === 'matched' ? `matched, ${e.comparison.k} nearest each` : 'all never designated';
    if (!e.estimable) {
      ctx.io.out(`  FY${e.cohort} cohort, ${against}: not estimated. ${e.reason}`);
      continue;
    }
    const iv = (x: { estimate: number; low: number; high: number }) => `${number(x.estimate, 1)} (${number(x.low, 1)} to ${number(x.high, 1)})`;
    const unmatched = e.comparison.kind === 'matched' && e.comparison.unmatched ? `; ${e.comparison.unmatched} left out for want of covariates` : '';
    ctx.io.out(`  FY${e.cohort} cohort, ${against} (${e.districts.alliance} districts against ${e.districts.other}${unmatched}; base ${e.base}): DiD ${iv(e.did)} over ${e.did.years} year${e.did.years === 1 ? '' : 's'}; pre-trend ${e.preTrend ? iv(e.preTrend) : 'no year before the base'}${e.fewDistricts ? ' — few districts: a rough guide only' : ''}.`);
    if (e.comparison.kind === 'matched') {
      const labels = new Map(MATCH_COVARIATES.map((c) => [c.measure, c.label.en]));
      ctx.io.out(`    balance in ${e.base} (cohort / matched / all never designated): ${e.comparison.balance.map((b) => `${labels.get(b.measure)} ${number(b.cohort, 1)} / ${number(b.matched, 1)} / ${number(b.all, 1)}`).join('; ')}`);
    }
  }
  ctx.io.out(`\n${s.method}`);
  if (s.leftOut) ctx.io.out(`\n${s.leftOut} district-year${s.leftOut === 1 ? ' has' : 's have'} a suppressed count and ${s.leftOut === 1 ? 'is' : 'are'} left out of the sums.`);
  ctx.io.out(`\nCode ${s.version.code}; data ${s.version.data}.`);
  return 0;
}

/** Standard output, or a file written whole: to a temporary name first, then renamed, so a failed run leaves no half file. */
function emit(ctx: CliContext, out: string | undefined, content: string | Uint8Array): number {
  if (!out) {
    // Only text reaches here: a PDF needs --out.
    ctx.io.out(String(content).replace(/\n$/, ''));
    return 0;
  }
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, out);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new UsageError(`Cannot write ${out}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : (e as Error).message}`);
  }
  ctx.io.err(`Wrote ${out} (${typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength} bytes).`);
  return 0;
}

const change = (c: Change) =>
  c.base === null ? '—' : c.change === null ? `${number(c.latest!.value, 1)} (${c.latest!.schoolYear} only)` : `${number(c.base.value, 1)} → ${number(c.latest!.value, 1)} (${c.change > 0 ? '+' : ''}${number(c.change, 1)})${c.baseShifted ? ` from ${c.base.schoolYear}` : ''}`;

async function midpoint(values: { 'fiscal-year'?: string | undefined; format?: string | undefined; out?: string | undefined; measure?: string[] | undefined }, ctx: CliContext): Promise<number> {
  const format = parseFormat(values.format, ['table', 'json', 'csv'] as const);
  if (values.out || values.measure) throw new UsageError('alliance report midpoint takes --fiscal-year and --format only.', reportHelp);
  const r = await midpointReview(await ctx.store(), values['fiscal-year'] ? parseFiscalYear(values['fiscal-year']) : undefined);
  if (format === 'json') {
    ctx.io.out(JSON.stringify(r, null, 2));
    return 0;
  }
  const exitText = (x: (typeof r.rows)[number]['exit']) => (x === null ? '' : x.exits ? 'exits' : x.criteria.map((c) => `${c.id} ${c.have}/${c.need}`).join(', '));
  if (format === 'csv') {
    ctx.io.out(
      csv(
        ['districtCode', 'district', 'firstDesignated', 'yearsInProgram', ...MIDPOINT_MEASURES.flatMap((m) => [`${m.measure}_base_year`, `${m.measure}_base`, `${m.measure}_latest_year`, `${m.measure}_latest`, `${m.measure}_change`]), 'tier', 'distanceToExit'],
        r.rows.map((x) => [x.code, x.name, x.firstDesignated, x.yearsInProgram, ...x.changes.flatMap((c) => [c.base?.schoolYear ?? null, c.base?.value ?? null, c.latest?.schoolYear ?? null, c.latest?.value ?? null, c.change]), x.tier?.label ?? null, exitText(x.exit)]),
      ),
    );
    return 0;
  }
  ctx.io.out(`Midpoint review, FY${r.fiscalYear}: after ${r.yearsCompleted} year${r.yearsCompleted === 1 ? '' : 's'} of the FY${r.cycle.first}–FY${r.cycle.last} cycle (${r.cycle.act}) — a computation on the record and the data\nChanges from ${r.baseYear} (the year before the cycle) to ${r.latestYear}.\n`);
  const shown = MIDPOINT_MEASURES.filter((m, i) => r.rows.some((x) => x.changes[i]!.base !== null));
  ctx.io.out(
    table(r.rows, [
      { header: 'District', value: (x) => x.name },
      { header: 'Since', value: (x) => `FY${x.firstDesignated}` },
      ...shown.map((m) => ({ header: m.label.en, value: (x: (typeof r.rows)[number]) => change(x.changes.find((c) => c.measure === m.measure)!) })),
      { header: 'Tier', value: (x) => x.tier?.label ?? '—' },
      { header: 'Distance to exit (have/need)', value: (x) => exitText(x.exit) || '—' },
    ]),
  );
  for (const n of r.notes) ctx.io.out(`\n${n}`);
  ctx.io.out(`\nCode ${r.version.code}; data ${r.version.data}.`);
  return 0;
}
