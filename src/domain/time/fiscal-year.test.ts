import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  fiscalYear,
  fiscalYearEnd,
  fiscalYearOf,
  fiscalYearStart,
  fiscalYearToSchoolYear,
  isoDate,
  parseFiscalYear,
  schoolYear,
  schoolYearToFiscalYear,
} from './fiscal-year.ts';
import { contains, formatPeriod, overlaps, period } from './period.ts';

describe('fiscal years', () => {
  it('FY2023 runs July 2022 to June 2023', () => {
    const fy = fiscalYear(2023);
    expect(fiscalYearStart(fy)).toBe('2022-07-01');
    expect(fiscalYearEnd(fy)).toBe('2023-07-01');
    expect(fiscalYearOf(isoDate('2022-07-01'))).toBe(2023);
    expect(fiscalYearOf(isoDate('2022-06-30'))).toBe(2022);
    expect(fiscalYearOf(isoDate('2023-06-30'))).toBe(2023);
  });

  it('a school year "2024-25" is FY2025, and back', () => {
    expect(schoolYearToFiscalYear(schoolYear('2024-25'))).toBe(2025);
    expect(fiscalYearToSchoolYear(fiscalYear(2025))).toBe('2024-25');
    expect(schoolYear('2024-2025')).toBe('2024-25');
    expect(schoolYear('1999-00')).toBe('1999-00');
  });

  it('rejects what is not a year, with the text in the message', () => {
    expect(() => fiscalYear(2023.5)).toThrow(/Not a fiscal year/);
    expect(() => parseFiscalYear('twenty')).toThrow(/"twenty"/);
    expect(() => schoolYear('2024-26')).toThrow(/follow the first/);
    expect(() => schoolYear('24-25')).toThrow(/Not a school year/);
    expect(() => isoDate('2023-02-30')).toThrow(/Not a date/);
    expect(parseFiscalYear('FY2028')).toBe(2028);
  });

  it('every date falls in exactly the fiscal year whose period contains it (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1950, max: 2150 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (y, m, d) => {
        const date = isoDate(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
        const fy = fiscalYearOf(date);
        expect(contains(period(fiscalYearStart(fy), fiscalYearEnd(fy)), date)).toBe(true);
        expect(contains(period(fiscalYearStart(fiscalYear(fy + 1)), fiscalYearEnd(fiscalYear(fy + 1))), date)).toBe(false);
      }),
    );
  });
});

describe('half-open periods', () => {
  const a = period(isoDate('2017-07-01'), isoDate('2022-07-01'));
  const b = period(isoDate('2022-07-01'), isoDate('2027-07-01'));
  it('adjacent periods do not overlap and the boundary day belongs to the later one', () => {
    expect(overlaps(a, b)).toBe(false);
    expect(contains(a, isoDate('2022-07-01'))).toBe(false);
    expect(contains(b, isoDate('2022-07-01'))).toBe(true);
    expect(contains(a, isoDate('2022-06-30'))).toBe(true);
  });
  it('shows the last day inclusive', () => {
    expect(formatPeriod(b)).toBe('2022-07-01 – 2027-06-30');
    expect(formatPeriod(period(isoDate('2022-07-01'), null))).toBe('from 2022-07-01');
  });
  it('refuses an empty period', () => {
    expect(() => period(isoDate('2022-07-01'), isoDate('2022-07-01'))).toThrow(/end after it starts/);
  });
});
