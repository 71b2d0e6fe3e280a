/**
 * Every result explains itself: a trace of steps, each with what was decided, the values it
 * used and the citation that makes it so. The public "why is this district designated?" page
 * and `alliance designate --explain` render it.
 */
import { formatCitation, type Citation } from './citation.ts';

export interface TraceStep {
  /** Which rule or parameter this step belongs to: "eligibility.org-type", "withholding.base". */
  readonly rule: string;
  /** One sentence a person can read. */
  readonly text: string;
  /** The value decided, if any. Cents stay integers; the renderer formats them. */
  readonly value?: string | number | boolean | null;
  /** The inputs the step used, by name. */
  readonly inputs?: Readonly<Record<string, string | number | boolean | null>>;
  readonly cite?: Citation;
}

export type Trace = readonly TraceStep[];

/** Collects trace steps in order. A plain array underneath; no global state. */
export class Tracer {
  readonly #steps: TraceStep[] = [];

  step(step: TraceStep): void {
    this.#steps.push(step);
  }

  get steps(): Trace {
    return this.#steps.slice();
  }
}

/**
 * Renders a trace as lines with citations, for a terminal or a plain page. Not numbered by
 * position: steps carry the guidance's own numbers ("Step 4: …"), which a district that skips
 * step 3 would contradict ("3. Step 4").
 */
export function renderTrace(trace: Trace): string {
  return trace
    .map((s) => {
      const cite = s.cite ? ` [${formatCitation(s.cite)}]` : '';
      return ` - ${s.text}${cite}`;
    })
    .join('\n');
}
