import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUBRIC, formatRubric, parseRubric, rubricId, scoreSummary } from './rubric.ts';

describe('the review rubric', () => {
  it('reads one section per line, "Title: what to look for"', () => {
    const r = parseRubric('Family engagement: Families are partners in the plan.\n\n  Équité : Resources follow need.  \nData');
    expect(r).toEqual({
      ok: true,
      rubric: [
        { id: 'family-engagement', label: 'Family engagement', lookFor: 'Families are partners in the plan.' },
        { id: 'equite', label: 'Équité', lookFor: 'Resources follow need.' },
        { id: 'data', label: 'Data', lookFor: '' },
      ],
    });
  });

  it('names each problem by line: no title, a repeated title, none at all, too many', () => {
    expect(parseRubric(': no title\nGoals: a\ngoals: again')).toEqual({ ok: false, problems: ['Line 1: a section needs a title before the colon.', 'Line 3: "goals" is already a section.'] });
    expect(parseRubric('  \n ')).toEqual({ ok: false, problems: ['Give at least one section.'] });
    const many = Array.from({ length: 13 }, (_, i) => `Section ${i + 1}: x`).join('\n');
    expect(parseRubric(many)).toEqual({ ok: false, problems: ['At most 12 sections (there are 13).'] });
  });

  it('reads back what it writes, for the default and for any titles', () => {
    expect(parseRubric(formatRubric(DEFAULT_RUBRIC))).toEqual({ ok: true, rubric: DEFAULT_RUBRIC.map((s) => ({ ...s, id: rubricId(s.label) })) });
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,20}[A-Za-z]$/), { minLength: 1, maxLength: 12, selector: (s) => rubricId(s) }), (titles) => {
        const rubric = titles.map((t) => ({ id: rubricId(t), label: t, lookFor: 'x' }));
        expect(parseRubric(formatRubric(rubric))).toEqual({ ok: true, rubric });
      }),
    );
  });

  it('sums reviewers’ scores per section, ignoring scores out of range', () => {
    const s = scoreSummary(DEFAULT_RUBRIC.slice(0, 2), [
      { section: 'goals', score: 2 },
      { section: 'goals', score: 3 },
      { section: 'goals', score: 9 },
      { section: 'elsewhere', score: 4 },
    ]);
    expect(s).toEqual([
      { id: 'needsAssessment', label: 'Needs assessment', mean: null, count: 0 },
      { id: 'goals', label: 'Goals', mean: 2.5, count: 2 },
    ]);
  });
});
