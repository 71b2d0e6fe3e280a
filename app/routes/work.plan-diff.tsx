import { Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { diffData } from './work.plan-diff.server.ts';

export const meta: MetaFunction = () => [{ title: 'Changes between versions — Alliance District plans' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return diffData(request, params.id);
}

export default function Diff() {
  const { plan, diff } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/work/plans/${plan.id}`}>Back to {plan.districtName}</Link>
      </p>
      <h1>
        Changes from version {diff.from} to version {diff.to}
      </h1>
      <h2>Plan sections</h2>
      <table className="usa-table usa-table--compact">
        <caption>Sections changed</caption>
        <thead>
          <tr>
            <th scope="col">Section</th>
            <th scope="col">Version {diff.from}</th>
            <th scope="col">Version {diff.to}</th>
          </tr>
        </thead>
        <tbody>
          {diff.sections.map((s) => (
            <tr key={s.section}>
              <th scope="row">
                {s.section}
                {s.changed ? ' (changed)' : ' (unchanged)'}
              </th>
              <td>{s.changed ? <pre className="font-mono-3xs">{s.before}</pre> : '—'}</td>
              <td>{s.changed ? <pre className="font-mono-3xs">{s.after}</pre> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Budget lines</h2>
      {diff.budget.length ? (
        <table className="usa-table usa-table--compact">
          <caption>Budget lines changed</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Change</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {diff.budget.map((b) => (
              <tr key={b.id}>
                <th scope="row">{b.id}</th>
                <td>{b.change}</td>
                <td>{b.before ? `${b.before.description}: $${(b.before.amountCents / 100).toLocaleString('en-US')}` : '—'}</td>
                <td>{b.after ? `${b.after.description}: $${(b.after.amountCents / 100).toLocaleString('en-US')}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No budget line changed.</p>
      )}
    </>
  );
}
