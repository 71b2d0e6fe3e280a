import type { ReactNode } from 'react';
import { Form, Link, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { FUNDING_AREA_LABELS } from '../../src/domain/workflow/budget.ts';
import { ALL_SCHOOLS, INDICATOR_LABELS, INDICATORS, STATUTORY_STRATEGIES } from '../../src/domain/workflow/content.ts';
import { isEditable, stateLabel } from '../../src/domain/workflow/plan.ts';
import { REVIEW_DECISION_LABELS } from '../../src/domain/workflow/annual-review.ts';
import { DEADLINE_LABELS, DEADLINES } from '../../src/domain/workflow/deadlines.ts';
import { formatMoney } from '../i18n/messages.ts';
import { planAction, planPageData } from './work.plan.server.ts';
import type { ActionResult } from '../lib/work-http.server.ts';
import type { PlanView } from '../../src/services/plans/index.ts';
import { BudgetIssues, Notice, SchoolList, SCHOOL_LIST_ID } from '../components/work-notice.tsx';

export const meta: MetaFunction<typeof loader> = ({ loaderData }) => [{ title: `${loaderData ? `${loaderData.plan.districtName}, FY${loaderData.plan.cycle.fiscalYear}` : 'Plan'} — Alliance District plans` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return planPageData(request, params.id);
}

export async function action({ request, params }: ActionFunctionArgs) {
  return planAction(request, params.id);
}

function ActionForm({ intent, label, rowVersion, children, secondary, files }: { intent: string; label: string; rowVersion: number; children?: ReactNode; secondary?: boolean; files?: boolean }) {
  return (
    <Form method="post" className="usa-form margin-bottom-3" encType={files ? 'multipart/form-data' : undefined}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="rowVersion" value={rowVersion} />
      {children}
      <button className={`usa-button${secondary ? ' usa-button--outline' : ''}`} type="submit">
        {label}
      </button>
    </Form>
  );
}

const DECISION_LABELS: Record<string, string> = {
  'revisions-requested': 'Revisions requested',
  recommended: 'Recommended to the commissioner',
  approve: 'Approved',
  'approve-with-conditions': 'Approved with conditions',
  deny: 'Denied',
};
const EVENT_LABELS: Record<string, string> = {
  'board-approval': 'Board approval recorded',
  certification: 'Signed (certified)',
  submission: 'Submitted to the state',
  resubmission: 'Resubmitted',
  reviewers: 'Reviewers assigned',
  score: 'Scored',
  comment: 'Comment',
  release: 'Funds released',
  amendment: 'Amendment started',
  'deadline-extended': 'Deadline extended',
  'meeting-scheduled': 'Monitoring meeting scheduled',
  'meeting-held': 'Monitoring meeting recorded',
  'follow-up-done': 'Follow-up done',
  save: 'Saved',
};

type PlanEvent = PlanView['events'][number];

/** What happened, in words: "decision" events say which decision. */
function eventLabel(e: PlanEvent): string {
  if (e.kind === 'decision') return DECISION_LABELS[e.decision] ?? e.decision;
  if (e.kind === 'other') return e.name.replace(/-/g, ' ');
  return EVENT_LABELS[e.kind] ?? e.kind.replace(/-/g, ' ');
}

/** What the event said, after its label (the comment, the conditions, the amount released). */
function eventDetail(e: PlanEvent): string {
  switch (e.kind) {
    case 'comment':
      return `: ${e.body}${e.internal ? ' (internal)' : ''}`;
    case 'score':
      return `: ${e.section} scored ${e.score}${e.comment ? ` — ${e.comment}` : ''}`;
    case 'decision':
      return `${e.message ? `: ${e.message}` : ''}${e.conditions ? `: conditions — ${e.conditions}` : ''}`;
    case 'deadline-extended':
      return `: ${e.deadline} from ${e.from} to ${e.to} — ${e.reason}`;
    case 'release':
      return `: ${formatMoney('en', e.amountCents)} on ${e.date}`;
    case 'meeting-scheduled':
      return `: ${e.title} on ${e.scheduledOn}`;
    case 'meeting-held':
      return `: ${e.title}, held ${e.heldOn}${e.followUps ? ` (${e.followUps} follow-up${e.followUps === 1 ? '' : 's'})` : ''}`;
    case 'follow-up-done':
      return `: ${e.text}${e.note ? ` — ${e.note}` : ''}`;
    default:
      return '';
  }
}

/** One line of the plan's history: what happened, who (on whose behalf), when, and what was said. */
function EventLine({ e }: { e: PlanEvent }) {
  return (
    <>
      <strong>{eventLabel(e)}</strong> by {e.userName}
      {e.onBehalfOfName ? ` on behalf of ${e.onBehalfOfName}` : ''}, {e.at.slice(0, 16).replace('T', ' ')} (version {e.version}){eventDetail(e)}
    </>
  );
}

export default function PlanPage() {
  const { plan, reviewers, canAudit, canComment, canExtend, user, uploadLimit, guidance, prior } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const can = (a: string) => plan.actions.includes(a as never);
  const editable = isEditable(plan.state) && can('save');
  const c = plan.content;
  const lacking = plan.contentIssues.filter((i) => i.severity === 'error');
  const toCheck = plan.contentIssues.filter((i) => i.severity === 'warning');
  const lastDecision = plan.events.findLast((e) => e.kind === 'decision');
  // The minutes of the vote that approved this version (none for one recorded without them).
  const boardVote = plan.facts.boardApproved ? plan.events.findLast((e) => e.kind === 'board-approval' && e.version === plan.version) : undefined;
  const minutes = boardVote?.kind === 'board-approval' && boardVote.minutesUploadId !== null ? { id: boardVote.minutesUploadId, date: boardVote.meetingDate, name: boardVote.minutesName } : null;
  const cycle = plan.cycle;
  return (
    <>
      <nav className="usa-breadcrumb no-print" aria-label="Breadcrumb">
        <ol className="usa-breadcrumb__list">
          <li className="usa-breadcrumb__list-item">
            <Link className="usa-breadcrumb__link" to="/work">
              Plans
            </Link>
          </li>
          <li className="usa-breadcrumb__list-item usa-current" aria-current="page">
            {plan.districtName}
          </li>
        </ol>
      </nav>
      <h1>
        {plan.districtName}: {cycle.title}
      </h1>
      <Notice result={result} />
      <div className="usa-summary-box margin-bottom-3">
        <div className="usa-summary-box__body">
          <p className="usa-summary-box__text">
            <strong>Stage: {stateLabel(plan.state)}</strong>
            {plan.facts.amendment ? ' (an amendment)' : ''}. Version {plan.version}. Withheld for the plan: {formatMoney('en', plan.allocationCents)}.
          </p>
          <p className="usa-summary-box__text">
            Board approval of this version: {plan.facts.boardApproved ? 'recorded' : 'not yet'}. Signature on this version: {plan.facts.certified ? 'signed' : 'not yet'}. Budget: {plan.budgetSummary.balanced ? 'balanced' : 'not balanced'}.
            {plan.facts.fundsReleased ? ' Funds released.' : ''}
          </p>
          {minutes ? (
            <p className="usa-summary-box__text">
              {/* A plain link: the file is a download, not a page. */}
              <a href={`/work/plans/${plan.id}/uploads/${minutes.id}`}>
                Minutes of the board meeting of {minutes.date}
                {minutes.name ? ` (${minutes.name})` : ''}
              </a>
            </p>
          ) : null}
          <p className="usa-summary-box__text">
            Deadlines:{' '}
            {(['board', 'submission', 'review', 'decision'] as const)
              .map((d) => `${d} ${plan.deadlines[d]}${plan.deadlines[d] !== cycle.deadlines[d] ? ` (extended for this district from ${cycle.deadlines[d]})` : ''}`)
              .join('; ')}
            .
          </p>
          {plan.approvedVersion !== null ? (
            <p className="usa-summary-box__text">
              <Link to={`/work/plans/${plan.id}/monitoring`}>Monitoring: meetings, agendas and follow-ups</Link>
            </p>
          ) : null}
          {prior ? (
            <p className="usa-summary-box__text">
              This plan starts from the district’s approved FY{prior.fiscalYear} plan.{' '}
              {prior.review
                ? `Its annual review (${prior.review.reviewedOn}): ${REVIEW_DECISION_LABELS[prior.review.decision]} — ${prior.review.reason}`
                : 'Its annual review is not recorded yet.'}{' '}
              <Link to={`/work/plans/${prior.planId}/monitoring`}>The FY{prior.fiscalYear} monitoring</Link>
            </p>
          ) : null}
          {lastDecision?.kind === 'decision' && plan.state === 'revisions-requested' ? <p className="usa-summary-box__text">The state asked: {lastDecision.message ?? ''}</p> : null}
        </div>
      </div>

      {lacking.length && isEditable(plan.state) ? (
        <section aria-labelledby="lacks">
          <h2 id="lacks">Still needed before signing</h2>
          <ul className="usa-list">
            {lacking.map((i) => (
              <li key={i.message}>{i.message}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {toCheck.length && isEditable(plan.state) ? (
        <section aria-labelledby="to-check">
          <h2 id="to-check">Worth checking</h2>
          <ul className="usa-list">
            {toCheck.map((i) => (
              <li key={i.message}>{i.message}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="next" className="no-print">
        <h2 id="next">What you can do now</h2>
        {plan.actions.length === 0 ? <p>Nothing for you to do on this plan at this stage.</p> : null}
        {can('record-board-approval') ? (
          <ActionForm intent="record-board-approval" label="Record the board's approval" rowVersion={plan.rowVersion} files>
            <fieldset className="usa-fieldset">
              <legend className="usa-legend">Local board of education approval of version {plan.version}</legend>
              <label className="usa-label" htmlFor="meetingDate">
                Meeting date
              </label>
              <input className="usa-input" id="meetingDate" name="meetingDate" type="date" required />
              <label className="usa-label" htmlFor="votesFor">
                Votes for
              </label>
              <input className="usa-input usa-input--small" id="votesFor" name="votesFor" inputMode="numeric" required />
              <label className="usa-label" htmlFor="votesAgainst">
                Votes against
              </label>
              <input className="usa-input usa-input--small" id="votesAgainst" name="votesAgainst" inputMode="numeric" required />
              <label className="usa-label" htmlFor="abstentions">
                Abstentions
              </label>
              <input className="usa-input usa-input--small" id="abstentions" name="abstentions" inputMode="numeric" defaultValue="0" />
              <label className="usa-label" htmlFor="minutes">
                Minutes of the meeting (PDF)
              </label>
              <span className="usa-hint" id="minutes-hint">
                A PDF, or a Word document (.docx) or a scan (PNG, JPEG); at most {uploadLimit}.
              </span>
              <input className="usa-input" id="minutes" name="minutes" type="file" accept=".pdf,application/pdf,.docx,image/png,image/jpeg" aria-describedby="minutes-hint" required />
            </fieldset>
          </ActionForm>
        ) : null}
        {can('certify') ? (
          <ActionForm intent="certify" label="Sign and certify this version" rowVersion={plan.rowVersion}>
            <fieldset className="usa-fieldset">
              <legend className="usa-legend">Certification by the authorized representative</legend>
              <p>
                You sign version {plan.version} exactly (content hash <code>{plan.contentHash.slice(0, 12)}…</code>). Any later change needs a new signature.
              </p>
              <div className="usa-checkbox">
                <input className="usa-checkbox__input" id="assurances" type="checkbox" name="assurances" value="on" required />
                <label className="usa-checkbox__label" htmlFor="assurances">
                  I accept the assurances: the funds will be used only for this plan, a substantial majority for new or extended reform efforts, with the most intensive interventions in the lowest-performing schools.
                </label>
              </div>
              <label className="usa-label" htmlFor="typedName">
                Type your full name to sign ({user.name})
              </label>
              <input className="usa-input" id="typedName" name="typedName" autoComplete="name" required />
            </fieldset>
          </ActionForm>
        ) : null}
        {can('submit') || can('resubmit') ? <ActionForm intent="submit" label={can('resubmit') ? 'Resubmit to the state' : 'Submit to the state'} rowVersion={plan.rowVersion} /> : null}
        {can('assign-reviewers') ? (
          <ActionForm intent="assign-reviewers" label="Assign the review committee" rowVersion={plan.rowVersion}>
            <fieldset className="usa-fieldset">
              <legend className="usa-legend">Reviewers</legend>
              {reviewers.map((r) => (
                <div className="usa-checkbox" key={r.id}>
                  <input className="usa-checkbox__input" id={`reviewer-${r.id}`} type="checkbox" name="reviewers" value={r.id} defaultChecked={plan.reviewers.includes(r.id)} />
                  <label className="usa-checkbox__label" htmlFor={`reviewer-${r.id}`}>
                    {r.name}
                  </label>
                </div>
              ))}
            </fieldset>
          </ActionForm>
        ) : null}
        {can('score') ? (
          <ActionForm intent="score" label="Record a rubric score" rowVersion={plan.rowVersion} secondary>
            <label className="usa-label" htmlFor="section">
              Section
            </label>
            <select className="usa-select" id="section" name="section">
              {cycle.settings.rubric.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
            <label className="usa-label" htmlFor="score">
              Score (1 = does not meet, 4 = exceeds)
            </label>
            <select className="usa-select" id="score" name="score">
              {[1, 2, 3, 4].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
            <label className="usa-label" htmlFor="score-comment">
              Comment
            </label>
            <textarea className="usa-textarea" id="score-comment" name="comment" />
          </ActionForm>
        ) : null}
        {can('request-revisions') ? (
          <ActionForm intent="request-revisions" label="Send back for revisions" rowVersion={plan.rowVersion} secondary>
            <label className="usa-label" htmlFor="revisions-message">
              What the district should revise
            </label>
            <textarea className="usa-textarea" id="revisions-message" name="message" required />
          </ActionForm>
        ) : null}
        {can('recommend') ? (
          <ActionForm intent="recommend" label="Recommend to the commissioner" rowVersion={plan.rowVersion}>
            <label className="usa-label" htmlFor="note">
              Recommendation
            </label>
            <textarea className="usa-textarea" id="note" name="note" />
          </ActionForm>
        ) : null}
        {can('approve') ? <ActionForm intent="approve" label="Approve the plan" rowVersion={plan.rowVersion} /> : null}
        {can('approve-with-conditions') ? (
          <ActionForm intent="approve-with-conditions" label="Approve with conditions" rowVersion={plan.rowVersion} secondary>
            <label className="usa-label" htmlFor="conditions">
              Conditions
            </label>
            <textarea className="usa-textarea" id="conditions" name="conditions" required />
          </ActionForm>
        ) : null}
        {can('deny') ? <ActionForm intent="deny" label="Deny the plan" rowVersion={plan.rowVersion} secondary /> : null}
        {can('release-funds') ? (
          <ActionForm intent="release-funds" label={`Record the release of ${formatMoney('en', plan.allocationCents)}`} rowVersion={plan.rowVersion}>
            <label className="usa-label" htmlFor="date">
              Release date
            </label>
            <input className="usa-input" id="date" name="date" type="date" required />
          </ActionForm>
        ) : null}
        {can('start-amendment') ? <ActionForm intent="start-amendment" label="Start an amendment" rowVersion={plan.rowVersion} secondary /> : null}
      </section>

      {canExtend ? (
        <section aria-labelledby="extend-h">
          <h2 id="extend-h">Extend a deadline for this district</h2>
          <p>The district&apos;s people are told by e-mail; reminders and the board follow the new date.</p>
          <ActionForm intent="extend-deadline" label="Extend the deadline" rowVersion={plan.rowVersion} secondary>
            <label className="usa-label" htmlFor="extend-deadline">
              Deadline
            </label>
            <select className="usa-select" id="extend-deadline" name="deadline" defaultValue="submission">
              {DEADLINES.map((d) => (
                <option key={d} value={d}>
                  {DEADLINE_LABELS[d]} (now {plan.deadlines[d]})
                </option>
              ))}
            </select>
            <label className="usa-label" htmlFor="extend-date">
              New date
            </label>
            <input className="usa-input" id="extend-date" name="date" type="date" required />
            <label className="usa-label" htmlFor="extend-reason">
              Why (the district sees this)
            </label>
            <textarea className="usa-textarea" id="extend-reason" name="reason" rows={2} required />
          </ActionForm>
        </section>
      ) : null}

      {guidance.length ? (
        <section aria-labelledby="guidance-h">
          <h2 id="guidance-h">Guidance for this cycle</h2>
          <ul className="usa-list">
            {guidance.map((g) => (
              <li key={g.id}>
                <a href={`/work/plans/${plan.id}/guidance/${g.id}`} download>
                  {g.name}
                </a>{' '}
                ({g.size})
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="rubric-h">
        <h2 id="rubric-h">How the state reviews this plan</h2>
        <p>
          Reviewers score each section from 1 (does not meet) to 4 (exceeds).
          {plan.scores.some((x) => x.count) ? ' The committee’s scores so far are beside each section (the state’s people see them; the district does not).' : ''}
        </p>
        <ul className="usa-list">
          {cycle.settings.rubric.map((r) => {
            const sc = plan.scores.find((x) => x.id === r.id);
            return (
              <li key={r.id}>
                <strong>{r.label}</strong>
                {r.lookFor ? `: ${r.lookFor}` : ''}
                {sc && sc.count ? ` — mean ${sc.mean} from ${sc.count} score${sc.count === 1 ? '' : 's'}` : ''}
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="plan-h">
        <h2 id="plan-h">The plan</h2>
        {editable ? (
          <Form method="post" className="usa-form usa-form--large">
            <SchoolList schools={plan.schools} />
            <input type="hidden" name="intent" value="save" />
            <input type="hidden" name="rowVersion" value={plan.rowVersion} />
            <label className="usa-label" htmlFor="needsAssessment">
              Needs assessment
            </label>
            <textarea className="usa-textarea" id="needsAssessment" name="needsAssessment" defaultValue={c.needsAssessment} rows={6} />
            <fieldset className="usa-fieldset">
              <legend className="usa-legend usa-legend--large">Goals</legend>
              {[...c.goals, { id: '', indicator: 'accountability-index', description: '', baseline: NaN, target: NaN }].map((g, i) => (
                <fieldset className="usa-fieldset margin-top-2" key={i}>
                  <legend className="usa-legend">Goal {i + 1}</legend>
                  <input type="hidden" name={`goals.${i}.id`} value={g.id} />
                  <label className="usa-label" htmlFor={`goals.${i}.indicator`}>
                    Indicator
                  </label>
                  <select className="usa-select" id={`goals.${i}.indicator`} name={`goals.${i}.indicator`} defaultValue={g.indicator}>
                    {INDICATORS.map((x) => (
                      <option key={x} value={x}>
                        {INDICATOR_LABELS[x]}
                      </option>
                    ))}
                  </select>
                  <label className="usa-label" htmlFor={`goals.${i}.description`}>
                    Goal
                  </label>
                  <input className="usa-input" id={`goals.${i}.description`} name={`goals.${i}.description`} defaultValue={g.description} />
                  <label className="usa-label" htmlFor={`goals.${i}.baseline`}>
                    Baseline
                  </label>
                  <input className="usa-input usa-input--small" id={`goals.${i}.baseline`} name={`goals.${i}.baseline`} inputMode="decimal" defaultValue={Number.isFinite(g.baseline) ? g.baseline : ''} />
                  <label className="usa-label" htmlFor={`goals.${i}.target`}>
                    Target
                  </label>
                  <input className="usa-input usa-input--small" id={`goals.${i}.target`} name={`goals.${i}.target`} inputMode="decimal" defaultValue={Number.isFinite(g.target) ? g.target : ''} />
                </fieldset>
              ))}
            </fieldset>
            <fieldset className="usa-fieldset">
              <legend className="usa-legend usa-legend--large">Strategies (C.G.S. § 10-262u(d))</legend>
              {STATUTORY_STRATEGIES.map((s) => {
                const chosen = c.strategies.find((x) => x.statutory === s.id);
                return (
                  <div key={s.id}>
                    <div className="usa-checkbox">
                      <input className="usa-checkbox__input" id={`strategy.${s.id}`} type="checkbox" name={`strategy.${s.id}`} value="on" defaultChecked={Boolean(chosen)} />
                      <label className="usa-checkbox__label" htmlFor={`strategy.${s.id}`}>
                        {s.label}
                      </label>
                    </div>
                    <label className="usa-label" htmlFor={`strategy.${s.id}.description`}>
                      How ({s.label})
                    </label>
                    <input className="usa-input" id={`strategy.${s.id}.description`} name={`strategy.${s.id}.description`} defaultValue={chosen?.description ?? ''} />
                  </div>
                );
              })}
              {[...c.strategies.filter((s) => s.statutory === null), { id: '', statutory: null, title: '', description: '' }].map((s, i) => (
                <div key={`own-${i}`}>
                  <input type="hidden" name={`own.${i}.id`} value={s.id} />
                  <label className="usa-label" htmlFor={`own.${i}.title`}>
                    District-specific strategy {i + 1}
                  </label>
                  <input className="usa-input" id={`own.${i}.title`} name={`own.${i}.title`} defaultValue={s.title} />
                  <label className="usa-label" htmlFor={`own.${i}.description`}>
                    How
                  </label>
                  <input className="usa-input" id={`own.${i}.description`} name={`own.${i}.description`} defaultValue={s.description} />
                </div>
              ))}
            </fieldset>
            <fieldset className="usa-fieldset">
              <legend className="usa-legend usa-legend--large">Tiered interventions by school</legend>
              {[...c.interventions, { school: '', tier: 1 as const, description: '' }].map((x, i) => (
                <fieldset className="usa-fieldset margin-top-2" key={i}>
                  <legend className="usa-legend">Intervention {i + 1}</legend>
                  <label className="usa-label" htmlFor={`interventions.${i}.school`}>
                    School
                  </label>
                  <div className="usa-hint" id={`interventions.${i}.school-hint`}>
                    One of the district&apos;s schools, or &ldquo;{ALL_SCHOOLS}&rdquo; (not for tier 3)
                  </div>
                  <input className="usa-input" id={`interventions.${i}.school`} name={`interventions.${i}.school`} defaultValue={x.school} list={SCHOOL_LIST_ID} aria-describedby={`interventions.${i}.school-hint`} />
                  <label className="usa-label" htmlFor={`interventions.${i}.tier`}>
                    Tier
                  </label>
                  <select className="usa-select" id={`interventions.${i}.tier`} name={`interventions.${i}.tier`} defaultValue={x.tier}>
                    <option value="1">1 — universal</option>
                    <option value="2">2 — targeted</option>
                    <option value="3">3 — most intensive (lowest-performing schools)</option>
                  </select>
                  <label className="usa-label" htmlFor={`interventions.${i}.description`}>
                    What
                  </label>
                  <input className="usa-input" id={`interventions.${i}.description`} name={`interventions.${i}.description`} defaultValue={x.description} />
                </fieldset>
              ))}
            </fieldset>
            <label className="usa-label" htmlFor="narrative">
              How the money targets performance (published on approval)
            </label>
            <textarea className="usa-textarea" id="narrative" name="narrative" defaultValue={c.narrative} rows={6} />
            <button className="usa-button" type="submit">
              Save the plan
            </button>
          </Form>
        ) : (
          <div className="usa-prose">
            <h3>Needs assessment</h3>
            <p>{c.needsAssessment || '—'}</p>
            <h3>Goals</h3>
            <ul>
              {c.goals.map((g) => (
                <li key={g.id}>
                  {g.description} ({INDICATOR_LABELS[g.indicator] ?? g.indicator}): from {g.baseline} to {g.target}
                </li>
              ))}
            </ul>
            <h3>Strategies</h3>
            <ul>
              {c.strategies.map((s) => (
                <li key={s.id}>
                  <strong>{s.title}</strong> {s.description}
                </li>
              ))}
            </ul>
            <h3>Tiered interventions</h3>
            <ul>
              {c.interventions.map((x, i) => (
                <li key={i}>
                  Tier {x.tier}, {x.school}: {x.description}
                </li>
              ))}
            </ul>
            <h3>Narrative</h3>
            <p>{c.narrative || '—'}</p>
          </div>
        )}
      </section>

      <section aria-labelledby="budget-h">
        <h2 id="budget-h">Budget</h2>
        <p>
          {formatMoney('en', plan.budgetSummary.totalCents)} budgeted of {formatMoney('en', plan.allocationCents)}; {(plan.budgetSummary.reformShare * 100).toFixed(1)}% for new or extended reform efforts (the cycle requires {(cycle.settings.substantialMajority * 100).toFixed(0)}%).{' '}
          <Link to={`/work/plans/${plan.id}/budget`}>{editable ? 'Edit the budget' : 'See the budget'}</Link> ·{' '}
          <a href={`/work/plans/${plan.id}/budget.xlsx`} download>
            Excel workbook
          </a>
        </p>
        <table className="usa-table usa-table--compact">
          <caption>Budget by funding area</caption>
          <thead>
            <tr>
              <th scope="col">Funding area</th>
              <th scope="col" className="numeric">
                Amount
              </th>
              <th scope="col" className="numeric">
                FTE
              </th>
            </tr>
          </thead>
          <tbody>
            {plan.budgetSummary.byArea.map((a) => (
              <tr key={a.area}>
                <th scope="row">{FUNDING_AREA_LABELS[a.area]}</th>
                <td className="numeric">{formatMoney('en', a.cents)}</td>
                <td className="numeric">{a.fte}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <BudgetIssues issues={plan.budgetSummary.issues} />
      </section>

      <section aria-labelledby="thread">
        <h2 id="thread">Comments and history</h2>
        <ol className="usa-list">
          {plan.events
            .filter((e) => !(e.kind === 'comment' && e.parentId !== null))
            .map((e) => {
              const replies = plan.events.filter((r) => r.kind === 'comment' && r.parentId === e.id);
              return (
                <li key={e.id}>
                  <EventLine e={e} />
                  {replies.length ? (
                    <ul className="usa-list" aria-label={`Replies to ${e.userName}`}>
                      {replies.map((r) => (
                        <li key={r.id}>
                          <EventLine e={r} />
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {canComment && e.kind === 'comment' ? (
                    <details>
                      <summary>Reply to {e.userName}</summary>
                      <Form method="post" className="usa-form">
                        <input type="hidden" name="intent" value="comment" />
                        <input type="hidden" name="parentId" value={e.id} />
                        <label className="usa-label" htmlFor={`reply-${e.id}`}>
                          Your reply
                        </label>
                        <textarea className="usa-textarea" id={`reply-${e.id}`} name="body" required />
                        <button className="usa-button usa-button--outline" type="submit">
                          Post the reply
                        </button>
                      </Form>
                    </details>
                  ) : null}
                </li>
              );
            })}
        </ol>
        {canComment ? (
          <Form method="post" className="usa-form">
            <input type="hidden" name="intent" value="comment" />
            <label className="usa-label" htmlFor="body">
              Add a comment
            </label>
            <textarea className="usa-textarea" id="body" name="body" required />
            {reviewers.length && plan.actions.includes('score' as never) ? (
              <div className="usa-checkbox">
                <input className="usa-checkbox__input" id="internal" type="checkbox" name="internal" value="on" />
                <label className="usa-checkbox__label" htmlFor="internal">
                  Internal (the state only)
                </label>
              </div>
            ) : null}
            <button className="usa-button usa-button--outline" type="submit">
              Post the comment
            </button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="versions">
        <h2 id="versions">Versions</h2>
        <ul className="usa-list">
          {plan.versions.map((v) => (
            <li key={v.version}>
              Version {v.version}, {v.createdAt.slice(0, 16).replace('T', ' ')}
              {v.version === plan.approvedVersion ? ' (approved)' : ''}
              {v.version > 1 ? (
                <>
                  {' '}
                  — <Link to={`/work/plans/${plan.id}/diff?from=${v.version - 1}&to=${v.version}`}>changes from version {v.version - 1}</Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
        {plan.approvedVersion && plan.approvedVersion !== plan.version ? (
          <p>
            <Link to={`/work/plans/${plan.id}/diff?from=${plan.approvedVersion}&to=${plan.version}`}>Changes since the approved version</Link>
          </p>
        ) : null}
        {canAudit ? (
          <p>
            <Link to={`/work/plans/${plan.id}/audit`}>The audit trail of this plan</Link>
          </p>
        ) : null}
      </section>
    </>
  );
}
