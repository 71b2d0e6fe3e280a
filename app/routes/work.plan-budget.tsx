import { Form, Link, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { EFFORTS, FUNDING_AREA_LABELS, FUNDING_AREAS } from '../../src/domain/workflow/budget.ts';
import { isEditable } from '../../src/domain/workflow/plan.ts';
import { formatMoney } from '../i18n/messages.ts';
import { budgetAction, budgetPageData } from './work.plan-budget.server.ts';
import type { ActionResult } from '../lib/work-http.server.ts';
import { ScrollX } from '../components/scroll-x.tsx';
import { BudgetIssues, Notice, SchoolList, SCHOOL_LIST_ID } from '../components/work-notice.tsx';

export const meta: MetaFunction = () => [{ title: 'Budget workbook — Alliance District plans' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return budgetPageData(request, params.id);
}

export async function action({ request, params }: ActionFunctionArgs) {
  return budgetAction(request, params.id);
}

export default function Budget() {
  const { plan } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const editable = isEditable(plan.state) && plan.actions.includes('save');
  const rows = [...plan.budget, ...Array.from({ length: editable ? 3 : 0 }, () => null)];
  return (
    <>
      <nav className="usa-breadcrumb no-print" aria-label="Breadcrumb">
        <ol className="usa-breadcrumb__list">
          <li className="usa-breadcrumb__list-item">
            <Link className="usa-breadcrumb__link" to="/work">
              Plans
            </Link>
          </li>
          <li className="usa-breadcrumb__list-item">
            <Link className="usa-breadcrumb__link" to={`/work/plans/${plan.id}`}>
              {plan.districtName}
            </Link>
          </li>
          <li className="usa-breadcrumb__list-item usa-current" aria-current="page">
            Budget
          </li>
        </ol>
      </nav>
      <h1>Budget workbook: {plan.districtName}, FY{plan.cycle.fiscalYear}</h1>
      <Notice result={result} />
      <p>
        The lines must add up to the allocation, {formatMoney('en', plan.allocationCents)}. Now: {formatMoney('en', plan.budgetSummary.totalCents)} ({plan.budgetSummary.differenceCents === 0 ? 'balanced' : `${plan.budgetSummary.differenceCents > 0 ? 'over' : 'under'} by ${formatMoney('en', Math.abs(plan.budgetSummary.differenceCents))}`}).{' '}
        <a href={`/work/plans/${plan.id}/budget.xlsx`} download>
          Download the Excel workbook
        </a>
      </p>
      <BudgetIssues issues={plan.budgetSummary.issues} />
      {editable ? (
        <Form method="post" encType="multipart/form-data" className="usa-form margin-bottom-4">
          <input type="hidden" name="intent" value="import" />
          <input type="hidden" name="rowVersion" value={plan.rowVersion} />
          <label className="usa-label" htmlFor="workbook">
            Upload the edited workbook (.xlsx)
          </label>
          <input className="usa-input" id="workbook" name="workbook" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
          <button className="usa-button usa-button--outline" type="submit">
            Import the workbook
          </button>
        </Form>
      ) : null}
      <Form method="post">
        {editable ? <SchoolList schools={plan.schools} /> : null}
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="rowVersion" value={plan.rowVersion} />
        <ScrollX label={'Budget lines'}>
          <table className="usa-table usa-table--compact">
            <caption>Budget lines</caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Funding area</th>
                <th scope="col">Object code</th>
                <th scope="col">Description</th>
                <th scope="col">School</th>
                <th scope="col">Strategy</th>
                <th scope="col">FTE</th>
                <th scope="col">Amount ($)</th>
                <th scope="col">Effort</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((l, i) => (
                <tr key={i}>
                  <th scope="row">
                    {editable ? (
                      <>
                        <label className="visually-hidden" htmlFor={`lines.${i}.id`}>
                          Line {i + 1} id
                        </label>
                        <input className="usa-input usa-input--2xs" id={`lines.${i}.id`} name={`lines.${i}.id`} defaultValue={l?.id ?? ''} />
                      </>
                    ) : (
                      l?.id
                    )}
                  </th>
                  {editable ? (
                    <>
                      <td>
                        <label className="visually-hidden" htmlFor={`lines.${i}.area`}>
                          Line {i + 1} funding area
                        </label>
                        <select className="usa-select" id={`lines.${i}.area`} name={`lines.${i}.area`} defaultValue={l?.area ?? ''}>
                          <option value="">—</option>
                          {FUNDING_AREAS.map((a) => (
                            <option key={a} value={a}>
                              {FUNDING_AREA_LABELS[a]}
                            </option>
                          ))}
                        </select>
                      </td>
                      {(['objectCode', 'description', 'school', 'strategy', 'fte', 'amount'] as const).map((f) => (
                        <td key={f}>
                          <label className="visually-hidden" htmlFor={`lines.${i}.${f}`}>
                            Line {i + 1} {f}
                          </label>
                          <input
                            className="usa-input"
                            id={`lines.${i}.${f}`}
                            name={`lines.${i}.${f}`}
                            defaultValue={l ? (f === 'amount' ? (l.amountCents / 100).toFixed(2) : f === 'fte' ? String(l.fte) : String(l[f] ?? '')) : ''}
                            {...(f === 'school' ? { list: SCHOOL_LIST_ID } : {})}
                          />
                        </td>
                      ))}
                      <td>
                        <label className="visually-hidden" htmlFor={`lines.${i}.effort`}>
                          Line {i + 1} effort
                        </label>
                        <select className="usa-select" id={`lines.${i}.effort`} name={`lines.${i}.effort`} defaultValue={l?.effort ?? 'new'}>
                          {EFFORTS.map((e) => (
                            <option key={e} value={e}>
                              {e}
                            </option>
                          ))}
                        </select>
                      </td>
                    </>
                  ) : (
                    <>
                      <td>{l ? FUNDING_AREA_LABELS[l.area] : ''}</td>
                      <td>{l?.objectCode}</td>
                      <td>{l?.description}</td>
                      <td>{l?.school ?? ''}</td>
                      <td>{l?.strategy}</td>
                      <td>{l?.fte}</td>
                      <td className="numeric">{l ? formatMoney('en', l.amountCents) : ''}</td>
                      <td>{l?.effort}</td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollX>
        {editable ? (
          <button className="usa-button" type="submit">
            Save the budget
          </button>
        ) : null}
      </Form>
    </>
  );
}
