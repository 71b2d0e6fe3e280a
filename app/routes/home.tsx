import { Link, useLoaderData, type MetaFunction } from 'react-router';
import { BarChart } from '../components/charts.tsx';
import { TownMap } from '../components/town-map.tsx';
import { formatMoney, formatMoneyAxis, formatNumber, formatPercent, localPath, translate, type Lang } from '../i18n/messages.ts';
import { overviewData, townMap } from '../lib/public.server.ts';
import { useLang, useT } from '../root.tsx';

export async function loader() {
  const { now, students, withheld } = await overviewData();
  const status = new Map(now.districts.filter((d) => d.townCode !== null).map((d) => [d.townCode!, `fy${d.firstFiscalYear}`]));
  return {
    now,
    students,
    withheld,
    map: { width: townMap.width, height: townMap.height, towns: townMap.towns.map((t) => ({ townCode: t.townCode, name: t.name, path: t.path, status: status.get(t.townCode) ?? null })) },
  };
}

export const meta: MetaFunction = ({ location }) => {
  const lang: Lang = location.pathname.startsWith('/es') ? 'es' : 'en';
  return [{ title: `${translate(lang, 'home.title')} — ${translate(lang, 'site.title')}` }, { name: 'description', content: translate(lang, 'home.lede') }];
};

export default function Home() {
  const { now, students, withheld, map } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const fy = `FY${now.fiscalYear}`;
  const first = withheld[0];
  const last = withheld.at(-1);
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="usa-intro">{t('home.lede')}</p>
      <p>
        <a href="https://www.cga.ct.gov/current/pub/chap_172.htm#sec_10-262u">C.G.S. § 10-262u</a>
      </p>

      <section aria-labelledby="now">
        <h2 id="now">{t('home.now', { fy })}</h2>
        {now.law ? (
          <p>{t('home.nowLaw', { law: now.law.title, count: now.districts.length, fy })}</p>
        ) : (
          <div className="usa-alert usa-alert--info usa-alert--slim">
            <div className="usa-alert__body">
              <p className="usa-alert__text">
                {t('home.noRule')} <Link to={localPath(lang, '/scenarios')}>{t('nav.scenarios')}</Link>
              </p>
            </div>
          </div>
        )}
        <div className="grid-row grid-gap">
          <div className="tablet:grid-col-6">
            <h3>{t('home.cohorts')}</h3>
            <ul className="usa-list">
              {now.cohorts.map((c) => (
                <li key={`${c.firstFiscalYear}${c.act}`}>
                  {t('home.cohort', { fy: `FY${c.firstFiscalYear}`, act: c.act })}: <strong>{c.count}</strong>
                </li>
              ))}
            </ul>
          </div>
          {students ? (
            <div className="tablet:grid-col-6">
              <h3>{t('home.students')}</h3>
              <p>
                <span className="stat">{formatNumber(lang, students.students)}</span>
                {t('home.studentsSentence', {
                  students: formatNumber(lang, students.students),
                  year: students.schoolYear,
                  share: formatPercent(lang, students.share),
                  total: formatNumber(lang, students.total),
                })}
              </p>
            </div>
          ) : null}
        </div>
        <table className="usa-table usa-table--compact usa-table--striped">
          <caption>{t('home.now', { fy })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('common.district')}</th>
              <th scope="col">{t('common.cohort')}</th>
              <th scope="col">{t('common.law')}</th>
            </tr>
          </thead>
          <tbody>
            {now.districts.map((d) => (
              <tr key={d.code}>
                <th scope="row">
                  <Link to={localPath(lang, `/districts/${d.code}`)}>{d.name}</Link>
                </th>
                <td>FY{d.firstFiscalYear}</td>
                <td>{d.act}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="map">
        <h2 id="map">{t('home.mapTitle')}</h2>
        <p>{t('home.mapNote')}</p>
        <TownMap
          title={t('home.mapTitle')}
          summary={t('home.mapSummary', { count: map.towns.filter((x) => x.status).length })}
          width={map.width}
          height={map.height}
          towns={map.towns}
          statuses={now.cohorts.map((c) => ({ key: `fy${c.firstFiscalYear}`, label: `${t('common.alliance')} — ${t('home.cohort', { fy: `FY${c.firstFiscalYear}`, act: c.act })}` }))}
          otherLabel={t('common.notAlliance')}
          tableLabels={{ caption: t('home.mapTitle'), town: t('common.district'), status: t('common.status'), summary: t('common.showTable') }}
        />
      </section>

      {first && last ? (
        <section aria-labelledby="money">
          <h2 id="money">{t('home.withheldTitle')}</h2>
          <BarChart
            title={t('home.withheldTitle')}
            summary={t('home.withheldSummary', { first: formatMoney(lang, first.allianceCents), firstFy: `FY${first.fiscalYear}`, last: formatMoney(lang, last.allianceCents), lastFy: `FY${last.fiscalYear}` })}
            data={withheld.map((w) => ({ label: `FY${w.fiscalYear}`, value: w.allianceCents / 100, ...(w.published ? {} : { note: lang === 'es' ? 'calculado' : 'computed' }) }))}
            format={(v) => formatMoney(lang, v * 100)}
            axisFormat={(v, max) => formatMoneyAxis(lang, v, max)}
            table={{
              caption: t('home.withheldTitle'),
              summaryLabel: t('common.showTable'),
              columns: [t('common.fiscalYear'), t('common.withheld'), t('common.source')],
              numeric: [false, true, false],
              rows: withheld.map((w) => [`FY${w.fiscalYear}`, formatMoney(lang, w.allianceCents), w.published ? 'CSDE' : lang === 'es' ? 'calculado' : 'computed']),
            }}
          />
          <p>{t('home.withheldNote')}</p>
        </section>
      ) : null}

      <section aria-labelledby="how">
        <h2 id="how">{t('home.how')}</h2>
        <ol className="usa-process-list">
          {(['home.how1', 'home.how2', 'home.how3', 'home.how4'] as const).map((k) => (
            <li key={k} className="usa-process-list__item">
              <p>{t(k)}</p>
            </li>
          ))}
        </ol>
        <p>
          <Link to={localPath(lang, '/about')}>{t('nav.about')}</Link> · <Link to={localPath(lang, '/outcomes')}>{t('outcomes.title')}</Link>
        </p>
      </section>
    </>
  );
}
