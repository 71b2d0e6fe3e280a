import { Link } from 'react-router';
import { stateLabel } from '../../src/domain/workflow/plan.ts';
import type { BoardRow } from '../../src/services/plans/index.ts';
import { formatMoney } from '../i18n/messages.ts';
import { ScrollX } from './scroll-x.tsx';

/**
 * Plans in a table: each district's stage, the amount withheld and the deadline it is working
 * toward; `checks` adds whether the board's vote and the signature cover the current version.
 */
export function PlanTable({ rows, caption, checks = false }: { rows: readonly BoardRow[]; caption: string; checks?: boolean }) {
  return (
    <ScrollX label={caption}>
      <table className="usa-table usa-table--compact usa-table--striped">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">District</th>
            <th scope="col">Stage</th>
            {checks ? (
              <>
                <th scope="col">Board</th>
                <th scope="col">Signed</th>
              </>
            ) : null}
            <th scope="col" className="numeric">
              Withheld
            </th>
            <th scope="col">Next deadline</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.planId}>
              <th scope="row">
                <Link to={`/work/plans/${r.planId}`}>{r.districtName}</Link>
              </th>
              <td>
                {stateLabel(r.state)}
                {r.fundsReleased ? ', funds released' : ''}
              </td>
              {checks ? (
                <>
                  <td>{r.boardApproved ? 'yes' : 'no'}</td>
                  <td>{r.certified ? 'yes' : 'no'}</td>
                </>
              ) : null}
              <td className="numeric">{r.allocationCents === 0 ? '$0 (nothing withheld)' : formatMoney('en', r.allocationCents)}</td>
              <td>{r.nextDeadline ? `${r.nextDeadline.name} ${r.nextDeadline.date}${r.nextDeadline.extended ? ' (extended)' : ''}${r.nextDeadline.overdue ? ' (passed)' : ''}` : r.optional ? 'none: the plan is optional' : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollX>
  );
}
