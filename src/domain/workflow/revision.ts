/**
 * Budget revisions (seed 004: "fiscal spend down and revisions"): transfers between lines of the
 * budget in force, with a reason. A revision that moves more than a threshold share of any
 * funding area (a cycle setting; 10% by default) needs the state's approval; a smaller one is
 * recorded. The revised budget must still pass the budget checks and the substantial-majority
 * rule. Pure.
 */
import { cents, formatUsd, type Cents } from '../money/cents.ts';
import { summariseBudget, type BudgetLine, type FundingArea } from './budget.ts';

export interface Transfer {
  readonly fromLineId: string;
  readonly toLineId: string;
  readonly amountCents: Cents;
}

export const DEFAULT_REVISION_THRESHOLD = 0.1;

export interface RevisionCheck {
  /** The budget after the transfers (a line moved to $0 ends). */
  readonly revised: readonly BudgetLine[];
  /** Each funding area's net change and its share of what the area had. */
  readonly areaChanges: readonly { area: FundingArea; beforeCents: Cents; changeCents: Cents; share: number }[];
  readonly needsApproval: boolean;
}

/** The revised budget and whether it needs the state's approval, or the problems (by transfer). */
export function checkRevision(budget: readonly BudgetLine[], transfers: readonly Transfer[], allocationCents: Cents, substantialMajority: number, threshold = DEFAULT_REVISION_THRESHOLD): { ok: true; check: RevisionCheck } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  if (!transfers.length) problems.push('Add at least one transfer.');
  const amounts = new Map(budget.map((l) => [l.id, l.amountCents as number]));
  transfers.forEach((t, i) => {
    const n = `Transfer ${i + 1}`;
    if (!amounts.has(t.fromLineId)) problems.push(`${n}: "${t.fromLineId}" is not a line of the budget.`);
    if (!amounts.has(t.toLineId)) problems.push(`${n}: "${t.toLineId}" is not a line of the budget.`);
    if (t.fromLineId === t.toLineId) problems.push(`${n}: a transfer moves money between two different lines.`);
    if (!Number.isSafeInteger(t.amountCents) || t.amountCents <= 0) problems.push(`${n}: the amount must be more than $0.`);
    if (problems.length) return;
    const left = amounts.get(t.fromLineId)! - t.amountCents;
    if (left < 0) problems.push(`${n}: line ${t.fromLineId} has ${formatUsd(amounts.get(t.fromLineId)!)} to move.`);
    amounts.set(t.fromLineId, left);
    amounts.set(t.toLineId, amounts.get(t.toLineId)! + t.amountCents);
  });
  if (problems.length) return { ok: false, problems };
  const revised = budget.map((l) => ({ ...l, amountCents: cents(amounts.get(l.id)!) })).filter((l) => l.amountCents > 0);
  const summary = summariseBudget(revised, allocationCents, substantialMajority);
  for (const issue of summary.issues.filter((x) => x.severity === 'error')) problems.push(`After the revision: ${issue.message}`);
  if (problems.length) return { ok: false, problems };
  const areas = [...new Set(budget.map((l) => l.area))];
  const areaChanges = areas.map((area) => {
    const before = budget.filter((l) => l.area === area).reduce((s, l) => s + l.amountCents, 0);
    const after = revised.filter((l) => l.area === area).reduce((s, l) => s + l.amountCents, 0);
    return { area, beforeCents: cents(before), changeCents: cents(after - before), share: before > 0 ? Math.abs(after - before) / before : 1 };
  });
  return { ok: true, check: { revised, areaChanges, needsApproval: areaChanges.some((a) => a.changeCents !== 0 && a.share > threshold) } };
}
