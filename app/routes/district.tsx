import { data, Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { ORG_TYPE_LABELS, districtCode, type OrgType } from '../../src/domain/district.ts';
import { BarChart, ChartTable, LineChart } from '../components/charts.tsx';
import { OfficialSteps, REASON_KEYS } from '../components/designation-views.tsx';
import { Trace } from '../components/trace.tsx';
import { formatMoney, formatMoneyAxis, formatNumber, formatPercent, langOfPath, localPath, translate, type MessageKey } from '../i18n/messages.ts';
import { districtData } from '../lib/public.server.ts';
import { useLang, useT } from '../root.tsx';
import { ScrollX } from '../components/scroll-x.tsx';
import { DEFAULT_PROGRESS_RULE } from '../../src/domain/workflow/progress.ts';

export async function loader({ params, request }: LoaderFunctionArgs) {
  const raw = params.code ?? '';
  const lang = langOfPath(new URL(request.url).pathname);
  if (!/^\d{7}$/.test(raw)) throw data(translate(lang, 'district.notFound', { code: raw.slice(0, 20) }), { status: 404 });
  const profile = await districtData(districtCode(raw));
  if (!profile) throw data(translate(lang, 'district.notFound', { code: raw }), { status: 404 });
  return profile;
}

export const meta: MetaFunction<typeof loader> = ({ loaderData: d, location }) => {
  const lang = langOfPath(location.pathname);
  return [{ title: `${d ? d.district.name : translate(lang, 'error.notFound')} — ${translate(lang, 'site.title')}` }];
};


export default function District() {
  const p = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const name = p.district.name;
  const fy = `FY${p.fiscalYear}`;
  const series = (measure: string) => (p.measures[measure] ?? []).map((m) => ({ x: m.schoolYear, y: m.value }));
  const enrollment = series('enrollment');
  const absenteeism = series('chronic_absenteeism_pct');
  const grad = series('graduation_4yr_rate');
  const gradHn = series('graduation_4yr_rate_high_needs');
  const ela = series('sbac_ela_level3plus_pct');
  const math = series('sbac_math_level3plus_pct');
  const pct = (v: number) => `${formatNumber(lang, v, 1)}%`;
  const moneyNow = p.money.find((m) => m.fiscalYear === p.fiscalYear);
  // The chart's own summary says what it shows over the years; the sentence above it, this year.
  const withheldFirst = p.money.find((m) => m.allianceCents > 0);
  const withheldLast = p.money.at(-1);
  const moneyColumns = [t('common.fiscalYear'), t('common.entitlement'), t('common.withheld'), 'Base'];
  const moneyRows = p.money.map((m) => [`FY${m.fiscalYear}`, formatMoney(lang, m.entitlementCents), formatMoney(lang, m.allianceCents), m.baseFiscalYear ? `FY${m.baseFiscalYear}` : '—']);
  const official = p.official;
  const computation = p.computation;
  const rerun = computation;
  const reasons = (rs: readonly string[]) => rs.map((r) => t(REASON_KEYS[r] ?? 'common.notAvailable')).join('; ');
  const defaultReading = computation?.opportunityReadings.find((r) => r.isDefault);
  const readingLabel = (r: { reading: string }) => t(`opportunity.reading.${r.reading}` as MessageKey);
  const otherReadings = (computation?.opportunityReadings ?? []).filter((r) => !r.isDefault).map((r) => `${r.count} (${readingLabel(r)})`).join('; ');
  return (
    <>
      <nav className="usa-breadcrumb no-print" aria-label="Breadcrumb">
        <ol className="usa-breadcrumb__list">
          <li className="usa-breadcrumb__list-item">
            <Link className="usa-breadcrumb__link" to={localPath(lang, '/districts')}>
              {t('districts.title')}
            </Link>
          </li>
          <li className="usa-breadcrumb__list-item usa-current" aria-current="page">
            {name}
          </li>
        </ol>
      </nav>
      <h1>{name}</h1>
      <p className="usa-intro">
        {ORG_TYPE_LABELS[p.district.orgType as OrgType] ?? p.district.orgType} · {t('common.code')} {p.district.code}
      </p>

      <section aria-labelledby="status">
        <h2 id="status">{t('district.status')}</h2>
        <div className={`usa-summary-box`}>
          <div className="usa-summary-box__body">
            <p className="usa-summary-box__text status-yes">{p.alliance ? t('district.isAlliance', { name, fy }) : t('district.notAlliance', { name, fy })}</p>
            {p.firstDesignation ? <p className="usa-summary-box__text">{t('district.firstDesignated', { fy: `FY${p.firstDesignation.firstFiscalYear}`, act: p.firstDesignation.act })}</p> : null}
          </div>
        </div>
        <table className="usa-table usa-table--compact">
          <caption>{t('district.history')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('district.cycle')}</th>
              <th scope="col">{t('common.law')}</th>
              <th scope="col">{t('district.result')}</th>
            </tr>
          </thead>
          <tbody>
            {p.cycles.map((c) => (
              <tr key={c.versionId}>
                <th scope="row">
                  FY{c.first}–FY{c.last}
                </th>
                <td>{c.citation}</td>
                <td>
                  {c.designated
                    ? c.how === 'first'
                      ? t('district.firstCycle')
                      : // The cycle in force keeps it whatever its size; say so when the latest data has it below the floor.
                        c.first <= p.fiscalYear && p.fiscalYear <= c.last && computation?.belowFloor != null
                        ? t('district.keptBelowFloor', { floor: formatNumber(lang, computation.belowFloor) })
                        : t('district.continuing', { fy: p.firstDesignation?.firstFiscalYear ?? c.first })
                    : t('common.notAlliance')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="why">
        <h2 id="why">
          <span className="usa-tag">{t('common.record')}</span> {t('district.officialWhy')}
        </h2>
        <p>{official.cycle ? t('district.officialLede', { fy, law: official.cycle.citation }) : t('district.officialNoRule', { fy })}</p>
        <OfficialSteps steps={official.steps} name={name} lang={lang} />
      </section>

      {computation ? (
        <section aria-labelledby="computation" className="computation">
          <h2 id="computation">
            <span className="usa-tag usa-tag--big bg-base">{t('common.computation')}</span> {t('district.computation')}
          </h2>
          <p>{t('district.computationLede', { act: computation.act, year: computation.dataYear })}</p>
          <p>
            {computation.result.designated
              ? computation.result.basis === 'grandfathered' && computation.belowFloor !== null && computation.result.ineligibleReasons.every((r) => r === 'min_enrollment')
                ? t('district.computationSelectedBelowFloor', { year: computation.dataYear, act: computation.act, name, floor: formatNumber(lang, computation.belowFloor) })
                : computation.result.basis === 'grandfathered' && computation.result.ineligibleReasons.length
                ? t('district.computationSelectedFloor', { year: computation.dataYear, act: computation.act, name, reasons: reasons(computation.result.ineligibleReasons) })
                : t('district.computationSelected', { year: computation.dataYear, act: computation.act, name, basis: computation.result.basis === 'rank' ? t('common.byRank') : t('common.grandfathered') })
              : t('district.computationNotSelected', { year: computation.dataYear, act: computation.act, name, reasons: computation.result.ineligibleReasons.length ? ` (${reasons(computation.result.ineligibleReasons)})` : '' })}{' '}
            {computation.result.rank !== null ? t('district.computationRank', { rank: computation.result.rank }) : ''}
          </p>
          {computation.differsFromRecord ? (
            <div className="usa-alert usa-alert--info usa-alert--slim">
              <div className="usa-alert__body">
                <p className="usa-alert__text">{t('district.computationDiffers', { year: computation.dataYear })}</p>
              </div>
            </div>
          ) : null}
          <p>
            {t('district.opportunityReadings', {
              year: computation.dataYear,
              count: defaultReading?.count ?? 0,
              reading: defaultReading ? readingLabel(defaultReading) : '',
              others: otherReadings,
            })}
            {computation.result.opportunityDistrict ? ` ${t('district.opportunityThis', { name })}` : ''}
          </p>
          <details>
            <summary>{t('district.computationSteps')}</summary>
            {lang === 'es' ? <p>{t('common.englishOnly')}</p> : null}
            <Trace steps={computation.trace} lang="en" />
            <h3>{t('common.law')}</h3>
            <Trace steps={computation.lawTrace} lang="en" />
          </details>
        </section>
      ) : null}

      <section aria-labelledby="index">
        <h2 id="index">{t('district.measures')}</h2>
        {rerun && rerun.result.accountabilityIndex !== null ? (
          <p>
            {t('district.indexAgainst', {
              year: rerun.dataYear,
              name,
              index: formatNumber(lang, rerun.result.accountabilityIndex, 1),
              median: rerun.medianIndex === null ? '—' : formatNumber(lang, rerun.medianIndex, 1),
              cutoff: rerun.cutoffIndex === null ? '—' : formatNumber(lang, rerun.cutoffIndex, 1),
            })}
          </p>
        ) : (
          <p>{t('district.noData')}</p>
        )}
        {p.areas && p.areas.district.length ? (
          <ScrollX label={t('district.areas', { year: p.areas.schoolYear })}>
            <table className="usa-table usa-table--compact">
              <caption>{t('district.areas', { year: p.areas.schoolYear })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('district.area')}</th>
                  <th scope="col" className="numeric">
                    {name}
                  </th>
                  <th scope="col" className="numeric">
                    {t('district.state')}
                  </th>
                </tr>
              </thead>
              <tbody lang="en">
                {p.areas.district.map((a) => {
                  const s = p.areas!.state?.find((x) => x.id === a.id);
                  return (
                    <tr key={a.id}>
                      <th scope="row">{a.label}</th>
                      <td className="numeric">
                        {formatNumber(lang, a.percent, 1)}% ({formatNumber(lang, a.points, 1)} / {formatNumber(lang, a.possible)})
                      </td>
                      <td className="numeric">{s ? `${formatNumber(lang, s.percent, 1)}%` : '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollX>
        ) : null}
        {p.indicators.length ? (
          <ScrollX label={t('common.index')}>
            <table className="usa-table usa-table--compact">
              <caption>{t('common.index')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('common.schoolYear')}</th>
                  <th scope="col" className="numeric">
                    {t('common.index')}
                  </th>
                  <th scope="col" className="numeric">
                    Points
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.indicators.map((r) => (
                  <tr key={r.schoolYear}>
                    <th scope="row">{r.schoolYear}</th>
                    <td className="numeric">{r.index === null ? '—' : formatNumber(lang, r.index, 1)}</td>
                    <td className="numeric">{r.points === null || r.possible === null ? '—' : `${formatNumber(lang, r.points, 1)} / ${formatNumber(lang, r.possible)}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollX>
        ) : null}
      </section>

      <section aria-labelledby="trends">
        <h2 id="trends">{t('district.trends')}</h2>
        {enrollment.length ? (
          <LineChart
            title={t('district.enrollmentTrend')}
            summary={`${name}: ${formatNumber(lang, enrollment[0]!.y)} (${enrollment[0]!.x}) → ${formatNumber(lang, enrollment.at(-1)!.y)} (${enrollment.at(-1)!.x}).`}
            series={[{ name: t('district.enrollmentTrend'), points: enrollment }]}
            format={(v) => formatNumber(lang, v)}
            table={{ caption: t('district.enrollmentTrend'), summaryLabel: t('common.showTable'), firstColumn: t('common.schoolYear') }}
          />
        ) : null}
        {absenteeism.length ? (
          <LineChart
            title={t('district.absenteeismTrend')}
            summary={`${name}: ${pct(absenteeism[0]!.y)} (${absenteeism[0]!.x}) → ${pct(absenteeism.at(-1)!.y)} (${absenteeism.at(-1)!.x}).`}
            series={[{ name: t('district.absenteeismTrend'), points: absenteeism }]}
            format={pct}
            table={{ caption: t('district.absenteeismTrend'), summaryLabel: t('common.showTable'), firstColumn: t('common.schoolYear') }}
          />
        ) : null}
        {grad.length ? (
          <LineChart
            title={t('district.graduationTrend')}
            summary={`${name}: ${pct(grad[0]!.y)} (${grad[0]!.x}) → ${pct(grad.at(-1)!.y)} (${grad.at(-1)!.x}).`}
            series={[
              { name: lang === 'es' ? 'Todos los estudiantes' : 'All students', points: grad },
              ...(gradHn.length ? [{ name: lang === 'es' ? 'Altas necesidades' : 'High needs', points: gradHn }] : []),
            ]}
            format={pct}
            table={{ caption: t('district.graduationTrend'), summaryLabel: t('common.showTable'), firstColumn: t('common.schoolYear') }}
          />
        ) : null}
        {ela.length || math.length ? (
          <LineChart
            title={t('district.assessment')}
            summary={`${name}: ELA ${ela.map((e) => `${pct(e.y)} (${e.x})`).join(', ')}; math ${math.map((e) => `${pct(e.y)} (${e.x})`).join(', ')}.`}
            series={[
              { name: 'ELA', points: ela },
              { name: lang === 'es' ? 'Matemáticas' : 'Math', points: math },
            ]}
            format={pct}
            min={0}
            table={{ caption: t('district.assessment'), summaryLabel: t('common.showTable'), firstColumn: t('common.schoolYear') }}
          />
        ) : null}
        {!enrollment.length && !absenteeism.length && !grad.length ? <p>{t('district.noData')}</p> : null}
      </section>

      {p.money.length ? (
        <section aria-labelledby="money">
          <h2 id="money">{t('district.money')}</h2>
          <p>
            {moneyNow && moneyNow.allianceCents > 0
              ? t('district.moneySummary', { fy, withheld: formatMoney(lang, moneyNow.allianceCents), entitlement: formatMoney(lang, moneyNow.entitlementCents), name })
              : t('district.moneyNone', { name })}
          </p>
          {withheldFirst && withheldLast ? (
          <BarChart
            title={`${t('common.withheld')} — ${name}`}
            summary={t('district.moneyTrend', { name, first: formatMoney(lang, withheldFirst.allianceCents), firstFy: `FY${withheldFirst.fiscalYear}`, last: formatMoney(lang, withheldLast.allianceCents), lastFy: `FY${withheldLast.fiscalYear}` })}
            data={p.money.map((m) => ({ label: `FY${m.fiscalYear}`, value: m.allianceCents / 100, ...(m.published ? {} : { note: lang === 'es' ? 'calculado' : 'computed' }) }))}
            format={(v) => formatMoney(lang, v * 100)}
            axisFormat={(v, max) => formatMoneyAxis(lang, v, max)}
            table={{
              caption: t('district.money'),
              summaryLabel: t('common.showTable'),
              columns: moneyColumns,
              numeric: [false, true, true, false],
              rows: moneyRows,
            }}
          />
          ) : (
            // Nothing ever withheld: no chart of zeros, the entitlements as a table.
            <ChartTable caption={t('district.money')} summaryLabel={t('common.showTable')} columns={moneyColumns} numeric={[false, true, true, false]} rows={moneyRows} />
          )}
        </section>
      ) : null}

      {p.offRamp ? (
        <section aria-labelledby="off-ramp">
          <h2 id="off-ramp">{t('offRamp.title')}</h2>
          <p>{t('offRamp.intro', { years: p.offRamp.outOfLowest.need, reviewed: p.offRamp.targetsMet.need })}</p>
          <ScrollX label={t('offRamp.title')}>
            <table className="usa-table usa-table--compact">
              <caption>{t('offRamp.caption', { fy: `FY${p.offRamp.fiscalYear}` })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('offRamp.criterion')}</th>
                  <th scope="col" className="numeric">
                    {t('offRamp.have')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('offRamp.need')}
                  </th>
                  <th scope="col">{t('offRamp.holds')}</th>
                </tr>
              </thead>
              <tbody>
                {p.offRamp.criteria.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{t(`offRamp.criterion.${c.id}` as MessageKey)}</th>
                    <td className="numeric">{c.have}</td>
                    <td className="numeric">{c.need}</td>
                    <td>{c.holds ? t('offRamp.yes') : t('offRamp.notYet', { count: c.need - c.have })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollX>
          <p>
            {p.offRamp.exits ? t('offRamp.exits', { amount: formatMoney(lang, p.offRamp.allianceCents) }) : t('offRamp.effect', { amount: formatMoney(lang, p.offRamp.allianceCents) })}
          </p>
          <p className="usa-hint">{t('offRamp.data', { years: p.offRamp.dataYears.join(', ') || '—' })}</p>
        </section>
      ) : null}

      {p.plans.map((plan) => (
        <section key={plan.planId} aria-labelledby={`plan-${plan.fiscalYear}`}>
          <h2 id={`plan-${plan.fiscalYear}`}>{t('plan.public.title', { fy: `FY${plan.fiscalYear}` })}</h2>
          <p>
            {plan.decision === 'approved-with-conditions' && plan.conditions ? t('plan.public.conditions', { conditions: plan.conditions }) : t('plan.public.approved')}{' '}
            {plan.release ? t('plan.public.released', { amount: formatMoney(lang, plan.release.amountCents), date: plan.release.date }) : t('plan.public.notReleased')}
          </p>
          <h3>{t('plan.public.narrative')}</h3>
          <p className="measure-6">{plan.narrative}</p>
          <h3>{t('plan.public.goals')}</h3>
          <ScrollX label={t('plan.public.progress')}>
            <table className="usa-table usa-table--compact">
              <caption>{t('plan.public.progress')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('plan.public.goalCol')}</th>
                  <th scope="col" className="numeric">
                    {t('plan.public.baseline')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('plan.public.target')}
                  </th>
                  <th scope="col">{t('plan.public.latest')}</th>
                  <th scope="col">{t('plan.public.status')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.progress.map((g) => (
                  <tr key={g.goalId}>
                    <th scope="row">{g.description}</th>
                    <td className="numeric">{formatNumber(lang, g.baseline, 1)}</td>
                    <td className="numeric">{formatNumber(lang, g.target, 1)}</td>
                    <td>{g.latest ? t('plan.public.latestValue', { value: formatNumber(lang, g.latest.value, 1), date: g.latest.asOf, source: t(`plan.public.source.${g.latest.source}` as MessageKey) }) : '—'}</td>
                    <td>{t(`goalStatus.${g.status}` as MessageKey)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollX>
          <p className="usa-hint">{t('plan.public.progressRule', { onTrack: DEFAULT_PROGRESS_RULE.onTrackPoints, atRisk: DEFAULT_PROGRESS_RULE.atRiskPoints })}</p>
          <h3>{t('plan.public.strategies')}</h3>
          <ul className="usa-list">
            {plan.strategies.map((s) => (
              <li key={s.id}>
                {s.title}
                {s.description ? `: ${s.description}` : ''}
              </li>
            ))}
          </ul>
          <table className="usa-table usa-table--compact">
            <caption>{t('plan.public.budget')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plan.public.area')}</th>
                <th scope="col" className="numeric">
                  {t('plan.public.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {plan.budgetByArea.map((a) => (
                <tr key={a.area}>
                  <th scope="row">{t(`fundingArea.${a.area}` as MessageKey)}</th>
                  <td className="numeric">{formatMoney(lang, a.cents)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('plan.public.total')}</th>
                <td className="numeric">{formatMoney(lang, plan.totalCents)}</td>
              </tr>
            </tfoot>
          </table>
          {plan.spending ? (
            <>
              <table className="usa-table usa-table--compact">
                <caption>{t('plan.public.spending', { date: plan.spending.asOf })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('plan.public.area')}</th>
                    <th scope="col" className="numeric">
                      {t('plan.public.budgeted')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('plan.public.spent')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('plan.public.spentShare')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {plan.spending.byArea.map((a) => (
                    <tr key={a.area}>
                      <th scope="row">{t(`fundingArea.${a.area}` as MessageKey)}</th>
                      <td className="numeric">{formatMoney(lang, a.budgetedCents)}</td>
                      <td className="numeric">{formatMoney(lang, a.spentCents)}</td>
                      <td className="numeric">{formatPercent(lang, a.spentShare, 0)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="usa-hint">{t('plan.public.spendingNote', { count: plan.spending.reports })}</p>
            </>
          ) : (
            <p>{t('plan.public.spendingNone')}</p>
          )}
          <p>
            {t('plan.public.download')} <a href={`/api/v1/districts/${p.district.code}/plans.csv`}>CSV</a> · <a href={`/api/v1/districts/${p.district.code}/plans.xlsx`}>Excel</a> · <a href={`/api/v1/districts/${p.district.code}/plans.json`}>JSON</a>
          </p>
        </section>
      ))}
    </>
  );
}
