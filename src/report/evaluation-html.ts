/**
 * The evaluation report as one HTML document (issue 10): a contents list, then per measure a
 * chart, the pooled series with numerators and denominators, the cohort estimates with their
 * intervals, years in the program and the matching balance; before and after the pandemic; ECS
 * aid withheld per student; the rank-cutoff statement; the method and its limits; and each
 * district's first and last rate. Self-contained (styles inline, charts as SVG), so the same text
 * is the HTML file and, printed by Chromium, the PDF. In English, the CLI's language.
 */
import type { EventStudy } from '../domain/outcomes/event-study.ts';
import { MATCH_COVARIATES } from '../domain/outcomes/matching.ts';
import { MIDPOINT_MEASURES, type Change } from '../domain/outcomes/midpoint.ts';
import type { EvaluationReport, ReportSection } from '../services/evaluation-report.service.ts';
import { escapeHtml as e, htmlTable } from './html.ts';
import { lineChartSvg } from './svg-chart.ts';

const nf1 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const nf0 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const pct = (v: number | null | undefined) => (v == null ? '—' : `${nf1.format(v * 100)}%`);
const pts = (v: number | null | undefined) => (v == null ? '—' : `${v > 0 ? '+' : ''}${nf1.format(v)}`);
const count = (v: number) => nf0.format(v);
const interval = (x: { estimate: number; low: number; high: number }) => `${pts(x.estimate)} (${nf1.format(x.low)} to ${nf1.format(x.high)})`;
const against = (s: EventStudy) => (s.comparison.kind === 'matched' ? `matched (${s.comparison.k} nearest each)` : 'all never designated');
const slug = (id: string) => `m-${id.replace(/[^a-z0-9]+/gi, '-')}`;

const STYLE = `
  body { font-family: "Source Sans Pro", "Helvetica Neue", Arial, sans-serif; color: #1b1b1b; line-height: 1.45; max-width: 60rem; margin: 0 auto; padding: 1.5rem; font-size: 15px; }
  h1 { font-size: 1.9rem; margin: 0 0 .5rem; } h2 { font-size: 1.4rem; margin-top: 2rem; border-bottom: 2px solid #005ea2; padding-bottom: .2rem; } h3 { font-size: 1.1rem; margin-top: 1.4rem; }
  table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: 13px; page-break-inside: auto; }
  tr { page-break-inside: avoid; } caption { text-align: left; font-weight: 700; padding: .3rem 0; }
  th, td { border: 1px solid #a9aeb1; padding: .25rem .4rem; text-align: left; vertical-align: top; } thead th { background: #f0f0f0; }
  .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  .meta { color: #454545; } .box { border-left: 4px solid #005ea2; background: #f1f6fb; padding: .6rem .9rem; margin: 1rem 0; }
  nav ol { columns: 2; } figure { margin: 1rem 0; page-break-inside: avoid; } figcaption { font-weight: 700; }
  section { page-break-before: always; } section.first { page-break-before: auto; }
  @media print { body { max-width: none; padding: 0; font-size: 12px; } a { color: inherit; text-decoration: none; } }
`;

export function renderEvaluationHtml(r: EvaluationReport): string {
  const toc: { id: string; title: string }[] = [{ id: 'summary', title: 'Summary' }];
  for (const s of r.sections) toc.push({ id: slug(s.series.measure.id), title: s.series.measure.label.en });
  toc.push({ id: 'pandemic', title: 'Before, during and after the pandemic' }, { id: 'withheld', title: 'ECS aid withheld per student' }, { id: 'cutoff', title: 'Around the rank cutoff' }, { id: 'midpoint', title: 'Midpoint review' }, { id: 'method', title: 'Method, assumptions and limits' }, { id: 'districts', title: 'Each district' });
  const body = [
    `<header><h1>${e(r.title)}</h1>`,
    `<p class="meta">A computation on the imported data, not a finding of the state. Groups: ${e(r.membershipText)}</p>`,
    `<p class="meta">Code ${e(r.version.code)}; data ${e(r.version.data)}. Run <code>alliance report evaluation --from ${r.from} --to ${r.to}</code> on the same data to reproduce it.</p></header>`,
    `<nav aria-labelledby="toc"><h2 id="toc">Contents</h2><ol>${toc.map((t) => `<li><a href="#${t.id}">${e(t.title)}</a></li>`).join('')}</ol></nav>`,
    summary(r),
    ...r.sections.map(measureSection),
    pandemic(r),
    withheld(r),
    cutoff(r),
    midpoint(r),
    method(r),
    districts(r),
  ].join('\n');
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(r.title)}</title><style>${STYLE}</style></head><body><main>\n${body}\n</main></body></html>\n`;
}

function firstLast(s: ReportSection) {
  const withBoth = s.series.years.filter((y) => y.alliance?.rate != null && y.other?.rate != null);
  return { first: withBoth[0], last: withBoth.at(-1) };
}

function summary(r: EvaluationReport): string {
  const rows = r.sections.map((s) => {
    const { first, last } = firstLast(s);
    const matched = s.series.estimates.filter((x) => x.comparison.kind === 'matched');
    const estimable = matched.flatMap((x) => (x.estimable ? [`FY${x.cohort}: ${interval(x.did)}${x.fewDistricts ? ' (few districts)' : ''}`] : []));
    return [
      s.series.measure.label.en,
      first ? `${first.schoolYear}: ${pct(first.alliance!.rate)} / ${pct(first.other!.rate)}` : '—',
      last ? `${last.schoolYear}: ${pct(last.alliance!.rate)} / ${pct(last.other!.rate)}` : '—',
      estimable.join('; ') || 'none: no cohort has a base year with data',
    ];
  });
  return `<section class="first" id="summary"><h2>Summary</h2>
