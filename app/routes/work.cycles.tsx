import { Form, Link, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { cyclesAction, cyclesData } from './work.cycles.server.ts';
import type { ActionResult } from '../lib/work-http.server.ts';
import { PlanTable } from '../components/plan-table.tsx';
import { Notice } from '../components/work-notice.tsx';
import { DEFAULT_RUBRIC, formatRubric } from '../../src/domain/workflow/rubric.ts';
import { DEADLINE_LABELS, DEADLINES } from '../../src/domain/workflow/deadlines.ts';
import { MILESTONE_ACTORS, otherMilestones, type Milestone, type MilestoneActor } from '../../src/domain/workflow/schedule.ts';

export const meta: MetaFunction = () => [{ title: 'Cycles and the staff board — Alliance District plans' }];

export async function loader({ request }: LoaderFunctionArgs) {
  return cyclesData(request);
}

export async function action({ request }: ActionFunctionArgs) {
  return cyclesAction(request);
}

const defaultRubric = formatRubric(DEFAULT_RUBRIC);

const ACTOR_LABELS: Record<MilestoneActor, string> = { district: 'the district acts', reviewers: 'the reviewers act', commissioner: 'the commissioner acts', state: "the state's administrators act" };

/** The state's own milestones as rows to edit (each existing one with "remove"), and two blank rows to add one. */
function MilestoneRows({ prefix, milestones }: { prefix: string; milestones: readonly Milestone[] }) {
  const rows = [...milestones, { id: '', label: '', actor: 'district' as const, date: '' }, { id: '', label: '', actor: 'district' as const, date: '' }];
  return (
    <fieldset className="usa-fieldset margin-top-2">
      <legend className="usa-legend">The state's own milestones (e.g. a monitoring meeting, an expenditure report due)</legend>
      <p className="usa-hint">Each is reminded to whoever acts by it, like the plan's deadlines. Leave a row blank to add nothing.</p>
      {rows.map((m, i) => (
        <div key={`${prefix}-m${i}`} className="grid-row grid-gap-1">
          {m.id ? <input type="hidden" name={`milestones.${i}.id`} value={m.id} /> : null}
          <div className="tablet:grid-col-5">
            <label className="usa-label" htmlFor={`${prefix}-m${i}-label`}>
              Milestone
            </label>
            <input className="usa-input" id={`${prefix}-m${i}-label`} name={`milestones.${i}.label`} defaultValue={m.label} maxLength={120} />
          </div>
          <div className="tablet:grid-col-3">
            <label className="usa-label" htmlFor={`${prefix}-m${i}-actor`}>
              Who acts
            </label>
            <select className="usa-select" id={`${prefix}-m${i}-actor`} name={`milestones.${i}.actor`} defaultValue={m.actor}>
              {MILESTONE_ACTORS.map((a) => (
                <option key={a} value={a}>
                  {ACTOR_LABELS[a]}
                </option>
              ))}
            </select>
          </div>
          <div className="tablet:grid-col-3">
            <label className="usa-label" htmlFor={`${prefix}-m${i}-date`}>
              Date
            </label>
            <input className="usa-input" id={`${prefix}-m${i}-date`} name={`milestones.${i}.date`} type="date" defaultValue={m.date} />
          </div>
          {m.id ? (
            <div className="usa-checkbox tablet:grid-col-12">
              <input className="usa-checkbox__input" id={`${prefix}-m${i}-remove`} name={`milestones.${i}.remove`} type="checkbox" />
              <label className="usa-checkbox__label" htmlFor={`${prefix}-m${i}-remove`}>
                Remove “{m.label}”
              </label>
            </div>
          ) : null}
        </div>
      ))}
    </fieldset>
  );
}

export default function Cycles() {
  const { boards, canOpen, uploadLimit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  return (
    <>
      <p>
        <Link to="/work">Back to the plans</Link>
      </p>
      <h1>Cycles and the staff board</h1>
      <Notice result={result as ActionResult | undefined} />
      {boards.map(({ cycle, rows, guidance }) => (
        <section key={cycle.id} aria-labelledby={`c${cycle.id}`}>
          <h2 id={`c${cycle.id}`}>{cycle.title}</h2>
          <p>
            {rows.length} districts; {rows.filter((r) => r.state === 'approved' || r.state === 'approved-with-conditions').length} approved; {rows.filter((r) => r.nextDeadline?.overdue).length} past a deadline. Deadlines: board {cycle.deadlines.board}, submission {cycle.deadlines.submission}, review {cycle.deadlines.review}, decision {cycle.deadlines.decision}.
          </p>
          {otherMilestones(cycle.schedule).length ? (
            <>
              <h3>The state's own milestones</h3>
              <ul className="usa-list">
                {otherMilestones(cycle.schedule).map((m) => (
                  <li key={m.id}>
                    {m.date}: {m.label} ({ACTOR_LABELS[m.actor]})
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <PlanTable rows={rows} caption={`Every district's stage, ${cycle.title}`} checks />
          <h3>Guidance</h3>
          {guidance.length ? (
            <ul className="usa-list">
              {guidance.map((g) => (
                <li key={g.id}>
                  {g.name} ({g.size}) — linked from every plan's page
                </li>
              ))}
            </ul>
          ) : (
            <p>No guidance documents yet.</p>
          )}
          {canOpen && cycle.status === 'open' ? (
            <details className="margin-bottom-2">
              <summary>Change the {cycle.title} deadlines</summary>
              <Form method="post" className="usa-form">
                <input type="hidden" name="intent" value="deadlines" />
                <input type="hidden" name="cycleId" value={cycle.id} />
                <input type="hidden" name="rowVersion" value={cycle.rowVersion} />
                {DEADLINES.map((d) => (
                  <div key={d}>
                    <label className="usa-label" htmlFor={`c${cycle.id}-${d}`}>
                      Deadline for {DEADLINE_LABELS[d]}
                    </label>
                    <input className="usa-input" id={`c${cycle.id}-${d}`} name={d} type="date" defaultValue={cycle.deadlines[d]} required />
                  </div>
                ))}
                <MilestoneRows prefix={`c${cycle.id}`} milestones={otherMilestones(cycle.schedule)} />
                <label className="usa-label" htmlFor={`c${cycle.id}-reason`}>
                  Why (the districts still working on their plans are told)
                </label>
                <textarea className="usa-textarea" id={`c${cycle.id}-reason`} name="reason" rows={2} required />
                <button className="usa-button usa-button--outline" type="submit">
                  Change the deadlines
                </button>
              </Form>
            </details>
          ) : null}
          {canOpen ? (
            <Form method="post" encType="multipart/form-data" className="usa-form">
              <input type="hidden" name="intent" value="guidance" />
              <input type="hidden" name="cycleId" value={cycle.id} />
              <label className="usa-label" htmlFor={`document-${cycle.id}`}>
                Add a guidance document (PDF, DOCX, PNG or JPEG; at most {uploadLimit})
              </label>
              <input className="usa-input" id={`document-${cycle.id}`} name="document" type="file" accept=".pdf,.docx,.png,.jpg,.jpeg" required />
              <button className="usa-button usa-button--outline" type="submit">
                Add to the {cycle.title} guidance
              </button>
            </Form>
          ) : null}
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
                  Deadline for {DEADLINE_LABELS[d]}
                </label>
                <input className="usa-input" id={d} name={d} type="date" required />
              </div>
            ))}
            <MilestoneRows prefix="open" milestones={[]} />
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
            <label className="usa-label" htmlFor="rubric">
              Review rubric
            </label>
            <div className="usa-hint" id="rubric-hint">
              One section per line: its title, a colon, and what reviewers look for. Reviewers score each from 1 to 4.
            </div>
            <textarea className="usa-textarea" id="rubric" name="rubric" rows={8} aria-describedby="rubric-hint" defaultValue={defaultRubric} />
            <label className="usa-label" htmlFor="reminderDays">
              Reminders before each deadline (days, separated by commas)
            </label>
            <input className="usa-input usa-input--small" id="reminderDays" name="reminderDays" defaultValue="7, 1" />
            <button className="usa-button" type="submit">
              Open the cycle
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
