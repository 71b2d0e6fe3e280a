/**
 * A rule's trace, step by step, with each step's citation: the public answer to "why?".
 */
import type { TraceStep } from '../../src/domain/rules/trace.ts';
import { formatCitation } from '../../src/domain/rules/citation.ts';

/**
 * Not numbered by position: the steps carry the guidance's own numbers ("Step 4: …"), and a
 * district that skips step 3 would otherwise read "3. Step 4".
 */
export function Trace({ steps, lang }: { steps: readonly TraceStep[]; lang?: 'en' | 'es' }) {
  return (
    <ul className="trace" lang={lang}>
      {steps.map((s, i) => (
        <li key={i}>
          {s.text}
          {s.cite ? <cite>{formatCitation(s.cite)}{s.cite.note ? ` — ${s.cite.note}` : ''}</cite> : null}
        </li>
      ))}
    </ul>
  );
}