<p>Each row gives the pooled rate of the alliance districts and of the other districts in the first and the last school year with data for both, and, for each designation cohort, the change in the gap between the cohort and its matched comparison districts since the year before designation, in percentage points with a 95% interval. A positive change means the cohort gained on its comparison districts. Smarter Balanced began in 2014-15, after the FY2013 cohort’s base year, so that cohort has no estimate for it.</p>
${htmlTable({ caption: 'Alliance / other districts, first and last year, and each cohort’s change in the gap', columns: [{ header: 'Measure' }, { header: 'First year (alliance / other)', numeric: true }, { header: 'Last year (alliance / other)', numeric: true }, { header: 'Change in the gap by cohort, against matched districts (points, 95% interval)' }], rows })}
<div class="box"><p>What the figures can and cannot say is in <a href="#method">Method, assumptions and limits</a>. In short: the alliance districts were chosen for their low results, so part of a later rise can be a return toward the average; the estimates describe everything that happened to these districts, not the grant alone.</p></div>
</section>`;
}

function measureSection(s: ReportSection): string {
  const m = s.series.measure;
  const years = s.series.years;
  const chart = lineChartSvg({
    title: `${m.label.en}, FY${s.series.from}–FY${s.series.to}`,
    description: `Pooled rate of the alliance districts and of the other districts by school year; years without data break the lines.`,
    categories: years.map((y) => y.schoolYear),
    series: [
      { name: 'Alliance districts', values: years.map((y) => y.alliance?.rate ?? null) },
      { name: 'Other districts', values: years.map((y) => y.other?.rate ?? null) },
    ],
    format: (v) => `${Math.round(v * 100)}%`,
    min: 0,
  });
  const seriesTable = htmlTable({
    caption: `${m.label.en}: pooled rates by school year`,
    columns: [{ header: 'School year' }, { header: 'Alliance', numeric: true }, { header: 'Students', numeric: true }, { header: 'Other', numeric: true }, { header: 'Students', numeric: true }, { header: 'Gap (points)', numeric: true }, { header: 'Note' }],
    rows: years.map((y) => [
      y.schoolYear,
      y.alliance ? `${pct(y.alliance.rate)} (${count(y.alliance.numerator)})` : '—',
      y.alliance ? `${count(y.alliance.denominator)} in ${y.alliance.districts}` : '',
      y.other ? `${pct(y.other.rate)} (${count(y.other.numerator)})` : '—',
      y.other ? `${count(y.other.denominator)} in ${y.other.districts}` : '',
      pts(y.gapPoints),
      y.gap ?? y.note ?? '',
    ]),
  });
  const estimates = htmlTable({
    caption: `${m.label.en}: change in the gap since the year before designation, by cohort`,
    columns: [{ header: 'Cohort' }, { header: 'Compared with' }, { header: 'Base year' }, { header: 'Change (points, 95% interval)', numeric: true }, { header: 'Pre-trend check', numeric: true }, { header: 'Note' }],
    rows: s.series.estimates.map((x) =>
      x.estimable
        ? [`FY${x.cohort}`, against(x), x.base, `${interval(x.did)} over ${x.did.years} yr`, x.preTrend ? interval(x.preTrend) : 'no earlier year', `${x.districts.alliance} districts against ${x.districts.other}${x.comparison.kind === 'matched' && x.comparison.unmatched ? `; ${x.comparison.unmatched} left out for want of covariates` : ''}${x.fewDistricts ? '; few districts: a rough guide only' : ''}`]
        : [`FY${x.cohort}`, against(x), x.base, '—', '—', x.reason],
    ),
  });
  const inProgram = s.series.estimates
    .filter((x): x is Extract<EventStudy, { estimable: true }> => x.estimable && x.comparison.kind === 'matched')
    .map((x) =>
      htmlTable({
        caption: `FY${x.cohort} cohort against its matched districts: the change in the gap by years in the program`,
        columns: [{ header: 'Years in the program' }, { header: 'School year' }, { header: 'Change (points)', numeric: true }, { header: '95% interval', numeric: true }],
        rows: x.years.map((y) => [y.k < 0 ? `${y.k} (before)` : String(y.k + 1), y.schoolYear, pts(y.estimate), `${nf1.format(y.low)} to ${nf1.format(y.high)}`]),
      }),
    );
  const labels = new Map(MATCH_COVARIATES.map((c) => [c.measure, c.label.en]));
  const balanceRows = s.series.estimates.flatMap((x) => (x.comparison.kind === 'matched' ? x.comparison.balance.map((b) => [`FY${x.cohort} (${x.base})`, labels.get(b.measure) ?? b.measure, nf1.format(b.cohort), nf1.format(b.matched), nf1.format(b.all)]) : []));
  const balance = balanceRows.length
    ? htmlTable({ caption: 'Balance: the covariates’ means in the base year', columns: [{ header: 'Cohort (base year)' }, { header: 'Covariate' }, { header: 'Cohort', numeric: true }, { header: 'Matched', numeric: true }, { header: 'All never designated', numeric: true }], rows: balanceRows })
    : '';
  return `<section id="${slug(m.id)}"><h2>${e(m.label.en)}</h2>
