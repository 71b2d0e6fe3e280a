import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cents } from '../money/cents.ts';
import { summariseBudget, type BudgetLine } from './budget.ts';
import { ALL_SCHOOLS, contentComplete, contentIssues, EMPTY_CONTENT, normaliseSchoolName, type Intervention, type PlanContent } from './content.ts';

/** Ansonia's schools as the state directory lists them. */
const SCHOOLS = ['Ansonia High School', 'Ansonia Middle School', 'Mead School', 'Prendergast School'];

const complete = (interventions: Intervention[]): PlanContent => ({
  needsAssessment: 'Chronic absenteeism is above 20% in most schools and fewer than half of students meet the ELA standard.',
  goals: [{ id: 'g1', indicator: 'ela', description: 'Raise ELA', baseline: 50, target: 55 }],
  strategies: [{ id: 'k3-reading', statutory: 'k3-reading', title: 'K-3 reading', description: 'Interventionists.' }],
  interventions,
  narrative: 'The money pays for reading interventionists in the schools where ELA results are the lowest.',
});

describe('interventions by school', () => {
  it('a plan naming the directory\'s schools, with tier 3 in named schools, is complete with nothing to check', () => {
    const issues = contentIssues(complete([{ school: ALL_SCHOOLS, tier: 1, description: 'Screening.' }, { school: 'Mead School', tier: 3, description: 'Daily small groups.' }]), SCHOOLS);
    expect(issues).toEqual([]);
  });

  it('matches names as people type them: case, spacing and a final period do not matter', () => {
    expect(contentIssues(complete([{ school: '  mead   school. ', tier: 3, description: 'x' }]), SCHOOLS)).toEqual([]);
    expect(normaliseSchoolName(' Mead  School.')).toBe('mead school');
  });

  it('tier 3 for all schools is an error: the most intensive interventions go to named, lowest-performing schools', () => {
    const issues = contentIssues(complete([{ school: 'all schools', tier: 3, description: 'Everything everywhere.' }]), SCHOOLS);
    expect(issues).toEqual([expect.objectContaining({ section: 'interventions', severity: 'error', message: expect.stringMatching(/Intervention 1 .*tier 3 is for the lowest-performing schools/) })]);
    expect(contentComplete(issues)).toBe(false);
  });

  it('a school the directory does not list is a warning that suggests the likely one — it never blocks signing', () => {
    const issues = contentIssues(complete([{ school: 'Prendergast', tier: 3, description: 'x' }, { school: 'Riverside Academy', tier: 2, description: 'y' }]), SCHOOLS);
    expect(issues.map((i) => [i.severity, i.message])).toEqual([
      ['warning', 'Intervention 1 ("Prendergast") is not one of the district\'s 4 schools in the state directory — did you mean "Prendergast School"?'],
      ['warning', expect.stringMatching(/^Intervention 2 \("Riverside Academy"\) is not one of .* ask the state to import the current directory if the school is new\.$/)],
    ]);
    expect(contentComplete(issues)).toBe(true);
  });

  it('without the directory\'s schools any name is taken as written, but a blank school is still an error', () => {
    expect(contentIssues(complete([{ school: 'Riverside Academy', tier: 3, description: 'x' }]))).toEqual([]);
    expect(contentIssues(complete([{ school: 'Mead School', tier: 3, description: 'x' }, { school: ' ', tier: 1, description: 'y' }]), SCHOOLS)).toEqual([
      expect.objectContaining({ severity: 'error', message: `Intervention 2: name the school (or "${ALL_SCHOOLS}").` }),
    ]);
  });

  it('an empty plan lists every section it lacks, all as errors', () => {
    const issues = contentIssues(EMPTY_CONTENT, SCHOOLS);
    expect(issues.map((i) => i.section)).toEqual(['needsAssessment', 'goals', 'strategies', 'interventions', 'narrative']);
    expect(issues.every((i) => i.severity === 'error')).toBe(true);
  });

  it('property: whatever the interventions, warnings only ever concern schools, and completeness depends on errors alone', () => {
    const intervention = fc.record({
      school: fc.oneof(fc.constantFrom(...SCHOOLS, ALL_SCHOOLS, 'ALL SCHOOLS', ''), fc.string({ maxLength: 30 })),
      tier: fc.constantFrom(1 as const, 2 as const, 3 as const),
      description: fc.string({ maxLength: 10 }),
    });
    fc.assert(
      fc.property(fc.array(intervention, { maxLength: 6 }), (xs) => {
        const issues = contentIssues(complete(xs), SCHOOLS);
        for (const w of issues.filter((i) => i.severity === 'warning')) expect(w.section).toBe('interventions');
        const named = xs.every((x) => normaliseSchoolName(x.school) !== '');
        const tier3Named = xs.some((x) => x.tier === 3) && xs.every((x) => x.tier !== 3 || normaliseSchoolName(x.school) !== 'all schools');
        expect(contentComplete(issues)).toBe(named && tier3Named);
        // The directory's own names never draw a warning.
        const listed = xs.filter((x) => SCHOOLS.includes(x.school) || x.school === ALL_SCHOOLS).length;
        expect(issues.filter((i) => i.severity === 'warning').length).toBeLessThanOrEqual(xs.length - listed);
      }),
    );
  });
});

describe('budget lines by school', () => {
  const line = (school: string | null): BudgetLine => ({ id: 'L1', area: 'supplies', objectCode: '612', description: 'Books', school, strategy: 'k3-reading', fte: 0, amountCents: cents(100_000), effort: 'new' });

  it('a line for a school the directory does not list is a warning; a listed school, "All schools" or none is not', () => {
    const warn = (school: string | null) => summariseBudget([line(school)], cents(100_000), 0.5, undefined, SCHOOLS).issues.filter((i) => i.field === 'school');
    expect(warn('Meade Schol')).toEqual([expect.objectContaining({ severity: 'warning', line: 'L1', message: expect.stringContaining('"Meade Schol" is not one of the district\'s schools') })]);
    expect(warn('mead school')).toEqual([]);
    expect(warn(ALL_SCHOOLS)).toEqual([]);
    expect(warn(null)).toEqual([]);
    expect(summariseBudget([line('Meade Schol')], cents(100_000), 0.5).issues.filter((i) => i.field === 'school')).toEqual([]);
  });
});
