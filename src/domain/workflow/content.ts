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
}

/** What a plan still lacks before it can be certified (an empty list: complete). */
export function contentIssues(c: PlanContent): ContentIssue[] {
  const out: ContentIssue[] = [];
  if (c.needsAssessment.trim().length < 50) out.push({ section: 'needsAssessment', message: 'Write the needs assessment (at least a few sentences).' });
  if (c.goals.length === 0) out.push({ section: 'goals', message: 'Set at least one goal with a baseline and a target.' });
  for (const g of c.goals) {
    if (!INDICATORS.includes(g.indicator)) out.push({ section: 'goals', message: `Goal "${g.description}": "${String(g.indicator)}" is not an indicator.` });
    if (!Number.isFinite(g.baseline) || !Number.isFinite(g.target)) out.push({ section: 'goals', message: `Goal "${g.description}": baseline and target must be numbers.` });
  }
  if (c.strategies.length === 0) out.push({ section: 'strategies', message: 'Choose at least one strategy.' });
  for (const s of c.strategies) {
    if (s.statutory !== null && !STATUTORY_STRATEGIES.some((x) => x.id === s.statutory)) out.push({ section: 'strategies', message: `"${s.statutory}" is not a statutory strategy.` });
    if (!s.title.trim()) out.push({ section: 'strategies', message: 'Every strategy needs a title.' });
  }
  if (!c.interventions.some((i) => i.tier === 3)) {
    out.push({ section: 'interventions', message: 'Name the most intensive (tier 3) interventions, in the lowest-performing schools.' });
  }
  if (c.narrative.trim().length < 50) out.push({ section: 'narrative', message: 'Explain how the money targets performance (the narrative is published on approval).' });
  return out;
}
