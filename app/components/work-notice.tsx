import type { ReactNode } from 'react';
import type { BudgetIssue } from '../../src/domain/workflow/budget.ts';
import { ALL_SCHOOLS } from '../../src/domain/workflow/content.ts';
import type { ActionResult } from '../lib/work-http.server.ts';

/**
 * The outcome of a form in the signed-in area, beside the form: a status when it worked, an
 * alert when it did not — with what changed since (a conflict) and each field's problem.
 */
export function Notice({ result, children }: { result: ActionResult | undefined; children?: ReactNode }) {
  if (!result) return null;
  return (
    <div className={`usa-alert ${result.ok ? 'usa-alert--success' : 'usa-alert--error'}`} role={result.ok ? 'status' : 'alert'}>
      <div className="usa-alert__body">
        <p className="usa-alert__text">{result.message}</p>
        {result.changes?.length ? (
          <ul className="usa-list">
            {result.changes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        ) : null}
        {result.issues && Object.keys(result.issues).length ? (
          <ul className="usa-list">
            {Object.entries(result.issues).map(([k, v]) => (
              <li key={k}>
                <code>{k}</code>: {v}
              </li>
            ))}
          </ul>
        ) : null}
        {children}
      </div>
    </div>
  );
}

/** A budget's problems: what must be fixed before signing, and what to check. */
export function BudgetIssues({ issues }: { issues: readonly BudgetIssue[] }) {
  if (!issues.length) return null;
  return (
    <ul className="usa-list">
      {issues.map((i, k) => (
        <li key={k}>
          {i.severity === 'error' ? 'Must fix' : 'Check'}
          {i.line ? ` (line ${i.line})` : ''}: {i.message}
        </li>
      ))}
    </ul>
  );
}

export const SCHOOL_LIST_ID = 'district-schools';

/** The district's schools from the state directory, offered as people type a school's name. */
export function SchoolList({ schools }: { schools: readonly string[] }) {
  return (
    <datalist id={SCHOOL_LIST_ID}>
      {[ALL_SCHOOLS, ...schools].map((s) => (
        <option key={s} value={s} />
      ))}
    </datalist>
  );
}
