import { Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { auditData } from './work.plan-audit.server.ts';
import { ScrollX } from '../components/scroll-x.tsx';

export const meta: MetaFunction = () => [{ title: 'Audit trail — Alliance District plans' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return auditData(request, params.id);
}

export default function Audit() {
  const { planId, events } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/work/plans/${planId}`}>Back to the plan</Link>
      </p>
      <h1>Audit trail of plan {planId}</h1>
      <p>Every change, append-only and hash-chained: each event's hash covers the event before it. `alliance audit verify` checks the whole chain.</p>
      <ScrollX label={'Audit events'}>
        <table className="usa-table usa-table--compact">
          <caption>Events</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Details</th>
              <th scope="col">Hash</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.seq}>
                <th scope="row">{e.seq}</th>
                <td>{e.at.slice(0, 19).replace('T', ' ')}</td>
                <td>
                  {e.actorName}
                  {e.onBehalfOfName ? ` for ${e.onBehalfOfName}` : ''}
                </td>
                <td>{e.action}</td>
                <td>
                  <code className="font-mono-3xs">{JSON.stringify(e.details)}</code>
                </td>
                <td>
                  <code>{e.hash.slice(0, 12)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollX>
    </>
  );
}
