/**
 * The Alliance budget workbook: lines by funding area, Connecticut UCOA object code, school,
 * strategy served, FTE and amount in cents. The lines must add up to the district's allocation,
 * and the "substantial majority" of the conditional funding must go to new reform efforts or the
 * extension of existing ones (CSDE's guidance since 2012).
 */
import { cents, formatUsd, type Cents } from '../money/cents.ts';
import { ALL_SCHOOLS, normaliseSchoolName } from './content.ts';

export const FUNDING_AREAS = [
  'staffing-direct-service',
  'staffing-administrative',
  'staffing-operational',
  'benefits',
  'progress-monitoring',
  'professional-development',
  'supplies',
  'other',
] as const;
export type FundingArea = (typeof FUNDING_AREAS)[number];

export const FUNDING_AREA_LABELS: Readonly<Record<FundingArea, string>> = {
  'staffing-direct-service': 'Staffing — direct service',
  'staffing-administrative': 'Staffing — administrative',
  'staffing-operational': 'Staffing — operational',
  benefits: 'Benefits',
  'progress-monitoring': 'Progress monitoring',
  'professional-development': 'Professional development',
  supplies: 'Supplies',
  other: 'Other',
};

/** Connecticut's Uniform Chart of Accounts object series (DOMAIN.md § 4). */
export const UCOA_SERIES: Readonly<Record<string, string>> = {
  '100': 'Salaries',
  '200': 'Employee benefits',
  '300': 'Professional and technical services',
  '400': 'Purchased property services',
  '500': 'Other purchased services',
  '600': 'Supplies',
  '700': 'Property',
  '800': 'Other objects',
};

/** Which object series fit a funding area (a line that does not fit is flagged, not refused). */
const AREA_SERIES: Readonly<Record<FundingArea, readonly string[]>> = {
  'staffing-direct-service': ['100'],
  'staffing-administrative': ['100'],
  'staffing-operational': ['100'],
  benefits: ['200'],
  'progress-monitoring': ['300', '500', '600'],
  'professional-development': ['300', '500', '600'],
  supplies: ['600', '700'],
  other: ['300', '400', '500', '600', '700', '800'],
};

export const EFFORTS = ['new', 'extension', 'existing'] as const;
export type Effort = (typeof EFFORTS)[number];

export interface BudgetLine {
  readonly id: string;
  readonly area: FundingArea;
  /** A three-digit UCOA object code, e.g. "112" (salaries, teachers) or "600". */
  readonly objectCode: string;
  readonly description: string;
  /** School code, or null for district-wide. */
  readonly school: string | null;
  /** The plan strategy this line serves (its id in the plan). */
  readonly strategy: string;
  readonly fte: number;
  readonly amountCents: Cents;
  /** New reform effort, extension of an existing one, or continuing an existing effort. */
  readonly effort: Effort;
}

export interface BudgetIssue {
  readonly line: string | null;
  readonly field: string | null;
  readonly message: string;
  /** Errors block certification; warnings are shown. */
  readonly severity: 'error' | 'warning';
}

export interface BudgetSummary {
  readonly totalCents: Cents;
  readonly allocationCents: Cents;
  readonly differenceCents: Cents;
  readonly byArea: readonly { area: FundingArea; cents: Cents; fte: number }[];
  /** Share of the total for new or extended reform efforts, 0-1. */
  readonly reformShare: number;
  readonly issues: readonly BudgetIssue[];
  /** No errors and the total equals the allocation. */
  readonly balanced: boolean;
}

/**
 * Checks every line and the totals. `substantialMajority` is the share the cycle requires for
 * new or extended reform efforts (a setting of the cycle; the guidance gives no number).
 */
