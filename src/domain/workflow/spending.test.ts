import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cents } from '../money/cents.ts';
import { fiscalYear, type IsoDate } from '../time/fiscal-year.ts';
import type { BudgetLine } from './budget.ts';
import { readLedger } from './ledger.ts';
import { elapsedShare, spendDown, type Expenditure } from './spending.ts';

const FY = fiscalYear(2026);
const line = (id: string, area: BudgetLine['area'], dollars: number, objectCode = '112'): BudgetLine => ({ id, area, objectCode, description: id, school: null, strategy: 's1', fte: 0, amountCents: cents(dollars * 100), effort: 'new' });
const spent = (date: string, lineId: string | null, dollars: number, area: BudgetLine['area'] | null = null): Expenditure => ({ date: date as IsoDate, lineId, area, objectCode: '', amountCents: cents(Math.round(dollars * 100)), description: '' });
const budget = [line('b1', 'staffing-direct-service', 100_000), line('b2', 'supplies', 20_000, '611'), line('b3', 'supplies', 10_000, '611')];

describe('the share of the fiscal year elapsed', () => {
  it('runs from July 1 to June 30, the end day counted', () => {
    expect(elapsedShare(FY, '2025-06-30' as IsoDate)).toBe(0);
    expect(elapsedShare(FY, '2025-07-01' as IsoDate)).toBeCloseTo(1 / 365, 6);
    expect(elapsedShare(FY, '2025-12-31' as IsoDate)).toBeCloseTo(184 / 365, 6);
    expect(elapsedShare(FY, '2026-06-30' as IsoDate)).toBe(1);
    expect(elapsedShare(FY, '2027-01-01' as IsoDate)).toBe(1);
  });
});

describe('spend-down', () => {
  it('by line and area at mid-year: a line behind pace by more than the rule\'s points is flagged, with a projected lapse', () => {
    const s = spendDown(budget, [spent('2025-09-15', 'b1', 25_000), spent('2025-12-01', 'b1', 25_000), spent('2025-10-01', 'b2', 2_000), spent('2026-03-01', 'b1', 99)], FY, '2025-12-31' as IsoDate);
    const b1 = s.lines.find((l) => l.lineId === 'b1')!;
    expect(b1).toMatchObject({ budgetedCents: 10_000_000, spentCents: 5_000_000, remainingCents: 5_000_000, flags: [] });
    expect(b1.projectedCents).toBe(Math.round(5_000_000 / (184 / 365)));
    const supplies = s.areas.find((a) => a.area === 'supplies')!;
    expect(supplies).toMatchObject({ budgetedCents: 3_000_000, spentCents: 200_000 });
    expect(supplies.flags.map((f) => f.rule)).toEqual(['pace', 'lapse']);
    const pace = supplies.flags[0] as Extract<(typeof supplies.flags)[number], { rule: 'pace' }>;
    expect(pace.points).toBeCloseTo((184 / 365 - 2 / 30) * 100, 1);
    // The March row is after the date asked: not counted.
    expect(s.total.spentCents).toBe(5_200_000);
  });

  it('a line over budget, and spending the budget does not cover, are flagged; a line exactly on pace is not', () => {
    const s = spendDown(budget, [spent('2026-06-30', 'b2', 20_000.01), spent('2026-01-05', 'b9', 500), spent('2026-01-05', null, 300, 'benefits'), spent('2026-06-01', 'b3', 10_000)], FY, '2026-06-30' as IsoDate);
    expect(s.lines.find((l) => l.lineId === 'b2')!.flags).toEqual([{ rule: 'over-budget', overCents: 1 }]);
    expect(s.lines.find((l) => l.lineId === 'b3')!.flags).toEqual([]);
    expect(s.unbudgeted.map((e) => e.amountCents)).toEqual([50_000, 30_000]);
    expect(s.total.flags[0]).toEqual({ rule: 'unbudgeted', spentCents: 80_000 });
  });

  it('money is conserved: what is counted is the total, and areas add up to the lines (property)', () => {
    const arb = fc.array(fc.record({ day: fc.integer({ min: 0, max: 364 }), line: fc.constantFrom('b1', 'b2', 'b3', 'zz'), amount: fc.integer({ min: -50_000, max: 5_000_000 }) }), { maxLength: 60 });
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 364 }), (rows, asDay) => {
        const date = (d: number) => new Date(Date.UTC(2025, 6, 1 + d)).toISOString().slice(0, 10) as IsoDate;
        const es = rows.map((r) => ({ ...spent(date(r.day), r.line, 0), amountCents: cents(r.amount) }));
        const s = spendDown(budget, es, FY, date(asDay));
        const counted = es.filter((e) => e.date <= date(asDay)).reduce((a, e) => a + e.amountCents, 0);
        expect(s.total.spentCents).toBe(counted);
        expect(s.areas.reduce((a, x) => a + x.spentCents, 0) + s.unbudgeted.reduce((a, e) => a + e.amountCents, 0)).toBe(counted);
        expect(s.lines.reduce((a, x) => a + x.spentCents, 0)).toBe(s.areas.reduce((a, x) => a + x.spentCents, 0));
      }),
    );
  });
});

