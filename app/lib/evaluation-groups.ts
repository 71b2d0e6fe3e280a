/** The group choices the evaluation's page and report offer: the membership options, each cohort apart. */
import type { Membership } from '../../src/domain/outcomes/pooled.ts';
import { fiscalYear } from '../../src/domain/time/fiscal-year.ts';

export const GROUPINGS = ['ever', 'that-year', 'cohort-2013', 'cohort-2018', 'cohort-2023'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export function membershipOf(g: Grouping): Membership {
  if (g === 'ever' || g === 'that-year') return { kind: g };
  return { kind: 'cohort', firstFiscalYear: fiscalYear(Number(g.slice(7))) };
}

/** The grouping a query asks for, or the default (ever designated). */
export function groupingOf(q: URLSearchParams): Grouping {
  const g = q.get('groups') ?? '';
  return (GROUPINGS as readonly string[]).includes(g) ? (g as Grouping) : 'ever';
}
