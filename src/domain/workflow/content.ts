/**
 * What a district's Alliance plan says (DOMAIN.md § 4): the needs assessment, goals with baseline
 * and target values tied to indicators, strategies from the statutory menu or the district's own,
 * tiered interventions by school, and the narrative of how the money targets performance
 * (published on approval). Checked here; the form and the API share the shape.
 */

/** § 10-262u(d): the strategies a plan may include ("may include but not limited to"). */
export const STATUTORY_STRATEGIES: readonly { readonly id: string; readonly label: string }[] = [
  { id: 'tiered-interventions', label: 'A tiered system of interventions for schools by need' },
  { id: 'k3-reading', label: 'K-3 foundational reading' },
  { id: 'learning-time', label: 'Additional learning time (extended day or year)' },
  { id: 'talent', label: 'A talent strategy: attract, retain, promote and bolster staff (incl. TEAM mentor stipends)' },
  { id: 'evaluation-training', label: 'Training on teacher evaluation models' },
  { id: 'early-childhood', label: 'Coordination with early childhood providers (e.g. Head Start)' },
  { id: 'wraparound', label: 'Coordination with governmental and community programs for wraparound services' },
  { id: 'standards', label: 'Implementing statewide standards' },
  { id: 'minority-recruitment', label: 'Minority teacher and administrator recruitment' },
  { id: 'bilingual', label: 'Bilingual education enhancement' },
  { id: 'model-agreement', label: 'The model school district responsibilities agreement' },
];

export const INDICATORS = ['accountability-index', 'ela', 'math', 'chronic-absenteeism', 'graduation'] as const;
export type Indicator = (typeof INDICATORS)[number];

export const INDICATOR_LABELS: Readonly<Record<Indicator, string>> = {
  'accountability-index': 'Accountability index',
  ela: 'ELA performance index',
  math: 'Math performance index',
  'chronic-absenteeism': 'Chronic absenteeism (%)',
  graduation: 'Four-year graduation rate (%)',
};

export interface Goal {
  readonly id: string;
  readonly indicator: Indicator;
  readonly description: string;
  readonly baseline: number;
  readonly target: number;
}

export interface Strategy {
  readonly id: string;
  /** A statutory strategy's id, or null for a district-specific one. */
  readonly statutory: string | null;
  readonly title: string;
  readonly description: string;
}

export interface Intervention {
  readonly school: string;
  /** 1 = universal, 3 = most intensive (for the lowest-performing schools). */
  readonly tier: 1 | 2 | 3;
  readonly description: string;
}

export interface PlanContent {
  readonly needsAssessment: string;
  readonly goals: readonly Goal[];
  readonly strategies: readonly Strategy[];
  readonly interventions: readonly Intervention[];
  readonly narrative: string;
}

export const EMPTY_CONTENT: PlanContent = { needsAssessment: '', goals: [], strategies: [], interventions: [], narrative: '' };

export interface ContentIssue {
  readonly section: 'needsAssessment' | 'goals' | 'strategies' | 'interventions' | 'narrative';
  readonly message: string;
  /** An error blocks signing; a warning is for the district to check (e.g. a school the directory does not list). */
  readonly severity: 'error' | 'warning';
}

/** What an intervention for every school of the district names instead of a school. */
export const ALL_SCHOOLS = 'All schools';

/** School names compared as people type them: case, spacing and a trailing period do not matter. */
export const normaliseSchoolName = (name: string): string => name.trim().replace(/\s+/g, ' ').replace(/\.$/, '').toLowerCase();

/** A directory school the typed name is probably meant to be (one contains the other), if exactly one. */
function likelySchool(typed: string, schools: readonly string[]): string | null {
  const t = normaliseSchoolName(typed);
  if (t.length < 3) return null;
  const hits = schools.filter((s) => {
    const n = normaliseSchoolName(s);
    return n.includes(t) || t.includes(n);
  });
  return hits.length === 1 ? hits[0]! : null;
}

/** Whether the plan may be signed: no errors (warnings are the district's to check). */
export const contentComplete = (issues: readonly ContentIssue[]): boolean => !issues.some((i) => i.severity === 'error');

/**
 * What a plan still lacks before it can be certified (no errors: complete). `schools` is the
 * district's schools in the state's directory: an intervention naming a school not there is a
 * warning, not an error, because the directory can lag a school that has just opened or been
 * renamed. Tier 3 — the most intensive — must name the schools it goes to (§ 10-262u(c): the
 * most intensive interventions in the lowest-performing schools), never all of them.
 */
export function contentIssues(c: PlanContent, schools: readonly string[] = []): ContentIssue[] {
  const out: ContentIssue[] = [];
  const error = (section: ContentIssue['section'], message: string) => out.push({ section, message, severity: 'error' });
  if (c.needsAssessment.trim().length < 50) error('needsAssessment', 'Write the needs assessment (at least a few sentences).');
  if (c.goals.length === 0) error('goals', 'Set at least one goal with a baseline and a target.');
  for (const g of c.goals) {
    if (!INDICATORS.includes(g.indicator)) error('goals', `Goal "${g.description}": "${String(g.indicator)}" is not an indicator.`);
    if (!Number.isFinite(g.baseline) || !Number.isFinite(g.target)) error('goals', `Goal "${g.description}": baseline and target must be numbers.`);
  }
  if (c.strategies.length === 0) error('strategies', 'Choose at least one strategy.');
  for (const s of c.strategies) {
    if (s.statutory !== null && !STATUTORY_STRATEGIES.some((x) => x.id === s.statutory)) error('strategies', `"${s.statutory}" is not a statutory strategy.`);
    if (!s.title.trim()) error('strategies', 'Every strategy needs a title.');
  }
  if (!c.interventions.some((i) => i.tier === 3)) error('interventions', 'Name the most intensive (tier 3) interventions, in the lowest-performing schools.');
  const known = new Set(schools.map(normaliseSchoolName));
  const all = normaliseSchoolName(ALL_SCHOOLS);
  c.interventions.forEach((x, i) => {
    const name = normaliseSchoolName(x.school);
    const which = `Intervention ${i + 1} ("${x.school.trim() || 'no school'}")`;
    if (!name) error('interventions', `Intervention ${i + 1}: name the school (or "${ALL_SCHOOLS}").`);
    else if (name === all) {
      if (x.tier === 3) error('interventions', `${which}: tier 3 is for the lowest-performing schools — name them rather than all schools.`);
    } else if (known.size > 0 && !known.has(name)) {
      const likely = likelySchool(x.school, schools);
      out.push({
        section: 'interventions',
        severity: 'warning',
        message: `${which} is not one of the district's ${known.size} schools in the state directory${likely ? ` — did you mean "${likely}"?` : '; check the name, or ask the state to import the current directory if the school is new.'}`,
      });
    }
  });
  if (c.narrative.trim().length < 50) error('narrative', 'Explain how the money targets performance (the narrative is published on approval).');
  return out;
}
