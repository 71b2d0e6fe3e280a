/**
 * Fiscal spend-down (seed 004: "fiscal spend down and revisions"): what the district has spent
 * against each budget line and funding area, the share of the year elapsed, a projection to the
 * year's end, and flags by rule — each flag names its rule and its numbers, so a page can say why.
 *
 * The projection is stated, not guessed: spending so far continued at the same daily rate to the
 * end of the fiscal year (spent ÷ share of the year elapsed). Pure.
 */
import { cents, type Cents } from '../money/cents.ts';
import { fiscalYearEnd, fiscalYearStart, type FiscalYear, type IsoDate } from '../time/fiscal-year.ts';
import { FUNDING_AREAS, type BudgetLine, type FundingArea } from './budget.ts';

/** One row of a district's ledger export, read into the plan's terms. */
export interface Expenditure {
  readonly date: IsoDate;
  /** The budget line it is charged to (its id), or null when the ledger names only a funding area. */
  readonly lineId: string | null;
  readonly area: FundingArea | null;
  readonly objectCode: string;
  readonly amountCents: Cents;
  readonly description: string;
}

/** A cycle's spend-down rules (a setting of the cycle; these are the defaults). */
export interface SpendDownRules {
  /** A line or area is flagged when its spent share trails the year's elapsed share by more than this many points. */
  readonly pacePoints: number;
  /** A projected lapse (budgeted − projected) is flagged from this share of the budgeted amount. */
  readonly lapseShare: number;
}

export const DEFAULT_SPEND_DOWN_RULES: SpendDownRules = { pacePoints: 15, lapseShare: 0.05 };

export type SpendFlag =
  | { readonly rule: 'pace'; readonly spentShare: number; readonly elapsedShare: number; readonly points: number }
  | { readonly rule: 'over-budget'; readonly overCents: Cents }
  | { readonly rule: 'unbudgeted'; readonly spentCents: Cents }
  | { readonly rule: 'lapse'; readonly lapseCents: Cents };

export interface SpendRow {
  readonly budgetedCents: Cents;
  readonly spentCents: Cents;
  readonly remainingCents: Cents;
  /** Spent ÷ budgeted (0 when nothing is budgeted). */
  readonly spentShare: number;
  /** The year's end at the same daily rate; null before the year starts. */
  readonly projectedCents: Cents | null;
  readonly flags: readonly SpendFlag[];
}

export interface SpendDown {
  readonly asOf: IsoDate;
  /** The share of the fiscal year elapsed on `asOf` (0 to 1). */
  readonly elapsedShare: number;
  readonly method: string;
  readonly rules: SpendDownRules;
  readonly lines: readonly (SpendRow & { readonly lineId: string; readonly area: FundingArea; readonly description: string })[];
  readonly areas: readonly (SpendRow & { readonly area: FundingArea })[];
  /** Spending charged to no line of the budget (a line id the budget does not have, or only an area the budget does not fund). */
  readonly unbudgeted: readonly Expenditure[];
  readonly total: SpendRow;
}

export const PROJECTION_METHOD = 'spending so far continued at the same daily rate to the end of the fiscal year (spent ÷ share of the year elapsed)';

const DAY = 86_400_000;
const days = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);

/** The share of the fiscal year elapsed on a date: 0 before it starts, 1 after it ends (the end day counted). */
export function elapsedShare(fy: FiscalYear, asOf: IsoDate): number {
  const start = fiscalYearStart(fy);
  // fiscalYearEnd is the first day after the year.
  const total = days(start, fiscalYearEnd(fy));
  return Math.min(1, Math.max(0, (days(start, asOf) + 1) / total));
}

function row(budgeted: number, spent: number, elapsed: number, rules: SpendDownRules, extra: SpendFlag[] = []): SpendRow {
  const projected = elapsed > 0 ? Math.round(spent / elapsed) : null;
  const spentShare = budgeted > 0 ? spent / budgeted : 0;
  const flags: SpendFlag[] = [...extra];
  if (budgeted > 0) {
    const points = Math.round((elapsed - spentShare) * 1000) / 10;
    if (points > rules.pacePoints) flags.push({ rule: 'pace', spentShare, elapsedShare: elapsed, points });
    if (spent > budgeted) flags.push({ rule: 'over-budget', overCents: cents(spent - budgeted) });
    else if (projected !== null && budgeted - projected >= Math.max(1, rules.lapseShare * budgeted)) flags.push({ rule: 'lapse', lapseCents: cents(budgeted - projected) });
  }
  return { budgetedCents: cents(budgeted), spentCents: cents(spent), remainingCents: cents(budgeted - spent), spentShare, projectedCents: projected === null ? null : cents(projected), flags };
}

/** The spend-down of a budget on a date, from the expenditures recorded so far (those after `asOf` are not counted). */
export function spendDown(budget: readonly BudgetLine[], expenditures: readonly Expenditure[], fy: FiscalYear, asOf: IsoDate, rules: SpendDownRules = DEFAULT_SPEND_DOWN_RULES): SpendDown {
  const elapsed = elapsedShare(fy, asOf);
  const counted = expenditures.filter((e) => e.date <= asOf);
  const byLine = new Map(budget.map((l) => [l.id, l]));
  const funded = new Set(budget.map((l) => l.area));
  const spentLine = new Map<string, number>();
  const spentArea = new Map<FundingArea, number>();
  const unbudgeted: Expenditure[] = [];
  for (const e of counted) {
    const line = e.lineId ? byLine.get(e.lineId) : undefined;
    const area = line?.area ?? (e.lineId ? null : e.area);
    if ((e.lineId && !line) || !area || !funded.has(area)) {
      unbudgeted.push(e);
      continue;
    }
    if (line) spentLine.set(line.id, (spentLine.get(line.id) ?? 0) + e.amountCents);
    spentArea.set(area, (spentArea.get(area) ?? 0) + e.amountCents);
  }
  const lines = budget.map((l) => ({ lineId: l.id, area: l.area, description: l.description, ...row(l.amountCents, spentLine.get(l.id) ?? 0, elapsed, rules) }));
  const areas = FUNDING_AREAS.filter((a) => funded.has(a)).map((area) => {
    const budgeted = budget.filter((l) => l.area === area).reduce((s, l) => s + l.amountCents, 0);
    return { area, ...row(budgeted, spentArea.get(area) ?? 0, elapsed, rules) };
  });
  const unbudgetedCents = unbudgeted.reduce((s, e) => s + e.amountCents, 0);
  const totalBudgeted = budget.reduce((s, l) => s + l.amountCents, 0);
  const totalSpent = [...spentArea.values()].reduce((s, v) => s + v, 0) + unbudgetedCents;
  const total = row(totalBudgeted, totalSpent, elapsed, rules, unbudgetedCents ? [{ rule: 'unbudgeted', spentCents: cents(unbudgetedCents) }] : []);
  return { asOf, elapsedShare: elapsed, method: PROJECTION_METHOD, rules, lines, areas, unbudgeted, total };
}
