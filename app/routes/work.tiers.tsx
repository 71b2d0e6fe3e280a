import { Form, Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { formatCitation } from '../../src/domain/rules/citation.ts';
import { ScrollX } from '../components/scroll-x.tsx';
import { tiersPageData } from './work.tiers.server.ts';

export const meta: MetaFunction = () => [{ title: 'Tiers of support — Alliance District plans' }];

export async function loader({ request }: LoaderFunctionArgs) {
  return tiersPageData(request);
}

const TIER_TAG = { 1: 'bg-green', 2: 'bg-gold text-ink', 3: 'bg-secondary-dark', 4: 'bg-secondary-darker' } as const;

export default function Tiers() {
  const { cycles, terms, fiscalYear, changed, typed, chosen, run, problem } = useLoaderData<typeof loader>();
  const scenario = Object.keys(changed).length + Object.keys(chosen).length > 0 || Object.keys(typed).some((k) => typed[k] !== String(terms.parameters.find((p) => p.id === k)?.value));
  return (
    <>
      <p>
        <Link to="/work">Back to the plans</Link>
      </p>
      <h1>Tiers of support</h1>
      <p className="usa-intro">
        Each district with an approved plan in a tier of support, from its year’s annual review, its accountability index and trend, and its years at tier 3 — with the reasons step by step and the supports its tier brings.
      </p>
      <div className="usa-alert usa-alert--info usa-alert--slim">
        <div className="usa-alert__body">
          <p className="usa-alert__text">
            A proposal, not law: the 2024-25 policy brief (recommendation 1) asks for tiered support and lists the supports; no Act sets the thresholds, so they are this proposal’s, and you can try others below.
          </p>
        </div>
      </div>
      <Form method="get" className="usa-form usa-form--large">
        <label className="usa-label" htmlFor="fiscalYear">
          Plan cycle
        </label>
        <select className="usa-select" id="fiscalYear" name="fiscalYear" defaultValue={fiscalYear ?? ''}>
          {cycles.map((c) => (
            <option key={c.id} value={c.fiscalYear}>
              {c.title}
            </option>
          ))}
        </select>
        <details className="margin-top-2" open={scenario}>
          <summary>Try other thresholds</summary>
          {terms.parameters.map((p) => (
            <div key={p.id}>
              <label className="usa-label" htmlFor={p.id}>
                {p.label} ({p.unit}; the proposal: {p.value})
              </label>
              <input className="usa-input usa-input--small" id={p.id} name={`p.${p.id}`} inputMode="decimal" defaultValue={typed[p.id] ?? String(p.value)} />
            </div>
          ))}
          {terms.options.map((o) => (
            <div key={o.id}>
              <label className="usa-label" htmlFor={o.id}>
                {o.question}
              </label>
              <select className="usa-select" id={o.id} name={`o.${o.id}`} defaultValue={chosen[o.id] ?? o.default}>
                {o.choices.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                    {c.value === o.default ? ' (the proposal)' : ''}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </details>
        <button className="usa-button" type="submit">
          Show the tiers
        </button>
      </Form>
      {problem ? (
        <div className="usa-alert usa-alert--warning margin-top-2" role="alert">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{problem}</p>
          </div>
        </div>
      ) : null}
      {run ? (
        <section aria-labelledby="tiers">
          <h2 id="tiers">
            FY{run.fiscalYear}: {run.law.scenario ? 'a computation with your thresholds' : run.version.title}
          </h2>
          {run.law.scenario ? <p>These tiers are what the proposal would give with the thresholds you changed; they are not the proposal’s.</p> : null}
          {run.rows.length ? (
            <ScrollX label={`Tiers, FY${run.fiscalYear}`}>
              <table className="usa-table usa-table--compact">
                <caption>{run.rows.length === 1 ? '1 district with an approved plan' : `${run.rows.length} districts with an approved plan`}, highest tier first</caption>
                <thead>
                  <tr>
                    <th scope="col">District</th>
                    <th scope="col">Tier</th>
                    <th scope="col">Why</th>
                    <th scope="col">Supports</th>
                  </tr>
                </thead>
                <tbody>
                  {run.rows.map((r) => (
                    <tr key={r.planId}>
                      <th scope="row">
                        <Link to={`/work/plans/${r.planId}/monitoring`}>{r.districtName}</Link>
                      </th>
                      <td>{r.tier === null ? <span>{r.label}</span> : <span className={`usa-tag ${TIER_TAG[r.tier]}`}>{r.label}</span>}</td>
                      <td>
                        <ol className="usa-list margin-0">
                          {r.trace.slice(1).map((s, i) => (
                            <li key={i}>
                              {s.text}
                              {s.cite ? <span className="text-base"> ({formatCitation(s.cite)})</span> : null}
                            </li>
                          ))}
                        </ol>
                      </td>
                      <td>
                        {r.supports.length ? (
                          <ul className="usa-list margin-0">
                            {r.supports.map((s) => (
                              <li key={s.id}>{s.label}</li>
                            ))}
                          </ul>
                        ) : (
                          '—'
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollX>
          ) : (
            <p>No plan of this cycle is approved yet.</p>
          )}
        </section>
      ) : null}
    </>
  );
}
