/**
 * A what-if of the tiered-support rules, from a file or a form: other thresholds, another
 * reading of a named option. Checked by a schema, then applied as a pure transformation of the
 * proposal (`withOverrides`); an unknown parameter or choice is named, never ignored.
 */
import { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import { withOverrides, type Law } from '../../domain/rules/law.ts';
import { TIERED_SUPPORT } from '../../domain/support/tiers.ts';

const schema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'a short id of lowercase letters, digits and hyphens'),
  title: z.string().min(1).max(200),
  description: z.string().max(2000).optional(),
  /** Parameter id → its value from the proposal's first year (e.g. "tiers.tier4-years": 2). */
  parameters: z.record(z.string(), z.number().finite()).optional(),
  options: z.record(z.string(), z.string()).optional(),
});

export function tierScenario(value: unknown): { ok: true; law: Law } | { ok: false; issues: string[] } {
  const parsed = schema.safeParse(value);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => `${i.path.join('.') || '(the file)'}: ${i.message}`) };
  const s = parsed.data;
  try {
    const law = withOverrides(TIERED_SUPPORT, {
      id: s.id,
      title: s.title,
      cite: { kind: 'Scenario', id: s.id },
      ...(s.description ? { description: s.description } : {}),
      parameters: Object.fromEntries(Object.entries(s.parameters ?? {}).map(([k, v]) => [k, { value: v }])),
      options: s.options ?? {},
    });
    return { ok: true, law };
  } catch (e) {
    if (e instanceof DomainError) return { ok: false, issues: [`${e.message}. The parameters: ${[...TIERED_SUPPORT.parameters.keys()].join(', ')}; the options: ${[...TIERED_SUPPORT.options.values()].map((o) => `${o.id} (${o.choices.map((c) => c.value).join(' or ')})`).join(', ')}.`] };
    throw e;
  }
}
