import { describe, expect, it } from 'vitest';
import type { SchoolYear } from '../time/fiscal-year.ts';
import { changeSince, MIDPOINT_MEASURES } from './midpoint.ts';

const grad = MIDPOINT_MEASURES.find((m) => m.measure === 'graduation_4yr_rate')!;
const absent = MIDPOINT_MEASURES.find((m) => m.measure === 'chronic_absenteeism_pct')!;
const sy = (s: string) => s as SchoolYear;

describe('changeSince', () => {
  it('the change from the base year to the latest year up to the review', () => {
    const v = new Map([['2020-21', 70], ['2021-22', 72], ['2023-24', 75], ['2024-25', 78], ['2025-26', 90]]);
    const c = changeSince(grad, v, sy('2021-22'), sy('2024-25'));
    expect(c.base).toEqual({ schoolYear: '2021-22', value: 72 });
    expect(c.latest).toEqual({ schoolYear: '2024-25', value: 78 });
    expect(c.change).toBe(6);
    expect(c.baseShifted).toBe(false);
    expect(c.better).toBe(true);
  });

  it('a base year without a value: the first later year stands in, and says so', () => {
    const c = changeSince(grad, new Map([['2022-23', 80], ['2024-25', 79]]), sy('2021-22'), sy('2024-25'));
    expect(c.base!.schoolYear).toBe('2022-23');
    expect(c.baseShifted).toBe(true);
    expect(c.change).toBe(-1);
    expect(c.better).toBe(false);
  });

  it('for absenteeism a fall is good news', () => {
    expect(changeSince(absent, new Map([['2021-22', 30], ['2024-25', 22]]), sy('2021-22'), sy('2024-25')).better).toBe(true);
  });

  it('one year or none: no change, never a zero', () => {
    const one = changeSince(grad, new Map([['2024-25', 79]]), sy('2021-22'), sy('2024-25'));
    expect(one.change).toBeNull();
    expect(one.better).toBeNull();
    const none = changeSince(grad, new Map([['2015-16', 60]]), sy('2021-22'), sy('2024-25'));
    expect(none.base).toBeNull();
    expect(none.latest).toBeNull();
    expect(none.change).toBeNull();
  });
});