<p>${e(m.definition)}</p>
<figure>${chart}<figcaption>${e(m.label.en)}: alliance districts (solid, circles) and other districts (dashed, squares).</figcaption></figure>
${seriesTable}
${s.series.leftOut ? `<p>${s.series.leftOut} district-year${s.series.leftOut === 1 ? ' has' : 's have'} a suppressed count and ${s.series.leftOut === 1 ? 'is' : 'are'} left out of the sums.</p>` : ''}
<h3>By cohort</h3>
${estimates}
<h3>By years in the program</h3>
${inProgram.join('\n') || '<p>No cohort has an estimate against matched districts for this measure.</p>'}
${balance ? `<h3>How alike the matched districts are</h3>${balance}` : ''}
</section>`;
}

function pandemic(r: EvaluationReport): string {
  const rows = r.sections.flatMap((s) =>
    s.periods.map((p) => [
      `${s.series.measure.label.en} — ${p.period.label.en}`,
      p.years.length ? `${p.years[0]}${p.years.length > 1 ? ` to ${p.years.at(-1)}` : ''} (${p.years.length})` : 'no year with data',
      pct(p.alliance?.rate),
      pct(p.other?.rate),
      pts(p.gapPoints),
    ]),
  );
  return `<section id="pandemic"><h2>Before, during and after the pandemic</h2>
<p>Each period’s rate is pooled over its school years: the sum of the numerators over the sum of the denominators, for the years where both groups have data. Schools closed in March 2020; no statewide tests were given in 2019-20 and EdSight has none for 2020-21.</p>
${htmlTable({ caption: 'Pooled rates by period', columns: [{ header: 'Measure and period' }, { header: 'School years' }, { header: 'Alliance', numeric: true }, { header: 'Other', numeric: true }, { header: 'Gap (points)', numeric: true }], rows })}
</section>`;
}

function withheld(r: EvaluationReport): string {
  const rows = r.withheld.years.map((y) => [`FY${y.fiscalYear}`, usd.format(y.withheldCents / 100), String(y.designatedTowns), y.students === null ? '—' : count(y.students), y.perStudentCents === null ? '—' : usd.format(y.perStudentCents / 100)]);
  return `<section id="withheld"><h2>ECS aid withheld per student</h2>
<p>The Education Cost Sharing aid above each alliance district’s base-year grant, withheld until the commissioner approves its plan (C.G.S. § 10-262u, computed by the law as code on the imported ECS entitlements), over the students enrolled in the alliance districts that school year.</p>
${rows.length ? htmlTable({ caption: 'ECS aid withheld from the alliance districts, by fiscal year', columns: [{ header: 'Fiscal year' }, { header: 'Withheld', numeric: true }, { header: 'Districts', numeric: true }, { header: 'Students', numeric: true }, { header: 'Per student', numeric: true }], rows }) : ''}
${r.withheld.notes.length ? `<ul>${r.withheld.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>` : ''}
</section>`;
}

function cutoff(r: EvaluationReport): string {
  return `<section id="cutoff"><h2>Around the rank cutoff</h2>
