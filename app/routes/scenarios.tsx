import { data, Form, Link, useLoaderData, useLocation, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { ComparisonView, MissingData, OfficialList, ResultTable, setLabel } from '../components/designation-views.tsx';
import { Trace } from '../components/trace.tsx';
import { langOfPath, localPath, translate } from '../i18n/messages.ts';
import { indexYears, parseSchoolYearParam, scenarioData } from '../lib/public.server.ts';
import { ENACTED_BASES, formQuery, readForm } from '../lib/scenario-query.ts';
import { toScenario } from '../lib/scenario-query.server.ts';
import { useLang, useT } from '../root.tsx';

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const form = readForm(url.searchParams);
  const years = await indexYears();
  const scenario = toScenario(form);
  if (!scenario.ok) return data({ form, years, issues: scenario.issues, result: null, noRuleYear: null }, { status: 400 });
  const dataYear = parseSchoolYearParam(form.dataYear || null);
  try {
    const result = await scenarioData(scenario.spec, dataYear, form.baseline);
    return { form, years, issues: [] as string[], result, noRuleYear: scenario.noRuleYear };
  } catch (e) {
    // A rule error (e.g. a tie the chosen reading refuses) is shown beside the form.
    const err = e as { data?: unknown; init?: { status?: number } };
    if (err && typeof err === 'object' && 'data' in err && typeof err.data === 'string') {
      return data({ form, years, issues: [err.data], result: null, noRuleYear: null }, { status: err.init?.status ?? 400 });
    }
    throw e;
  }
}

export const meta: MetaFunction = ({ location }) => {
  const lang = langOfPath(location.pathname);
  return [{ title: `${translate(lang, 'scenarios.title')} — ${translate(lang, 'site.title')}` }];
};

