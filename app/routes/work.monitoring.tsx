import { Form, Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { REVIEW_DECISION_LABELS } from '../../src/domain/workflow/annual-review.ts';
import { ScrollX } from '../components/scroll-x.tsx';
import { monitoringBoardData } from './work.monitoring.server.ts';

export const meta: MetaFunction = () => [{ title: 'Monitoring board — Alliance District plans' }];

export async function loader({ request }: LoaderFunctionArgs) {
  return monitoringBoardData(request);
}

const FILTER_LABELS = {
  all: 'Every approved plan',
  attention: 'Needing attention',
  'overdue-follow-ups': 'With overdue follow-ups',
  'spending-flags': 'With spending flagged',
  'goals-off-track': 'With goals off track',
  conditions: 'With conditions not yet met',
} as const;

export default function MonitoringBoard() {
  const { show, boards } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/work">Back to the plans</Link>
      </p>
      <h1>Monitoring board</h1>
      <p className="usa-intro">Every approved plan of the open cycles: meetings, follow-ups, spending, goals and conditions. Those needing attention come first.</p>
      <Form method="get" className="usa-form">
        <label className="usa-label" htmlFor="show">
          Show
        </label>
        <select className="usa-select" id="show" name="show" defaultValue={show}>
          {Object.entries(FILTER_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
        <button className="usa-button usa-button--outline" type="submit">
          Filter
        </button>
      </Form>
      {boards.map(({ cycle, rows }) => (
        <section key={cycle.id} aria-labelledby={`board-${cycle.id}`}>
          <h2 id={`board-${cycle.id}`}>{cycle.title}</h2>
          {rows.length ? (
            <ScrollX label={`Monitoring, ${cycle.title}`}>
              <table className="usa-table usa-table--compact">
                <caption>
                  {FILTER_LABELS[show]}: {rows.length === 1 ? '1 district' : `${rows.length} districts`}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">District</th>
                    <th scope="col">Meetings</th>
                    <th scope="col">Follow-ups</th>
                    <th scope="col">Spending</th>
                    <th scope="col">Goals</th>
                    <th scope="col">Conditions</th>
                    <th scope="col">Annual review</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.planId}>
                      <th scope="row">
                        <Link to={`/work/plans/${r.planId}/monitoring`}>{r.districtName}</Link>
                      </th>
                      <td>
                        {r.meetings.held} held{r.meetings.overdue ? `, ${r.meetings.overdue} overdue` : ''}
                        {r.nextMeeting ? `; next ${r.nextMeeting}` : ''}
                      </td>
                      <td>
                        {r.followUps.open} open{r.followUps.overdue ? `, ${r.followUps.overdue} overdue` : ''}
                      </td>
                      <td>{r.flaggedAreas ? `${r.flaggedAreas} funding area${r.flaggedAreas === 1 ? '' : 's'} flagged` : 'no flags'}</td>
                      <td>{r.goalsOffTrack ? `${r.goalsOffTrack} off track` : 'none off track'}</td>
                      <td>{r.conditionsUnmet ? `${r.conditionsUnmet} not yet met` : '—'}</td>
                      <td>{r.review ? REVIEW_DECISION_LABELS[r.review] : 'not yet'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollX>
          ) : (
            <p>No district matches.</p>
          )}
        </section>
      ))}
    </>
  );
}
