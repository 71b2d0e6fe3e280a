import { describe, expect, it } from 'vitest';
import { cents } from '../money/cents.ts';
import { summariseBudget, type BudgetLine } from './budget.ts';
import { contentIssues, EMPTY_CONTENT } from './content.ts';

const line = (over: Partial<BudgetLine>): BudgetLine => ({
  id: 'L1',
  area: 'staffing-direct-service',
  objectCode: '112',
  description: 'Reading interventionists',
  school: null,
  strategy: 'k3-reading',
  fte: 2,
  amountCents: cents(10_000_000),
  effort: 'new',
  ...over,
});

describe('budget workbook', () => {
  it('balances when the lines add up to the allocation and most goes to reform efforts', () => {
    const s = summariseBudget([line({}), line({ id: 'L2', area: 'benefits', objectCode: '200', fte: 0, amountCents: cents(3_000_000), effort: 'extension' })], cents(13_000_000), 0.5);
    expect(s.balanced).toBe(true);
    expect(s.totalCents).toBe(13_000_000);
    expect(s.reformShare).toBe(1);
    expect(s.byArea.map((a) => a.area)).toEqual(['staffing-direct-service', 'benefits']);
  });

  it('names what is wrong: the total against the allocation, the reform share, each bad line and field', () => {
    const s = summariseBudget(
      [line({ amountCents: cents(4_000_000), effort: 'existing' }), line({ id: 'L2', objectCode: '99', description: ' ', amountCents: cents(0) }), line({ id: 'L2', strategy: 'unknown' })],
      cents(20_000_000),
      0.5,
      new Set(['k3-reading']),
    );
    expect(s.balanced).toBe(false);
    const messages = s.issues.map((i) => `${i.line}/${i.field}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^L2\/id: Line L2 appears twice/),
        expect.stringMatching(/^L2\/objectCode: "99" is not a UCOA object code/),
        expect.stringMatching(/^L2\/description/),
        expect.stringMatching(/^L2\/amountCents/),
        expect.stringMatching(/^L2\/strategy: Strategy "unknown"/),
        expect.stringMatching(/^null\/total: The lines add up to \$140,000; the allocation is \$200,000 \(under by \$60,000\)/),
      ]),
    );
  });

  it('a plan lists what it still lacks before certification', () => {
    expect(contentIssues(EMPTY_CONTENT).map((i) => i.section)).toEqual(['needsAssessment', 'goals', 'strategies', 'interventions', 'narrative']);
  });
});
