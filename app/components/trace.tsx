/**
 * A rule's trace, step by step, with each step's citation: the public answer to "why?".
 */
import type { TraceStep } from '../../src/domain/rules/trace.ts';
import { formatCitation } from '../../src/domain/rules/citation.ts';

export function Trace({ steps, lang }: { steps: readonly TraceStep[]; lang?: 'en' | 'es' }) {
  return (
    <ol className="trace" lang={lang}>
      {steps.map((s, i) => (
        <li key={i}>
          {s.text}
          {s.cite ? <cite>{formatCitation(s.cite)}{s.cite.note ? ` — ${s.cite.note}` : ''}</cite> : null}
        </li>
      ))}
    </ol>
  );
}
