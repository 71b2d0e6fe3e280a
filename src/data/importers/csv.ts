/**
 * Streaming CSV reading for importers: UTF-8 checked as it streams (a Windows-1252 or binary
 * file is refused with the byte and line), a byte-order mark removed, records yielded with the
 * line they end on, and every problem reported as an ImportIssue naming file, line and column.
 */
import { createReadStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { parse } from 'csv-parse';
import { ImportFailure, type ImportIssue } from './issues.ts';

export interface CsvRecord {
  /** The line of the file the record ends on (1-based), as an editor shows it. */
  readonly line: number;
  readonly cells: readonly string[];
}

export interface CsvSource {
  readonly path: string;
  /** The name errors show (the file's base name). */
  readonly fileName: string;
  /** Called with bytes read so far, for a progress bar. */
  readonly onBytes?: (bytes: number) => void;
}

/** Longest record accepted; anything longer is not one of the files we know. */
const MAX_RECORD_BYTES = 1_000_000;

/** Decodes UTF-8 strictly while counting lines, so a bad byte can be located. */
class StrictUtf8 extends Transform {
  readonly #decoder = new TextDecoder('utf-8', { fatal: true });
  #bytes = 0;
  #lines = 1;
  readonly #fileName: string;
  readonly #onBytes: ((bytes: number) => void) | undefined;

  constructor(fileName: string, onBytes?: (bytes: number) => void) {
    super({ readableObjectMode: false, decodeStrings: true });
    this.#fileName = fileName;
    this.#onBytes = onBytes;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    let text: string;
    try {
      text = this.#decoder.decode(chunk, { stream: true });
    } catch {
      done(this.#badByte(chunk));
      return;
    }
    const nul = text.indexOf('\u0000');
    if (nul >= 0) {
      const line = this.#lines + countNewlines(text.slice(0, nul));
      done(
        new ImportFailure([
          {
            file: this.#fileName,
            line,
            column: null,
            reason: 'The file contains a NUL byte: it is binary, not a CSV text file.',
          },
        ]),
      );
      return;
    }
    this.#lines += countNewlines(text);
    this.#bytes += chunk.length;
    this.#onBytes?.(this.#bytes);
    done(null, text);
  }

  override _flush(done: TransformCallback): void {
    try {
      const rest = this.#decoder.decode();
      done(null, rest);
    } catch {
      done(
        new ImportFailure([
          { file: this.#fileName, line: this.#lines, column: null, reason: 'The file ends in the middle of a UTF-8 character: it is truncated or not UTF-8 text.' },
        ]),
      );
    }
  }

  #badByte(chunk: Buffer): ImportFailure {
    // Find the first byte that does not decode, for the message.
    let offset = 0;
    const probe = new TextDecoder('utf-8', { fatal: true });
    for (; offset < chunk.length; offset++) {
      try {
        probe.decode(chunk.subarray(0, offset + 1), { stream: true });
      } catch {
        break;
      }
    }
    const before = new TextDecoder('utf-8').decode(chunk.subarray(0, offset));
    const line = this.#lines + countNewlines(before);
    const byte = chunk[offset] ?? 0;
    return new ImportFailure([
      {
        file: this.#fileName,
        line,
        column: null,
        reason: `The file is not UTF-8 text: byte 0x${byte.toString(16).padStart(2, '0')} at byte ${this.#bytes + offset + 1}. Save it as CSV UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)") and import it again.`,
      },
    ]);
  }
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** Yields every record of a CSV file; throws ImportFailure on a file that is not valid CSV text. */
export async function* readCsv(source: CsvSource): AsyncGenerator<CsvRecord> {
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_BYTES,
    info: true,
  });
  const input = createReadStream(source.path);
  const decode = new StrictUtf8(source.fileName, source.onBytes);
  let failure: unknown;
  const fail = (e: unknown) => {
    failure ??= e;
    parser.destroy(e instanceof Error ? e : new Error(String(e)));
  };
  input.on('error', fail);
  decode.on('error', fail);
  input.pipe(decode).pipe(parser);
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { line: item.info.lines, cells: item.record };
    }
  } catch (e) {
    const original = failure ?? e;
    if (original instanceof ImportFailure) throw original;
    throw new ImportFailure([csvIssue(source.fileName, original)]);
  } finally {
    input.destroy();
  }
  if (failure) throw failure instanceof ImportFailure ? failure : new ImportFailure([csvIssue(source.fileName, failure)]);
}

function csvIssue(file: string, e: unknown): ImportIssue {
  const err = e as { code?: string; message?: string; lines?: number };
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string' && err.code.startsWith('CSV_')) {
    const reasons: Record<string, string> = {
      CSV_QUOTE_NOT_CLOSED: 'A quoted field is never closed: the file is truncated or a quote is missing.',
      CSV_INVALID_CLOSING_QUOTE: 'A quote appears inside a field where it is not allowed; fields containing quotes must double them ("").',
      CSV_MAX_RECORD_SIZE: `A record is longer than ${MAX_RECORD_BYTES.toLocaleString('en-US')} characters: this is not one of the files this importer reads.`,
      CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'Text follows a closing quote in a field.',
    };
    return { file, line: err.lines ?? null, column: null, reason: reasons[err.code] ?? `Not valid CSV: ${err.message ?? err.code}` };
  }
  if (err && typeof err === 'object' && (err as NodeJS.ErrnoException).code === 'ENOENT') {
    return { file, line: null, column: null, reason: 'The file does not exist.' };
  }
  if (err && typeof err === 'object' && (err as NodeJS.ErrnoException).code === 'EISDIR') {
    return { file, line: null, column: null, reason: 'This is a folder, not a file.' };
  }
  return { file, line: null, column: null, reason: `Could not read the file: ${err?.message ?? String(e)}` };
}

/** Removes the EdSight `="…"` wrapper and surrounding space from a cell. */
export function cleanCell(cell: string | undefined): string {
  if (cell === undefined) return '';
  let c = cell.trim();
  if (c.startsWith('="') && c.endsWith('"')) c = c.slice(2, -1);
  else if (c.startsWith('=')) c = c.slice(1);
  return c.trim();
}
