import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fiscalYear, type IsoDate } from '../time/fiscal-year.ts';
import { cycleDateProblem, releaseProblem } from './release.ts';

const TODAY = '2026-12-03' as IsoDate;
const FY = fiscalYear(2026);

describe('the release of funds', () => {
  it('is dated on a real calendar day, not in the future, within the cycle’s reach', () => {
    expect(cycleDateProblem('the release date', '9999-99-99', FY, TODAY)).toMatch(/real calendar date/);
    expect(cycleDateProblem('the release date', '2026-02-30', FY, TODAY)).toMatch(/real calendar date/);
    expect(cycleDateProblem('the release date', '2025-10-3', FY, TODAY)).toMatch(/real calendar date/);
    expect(cycleDateProblem('the release date', '2024-06-30', FY, TODAY)).toMatch(/between 2024-07-01 and 2027-06-30/);
    expect(cycleDateProblem('the release date', '2024-07-01', FY, TODAY)).toBeNull();
    expect(cycleDateProblem('the release date', '2026-12-03', FY, TODAY)).toBeNull();
    expect(cycleDateProblem('the release date', '2026-12-04', FY, TODAY)).toMatch(/^The release date \(2026-12-04\) is in the future/);
  });

  it('any string that is not a real date in range is refused, and every accepted one is', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (text) => {
        const problem = cycleDateProblem('the release date', text, FY, TODAY);
        const real = /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
        if (!real) expect(problem).not.toBeNull();
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2024, 6, 1), max: Date.UTC(2026, 11, 3) }), (ms) => {
        expect(cycleDateProblem('the release date', new Date(ms).toISOString().slice(0, 10), FY, TODAY)).toBeNull();
      }),
    );
  });

  it('releases an allocation once, up to the amount withheld', () => {
    expect(releaseProblem(100, 100, null)).toBeNull();
    expect(releaseProblem(0, 100, null)).toBeNull();
    expect(releaseProblem(101, 100, null)).toMatch(/between \$0 and the amount withheld/);
    expect(releaseProblem(1.5, 100, null)).toMatch(/between/);
    expect(releaseProblem(50, 100, { amountCents: 50, date: '2026-01-01' as IsoDate })).toMatch(/already been released \(2026-01-01\)/);
  });
});
