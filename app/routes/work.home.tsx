import { Form, Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { stateLabel } from '../../src/domain/workflow/plan.ts';
import { formatMoney } from '../i18n/messages.ts';
import { homeData } from '../lib/work.server.ts';
import { ScrollX } from '../components/scroll-x.tsx';

export const meta: MetaFunction = () => [{ title: 'Your plans — Alliance District plans' }];

export async function loader({ request }: LoaderFunctionArgs) {
  return homeData(request);
}

export default function WorkHome() {
  const { user, plans, canBoard, canOutbox, canUsers } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Alliance plans</h1>
      <p className="usa-intro">
        Signed in as {user.name} ({user.email}): {user.roles.join('; ')}.
      </p>
      <ul className="usa-list no-print">
        {canBoard ? (
          <li>
            <Link to="/work/cycles">Cycles and the staff board</Link>
          </li>
        ) : null}
        {canUsers ? (
          <li>
            <Link to="/work/users">People and roles</Link>
          </li>
        ) : null}
        <li>
          <Link to="/work/tokens">Personal access tokens (API)</Link>
        </li>
        {canOutbox ? (
          <li>
            <Link to="/work/outbox">Outbox (development)</Link>
          </li>
        ) : null}
      </ul>
      <Form method="post" action="/work/signout" className="no-print">
        <button className="usa-button usa-button--outline" type="submit">
          Sign out
        </button>
      </Form>
      <h2>Plans</h2>
      {plans.length ? (
        <ScrollX label={'Plans you can see'}>
          <table className="usa-table usa-table--compact usa-table--striped">
            <caption>Plans you can see</caption>
            <thead>
              <tr>
                <th scope="col">District</th>
                <th scope="col">Stage</th>
                <th scope="col" className="numeric">
                  Withheld
                </th>
                <th scope="col">Next deadline</th>
              </tr>
            </thead>
            <tbody>
              {plans.map((p) => (
                <tr key={p.planId}>
                  <th scope="row">
                    <Link to={`/work/plans/${p.planId}`}>{p.districtName}</Link>
                  </th>
                  <td>
                    {stateLabel(p.state)}
                    {p.fundsReleased ? ', funds released' : ''}
                  </td>
                  <td className="numeric">{formatMoney('en', p.allocationCents)}</td>
                  <td>{p.nextDeadline ? `${p.nextDeadline.name}: ${p.nextDeadline.date}${p.nextDeadline.overdue ? ' (passed)' : ''}` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollX>
      ) : (
        <p>No plans yet: the state opens the cycle each year.</p>
      )}
    </>
  );
}
