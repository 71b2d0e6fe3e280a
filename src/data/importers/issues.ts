/**
 * What went wrong in an import, said so a person can fix it: which file, which line, which
 * column, and why. An import with any issue changes nothing.
 */

export interface ImportIssue {
  readonly file: string;
  /** The line of the file (1-based), or null for the file as a whole. */
  readonly line: number | null;
  /** The column's header name (or its letter), or null. */
  readonly column: string | null;
  readonly reason: string;
}

export function formatIssue(i: ImportIssue): string {
  const where = [i.file, i.line !== null ? `line ${i.line}` : null, i.column !== null ? `column "${i.column}"` : null]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${i.reason}`;
}

/** An import that failed: nothing was written. Carries every issue found (up to a limit). */
export class ImportFailure extends Error {
  readonly issues: readonly ImportIssue[];
  readonly truncated: boolean;

  constructor(issues: readonly ImportIssue[], truncated = false) {
    const head = issues.slice(0, 5).map(formatIssue).join('\n  ');
    const more = issues.length > 5 ? `\n  … and ${issues.length - 5} more${truncated ? ' (stopped counting)' : ''}` : '';
    super(`Import failed; nothing was changed.\n  ${head}${more}`);
    this.name = 'ImportFailure';
    this.issues = issues;
    this.truncated = truncated;
  }
}

/** Collects issues; stops the import once there are too many to be useful. */
export class IssueCollector {
  readonly #issues: ImportIssue[] = [];
  readonly #limit: number;
  readonly file: string;

  constructor(file: string, limit = 50) {
    this.file = file;
    this.#limit = limit;
  }

  add(line: number | null, column: string | null, reason: string): void {
    this.#issues.push({ file: this.file, line, column, reason });
    if (this.#issues.length >= this.#limit) throw new ImportFailure(this.#issues, true);
  }

  get count(): number {
    return this.#issues.length;
  }

  /** Throws if anything was collected. */
  check(): void {
    if (this.#issues.length > 0) throw new ImportFailure(this.#issues);
  }
}