describe('reading a ledger export', () => {
  const mapping = { date: 'Posted', amount: 'Amount', line: 'Budget line', objectCode: 'Object', description: 'Memo' };
  const header = ['Posted', 'Object', 'Budget line', 'Amount', 'Memo'];

  it('reads dates in both forms, amounts with commas and parentheses, lines by id or by a unique object code', () => {
    const r = readLedger([header, ['2025-09-15', '112', 'B1', '25,000.00', 'Interventionists'], ['10/01/2025', '611', '', '(150.25)', 'Return'], ['2025-10-02', '611', 'b3', '$99', '']], mapping, budget, FY);
    expect(r).toMatchObject({ ok: true });
    if (!r.ok) return;
    expect(r.expenditures.map((e) => [e.date, e.lineId, e.area, e.amountCents])).toEqual([
      ['2025-09-15', 'b1', 'staffing-direct-service', 2_500_000],
      // Two supplies lines have object code 611: charged to the area.
      ['2025-10-01', null, 'supplies', -15_025],
      ['2025-10-02', 'b3', 'supplies', 9_900],
    ]);
  });

  it('is all or nothing: every bad row is named by row and column, and nothing is read', () => {
    const r = readLedger([header, ['2025-09-15', '112', 'b1', '100', ''], ['2025-02-30', '112', 'b1', '1O0', ''], ['2024-09-15', '', '', '5', ''], ['', '', '', '', '']], mapping, budget, FY);
    expect(r).toEqual({
      ok: false,
      issues: [
        { row: 3, column: 'Posted', message: '"2025-02-30" is not a date (YYYY-MM-DD or MM/DD/YYYY).' },
        { row: 3, column: 'Amount', message: '"1O0" is not an amount in dollars (e.g. 1,234.56).' },
        { row: 4, column: 'Posted', message: '2024-09-15 is outside FY2026 (2025-07-01 to 2026-06-30).' },
        { row: 4, column: 'Budget line', message: 'The row names no budget line, funding area or object code.' },
      ],
    });
    expect(readLedger([['Date', 'Amount']], mapping, budget, FY)).toMatchObject({ ok: false, issues: [{ row: 1, column: null, message: expect.stringMatching(/no column "Posted"/) }] });
    expect(readLedger([header], mapping, budget, FY)).toMatchObject({ ok: false, issues: [{ message: 'The file has no rows of expenditures.' }] });
  });

  it('never throws on fuzzed rows (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 12 }), { minLength: 0, maxLength: 6 }), { maxLength: 30 }), (rows) => {
        const r = readLedger([header, ...rows], mapping, budget, FY);
        if (r.ok) for (const e of r.expenditures) expect(Number.isInteger(e.amountCents)).toBe(true);
        else expect(r.issues.length).toBeGreaterThan(0);
      }),
    );
  });
});
