/**
 * The plan and budget forms read into the domain's shapes. Field names follow the shapes
 * (goals.0.indicator, lines.3.amount…); anything malformed is reported by field, not guessed.
 */
import { dollarsToCents } from '../../src/domain/money/cents.ts';
import { EFFORTS, FUNDING_AREAS, type BudgetLine, type Effort, type FundingArea } from '../../src/domain/workflow/budget.ts';
import { ALL_SCHOOLS, INDICATORS, STATUTORY_STRATEGIES, type Indicator, type PlanContent } from '../../src/domain/workflow/content.ts';

export interface FormIssues {
  readonly issues: Record<string, string>;
}

function rows(form: FormData, prefix: string): Map<number, Map<string, string>> {
  const out = new Map<number, Map<string, string>>();
  for (const [key, value] of form.entries()) {
    const m = new RegExp(`^${prefix}\\.(\\d{1,3})\\.(\\w+)$`).exec(key);
    if (!m || typeof value !== 'string') continue;
    const i = Number(m[1]);
    if (!out.has(i)) out.set(i, new Map());
    out.get(i)!.set(m[2]!, value.trim());
  }
  return new Map([...out.entries()].sort(([a], [b]) => a - b));
}

const str = (form: FormData, name: string, max = 20_000) => String(form.get(name) ?? '').slice(0, max);

/** The plan content from the plan form; empty rows are dropped. */
export function readPlanContent(form: FormData): { content: PlanContent; issues: Record<string, string> } {
  const issues: Record<string, string> = {};
  const goals: PlanContent['goals'][number][] = [];
  for (const [i, r] of rows(form, 'goals')) {
    // The blank row at the end has an id and an indicator (a select always has a value): empty.
    if (![...r.entries()].some(([k, v]) => k !== 'id' && k !== 'indicator' && v)) continue;
    const indicator = r.get('indicator') as Indicator;
    const baseline = Number(r.get('baseline'));
    const target = Number(r.get('target'));
    if (!INDICATORS.includes(indicator)) issues[`goals.${i}.indicator`] = 'Choose an indicator.';
    if (r.get('baseline') === '' || !Number.isFinite(baseline)) issues[`goals.${i}.baseline`] = 'The baseline must be a number.';
    if (r.get('target') === '' || !Number.isFinite(target)) issues[`goals.${i}.target`] = 'The target must be a number.';
    goals.push({ id: r.get('id') || `g${i + 1}`, indicator, description: (r.get('description') ?? '').slice(0, 500), baseline, target });
  }
  const strategies: PlanContent['strategies'][number][] = [];
  for (const s of STATUTORY_STRATEGIES) {
    if (form.get(`strategy.${s.id}`) === 'on') strategies.push({ id: s.id, statutory: s.id, title: s.label, description: str(form, `strategy.${s.id}.description`, 2000) });
  }
  for (const [i, r] of rows(form, 'own')) {
    if (!r.get('title')) continue;
    strategies.push({ id: r.get('id') || `own-${i + 1}`, statutory: null, title: r.get('title')!.slice(0, 200), description: (r.get('description') ?? '').slice(0, 2000) });
  }
  const interventions: PlanContent['interventions'][number][] = [];
  for (const [i, r] of rows(form, 'interventions')) {
    if (!r.get('school') && !r.get('description')) continue;
    const tier = Number(r.get('tier'));
    if (![1, 2, 3].includes(tier)) issues[`interventions.${i}.tier`] = 'Choose tier 1, 2 or 3.';
    if (!r.get('school')) issues[`interventions.${i}.school`] = `Name the school (or "${ALL_SCHOOLS}").`;
    interventions.push({ school: (r.get('school') ?? '').slice(0, 200), tier: (tier as 1 | 2 | 3) || 1, description: (r.get('description') ?? '').slice(0, 2000) });
  }
  return { content: { needsAssessment: str(form, 'needsAssessment'), goals, strategies, interventions, narrative: str(form, 'narrative') }, issues };
}

/** The budget lines from the budget form; an empty row is dropped, a bad one reported by field. */
export function readBudget(form: FormData): { lines: BudgetLine[]; issues: Record<string, string> } {
  const issues: Record<string, string> = {};
  const lines: BudgetLine[] = [];
  for (const [i, r] of rows(form, 'lines')) {
    if (![...r.entries()].some(([k, v]) => k !== 'id' && k !== 'effort' && k !== 'area' && v)) continue;
    const area = r.get('area') as FundingArea;
    if (!FUNDING_AREAS.includes(area)) issues[`lines.${i}.area`] = 'Choose a funding area.';
    const effort = (r.get('effort') ?? 'new') as Effort;
    if (!EFFORTS.includes(effort)) issues[`lines.${i}.effort`] = 'Choose new, extension or existing.';
    let amount = 0;
    try {
      amount = dollarsToCents(r.get('amount') ?? '');
    } catch {
      issues[`lines.${i}.amount`] = 'Give the amount in dollars (e.g. 125000 or 125,000.50).';
    }
    const fte = r.get('fte') ? Number(r.get('fte')) : 0;
    if (!Number.isFinite(fte) || fte < 0) issues[`lines.${i}.fte`] = 'FTE must be a number, 0 or more.';
    lines.push({
      id: r.get('id') || `l${i + 1}`,
      area,
      objectCode: r.get('objectCode') ?? '',
      description: (r.get('description') ?? '').slice(0, 300),
      school: r.get('school') || null,
      strategy: r.get('strategy') ?? '',
      fte,
      amountCents: amount as BudgetLine['amountCents'],
      effort,
    });
  }
  return { lines, issues };
}