<p>${e(r.rd.statement)}</p>
<p><strong>It cannot be estimated on this data.</strong></p>
<ul>${r.rd.cycles.map((c) => `<li>FY${c.cohort} cycle (${e(c.act)}; the ${c.lowestCount} lowest): ${e(c.reason)}</li>`).join('')}</ul>
<p>Even with the index imported, only the first cycle’s cutoff is sharp: from FY2018 the law keeps earlier designees whatever their rank, so districts above the cutoff are designated too and an estimate must account for that (a “fuzzy” design).</p>
</section>`;
}

function method(r: EvaluationReport): string {
  return `<section id="method"><h2>Method, assumptions and limits</h2>
<p>${e(r.method)}</p>
<p>Groups: ${e(r.membershipText)}</p>
<h3>What the figures cannot say</h3>
<ul>${r.limits.map((l) => `<li>${e(l)}</li>`).join('')}</ul>
<p class="meta">Code ${e(r.version.code)}; data ${e(r.version.data)}.</p>
</section>`;
}

function districts(r: EvaluationReport): string {
  return `<section id="districts"><h2>Each district</h2>
<p>Each district’s own rate in the first and the last school year of the period it has data for, with the students counted. Small districts’ rates move a lot from year to year.</p>
${r.sections
  .map((s) =>
    htmlTable({
      caption: `${s.series.measure.label.en}, by district`,
      columns: [{ header: 'District' }, { header: 'Group' }, { header: 'First year', numeric: true }, { header: 'Last year', numeric: true }],
      rows: [...s.series.districts]
        .sort((a, b) => (a.group === b.group ? a.name.localeCompare(b.name) : a.group === 'alliance' ? -1 : 1))
        .map((d) => [d.name, d.group === 'alliance' ? 'Alliance' : d.group === 'other' ? 'Other' : 'Left out', `${d.first.schoolYear}: ${pct(d.first.rate)} of ${count(d.first.denominator)}`, `${d.last.schoolYear}: ${pct(d.last.rate)} of ${count(d.last.denominator)}`]),
    }),
  )
  .join('\n')}
</section>`;
}

const changeText = (c: Change) =>
  c.base === null ? '—' : c.change === null ? `${nf1.format(c.latest!.value)} (${c.latest!.schoolYear} only)` : `${nf1.format(c.base.value)} → ${nf1.format(c.latest!.value)} (${pts(c.change)})${c.baseShifted ? `, from ${c.base.schoolYear}` : ''}`;

const CRITERION: Record<string, string> = { 'out-of-lowest': 'years out of the lowest', 'targets-met': 'years with targets met' };
const SHORT: Record<string, string> = { graduation_4yr_rate: 'Graduation (%)', sbac_ela_level3plus_pct: 'ELA met (%)', sbac_math_level3plus_pct: 'Math met (%)', chronic_absenteeism_pct: 'Chronic absence (%)', accountability_index: 'Index' };

function midpoint(r: EvaluationReport): string {
  const m = r.midpoint;
  if (m.review === null) return `<section id="midpoint"><h2>Midpoint review</h2><p>${e(m.reason)}</p></section>`;
  const v = m.review;
  const shown = MIDPOINT_MEASURES.filter((x) => v.rows.some((row) => row.changes.some((c) => c.measure === x.measure && c.base !== null)));
  const rows = v.rows.map((row) => [
    row.name,
    `FY${row.firstDesignated}`,
    ...shown.map((x) => changeText(row.changes.find((c) => c.measure === x.measure)!)),
    row.exit === null ? '—' : row.exit.exits ? 'meets the exit criteria' : row.exit.criteria.map((c) => `${c.have} of ${c.need} ${CRITERION[c.id] ?? c.id}`).join('; '),
  ]);
  return `<section id="midpoint"><h2>Midpoint review</h2>
<p>FY${v.fiscalYear}, after ${v.yearsCompleted} years of the FY${v.cycle.first}–FY${v.cycle.last} designation (${e(v.cycle.act)}): each district’s results in ${v.latestYear} against ${v.baseYear}, the year before the cycle began, and its distance to exit under the off-ramp proposal after the 2024-25 policy brief (a proposal, not law). Tiers of support are set in the work area from the annual reviews and are not published here.</p>
${htmlTable({ caption: `Midpoint review, FY${v.fiscalYear}: change since ${v.baseYear}`, columns: [{ header: 'District' }, { header: 'Designated since' }, ...shown.map((x) => ({ header: SHORT[x.measure] ?? x.label.en })), { header: 'Distance to exit' }], rows })}
<p class="meta">Columns: ${shown.map((x) => `${e(SHORT[x.measure] ?? x.label.en)} — ${e(x.label.en)}`).join('; ')}. Each cell: ${v.baseYear} → ${v.latestYear} (change).</p>
${v.notes.length ? `<ul>${v.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>` : ''}
</section>`;
}
