/**
 * A CSV file read as a table: the title lines before the header (EdSight exports have 2-5),
 * the header, then the rows; and parsing of cells with the issue named by line and column.
 */
import type { Executor } from '../batch.ts';
import { cleanCell, readCsv, type CsvRecord, type CsvSource } from './csv.ts';
import { ImportFailure, type IssueCollector } from './issues.ts';

export interface ImportContext {
  readonly db: Executor;
  readonly source: CsvSource;
  readonly importId: number;
  readonly issues: IssueCollector;
}

export interface ImportCounts {
  /** Rows written. */
  readonly rows: number;
  /** Rows deliberately not written (suppressed values, totals, page text), with why in notes. */
  readonly skipped: number;
  readonly notes: readonly string[];
}

export interface Importer {
  readonly kind: string;
  readonly title: string;
  readonly description: string;
  /** Whether the title lines and header look like this kind of file (for `auto`). */
  detect(preamble: readonly string[], header: readonly string[]): boolean;
  run(ctx: ImportContext): Promise<ImportCounts>;
}

export class Header {
  readonly names: readonly string[];
  readonly #index = new Map<string, number>();

  constructor(cells: readonly string[]) {
    this.names = cells.map((c) => cleanCell(c));
    this.names.forEach((n, i) => {
      if (!this.#index.has(n)) this.#index.set(n, i);
    });
  }

  has(name: string): boolean {
    return this.#index.has(name);
  }

  indexOf(name: string): number {
    return this.#index.get(name) ?? -1;
  }

  /** The names from `required` that the header lacks. */
  missing(required: readonly string[]): string[] {
    return required.filter((n) => !this.#index.has(n));
  }

  cell(cells: readonly string[], name: string): string {
    const i = this.#index.get(name);
    return i === undefined ? '' : cleanCell(cells[i]);
  }
}

export interface OpenTable {
  readonly preamble: readonly string[];
  /** The title lines cell by cell (group headings sit over the columns they name). */
  readonly preambleCells: readonly (readonly string[])[];
  readonly header: Header;
  readonly headerLine: number;
  readonly rows: AsyncGenerator<CsvRecord>;
}

/**
 * Reads up to `maxPreamble` records looking for the header row; the records before it are the
 * title lines. Throws ImportFailure naming what header was expected.
 */
export async function openTable(
  source: CsvSource,
  isHeader: (cells: readonly string[]) => boolean,
  expected: string,
  maxPreamble = 12,
): Promise<OpenTable> {
  const records = readCsv(source);
  const preamble: string[] = [];
  const preambleCells: string[][] = [];
  for (let i = 0; i <= maxPreamble; i++) {
    const next = await records.next();
    if (next.done) break;
    const cells = next.value.cells.map((c) => cleanCell(c));
    if (isHeader(cells)) {
      return { preamble, preambleCells, header: new Header(next.value.cells), headerLine: next.value.line, rows: records };
    }
    preamble.push(cells.filter((c) => c !== '').join(', '));
    preambleCells.push(cells);
  }
  await records.return(undefined);
  throw new ImportFailure([
    {
      file: source.fileName,
      line: null,
      column: null,
      reason: `No header row found in the first ${maxPreamble + 1} lines: expected ${expected}. Is this the right kind of file?`,
    },
  ]);
}

/**
 * Checks the table's required columns: if any is missing, reports them by name, closes the file
 * and stops the import (with every issue found so far).
 */
export async function requireColumns(ctx: ImportContext, table: OpenTable, required: readonly string[]): Promise<void> {
  const { header } = table;
  const missing = header.missing(required);
  if (!missing.length) return;
  ctx.issues.add(table.headerLine, missing[0]!, `Missing column${missing.length > 1 ? 's' : ''}: ${missing.map((m) => `"${m}"`).join(', ')}. The header has: ${header.names.filter(Boolean).slice(0, 12).join(', ')}${header.names.length > 12 ? ', …' : ''}.`);
  await table.rows.return(undefined);
  ctx.issues.check();
}

/** Values EdSight and data.ct.gov write for "no value". */
const EMPTY = new Set(['', '.', 'N/A', 'NA', 'n/a']);
/** Values written for a suppressed small count. */
export const SUPPRESSED = '*';

export type Cell = { readonly kind: 'value'; readonly value: number } | { readonly kind: 'empty' } | { readonly kind: 'suppressed' } | { readonly kind: 'invalid' };

/**
 * Parses a numeric cell: "1,250" → 1250, "60.7" → 60.7, "." and "" → empty, "*" → suppressed.
 * Anything else is reported as an issue at the line and column, and returns invalid.
 */
export function numberCell(
  ctx: ImportContext,
  raw: string,
  line: number,
  column: string,
  range: { min?: number; max?: number; integer?: boolean } = {},
): Cell {
  const text = raw.trim();
  if (EMPTY.has(text)) return { kind: 'empty' };
  if (text === SUPPRESSED) return { kind: 'suppressed' };
  const normal = text.replace(/,(?=\d{3}(\D|$))/g, '').replace(/%$/, '');
  if (!/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normal)) {
    ctx.issues.add(line, column, `"${text.slice(0, 40)}" is not a number.`);
    return { kind: 'invalid' };
  }
  const value = Number(normal);
  if (!Number.isFinite(value)) {
    ctx.issues.add(line, column, `"${text.slice(0, 40)}" is not a finite number.`);
    return { kind: 'invalid' };
  }
  if (range.integer && !Number.isInteger(value)) {
    ctx.issues.add(line, column, `${text} should be a whole number.`);
    return { kind: 'invalid' };
  }
  if ((range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max)) {
    ctx.issues.add(line, column, `${text} is outside the possible range${range.min !== undefined ? ` (at least ${range.min}` : ' ('}${range.max !== undefined ? `${range.min !== undefined ? ', ' : ''}at most ${range.max})` : ')'}.`);
    return { kind: 'invalid' };
  }
  return { kind: 'value', value };
}

/**
 * Flushes accumulated rows every `size` items. One flush may be in flight while the next batch
 * is read, so parsing overlaps the database's work (PostgreSQL runs in another process); a
 * failed flush fails the next push or the drain.
 */
export class Batcher<T> {
  #items: T[] = [];
  readonly #size: number;
  readonly #flush: (items: T[]) => Promise<void>;
  #inflight: Promise<void> = Promise.resolve();
  written = 0;

  constructor(size: number, flush: (items: T[]) => Promise<void>) {
    this.#size = size;
    this.#flush = flush;
  }

  async push(item: T): Promise<void> {
    this.#items.push(item);
    if (this.#items.length >= this.#size) await this.#send();
  }

  async #send(): Promise<void> {
    await this.#inflight;
    const items = this.#items;
    this.#items = [];
    this.#inflight = this.#flush(items).then(() => {
      this.written += items.length;
    });
    // Keep an unhandled failure from escaping before the next push or drain awaits it.
    this.#inflight.catch(() => undefined);
  }

  async drain(): Promise<void> {
    if (this.#items.length) await this.#send();
    await this.#inflight;
  }
}
