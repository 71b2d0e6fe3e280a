/**
 * The shape of a scenario file (JSON or YAML) and of the simulator's query, checked with zod;
 * field names are the ScenarioSpec's keys. Value checks that need the law live in the domain.
 */
import { z } from 'zod';
import type { ScenarioSpec } from '../domain/law/proposals/index.ts';

const year = z.number().int().min(2013).max(2100);

export const scenarioSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'use lowercase letters, digits and hyphens'),
    title: z.string().min(1).max(200),
    description: z.string().max(2000).optional(),
    base: z.string().max(64).optional(),
    lowestCount: z.number().int().min(0).max(100000).optional(),
    selection: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('count') }),
        z.object({ kind: z.literal('score'), atOrBelow: z.number().min(0).max(100) }),
        z.object({ kind: z.literal('percentile'), percent: z.number().gt(0).max(100) }),
      ])
      .optional(),
    minEnrollment: z.number().int().min(0).max(10_000_000).nullable().optional(),
    grandfathering: z.union([z.boolean(), z.object({ first: year, last: year })]).optional(),
    exitAfterYears: z.number().int().min(1).max(20).nullable().optional(),
    opportunityCount: z.number().int().min(0).max(1000).optional(),
    categoryNames: z.object({ byRank: z.string().min(1).max(80), earlierDesignee: z.string().min(1).max(80) }).optional(),
    options: z.record(z.string(), z.string()).optional(),
    fiscalYears: z.object({ first: year, last: year }).optional(),
  })
  .strict();

export type ScenarioInput = z.infer<typeof scenarioSchema>;

/** Parses a scenario or returns the issues, each naming its field. */
export function parseScenario(value: unknown): { ok: true; value: ScenarioSpec } | { ok: false; issues: string[] } {
  const r = scenarioSchema.safeParse(value);
  if (r.success) return { ok: true, value: r.data as ScenarioSpec };
  return { ok: false, issues: r.error.issues.map((i) => `${i.path.join('.') || '(scenario)'}: ${i.message}`) };
}
