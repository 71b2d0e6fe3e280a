import { describe, expect, it } from 'vitest';
import { cents } from '../money/cents.ts';
import type { BudgetLine } from './budget.ts';
import { checkRevision } from './revision.ts';

const line = (id: string, area: BudgetLine['area'], dollars: number, effort: BudgetLine['effort'] = 'new', objectCode = '112'): BudgetLine => ({ id, area, objectCode, description: id, school: null, strategy: 's1', fte: area.startsWith('staffing') ? 1 : 0, amountCents: cents(dollars * 100), effort });
const budget = [line('b1', 'staffing-direct-service', 60_000), line('b2', 'staffing-direct-service', 20_000), line('b6', 'supplies', 15_000, 'new', '611'), line('b7', 'other', 5_000, 'existing', '890')];
const ALLOCATION = cents(100_000_00);

describe('a budget revision', () => {
  it('within a funding area is recorded; across areas above the threshold it needs the state\'s approval', () => {
    const within = checkRevision(budget, [{ fromLineId: 'b2', toLineId: 'b1', amountCents: cents(10_000_00) }], ALLOCATION, 0.5);
    expect(within).toMatchObject({ ok: true, check: { needsApproval: false } });
    // $1,000 of supplies' $15,000 is 6.7%: under 10%, recorded.
    expect(checkRevision(budget, [{ fromLineId: 'b6', toLineId: 'b1', amountCents: cents(1_000_00) }], ALLOCATION, 0.5)).toMatchObject({ ok: true, check: { needsApproval: false } });
    // $2,000 is 13.3% of supplies: approval.
    const big = checkRevision(budget, [{ fromLineId: 'b6', toLineId: 'b1', amountCents: cents(2_000_00) }], ALLOCATION, 0.5);
    expect(big).toMatchObject({ ok: true, check: { needsApproval: true } });
    if (big.ok) expect(big.check.areaChanges.find((a) => a.area === 'supplies')).toMatchObject({ changeCents: -200_000 });
    // Exactly at the threshold is not above it.
    expect(checkRevision(budget, [{ fromLineId: 'b6', toLineId: 'b1', amountCents: cents(1_500_00) }], ALLOCATION, 0.5)).toMatchObject({ ok: true, check: { needsApproval: false } });
  });

  it('keeps the total; a line moved to $0 ends; the result still passes the budget checks and the substantial majority', () => {
    const all = checkRevision(budget, [{ fromLineId: 'b7', toLineId: 'b6', amountCents: cents(5_000_00) }], ALLOCATION, 0.5);
    expect(all.ok && all.check.revised.map((l) => l.id)).toEqual(['b1', 'b2', 'b6']);
    expect(all.ok && all.check.revised.reduce((s, l) => s + l.amountCents, 0)).toBe(ALLOCATION);
    // Moving reform money to an existing effort below the substantial majority is refused.
    const r = checkRevision(budget, [{ fromLineId: 'b1', toLineId: 'b7', amountCents: cents(50_000_00) }], ALLOCATION, 0.5);
    expect(r).toMatchObject({ ok: false, problems: [expect.stringMatching(/^After the revision: .*substantial majority/)] });
  });

  it('names what is wrong with each transfer', () => {
    expect(checkRevision(budget, [], ALLOCATION, 0.5)).toEqual({ ok: false, problems: ['Add at least one transfer.'] });
    expect(checkRevision(budget, [{ fromLineId: 'b9', toLineId: 'b1', amountCents: cents(1) }], ALLOCATION, 0.5)).toMatchObject({ ok: false, problems: ['Transfer 1: "b9" is not a line of the budget.'] });
    expect(checkRevision(budget, [{ fromLineId: 'b1', toLineId: 'b1', amountCents: cents(1) }], ALLOCATION, 0.5)).toMatchObject({ ok: false, problems: [expect.stringMatching(/two different lines/)] });
    expect(checkRevision(budget, [{ fromLineId: 'b6', toLineId: 'b1', amountCents: cents(15_000_01) }], ALLOCATION, 0.5)).toMatchObject({ ok: false, problems: [expect.stringMatching(/line b6 has \$15,000 to move/)] });
    expect(checkRevision(budget, [{ fromLineId: 'b6', toLineId: 'b1', amountCents: cents(0) }], ALLOCATION, 0.5)).toMatchObject({ ok: false, problems: [expect.stringMatching(/more than \$0/)] });
  });
});
