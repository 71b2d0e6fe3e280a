/**
 * The designation views shared by the explorer and the simulator: the ranked table with its
 * cutoff line and the reasons for districts not ranked, and the comparison of two results.
 */
import { Fragment } from 'react';
import { Link } from 'react-router';
import { formatMoney, formatNumber, localPath, MESSAGES, translate, type Lang, type MessageKey } from '../i18n/messages.ts';
import type { SetDescription } from '../../src/services/public.service.ts';
import type { MissingData as MissingDataView } from '../lib/public.server.ts';
import type { officialView, summarise } from '../lib/public.server.ts';
import { ScrollX } from './scroll-x.tsx';
import { formatCitation } from '../../src/domain/rules/citation.ts';
import type { TraceStep } from '../../src/domain/rules/trace.ts';

export const REASON_KEYS: Record<string, MessageKey> = {
  org_type: 'designations.reasons.org_type',
  min_enrollment: 'designations.reasons.min_enrollment',
  missing_enrollment: 'designations.reasons.missing_enrollment',
  missing_index: 'designations.reasons.missing_index',
};

type Summary = ReturnType<typeof summarise>;

/** A designation category the law names ("alliance district", RB 1458's "legacy alliance district"), in the page's language. */
export function categoryLabel(lang: Lang, category: string): string {
  const key = `category.${category}` as MessageKey;
  return key in MESSAGES[lang] ? translate(lang, key) : category;
}

/** What a compared set is, in the page's language: the official list, a computation, or the scenario. */
export function setLabel(lang: Lang, d: SetDescription): string {
  if (d.kind === 'record') return translate(lang, 'compare.record', { first: d.first, last: d.last, law: d.law });
  if (d.kind === 'scenario') return translate(lang, 'compare.scenario');
  return translate(lang, 'compare.computation', { act: d.act, year: d.dataYear });
}

