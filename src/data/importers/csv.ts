/**
 * Streaming CSV reading for importers: UTF-8 checked as it streams (a Windows-1252 or binary
 * file is refused with the byte and line), a byte-order mark removed, records yielded with the
 * line they end on, and every problem reported as an ImportIssue naming file, line and column.
 */
import { createReadStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { CsvParser, CsvSyntaxError } from './csv-parser.ts';
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
    super({ decodeStrings: true, encoding: 'utf8' });
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
  const input = createReadStream(source.path, { highWaterMark: 64 * 1024 });
  const decode = new StrictUtf8(source.fileName, source.onBytes);
  const parser = new CsvParser(MAX_RECORD_BYTES);
  input.on('error', (e) => decode.destroy(e));
  input.pipe(decode);
  try {
    for await (const chunk of decode as AsyncIterable<string | Buffer>) {
      const records = parser.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      for (const r of records) yield r;
    }
    for (const r of parser.end()) yield r;
  } catch (e) {
    if (e instanceof ImportFailure) throw e;
    throw new ImportFailure([csvIssue(source.fileName, e)]);
  } finally {
    input.destroy();
    decode.destroy();
  }
}

function csvIssue(file: string, e: unknown): ImportIssue {
  if (e instanceof CsvSyntaxError) return { file, line: e.line, column: null, reason: e.message };
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err === 'object' && err.code === 'ENOENT') return { file, line: null, column: null, reason: 'The file does not exist.' };
  if (err && typeof err === 'object' && err.code === 'EISDIR') return { file, line: null, column: null, reason: 'This is a folder, not a file.' };
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
