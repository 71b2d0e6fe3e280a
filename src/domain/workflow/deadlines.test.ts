import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLAN_STATES } from './plan.ts';
import { DEADLINE_LABELS, deadlinesProblem, DEADLINES, effectiveDeadlines, extensionProblem, noticeDue, noticeText, pendingDeadline, planOptional } from './deadlines.ts';

const OPENED = '2026-07-01';

describe('noticeDue', () => {
  it('reminds 7 days and 1 day before, escalates the day after, says nothing otherwise', () => {
    const deadline = '2026-08-15';
    expect(noticeDue(deadline, '2026-08-01', OPENED)).toBeNull(); // 14 days left
    expect(noticeDue(deadline, '2026-08-07', OPENED)).toBeNull(); // 8 days
    expect(noticeDue(deadline, '2026-08-08', OPENED)).toBe('reminder-7'); // 7 days: threshold
    expect(noticeDue(deadline, '2026-08-13', OPENED)).toBe('reminder-7'); // 2 days
    expect(noticeDue(deadline, '2026-08-14', OPENED)).toBe('reminder-1'); // 1 day: threshold
    expect(noticeDue(deadline, '2026-08-15', OPENED)).toBeNull(); // the day itself
    expect(noticeDue(deadline, '2026-08-16', OPENED)).toBe('escalation');
    expect(noticeDue(deadline, '2027-01-01', OPENED)).toBe('escalation');
  });

  it('does not escalate a deadline that had passed before the cycle opened', () => {
    expect(noticeDue('2025-08-15', '2026-11-29', '2026-11-29')).toBeNull();
    expect(noticeDue('2026-11-29', '2026-11-30', '2026-11-29')).toBe('escalation');
  });

  it('takes the cycle’s own reminder days, ignoring nonsense', () => {
    expect(noticeDue('2026-08-15', '2026-08-01', OPENED, [14, 3])).toBe('reminder-14');
    expect(noticeDue('2026-08-15', '2026-08-13', OPENED, [14, 3])).toBe('reminder-3');
    expect(noticeDue('2026-08-15', '2026-08-13', OPENED, [0, -2, 1.5])).toBeNull();
  });

  it('property: across any window of days, each notice kind comes due on an unbroken run of days, in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { maxLength: 4 }), (offset, reminders) => {
        const deadline = new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const seen: string[] = [];
        for (let d = -40; d <= 10; d++) {
          const today = new Date(Date.parse(`${deadline}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);
          const n = noticeDue(deadline, today, '2025-01-01', reminders);
          if (n && seen.at(-1) !== n) seen.push(n);
        }
        // Each kind appears in one run; windows shrink toward the deadline; escalation last.
        expect(new Set(seen).size).toBe(seen.length);
        const windows = seen.filter((k) => k !== 'escalation').map((k) => Number(k.slice(9)));
        expect(windows).toEqual([...windows].sort((a, b) => b - a));
        expect(seen.at(-1)).toBe('escalation');
      }),
    );
  });
});

describe('pendingDeadline', () => {
  it('follows the plan through the cycle', () => {
    expect(pendingDeadline('draft', false)).toBe('board');
    expect(pendingDeadline('draft', true)).toBe('submission');
    expect(pendingDeadline('revisions-requested', false)).toBe('board');
    expect(pendingDeadline('in-review', true)).toBe('review');
    expect(pendingDeadline('recommended', true)).toBe('decision');
    expect(pendingDeadline('approved', true)).toBeNull();
  });

  it('gives every state an answer (no state is forgotten)', () => {
    for (const s of PLAN_STATES) expect(() => pendingDeadline(s, false)).not.toThrow();
  });
});

describe('noticeText', () => {
  it('names the deadline, the district, the date and the year', () => {
    const t = noticeText('reminder-7', DEADLINE_LABELS.submission, '2026-08-15', 'Hartford School District', 2027);
    expect(t.subject).toBe('Reminder: submission to the state for Hartford School District is due in 7 days (2026-08-15)');
    expect(noticeText('reminder-1', DEADLINE_LABELS.board, '2026-08-01', 'X', 2027).subject).toMatch(/due tomorrow/);
    expect(noticeText('escalation', DEADLINE_LABELS.decision, '2026-10-01', 'X', 2027).subject).toBe("Overdue: the commissioner's decision for X (FY2027)");
  });
});

describe('planOptional', () => {
  it('only when nothing is withheld and the cycle makes such plans optional', () => {
    expect(planOptional(0, 'plan-optional')).toBe(true);
    expect(planOptional(0, 'plan-required')).toBe(false);
    expect(planOptional(1, 'plan-optional')).toBe(false);
  });
});

describe('changed deadlines and extensions', () => {
  const cycle = { draft: '2026-07-15', board: '2026-08-01', submission: '2026-08-15', review: '2026-09-15', decision: '2026-10-01' } as const;

  it('a district\'s extension takes the place of the cycle\'s date; others keep the cycle\'s', () => {
    expect(effectiveDeadlines(cycle, { submission: '2026-08-29' })).toEqual({ ...cycle, submission: '2026-08-29' });
    expect(effectiveDeadlines(cycle)).toEqual(cycle);
  });

  it('an extension that is not later than the cycle\'s date, or not a date, never shortens a deadline', () => {
    expect(effectiveDeadlines(cycle, { submission: '2026-08-01', review: 'soon', decision: '2026-02-30' })).toEqual(cycle);
  });

  it('an extension must be a real date later than the district\'s date now, leaving its deadlines in order', () => {
    expect(extensionProblem(cycle, {}, 'submission', '2026-08-29')).toBeNull();
    expect(extensionProblem(cycle, {}, 'submission', '2026-08-15')).toMatch(/later than the district's deadline for submission to the state now \(2026-08-15\)/);
    expect(extensionProblem(cycle, { submission: '2026-08-29' }, 'submission', '2026-08-20')).toMatch(/now \(2026-08-29\)/);
    expect(extensionProblem(cycle, {}, 'board', '2026-08-20')).toMatch(/submission to the state \(2026-08-15\) is before the one for the local board's approval \(2026-08-20\)\. Extend the later deadline first\./);
    expect(extensionProblem(cycle, { submission: '2026-08-29' }, 'board', '2026-08-20')).toBeNull();
    expect(extensionProblem(cycle, {}, 'submission', '2026-02-30')).toMatch(/YYYY-MM-DD/);
    expect(extensionProblem(cycle, {}, 'lunch', '2026-09-01')).toMatch(/not one of the cycle's deadlines/);
  });

  it('a cycle\'s deadlines are real dates in the order the work happens', () => {
    expect(deadlinesProblem(cycle)).toBeNull();
    expect(deadlinesProblem({ ...cycle, review: '2026-08-01' })).toEqual({ deadline: 'review', message: expect.stringMatching(/review \(2026-08-01\) is before the one for submission to the state \(2026-08-15\)/) });
    expect(deadlinesProblem({ ...cycle, board: '2026-13-01' })).toMatchObject({ deadline: 'board' });
  });

  it('property: the deadlines in force are never earlier than the cycle\'s, whatever extensions say', () => {
    const date = fc.date({ min: new Date('2026-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...DEADLINES), fc.oneof(date, fc.string({ maxLength: 12 }))), (ext) => {
        const e = effectiveDeadlines(cycle, ext);
        for (const d of DEADLINES) {
          expect(e[d] >= cycle[d]).toBe(true);
          expect(e[d] === cycle[d] || e[d] === ext[d]).toBe(true);
        }
      }),
    );
  });
});
