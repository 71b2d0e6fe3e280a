/**
 * Citations are typed values, not strings, so that every number the law sets can say where
 * it comes from and a hygiene test can check that it does.
 */

export type CitationKind =
  /** Connecticut General Statutes, e.g. § 10-262u(a)(1). */
  | 'CGS'
  /** A Public Act, e.g. PA 22-118 or PA 17-2 (June Special Session) § 224. */
  | 'PA'
  /** Agency guidance or practice: CSDE pages, presentations, published procedures. */
  | 'Guidance'
  /** A published data file whose figures a rule reproduces (e.g. CSDE's ECS split). */
  | 'Data'
  /** A bill, report or recommendation that is not law. */
  | 'Proposal'
  /** A what-if scenario a user wrote. */
  | 'Scenario';

export interface Citation {
  readonly kind: CitationKind;
  /** The instrument: "10-262u", "22-118", "17-2 JSS", "CSDE Alliance District page (2017)". */
  readonly id: string;
  /** Section or subsection within it: "(a)(1)", "§ 224". */
  readonly subsection?: string;
  readonly url?: string;
  /** What is uncertain about this source, said plainly. */
  readonly note?: string;
}

const CGA_STATUTE_URL = 'https://www.cga.ct.gov/current/pub/chap_172.htm#sec_10-262u';

/** A section of the Connecticut General Statutes. */
export function cgs(section: string, subsection?: string, note?: string): Citation {
  return {
    kind: 'CGS',
    id: section,
    ...(subsection ? { subsection } : {}),
    ...(section === '10-262u' ? { url: CGA_STATUTE_URL } : {}),
    ...(note ? { note } : {}),
  };
}

/** A Public Act: pa('22-118'), pa('17-2 JSS', '§ 224'). */
export function pa(act: string, subsection?: string, note?: string): Citation {
  return { kind: 'PA', id: act, ...(subsection ? { subsection } : {}), ...(note ? { note } : {}) };
}

export function guidance(id: string, opts: { subsection?: string; url?: string; note?: string } = {}): Citation {
  return { kind: 'Guidance', id, ...opts };
}

export function dataSource(id: string, opts: { subsection?: string; url?: string; note?: string } = {}): Citation {
  return { kind: 'Data', id, ...opts };
}

export function proposal(id: string, opts: { subsection?: string; url?: string; note?: string } = {}): Citation {
  return { kind: 'Proposal', id, ...opts };
}

/** "C.G.S. § 10-262u(a)(1)", "PA 17-2 JSS § 224", "CSDE … (guidance)". */
export function formatCitation(c: Citation): string {
  switch (c.kind) {
    case 'CGS':
      return `C.G.S. § ${c.id}${c.subsection ?? ''}`;
    case 'PA':
      return `PA ${c.id}${c.subsection ? ` ${c.subsection}` : ''}`;
    case 'Guidance':
      return `${c.id}${c.subsection ? `, ${c.subsection}` : ''} (guidance)`;
    case 'Data':
      return `${c.id}${c.subsection ? `, ${c.subsection}` : ''} (data)`;
    case 'Proposal':
      return `${c.id}${c.subsection ? ` ${c.subsection}` : ''} (proposal, not law)`;
    case 'Scenario':
      return `scenario "${c.id}" (not law)`;
  }
}

/** Whether a citation is complete enough to show a reader. */
export function isWellFormedCitation(c: unknown): c is Citation {
  if (typeof c !== 'object' || c === null) return false;
  const { kind, id } = c as Record<string, unknown>;
  return (
    typeof id === 'string' &&
    id.trim().length > 0 &&
    (kind === 'CGS' || kind === 'PA' || kind === 'Guidance' || kind === 'Data' || kind === 'Proposal' || kind === 'Scenario')
  );
}
