import { useLoaderData, type MetaFunction } from 'react-router';
import { formatMoney, formatNumber, langOfPath, translate } from '../i18n/messages.ts';
import { aboutData } from '../lib/public.server.ts';
import { useLang, useT } from '../root.tsx';
import { ScrollX } from '../components/scroll-x.tsx';

export async function loader() {
  return aboutData();
}

export const meta: MetaFunction = ({ location }) => {
  const lang = langOfPath(location.pathname);
  return [{ title: `${translate(lang, 'about.title')} — ${translate(lang, 'site.title')}` }];
};

const SOURCES = [
  { what: 'Districts, schools, organisation types', source: 'data.ct.gov Education Directory, via darrentweng/CTSchoolPerformance15-22', licence: 'MIT' },
  { what: 'Enrollment and demographics FY2008-FY2026', source: 'CSDE EdSight, via edbot317-source/public-CT-ed-data', licence: 'CC-BY-4.0' },
  { what: 'Chronic absenteeism 2011-12 to 2015-16; Smarter Balanced 2014-15 and 2015-16', source: 'CSDE EdSight exports, via CT-Data-Collaborative/edsight-data', licence: 'ODC-By' },
  { what: 'Accountability index 2024-25', source: 'CSDE EdSight Next Generation Accountability, via edbot317-source/public-CT-ed-data', licence: 'CC-BY-4.0' },
  { what: 'Four-year graduation FY2012-FY2025', source: 'CSDE EdSight, via edbot317-source/public-CT-ed-data', licence: 'CC-BY-4.0' },
  { what: 'ECS entitlements FY2012-FY2027 and CSDE\'s alliance split FY2013-FY2025', source: 'CSDE ECS grant files, via edbot317-source/public-CT-ed-data', licence: 'CC-BY-4.0' },
  { what: 'Town outlines', source: 'US Census Bureau, via CT-Data-Collaborative/equitable-aid', licence: 'public domain' },
  { what: 'The designation record (36 districts, year first designated)', source: 'CSDE 2012 presentation, OLR report 2017-R-0321, CSDE\'s ECS split, 2022 news reports', licence: 'facts' },
];

export default function About() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const q = d.quoted;
  return (
    <>
      <h1>{t('about.title')}</h1>
      <p className="usa-intro">{t('about.lede')}</p>

      <section aria-labelledby="statute">
        <h2 id="statute">{t('about.statute')}</h2>
        {lang === 'es' ? <p>{t('common.englishOnly')}</p> : null}
        {d.versions.map((v) => (
          <div key={v.id} lang="en">
            <h3>{v.title}</h3>
            <p>
              {v.period} · {v.citation}
            </p>
            <blockquote>{v.clause}</blockquote>
            {v.note ? <p>{v.note}</p> : null}
          </div>
        ))}
        <p>FY2028 →: {t('home.noRule')}</p>
      </section>

      <section aria-labelledby="withholding">
        <h2 id="withholding">{t('about.withholding')}</h2>
        <p>{t('about.withholdingText')}</p>
      </section>

      <section aria-labelledby="quoted">
        <h2 id="quoted">{t('about.quoted')}</h2>
        <p>{t('about.quotedLede')}</p>
        <h3>{t('common.entitlement')}</h3>
        <p>{t('about.ecsQuoted', { quote: q.ecsQuote.text })}</p>
        {q.ecs ? (
          <p className="quoted-final">
            {t(q.ecs.publishedAllianceCents === null ? 'about.ecsFinalUnchecked' : q.ecs.publishedAllianceCents === q.ecs.computedAllianceCents ? 'about.ecsFinal' : 'about.ecsFinalDiffers', {
              alliance: formatMoney(lang, q.ecs.computedAllianceCents),
              entitlement: formatMoney(lang, q.ecs.entitlementCents),
              published: q.ecs.publishedAllianceCents === null ? '' : formatMoney(lang, q.ecs.publishedAllianceCents),
              fy: `FY${q.ecs.fiscalYear}`,
              districts: q.ecs.districts,
            })}
          </p>
        ) : null}
        <h3>{t('home.students')}</h3>
        <p>{t('about.servedQuoted', { quote: q.servedQuote.text })}</p>
        {q.served && q.served.schoolYear && q.served.students !== null ? (
          <p className="quoted-counted">
            {t('about.servedCounted', {
              students: formatNumber(lang, q.served.students),
              year: q.served.schoolYear,
              districts: q.served.districts,
              fy: `FY${q.served.fiscalYear}`,
              schools: q.served.schools,
            })}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="parameters">
        <h2 id="parameters">{t('about.parameters')}</h2>
        <ScrollX label={t('about.parameters')}>
          <table className="usa-table usa-table--compact" lang="en">
            <caption>{t('about.parameters')}</caption>
            <thead>
              <tr>
                <th scope="col">Parameter</th>
                <th scope="col">In force</th>
                <th scope="col">Value</th>
                <th scope="col">{t('common.citation')}</th>
              </tr>
            </thead>
            <tbody>
              {d.parameters.flatMap((p) =>
                p.values.map((v, i) => (
                  <tr key={`${p.id}-${i}`}>
                    {i === 0 ? (
                      <th scope="rowgroup" rowSpan={p.values.length}>
                        {p.label}
                        <br />
                        <code>{p.id}</code>
                      </th>
                    ) : null}
                    <td>{v.period}</td>
                    <td>
                      {v.value} {p.unit}
                    </td>
                    <td>
                      {v.citation}
                      {v.note ? <p className="margin-0 font-sans-3xs">{v.note}</p> : null}
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </ScrollX>
      </section>

      <section aria-labelledby="options">
        <h2 id="options">{t('about.options')}</h2>
        <p>{t('about.optionsLede')}</p>
        {d.options.map((o) => (
          <div key={o.id} lang="en">
            <h3>{o.label}</h3>
            <p>{o.question}</p>
            <ul className="usa-list">
              {o.choices.map((c) => (
                <li key={c.value}>
                  <code>{c.value}</code>: {c.label}
                  {c.value === o.default ? ' (default)' : ''}
                </li>
              ))}
            </ul>
            <p>
              {o.citation}
              {o.note ? ` — ${o.note}` : ''}
            </p>
          </div>
        ))}
      </section>

      <section aria-labelledby="data">
        <h2 id="data">{t('about.data')}</h2>
        <table className="usa-table usa-table--compact">
          <caption>{t('about.data')}</caption>
          <thead>
            <tr>
              <th scope="col">Data</th>
              <th scope="col">{t('common.source')}</th>
              <th scope="col">Licence</th>
            </tr>
          </thead>
          <tbody>
            {SOURCES.map((s) => (
              <tr key={s.what}>
                <th scope="row">{s.what}</th>
                <td>{s.source}</td>
                <td>{s.licence}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>{t('about.imports')}</h3>
        <ScrollX label={t('about.imports')}>
          <table className="usa-table usa-table--compact">
            <caption>{t('about.imports')}</caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Kind</th>
                <th scope="col">{t('about.importedAt')}</th>
                <th scope="col" className="numeric">
                  {t('about.rows')}
                </th>
              </tr>
            </thead>
            <tbody>
              {d.imports.map((i) => (
                <tr key={`${i.kind}${i.file}`}>
                  <th scope="row">{i.file}</th>
                  <td>{i.kind}</td>
                  <td>{i.at}</td>
                  <td className="numeric">{i.rows.toLocaleString(lang === 'es' ? 'es-US' : 'en-US')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollX>
      </section>
    </>
  );
}
