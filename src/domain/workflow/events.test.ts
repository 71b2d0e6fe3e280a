import { describe, expect, it } from 'vitest';
import { approvingDecision, decodeEvent, encodeEvent, isInternalEvent, PLAN_EVENT_KINDS, type PlanEventData } from './events.ts';

const samples: Exclude<PlanEventData, { kind: 'other' }>[] = [
  { kind: 'comment', body: 'Spend-down was 94%.', section: 'budget', internal: true, parentId: 12 },
  { kind: 'score', section: 'needs', score: 3, comment: 'Clear.' },
  { kind: 'decision', decision: 'approve-with-conditions', message: null, conditions: 'Quarterly reports.' },
  { kind: 'board-approval', meetingDate: '2025-08-05', votesFor: 7, votesAgainst: 1, abstentions: 0, minutesUploadId: 4, minutesName: 'minutes.pdf', minutesSha256: 'ab'.repeat(32) },
  { kind: 'certification', typedName: 'Sam Superintendent', contentHash: 'cd'.repeat(32), assurances: true },
  { kind: 'submission' },
  { kind: 'reviewers', reviewers: [2, 3] },
  { kind: 'release', date: '2025-10-03', amountCents: 3_869_935_500, approvedBy: 4 },
  { kind: 'amendment' },
  { kind: 'deadline-extended', deadline: 'board', from: '2025-08-01', to: '2025-08-20', reason: 'Storm' },
  { kind: 'meeting-scheduled', meetingId: 3, title: 'Fall monitoring meeting', scheduledOn: '2025-11-12' },
  { kind: 'meeting-held', meetingId: 3, title: 'Fall monitoring meeting', heldOn: '2025-11-12', followUps: 2 },
  { kind: 'follow-up-done', followUpId: 9, text: 'Send the attendance data', note: 'Sent on the 20th.' },
  { kind: 'annual-review', decision: 'continue-with-conditions', reason: 'Goals partly met; spending on pace.' },
  { kind: 'budget-revised', revisionId: 4, number: 2, status: 'pending', reason: 'Move unspent materials money to tutoring.' },
  { kind: 'expenditures-imported', reportId: 2, period: 'Q1', fileName: 'ledger-q1.csv', rows: 120, totalCents: 1_234_567_89 },
];

describe('plan events', () => {
  it('every kind reads back as it was stored', () => {
    expect(samples.map((e) => e.kind).sort()).toEqual([...PLAN_EVENT_KINDS].sort());
    for (const e of samples) {
      const { kind, data } = encodeEvent(e);
      expect(JSON.parse(data)).not.toHaveProperty('kind');
      expect(decodeEvent(kind, data)).toEqual(e);
    }
  });

  it('rows stored before a field existed read with its empty value; a decision that is not one, or a kind not known, is "other"', () => {
    expect(decodeEvent('decision', JSON.stringify({ decision: 'recommended', message: '' }))).toEqual({ kind: 'decision', decision: 'recommended', message: null, conditions: null });
    expect(decodeEvent('board-approval', JSON.stringify({ meetingDate: '2025-08-05', votesFor: 5, votesAgainst: 0, abstentions: 0 }))).toMatchObject({ minutesUploadId: null, minutesName: null });
    expect(decodeEvent('decision', JSON.stringify({ decision: 'maybe' }))).toEqual({ kind: 'other', name: 'decision' });
    expect(decodeEvent('site-visit', '{}')).toEqual({ kind: 'other', name: 'site-visit' });
  });

  it('damaged data never throws and never invents values', () => {
    for (const bad of ['', 'not json', '[]', 'null', '42', '{"body": 5, "internal": "yes", "parentId": "7"}']) {
      const e = decodeEvent('comment', bad);
      expect(e).toEqual({ kind: 'comment', body: '', section: null, internal: false, parentId: null });
    }
    expect(decodeEvent('reviewers', '{"reviewers": [1, "2", 3.5, 4]}')).toEqual({ kind: 'reviewers', reviewers: [1, 4] });
  });

  it('scores and internal notes are the state\'s; the approving decision is the latest approval', () => {
    expect(samples.filter(isInternalEvent).map((e) => e.kind)).toEqual(['comment', 'score']);
    expect(isInternalEvent({ kind: 'comment', body: 'x', section: null, internal: false, parentId: null })).toBe(false);
    const events: PlanEventData[] = [
      { kind: 'decision', decision: 'approve', message: null, conditions: null },
      { kind: 'decision', decision: 'approve-with-conditions', message: null, conditions: 'C' },
      { kind: 'decision', decision: 'revisions-requested', message: 'M', conditions: null },
    ];
    expect(approvingDecision(events)).toMatchObject({ decision: 'approve-with-conditions', conditions: 'C' });
    expect(approvingDecision(events.slice(2))).toBeUndefined();
  });
});
