/**
 * The evaluation, public (issue 10): the pooled results of the alliance districts against the
 * others, year by year — a computation on the imported data, with its definition, the groups'
 * definition, the gaps and breaks, and the code and data versions to reproduce it.
 */
import { data, Form, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { DomainError } from '../../src/domain/errors.ts';
import type { EventStudy } from '../../src/domain/outcomes/event-study.ts';
import { MATCH_COVARIATES } from '../../src/domain/outcomes/matching.ts';
import { periodSummaries } from '../../src/domain/outcomes/periods.ts';
import { POOLED_MEASURES } from '../../src/domain/outcomes/pooled.ts';
import { rdCycles, RD_MIN_DISTRICTS } from '../../src/services/evaluation-report.service.ts';
import { evaluationSeries } from '../../src/services/evaluation.service.ts';
import { LineChart } from '../components/charts.tsx';
import { ScrollX } from '../components/scroll-x.tsx';
import { formatNumber, formatPercent, langOfPath, translate, type MessageKey } from '../i18n/messages.ts';
import { GROUPINGS, groupingOf, membershipOf } from '../lib/evaluation-groups.ts';
import { cached } from '../lib/store.server.ts';
import { useLang, useT } from '../root.tsx';

export const meta: MetaFunction = ({ location }) => {
  const lang = langOfPath(location.pathname);
  return [{ title: `${translate(lang, 'evaluation.title')} — ${translate(lang, 'site.title')}` }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const q = new URL(request.url).searchParams;
  const measure = POOLED_MEASURES.find((m) => m.id === q.get('measure'))?.id ?? 'graduation_4yr';
  const grouping = groupingOf(q);
  // The threshold travels with the data: the page's module must not import the service (it would reach the browser).
  const rd = { cycles: await cached('evaluation-rd', (store) => rdCycles(store)), min: RD_MIN_DISTRICTS };
  try {
    const s = await cached(`evaluation:${measure}:${grouping}`, (store) => evaluationSeries(store, { measure, membership: membershipOf(grouping) }));
    // The page shows the groups; each district's own series is in the download.
    return { measure, grouping, series: { from: s.from, to: s.to, years: s.years, leftOut: s.leftOut, version: s.version, estimates: s.estimates }, periods: periodSummaries(s), rd, problem: null };
  } catch (e) {
    if (e instanceof DomainError) return data({ measure, grouping, series: null, periods: [], rd, problem: e.message }, { status: 404 });
    throw e;
  }
}

export default function Evaluation() {
  const { measure, grouping, series: s, periods, rd, problem } = useLoaderData<typeof loader>();
  const lang = useLang();
  const t = useT();
  const m = POOLED_MEASURES.find((x) => x.id === measure)!;
  const family = measure.startsWith('graduation') ? 'graduation' : 'sbac';
  const pct = (v: number | null | undefined) => (v == null ? '—' : formatPercent(lang, v, 1));
  const points = (v: number) => formatNumber(lang, Math.round(v * 10) / 10, 1);
  const series = (g: 'alliance' | 'other') => (s?.years ?? []).flatMap((y) => (y[g]?.rate != null ? [{ x: y.schoolYear, y: y[g]!.rate! }] : []));
  const alliance = series('alliance');
  const other = series('other');
  const noteOf = (y: { schoolYear: string; gap: string | null; note: string | null }) =>
    y.gap ? t(`evaluation.gap.${y.schoolYear}` as MessageKey) : y.note ? t(`evaluation.break.${y.schoolYear}` as MessageKey) : '';
  const query = `measure=${measure}&${grouping.startsWith('cohort') ? `membership=cohort&cohort=${grouping.slice(7)}` : `membership=${grouping}`}`;
  return (
    <>
      <h1>{t('evaluation.title')}</h1>
      <p className="usa-intro">{t('evaluation.intro')}</p>
      <Form method="get" className="usa-form evaluation-form">
        <label className="usa-label" htmlFor="measure">
          {t('evaluation.measure')}
        </label>
        <select className="usa-select" id="measure" name="measure" defaultValue={measure}>
          {POOLED_MEASURES.map((x) => (
            <option key={x.id} value={x.id}>
              {x.label[lang]}
            </option>
          ))}
        </select>
        <label className="usa-label" htmlFor="groups">
          {t('evaluation.groups')}
        </label>
        <select className="usa-select" id="groups" name="groups" defaultValue={grouping}>
          {GROUPINGS.map((g) => (
            <option key={g} value={g}>
              {t(`evaluation.grouping.${g}` as MessageKey)}
            </option>
          ))}
        </select>
        <button className="usa-button usa-button--outline margin-top-2" type="submit">
          {t('outcomes.show')}
        </button>
      </Form>
      {s ? (
        <>
          <p>{t(`evaluation.membership.${grouping.startsWith('cohort') ? 'cohort' : grouping}` as MessageKey, { fy: grouping.slice(7) })}</p>
          {alliance.length && other.length ? (
            <LineChart
              title={`${m.label[lang]}, FY${s.from}–FY${s.to}`}
              summary={t('evaluation.summary', { first: alliance[0]!.x, last: alliance.at(-1)!.x, a0: pct(alliance[0]!.y), a1: pct(alliance.at(-1)!.y), o0: pct(other[0]!.y), o1: pct(other.at(-1)!.y) })}
              series={[
                { name: t('evaluation.alliance'), points: alliance },
                { name: t('evaluation.other'), points: other },
              ]}
              format={pct}
              min={0}
              table={{ caption: m.label[lang], summaryLabel: t('common.showTable'), firstColumn: t('common.schoolYear') }}
            />
          ) : null}
          <ScrollX label={t('evaluation.caption', { measure: m.label[lang] })}>
            <table className="usa-table usa-table--compact">
              <caption>{t('evaluation.caption', { measure: m.label[lang] })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('common.schoolYear')}</th>
                  <th scope="col" className="numeric">
                    {t('evaluation.alliance')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('evaluation.other')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('evaluation.gapPoints')}
                  </th>
                  <th scope="col">{t('evaluation.note')}</th>
                </tr>
              </thead>
              <tbody>
                {s.years.map((y) => (
                  <tr key={y.schoolYear}>
                    <th scope="row">{y.schoolYear}</th>
                    {(['alliance', 'other'] as const).map((g) => (
                      <td key={g} className="numeric">
                        {y[g] ? t('evaluation.rateOf', { rate: pct(y[g]!.rate), n: formatNumber(lang, y[g]!.numerator), d: formatNumber(lang, y[g]!.denominator), districts: y[g]!.districts }) : '—'}
                      </td>
                    ))}
                    <td className="numeric">{y.gapPoints === null ? '—' : formatNumber(lang, Math.round(y.gapPoints * 10) / 10, 1)}</td>
                    <td>{noteOf(y)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollX>
          <h2>{t('evaluation.estimatesTitle')}</h2>
          <p>{t('evaluation.estimatesIntro')}</p>
          <ScrollX label={t('evaluation.estimatesCaption', { measure: m.label[lang] })}>
            <table className="usa-table usa-table--compact">
              <caption>{t('evaluation.estimatesCaption', { measure: m.label[lang] })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('evaluation.cohort')}</th>
                  <th scope="col">{t('evaluation.comparedWith')}</th>
                  <th scope="col">{t('evaluation.baseYear')}</th>
                  <th scope="col" className="numeric">
                    {t('evaluation.did')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('evaluation.preTrend')}
                  </th>
                  <th scope="col">{t('evaluation.note')}</th>
                </tr>
              </thead>
              <tbody>
                {s.estimates.map((e) => (
                  <tr key={`${e.cohort}-${e.comparison.kind}`}>
                    <th scope="row">{t('evaluation.cohortName', { fy: e.cohort })}</th>
                    <td>{e.comparison.kind === 'matched' ? t('evaluation.comparison.matched', { k: e.comparison.k }) : t('evaluation.comparison.all')}</td>
                    <td>{e.base}</td>
                    {e.estimable ? (
                      <>
                        <td className="numeric">{t('evaluation.interval', { estimate: points(e.did.estimate), low: points(e.did.low), high: points(e.did.high) })}</td>
                        <td className="numeric">{e.preTrend ? t('evaluation.interval', { estimate: points(e.preTrend.estimate), low: points(e.preTrend.low), high: points(e.preTrend.high) }) : '—'}</td>
                        <td>
                          {t('evaluation.districtsCompared', { alliance: e.districts.alliance, other: e.districts.other })}
                          {e.comparison.kind === 'matched' && e.comparison.unmatched ? ` ${t('evaluation.unmatched', { count: e.comparison.unmatched })}` : ''}
                          {e.fewDistricts ? ` ${t('evaluation.few')}` : ''}
                        </td>
                      </>
                    ) : (
                      <>
                        <td className="numeric">—</td>
                        <td className="numeric">—</td>
                        <td>{t(`evaluation.notEstimated.${e.why}` as MessageKey, { base: e.base, fy: e.cohort })}</td>
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollX>
          <p>{t('evaluation.method')}</p>
          <Balance estimates={s.estimates} />
          <h2>{t('evaluation.periodsTitle')}</h2>
          <p>{t('evaluation.periodsIntro')}</p>
          <ScrollX label={t('evaluation.periodsCaption', { measure: m.label[lang] })}>
            <table className="usa-table usa-table--compact">
              <caption>{t('evaluation.periodsCaption', { measure: m.label[lang] })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('evaluation.period')}</th>
                  <th scope="col">{t('evaluation.periodYears')}</th>
                  <th scope="col" className="numeric">{t('evaluation.alliance')}</th>
                  <th scope="col" className="numeric">{t('evaluation.other')}</th>
                  <th scope="col" className="numeric">{t('evaluation.gapPoints')}</th>
                </tr>
              </thead>
              <tbody>
                {periods.map((p) => (
                  <tr key={p.period.id}>
                    <th scope="row">{p.period.label[lang]}</th>
                    <td>{p.years.length ? t('evaluation.periodSpan', { first: p.years[0]!, last: p.years.at(-1)!, count: p.years.length }) : t('evaluation.periodNone')}</td>
                    <td className="numeric">{pct(p.alliance?.rate)}</td>
                    <td className="numeric">{pct(p.other?.rate)}</td>
                    <td className="numeric">{p.gapPoints === null ? '—' : points(p.gapPoints)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollX>
          <h2>{t('evaluation.howTitle')}</h2>
          <p>{t(`evaluation.definition.${family}` as MessageKey)}</p>
          {s.leftOut ? <p>{t('evaluation.leftOut', { count: s.leftOut })}</p> : null}
          <p>{t('evaluation.limits')}</p>
          <p className="usa-hint">{t('evaluation.version', { code: s.version.code, data: s.version.data })}</p>
          <p>
            {t('outcomes.download')} <a href={`/api/v1/evaluation.csv?${query}`}>CSV</a> · <a href={`/api/v1/evaluation.json?${query}`}>JSON</a>
          </p>
        </>
      ) : (
        <div className="usa-alert usa-alert--warning" role="alert">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{problem}</p>
          </div>
        </div>
      )}
      <h2>{t('evaluation.rdTitle')}</h2>
      <p>{t('evaluation.rdIntro')}</p>
      <p>
        <strong>{t('evaluation.rdCannot')}</strong>
      </p>
      <ul>
        {rd.cycles.map((c) => (
          <li key={c.cohort}>
            {t(`evaluation.rd.${c.why}` as MessageKey, { fy: c.cohort, year: c.dataYear ?? '', count: c.indexDistricts, min: rd.min })}
            {c.why === 'data-year-unknown' && c.cohort < 2016 ? ` ${t('evaluation.rdDpi')}` : ''}
          </li>
        ))}
      </ul>
      <p>{t('evaluation.rdFuzzy')}</p>
      <p>
        {t('evaluation.fullReport')} <a href={`/evaluation/report?groups=${grouping}`} hrefLang="en">{t('evaluation.fullReportLink')}</a>.
      </p>
    </>
  );
}

/** How alike the matched districts are: the covariates' means, the cohort against its matches and against all. */
function Balance({ estimates }: { estimates: readonly EventStudy[] }) {
  const lang = useLang();
  const t = useT();
  const rows = estimates.flatMap((e) => (e.comparison.kind === 'matched' && e.comparison.balance.length ? e.comparison.balance.map((b) => ({ ...b, fy: e.cohort, base: e.base })) : []));
  if (!rows.length) return null;
  const label = (m: string) => MATCH_COVARIATES.find((c) => c.measure === m)!.label[lang];
  const n = (v: number) => formatNumber(lang, Math.round(v * 10) / 10, 1);
  return (
    <>
      <h3>{t('evaluation.balanceTitle')}</h3>
      <p>{t('evaluation.balanceIntro')}</p>
      <ScrollX label={t('evaluation.balanceCaption')}>
        <table className="usa-table usa-table--compact">
          <caption>{t('evaluation.balanceCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('evaluation.cohort')}</th>
              <th scope="col">{t('evaluation.balanceMeasure')}</th>
              <th scope="col" className="numeric">{t('evaluation.balanceCohort')}</th>
              <th scope="col" className="numeric">{t('evaluation.balanceMatched')}</th>
              <th scope="col" className="numeric">{t('evaluation.balanceAll')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.fy}-${r.measure}`}>
                <th scope="row">{t('evaluation.cohortName', { fy: r.fy })} ({r.base})</th>
                <td>{label(r.measure)}</td>
                <td className="numeric">{n(r.cohort)}</td>
                <td className="numeric">{n(r.matched)}</td>
                <td className="numeric">{n(r.all)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollX>
    </>
  );
}
