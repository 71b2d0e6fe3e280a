/**
 * The plan and budget forms as a browser sends them: blank rows (whose selects always carry a
 * value) are dropped, bad values are reported by field, nothing is guessed.
 */
import { describe, expect, it } from 'vitest';
import { readBudget, readPlanContent } from './plan-form.server.ts';

function form(entries: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.append(k, v);
  return f;
}

describe('readPlanContent', () => {
  it('drops the blank goal and intervention rows the page always adds', () => {
    const { content, issues } = readPlanContent(
      form({
        needsAssessment: 'Needs',
        'goals.0.id': 'g1',
        'goals.0.indicator': 'ela',
        'goals.0.description': 'Raise ELA',
        'goals.0.baseline': '50',
        'goals.0.target': '55.5',
        'goals.1.id': '',
        'goals.1.indicator': 'accountability-index',
        'goals.1.description': '',
        'goals.1.baseline': '',
        'goals.1.target': '',
        'interventions.0.school': '',
        'interventions.0.tier': '1',
        'interventions.0.description': '',
        narrative: 'How',
      }),
    );
    expect(issues).toEqual({});
    expect(content.goals).toEqual([{ id: 'g1', indicator: 'ela', description: 'Raise ELA', baseline: 50, target: 55.5 }]);
    expect(content.interventions).toEqual([]);
  });

  it('names the field of a goal with a missing target and a made-up indicator', () => {
    const { issues } = readPlanContent(form({ 'goals.0.indicator': 'happiness', 'goals.0.description': 'x', 'goals.0.baseline': '1', 'goals.0.target': '' }));
    expect(issues).toEqual({ 'goals.0.indicator': 'Choose an indicator.', 'goals.0.target': 'The target must be a number.' });
  });

  it('keeps a chosen statutory strategy and a district one, and ignores an unchecked one', () => {
    const { content } = readPlanContent(form({ 'strategy.k3-reading': 'on', 'strategy.k3-reading.description': 'Coaches', 'strategy.talent.description': 'not chosen', 'own.0.title': 'Our own', 'own.0.description': 'd' }));
    expect(content.strategies.map((s) => [s.id, s.statutory])).toEqual([
      ['k3-reading', 'k3-reading'],
      ['own-1', null],
    ]);
  });
});

describe('readBudget', () => {
  it('reads dollars into cents and drops blank rows', () => {
    const { lines, issues } = readBudget(
      form({ 'lines.0.id': 'L1', 'lines.0.area': 'supplies', 'lines.0.objectCode': '611', 'lines.0.description': 'Books', 'lines.0.amount': '1,234.56', 'lines.0.fte': '', 'lines.0.effort': 'new', 'lines.1.id': '', 'lines.1.area': '', 'lines.1.amount': '', 'lines.1.effort': 'new' }),
    );
    expect(issues).toEqual({});
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ id: 'L1', amountCents: 123456, fte: 0 });
  });

  it('names a bad amount and a negative FTE', () => {
    const { issues } = readBudget(form({ 'lines.2.area': 'supplies', 'lines.2.amount': 'twelve', 'lines.2.fte': '-1', 'lines.2.description': 'x' }));
    expect(Object.keys(issues).sort()).toEqual(['lines.2.amount', 'lines.2.fte']);
  });
});