export default function Scenarios() {
  const { form, years, issues, result, noRuleYear } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const location = useLocation();
  const share = `${location.pathname}?${formQuery(form)}`;
  return (
    <>
      <h1>{t('scenarios.title')}</h1>
      <p className="usa-intro">{t('scenarios.lede')}</p>
      <Form method="get" className="usa-form usa-form--large no-print">
        <input type="hidden" name="run" value="1" />
        <label className="usa-label" htmlFor="base">
          {t('scenarios.base')}
        </label>
        <select className="usa-select" id="base" name="base" defaultValue={form.base}>
          {ENACTED_BASES.map((b) => (
            <option key={b} value={b}>
              {b.toUpperCase().replace('PA-', 'PA ').replace(/-(\d+)$/, '-$1')}
            </option>
          ))}
        </select>
        <fieldset className="usa-fieldset">
          <legend className="usa-legend">{t('scenarios.selection')}</legend>
          {(['count', 'score', 'percentile'] as const).map((k) => (
            <div className="usa-radio" key={k}>
              <input className="usa-radio__input" id={`sel-${k}`} type="radio" name="sel" value={k} defaultChecked={form.sel === k} />
              <label className="usa-radio__label" htmlFor={`sel-${k}`}>
                {t(k === 'count' ? 'scenarios.byCount' : k === 'score' ? 'scenarios.byScore' : 'scenarios.byPercentile')}
              </label>
            </div>
          ))}
        </fieldset>
        <label className="usa-label" htmlFor="count">
          {t('scenarios.count')}
        </label>
        <input className="usa-input usa-input--small" id="count" name="count" inputMode="numeric" defaultValue={form.count} />
        <label className="usa-label" htmlFor="score">
          {t('scenarios.score')}
        </label>
        <input className="usa-input usa-input--small" id="score" name="score" inputMode="decimal" defaultValue={form.score} />
        <label className="usa-label" htmlFor="percent">
          {t('scenarios.percent')}
        </label>
        <input className="usa-input usa-input--small" id="percent" name="percent" inputMode="decimal" defaultValue={form.percent} />
        <label className="usa-label" htmlFor="floor">
          {t('scenarios.minEnrollment')}
        </label>
        <input className="usa-input usa-input--small" id="floor" name="floor" inputMode="numeric" defaultValue={form.floor} />
        <div className="usa-checkbox">
          <input className="usa-checkbox__input" id="keep" type="checkbox" name="keep" value="on" defaultChecked={form.keep} />
          <label className="usa-checkbox__label" htmlFor="keep">
            {t('scenarios.grandfathering')}
          </label>
        </div>
        <label className="usa-label" htmlFor="exit">
          {t('scenarios.exit')}
        </label>
        <input className="usa-input usa-input--small" id="exit" name="exit" inputMode="numeric" defaultValue={form.exit} />
        <label className="usa-label" htmlFor="ties">
          {t('scenarios.ties')}
        </label>
        <select className="usa-select" id="ties" name="ties" defaultValue={form.ties}>
          {(['include-all', 'exclude-all', 'fail'] as const).map((v) => (
            <option key={v} value={v}>
              {t(`scenarios.ties.${v}`)}
            </option>
          ))}
        </select>
        <label className="usa-label" htmlFor="fy">
          {t('scenarios.fiscalYear')}
        </label>
        <input className="usa-input usa-input--small" id="fy" name="fy" inputMode="numeric" placeholder="2028" defaultValue={form.fy} />
        <label className="usa-label" htmlFor="dataYear">
          {t('common.dataYear')}
        </label>
        <select className="usa-select" id="dataYear" name="dataYear" defaultValue={form.dataYear}>
          <option value="">—</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <fieldset className="usa-fieldset">
          <legend className="usa-legend">{t('scenarios.baseline')}</legend>
          {(['official', 'rerun'] as const).map((b) => (
            <div className="usa-radio" key={b}>
              <input className="usa-radio__input" id={`baseline-${b}`} type="radio" name="baseline" value={b} defaultChecked={form.baseline === b} />
              <label className="usa-radio__label" htmlFor={`baseline-${b}`}>
                {t(`scenarios.baseline.${b}`)}
              </label>
            </div>
          ))}
        </fieldset>
        <button className="usa-button" type="submit">
          {t('scenarios.run')}
        </button>
      </Form>

      {issues.length ? (
        <div className="usa-alert usa-alert--error" role="alert">
          <div className="usa-alert__body">
            <h2 className="usa-alert__heading">{t('scenarios.invalid')}</h2>
            <ul className="usa-list">
              {issues.map((i) => (
                <li key={i}>{i}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}

      {result && result.missing ? (
        <section aria-labelledby="result">
          <MissingData missing={result.missing} lang={lang} headingId="result" />
          {result.official ? <OfficialList official={result.official} lang={lang} /> : null}
        </section>
      ) : null}

      {result && result.run ? (
        <section aria-labelledby="result">
          <h2 id="result">
            <span className="usa-tag usa-tag--big bg-base">{t('common.computation')}</span> {result.run.law.title}
          </h2>
          {noRuleYear ? (
            <div className="usa-alert usa-alert--info usa-alert--slim">
              <div className="usa-alert__body">
                <p className="usa-alert__text">{t('scenarios.noRuleForYear', { fy: `FY${noRuleYear}` })}</p>
              </div>
            </div>
          ) : null}
          <p>
            <Link to={share}>{t('scenarios.share')}</Link>
          </p>
          {result.comparison ? (
            <>
              <h3>{t('scenarios.diff', { label: setLabel(lang, result.comparison.a.describe) })}</h3>
              <ComparisonView comparison={result.comparison} lawA={setLabel(lang, result.comparison.a.describe)} lawB={setLabel(lang, result.comparison.b.describe)} lang={lang} />
            </>
          ) : null}
          <ResultTable view={result.run} lang={lang} caption={`${result.run.law.title} — ${result.run.dataYear}`} />
          <details>
            <summary>{t('common.law')}</summary>
            <Trace steps={result.trace} lang="en" />
          </details>
        </section>
      ) : null}
      <p>
        <Link to={localPath(lang, '/designations')}>{t('designations.title')}</Link>
      </p>
    </>
  );
}
