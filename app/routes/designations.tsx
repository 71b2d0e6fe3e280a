import { Form, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { ComparisonView, MissingData, OfficialList, ResultTable, setLabel } from '../components/designation-views.tsx';
import { langOfPath, translate } from '../i18n/messages.ts';
import { designationsData, indexYears, parseSchoolYearParam } from '../lib/public.server.ts';
import { useLang, useT } from '../root.tsx';

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const law = url.searchParams.get('law') || 'pa-22-118';
  const compare = url.searchParams.get('compare') || undefined;
  const dataYear = parseSchoolYearParam(url.searchParams.get('dataYear'));
  const [years, view] = await Promise.all([indexYears(), designationsData(law, dataYear, compare)]);
  return { law, compare: compare ?? '', years, dataYear: dataYear ?? null, ...view, search: url.search };
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
        <select className="usa-select" id="dataYear" name="dataYear" defaultValue={d.a?.dataYear ?? d.dataYear ?? ""}>
          {d.a ? null : <option value="">—</option>}
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
      {d.missing ? <MissingData missing={d.missing} lang={lang} /> : null}

      {d.official ? <OfficialList official={d.official} lang={lang} collapsed={Boolean(d.a)} /> : null}

      {d.a ? (
        <section aria-labelledby="computation-h">
          <h2 id="computation-h">
            <span className="usa-tag usa-tag--big bg-base">{t('common.computation')}</span> {t('designations.computationTitle', { act: d.a.law.act, year: d.a.dataYear })}
          </h2>
          <p>{t('designations.computationLede')}</p>
          {d.a.law.status !== 'enacted' ? (
            <div className="usa-alert usa-alert--warning usa-alert--slim">
              <div className="usa-alert__body">
                <p className="usa-alert__text">{t('designations.proposed')}</p>
              </div>
            </div>
          ) : null}
          <p className="no-print">
            <a className="usa-button usa-button--secondary" href={`/api/v1/designations.csv?law=${encodeURIComponent(d.law)}&dataYear=${encodeURIComponent(d.a.dataYear)}`} download>
              {t('common.downloadCsv')}
            </a>
            <a className="usa-button usa-button--secondary" href={`/api/v1/designations.xlsx?law=${encodeURIComponent(d.law)}&dataYear=${encodeURIComponent(d.a.dataYear)}`} download>
              {t('common.downloadXlsx')}
            </a>
          </p>
          {d.vsOfficial && d.official ? (
            <section aria-labelledby="vs-official-h">
              <h3 id="vs-official-h">{t('designations.vsOfficial')}</h3>
              <ComparisonView comparison={d.vsOfficial} lawA={setLabel(lang, d.vsOfficial.a.describe)} lawB={setLabel(lang, d.vsOfficial.b.describe)} lang={lang} />
            </section>
          ) : null}
          {d.b && d.comparison ? (
            <section aria-labelledby="compare-h">
              <h3 id="compare-h">
                {d.a.law.title} ↔ {d.b.law.title}
              </h3>
              <ComparisonView comparison={d.comparison} lawA={setLabel(lang, d.comparison.a.describe)} lawB={setLabel(lang, d.comparison.b.describe)} lang={lang} />
            </section>
          ) : null}
          <ResultTable view={d.a} lang={lang} caption={t('designations.computationTitle', { act: d.a.law.act, year: d.a.dataYear })} />
        </section>
      ) : null}
    </>
  );
}
