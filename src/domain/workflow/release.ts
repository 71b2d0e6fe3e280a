/**
 * The release of withheld funds (C.G.S. § 10-262u(c): the alliance portion is paid once the
 * commissioner approves the plan). The money is an invariant, not a flag: a district's allocation
 * for a cycle is released at most once. An amendment of an approved plan does not change the
 * allocation — it is the withholding rule's amount, fixed when the cycle opens — so re-approving
 * an amended plan releases nothing more (ADR 011). The database holds the same rule as a unique
 * key (one release per cycle and district), so two releases at the same moment cannot both win.
 */
import { addDays, fiscalYearEnd, fiscalYearStart, isCalendarDate, type FiscalYear, type IsoDate } from '../time/fiscal-year.ts';

/** A release on record. */
export interface Release {
  readonly amountCents: number;
  readonly date: IsoDate;
}

/**
 * Whether `date` can be the date something of the `fiscalYear` cycle happened (a board meeting,
 * a release of funds): a real calendar date, not in the future (it is recorded once it has
 * happened), and within the cycle's reach — from the start of the fiscal year before it (plans
 * are written and approved in the spring before) to the end of the fiscal year after it. Null
 * when it can.
 *
 * @example cycleDateProblem('the release date', '9999-99-99', 2026, '2026-12-03') // 'Give the release date as …'
 */
export function cycleDateProblem(what: string, date: string, fiscalYear: FiscalYear, today: IsoDate): string | null {
  if (!isCalendarDate(date)) return `Give ${what} as a real calendar date (YYYY-MM-DD).`;
  const earliest = fiscalYearStart((fiscalYear - 1) as FiscalYear);
  const latest = addDays(fiscalYearEnd((fiscalYear + 1) as FiscalYear), -1);
  if (date < earliest || date > latest) return `For the FY${fiscalYear} cycle, ${what} is between ${earliest} and ${latest}; ${date} is outside that.`;
  if (date > today) return `${what[0]!.toUpperCase()}${what.slice(1)} (${date}) is in the future: record it once it has happened.`;
  return null;
}

/**
 * Whether an amount can be released now: a whole number of cents from $0 to the allocation, and
 * nothing released before for this cycle. Null when it can.
 */
export function releaseProblem(amountCents: number, allocationCents: number, earlier: Release | null): string | null {
  if (earlier) return `The funds for this cycle have already been released (${earlier.date}); an allocation is released once.`;
  if (!Number.isSafeInteger(amountCents) || amountCents < 0 || amountCents > allocationCents) {
    return `The amount released must be between $0 and the amount withheld ($${(allocationCents / 100).toLocaleString('en-US')}).`;
  }
  return null;
}

