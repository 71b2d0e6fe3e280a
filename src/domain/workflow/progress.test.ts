import { describe, expect, it } from 'vitest';
import { conditionItems, goalProgress, importedValue, INDICATOR_SOURCES, type GoalValue } from './progress.ts';
import { INDICATORS } from './content.ts';
import { schoolYear } from '../time/fiscal-year.ts';
import type { Goal } from './content.ts';

const ela: Goal = { id: 'g1', indicator: 'ela', description: 'ELA', baseline: 50, target: 60 };
const absent: Goal = { id: 'g2', indicator: 'chronic-absenteeism', description: 'Absenteeism', baseline: 24, target: 19 };
const v = (goalId: string, value: number, asOf: string): GoalValue => ({ goalId, value, asOf, source: 'entered', note: '' });
const half = () => 0.5;

describe('a goal\'s status', () => {
  it('compares the way from baseline to target with the share of the year gone, in either direction', () => {
    expect(goalProgress(ela, [v('g1', 55, '2026-01-01')], half)).toMatchObject({ status: 'on-track', progress: 0.5, expected: 0.5 });
    // 10 points behind is still on track; 11 is at risk; 26 is off track.
    expect(goalProgress(ela, [v('g1', 54, '2026-01-01')], half).status).toBe('on-track');
    expect(goalProgress(ela, [v('g1', 53.9, '2026-01-01')], half).status).toBe('at-risk');
    expect(goalProgress(ela, [v('g1', 52.4, '2026-01-01')], half).status).toBe('off-track');
    // A target below the baseline: going down is progress.
    expect(goalProgress(absent, [v('g2', 21.5, '2026-01-01')], half)).toMatchObject({ status: 'on-track', progress: 0.5 });
    expect(goalProgress(absent, [v('g2', 25, '2026-01-01')], half).status).toBe('off-track');
    // Past the target is on track whatever the date; the latest value counts, whatever order they came in.
    expect(goalProgress(ela, [v('g1', 61, '2025-08-01')], () => 0.1).status).toBe('on-track');
    expect(goalProgress(ela, [v('g1', 58, '2026-03-01'), v('g1', 51, '2025-10-01')], half).latest!.value).toBe(58);
    expect(goalProgress(ela, [v('g2', 58, '2026-03-01')], half)).toMatchObject({ status: 'no-data', latest: null });
    expect(goalProgress(ela, [], half).rule).toMatch(/within 10 points.*at risk within 25/);
  });
});

describe('the conditions of an approval', () => {
  it('are one item per line, or per ";" on one line, without their bullets or numbers', () => {
    expect(conditionItems('Name the schools.\n- Submit data monthly\n\n2. Quarterly reports')).toEqual([
      { index: 1, text: 'Name the schools.' },
      { index: 2, text: 'Submit data monthly' },
      { index: 3, text: 'Quarterly reports' },
    ]);
    expect(conditionItems('Name the schools; submit data monthly').map((c) => c.text)).toEqual(['Name the schools', 'submit data monthly']);
    expect(conditionItems(null)).toEqual([]);
    expect(conditionItems('  ')).toEqual([]);
  });
});

describe('goal values from the imported data', () => {
  it('every plan indicator names where the imported data holds it', () => {
    for (const i of INDICATORS) expect(INDICATOR_SOURCES[i].length, i).toBeGreaterThan(0);
  });
  it('a school year\'s value is dated its last day and names its source and year', () => {
    const v = importedValue('g1', schoolYear('2025-26'), 55.4, INDICATOR_SOURCES.ela[0]!);
    expect(v).toEqual({ goalId: 'g1', value: 55.4, asOf: '2026-06-30', source: 'imported', note: 'Next Generation Accountability System, indicator 1: ELA performance index, all students, 2025-26' });
    expect(importedValue('g2', schoolYear('1999-00'), 1, INDICATOR_SOURCES.graduation[0]!).asOf).toBe('2000-06-30');
  });
});
