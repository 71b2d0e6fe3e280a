import { Form, Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { homeData } from './work.home.server.ts';
import { PlanTable } from '../components/plan-table.tsx';

export const meta: MetaFunction = () => [{ title: 'Your plans — Alliance District plans' }];

export async function loader({ request }: LoaderFunctionArgs) {
  return homeData(request);
}

export default function WorkHome() {
  const { user, plans, canBoard, canOutbox, canUsers, canDelegate } = useLoaderData<typeof loader>();
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
        {canBoard ? (
          <li>
            <Link to="/work/monitoring">Monitoring board: meetings, follow-ups, spending and goals of every approved plan</Link>
          </li>
        ) : null}
        {canBoard ? (
          <li>
            <Link to="/work/tiers">Tiers of support: each district’s tier, with the reasons and the supports</Link>
          </li>
        ) : null}
        {canDelegate ? (
          <li>
            <Link to="/work/delegation">Delegate decisions</Link>
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
        <PlanTable rows={plans} caption="Plans you can see" />
      ) : (
        <p>No plans yet: the state opens the cycle each year.</p>
      )}
    </>
  );
}
