import { data, Form, Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { DomainError } from '../../src/domain/errors.ts';
import { schoolYear } from '../../src/domain/time/fiscal-year.ts';
import { headlineFor } from '../../src/services/outcomes.service.ts';
import { ScrollX } from '../components/scroll-x.tsx';
import { formatNumber, formatPercent, langOfPath, localPath, translate, type MessageKey } from '../i18n/messages.ts';
import { cached } from '../lib/store.server.ts';
import { useLang, useT } from '../root.tsx';

export const meta: MetaFunction = ({ location }) => {
  const lang = langOfPath(location.pathname);
  return [{ title: `${translate(lang, 'outcomes.title')} — ${translate(lang, 'site.title')}` }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const raw = new URL(request.url).searchParams.get('year');
  let year;
  try {
    year = raw ? schoolYear(raw) : undefined;
  } catch {
    year = undefined;
  }
  try {
    return { headline: await cached(`outcomes:${year ?? ''}`, (store) => headlineFor(store, year)), problem: null };
  } catch (e) {
    if (e instanceof DomainError) return data({ headline: null, problem: e.message }, { status: 404 });
    throw e;
  }
}

export default function Outcomes() {
  const { headline: h, problem } = useLoaderData<typeof loader>();
  const lang = useLang();
  const t = useT();
  const pct = (v: number | null) => (v === null ? '—' : formatPercent(lang, v, 1));
  return (
    <>
      <h1>{t('outcomes.title')}</h1>
      {h ? (
        <>
          <p className="usa-intro">{t('outcomes.headline', { count: formatNumber(lang, h.enrollment.alliance), districts: h.allianceDistricts, share: pct(h.enrollment.share), state: formatNumber(lang, h.enrollment.state), year: h.schoolYear })}</p>
          <p>{t('outcomes.intro', { year: h.schoolYear, fy: `FY${h.fiscalYear}` })}</p>
          <Form method="get" className="usa-form">
            <label className="usa-label" htmlFor="year">
              {t('outcomes.year')}
            </label>
            <select className="usa-select" id="year" name="year" defaultValue={h.schoolYear}>
              {h.years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
            <button className="usa-button usa-button--outline" type="submit">
              {t('outcomes.show')}
            </button>
          </Form>
          <ScrollX label={t('outcomes.caption', { year: h.schoolYear })}>
            <table className="usa-table usa-table--compact">
              <caption>{t('outcomes.caption', { year: h.schoolYear })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('outcomes.group')}</th>
                  <th scope="col" className="numeric">
                    {t('outcomes.inAlliance')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('outcomes.inState')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('outcomes.shareOfState')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('outcomes.stateShare')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('outcomes.above')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {h.groups.map((g) => (
                  <tr key={g.group}>
                    <th scope="row">{t(`outcomes.group.${g.group}` as MessageKey)}</th>
                    <td className="numeric">{formatNumber(lang, g.alliance)}</td>
                    <td className="numeric">{formatNumber(lang, g.state)}</td>
                    <td className="numeric">{pct(g.shareOfState)}</td>
                    <td className="numeric">{pct(g.stateShare)}</td>
                    <td className="numeric">{t('outcomes.aboveValue', { count: g.districtsAbove, total: g.districtsCounted })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollX>
          <div className="usa-alert usa-alert--info usa-alert--slim margin-top-2">
            <div className="usa-alert__body">
              <p className="usa-alert__text">{t('outcomes.highNeeds')}</p>
            </div>
          </div>
          <p className="usa-hint">{t('outcomes.source')}</p>
          <p>
            <Link to={localPath(lang, '/evaluation')}>{t('outcomes.evaluationLink')}</Link>
          </p>
          <p>
            {t('outcomes.download')} <a href={`/api/v1/outcomes/headline.csv?schoolYear=${h.schoolYear}`}>CSV</a> · <a href={`/api/v1/outcomes/headline.json?schoolYear=${h.schoolYear}`}>JSON</a>
          </p>
        </>
      ) : (
        <div className="usa-alert usa-alert--warning" role="alert">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{problem}</p>
          </div>
        </div>
      )}
    </>
  );
}
