import { describe, expect, it } from 'vitest';
import { DEADLINES } from './deadlines.ts';
import { deadlinesOf, isPlanMilestone, milestoneId, otherMilestones, scheduleOf, scheduleProblem, type Milestone } from './schedule.ts';

const five = { draft: '2025-07-15', board: '2025-08-01', submission: '2025-08-15', review: '2025-09-15', decision: '2025-10-01' };
const fall: Milestone = { id: 'fall-monitoring-meeting', label: 'Fall monitoring meeting', actor: 'district', date: '2025-11-12' };

describe('a cycle schedule', () => {
  it('holds the plan\'s five dates first, then the state\'s own milestones, and gives the five back', () => {
    const s = scheduleOf(five, [fall]);
    expect(s.map((m) => m.id)).toEqual([...DEADLINES, 'fall-monitoring-meeting']);
    expect(s.find((m) => m.id === 'review')).toMatchObject({ actor: 'reviewers', label: "the state's review" });
    expect(deadlinesOf(s)).toEqual(five);
    expect(otherMilestones(s)).toEqual([fall]);
    expect(scheduleProblem(s)).toBeNull();
  });

  it('a milestone given with a plan milestone\'s id does not replace the plan\'s own', () => {
    const s = scheduleOf(five, [{ id: 'board', label: 'Sneaky', actor: 'state', date: '2030-01-01' }]);
    expect(s.filter((m) => m.id === 'board')).toHaveLength(1);
    expect(deadlinesOf(s).board).toBe('2025-08-01');
  });

  it('refuses what a sweep could not act on, naming the milestone', () => {
    const base = scheduleOf(five);
    expect(scheduleProblem([...base, { ...fall, date: '2025-02-30' }])).toMatchObject({ milestone: fall.id, message: expect.stringMatching(/date of "Fall monitoring meeting"/) });
    expect(scheduleProblem([...base, fall, { ...fall }])?.message).toMatch(/Two milestones are called/);
    expect(scheduleProblem([...base, { ...fall, label: '  ' }])?.message).toMatch(/needs a label/);
    expect(scheduleProblem([...base, { ...fall, actor: 'parents' as never }])?.message).toMatch(/Say who acts/);
    expect(scheduleProblem([...base, { ...fall, id: 'Fall meeting!' }])?.message).toMatch(/short name/);
    expect(scheduleProblem(base.filter((m) => m.id !== 'submission'))).toMatchObject({ milestone: 'submission' });
    expect(scheduleProblem(scheduleOf({ ...five, review: '2025-08-01' }))).toMatchObject({ milestone: 'review', message: expect.stringMatching(/before the one for submission/) });
  });

  it('names a milestone from its label', () => {
    expect(milestoneId('Fall monitoring meeting')).toBe('fall-monitoring-meeting');
    expect(milestoneId('Q2 expenditure report — due')).toBe('q2-expenditure-report-due');
    expect(milestoneId('Reunión de otoño')).toBe('reunion-de-otono');
    expect(isPlanMilestone('board')).toBe(true);
    expect(isPlanMilestone('fall-monitoring-meeting')).toBe(false);
  });
});
