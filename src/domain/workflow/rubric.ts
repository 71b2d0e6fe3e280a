/**
 * The review rubric: the sections reviewers score, 1 (does not meet) to 4 (exceeds), each with
 * what they look for. A cycle may set its own; the default follows the plan's parts and the
 * statute's requirements (C.G.S. § 10-262u(c): needs, goals, strategies, tiered interventions in
 * the lowest-performing schools, and a budget where a substantial majority pays for new or
 * extended reform efforts).
 */

export interface RubricSection {
  /** A short stable key, e.g. "goals". */
  readonly id: string;
  readonly label: string;
  /** What reviewers look for. */
  readonly lookFor: string;
}

export const SCORE_MIN = 1;
export const SCORE_MAX = 4;

export const DEFAULT_RUBRIC: readonly RubricSection[] = [
  { id: 'needsAssessment', label: 'Needs assessment', lookFor: 'Uses the district\'s own data (results, attendance, graduation) to name its most pressing needs.' },
  { id: 'goals', label: 'Goals', lookFor: 'Measurable goals tied to the state\'s indicators, each with a baseline and an ambitious, realistic target.' },
  { id: 'strategies', label: 'Strategies', lookFor: 'Strategies from the statutory menu (or well-argued local ones) that address the needs named.' },
  { id: 'interventions', label: 'Tiered interventions', lookFor: 'The most intensive interventions in the lowest-performing schools.' },
  { id: 'budget', label: 'Budget', lookFor: 'Costs tied to the strategies; a substantial majority for new or extended reform efforts.' },
  { id: 'narrative', label: 'Narrative', lookFor: 'Explains plainly, for the public, how the money targets performance.' },
];

/** The keys of the default rubric. */
export const RUBRIC_SECTIONS = DEFAULT_RUBRIC.map((s) => s.id);

/** A key from a title: "Family engagement" → "family-engagement". */
export function rubricId(label: string): string {
  return (
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'section'
  );
}

/**
 * A rubric from text, one section per line: "Title: what reviewers look for". Blank lines are
 * skipped; returns the problems instead when a line has no title, a title repeats, or there are
 * none or more than twelve sections.
 */
export function parseRubric(text: string): { ok: true; rubric: RubricSection[] } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const rubric: RubricSection[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const at = line.indexOf(':');
    const label = (at < 0 ? line : line.slice(0, at)).trim().slice(0, 80);
    const lookFor = (at < 0 ? '' : line.slice(at + 1)).trim().slice(0, 400);
    if (!label) return problems.push(`Line ${i + 1}: a section needs a title before the colon.`);
    const id = rubricId(label);
    if (seen.has(id)) return problems.push(`Line ${i + 1}: "${label}" is already a section.`);
    seen.add(id);
    rubric.push({ id, label, lookFor });
  });
  if (!problems.length && rubric.length === 0) problems.push('Give at least one section.');
  if (rubric.length > 12) problems.push(`At most 12 sections (there are ${rubric.length}).`);
  return problems.length ? { ok: false, problems } : { ok: true, rubric };
}

/** The rubric as the text parseRubric reads. */
export function formatRubric(rubric: readonly RubricSection[]): string {
  return rubric.map((s) => `${s.label}: ${s.lookFor}`).join('\n');
}

/** Reviewers' scores summed up per section: the mean and how many scored it. */
export function scoreSummary(rubric: readonly RubricSection[], scores: readonly { section: string; score: number }[]): { id: string; label: string; mean: number | null; count: number }[] {
  return rubric.map((s) => {
    const mine = scores.filter((x) => x.section === s.id && Number.isInteger(x.score) && x.score >= SCORE_MIN && x.score <= SCORE_MAX);
    return { id: s.id, label: s.label, mean: mine.length ? Math.round((mine.reduce((a, x) => a + x.score, 0) / mine.length) * 100) / 100 : null, count: mine.length };
  });
}
