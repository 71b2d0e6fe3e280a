import { Form, Link, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { Notice } from '../components/work-notice.tsx';
import { delegationAction, delegationData } from './work.delegation.server.ts';
import type { ActionResult } from '../lib/work-http.server.ts';

export const meta: MetaFunction = () => [{ title: 'Delegate decisions — Alliance District plans' }];

export async function loader({ request }: LoaderFunctionArgs) {
  return delegationData(request);
}

export async function action({ request }: ActionFunctionArgs) {
  return delegationAction(request);
}

export default function DelegationPage() {
  const { staff, delegations, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  return (
    <>
      <p>
        <Link to="/work">Back to the plans</Link>
      </p>
      <h1>Delegate decisions</h1>
      <p className="usa-intro">
        While a delegation holds, the person you choose may approve, approve with conditions or deny plans and record the release of withheld funds — each recorded as on your behalf. They cannot pass it on.
      </p>
      <Notice result={result} />
      <Form method="post" className="usa-form">
        <input type="hidden" name="intent" value="delegate" />
        <label className="usa-label" htmlFor="to">
          Delegate to
        </label>
        <select className="usa-select" id="to" name="to" required defaultValue="">
          <option value="" disabled>
            Choose a member of the state's staff
          </option>
          {staff.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <label className="usa-label" htmlFor="startsOn">
          From (first day)
        </label>
        <input className="usa-input" id="startsOn" name="startsOn" type="date" required defaultValue={today} />
        <label className="usa-label" htmlFor="endsOn">
          Until (last day)
        </label>
        <input className="usa-input" id="endsOn" name="endsOn" type="date" required />
        <label className="usa-label" htmlFor="reason">
          Why (part of the record)
        </label>
        <input className="usa-input" id="reason" name="reason" maxLength={500} required />
        <button className="usa-button" type="submit">
          Delegate
        </button>
      </Form>
      <h2>Your delegations</h2>
      {delegations.length ? (
        <ul className="usa-list">
          {delegations.map((d) => (
            <li key={d.id}>
              {d.to.name}, {d.startsOn} to {d.endsOn}: {d.reason}
              {d.revokedAt ? ` — revoked ${d.revokedAt.slice(0, 10)}` : d.endsOn < today ? ' — over' : ''}
              {!d.revokedAt && d.endsOn >= today ? (
                <Form method="post" className="display-inline margin-left-1">
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="id" value={d.id} />
                  <button className="usa-button usa-button--unstyled" type="submit" aria-label={`Revoke the delegation to ${d.to.name}`}>
                    revoke
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>None yet.</p>
      )}
    </>
  );
}
