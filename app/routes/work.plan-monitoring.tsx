import { Form, Link, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import type { FollowUpStatus, MeetingStatus } from '../../src/domain/workflow/monitoring.ts';
import { FUNDING_AREA_LABELS } from '../../src/domain/workflow/budget.ts';
import type { SpendFlag } from '../../src/domain/workflow/spending.ts';
import { IMPLEMENTATION, type GoalStatus, type Implementation } from '../../src/domain/workflow/progress.ts';
import { REVIEW_DECISION_LABELS, REVIEW_DECISIONS } from '../../src/domain/workflow/annual-review.ts';
import { SUPPORTS } from '../../src/domain/support/tiers.ts';
import { formatMoney } from '../i18n/messages.ts';
import { ScrollX } from '../components/scroll-x.tsx';
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

const pct = (share: number) => `${Math.round(share * 100)}%`;

/** A flag, in words, with the rule's numbers. */
function flagText(f: SpendFlag): string {
  switch (f.rule) {
    case 'pace':
      return `behind pace: ${pct(f.spentShare)} spent with ${pct(f.elapsedShare)} of the year gone (${f.points} points behind)`;
    case 'over-budget':
      return `over budget by ${formatMoney('en', f.overCents)}`;
    case 'unbudgeted':
      return `${formatMoney('en', f.spentCents)} spent on lines the budget does not have`;
    case 'lapse':
      return `${formatMoney('en', f.lapseCents)} would lapse unspent at this rate`;
  }
}

const GOAL_STATUS: Record<GoalStatus, { label: string; tag: string }> = {
  'on-track': { label: 'On track', tag: 'bg-green' },
  'at-risk': { label: 'At risk', tag: 'bg-gold text-ink' },
  'off-track': { label: 'Off track', tag: 'bg-secondary-dark' },
  'no-data': { label: 'No value yet', tag: 'bg-base-dark' },
};
const IMPLEMENTATION_LABELS: Record<Implementation, string> = { 'not-started': 'Not started', 'in-progress': 'In progress', implemented: 'Implemented' };

const REVISION_STATUS = { recorded: 'recorded', pending: 'awaiting the state’s approval', approved: 'approved', denied: 'denied' } as const;

const MAPPING_FIELDS = [
  ['date', 'Date column', true],
  ['amount', 'Amount column', true],
  ['line', 'Budget line column (the line as in the plan, e.g. b3)', false],
  ['area', 'Funding area column', false],
  ['objectCode', 'Object code column', false],
  ['description', 'Description column', false],
] as const;

/** Three blank follow-up rows on the record form; rows left blank are not follow-ups. */
const FOLLOW_UP_ROWS = [0, 1, 2];

/** The form that sets a strategy's or an action step's implementation status. */
function ImplementationForm({ id, title, implementation, note }: { id: string; title: string; implementation: Implementation; note: string }) {
  const key = id.replace(/[^a-z0-9-]/gi, '-');
  return (
    <Form method="post" className="usa-form margin-top-1">
      <input type="hidden" name="intent" value="set-implementation" />
      <input type="hidden" name="strategyId" value={id} />
      <label className="usa-label" htmlFor={`impl-${key}`}>
        Implementation of “{title.length > 50 ? `${title.slice(0, 47)}…` : title}”
      </label>
      <select className="usa-select" id={`impl-${key}`} name="status" defaultValue={implementation}>
        {IMPLEMENTATION.map((i) => (
          <option key={i} value={i}>
            {IMPLEMENTATION_LABELS[i]}
          </option>
        ))}
      </select>
      <label className="usa-label" htmlFor={`impl-note-${key}`}>
        Note (optional)
      </label>
      <input className="usa-input" id={`impl-note-${key}`} name="note" defaultValue={note} maxLength={1000} />
      <button className="usa-button usa-button--outline" type="submit">
        Save the status
      </button>
    </Form>
  );
}

export default function Monitoring() {
  const { me, plan, monitoring, state, canPropose, canReport, canProgress, owners, milestones, today } = useLoaderData<typeof loader>();
  const progress = monitoring.progress;
  const spending = monitoring.spending;
  const lineName = (id: string) => monitoring.budgetInForce.find((l) => l.id === id)?.description ?? id;
  const sd = spending.spendDown;
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const held = monitoring.meetings.filter((m) => m.status === 'held').length;
  const meetingName = (id: number) => {
    const m = monitoring.meetings.find((x) => x.id === id);
    return m ? `the ${m.title.replace(/^[A-Z]/, (c) => c.toLowerCase())} (${m.heldOn ?? m.scheduledOn})` : 'a monitoring meeting';
  };
  const reviewedAt = (meetingId: number) => (progress?.conditions ?? []).filter((c) => c.meetingId === meetingId && c.met !== null);
  /** Conditions a meeting can still review: those not found met. */
  const openConditions = (progress?.conditions ?? []).filter((c) => c.met !== true);
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

      {monitoring.annualReview ? (
        <section aria-labelledby="review" className="usa-summary-box margin-bottom-3">
          <div className="usa-summary-box__body">
            <h2 id="review" className="usa-summary-box__heading">
              Annual review, {monitoring.annualReview.reviewedOn}: {REVIEW_DECISION_LABELS[monitoring.annualReview.decision]}
            </h2>
            <p className="usa-summary-box__text">{monitoring.annualReview.reason}</p>
            {monitoring.annualReview.conditions ? <p className="usa-summary-box__text">Conditions: {monitoring.annualReview.conditions}</p> : null}
            <p className="usa-summary-box__text">
              Signed by {monitoring.annualReview.typedName}. The year then: {monitoring.annualReview.facts.meetingsHeld} meetings held; goals {monitoring.annualReview.facts.goals['on-track']} on track, {monitoring.annualReview.facts.goals['at-risk']} at risk,{' '}
              {monitoring.annualReview.facts.goals['off-track']} off track; strategies {monitoring.annualReview.facts.strategies.implemented} implemented, {monitoring.annualReview.facts.strategies['in-progress']} in progress; {formatMoney('en', monitoring.annualReview.facts.spentCents)} of{' '}
              {formatMoney('en', monitoring.annualReview.facts.budgetedCents)} spent; {monitoring.annualReview.facts.revisions} revisions; conditions met {monitoring.annualReview.facts.conditions.met} of {monitoring.annualReview.facts.conditions.total}.
            </p>
          </div>
        </section>
      ) : state && plan.approved ? (
        <details className="margin-bottom-3">
          <summary>Record the annual review and the decision on continued funding</summary>
          <Form method="post" className="usa-form">
            <input type="hidden" name="intent" value="record-annual-review" />
            <fieldset className="usa-fieldset">
              <legend className="usa-legend">Decision</legend>
              {REVIEW_DECISIONS.map((d) => (
                <div className="usa-radio" key={d}>
                  <input className="usa-radio__input" id={`decision-${d}`} type="radio" name="decision" value={d} required />
                  <label className="usa-radio__label" htmlFor={`decision-${d}`}>
                    {REVIEW_DECISION_LABELS[d]}
                  </label>
                </div>
              ))}
            </fieldset>
            <label className="usa-label" htmlFor="review-reason">
              Why (from the year’s meetings, goals, spending and conditions below)
            </label>
            <textarea className="usa-textarea" id="review-reason" name="reason" rows={3} required />
            <label className="usa-label" htmlFor="review-conditions">
              Conditions of continued funding (if any)
            </label>
            <textarea className="usa-textarea" id="review-conditions" name="conditions" rows={2} />
            <label className="usa-label" htmlFor="review-sign">
              Type your full name to sign
            </label>
            <input className="usa-input" id="review-sign" name="typedName" required />
            <button className="usa-button" type="submit">
              Sign and record the review
            </button>
          </Form>
        </details>
      ) : null}

      {progress ? (
        <section aria-labelledby="progress" className="margin-bottom-4">
          <h2 id="progress">Progress on the approved plan</h2>
          <ScrollX label="Goals">
            <table className="usa-table usa-table--compact">
              <caption>Goals: the latest value against the line from baseline to target</caption>
              <thead>
                <tr>
                  <th scope="col">Goal</th>
                  <th scope="col">Baseline</th>
                  <th scope="col">Target</th>
                  <th scope="col">Latest value</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {progress.goals.map((g) => (
                  <tr key={g.goal.id}>
                    <th scope="row">{g.goal.description || g.goal.indicator}</th>
                    <td>{g.goal.baseline}</td>
                    <td>{g.goal.target}</td>
                    <td>{g.latest ? `${g.latest.value} on ${g.latest.asOf} (${g.latest.source === 'imported' ? 'from the imported data' : 'entered'})${g.latest.note ? ` — ${g.latest.note}` : ''}` : '—'}</td>
                    <td>
                      <span className={`usa-tag ${GOAL_STATUS[g.status].tag}`}>{GOAL_STATUS[g.status].label}</span>
                      {g.progress !== null && g.expected !== null ? ` ${pct(g.progress)} of the way, ${pct(g.expected)} expected by then` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollX>
          <p className="usa-hint">Rule: {progress.goals[0]?.rule ?? ''}.</p>
          {canProgress && progress.goals.length ? (
            <Form method="post" className="usa-form">
              <input type="hidden" name="intent" value="record-goal-value" />
              <label className="usa-label" htmlFor="goalId">
                Record a value for the goal
              </label>
              <select className="usa-select" id="goalId" name="goalId">
                {progress.goals.map((g) => (
                  <option key={g.goal.id} value={g.goal.id}>
                    {g.goal.description || g.goal.indicator}
                  </option>
                ))}
              </select>
              <label className="usa-label" htmlFor="goal-value">
                Value
              </label>
              <input className="usa-input usa-input--small" id="goal-value" name="value" inputMode="decimal" required />
              <label className="usa-label" htmlFor="goal-asOf">
                As of
              </label>
              <input className="usa-input" id="goal-asOf" name="asOf" type="date" max={today} required />
              <label className="usa-label" htmlFor="goal-note">
                Source or evidence (optional)
              </label>
              <input className="usa-input" id="goal-note" name="note" maxLength={1000} />
              <button className="usa-button usa-button--outline" type="submit">
                Record the value
              </button>
            </Form>
          ) : null}
          {canProgress && progress.goals.length ? (
            <Form method="post" className="margin-top-2">
              <input type="hidden" name="intent" value="read-goal-values" />
              <p className="usa-hint" id="read-goal-values-hint">
                Reads each goal’s value for the plan’s school year from the data the system has imported — the accountability results and EdSight’s outcomes — where the indicator is there, dated the school year’s last day.
              </p>
              <button className="usa-button usa-button--outline" type="submit" aria-describedby="read-goal-values-hint">
                Read the values from the imported data
              </button>
            </Form>
          ) : null}
          <h3>Strategies</h3>
          <ul className="usa-list">
            {progress.strategies.map((st) => (
              <li key={st.id}>
                <strong>{IMPLEMENTATION_LABELS[st.implementation]}</strong>: {st.title}
                {st.note ? ` — ${st.note}` : ''}
                {canProgress ? <ImplementationForm id={st.id} title={st.title} implementation={st.implementation} note={st.note} /> : null}
              </li>
            ))}
          </ul>
          {progress.actionSteps.length ? (
            <>
              <h3>Action steps (the plan’s interventions)</h3>
              <ul className="usa-list">
                {progress.actionSteps.map((a) => (
                  <li key={a.id}>
                    <strong>{IMPLEMENTATION_LABELS[a.implementation]}</strong>: {a.school}, tier {a.tier} — {a.description}
                    {a.note ? ` — ${a.note}` : ''}
                    {canProgress ? <ImplementationForm id={a.id} title={`${a.school}, tier ${a.tier}`} implementation={a.implementation} note={a.note} /> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {progress.conditions.length ? (
            <>
              <h3>Conditions of the approval</h3>
              <ol className="usa-list">
                {progress.conditions.map((c) => (
                  <li key={c.index}>
                    {c.text} — <strong>{c.met === true ? 'Met' : c.met === false ? 'Not met yet' : 'Not reviewed yet'}</strong>
                    {c.met !== null && c.meetingId !== null ? <span> (reviewed at {meetingName(c.meetingId)})</span> : null}
                    {c.evidence ? <p>Evidence: {c.evidence}</p> : null}
                    {canProgress ? (
                      <Form method="post" className="usa-form">
                        <input type="hidden" name="intent" value="add-condition-evidence" />
                        <input type="hidden" name="item" value={c.index} />
                        <label className="usa-label" htmlFor={`evidence-${c.index}`}>
                          Evidence for condition {c.index}
                        </label>
                        <textarea className="usa-textarea" id={`evidence-${c.index}`} name="evidence" rows={2} required />
                        <button className="usa-button usa-button--outline" type="submit">
                          Give the evidence
                        </button>
                      </Form>
                    ) : null}
                    {state ? (
                      <Form method="post" className="usa-form">
                        <input type="hidden" name="intent" value="review-condition" />
                        <input type="hidden" name="item" value={c.index} />
                        <button className="usa-button usa-button--outline" type="submit" name="met" value="met">
                          Condition {c.index} is met
                        </button>
                        <button className="usa-button usa-button--outline" type="submit" name="met" value="not-met">
                          Condition {c.index} is not met yet
                        </button>
                      </Form>
                    ) : null}
                  </li>
                ))}
              </ol>
            </>
          ) : null}
        </section>
      ) : null}

      {plan.approved && (state || monitoring.supports.length) ? (
        <section aria-labelledby="supports" className="margin-bottom-4">
          <h2 id="supports">Supports of the district’s tier</h2>
          <p>
            The supports the state assigned from the tiered-support catalogue (<Link to="/work/tiers">each district’s tier and why</Link>
            ), each with its owner, due date and evidence.
          </p>
          {monitoring.supports.length ? (
            <ul className="usa-list">
              {monitoring.supports.map((a) => (
                <li key={a.id} className="margin-bottom-2">
                  <strong>{a.status === 'accepted' ? 'Accepted' : a.status === 'submitted' ? 'Evidence given, awaiting the state' : a.overdue ? 'Overdue' : 'Open'}</strong>: {a.support.label} — {a.ownerName}, due {a.dueOn}
                  {a.note ? <p>Asked: {a.note}</p> : null}
                  {a.evidence ? <p>Evidence: {a.evidence}</p> : null}
                  {a.decisionNote ? <p>The state’s note: {a.decisionNote}</p> : null}
                  {a.status === 'open' && a.support.evidence && (a.ownerId === me || canProgress) ? (
                    <Form method="post" className="usa-form">
                      <input type="hidden" name="intent" value="submit-support-evidence" />
                      <input type="hidden" name="assignmentId" value={a.id} />
                      <label className="usa-label" htmlFor={`support-evidence-${a.id}`}>
                        Evidence: {a.support.evidence.toLowerCase()}
                      </label>
                      <textarea className="usa-textarea" id={`support-evidence-${a.id}`} name="evidence" rows={3} maxLength={5000} required />
                      <button className="usa-button usa-button--outline" type="submit">
                        Give the evidence
                      </button>
                    </Form>
                  ) : null}
                  {state && (a.status === 'submitted' || (a.status === 'open' && !a.support.evidence)) ? (
                    <Form method="post" className="usa-form">
                      <input type="hidden" name="intent" value="decide-support" />
                      <input type="hidden" name="assignmentId" value={a.id} />
                      <label className="usa-label" htmlFor={`support-note-${a.id}`}>
                        Note (required to return it)
                      </label>
                      <input className="usa-input" id={`support-note-${a.id}`} name="note" maxLength={2000} />
                      <button className="usa-button usa-button--outline" type="submit" name="decision" value="accept">
                        {a.support.evidence ? 'Accept the evidence' : 'Mark it done'}
                      </button>
                      {a.support.evidence ? (
                        <button className="usa-button usa-button--outline" type="submit" name="decision" value="return">
                          Return it to the district
                        </button>
                      ) : null}
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p>No support is assigned yet.</p>
          )}
          {state ? (
            <Form method="post" className="usa-form">
              <input type="hidden" name="intent" value="assign-support" />
              <label className="usa-label" htmlFor="supportId">
                Assign a support
              </label>
              <select className="usa-select" id="supportId" name="supportId" required>
                {SUPPORTS.filter((s) => !monitoring.supports.some((a) => a.supportId === s.id)).map((s) => (
                  <option key={s.id} value={s.id}>
                    Tier {s.tier}: {s.label}
                  </option>
                ))}
              </select>
              <label className="usa-label" htmlFor="support-owner">
                Owner
              </label>
              <select className="usa-select" id="support-owner" name="ownerId" defaultValue="" required>
                <option value="">Choose</option>
                {owners.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
              <label className="usa-label" htmlFor="support-due">
                Due
              </label>
              <input className="usa-input" id="support-due" name="dueOn" type="date" min={today} required />
              <label className="usa-label" htmlFor="support-asked">
                What is asked (optional)
              </label>
              <textarea className="usa-textarea" id="support-asked" name="note" rows={2} maxLength={2000} />
              <button className="usa-button" type="submit">
                Assign the support
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}

      {sd ? (
        <section aria-labelledby="spending" className="margin-bottom-4">
          <h2 id="spending">Spending against the approved budget</h2>
          {spending.reports.length === 0 ? <p>No spending is reported yet: the spend-down starts with the district’s first expenditure report.</p> : null}
          <p hidden={spending.reports.length === 0}>
            On {sd.asOf} (the latest day the reports cover), {pct(sd.elapsedShare)} of the fiscal year had gone; {formatMoney('en', sd.total.spentCents)} of {formatMoney('en', sd.total.budgetedCents)} is spent ({pct(sd.total.spentShare)}).
            {sd.total.projectedCents !== null ? ` At this rate the year ends at ${formatMoney('en', sd.total.projectedCents)}.` : ''} Projection: {sd.method}. A line is flagged when it trails the year by more than {sd.rules.pacePoints} points.
          </p>
          <ScrollX label="Spend-down by funding area">
            <table className="usa-table usa-table--compact">
              <caption>By funding area</caption>
              <thead>
                <tr>
                  <th scope="col">Funding area</th>
                  <th scope="col">Budgeted</th>
                  <th scope="col">Spent to date</th>
                  <th scope="col">Remaining</th>
                  <th scope="col">Projected year-end</th>
                  <th scope="col">Flags</th>
                </tr>
              </thead>
              <tbody>
                {sd.areas.map((a) => (
                  <tr key={a.area}>
                    <th scope="row">{FUNDING_AREA_LABELS[a.area]}</th>
                    <td>{formatMoney('en', a.budgetedCents)}</td>
                    <td>
                      {formatMoney('en', a.spentCents)} ({pct(a.spentShare)})
                    </td>
                    <td>{formatMoney('en', a.remainingCents)}</td>
                    <td>{a.projectedCents === null ? '—' : formatMoney('en', a.projectedCents)}</td>
                    <td>{a.flags.length ? a.flags.map(flagText).join('; ') : 'none'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollX>
          {sd.lines.some((l) => l.flags.length) || sd.unbudgeted.length ? (
            <>
              <h3>Lines flagged</h3>
              <ul className="usa-list">
                {sd.lines
                  .filter((l) => l.flags.length)
                  .map((l) => (
                    <li key={l.lineId}>
                      {l.description || l.lineId} ({FUNDING_AREA_LABELS[l.area]}): {l.flags.map(flagText).join('; ')}
                    </li>
                  ))}
                {sd.unbudgeted.length ? <li>{sd.total.flags.filter((f) => f.rule === 'unbudgeted').map(flagText).join('')}</li> : null}
              </ul>
            </>
          ) : null}
          <h3>Budget revisions</h3>
          {monitoring.revisions.length ? (
            <ul className="usa-list">
              {monitoring.revisions.map((r) => (
                <li key={r.id}>
                  <strong>
                    Revision {r.number}: {REVISION_STATUS[r.status]}
                  </strong>{' '}
                  — {r.transfers.map((t) => `${formatMoney('en', t.amountCents)} from ${lineName(t.fromLineId)} to ${lineName(t.toLineId)}`).join('; ')}. Why: {r.reason}
                  {state && r.status === 'pending' ? (
                    <Form method="post" className="usa-form">
                      <input type="hidden" name="intent" value="decide-revision" />
                      <input type="hidden" name="revisionId" value={r.id} />
                      <button className="usa-button usa-button--outline" type="submit" name="decision" value="approve">
                        Approve revision {r.number}
                      </button>
                      <button className="usa-button usa-button--outline" type="submit" name="decision" value="deny">
                        Deny revision {r.number}
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p>No revisions: the approved budget is in force.</p>
          )}
          {canReport ? (
            <Form method="post" className="usa-form">
              <input type="hidden" name="intent" value="request-revision" />
              <fieldset className="usa-fieldset">
                <legend className="usa-legend">Move money between lines (a move above the cycle's threshold of a funding area waits for the state's approval)</legend>
                <label className="usa-label" htmlFor="rev-from">
                  From line
                </label>
                <select className="usa-select" id="rev-from" name="transfers.0.fromLineId">
                  {monitoring.budgetInForce.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.description} ({formatMoney('en', l.amountCents)})
                    </option>
                  ))}
                </select>
                <label className="usa-label" htmlFor="rev-to">
                  To line
                </label>
                <select className="usa-select" id="rev-to" name="transfers.0.toLineId">
                  {monitoring.budgetInForce.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.description} ({formatMoney('en', l.amountCents)})
                    </option>
                  ))}
                </select>
                <label className="usa-label" htmlFor="rev-amount">
                  Amount ($)
                </label>
                <input className="usa-input usa-input--small" id="rev-amount" name="transfers.0.amount" inputMode="decimal" required />
                <label className="usa-label" htmlFor="rev-reason">
                  Why
                </label>
                <textarea className="usa-textarea" id="rev-reason" name="reason" rows={2} required />
              </fieldset>
              <button className="usa-button usa-button--outline" type="submit">
                Ask for the revision
              </button>
            </Form>
          ) : null}
          <h3>Expenditure reports</h3>
          {spending.reports.length ? (
            <ul className="usa-list">
              {spending.reports.map((r) => (
                <li key={r.id}>
                  {r.period}: {r.fileName}, {r.rows} rows, {formatMoney('en', r.totalCents)} (imported {r.at.slice(0, 10)})
                </li>
              ))}
            </ul>
          ) : (
            <p>No expenditures reported yet.</p>
          )}
          {canReport ? (
            <Form method="post" encType="multipart/form-data" className="usa-form">
              <input type="hidden" name="intent" value="import-expenditures" />
              <label className="usa-label" htmlFor="ledger">
                Ledger export (CSV or XLSX)
              </label>
              <input className="usa-input" id="ledger" name="file" type="file" accept=".csv,.xlsx" required />
              <label className="usa-label" htmlFor="period">
                Period it covers (e.g. Q2, or October 2025)
              </label>
              <input className="usa-input" id="period" name="period" maxLength={60} required />
              <details open={!spending.mapping}>
                <summary>{spending.mapping ? 'The columns of your ledger (kept from your last report)' : 'Map the columns of your ledger (once)'}</summary>
                {MAPPING_FIELDS.map(([key, label, required]) => (
                  <div key={key}>
                    <label className="usa-label" htmlFor={`map-${key}`}>
                      {label}
                    </label>
                    <input className="usa-input" id={`map-${key}`} name={`mapping.${key}`} defaultValue={spending.mapping?.[key] ?? ''} maxLength={80} required={required && !spending.mapping} />
                  </div>
                ))}
              </details>
              <button className="usa-button" type="submit">
                Import the expenditures
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}

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
              {m.minutes ? (
                <p className="text-pre-wrap">
                  <strong>Minutes:</strong> {m.minutes}
                </p>
              ) : null}
              {m.minutesUploadId !== null ? (
                <p>
                  <a href={`/work/plans/${plan.id}/uploads/${m.minutesUploadId}`}>The minutes as a file</a>
                </p>
              ) : null}
              {reviewedAt(m.id).length ? (
                <>
                  <h3>Conditions reviewed</h3>
                  <ul className="usa-list">
                    {reviewedAt(m.id).map((c) => (
                      <li key={c.index}>
                        Condition {c.index}, “{c.text}”: <strong>{c.met ? 'met' : 'not met yet'}</strong>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
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
              <Form method="post" encType="multipart/form-data" className="usa-form">
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
                <div className="usa-hint" id={`minutes-${m.id}-hint`}>
                  Write what was discussed, or attach the minutes as a file below (or both).
                </div>
                <textarea className="usa-textarea" id={`minutes-${m.id}`} name="minutes" rows={5} aria-describedby={`minutes-${m.id}-hint`} />
                <label className="usa-label" htmlFor={`minutes-file-${m.id}`}>
                  The minutes as a file (optional)
                </label>
                <div className="usa-hint" id={`minutes-file-${m.id}-hint`}>
                  PDF, Word (.docx), PNG or JPEG.
                </div>
                <input className="usa-file-input" id={`minutes-file-${m.id}`} name="minutesFile" type="file" accept=".pdf,.docx,.png,.jpg,.jpeg" aria-describedby={`minutes-file-${m.id}-hint`} />
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
                {openConditions.length ? (
                  <fieldset className="usa-fieldset margin-top-2">
                    <legend className="usa-legend">Conditions of the approval reviewed at this meeting</legend>
                    {openConditions.map((c, i) => (
                      <fieldset key={c.index} className="usa-fieldset margin-top-1">
                        <legend className="usa-legend usa-legend--small">
                          Condition {c.index}: {c.text}
                          {c.evidence ? ` (the district’s evidence: ${c.evidence})` : ''}
                        </legend>
                        <input type="hidden" name={`conditionReviews.${i}.item`} value={c.index} />
                        {(
                          [
                            ['', 'Not discussed'],
                            ['met', 'Met'],
                            ['not-met', 'Not met yet'],
                          ] as const
                        ).map(([value, label]) => (
                          <div key={value} className="usa-radio">
                            <input className="usa-radio__input" id={`cond-${m.id}-${c.index}-${value || 'none'}`} type="radio" name={`conditionReviews.${i}.met`} value={value} defaultChecked={value === ''} />
                            <label className="usa-radio__label" htmlFor={`cond-${m.id}-${c.index}-${value || 'none'}`}>
                              {label}
                            </label>
                          </div>
                        ))}
                      </fieldset>
                    ))}
                  </fieldset>
                ) : null}
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