export function ResultTable({ view, lang, caption }: { view: Summary; lang: Lang; caption: string }) {
  const t = (k: MessageKey, v?: Record<string, string | number>) => translate(lang, k, v);
  const ranked = view.districts.filter((d) => d.rank !== null);
  const others = view.districts.filter((d) => d.rank === null);
  const lastByRank = ranked.reduce((acc, d, i) => (d.basis === 'rank' ? i : acc), -1);
  // A computation's words: selected by this rule on this data, never "designated".
  const result = (d: Summary['districts'][number]) => {
    if (!d.designated) return t('common.notSelected');
    const category = d.category ? categoryLabel(lang, d.category) : t('common.alliance');
    // An earlier designee below the size floor is selected anyway: said in one phrase, not "selected" beside "too few students".
    const how =
      d.basis === 'grandfathered' && d.belowFloor !== null
        ? t('designations.selectedBelowFloor', { category, floor: formatNumber(lang, d.belowFloor) })
        : t('designations.selectedCell', { category, basis: d.basis === 'rank' ? t('common.byRank') : t('common.grandfathered') });
    return `${how}${d.opportunity ? ` · ${t('common.opportunity')}` : ''}`;
  };
  return (
    <>
      <p>
        {t('designations.summary', {
          designated: view.counts.designated,
          byRank: view.counts.byRank,
          grandfathered: view.counts.grandfathered,
          opportunity: view.counts.opportunity,
          eligible: view.counts.eligible,
        })}
      </p>
      <ScrollX label={caption}>
        <table className="usa-table usa-table--compact">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="numeric">
                {t('common.rank')}
              </th>
              <th scope="col">{t('common.district')}</th>
              <th scope="col" className="numeric">
                {t('common.index')}
              </th>
              <th scope="col" className="numeric">
                {t('common.enrollment')}
              </th>
              <th scope="col">{t('district.result')}</th>
            </tr>
          </thead>
          <tbody>
            {ranked.map((d, i) => (
              <Fragment key={d.code}>
                <tr className={i === lastByRank + 1 ? 'cutoff-row' : undefined}>
                  <td className="numeric">{d.rank}</td>
                  <th scope="row">
                    <Link to={localPath(lang, `/districts/${d.code}`)}>{d.name}</Link>
                  </th>
                  <td className="numeric">{d.index === null ? '—' : formatNumber(lang, d.index, 2)}</td>
                  <td className="numeric">{d.enrollment === null ? '—' : formatNumber(lang, d.enrollment)}</td>
                  <td className={d.designated ? 'status-yes' : undefined}>{result(d)}</td>
                </tr>
                {i === lastByRank && view.cutoffIndex !== null ? (
                  <tr>
                    <td colSpan={5}>
                      <strong>{t('designations.cutoff', { count: view.counts.byRank, index: formatNumber(lang, view.cutoffIndex, 2) })}</strong>
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      </ScrollX>
      {others.length ? (
        <ScrollX label={`${t('common.eligible')}: ${t('common.no')}`}>
          <table className="usa-table usa-table--compact">
            <caption>
              {t('common.eligible')}: {t('common.no')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('common.district')}</th>
                <th scope="col" className="numeric">
                  {t('common.index')}
                </th>
                <th scope="col" className="numeric">
                  {t('common.enrollment')}
                </th>
                <th scope="col">{t('common.why')}</th>
                <th scope="col">{t('district.result')}</th>
              </tr>
            </thead>
            <tbody>
              {others.map((d) => (
                <tr key={d.code}>
                  <th scope="row">
                    <Link to={localPath(lang, `/districts/${d.code}`)}>{d.name}</Link>
                  </th>
                  <td className="numeric">{d.index === null ? '—' : formatNumber(lang, d.index, 2)}</td>
                  <td className="numeric">{d.enrollment === null ? '—' : formatNumber(lang, d.enrollment)}</td>
                  <td>{d.reasons.map((r) => t(REASON_KEYS[r] ?? 'common.notAvailable')).join('; ')}</td>
                  <td className={d.designated ? 'status-yes' : undefined}>{result(d)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollX>
      ) : null}
    </>
  );
}

export function ComparisonView({
  comparison,
  lawA,
  lawB,
  lang,
}: {
  comparison: { enter: readonly { code: string; name: string; index: number | null }[]; leave: readonly { code: string; name: string; index: number | null }[]; fiscal: { fiscalYear: number; aCents: number; bCents: number } | null };
  /** What A and B are, in words (the baseline first): "the official list for FY2023–FY2027 (PA 22-118)", "the scenario". */
  lawA: string;
  lawB: string;
  lang: Lang;
}) {
  const t = (k: MessageKey, v?: Record<string, string | number>) => translate(lang, k, v);
  const list = (items: typeof comparison.enter) =>
    items.length ? (
      <ul className="usa-list">
        {items.map((d) => (
          <li key={d.code}>
            <Link to={localPath(lang, `/districts/${d.code}`)}>{d.name}</Link>
            {d.index !== null ? ` (${formatNumber(lang, d.index, 1)})` : ''}
          </li>
        ))}
      </ul>
    ) : (
      <p>{t('common.none')}</p>
    );
  const change = comparison.fiscal ? comparison.fiscal.bCents - comparison.fiscal.aCents : 0;
  return (
    <div className="grid-row grid-gap">
      <p className="grid-col-12">{t('designations.baselineIs', { label: lawA })}</p>
      <div className="tablet:grid-col-6">
        <h3>{t('designations.enter', { a: lawA, b: lawB })}</h3>
        {list(comparison.enter)}
      </div>
      <div className="tablet:grid-col-6">
        <h3>{t('designations.leave', { a: lawA, b: lawB })}</h3>
        {list(comparison.leave)}
      </div>
      {comparison.fiscal ? (
        <div className="grid-col-12">
          <p>
            {t('designations.fiscal', {
              fy: `FY${comparison.fiscal.fiscalYear}`,
              a: formatMoney(lang, comparison.fiscal.aCents),
              lawA,
              b: formatMoney(lang, comparison.fiscal.bCents),
              lawB,
              change: `${change >= 0 ? '+' : '−'}${formatMoney(lang, Math.abs(change))}`,
            })}
          </p>
        </div>
      ) : null}
    </div>
  );
}

type Official = NonNullable<ReturnType<typeof officialView>>;

/** An official list: the record, with how each district is on it. */
export function OfficialList({ official, lang, collapsed = false }: { official: Official; lang: Lang; collapsed?: boolean }) {
  const t = (k: MessageKey, v?: Record<string, string | number>) => translate(lang, k, v);
  const span = `FY${official.cycle.first}–FY${official.cycle.last}`;
  return (
    <section aria-labelledby="official-h" className="official-list">
      <h2 id="official-h">
        <span className="usa-tag">{t('common.record')}</span> {t('designations.officialTitle', { span })}
      </h2>
      <p>{t('designations.officialSummary', { count: official.counts.designated, law: official.cycle.citation, thisCycle: official.counts.designatedThisCycle, earlier: official.counts.earlierDesignees })}</p>
      <details open={!collapsed}>
      <summary>{t('designations.officialShow', { count: official.counts.designated })}</summary>
      <ScrollX label={t('designations.officialTitle', { span })}>
        <table className="usa-table usa-table--compact">
          <caption>{t('designations.officialTitle', { span })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('common.district')}</th>
              <th scope="col">{t('common.cohort')}</th>
              <th scope="col">{t('district.result')}</th>
            </tr>
          </thead>
          <tbody>
            {official.districts.map((d) => (
              <tr key={d.districtCode}>
                <th scope="row">
                  <Link to={localPath(lang, `/districts/${d.districtCode}`)}>{d.name}</Link>
                </th>
                <td>
                  FY{d.firstDesignatedFiscalYear} ({d.act})
                </td>
                <td>{d.basis === 'designated-this-cycle' ? t('district.firstCycle') : t('district.continuing', { fy: d.firstDesignatedFiscalYear })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollX>
      </details>
    </section>
  );
}

/** A rule whose data is not in the database: what it needs, how to import it, and what the page shows instead. */
export function MissingData({ missing, lang, headingId }: { missing: MissingDataView; lang: Lang; headingId?: string }) {
  const t = (k: MessageKey, v?: Record<string, string | number>) => translate(lang, k, v);
  // Said in the page's language from what is missing; the rule's own English words only if it is something else.
  const said =
    missing.measure === 'district_performance_index'
      ? t('missing.dpi')
      : missing.measure === 'accountability_index'
        ? missing.dataYear
          ? t('missing.index', { year: missing.dataYear, available: missing.available.join(', ') || t('common.none') })
          : t('missing.indexNone')
        : null;
  return (
    <div className="usa-alert usa-alert--warning" role="status">
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading" id={headingId}>
          {t('designations.missingTitle')}
        </h2>
        {said ? (
          <p className="usa-alert__text">{said}</p>
        ) : (
          <p className="usa-alert__text" lang="en">
            {missing.message}
          </p>
        )}
        <p className="usa-alert__text">{t('designations.missingLede')}</p>
      </div>
    </div>
  );
}

/** The official status of a district, explained from the record, in the page's language (the steps carry their values). */
export function OfficialSteps({ steps, name, lang }: { steps: readonly TraceStep[]; name: string; lang: Lang }) {
  const t = (k: MessageKey, v?: Record<string, string | number>) => translate(lang, k, v);
  const sentence = (s: TraceStep): string => {
    const i = (s.inputs ?? {}) as Record<string, string | number>;
    switch (s.rule) {
      case 'record.absent':
        return t('record.absent', { name });
      case 'record.first':
        return t('record.first', { name, fy: i.fiscalYear ?? '', act: i.act ?? '' });
      case 'record.kept':
        return t('record.kept', { name, law: i.law ?? '', first: i.first ?? '', last: i.last ?? '', keepsFirst: i.keepsFirst ?? '', keepsLast: i.keepsLast ?? '' });
      case 'record.this-cycle':
        return t('record.thisCycle', { law: i.law ?? '', first: i.first ?? '', last: i.last ?? '' });
      case 'record.later':
        return t('record.later', { fy: i.fiscalYear ?? '' });
      case 'record.not-kept':
        return t('record.notKept', { law: i.law ?? '', first: i.first ?? '', last: i.last ?? '' });
      case 'record.no-rule':
        return t('district.officialNoRule', { fy: `FY${i.fiscalYear ?? ''}` });
      case 'record.result':
        return t(s.value ? 'record.resultYes' : 'record.resultNo', { fy: i.fiscalYear ?? '' });
      default:
        return s.text;
    }
  };
  return (
    <ol className="trace">
      {steps.map((s, n) => {
        const text = sentence(s);
        return (
          <li key={n} lang={text === s.text && lang !== 'en' ? 'en' : undefined}>
            {text}
            {s.cite ? <cite>{formatCitation(s.cite)}</cite> : null}
          </li>
        );
      })}
    </ol>
  );
}