export function summariseBudget(lines: readonly BudgetLine[], allocationCents: Cents, substantialMajority: number, knownStrategies?: ReadonlySet<string>, knownSchools: readonly string[] = []): BudgetSummary {
  const issues: BudgetIssue[] = [];
  const schools = new Set(knownSchools.map(normaliseSchoolName));
  schools.add(normaliseSchoolName(ALL_SCHOOLS));
  const ids = new Set<string>();
  let total = 0;
  let reform = 0;
  const areas = new Map<FundingArea, { cents: number; fte: number }>();
  for (const l of lines) {
    if (ids.has(l.id)) issues.push({ line: l.id, field: 'id', message: `Line ${l.id} appears twice.`, severity: 'error' });
    ids.add(l.id);
    if (!FUNDING_AREAS.includes(l.area)) issues.push({ line: l.id, field: 'area', message: `"${String(l.area)}" is not a funding area.`, severity: 'error' });
    if (!/^[1-8]\d\d$/.test(l.objectCode)) {
      issues.push({ line: l.id, field: 'objectCode', message: `"${l.objectCode}" is not a UCOA object code (three digits, 100-899).`, severity: 'error' });
    } else if (FUNDING_AREAS.includes(l.area) && !AREA_SERIES[l.area].includes(`${l.objectCode[0]}00`)) {
      issues.push({ line: l.id, field: 'objectCode', message: `Object code ${l.objectCode} (${UCOA_SERIES[`${l.objectCode[0]}00`]}) is unusual for ${FUNDING_AREA_LABELS[l.area]}.`, severity: 'warning' });
    }
    if (!l.description.trim()) issues.push({ line: l.id, field: 'description', message: 'Describe what the line pays for.', severity: 'error' });
    if (!Number.isSafeInteger(l.amountCents) || l.amountCents <= 0) issues.push({ line: l.id, field: 'amountCents', message: 'The amount must be more than $0.', severity: 'error' });
    if (!Number.isFinite(l.fte) || l.fte < 0 || l.fte > 1000) issues.push({ line: l.id, field: 'fte', message: 'FTE must be between 0 and 1,000.', severity: 'error' });
    if (l.area.startsWith('staffing') && l.fte === 0) issues.push({ line: l.id, field: 'fte', message: 'A staffing line usually has an FTE.', severity: 'warning' });
    if (!EFFORTS.includes(l.effort)) issues.push({ line: l.id, field: 'effort', message: `"${String(l.effort)}" is not new, extension or existing.`, severity: 'error' });
    if (knownStrategies && !knownStrategies.has(l.strategy)) issues.push({ line: l.id, field: 'strategy', message: `Strategy "${l.strategy}" is not one of the plan's strategies.`, severity: 'error' });
    // A warning only: the directory can lag a school that has just opened or been renamed.
    if (l.school && knownSchools.length > 0 && !schools.has(normaliseSchoolName(l.school))) issues.push({ line: l.id, field: 'school', message: `"${l.school}" is not one of the district's schools in the state directory; check the name.`, severity: 'warning' });
    if (Number.isSafeInteger(l.amountCents)) {
      total += l.amountCents;
      if (l.effort === 'new' || l.effort === 'extension') reform += l.amountCents;
      const a = areas.get(l.area) ?? { cents: 0, fte: 0 };
      a.cents += l.amountCents;
      a.fte += Number.isFinite(l.fte) ? l.fte : 0;
      areas.set(l.area, a);
    }
  }
  const difference = total - allocationCents;
  if (difference !== 0) {
    issues.push({
      line: null,
      field: 'total',
      message: `The lines add up to ${formatUsd(total)}; the allocation is ${formatUsd(allocationCents)} (${difference > 0 ? 'over' : 'under'} by ${formatUsd(Math.abs(difference))}).`,
      severity: 'error',
    });
  }
  const reformShare = total > 0 ? reform / total : 0;
  if (total > 0 && reformShare < substantialMajority) {
    issues.push({
      line: null,
      field: 'effort',
      message: `${(reformShare * 100).toFixed(1)}% of the budget goes to new or extended reform efforts; the cycle requires a substantial majority (${(substantialMajority * 100).toFixed(0)}% or more).`,
      severity: 'error',
    });
  }
  return {
    totalCents: cents(total),
    allocationCents,
    differenceCents: cents(difference),
    byArea: FUNDING_AREAS.filter((a) => areas.has(a)).map((a) => ({ area: a, cents: cents(areas.get(a)!.cents), fte: Math.round(areas.get(a)!.fte * 100) / 100 })),
    reformShare,
    issues,
    balanced: !issues.some((i) => i.severity === 'error'),
  };
}

