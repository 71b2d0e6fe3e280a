/**
 * The evaluation in a fresh process, for bench/run.ts: either the embedded Connecticut data
 * (every measure, as the API computes it, then JSON) or synthetic districts (the pure series and
 * the three cohorts' event studies, then JSON). Reports time and peak resident memory.
 */
import { openStore } from '../src/data/database.ts';
import { loadEmbedded } from '../src/data/embedded.ts';
import { eventStudy } from '../src/domain/outcomes/event-study.ts';
import { POOLED_MEASURES, pooledMeasure, pooledSeries, type DistrictYear, type GroupRecord } from '../src/domain/outcomes/pooled.ts';
import { fiscalYear, fiscalYearToSchoolYear } from '../src/domain/time/fiscal-year.ts';
import { evaluationSeries } from '../src/services/evaluation.service.ts';
import { evaluationReport } from '../src/services/evaluation-report.service.ts';
import { renderEvaluationHtml } from '../src/report/evaluation-html.ts';
import { chromiumPath, htmlToPdf } from '../src/report/pdf.ts';

const [mode, arg] = process.argv.slice(2) as [string, string];
let ms: number;
let bytes = 0;
let baselineMs = 0;
let pdfMs = 0;
let pdfBytes = 0;
if (mode === 'report') {
  // The whole report (every measure) as the CLI makes it: the model and its HTML, then the PDF from that HTML.
  const store = await openStore(`sqlite:${arg}`);
  await loadEmbedded(store);
  const t0 = performance.now();
  const report = await evaluationReport(store, { membership: { kind: 'ever' } });
  const html = renderEvaluationHtml(report);
  ms = performance.now() - t0;
  bytes = html.length;
  const t1 = performance.now();
  pdfBytes = (await htmlToPdf(html, { executablePath: chromiumPath(process.env), title: report.title })).byteLength;
  pdfMs = performance.now() - t1;
  await store.close();
} else if (mode === 'embedded') {
  const store = await openStore(`sqlite:${arg}`);
  await loadEmbedded(store);
  const t0 = performance.now();
  for (const m of POOLED_MEASURES) bytes += JSON.stringify(await evaluationSeries(store, { measure: m.id, membership: { kind: 'ever' } })).length;
  ms = performance.now() - t0;
  await store.close();
} else {
  const n = Number(arg);
  const years = Array.from({ length: 10 }, (_, i) => fiscalYear(2016 + i));
  // A fifth of the districts designated, in three cohorts; deterministic values.
  const firstDesignated = new Map<string, ReturnType<typeof fiscalYear>>();
  const rows: DistrictYear[] = [];
  for (let d = 0; d < n; d++) {
    const code = String(d).padStart(7, '0');
    if (d % 5 === 0) firstDesignated.set(code, fiscalYear([2018, 2020, 2023][d % 3]!));
    for (const fy of years) {
      const cohort = 50 + ((d * 37 + fy) % 400);
      rows.push({ code, schoolYear: fiscalYearToSchoolYear(fy), values: { graduation_4yr_cohort: cohort, graduation_4yr_graduates: Math.round(cohort * (0.6 + ((d * 13 + fy) % 35) / 100)) } });
    }
  }
  const record: GroupRecord = { firstDesignated, lists: new Map() };
  // Deterministic covariates; the same for every base year (the matching reads one year's).
  const covariates = new Map<string, number[]>();
  for (let d = 0; d < n; d++) covariates.set(String(d).padStart(7, '0'), [200 + ((d * 7919) % 30_000), (d * 31) % 100, (d * 17) % 40]);
  const measure = pooledMeasure('graduation_4yr');
  // The baseline: one pass summing numerators and denominators by year.
  let t0 = performance.now();
  const sums = new Map<string, number>();
  for (const r of rows) sums.set(r.schoolYear, (sums.get(r.schoolYear) ?? 0) + r.values.graduation_4yr_graduates! / r.values.graduation_4yr_cohort!);
  baselineMs = performance.now() - t0;
  t0 = performance.now();
  const series = pooledSeries(measure, { kind: 'ever' }, record, rows, years[0]!, years.at(-1)!);
  // Each cohort against matched districts (base-year enrollment, % FRPL, % EL) and against all, as the service does.
  const estimates = [2018, 2020, 2023].flatMap((c) => [eventStudy(measure, fiscalYear(c), record, rows, { covariates }), eventStudy(measure, fiscalYear(c), record, rows)]);
  bytes = JSON.stringify({ ...series, estimates }).length;
  ms = performance.now() - t0;
}
process.stdout.write(JSON.stringify({ ms, baselineMs, pdfMs, pdfMb: pdfBytes / 1048576, mb: bytes / 1048576, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
