import { Form, Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { ORG_TYPE_LABELS, type OrgType } from '../../src/domain/district.ts';
import { formatMoney, formatNumber, localPath, translate, type Lang, type MessageKey } from '../i18n/messages.ts';
import { districtsData } from '../lib/public.server.ts';
import { parseDistrictQuery, SORTS, filterAndSort } from '../lib/district-query.ts';
import { useLang, useT } from '../root.tsx';
import { ScrollX } from '../components/scroll-x.tsx';

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const query = parseDistrictQuery(url.searchParams);
  const { fiscalYear, rows } = await districtsData();
  return { fiscalYear, query, rows: filterAndSort(rows, query), total: rows.length, search: url.search };
}

export const meta: MetaFunction = ({ location }) => {
  const lang: Lang = location.pathname.startsWith('/es') ? 'es' : 'en';
  return [{ title: `${translate(lang, 'districts.title')} — ${translate(lang, 'site.title')}` }];
};

const SORT_LABELS: Record<(typeof SORTS)[number], MessageKey> = {
  name: 'common.district',
  index: 'common.index',
  rank: 'common.rank',
  enrollment: 'common.enrollment',
  status: 'common.status',
  cohort: 'common.cohort',
  withheld: 'common.withheld',
};

export default function Districts() {
  const { fiscalYear, query, rows, search } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const types = ['local', 'regional', 'charter', 'resc', 'state-agency', 'technical', 'academy', 'goodwin'] as OrgType[];
  const apiQuery = search ? `${search}` : '';
  return (
    <>
      <h1>{t('districts.title')}</h1>
      <p className="usa-intro">{t('districts.lede')}</p>
      <Form method="get" className="usa-form usa-form--large no-print" aria-label={t('districts.title')}>
        <div className="grid-row grid-gap">
          <div className="tablet:grid-col-4">
            <label className="usa-label" htmlFor="q">
              {t('districts.search')}
            </label>
            <input className="usa-input" id="q" name="q" type="search" defaultValue={query.q} maxLength={80} />
          </div>
          <div className="tablet:grid-col-4">
            <label className="usa-label" htmlFor="status">
              {t('districts.filterStatus')}
            </label>
            <select className="usa-select" id="status" name="status" defaultValue={query.status}>
              <option value="all">{t('districts.all')}</option>
              <option value="alliance">{t('districts.onlyAlliance')}</option>
              <option value="other">{t('districts.onlyOthers')}</option>
            </select>
          </div>
          <div className="tablet:grid-col-4">
            <label className="usa-label" htmlFor="type">
              {t('districts.filterType')}
            </label>
            <select className="usa-select" id="type" name="type" defaultValue={query.type}>
              <option value="all">{t('districts.all')}</option>
              {types.map((ty) => (
                <option key={ty} value={ty}>
                  {ORG_TYPE_LABELS[ty]}
                </option>
              ))}
            </select>
          </div>
          <div className="tablet:grid-col-4">
            <label className="usa-label" htmlFor="sort">
              {t('districts.sort')}
            </label>
            <select className="usa-select" id="sort" name="sort" defaultValue={query.sort}>
              {SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(SORT_LABELS[s])}
                </option>
              ))}
            </select>
          </div>
          <div className="tablet:grid-col-4">
            <label className="usa-label" htmlFor="dir">
              {t('districts.order')}
            </label>
            <select className="usa-select" id="dir" name="dir" defaultValue={query.dir}>
              <option value="asc">{t('districts.ascending')}</option>
              <option value="desc">{t('districts.descending')}</option>
            </select>
          </div>
        </div>
        <button className="usa-button" type="submit">
          {t('common.apply')}
        </button>
        <Link className="usa-button usa-button--outline" to={localPath(lang, '/districts')}>
          {t('common.reset')}
        </Link>
      </Form>
      <p>
        <a className="usa-button usa-button--secondary" href={`/api/v1/districts.csv${apiQuery}`} download>
          {t('common.downloadCsv')}
        </a>
        <a className="usa-button usa-button--secondary" href={`/api/v1/districts.xlsx${apiQuery}`} download>
          {t('common.downloadXlsx')}
        </a>
      </p>
      <p role="status">
        {t('districts.count', { count: rows.length })} {t('districts.sortedBy', { column: t(SORT_LABELS[query.sort]), direction: t(query.dir === 'asc' ? 'districts.ascending' : 'districts.descending') })}
      </p>
      <p>{t('districts.columnsNote', { fy: `FY${fiscalYear}` })}</p>
      <ScrollX label={`${t('districts.title')} — FY${fiscalYear}`}>
        <table className="usa-table usa-table--striped usa-table--compact">
          <caption>
            {t('districts.title')} — FY{fiscalYear}
          </caption>
          <thead>
            <tr>
              <th scope="col" aria-sort={query.sort === 'name' ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                {t('common.district')}
              </th>
              <th scope="col">{t('common.type')}</th>
              <th scope="col" className="numeric" aria-sort={query.sort === 'index' ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                {t('common.index')}
              </th>
              <th scope="col" className="numeric" aria-sort={query.sort === 'rank' ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                {t('common.rank')}
              </th>
              <th scope="col" className="numeric" aria-sort={query.sort === 'enrollment' ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                {t('common.enrollment')}
              </th>
              <th scope="col">{t('common.status')}</th>
              <th scope="col">{t('common.cohort')}</th>
              <th scope="col" className="numeric" aria-sort={query.sort === 'withheld' ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                {t('common.withheld')} FY{fiscalYear}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code}>
                <th scope="row">
                  <Link to={localPath(lang, `/districts/${r.code}`)}>{r.name}</Link>
                </th>
                <td>{ORG_TYPE_LABELS[r.orgType as OrgType] ?? r.orgType}</td>
                <td className="numeric">{r.index === null ? '—' : formatNumber(lang, r.index, 1)}</td>
                <td className="numeric">{r.rank ?? '—'}</td>
                <td className="numeric">{r.enrollment === null ? '—' : formatNumber(lang, r.enrollment)}</td>
                <td>{r.alliance ? <span className="usa-tag">{t('common.alliance')}</span> : t('common.notAlliance')}</td>
                <td>{r.firstFiscalYear ? `FY${r.firstFiscalYear}` : '—'}</td>
                <td className="numeric">{r.withheldCents === null ? '—' : formatMoney(lang, r.withheldCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollX>
    </>
  );
}
