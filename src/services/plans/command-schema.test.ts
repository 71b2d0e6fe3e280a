import { describe, expect, it } from 'vitest';
import { COMMAND_INTENTS, parsePlanCommand } from './command-schema.ts';

describe('the plan command schema', () => {
  it('reads a form (strings) and a JSON body (numbers, lists) into the same command', () => {
    const form = parsePlanCommand({ intent: 'record-board-approval', rowVersion: '7', meetingDate: '2025-08-05', votesFor: '6', votesAgainst: '1', abstentions: '' });
    const json = parsePlanCommand({ intent: 'record-board-approval', rowVersion: 7, meetingDate: '2025-08-05', votesFor: 6, votesAgainst: 1 });
    expect(form).toEqual(json);
    expect(form).toMatchObject({ ok: true, command: { intent: 'record-board-approval', rowVersion: 7, votesFor: 6, votesAgainst: 1, abstentions: 0 } });
    expect(parsePlanCommand({ intent: 'assign-reviewers', reviewers: '3' })).toMatchObject({ ok: true, command: { reviewers: [3] } });
    expect(parsePlanCommand({ intent: 'assign-reviewers', reviewers: ['3', 4] })).toMatchObject({ ok: true, command: { reviewers: [3, 4] } });
    expect(parsePlanCommand({ intent: 'certify', typedName: 'Sam', assurances: 'on' })).toMatchObject({ ok: true, command: { assurances: true } });
    expect(parsePlanCommand({ intent: 'certify', typedName: 'Sam' })).toMatchObject({ ok: true, command: { assurances: false } });
    expect(parsePlanCommand({ intent: 'comment', body: 'Hi', parentId: '', section: '' })).toMatchObject({ ok: true, command: { parentId: null, section: null, internal: false } });
  });

  it('says which field is wrong and why, and never guesses a number', () => {
    expect(parsePlanCommand({ intent: 'record-board-approval', meetingDate: '2025-08-05', votesFor: 'six', votesAgainst: '0' })).toEqual({ ok: false, message: 'Votes must be whole numbers.', issues: { votesFor: 'Votes must be whole numbers.' } });
    expect(parsePlanCommand({ intent: 'record-board-approval', meetingDate: '2025-08-05', votesFor: '6.5', votesAgainst: '' })).toMatchObject({ ok: false, issues: { votesFor: expect.any(String), votesAgainst: expect.any(String) } });
    expect(parsePlanCommand({ intent: 'save', content: {} })).toMatchObject({ ok: false, issues: { rowVersion: expect.stringMatching(/row version/) } });
    expect(parsePlanCommand({ intent: 'save', rowVersion: 3, content: { needsAssessment: 'x', goals: [{ id: 'g1', indicator: 'height', description: '', baseline: 1, target: 2 }], strategies: [], interventions: [], narrative: '' } })).toMatchObject({
      ok: false,
      issues: { 'content.goals.0.indicator': expect.any(String) },
    });
    expect(parsePlanCommand({ intent: 'comment', body: 'x'.repeat(5001) })).toMatchObject({ ok: false, issues: { body: 'At most 5,000 characters.' } });
  });

  it('a JSON save can carry the budget in cents, checked line by line', () => {
    const line = { id: 'l1', area: 'supplies', objectCode: '610', description: 'Books', school: null, strategy: 's1', fte: 0, amountCents: 125_000_00, effort: 'new' };
    expect(parsePlanCommand({ intent: 'save', rowVersion: 1, budget: [line] })).toMatchObject({ ok: true, command: { budget: [{ amountCents: 125_000_00 }] } });
    expect(parsePlanCommand({ intent: 'save', rowVersion: 1, budget: [{ ...line, amountCents: 10.5 }] })).toMatchObject({ ok: false, issues: { 'budget.0.amountCents': expect.any(String) } });
    expect(parsePlanCommand({ intent: 'save', rowVersion: 1, budget: [{ ...line, area: 'yachts' }] })).toMatchObject({ ok: false, issues: { 'budget.0.area': expect.any(String) } });
  });

  it('an intent it does not know is refused by name; every intent it knows is listed', () => {
    expect(parsePlanCommand({ intent: 'delete-everything' })).toEqual({ ok: false, message: 'Unknown action "delete-everything".', issues: {} });
    expect(parsePlanCommand(null)).toMatchObject({ ok: false, message: 'Unknown action "".' });
    expect(COMMAND_INTENTS).toContain('extend-deadline');
    expect(new Set(COMMAND_INTENTS).size).toBe(COMMAND_INTENTS.length);
  });
});
