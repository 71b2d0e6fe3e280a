/**
 * Half-open effective periods [from, until): a value in force from its first day up to, but
 * not including, `until`. `until: null` means open-ended (in force until an Act changes it).
 */
import { DomainError } from '../errors.ts';
import { fiscalYearEnd, fiscalYearStart, type FiscalYear, type IsoDate } from './fiscal-year.ts';

export interface Period {
  readonly from: IsoDate;
  readonly until: IsoDate | null;
}

/** Makes a period, checking from < until. */
export function period(from: IsoDate, until: IsoDate | null): Period {
  if (until !== null && until <= from) {
    throw new DomainError('invalid_period', `A period must end after it starts: [${from}, ${until})`, { from, until });
  }
  return { from, until };
}

/** The fiscal years first..last inclusive as a half-open period. */
export function fiscalYearsPeriod(first: FiscalYear, last: FiscalYear | null): Period {
  return period(fiscalYearStart(first), last === null ? null : fiscalYearEnd(last));
}

/** Whether the date is in [from, until). ISO dates compare as strings. */
export function contains(p: Period, date: IsoDate): boolean {
  return p.from <= date && (p.until === null || date < p.until);
}

/** Whether two half-open periods share at least one day. */
export function overlaps(a: Period, b: Period): boolean {
  const aBeforeB = a.until !== null && a.until <= b.from;
  const bBeforeA = b.until !== null && b.until <= a.from;
  return !aBeforeB && !bBeforeA;
}

/** "2022-07-01 – 2027-06-30" or "from 2022-07-01". */
export function formatPeriod(p: Period): string {
  if (p.until === null) return `from ${p.from}`;
  const last = new Date(`${p.until}T00:00:00Z`);
  last.setUTCDate(last.getUTCDate() - 1);
  return `${p.from} – ${last.toISOString().slice(0, 10)}`;
}
