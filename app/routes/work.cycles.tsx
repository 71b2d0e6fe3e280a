import { Form, Link, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { cyclesAction, cyclesData, type ActionResult } from '../lib/work.server.ts';
import { PlanTable } from '../components/plan-table.tsx';
import { Notice } from '../components/work-notice.tsx';

export const meta: MetaFunction = () => [{ title: 'Cycles and the staff board — Alliance District plans' }];

export async function loader({ request }: LoaderFunctionArgs) {
  return cyclesData(request);
}

export async function action({ request }: ActionFunctionArgs) {
  return cyclesAction(request);
}

export default function Cycles() {
  const { boards, canOpen } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  return (
    <>
      <p>
        <Link to="/work">Back to the plans</Link>
      </p>
      <h1>Cycles and the staff board</h1>
      <Notice result={result as ActionResult | undefined} />
      {boards.map(({ cycle, rows }) => (
        <section key={cycle.id} aria-labelledby={`c${cycle.id}`}>
          <h2 id={`c${cycle.id}`}>{cycle.title}</h2>
          <p>
            {rows.length} districts; {rows.filter((r) => r.state === 'approved' || r.state === 'approved-with-conditions').length} approved; {rows.filter((r) => r.nextDeadline?.overdue).length} past a deadline. Deadlines: board {cycle.deadlines.board}, submission {cycle.deadlines.submission}, review {cycle.deadlines.review}, decision {cycle.deadlines.decision}.
          </p>
          <PlanTable rows={rows} caption={`Every district's stage, ${cycle.title}`} checks />
        </section>
      ))}
      {canOpen ? (
        <section aria-labelledby="open">
          <h2 id="open">Open a cycle</h2>
          <p>Plans are created for every alliance district of that fiscal year, each with the amount withheld from it.</p>
          <Form method="post" className="usa-form">
            <input type="hidden" name="intent" value="open" />
            <label className="usa-label" htmlFor="fiscalYear">
              Fiscal year
            </label>
            <input className="usa-input usa-input--small" id="fiscalYear" name="fiscalYear" inputMode="numeric" required />
            {(['draft', 'board', 'submission', 'review', 'decision'] as const).map((d) => (
              <div key={d}>
                <label className="usa-label" htmlFor={d}>
                  Deadline: {d}
                </label>
                <input className="usa-input" id={d} name={d} type="date" required />
              </div>
            ))}
            <label className="usa-label" htmlFor="substantialMajority">
              Share for new or extended reform efforts (%)
            </label>
            <input className="usa-input usa-input--small" id="substantialMajority" name="substantialMajority" inputMode="numeric" defaultValue="50" />
            <label className="usa-label" htmlFor="noAllocationPolicy">
              A district with nothing withheld
            </label>
            <select className="usa-select" id="noAllocationPolicy" name="noAllocationPolicy" defaultValue="plan-optional">
              <option value="plan-optional">may file a plan (optional)</option>
              <option value="plan-required">must file a plan</option>
            </select>
            <button className="usa-button" type="submit">
              Open the cycle
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
