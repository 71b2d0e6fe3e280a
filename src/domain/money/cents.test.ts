import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cents, centsToDollarString, dollarsToCents, formatUsd, sumCents, ZERO } from './cents.ts';

describe('cents', () => {
  it('parses dollar amounts as CSDE files write them, exactly', () => {
    expect(dollarsToCents('15031668')).toBe(1503166800);
    expect(dollarsToCents('15031668.0')).toBe(1503166800);
    expect(dollarsToCents('1,250.50')).toBe(125050);
    expect(dollarsToCents('$0.07')).toBe(7);
    expect(dollarsToCents('-3.5')).toBe(-350);
    expect(dollarsToCents('0')).toBe(0);
    expect(dollarsToCents(39499998)).toBe(3949999800);
  });

  it('refuses what is not money, or fractions of a cent', () => {
    expect(() => dollarsToCents('12.345')).toThrow(/More than whole cents/);
    expect(() => dollarsToCents('abc')).toThrow(/Not a dollar amount/);
    expect(() => dollarsToCents('')).toThrow(/Not a dollar amount/);
    expect(() => cents(1.5)).toThrow(/whole number of cents/);
    expect(() => cents(Number.MAX_SAFE_INTEGER + 2)).toThrow();
    expect(dollarsToCents('12.340')).toBe(1234);
  });

  it('round-trips any whole-cent amount through its dollar string (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (n) => {
        expect(dollarsToCents(centsToDollarString(cents(n)))).toBe(n);
      }),
    );
  });

  it('sums without floating point drift: $0.10 + $0.20 is exactly $0.30', () => {
    expect(sumCents([dollarsToCents('0.10'), dollarsToCents('0.20')])).toBe(dollarsToCents('0.30'));
    expect(centsToDollarString(sumCents(Array.from({ length: 10 }, () => dollarsToCents('0.10'))))).toBe('1.00');
  });
});

describe('formatUsd', () => {
  it('shows whole dollars plainly and cents with two digits, never one', () => {
    expect(formatUsd(cents(123_456_700))).toBe('$1,234,567');
    expect(formatUsd(cents(150))).toBe('$1.50');
    expect(formatUsd(cents(-123_450))).toBe('-$1,234.50');
    expect(formatUsd(cents(5))).toBe('$0.05');
    expect(formatUsd(ZERO)).toBe('$0');
  });
});
