import { Form, Link, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import type { FollowUpStatus, MeetingStatus } from '../../src/domain/workflow/monitoring.ts';
import { Notice } from '../components/work-notice.tsx';
import type { ActionResult } from '../lib/work-http.server.ts';
import { monitoringAction, monitoringPageData } from './work.plan-monitoring.server.ts';

export const meta: MetaFunction<typeof loader> = ({ loaderData }) => [{ title: `${loaderData ? `Monitoring — ${loaderData.plan.districtName}` : 'Monitoring'} — Alliance District plans` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return monitoringPageData(request, params.id);
}

export async function action({ request, params }: ActionFunctionArgs) {
  return monitoringAction(request, params.id);
}

const MEETING_STATUS: Record<MeetingStatus, { label: string; tag: string }> = {
  held: { label: 'Held', tag: 'bg-green' },
  scheduled: { label: 'Scheduled', tag: 'bg-base-dark' },
  overdue: { label: 'Not recorded — its date has passed', tag: 'bg-secondary-dark' },
};

const FOLLOW_UP_STATUS: Record<FollowUpStatus, string> = { done: 'Done', open: 'Open', overdue: 'Overdue' };

/** Three blank follow-up rows on the record form; rows left blank are not follow-ups. */
const FOLLOW_UP_ROWS = [0, 1, 2];

export default function Monitoring() {
  const { me, plan, monitoring, state, canPropose, owners, milestones, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const held = monitoring.meetings.filter((m) => m.status === 'held').length;
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
            Monitoring
          </li>
        </ol>
      </nav>
      <h1>
        Monitoring: {plan.districtName}, {plan.title}
      </h1>
      <Notice result={result} />
      <div className="usa-summary-box margin-bottom-3">
        <div className="usa-summary-box__body">
          <p className="usa-summary-box__text">
            {monitoring.meetings.length === 0
              ? plan.approved
                ? 'No monitoring meeting is scheduled yet.'
                : 'Monitoring starts once the plan is approved.'
              : `${held} of ${monitoring.meetings.length} meetings held. Follow-ups: ${monitoring.openFollowUps} open, of which ${monitoring.overdueFollowUps} overdue.`}
          </p>
        </div>
      </div>

      {monitoring.meetings.map((m) => (
        <section key={m.id} aria-labelledby={`meeting-${m.id}`} className="margin-bottom-4">
          <h2 id={`meeting-${m.id}`}>
            {m.title}, {m.heldOn ?? m.scheduledOn} <span className={`usa-tag ${MEETING_STATUS[m.status].tag}`}>{MEETING_STATUS[m.status].label}</span>
          </h2>
          <h3>Agenda</h3>
          {m.agenda.length ? (
            <ul className="usa-list">
              {m.agenda.map((a) => (
                <li key={a.id}>
                  {a.text} <span className="text-base">({a.by === 'district' ? 'proposed by the district' : 'added by the state'})</span>
                </li>
              ))}
            </ul>
          ) : (
            <p>No items yet.</p>
          )}
          {!m.heldOn && (canPropose || state) ? (
            <Form method="post" className="usa-form">
              <input type="hidden" name="intent" value={state ? 'add-agenda-item' : 'propose-agenda-item'} />
              <input type="hidden" name="meetingId" value={m.id} />
              <label className="usa-label" htmlFor={`agenda-${m.id}`}>
                {state ? 'Add an item to the agenda' : 'Propose an item for the agenda'}
              </label>
              <textarea className="usa-textarea" id={`agenda-${m.id}`} name="text" rows={2} maxLength={1000} required />
              <button className="usa-button usa-button--outline" type="submit">
                {state ? 'Add to the agenda' : 'Propose'}
              </button>
            </Form>
          ) : null}
          {m.heldOn ? (
            <>
              <h3>Record of the meeting</h3>
              <p>
                <strong>Attended:</strong> {m.attendees.join(', ')}
              </p>
              <p className="text-pre-wrap">
                <strong>Minutes:</strong> {m.minutes}
              </p>
              {m.decisions ? (
                <p className="text-pre-wrap">
                  <strong>Decisions:</strong> {m.decisions}
                </p>
              ) : null}
              <h3>Follow-ups</h3>
              {m.followUps.length ? (
                <ul className="usa-list">
                  {m.followUps.map((f) => (
                    <li key={f.id}>
                      <strong>{FOLLOW_UP_STATUS[f.status]}</strong>: {f.text} — {f.ownerName}, due {f.dueOn}
                      {f.doneOn ? `, done ${f.doneOn}${f.doneNote ? ` (${f.doneNote})` : ''}` : ''}
                      {!f.doneOn && (f.ownerId === me || state) ? (
                        <Form method="post" className="usa-form margin-top-1">
                          <input type="hidden" name="intent" value="complete-follow-up" />
                          <input type="hidden" name="followUpId" value={f.id} />
                          <label className="usa-label" htmlFor={`note-${f.id}`}>
                            What was done (optional)
                          </label>
                          <input className="usa-input" id={`note-${f.id}`} name="note" maxLength={2000} />
                          <button className="usa-button usa-button--outline" type="submit">
                            Mark “{f.text.length > 40 ? `${f.text.slice(0, 37)}…` : f.text}” done
                          </button>
                        </Form>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p>No follow-ups were agreed.</p>
              )}
            </>
          ) : state ? (
            <details className="margin-top-2">
              <summary>Record this meeting as held</summary>
              <Form method="post" className="usa-form">
                <input type="hidden" name="intent" value="record-meeting" />
                <input type="hidden" name="meetingId" value={m.id} />
                <input type="hidden" name="rowVersion" value={m.rowVersion} />
                <label className="usa-label" htmlFor={`held-${m.id}`}>
                  Held on
                </label>
                <input className="usa-input" id={`held-${m.id}`} name="heldOn" type="date" max={today} defaultValue={m.scheduledOn <= today ? m.scheduledOn : ''} required />
                <label className="usa-label" htmlFor={`attendees-${m.id}`}>
                  Who attended (one per line)
                </label>
                <textarea className="usa-textarea" id={`attendees-${m.id}`} name="attendees" rows={3} required />
                <label className="usa-label" htmlFor={`minutes-${m.id}`}>
                  Minutes
                </label>
                <textarea className="usa-textarea" id={`minutes-${m.id}`} name="minutes" rows={5} required />
                <label className="usa-label" htmlFor={`decisions-${m.id}`}>
                  Decisions
                </label>
                <textarea className="usa-textarea" id={`decisions-${m.id}`} name="decisions" rows={2} />
                <fieldset className="usa-fieldset margin-top-2">
                  <legend className="usa-legend">Follow-ups (leave a row blank for none)</legend>
                  {FOLLOW_UP_ROWS.map((i) => (
                    <div key={i} className="grid-row grid-gap-1">
                      <div className="tablet:grid-col-6">
                        <label className="usa-label" htmlFor={`fu-${m.id}-${i}-text`}>
                          Follow-up {i + 1}
                        </label>
                        <input className="usa-input" id={`fu-${m.id}-${i}-text`} name={`followUps.${i}.text`} maxLength={1000} />
                      </div>
                      <div className="tablet:grid-col-3">
                        <label className="usa-label" htmlFor={`fu-${m.id}-${i}-owner`}>
                          Owner
                        </label>
                        <select className="usa-select" id={`fu-${m.id}-${i}-owner`} name={`followUps.${i}.ownerId`} defaultValue="">
                          <option value="">Choose</option>
                          {owners.map((o) => (
                            <option key={o.id} value={o.id}>
                              {o.name}
                            </option>
                          ))}
                        </select>
                      </div>
                      <div className="tablet:grid-col-3">
                        <label className="usa-label" htmlFor={`fu-${m.id}-${i}-due`}>
                          Due
                        </label>
                        <input className="usa-input" id={`fu-${m.id}-${i}-due`} name={`followUps.${i}.dueOn`} type="date" />
                      </div>
                    </div>
                  ))}
                </fieldset>
                <button className="usa-button" type="submit">
                  Record the meeting
                </button>
              </Form>
            </details>
          ) : null}
        </section>
      ))}

      {state && plan.approved ? (
        <section aria-labelledby="schedule">
          <h2 id="schedule">Schedule a meeting</h2>
          <Form method="post" className="usa-form">
            <input type="hidden" name="intent" value="schedule-meeting" />
            <label className="usa-label" htmlFor="milestoneId">
              For
            </label>
            <select className="usa-select" id="milestoneId" name="milestoneId" defaultValue={milestones[0]?.id ?? ''}>
              {milestones.map((ms) => (
                <option key={ms.id} value={ms.id}>
                  {ms.label} ({ms.date})
                </option>
              ))}
              <option value="">A further meeting for this district only</option>
            </select>
            <label className="usa-label" htmlFor="title">
              Title
            </label>
            <input className="usa-input" id="title" name="title" maxLength={120} defaultValue={milestones[0]?.label ?? ''} required />
            <label className="usa-label" htmlFor="scheduledOn">
              Date
            </label>
            <input className="usa-input" id="scheduledOn" name="scheduledOn" type="date" defaultValue={milestones[0]?.date ?? ''} required />
            <button className="usa-button" type="submit">
              Schedule the meeting
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
