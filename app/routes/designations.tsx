import { Form, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { ComparisonView, ResultTable } from '../components/designation-views.tsx';
import { langOfPath, translate } from '../i18n/messages.ts';
import { designationsData, indexYears, parseSchoolYearParam } from '../lib/public.server.ts';
import { useLang, useT } from '../root.tsx';

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const law = url.searchParams.get('law') || 'pa-22-118';
  const compare = url.searchParams.get('compare') || undefined;
  const dataYear = parseSchoolYearParam(url.searchParams.get('dataYear'));
  const [years, view] = await Promise.all([indexYears(), designationsData(law, dataYear, compare)]);
  return { law, compare: compare ?? '', years, ...view, search: url.search };
}

export const meta: MetaFunction = ({ location }) => {
  const lang = langOfPath(location.pathname);
  return [{ title: `${translate(lang, 'designations.title')} — ${translate(lang, 'site.title')}` }];
};

export default function Designations() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const options = (
    <>
      <optgroup label={t('designations.enacted')}>
        {d.rulesets
          .filter((r) => r.status === 'enacted')
          .map((r) => (
            <option key={r.id} value={r.id}>
              {r.title}
            </option>
          ))}
      </optgroup>
      <optgroup label={t('designations.proposed')}>
        {d.rulesets
          .filter((r) => r.status !== 'enacted')
          .map((r) => (
            <option key={r.id} value={r.id}>
              {r.title}
            </option>
          ))}
      </optgroup>
    </>
  );
  return (
    <>
      <h1>{t('designations.title')}</h1>
      <p className="usa-intro">{t('designations.lede')}</p>
      <Form method="get" className="usa-form usa-form--large no-print">
        <label className="usa-label" htmlFor="law">
          {t('common.law')}
        </label>
        <select className="usa-select" id="law" name="law" defaultValue={d.law}>
          {options}
        </select>
        <label className="usa-label" htmlFor="dataYear">
          {t('common.dataYear')}
        </label>
        <select className="usa-select" id="dataYear" name="dataYear" defaultValue={d.a.dataYear}>
          {d.years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <label className="usa-label" htmlFor="compare">
          {t('designations.compareWith')}
        </label>
        <select className="usa-select" id="compare" name="compare" defaultValue={d.compare}>
          <option value="">{t('designations.noComparison')}</option>
          {options}
        </select>
        <button className="usa-button" type="submit">
          {t('common.apply')}
        </button>
      </Form>
      <p className="no-print">
        <a className="usa-button usa-button--secondary" href={`/api/v1/designations.csv?law=${encodeURIComponent(d.law)}&dataYear=${encodeURIComponent(d.a.dataYear)}`} download>
          {t('common.downloadCsv')}
        </a>
        <a className="usa-button usa-button--secondary" href={`/api/v1/designations.xlsx?law=${encodeURIComponent(d.law)}&dataYear=${encodeURIComponent(d.a.dataYear)}`} download>
          {t('common.downloadXlsx')}
        </a>
      </p>
      <h2>
        {d.a.law.title} — {d.a.dataYear}
      </h2>
      {d.a.law.status !== 'enacted' ? (
        <div className="usa-alert usa-alert--warning usa-alert--slim">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{t('designations.proposed')}</p>
          </div>
        </div>
      ) : null}
      {d.b && d.comparison ? (
        <section aria-labelledby="compare-h">
          <h2 id="compare-h">
            {d.a.law.title} ↔ {d.b.law.title}
          </h2>
          <ComparisonView comparison={d.comparison} lawA={d.a.law.id} lawB={d.b.law.id} lang={lang} />
        </section>
      ) : null}
      <ResultTable view={d.a} lang={lang} caption={`${d.a.law.title} — ${d.a.dataYear}`} />
    </>
  );
}
